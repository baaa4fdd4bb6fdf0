"""Finding place mentions: datelines, names inside longer names, other senses.

:class:`Mention` is one place name found in the text, with its candidate
entries.  :func:`dateline_mentions` reads the names of a story's dateline;
:func:`add_other_senses` gives a recognized name the namesakes recognition
left out.  Used by :mod:`dateline.resolve.places` when a spaCy place entity,
or an organisation's name, is not itself a gazetteer name:

* a direction or area word before a US state or a city of 100,000
  ("Northeast Georgia", "North Texas", "East Oxford"): the place is the
  rest (a part of a country or a continent, "East Java", "Northern Europe",
  may lie far from its point, and is left out);
* an abbreviation whose final period the tokenizer split off ("W.Va." ->
  "W.Va" + "."): the name is looked up with the period;
* a place after "of" inside an organisation's name ("the University of
  Nebraska", "Professional Association of Georgia Educators").

The direction words live in ``data/places_rules.json``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..annotate.view import tokens_of
from .gazetteer import Candidate, Entry, Gazetteer, normalize, score_prior
from .places_near import km as _km
from .places_roles import rules

_COUNTY_KM = 60.0  # a town this close to a county's point is taken to lie in it

_MAX_TOKENS = 5
_COUNTY_WORDS = frozenset(("county", "parish", "borough"))


@dataclass
class Mention:
    """A place name in the text (token span) and its gazetteer candidates."""

    start: int  # token index
    end: int
    key: str  # normalized surface
    cands: list[Candidate]
    entry: Entry | None = None
    embedded: bool = False  # the leading words of an organisation's name ("Fargo Police")
    extra: list = field(default_factory=list)  # namesakes recognition left out (add_other_senses)


def add_other_senses(doc, gz: Gazetteer, mentions: list[Mention]) -> None:
    """Give each mention the namesakes recognition left out, in ``extra``.

    Recognition keeps only the senses that make a word a place ("Paris"
    inside "Paris Public Library" passes as a city of 100,000); once a name
    is a place, every primary namesake town of it competes in resolution, so
    local context can still pick Paris, Illinois, and so does a county named
    without the word ("DeKalb"), as a variant.  They compete only: the
    article's evidence is read from the recognized senses.

    Args:
        doc: the spaCy Doc.
        gz: the gazetteer.
        mentions: the article's mentions (changed in place).
    """
    for m in mentions:
        have = {c.entry.id for c in m.cands}
        surface = doc[m.start:m.end].text
        m.extra = [c for c in gz.lookup(surface)
                   if c.primary and c.entry.id not in have and c.entry.feature_class == "city"]
        if surface.endswith(" City") and len(surface) > 5:
            # "Santa Rosa City (Council)": the town of that name, as a variant
            m.extra += [Candidate(c.entry, False, False, c.name) for c in gz.lookup(surface[:-5])
                        if c.primary and c.entry.feature_class == "city" and c.entry.id not in have]
        if surface[:1].isupper() and not surface.endswith(("County", "Parish")):
            # "DeKalb", "Oglethorpe": a county named without the word, as a
            # variant (it needs the article's evidence to win)
            m.extra += [Candidate(c.entry, False, False, c.name) for c in gz.lookup(surface + " County")
                        if c.entry.feature_class == "admin2" and c.entry.id not in have]


def dateline_mentions(doc, gz: Gazetteer, span: tuple[int, int], mentions: list[Mention]) -> list[Mention]:
    """Place names inside the dateline ("BEIRUT, March 3", "SOCHI, Russia").

    Args:
        doc: the spaCy Doc.
        gz: the gazetteer.
        span: the dateline's character span.
        mentions: the mentions found so far.

    Returns:
        The mentions, where those inside the dateline are replaced by the
        names read there whatever their case or entity label.
    """
    s, e = span
    tokens = [t.i for t in tokens_of(doc) if s <= t.idx and t.idx + len(t) <= e]
    if not tokens:
        return mentions
    lo, hi = tokens[0], tokens[-1] + 1
    found: list[Mention] = []
    i = lo
    while i < hi:
        for j in range(min(hi, i + _MAX_TOKENS), i, -1):
            # "ST. CLOUD": the tokenizer splits the period off an upper-case abbreviation
            if not all(doc[k].text[:1].isupper() or doc[k].lower_ == "of" or (doc[k].text == "." and i < k < j - 1)
                       for k in range(i, j)):
                continue
            cands = [c for c in lookup_span(doc, gz, i, j) if c.primary or j - i > 1]
            if cands:
                found.append(Mention(i, j, normalize(doc[i:j].text), cands))
                i = j
                break
        else:
            i += 1
    if not found:
        return mentions
    kept = [m for m in mentions if m.end <= lo or m.start >= hi]
    return sorted(kept + found, key=lambda m: m.start)


def lookup_span(doc, gz: Gazetteer, start: int, end: int) -> list[Candidate]:
    """Candidates for ``doc[start:end]``, or for it with the period the
    tokenizer split off an abbreviation ("W.Va" + "." -> "W.Va.", "Vt" + "." -> "Vt.").

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
    short = surface.isalpha() and surface[:1].isupper() and len(surface) <= 5  # "Vt" + "."
    if not cands and end < len(doc) and doc[end].text == "." and ("." in surface or short):
        cands = [c for c in gz.lookup(surface + ".") if c.case_sensitive]
    return cands


