"""Parties of an event that the sentence leaves to its one country (used by :mod:`.events`).

A sentence that names a single country -- through country actors, actors of
that country, or places in it -- and no other tells where its unnamed or
unplaced parties belong, as human coders read it ("Demonstrators demanded the
president's resignation" in a story about Algeria: Algerian demonstrators,
aiming at Algeria):

* An unplaced group party (no country, no organisation, no person: "the
  demonstrators", "militants") is of that country: named only in this
  sentence, it becomes that country's group (AZEOPP, evidence rule
  ``sentence_country``); named elsewhere too, the country stands for it in
  this event.
* A side no party fills is that country when the other side is of it (a
  party of the country other than the country actor itself), for the types
  whose unnamed side is at home -- protests, demands, refusals, complaints,
  threats, concessions, support: "refused to step down", "began a sit-in
  calling for the dismissal of ...".  For attacks and coercion only a
  missing doer is filled, never a named attacker's target.  Meetings, deals,
  joint work, aid, deployments, retreats (receiving observers, opening a
  border) and sanctions are not filled: their unnamed partner is as often
  abroad.
* An attack with no attacker named is the country of the act's place (else
  of the sentence's places outside actor mentions, when they lie in one
  country), even in a sentence naming other countries: "a roadside bomb near
  Kirkuk killed two US soldiers" has Iraq as its source.

Only an event that these rules make a whole dyad (a source and a target,
not one and the same) is changed; sentences naming two or more countries, or
an international organisation, are left as they are.
"""

from __future__ import annotations

from ..model import Actor, Evidence
from .events_pool import Pool, _unplaced

#: types whose side no party fills is the sentence's one country when the other side is of it
HOME_FILLED = {"PROTEST", "REQUEST", "REJECT", "ACCUSE", "THREATEN", "CONCEDE", "SUPPORT"}
#: types whose missing doer only is filled: an attack or coercion on a party of the
#: country with no attacker named ("a plot to kill the governor was
#: foiled"); a named attacker's unnamed target is not guessed
SOURCE_FILLED = {"ASSAULT", "COERCE"}
#: types whose missing source is the country where the act happens
PLACE_SOURCED = {"ASSAULT"}
#: evidence rule of a group placed by its sentence (resolve/data/actors_evidence.tsv)
SENTENCE_RULE = "sentence_country"
#: code prefixes of parties of no country that make a sentence international
_ABROAD_CODES = ("IGO", "NGO", "IMG", "MNC", "NGM")


def sentence_country(sent, pool: Pool) -> tuple[str, tuple[int, int] | None] | None:
    """The only country a sentence names, if it names exactly one; nothing is created.

    Args:
        sent: a spaCy sentence span.
        pool: the document's actors and places.

    Returns:
        (ISO code, span of a word naming the country in the sentence -- a country
        actor's mention, a place's mention or a country/nationality word inside
        another actor's mention -- or None), or None when the sentence names no
        country, several, or an international party.  Cached per sentence (and
        number of actors), so a document is scanned once per sentence.
    """
    cache = pool.__dict__.setdefault("_home_cache", {})
    key = (sent.start_char, len(pool.actors))
    if key not in cache:
        cache[key] = _sentence_country(sent, pool)
    return cache[key]


def _sentence_country(sent, pool: Pool):
    lo, hi = sent.start_char, sent.end_char
    isos: dict[str, tuple[int, int] | None] = {}
    for a in pool.actors:
        spans = [(s, e) for s, e in a.mentions if lo <= s < hi]
        if not spans:
            continue
        if not a.country and (a.code or "")[:3] in _ABROAD_CODES:
            return None
        if a.country:
            word = spans[0] if a.kind == "country" else _country_word(sent, spans, a.country)
            if isos.get(a.country) is None:
                isos[a.country] = word
    for p in pool.places:
        spans = [(s, e) for s, e in p.mentions if lo <= s < hi]
        if spans and isos.get(p.country) is None:
            isos[p.country] = spans[0]
    if len(isos) != 1:
        return None
    return next(iter(isos.items()))


def _country_word(sent, spans, iso: str) -> tuple[int, int] | None:
    """The span of a word naming country ``iso`` (a GPE/NORP entity) inside an
    actor's mentions ("Chilean" of "the Chilean interior minister"), or None."""
    from ..resolve.countries import lookup_country

    for s, e in spans:
        for ent in sent.ents:
            if (ent.label_ in ("GPE", "NORP") and s <= ent.start_char and ent.end_char <= e
                    and lookup_country(ent.text) == iso):
                return (ent.start_char, ent.end_char)
    return None


