"""Venues are not targets (used by :mod:`.events` and :mod:`.events_targets`).

For a verbal act -- a complaint, demand, refusal, expression of support or
threat -- the place named beside it is usually where the words were spoken:
"condemned the embargo during an address in Berlin" is no act against
Germany.  Such an act takes its place's country as its target only when the
place hangs on what the act is about ("condemned killings of villagers in
Myanmar", "to investigate abuses in Myanmar"), never when the place is a
locative of the verb itself or sits under a speech, meeting or visit noun
(data/event_venues.json).  The same venue test keeps the place of a refused
or attended meeting ("declined to take part in the conference in Bogota")
from being what a refusal aims at.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from ..resolve.places_roles import is_locative

#: verbal acts: their place is a target only through their object (see module doc);
#: an investigation (CAMEO 09x, coded ACCUSE) is done where it is, and is not one
VERBAL_TYPES = {"ACCUSE", "REQUEST", "REJECT", "SUPPORT", "THREATEN"}
#: CAMEO code prefix of investigations
INVESTIGATE_PREFIX = "09"


def is_verbal(plover: str, cameo: str | None) -> bool:
    """Whether an act of type ``plover`` and code ``cameo`` is verbal (its own
    place is where it was said).

    Args:
        plover: the PLOVER type.
        cameo: the CAMEO code (or None).

    Returns:
        True for a verbal act.
    """
    return plover in VERBAL_TYPES and not (cameo or "").startswith(INVESTIGATE_PREFIX)
#: dependencies from an act to what it is about
_OBJECT_DEPS = {"dobj", "attr", "oprd", "pobj", "nsubjpass"}
#: dependencies followed down an object phrase to a place
_DOWN_DEPS = {"prep", "pobj", "compound", "nmod", "conj", "appos", "acl", "amod", "poss"}
#: prepositions of the verb itself whose object is where, not what ("in", "at" ...): see is_locative
_MAX_DEPTH = 6


@lru_cache(maxsize=1)
def venue_words() -> dict[str, frozenset[str]]:
    """The venue word lists of data/event_venues.json.

    Returns:
        {"venue_nouns": ..., "attend_verbs": ..., "summon_verbs": ...} as frozensets.
    """
    raw = json.loads(resources.files("dateline.extract").joinpath("data", "event_venues.json")
                     .read_text(encoding="utf-8"))
    return {k: frozenset(v) for k, v in raw.items() if isinstance(v, list)}


def under_venue(tok, stop=None) -> bool:
    """Whether a place token sits under a venue noun, or on the object of an
    attending verb, before reaching ``stop`` or a clause's verb.

    Args:
        tok: the place's root token.
        stop: a token where the climb ends (exclusive), or None.

    Returns:
        True for a venue.
    """
    words = venue_words()
    cur, seen = tok.head, 0
    while cur is not stop and cur.head is not cur and seen < _MAX_DEPTH:
        if cur.pos_ in ("NOUN", "PROPN") and cur.lemma_.lower() in words["venue_nouns"]:
            return True
        if cur.pos_ in ("VERB", "AUX"):
            return cur.lemma_.lower() in words["attend_verbs"]
        cur, seen = cur.head, seen + 1
    return stop is not None and cur is stop and stop.pos_ in ("NOUN", "PROPN") \
        and stop.lemma_.lower() in words["venue_nouns"]


def object_place(tok, verb, index: dict[int, object]):
    """The place that hangs on what a verbal act is about ("killings of
    villagers in Myanmar"), not on the act itself nor under a venue noun.

    Args:
        tok: the trigger token.
        verb: the trigger's verb (the trigger itself for a verbal trigger), or None.
        index: :func:`dateline.resolve.places_events.place_index` of the document.

    Returns:
        The place, or None.
    """
    if not index:
        return None
    words = venue_words()
    for h in {tok, verb} - {None}:
        if any(c.dep_ == "dobj" and c.lemma_.lower() in words["refuge_nouns"] for c in h.children):
            # "sought asylum in Norway": the place on the verb is the party asked
            for c in h.children:
                found = [index[g.i] for g in c.children if c.dep_ == "prep" and g.dep_ == "pobj"
                         and g.i in index and is_locative(g)]
                if found:
                    return found[0]
    heads = []
    for h in {tok, verb} - {None}:
        for c in h.children:
            if c.dep_ in _OBJECT_DEPS:
                heads.append(c)
            elif c.dep_ in ("prep", "agent") and not _locative_prep(c):
                heads += [g for g in c.children if g.dep_ == "pobj"]
            elif c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX"):
                heads += [g for g in c.children if g.dep_ in ("dobj", "attr")]
    for head in heads:
        if head.lemma_.lower() in venue_words()["venue_nouns"]:
            continue
        todo = [(head, 0)]
        while todo:
            cur, depth = todo.pop(0)
            p = index.get(cur.i)
            if p is not None and cur is not head and is_locative(cur) and not under_venue(cur, head):
                return p
            if depth < _MAX_DEPTH:
                todo += [(c, depth + 1) for c in cur.children if c.dep_ in _DOWN_DEPS
                         and c.lemma_.lower() not in venue_words()["venue_nouns"]]
    return None


def _locative_prep(prep) -> bool:
    """Whether a preposition child of the act says where it happened."""
    return any(g.dep_ == "pobj" and is_locative(g) for g in prep.children) or prep.lower_ in (
        "during", "at", "in", "on", "near")


def summoned_object(head) -> bool:
    """Whether the object of ``head`` is a party spoken to: the verb summons
    ("summoned", "called in", "invited") or its object is no place ("met the
    ambassador to complain"; not "visited Paris to complain").

    Args:
        head: the verb the purpose clause hangs from.

    Returns:
        True when the object may be the addressee.
    """
    if head.lemma_.lower() in venue_words()["summon_verbs"]:
        return True
    objs = addressees(head)
    return bool(objs) and all(o.ent_type_ not in ("GPE", "LOC", "FAC") for o in objs)


def addressees(head) -> list:
    """The objects of a verb a complaint or demand is the purpose of: its direct
    object, or the object of the particle of "called in the envoy" (parsed as a
    preposition).

    Args:
        head: the verb.

    Returns:
        The object tokens (may be empty).
    """
    objs = [c for c in head.children if c.dep_ == "dobj"]
    if not objs and head.lemma_.lower() == "call":
        objs = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "in"
                for g in c.children if g.dep_ == "pobj"]
    return objs
