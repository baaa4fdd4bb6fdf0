"""Dates, confidence and merging of coded events (used by :mod:`.events`).

Mentions of the same event (same type, actors and modality, compatible date
and place) are merged; the merged event keeps every trigger span.  An event
missing a party then folds into a fuller event of the same type in its
sentence, so one act gives one event, not a half copy beside it.
"""

from __future__ import annotations

from ..model import Event, EventDate, TimeExpr
from .lexicon import Pattern

#: types whose source and target are interchangeable when merging
SYMMETRIC = {"CONSULT", "COOPERATE"}


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


def _absorbed(half: Event, full: Event) -> bool:
    """Whether ``half`` (one party unknown) is a partial mention of ``full``:
    the same type in the same sentence, agreeing on the party it names, both
    negated or both not ("threatened to ban voting ... Israel threatened")."""
    if half is full or half.type != full.type or half.span != full.span:
        return False
    if (half.modality == "negated") != (full.modality == "negated"):
        return False
    if full.source is None or full.target is None:
        return False
    if half.source is not None and half.target is not None:
        return False
    return half.source in (None, full.source) and half.target in (None, full.target) and _compatible(half, full)


def merge(events: list[Event]) -> list[Event]:
    """Merge mentions of one event (same key, compatible date and place), then
    fold each event missing a party into a fuller event of the same sentence
    (:func:`_absorbed`): one event for one act, not a half copy beside it.

    Args:
        events: the coded events in text order (mentions are extended in place).

    Returns:
        The merged events, in the order of their first mention.
    """
    merged = _merge_same(events)
    out: list[Event] = []
    for e in merged:
        full = next((f for f in merged if _absorbed(e, f)), None)
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
