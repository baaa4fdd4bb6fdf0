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
      the tokens must be proper nouns; a US county named in full opens an
      organisation's name as a place ("Tangipahoa Parish School Board");
    * a place entity is extended over the one or two capitalised words the
      model left out before it when the longer name is in the gazetteer
      ("NEW ATHENS" tagged "ATHENS").

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
      state named in the article gains ("Paris" beside "Texas"); and every
      other name votes for the US states that hold a namesake of it (1/k
      each for k states, up to 12), so a US town or county gains by the
      votes for its state (local news that never names its state); a town or
      county also gains when the other names have a namesake within 60 km
      (``places_near``), and a US state named like a US city of 500,000
      ("Washington") is the city unless written as a state;
    * a town 20 times smaller than its biggest US namesake takes no state
      votes, and one 50 times smaller no lift from its state being named
      ("Atlanta" beside "Texas" is Georgia's);
    * US local wording (``places_wording``: a US-only cue such as a
      sheriff's office, an Interstate or "Dayton, Ohio", and two kinds of
      cue in all) lets a US town outweigh a foreign namesake city, unless
      the story names a country or province abroad or the country of any of
      the name's namesake cities abroad ("Plymouth" beside "Sheriff's
      deputies" and "Interstate 94"); British wording (a UK-only cue such as
      a pound sum or the NHS, no US cue) lifts a British town over namesake
      cities abroad whose countries the story does not name, none a capital
      or more than 12 times bigger ("Windsor" beside "the NHS" and "£3m");
    * the state votes and "places of this country" lift stop where they
      would mislead: no votes for a town whose bigger namesake's country
      the story names ("Toronto" beside Ohio towns and "Canada"); a
      village 300 times smaller than a namesake city gains little from
      its country's other places unless a namesake lies nearby or its own
      state or province is named ("London" beside Washington and New
      York); a country's name beside two other countries abroad is the
      country ("Italy" beside France and Germany); "China, Japan" is a list,
      not a town and its country;
    * "X City" is the place chosen for "X" in the same story when that is a
      town ("Alexandria City" beside "Alexandria" in Virginia);
    * a second pass draws the remaining names to the state most of the
      others were placed in (``places_near.dominant_state``), and a province
      outside the US beside its own country's cities keeps its name
      ("Ontario" beside Toronto).

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

Event places: :func:`place_for_event` (``places_events``) takes the
locative phrase inside the trigger's own clause (not one attached to another
verb), the most specific entry first ("Vientiane, Laos" -> Vientiane).
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field

from ..model import Place
from .gazetteer import Candidate, Entry, Gazetteer, load_gazetteer, normalize, score_prior
from .places_find import (Mention, add_other_senses, after_direction, county_cands, dateline_mentions, extend_left,
                          lookup_span, named_us_state, pair_patterns,
                          of_place, state_keys)
from .places_near import dominant_country, dominant_state, nearness
from .places_wording import gb_local_text, gb_over_abroad, names_abroad, us_local_text, us_over_abroad
from .places_events import dateline_place, place_for_event  # noqa: F401  (re-exported)
from .places_roles import is_agentive, rules
from ..annotate.view import ents_of, text_of

_PLACE_LABELS = ("GPE", "LOC", "FAC")
_OTHER_LABELS = ("ORG", "NORP", "PERSON")
_MIN_CITY_POP = 100_000
_MIN_CITY_POP_SENT_START = 1_000_000
_MAX_TOKENS = 5
_MAX_VOTE_STATES = 12  # a name with namesakes in more US states says nothing of the state
_STATE_CITY_POP = 500_000  # a US state named like a city this big means the city by default
_VOTE_RATIO = 20  # a town this many times smaller than its biggest US namesake takes no state votes
_US_TEXT_BONUS = 3.0  # a US town over a foreign namesake city in US local wording (places_us_cues.json)
_DOMINANT_BONUS = 3.0
_STATE_RATIO = 50  # a town this many times smaller than its biggest US namesake gains nothing from its state being named
_PROVINCE_BONUS = 1.5  # a province beside its own cities over a foreign city of its name ("Ontario")
_NEAR_WEIGHT = 2.5  # per unit of support from names with a namesake nearby (places_near)
_NATIONS_ABROAD = 2  # a country name beside this many other countries (not its namesake town's own) ...
_NATION_BONUS = 6.0  # ... is the country, whatever local context its namesake town has
_LOCAL_RATIO = 300  # a town this much smaller than a namesake city needs more than its country's places


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
    # "McLean", "DeKalb", "LaGrange": a capital inside a name
    camel = len(t) > 2 and t[1].islower() and t[1:].isalpha() and any(ch.isupper() for ch in t[2:])
    return bool(t) and t[0].isupper() and (tok.is_title or tok.is_upper or "." in t or "-" in t or camel)


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
    if e.feature_class == "admin2":
        # the county of "Guildford, Surrey" that the model took for an organisation
        doc = ent.doc
        return (c.primary and ent.start >= 2 and doc[ent.start - 1].text == ","
                and doc[ent.start - 2].ent_type_ in ("GPE", "LOC"))
    if e.feature_class != "city":
        return False
    if len(ent) > 1 and ent.label_ == "PERSON":
        return False
    if not _in_place_phrase(ent.root):
        return False
    return e.population >= (_MIN_CITY_POP if c.primary else 3 * _MIN_CITY_POP)


