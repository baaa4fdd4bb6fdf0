"""Place names inside longer names that the gazetteer does not hold.

Used by :mod:`dateline.resolve.places` when a spaCy place entity, or an
organisation's name, is not itself a gazetteer name:

* a direction or area word before a US state or a city of 100,000
  ("Northeast Georgia", "North Texas", "East Oxford"): the place is the rest (a part of a country or a continent,
  "East Java", "Northern Europe", may lie far from its point, and is left
  out);
* an abbreviation whose final period the tokenizer split off ("W.Va." ->
  "W.Va" + "."): the name is looked up with the period;
* a place after "of" inside an organisation's name ("the University of
  Nebraska", "Professional Association of Georgia Educators").

The direction words live in ``data/places_rules.json``.
"""

from __future__ import annotations

from .gazetteer import Candidate, Gazetteer
from .places_roles import rules


def lookup_span(doc, gz: Gazetteer, start: int, end: int) -> list[Candidate]:
    """Candidates for ``doc[start:end]``, or for it with the period the
    tokenizer split off an abbreviation ("W.Va" + "." -> "W.Va.").

    Args:
        doc: the spaCy Doc.
        gz: the gazetteer.
        start: first token index.
        end: token index past the name.

    Returns:
        The candidates, possibly empty.
    """
    surface = doc[start:end].text
    cands = gz.lookup(surface)
    if not cands and end < len(doc) and doc[end].text == "." and "." in surface:
        cands = [c for c in gz.lookup(surface + ".") if c.case_sensitive]
    return cands


def after_direction(doc, gz: Gazetteer, start: int, end: int) -> tuple[int, list[Candidate]] | None:
    """The place after leading direction words ("Northeast Georgia" -> Georgia).

    Args:
        doc: the spaCy Doc.
        gz: the gazetteer.
        start: first token of an entity the gazetteer does not hold whole.
        end: token index past the entity.

    Returns:
        ``(start of the place, its candidates)``, or None.
    """
    words = rules()["direction_words"]
    i = start
    while i < end - 1 and (doc[i].lower_ in words or doc[i].text == "-"):
        i += 1
    if i == start or not doc[i].text[:1].isupper():
        return None
    cands = [c for c in lookup_span(doc, gz, i, end) if c.primary]
    # a part of a US state ("North Texas") lies near the state's point; a part
    # of a country or a continent ("East Java", "Northern Europe") may not
    if not any((c.entry.feature_class == "admin1" and c.entry.country == "USA")
               or (c.entry.feature_class == "city" and c.entry.population >= 100_000) for c in cands):
        return None
    return i, cands


def of_place(doc, gz: Gazetteer, start: int, end: int, ok) -> tuple[int, int, list[Candidate]] | None:
    """A place named after "of" inside an organisation's name.

    Args:
        doc: the spaCy Doc.
        gz: the gazetteer.
        start: the organisation entity's first token.
        end: token index past it.
        ok: predicate on a ``Candidate``: which senses may stand inside an
            organisation's name.

    Returns:
        ``(start, end, candidates)`` of the longest capitalised run after the
        first "of" that the gazetteer holds, or None.
    """
    for k in range(start + 1, end - 1):
        if doc[k].lower_ != "of":
            continue
        s = k + 1
        stop = s
        while stop < end and doc[stop].text[:1].isupper() and doc[stop].lower_ not in ("of", "and"):
            stop += 1
        for e in range(stop, s, -1):
            cands = [c for c in lookup_span(doc, gz, s, e) if ok(c)]
            if cands:
                return s, e, cands
        return None
    return None


def state_keys(doc, mentions) -> frozenset[str]:
    """Names the article writes as a state somewhere: "Washington state",
    "Washington State", "the state of New York".

    Args:
        doc: the spaCy Doc.
        mentions: the article's place mentions (``start``, ``end``, ``key``).

    Returns:
        Their keys (normalized names).
    """
    out = set()
    for m in mentions:
        after = doc[m.end].lower_ if m.end < len(doc) else ""
        before = doc[max(0, m.start - 2):m.start].text.lower()
        if after == "state" or before == "state of":
            out.add(m.key)
    return frozenset(out)
