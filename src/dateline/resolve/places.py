"""Places: find toponyms in an annotated article and resolve them to the gazetteer.

Recognition
    * spaCy ``GPE``/``LOC``/``FAC`` entities (a leading "the" and a trailing
      possessive are trimmed; "Vientiane, Laos" inside one entity is split at
      the comma);
    * an entity of another label (``ORG``, ``NORP``, ``PERSON``) whose whole
      text is a country name, or a city of 100,000 people (300,000 under a
      variant name such as "Raqqa" for Ar Raqqah) only as the object of a
      locative/directional preposition (one-word ``PERSON`` entities only);
    * capitalised token sequences outside any entity that the gazetteer knows,
      conservatively: a country, US state, continent/region, or a city of at
      least 100,000 people under its own name; at a sentence start only
      countries/states/regions and cities of a million, never a stop word;
      the tokens must be proper nouns.

Resolution (one sense per name per article)
    * "City, Country" / "City, State" patterns fix both names together
      ("Vientiane, Laos", "Paris, Texas", "Atlanta, Georgia");
    * otherwise each candidate gets a prior (country > continent > region >
      city by log population > US state; a national capital gets a bonus;
      variant names a penalty) plus context: a city in a country named
      elsewhere in the article (by name or demonym) gains, so "Tripoli" is
      Lebanon's beside "Lebanon" and Libya's otherwise; a US state beats a
      country of the same name when other US states or US-only cities are
      named and the country is not supported ("Georgia"); a US city in a
      state named in the article gains ("Paris" beside "Texas").

Metonymy (decided per mention; see ``places_roles.is_agentive``)
    A mention is dropped as a place mention when it is used as an actor:
    * subject of a verb that is not a verb of being/experiencing ("Washington
      said", "Moscow rejected", "Russia launched an air campaign"), or of a
      copula with an agentive adjective ("Russia is ready to"); applies to
      countries, regions, US states and national capitals, not to other cities;
    * conjunct of such a subject ("Russia and the US had established");
    * prenominal modifier or possessor of an agentive noun ("the Damascus
      government", "Moscow's position", "US officials", "the US plan");
    * one of two place names joined by a hyphen as a modifier
      ("Washington-Moscow military cooperation", "US-Russia talks");
    * object of a passive "by" ("requested by Moscow"), of "of" after an
      agentive noun ("the president of the United States"), or the object of
      a verb addressed to actors ("urged Russia").
    A mention is kept when it is locative (object of in/at/near/to/from/on/
    across..., "City, Country", modifier of a place or situation noun such as
    "Syria truce", "Syria's crisis", passive subject "Syria has been gripped").
    Seat-of-power names ("the Kremlin", "the White House") are not in the
    gazetteer and so never become places.  A place with no remaining mention
    is not returned.

Event places: :func:`place_for_event` takes the locative phrase inside the
trigger's own clause (not one attached to another verb), the most specific
entry first ("Vientiane, Laos" -> Vientiane).
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass

from ..model import Place
from .gazetteer import Candidate, Entry, Gazetteer, load_gazetteer, normalize, score_prior
from .places_roles import clause_tokens, is_agentive, is_locative, rules

_PLACE_LABELS = ("GPE", "LOC", "FAC")
_OTHER_LABELS = ("ORG", "NORP", "PERSON")
_MIN_CITY_POP = 100_000
_MIN_CITY_POP_SENT_START = 1_000_000
_MAX_TOKENS = 5
_SPECIFICITY = {"city": 0, "admin1": 1, "region": 2, "country": 3, "continent": 4}


@dataclass
class _Mention:
    start: int  # token index
    end: int
    key: str  # normalized surface
    cands: list[Candidate]
    entry: Entry | None = None


def _trim(doc, start: int, end: int) -> tuple[int, int]:
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and (doc[end - 1].lower_ in ("'s", "\u2019s", "'", "\u2019") or doc[end - 1].is_punct):
        end -= 1
    while start < end and doc[start].is_punct:
        start += 1
    return start, end


def _split_commas(doc, start: int, end: int):
    part = start
    for i in range(start, end):
        if doc[i].text == ",":
            if i > part:
                yield part, i
            part = i + 1
    if end > part:
        yield part, end


def _surface(doc, start: int, end: int) -> str:
    return doc[start:end].text


def _capitalised(tok) -> bool:
    t = tok.text
    return bool(t) and t[0].isupper() and (tok.is_title or tok.is_upper or "." in t or "-" in t)


def _good_fallback(cands: list[Candidate], sent_start: bool) -> list[Candidate]:
    out = []
    for c in cands:
        if not c.primary:
            continue
        e = c.entry
        if e.feature_class in ("country", "admin1", "continent", "region"):
            if e.feature_class == "admin1" and c.case_sensitive and len(c.name) <= 2:
                continue  # bare postal codes only after "City,"
            out.append(c)
        elif e.population >= (_MIN_CITY_POP_SENT_START if sent_start else _MIN_CITY_POP):
            out.append(c)
    return out


_PATH_PREPS = frozenset(("from", "to", "toward", "towards", "into", "between", "via", "through", "in", "at", "near", "outside", "around", "across"))


def _in_place_phrase(tok) -> bool:
    """Object of a locative or directional preposition, or coordinated with
    one or with a GPE/LOC entity ("Mosul and Raqqa")."""
    start = tok
    while tok.dep_ in ("conj", "appos") and tok.head is not tok:
        tok = tok.head
    if tok is not start and tok.ent_type_ in ("GPE", "LOC"):
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ in _PATH_PREPS


def _other_label_ok(c: Candidate, ent) -> bool:
    """An ORG/NORP/PERSON entity that is really a toponym: a country, or a
    city of 100,000 (300,000 under a variant name) as the object of a
    locative/directional preposition ("from Nairobi to Kismayo")."""
    e = c.entry
    if e.feature_class == "country":
        return c.primary
    if e.feature_class != "city":
        return False
    if len(ent) > 1 and ent.label_ == "PERSON":
        return False
    if not _in_place_phrase(ent.root):
        return False
    return e.population >= (_MIN_CITY_POP if c.primary else 3 * _MIN_CITY_POP)


def _recognize(doc, gz: Gazetteer) -> list[_Mention]:
    mentions: list[_Mention] = []
    taken: set[int] = set()
    for ent in doc.ents:
        if ent.label_ in _PLACE_LABELS:
            s, e = _trim(doc, ent.start, ent.end)
            for ps, pe in _split_commas(doc, s, e):
                ps, pe = _trim(doc, ps, pe)
                if pe <= ps:
                    continue
                cands = gz.lookup(_surface(doc, ps, pe))
                if cands:
                    mentions.append(_Mention(ps, pe, normalize(_surface(doc, ps, pe)), cands))
        elif ent.label_ in _OTHER_LABELS:
            s, e = _trim(doc, ent.start, ent.end)
            if e > s:
                cands = [c for c in gz.lookup(_surface(doc, s, e)) if _other_label_ok(c, ent)]
                if cands:
                    mentions.append(_Mention(s, e, normalize(_surface(doc, s, e)), cands))
        taken.update(range(ent.start, ent.end))
    # Gazetteer matching of capitalised sequences the model missed.
    i = 0
    n = len(doc)
    while i < n:
        tok = doc[i]
        if i in taken or not _capitalised(tok) or tok.pos_ != "PROPN":
            i += 1
            continue
        matched = False
        for j in range(min(n, i + _MAX_TOKENS), i, -1):
            if any(k in taken for k in range(i, j)) or not all(_capitalised(doc[k]) or doc[k].lower_ == "of" for k in range(i, j)):
                continue
            if doc[j - 1].pos_ != "PROPN":
                continue
            # part of a longer proper name ("Moscow State University")
            if j < n and _capitalised(doc[j]) and doc[j].pos_ == "PROPN" and not doc[j].is_sent_start:
                continue
            if i > 0 and _capitalised(doc[i - 1]) and doc[i - 1].pos_ == "PROPN" and not tok.is_sent_start:
                break
            sent_start = tok.is_sent_start or (i > 0 and doc[i - 1].is_punct and doc[i - 1].is_sent_start)
            if sent_start and tok.is_stop:
                break
            cands = _good_fallback(gz.lookup(_surface(doc, i, j)), sent_start)
            if cands:
                mentions.append(_Mention(i, j, normalize(_surface(doc, i, j)), cands))
                taken.update(range(i, j))
                i = j
                matched = True
                break
        if not matched:
            i += 1
    mentions.sort(key=lambda m: m.start)
    person_words = _person_words(doc)
    return [m for m in mentions if _not_a_name(doc, m, person_words)]


@functools.lru_cache(maxsize=1)
def _seats_of_power() -> frozenset[str]:
    return frozenset(normalize(n) for n in rules()["seat_of_power_names"])


def _person_words(doc) -> set[str]:
    return {t.lower_ for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent if t.is_title}


def _not_a_name(doc, m: _Mention, person_words: set[str]) -> bool:
    """Drop seats of power, lower-case words ("metro"), and a non-country name
    that is part of a person's name in the same article ("David Jefferson"
    ... "Jefferson said")."""
    if m.key in _seats_of_power() or not doc[m.start].text[:1].isupper():
        return False
    if any(c.entry.feature_class == "country" for c in m.cands):
        return True
    if m.end - m.start == 1 and doc[m.start].lower_ in person_words:
        return False
    return True


def _contains(inner: Entry, outer: Entry) -> bool:
    if inner.id == outer.id or inner.country is None or inner.country != outer.country:
        return False
    if outer.feature_class == "country":
        return inner.feature_class in ("city", "admin1", "region")
    if outer.feature_class == "admin1":
        return inner.feature_class == "city" and inner.admin1 == outer.admin1
    return False


def _pair_patterns(doc, mentions: list[_Mention]) -> dict[str, Entry]:
    """"City, Country" and "City, State": fix both names together."""
    forced: dict[str, Entry] = {}
    by_start = {m.start: m for m in mentions}
    for a in mentions:
        if a.end >= len(doc) or doc[a.end].text != ",":
            continue
        b = by_start.get(a.end + 1)
        if b is None:
            continue
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


@dataclass
class _Context:
    countries: Counter  # (key, ISO3): countries named (by any name or demonym)
    us_local: Counter  # key: names that are only US cities/states
    states: Counter  # (key, admin1): US states named


def _context(doc, mentions: list[_Mention], gz: Gazetteer) -> _Context:
    """Evidence from the whole article, keyed by the name that gave it."""
    countries: Counter = Counter()
    us_local: Counter = Counter()
    states: Counter = Counter()
    for m in mentions:
        prim = [c for c in m.cands if c.primary] or m.cands
        admin1 = [c.entry for c in prim if c.entry.feature_class == "admin1"]
        if len(admin1) == 1 and not any(c.entry.feature_class == "country" for c in prim):
            states[(m.key, admin1[0].admin1)] += 1
        isos = {c.entry.country for c in prim}
        if len(isos) == 1 and None not in isos:
            countries[(m.key, next(iter(isos)))] += 1
            if isos == {"USA"} and all(c.entry.feature_class in ("city", "admin1") for c in prim):
                us_local[m.key] += 1
    for ent in doc.ents:
        if ent.label_ == "NORP":
            iso = gz.demonyms.get(ent.text.lower()) or gz.demonyms.get(ent.text.lower().rstrip("s"))
            if iso:
                countries[("#demonym", iso)] += 1
    return _Context(countries, us_local, states)


def _choose(m: _Mention, ctx: _Context) -> Entry:
    support = Counter()
    for (key, iso), n in ctx.countries.items():
        if key != m.key:
            support[iso] += n
    us_cues = sum(n for key, n in ctx.us_local.items() if key != m.key)
    states = {code for (key, code) in ctx.states if key != m.key}
    has_admin1 = any(c.entry.feature_class == "admin1" for c in m.cands)
    biggest = max((c.entry.population for c in m.cands if c.primary and c.entry.feature_class == "city"), default=0)
    best = None
    for c in m.cands:
        e = c.entry
        s = score_prior(e) + (0.0 if c.primary else -2.5) + (1.0 if e.capital else 0.0)
        if e.country and support[e.country]:
            if e.feature_class == "city" and e.population * 8 < biggest:
                # a country named somewhere in the text does not make a town
                # outweigh a namesake city more than eight times its size
                # ("Geneva" in a story that also names the United States)
                s += 0.5
            else:
                s += 2.5 if e.feature_class in ("city", "admin1", "region") else 1.0
        if e.feature_class == "admin1" and us_cues:
            s += 3.0
        if e.feature_class == "city" and e.country == "USA" and e.admin1 in states:
            s += 2.0
        if e.feature_class == "country" and not support[e.country] and has_admin1 and us_cues:
            s -= 1.0
        if best is None or s > best[0]:
            best = (s, e)
    return best[1]


def _display_name(m: _Mention, surface: str) -> str:
    """The gazetteer's name, or the text's own spelling when it matched a
    variant ("Raqqa" rather than "Ar Raqqah")."""
    for c in m.cands:
        if c.entry is m.entry and not c.primary and m.entry.feature_class == "city":
            return surface
    return m.entry.name


def resolve_places(doc) -> list[Place]:
    """Find and resolve the places an article mentions as locations.

    Args:
        doc: the spaCy ``Doc`` of the cleaned article text.

    Returns:
        One ``Place`` per distinct gazetteer entry, ids "p1", "p2", ... in
        order of first mention, each with the character spans of its
        locative mentions.  Mentions used as actors (metonymy) are left out,
        and a place left with no mention is not returned.
    """
    gz = load_gazetteer()
    mentions = _recognize(doc, gz)
    forced = _pair_patterns(doc, mentions)
    ctx = _context(doc, mentions, gz)
    chosen: dict[str, Entry] = dict(forced)
    for m in mentions:
        if m.key not in chosen:
            chosen[m.key] = _choose(m, ctx)
        m.entry = chosen[m.key]
    starts = {m.start for m in mentions}
    places: dict[str, Place] = {}
    for m in mentions:
        e = m.entry
        if is_agentive(doc, m.start, m.end, e, starts):
            continue
        span = doc[m.start:m.end]
        p = places.get(e.id)
        if p is None:
            p = Place(
                id=f"p{len(places) + 1}",
                name=_display_name(m, span.text),
                country=e.country,
                lat=e.lat,
                lon=e.lon,
                gazetteer_id=e.id,
                feature_class=e.feature_class,
                admin1=e.admin1,
            )
            places[e.id] = p
        p.mentions.append((span.start_char, span.end_char))
    return list(places.values())


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
    by_token: dict[int, Place] = {}
    for p in places:
        for s, e in p.mentions:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None:
                by_token[span.root.i] = p
    found = []
    for i, depth in clause_tokens(doc, trigger_i):
        p = by_token.get(i)
        if p is not None and is_locative(doc[i]):
            found.append((_SPECIFICITY.get(p.feature_class or "", 5), depth, i, p))
    if not found:
        return None
    return min(found, key=lambda x: x[:3])[3]