def _embedded_ok(c: Candidate, place_keys: set[str]) -> bool:
    e = c.entry
    if not c.primary:
        return False
    if normalize(c.name) in place_keys:
        return True
    if e.feature_class in ("country", "admin1", "admin2"):
        return not (c.case_sensitive and len(c.name) <= 2)
    return e.feature_class == "city" and e.population >= _MIN_CITY_POP


def _embedded(doc, gz: Gazetteer, ent, place_keys: set[str]) -> Mention | None:
    """A place name opening an organisation's name ("the Minnesota Department
    of Transportation", "Fargo Police"): a name the article uses as a place,
    or a country, US state or city of 100,000."""
    s, e = _trim(doc, ent.start, ent.end)
    for j in range(min(e - 1, s + 3), s, -1):
        if not all(_capitalised(doc[k]) for k in range(s, j)):
            continue
        cands = [c for c in gz.lookup(_surface(doc, s, j)) if _embedded_ok(c, place_keys)]
        if cands:
            return Mention(s, j, normalize(_surface(doc, s, j)), cands, embedded=True)
    return None


def _recognize(doc, gz: Gazetteer) -> list[Mention]:
    mentions: list[Mention] = []
    taken: set[int] = set()
    others = []
    for ent in ents_of(doc):
        if ent.label_ in _PLACE_LABELS:
            s, e = _trim(doc, ent.start, ent.end)
            for ps, pe in _split_commas(doc, s, e):
                ps, pe = _trim(doc, ps, pe)
                if pe <= ps:
                    continue
                if ps == s:
                    ps = extend_left(doc, gz, ps, pe)  # "NEW ATHENS" tagged as "ATHENS"
                cands = lookup_span(doc, gz, ps, pe)
                if cands:
                    mentions.append(Mention(ps, pe, normalize(_surface(doc, ps, pe)), cands))
                    continue
                inner = after_direction(doc, gz, ps, pe)  # "Northeast Georgia"
                if inner is not None:
                    mentions.append(Mention(inner[0], pe, normalize(_surface(doc, inner[0], pe)), inner[1]))
                elif (ps, pe) == (s, e):
                    others.append(ent)  # "the Florida Highway", "the Dodge County Detention Center"
        elif ent.label_ in _OTHER_LABELS:
            others.append(ent)
        taken.update(range(ent.start, ent.end))
    # One sense per article: a name the model tags as a place somewhere is a
    # place where it tags it as an organisation or a person too.
    place_keys = {m.key for m in mentions}
    for ent in others:
        s, e = _trim(doc, ent.start, ent.end)
        if e <= s:
            continue
        key = normalize(_surface(doc, s, e))
        cands = [c for c in gz.lookup(_surface(doc, s, e)) if key in place_keys or _other_label_ok(c, ent)]
        if cands:
            mentions.append(Mention(s, e, key, cands))
        elif ent.label_ in ("ORG", "FAC", "GPE", "LOC") or (ent.label_ == "PERSON" and len(ent) > 1):
            m = _embedded(doc, gz, ent, place_keys)
            if m is None and ent.label_ == "ORG":  # "the University of Nebraska"
                inner = of_place(doc, gz, s, e, lambda c: _embedded_ok(c, place_keys))
                m = Mention(inner[0], inner[1], normalize(_surface(doc, inner[0], inner[1])), inner[2],
                             embedded=True) if inner else None
            if m is not None:
                mentions.append(m)
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
            # part of a longer proper name ("Moscow State University"); a US
            # county named in full opens an organisation's name as a place
            # ("Tangipahoa Parish School Board", "Dodge County Fair")
            if j < n and _capitalised(doc[j]) and doc[j].pos_ == "PROPN" and not doc[j].is_sent_start:
                county = county_cands(doc, gz, i, j)
                if county:
                    mentions.append(Mention(i, j, normalize(_surface(doc, i, j)), county, embedded=True))
                    taken.update(range(i, j))
                    i = j
                    matched = True
                    break
                continue
            if i > 0 and _capitalised(doc[i - 1]) and doc[i - 1].pos_ == "PROPN" and not tok.is_sent_start:
                break
            sent_start = tok.is_sent_start or (i > 0 and doc[i - 1].is_punct and doc[i - 1].is_sent_start)
            if sent_start and tok.is_stop:
                break
            key = normalize(_surface(doc, i, j))
            cands = lookup_span(doc, gz, i, j)
            cands = cands if key in place_keys and not (sent_start and tok.is_stop) else _good_fallback(cands, sent_start)
            if cands:
                mentions.append(Mention(i, j, normalize(_surface(doc, i, j)), cands))
                taken.update(range(i, j))
                i = j
                matched = True
                break
        if not matched:
            i += 1
    mentions.sort(key=lambda m: m.start)
    person_words = _person_words(doc) - place_keys
    return [m for m in mentions if _not_a_name(doc, m, person_words)]