def extend_left(doc, gz: Gazetteer, start: int, end: int) -> int:
    """Where a place entity really starts when the model left out its first
    word: "NEW ATHENS" tagged as "ATHENS", "EAST BERLIN" as "BERLIN".  The one or
    two capitalised words (or an abbreviation and the period the tokenizer
    split off it) just before the entity, outside any entity other than a
    stray place entity of their own, are taken in
    when the longer name is a gazetteer name.

    Args:
        doc: the spaCy Doc.
        gz: the gazetteer.
        start: the entity's first token.
        end: token index past it.

    Returns:
        The new start (``start`` when nothing is taken in).
    """
    for k in (start - 1, start - 2):
        if k < 0:
            break
        toks = [doc[x] for x in range(k, start)]
        # outside any entity but a stray place entity of its own ("ST" tagged GPE)
        if any(t.ent_type_ not in ("", "GPE", "LOC", "FAC") for t in toks) or any(t.is_sent_start for t in toks[1:]):
            break
        if k == start - 1 and toks[0].text == ".":
            continue  # "ST" "." "PARIS": take the abbreviation with its period
        if not toks[0].text[:1].isupper() or not all(t.text[:1].isupper() or t.text == "." for t in toks):
            break
        if any(c.primary for c in lookup_span(doc, gz, k, end)):
            return k
    return start


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


def named_us_state(cands) -> str | None:
    """The US state a name stands for when it is a state's own name
    ("Virginia", "Vt."), whatever towns elsewhere share it (Virginia,
    Minnesota): the state's code, else None.  A name that is also a country
    ("Georgia") or a US city of 500,000 ("Washington", "New York") is left
    to resolution.

    Args:
        cands: the name's ``Candidate`` values.

    Returns:
        The state's admin1 code, or None.
    """
    states = {c.entry.admin1 for c in cands if c.primary and c.entry.feature_class == "admin1"
              and c.entry.country == "USA"}
    if len(states) != 1:
        return None
    for c in cands:
        e = c.entry
        if e.feature_class == "country" or (e.feature_class == "city" and e.country == "USA"
                                            and e.population >= 500_000):
            return None
    return next(iter(states))


def county_cands(doc, gz: Gazetteer, start: int, end: int) -> list[Candidate]:
    """US county-level entries named in full ("Tangipahoa Parish", "Clay County").

    Args:
        doc: the spaCy Doc.
        gz: the gazetteer.
        start: first token index.
        end: token index past the name, which must end in County, Parish or Borough.

    Returns:
        The primary county-level candidates, possibly empty.
    """
    if end - start < 2 or doc[end - 1].lower_ not in _COUNTY_WORDS:
        return []
    return [c for c in lookup_span(doc, gz, start, end) if c.primary and c.entry.feature_class == "admin2"]


def _contains(inner: Entry, outer: Entry) -> bool:
    if inner.id == outer.id or inner.country is None or inner.country != outer.country:
        return False
    if outer.feature_class == "country":
        return inner.feature_class in ("city", "admin1", "admin2", "region")
    if outer.feature_class == "admin1":
        return inner.feature_class in ("city", "admin2") and inner.admin1 == outer.admin1
    if outer.feature_class == "admin2":  # "Guildford, Surrey": a town of the county
        return (inner.feature_class == "city" and inner.admin1 == outer.admin1 and None not in (inner.lat, outer.lat)
                and _km(inner.lat, inner.lon, outer.lat, outer.lon) <= _COUNTY_KM)
    return False


def _names_country(m: Mention) -> bool:
    return any(c.primary and c.entry.feature_class == "country" for c in m.cands)


def pair_patterns(doc, mentions: list[Mention]) -> dict[str, Entry]:
    """"City, Country" and "City, State": fix both names together.

    Args:
        doc: the spaCy Doc.
        mentions: the article's mentions.

    Returns:
        Name key -> the entry fixed for it.
    """
    forced: dict[str, Entry] = {}
    by_start = {m.start: m for m in mentions}
    for a in mentions:
        if a.end >= len(doc) or doc[a.end].text != ",":
            continue
        b = by_start.get(a.end + 1)
        if b is None or (_names_country(a) and _names_country(b)):
            continue  # "Japan, China": a list of countries, not a town and its country
        best = None
        for ca in a.cands:
            for cb in b.cands:
                if _contains(ca.entry, cb.entry):
                    s = score_prior(ca.entry) + (0 if ca.primary else -2.5) + (0 if cb.primary else -2.5)
                    if best is None or s > best[0]:
                        best = (s, ca.entry, cb.entry)
        if best is not None:
            forced.setdefault(a.key, best[1])
            forced.setdefault(b.key, best[2])
    return forced