def _sentence_place(sent, pool: Pool):
    """The sentence's places outside actor mentions ("Basra", not the "US" of "US
    servicemen"), when they all lie in one country: the first of them, else None."""
    lo, hi = sent.start_char, sent.end_char
    inside = [(s, e) for a in pool.actors for s, e in a.mentions if lo <= s < hi and a.kind != "country"]
    found = [p for p in pool.places for s, e in p.mentions
             if lo <= s < hi and not any(a <= s and e <= b for a, b in inside)]
    return found[0] if found and len({p.country for p in found}) == 1 else None


class _Home:
    """A side as it would be with the sentence's country: the actor, and the
    country it would have (``change`` says how it would get it)."""

    __slots__ = ("actor", "country", "change")

    def __init__(self, actor: Actor | None, country: str | None, change: str):
        self.actor, self.country, self.change = actor, country, change

    def key(self) -> str:
        return self.actor.id if self.actor is not None else f"country:{self.country}"


def home_sides(plover: str, sources: list[Actor], targets: list[Actor], sent, place,
               pool: Pool) -> tuple[list[Actor], list[Actor]]:
    """Sources and targets with unplaced or missing parties given the sentence's country.

    Nothing is created or changed unless the event is accepted as a whole dyad.

    Args:
        plover: the event's PLOVER type.
        sources, targets: the parties found so far.
        sent: the trigger's sentence.
        place: the event's place (a ``model.Place``) or None.
        pool: the document's actors and places.

    Returns:
        (sources, targets), changed only as the module docstring says.
    """
    if not sources and not targets:
        return sources, targets
    if not sources and plover in PLACE_SOURCED:
        place = place if place is not None and place.country else _sentence_place(sent, pool)
        if place is not None and place.country and all(t.country != place.country or t.kind != "country"
                                                       for t in targets):
            at_place = pool.country_actor(place.country) or (
                pool.country_actor(place.country, place.mentions[0]) if place.mentions else None)
            if at_place is not None:
                return [at_place], targets
    found = sentence_country(sent, pool)
    if found is None:
        return sources, targets
    iso, word = found
    new_s, new_t = _placed(sources, iso, sent, pool), _placed(targets, iso, sent, pool)
    at_home = [_Home(None, iso, "country")]
    if plover in HOME_FILLED:
        # the other side must be a party of that country other than the country itself
        if not new_t and new_s and all(s.country == iso and s.change != "country" for s in new_s):
            new_t = at_home
    if plover in HOME_FILLED | SOURCE_FILLED and not new_s and new_t:
        if all(t.country == iso and t.change != "country" for t in new_t):
            new_s = at_home
    if not new_s or not new_t or any(s.key() == t.key() for s in new_s for t in new_t):
        # only a whole dyad is worth the guess; a party would not act on itself
        return sources, targets
    home = None
    if any(h.change == "country" for h in new_s + new_t):
        home = pool.country_actor(iso) or (pool.country_actor(iso, word) if word is not None
                                           else _implied_country(iso, pool))
    out_s, out_t = _apply(new_s, home, sent, pool), _apply(new_t, home, sent, pool)
    if any(s.id == t.id for s in out_s for t in out_t):
        return sources, targets
    return out_s, out_t


def _placed(parties: list[Actor], iso: str, sent, pool: Pool) -> list[_Home]:
    """Each party as it would be with the sentence's country ``iso`` (each once):
    an unplaced group named only in the sentence would become that country's
    group ("the opposition" -> AZEOPP, change ``give``); one also named
    elsewhere would be stood for, in this event, by that country's group of the
    same sector (change ``sector``), or by the country when it has no sector.
    A group marked as of another people ("Tamil protesters") is not placed."""
    out: list[_Home] = []
    for a in parties:
        h = _Home(a, a.country, "keep")
        if _unplaced(a) and not _of_a_people(a, sent):
            inside = all(sent.start_char <= s and e <= sent.end_char for s, e in a.mentions)
            if a.sector:
                h = _Home(a, iso, "give" if inside else "sector")
            else:
                h = _Home(None, iso, "country")
        if all(h.key() != x.key() for x in out):
            out.append(h)
    return out


def _of_a_people(a: Actor, sent) -> bool:
    """Whether an actor's mention in the sentence is or is modified by an ethnic
    or national word (a NORP entity or an ethnic adjective of the actor
    dictionary: "Tamil protesters", "Kurdish refugees")."""
    from ..resolve.actors_dict import ethnic_adjectives

    spans = [(s, e) for s, e in a.mentions if sent.start_char <= s < sent.end_char]
    toks = [t for t in sent for s, e in spans if s <= t.idx < e]
    words = toks + [c for t in toks for c in t.children if c.dep_ in ("amod", "compound")]
    return any(w.ent_type_ == "NORP" or w.text in ethnic_adjectives() for w in words)