@functools.lru_cache(maxsize=1)
def _seats_of_power() -> frozenset[str]:
    return frozenset(normalize(n) for n in rules()["seat_of_power_names"])


def _person_words(doc) -> set[str]:
    return {t.lower_ for ent in ents_of(doc) if ent.label_ == "PERSON" and len(ent) > 1 for t in ent if t.is_title}


def _not_a_name(doc, m: Mention, person_words: set[str]) -> bool:
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


@dataclass
class _Context:
    countries: Counter  # (key, ISO3): countries named (by any name or demonym)
    local: Counter  # (key, ISO3): names of places inside one country (cities, states)
    us_local: Counter  # key: names that are only US cities/states
    states: Counter  # (key, admin1): US states named, or holding every place of a name
    votes: Counter  # (key, admin1): a name's share of a vote for each US state holding a namesake
    near: dict  # (key, entry id): support from other names with a namesake nearby (places_near)
    state_keys: frozenset = frozenset()  # names written as states somewhere ("Washington state")
    us_text: bool = False  # the wording marks US local news (places_us_cues.json)
    gb_text: bool = False  # the wording marks British local news (places_gb_cues.json)
    chosen_states: dict = field(default_factory=dict)  # key -> US state of the place a first pass chose
    nations: dict = field(default_factory=dict)  # key -> ISO3 of the country a name can only mean as a country
    regions: frozenset = frozenset()  # (key, ISO3, admin1): states and provinces a name can mean


def _context(doc, mentions: list[Mention], gz: Gazetteer) -> _Context:
    """Evidence from the whole article, keyed by the name that gave it."""
    countries: Counter = Counter()
    local: Counter = Counter()
    us_local: Counter = Counter()
    states: Counter = Counter()
    votes: Counter = Counter()
    for m in mentions:
        held = {c.entry.admin1 for c in m.cands if c.entry.country == "USA" and c.entry.admin1
                and c.entry.feature_class in ("city", "admin2", "admin1")}
        if len(held) <= _MAX_VOTE_STATES:
            for code in held:  # one vote per name, however often it recurs
                votes[(m.key, code)] = 1.0 / len(held)
        prim = [c for c in m.cands if c.primary] or m.cands
        admin1 = {c.entry.admin1 for c in prim if c.entry.country == "USA" and c.entry.feature_class != "country"}
        if len(admin1) == 1 and None not in admin1 and all(c.entry.country == "USA" for c in prim):
            states[(m.key, next(iter(admin1)))] += 1
        elif named_us_state(m.cands):  # "Virginia", whatever towns share the name
            states[(m.key, named_us_state(m.cands))] += 1
        iso = dominant_country([c.entry for c in prim])
        if iso is not None:
            countries[(m.key, iso)] += 1
            if all(c.entry.feature_class in ("city", "admin1", "admin2") for c in prim):
                local[(m.key, iso)] += 1
                if iso == "USA":
                    us_local[m.key] += 1
    for ent in ents_of(doc):
        if ent.label_ == "NORP":
            iso = gz.demonyms.get(ent.text.lower()) or gz.demonyms.get(ent.text.lower().rstrip("s"))
            if iso:
                countries[("#demonym", iso)] += 1
    near = nearness({m.key: [c.entry for c in m.cands + m.extra] for m in mentions})
    nations = {m.key: c.entry.country for m in mentions for c in m.cands
               if c.primary and c.entry.feature_class == "country"}
    regions = frozenset((m.key, c.entry.country, c.entry.admin1) for m in mentions for c in m.cands
                        if c.primary and c.entry.feature_class == "admin1")
    return _Context(countries, local, us_local, states, votes, near, nations=nations, regions=regions)


