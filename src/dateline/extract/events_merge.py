"""Dates, confidence and merging of coded events (used by :mod:`.events`).

Mentions of the same event (same type, actors and modality, compatible date
and place) are merged; the merged event keeps every trigger span.  An event
missing a party then folds into a fuller event of the same type in its
sentence, so one act gives one event, not a half copy beside it.  A party
the resolver could not code (no code, no country: "the two countries", an
unknown person) counts as missing here, and in types whose parties act with
each other (agreeing, consulting, cooperating) the named party of the half may
be either party of the fuller event ("the US and Jordan agreed upon a pact":
the pact's half copies fold into USA-JOR).
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Event, EventDate, TimeExpr
from .events_clause import infinitive_complement
from .lexicon import Pattern

#: types whose source and target are interchangeable when merging
SYMMETRIC = {"CONSULT", "COOPERATE"}
#: types whose half copies may name either party of the fuller event
MUTUAL_FOLD = SYMMETRIC | {"AGREE"}


def event_date(t: TimeExpr | None, published: str | None) -> EventDate:
    """An event's date: the resolved time expression ``t``, else the publication date.

    Args:
        t: the time expression governing the trigger, or None.
        published: the publication date (ISO), or None.

    Returns:
        An :class:`EventDate` with basis "text", "published", or empty.
    """
    if t is not None and t.resolved:
        return EventDate(start=t.start, end=t.end, text=t.text, basis="text", time=t.id)
    if published:
        return EventDate(start=published, end=published, text=None, basis="published", time=None)
    return EventDate()


def confidence(src, tgt, pattern: Pattern, t, p) -> float:
    """A coded event's confidence: 0.4, plus a share for each part that was found.

    Args:
        src, tgt: the source and target actors (or None).
        pattern: the trigger pattern (a multiword pattern adds 0.05).
        t, p: the time expression and place found (or None).

    Returns:
        The confidence in [0, 1], rounded to two decimals.
    """
    score = 0.4
    score += 0.25 if src is not None else 0.0
    score += 0.2 if tgt is not None else 0.0
    score += 0.05 if t is not None else 0.0
    score += 0.05 if p is not None else 0.0
    score += 0.05 if pattern.extra else 0.0
    return round(min(score, 1.0), 2)


def _key(e: Event):
    pair = (e.source, e.target)
    if e.type in SYMMETRIC:
        pair = tuple(sorted(x or "" for x in pair))
    return (e.type, pair, e.modality)


def _absorbed(half: Event, full: Event, unknown: frozenset = frozenset()) -> bool:
    """Whether ``half`` (one party unknown) is a partial mention of ``full``:
    the same type in the same sentence, agreeing on the party it names, both
    negated or both not ("threatened to close the port ... Peru threatened").
    Parties in ``unknown`` (actor ids with no code) count as missing."""
    if half is full or half.type != full.type or half.span != full.span:
        return False
    if (half.modality == "negated") != (full.modality == "negated"):
        return False
    fs, ft = (None if x in unknown else x for x in (full.source, full.target))
    hs, ht = (None if x in unknown else x for x in (half.source, half.target))
    if fs is None or ft is None:
        return False
    if hs is not None and ht is not None:
        return False
    if not _compatible(half, full):
        return False
    if hs in (None, fs) and ht in (None, ft):
        return True
    named = hs if hs is not None else ht
    return half.type in MUTUAL_FOLD and named in (fs, ft)


def merge(events: list[Event], unknown: frozenset = frozenset()) -> list[Event]:
    """Merge mentions of one event (same key, compatible date and place), then
    fold each event missing a party into a fuller event of the same sentence
    (:func:`_absorbed`): one event for one act, not a half copy beside it.

    Args:
        events: the coded events in text order (mentions are extended in place).
        unknown: ids of actors the resolver could not code (no code, no country).

    Returns:
        The merged events, in the order of their first mention.
    """
    merged = _merge_same(events)
    out: list[Event] = []
    for e in merged:
        full = next((f for f in merged if _absorbed(e, f, unknown)), None)
        if full is None:
            out.append(e)
            continue
        full.mentions.extend(m for m in e.mentions if m not in full.mentions)
        full.mentions.sort()
    return out


def _merge_same(events: list[Event]) -> list[Event]:
    out: list[Event] = []
    for e in events:
        twin = next((o for o in out if _key(o) == _key(e) and _compatible(o, e)), None)
        if twin is None:
            out.append(e)
            continue
        if twin.date.basis != "text" and e.date.basis == "text":
            twin.date = e.date
        if twin.place is None and e.place is not None:
            twin.place = e.place
        twin.mentions.extend(m for m in e.mentions if m not in twin.mentions)
        twin.confidence = max(twin.confidence, e.confidence)
        if twin.reported_by is None:
            twin.reported_by = e.reported_by
    return out


def _compatible(a: Event, b: Event) -> bool:
    if a.date.basis == "text" and b.date.basis == "text" and (a.date.start, a.date.end) != (b.date.start, b.date.end):
        return False
    if a.place and b.place and a.place != b.place:
        return False
    return True


#: CAMEO code of a bare promise ("agreed", "pledged", "vowed"): 030 Express intent to cooperate
BARE_PROMISE = "030"


def fold_promises(events: list[Event], doc, roles: dict[int, str] | None = None) -> list[Event]:
    """One act for a promise and what it promises ("agreed to reopen the border",
    "pledged to send aid", "vowed to shell the border towns"): the promised
    act, coded with its own intent code (0355 allow international involvement,
    033 provide aid, a 13X threat for a hostile act that has one), stands for
    the promise, and the bare promise (030) goes.

    The promised act must be the infinitive complement of the promise's verb
    (xcomp), or a noun that is the direct object of that complement ("vowed
    to continue its raids", "pledged to resume talks"), and have the same
    source; when it names no target it takes the promise's targets (one event
    for each).  A
    promise made to a party other than the act's target keeps its own event
    ("agreed with Egypt to open the port to Iraqi trucks").  Events are
    compared by trigger position.

    Args:
        events: coded events in text order (before merging).
        doc: the annotated spaCy Doc.
        roles: ``id(event)`` -> clause role (:mod:`.events_salience`); an event
            made for a promise's target gets the role of the act it copies.

    Returns:
        The events kept, in text order.
    """
    frames: dict[int, list[Event]] = {}
    for e in events:
        if e.cameo == BARE_PROMISE:
            frames.setdefault(e.trigger_span[0], []).append(e)
    if not frames:
        return events
    by_idx = {t.idx: t for t in doc}
    dropped: set[int] = set()
    extra: dict[int, list[Event]] = {}
    for c in events:
        tok = by_idx.get(c.trigger_span[0])
        verb = _verb_of(tok) if tok is not None else None
        if c.modality != "intended" or c.cameo == BARE_PROMISE or verb is None or not infinitive_complement(verb):
            continue
        promise = [f for f in frames.get(verb.head.idx, ()) if f.source == c.source]
        # a promise made to another party than the act's keeps its own dyad
        # ("agreed with Israel to reopen the crossing to Gaza")
        promise = [f for f in promise if c.target is None or f.target is None or f.target == c.target]
        if not promise:
            continue
        dropped.update(id(f) for f in promise)
        targets = [f.target for f in promise if f.target is not None and f.target != c.source]
        if c.target is None and targets:
            extra[id(c)] = [replace(c, target=t, mentions=list(c.mentions)) for t in dict.fromkeys(targets)]
            if roles is not None:
                roles.update({id(x): roles.get(id(c), "main") for x in extra[id(c)]})
    out: list[Event] = []
    for e in events:
        if id(e) in dropped:
            continue
        out.extend(extra.get(id(e), [e]))
    return out


def _verb_of(tok):
    """The verb of a trigger: itself, or for a noun the verb it is the direct
    object of ("vowed to continue its raids", "pledged to resume talks"); a
    noun deeper down ("pledged to put an end to the attacks") has none."""
    if tok.pos_ in ("VERB", "AUX"):
        return tok
    if tok.dep_ == "dobj" and tok.head.i != tok.i and tok.head.pos_ in ("VERB", "AUX"):
        return tok.head
    return None