def _apply(sides: list[_Home], home: Actor | None, sent, pool: Pool) -> list[Actor]:
    """The actors of an accepted dyad's sides, made as :func:`_placed` planned."""
    out: list[Actor] = []
    for h in sides:
        if h.change == "give":
            b = _give_country(h.actor, h.country)
        elif h.change == "sector":
            b = _sector_actor(h.actor, h.country, sent, pool)
        elif h.change == "country":
            b = home
        else:
            b = h.actor
        if b is not None and all(b.id != x.id for x in out):
            out.append(b)
    return out


def _implied_country(iso: str, pool: Pool) -> Actor:
    """A country actor the sentence implies but no word of it names (a known
    minister's "declined to step down"): no mention, evidence rule
    ``sentence_country``; a later word naming the country becomes its mention."""
    from ..resolve.actors_evidence import rules
    from ..resolve.countries import country_name

    r = rules()[SENTENCE_RULE]
    a = Actor(id=f"a{len(pool.actors) + 1}", name=country_name(iso), code=iso, country=iso, kind="country",
              mentions=[], evidence=Evidence(method=r.method, rule=r.rule, entry=None,
                                             confidence=r.confidence, mentions=[]))
    pool.actors.append(a)
    return a


def _sector_actor(a: Actor, iso: str, sent, pool: Pool) -> Actor:
    """The country's group of ``a``'s sector (VENOPP for "demonstrators" in a
    Venezuelan sentence), found or made; the group's mentions in this sentence
    move to it, so no two actors share a span."""
    from ..resolve.actors_ctx import country_sector_proto
    from ..resolve.actors_evidence import rules

    proto = country_sector_proto(iso, a.sector, a.kind or "", a.name)
    here = [m for m in a.mentions if sent.start_char <= m[0] < sent.end_char]
    b = next((x for x in pool.actors if x.code == proto.code and x.country == iso), None)
    if b is None:
        r = rules()[SENTENCE_RULE]
        b = Actor(id=f"a{len(pool.actors) + 1}", name=proto.name, code=proto.code, country=iso,
                  sector=a.sector, kind=a.kind, mentions=[],
                  evidence=Evidence(method=r.method, rule=r.rule, entry=None, confidence=r.confidence,
                                    mentions=[]))
        pool.actors.append(b)
    if len(here) < len(a.mentions):
        for m in here:
            a.mentions.remove(m)
            if m not in b.mentions:
                b.mentions.append(m)
                if b.evidence is not None and b.evidence.mentions is not None:
                    b.evidence.mentions.append(SENTENCE_RULE)
        b.mentions.sort()
    return b


def _give_country(a: Actor, iso: str) -> Actor:
    """The group actor ``a`` made a group of ``iso`` (in place), with its evidence."""
    from ..resolve.actors_ctx import country_sector_proto
    from ..resolve.actors_evidence import rules

    proto = country_sector_proto(iso, a.sector, a.kind or "", a.name)
    a.country, a.code, a.name = iso, proto.code, proto.name
    r = rules()[SENTENCE_RULE]
    a.evidence = Evidence(method=r.method, rule=r.rule, entry=a.evidence.entry if a.evidence else None,
                          confidence=r.confidence, mentions=[SENTENCE_RULE] * len(a.mentions))
    return a


def drop_guessed_twins(events: list, inferred: dict[int, tuple[bool, bool]]) -> list:
    """Events whose side this module supplied, dropped when the sentence codes the same
    act with that side named: "teenagers hurled rocks at a rally against the
    Israeli military" keeps PSE -> ISR, not also the guessed PSE -> PSE.

    Args:
        events: the coded events (``model.Event``), in text order.
        inferred: ``id(event)`` -> (source guessed, target guessed) for the events
            :func:`home_sides` changed.

    Returns:
        The events without the guessed twins.
    """
    out = []
    by_sent: dict[tuple[int, int], list] = {}  # twins share a sentence
    for e in events:
        by_sent.setdefault(e.span, []).append(e)
    for e in events:
        g = inferred.get(id(e))
        twin = None if g is None or g[0] == g[1] else next((
            f for f in by_sent[e.span]
            if f is not e and id(f) not in inferred and f.type == e.type and f.span == e.span
            and (f.modality == "negated") == (e.modality == "negated")
            and ((g[1] and f.source == e.source and f.target is not None)
                 or (g[0] and f.target == e.target and f.source is not None))), None)
        if twin is None:
            out.append(e)
            continue
        twin.mentions.extend(m for m in e.mentions if m not in twin.mentions)  # one act, its triggers
        twin.mentions.sort()
    return out