def _choose(m: Mention, ctx: _Context) -> Entry:
    own = {m.key, m.key + " city", m.key[:-5] if m.key.endswith(" city") else m.key}  # "Dublin City" is "Dublin"
    support = Counter()
    for (key, iso), n in ctx.countries.items():
        if key not in own:
            support[iso] += n
    local = Counter()
    for (key, iso), n in ctx.local.items():
        if key not in own:
            local[iso] += n
    us_cues = sum(n for key, n in ctx.us_local.items() if key not in own)
    states = {code for (key, code) in ctx.states if key not in own}
    votes = Counter()
    for (key, code), n in ctx.votes.items():
        if key not in own:
            votes[code] += n
    has_admin1 = any(c.entry.feature_class == "admin1" and c.entry.country == "USA" for c in m.cands)
    biggest = max((c.entry.population for c in m.cands if c.primary and c.entry.feature_class == "city"), default=0)
    big_iso = next((c.entry.country for c in m.cands if c.primary and c.entry.feature_class == "city"
                    and c.entry.population == biggest), None)
    us_biggest = max((c.entry.population for c in m.cands + m.extra if c.primary and c.entry.country == "USA"
                      and c.entry.feature_class == "city"), default=0)
    any_admin1 = any(c.primary and c.entry.feature_class == "admin1" for c in m.cands)
    big_names = any(c.primary and c.entry.feature_class in ("country", "continent", "region") for c in m.cands)
    us_vs_abroad = ctx.us_text and not big_names and not any_admin1 and us_over_abroad(m.cands, support)
    gb_vs_abroad = ctx.gb_text and not big_names and not any_admin1 and gb_over_abroad(m.cands, m.extra, support)
    dominant = dominant_state(ctx.chosen_states, m.key)
    nations_named = {iso for key, iso in ctx.nations.items() if key not in own}
    regions = {(iso, code) for key, iso, code in ctx.regions if key not in own}
    best = None
    for c in m.cands + m.extra:
        e = c.entry
        s = score_prior(e) + (0.0 if c.primary else -2.5) + (1.0 if e.capital else 0.0)
        rival_named = big_iso not in (None, e.country) and support[big_iso] > 0
        if e.country and local[e.country] and (e.feature_class == "admin1"
                                               or (e.feature_class in ("city", "admin2") and not rival_named)):
            # other places named inside this country make its namesake local
            # ("Alexandria" in a story about Minnesota towns), unless the
            # bigger namesake's own country is named too; a province keeps it
            # ("Ontario" beside Toronto, whatever the US city of that name)
            # ... but places named across a country (Washington, New York) do not
            # make a village of it outweigh a world city of its name ("London",
            # Ohio), unless a namesake nearby or its own state or province is named
            tiny = (e.feature_class == "city" and e.population * _LOCAL_RATIO < biggest
                    and ctx.near.get((m.key, e.id), 0.0) < 0.5 and (e.country, e.admin1) not in regions)
            s += 0.5 if tiny else 2.5 + min(local[e.country], 3) * 0.5
            if e.feature_class == "admin1" and e.country != "USA":
                s += _PROVINCE_BONUS  # a province beside its cities outweighs a foreign city of its name
        elif e.country and support[e.country]:
            if e.feature_class == "city" and e.population * 8 < biggest:
                # a country named somewhere in the text does not make a town
                # outweigh a namesake city more than eight times its size
                # ("Geneva" in a story that also names the United States)
                s += 0.5
            else:
                s += 2.5 if e.feature_class in ("city", "admin1", "admin2", "region") else 1.0
        if us_vs_abroad and e.country == "USA" and e.feature_class == "city":
            # US local wording: a US town outweighs its foreign namesake
            # cities when the story names none of their countries ("Plymouth")
            s += _US_TEXT_BONUS
        if gb_vs_abroad and e.country == "GBR" and e.feature_class in ("city", "admin2"):
            s += _US_TEXT_BONUS  # British wording: a British town over its namesakes abroad ("Windsor")
        if e.feature_class == "admin1" and e.country == "USA" and us_cues:
            s += 3.0
        if (e.feature_class in ("city", "admin2") and e.country == "USA" and e.admin1 in states
                and (e.feature_class == "admin2" or e.population * _STATE_RATIO >= us_biggest)):
            s += 2.0
        if (e.feature_class in ("city", "admin2") and e.country == "USA" and e.admin1 and not rival_named
                and e.population * _VOTE_RATIO >= us_biggest and (c.primary or e.population >= _STATE_CITY_POP)):
            # the other names' namesakes cluster in one state ("Decatur" beside
            # "DeKalb County" and "Lithonia": Georgia's)
            s += 1.5 * min(votes[e.admin1], 3.0)
        if (dominant is not None and e.country == "USA" and e.admin1 == dominant and e.feature_class in ("city", "admin2")
                and not rival_named):
            s += _DOMINANT_BONUS
        near = min(ctx.near.get((m.key, e.id), 0.0), 2.0)
        s += _NEAR_WEIGHT * near
        abroad = len(nations_named - {e.country})
        if e.feature_class == "city" and e.population < 1_000_000 and big_names and abroad >= _NATIONS_ABROAD:
            # "Italy" in a story naming France and Germany is the country, even
            # though a Texas town of the name lies near another name's namesake
            s -= _NATION_BONUS
        if e.feature_class == "city" and e.population < 1_000_000 and big_names and near < 0.5:
            # a town does not take the name of a country, continent or sea
            # ("Mexico", Missouri; "Atlantic", Iowa) on local context alone
            s -= 3.0
        if (e.feature_class == "city" and e.country == "USA" and e.population >= _STATE_CITY_POP and any_admin1
                and m.key not in ctx.state_keys):
            s += 3.5  # "Washington", "New York": the city, unless written "Washington state"
        if e.feature_class == "city" and e.population < 15_000 and any_admin1 and near < 0.5:
            s -= 2.0  # a small town does not outweigh a province of its name ("Queensland")
        if e.feature_class == "country" and not support[e.country] and has_admin1 and us_cues:
            s -= 1.0
        if best is None or s > best[0]:
            best = (s, e)
    return best[1]


