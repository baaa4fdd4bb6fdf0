"""Where a story was filed and where an event happened, among its resolved places.

:func:`dateline_place` picks the most specific place of a story's dateline;
:func:`place_for_event` the locative place of an event trigger's own clause.
Both work on the output of :func:`dateline.resolve.places.resolve_places`.
"""

from __future__ import annotations

from ..model import Place
from .places_roles import clause_tokens, is_locative

_SPECIFICITY = {"city": 0, "admin2": 1, "admin1": 2, "region": 3, "country": 4, "continent": 5}


def dateline_place(places: list[Place], dateline: tuple[int, int] | None) -> Place | None:
    """The place a story was filed from: the most specific place named in its dateline.

    Args:
        places: the output of :func:`resolve_places`.
        dateline: the dateline's character span (``Mark("dateline")``), or None.

    Returns:
        The place ("BEIRUT, March 3" -> Beirut; "SOCHI, Russia" -> Sochi), or None.
    """
    if dateline is None:
        return None
    s, e = dateline
    inside = [p for p in places if any(s <= a and b <= e for a, b in p.mentions)]
    if not inside:
        return None
    return min(inside, key=lambda p: (_SPECIFICITY.get(p.feature_class or "", 5),
                                      min(a for a, b in p.mentions if s <= a)))


def place_index(doc, places: list) -> dict[int, Place]:
    """The place each token roots, built once per document.

    Args:
        doc: the spaCy Doc.
        places: the document's resolved places.

    Returns:
        {root token index: Place}.
    """
    out: dict[int, Place] = {}
    for p in places:
        for s, e in p.mentions:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None:
                out[span.root.i] = p
    return out


def place_for_event(doc, trigger_i: int, places: list[Place]) -> Place | None:
    """Where the event whose trigger is token ``trigger_i`` happened.

    Args:
        doc: the spaCy ``Doc`` the places were resolved on.
        trigger_i: index of the event's trigger token.
        places: the output of :func:`resolve_places` for ``doc``.

    Returns:
        The place of a locative phrase ("in/at/near X", "on the sidelines of
        ... in X") in the trigger's own clause, the most specific one first
        (a city over its country), then the nearest; None when there is none.
    """
    if not places or not 0 <= trigger_i < len(doc):
        return None
    by_token = place_index(doc, places)
    found = []
    for i, depth in clause_tokens(doc, trigger_i):
        p = by_token.get(i)
        if p is not None and is_locative(doc[i]):
            found.append((_SPECIFICITY.get(p.feature_class or "", 5), depth, i, p))
    if not found:
        return None
    return min(found, key=lambda x: x[:3])[3]