def _display_name(m: Mention, surface: str) -> str:
    """The gazetteer's name, or the text's own spelling when it matched a
    variant ("Raqqa" rather than "Ar Raqqah")."""
    for c in m.cands:
        if c.entry is m.entry and not c.primary and m.entry.feature_class == "city":
            return surface
    return m.entry.name


@dataclass
class Toponym:
    """One place name in the text, resolved, with how the sentence uses it."""

    span: tuple[int, int]  # character offsets into doc.text
    text: str  # as written
    name: str  # the gazetteer's name, or the text's spelling of a variant name
    entry: Entry
    # "literal": a location; "actor": a place name standing for its government
    # or people (metonymy); "embedded": the opening words of an organisation's
    # name ("Fargo Police"); "demonym": a nationality word ("Sudanese").
    role: str
    dateline: bool = False  # inside the story's dateline


def _demonym_mentions(doc, gz: Gazetteer) -> list[Toponym]:
    out = []
    for ent in ents_of(doc):
        if ent.label_ != "NORP":
            continue
        low = normalize(ent.text)
        iso = gz.demonyms.get(low) or (gz.demonyms.get(low[:-1]) if low.endswith("s") else None)
        entry = gz.entries.get(f"country:{iso}") if iso else None
        if entry is not None:
            out.append(Toponym((ent.start_char, ent.end_char), ent.text, entry.name, entry, "demonym"))
    return out


def find_toponyms(doc, *, dateline: tuple[int, int] | None = None, demonyms: bool = False) -> list[Toponym]:
    """Every place name in the article, resolved, with its role.

    Args:
        doc: the spaCy ``Doc`` of the cleaned article text.
        dateline: character span of the story's dateline, if it has one; the
            place names in it are read whatever their case and support the
            choice of the other names ("TRIPOLI, Lebanon").
        demonyms: also return nationality words (NORP entities such as
            "Sudanese") resolved to their country, with role "demonym".

    Returns:
        ``Toponym`` values in text order.
    """
    gz = load_gazetteer()
    mentions = _recognize(doc, gz)
    if dateline is not None:
        mentions = dateline_mentions(doc, gz, dateline, mentions)
    add_other_senses(doc, gz, mentions)
    forced = pair_patterns(doc, mentions)
    ctx = _context(doc, mentions, gz)
    ctx.state_keys = state_keys(doc, mentions)
    primaries = [[c.entry for c in m.cands if c.primary] for m in mentions]
    ctx.us_text = us_local_text(text_of(doc)) and not names_abroad(primaries, "USA")
    ctx.gb_text = not ctx.us_text and gb_local_text(text_of(doc))
    chosen: dict[str, Entry] = dict(forced)
    for m in mentions:
        if m.key not in chosen:
            chosen[m.key] = _choose(m, ctx)
    ctx.chosen_states = {k: e.admin1 for k, e in chosen.items()
                         if e.country == "USA" and e.admin1 and e.feature_class in ("city", "admin2", "admin1")}
    if ctx.near or dominant_state(ctx.chosen_states, None):
        # second pass: each name now lends support from the place chosen for
        # it, and the state most of the names were placed in draws the rest
        if ctx.near:
            ctx.near = nearness({m.key: [c.entry for c in m.cands + m.extra] for m in mentions}, chosen)
        chosen = dict(forced)
        for m in mentions:
            if m.key not in chosen:
                chosen[m.key] = _choose(m, ctx)
    for key in list(chosen):
        base = chosen.get(key[:-5]) if key.endswith(" city") else None
        if base is not None and base.feature_class == "city" and key not in forced:
            chosen[key] = base  # "Alexandria City" is the Alexandria of the same story
    for m in mentions:
        m.entry = chosen[m.key]
    starts = {m.start for m in mentions}
    out = []
    for m in mentions:
        span = doc[m.start:m.end]
        in_dateline = dateline is not None and dateline[0] <= span.start_char and span.end_char <= dateline[1]
        if m.embedded:
            role = "embedded"
        elif not in_dateline and is_agentive(doc, m.start, m.end, m.entry, starts):
            role = "actor"
        else:
            role = "literal"
        out.append(Toponym((span.start_char, span.end_char), span.text, _display_name(m, span.text), m.entry,
                           role, in_dateline))
    if demonyms:
        out = sorted(out + _demonym_mentions(doc, gz), key=lambda t: t.span)
    return out


def resolve_places(doc, dateline: tuple[int, int] | None = None) -> list[Place]:
    """Find and resolve the places an article mentions as locations.

    Args:
        doc: the spaCy ``Doc`` of the cleaned article text.
        dateline: character span of the story's dateline (the ``Mark`` of kind
            "dateline" that cleaning sets), if any: its place is where the
            story was filed and becomes a place with that mention.

    Returns:
        One ``Place`` per distinct gazetteer entry, ids "p1", "p2", ... in
        order of first mention, each with the character spans of its
        locative mentions.  Mentions used as actors (metonymy) are left out,
        and a place left with no mention is not returned.
    """
    places: dict[str, Place] = {}
    for t in find_toponyms(doc, dateline=dateline):
        if t.role != "literal":
            continue
        e = t.entry
        p = places.get(e.id)
        if p is None:
            p = Place(
                id=f"p{len(places) + 1}",
                name=t.name,
                country=e.country,
                lat=e.lat,
                lon=e.lon,
                gazetteer_id=e.id,
                feature_class=e.feature_class,
                admin1=e.admin1,
            )
            places[e.id] = p
        p.mentions.append(t.span)
    return list(places.values())
