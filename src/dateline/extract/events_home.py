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


def sentence_country(sent, pool: Pool) -> Actor | None:
    """The country actor of the only country a sentence names, if it names exactly one.

    Args:
        sent: a spaCy sentence span.
        pool: the document's actors and places.

    Returns:
        The country actor (created on the first mention in the sentence if new),
        or None when the sentence names no country, several, or an
        international party.
    """
    lo, hi = sent.start_char, sent.end_char
    isos: dict[str, tuple[int, int]] = {}
    for a in pool.actors:
        spans = [(s, e) for s, e in a.mentions if lo <= s < hi]
        if not spans:
            continue
        if not a.country and (a.code or "")[:3] in _ABROAD_CODES:
            return None
        if a.country:
            isos.setdefault(a.country, spans[0])
    for p in pool.places:
        spans = [(s, e) for s, e in p.mentions if lo <= s < hi]
        if spans:
            isos.setdefault(p.country, spans[0])
    if len(isos) != 1:
        return None
    iso, span = next(iter(isos.items()))
    return pool.country_actor(iso) or pool.country_actor(iso, span)


def _sentence_place(sent, pool: Pool):
    """The sentence's places outside actor mentions ("Basra", not the "US" of "US
    servicemen"), when they all lie in one country: the first of them, else None."""
    lo, hi = sent.start_char, sent.end_char
    inside = [(s, e) for a in pool.actors for s, e in a.mentions if lo <= s < hi and a.kind != "country"]
    found = [p for p in pool.places for s, e in p.mentions
             if lo <= s < hi and not any(a <= s and e <= b for a, b in inside)]
    return found[0] if found and len({p.country for p in found}) == 1 else None


def home_sides(plover: str, sources: list[Actor], targets: list[Actor], sent, place,
               pool: Pool) -> tuple[list[Actor], list[Actor]]:
    """Sources and targets with unplaced or missing parties given the sentence's country.

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
        at_place = None
        if place is not None and place.country:
            at_place = pool.country_actor(place.country) or (
                pool.country_actor(place.country, place.mentions[0]) if place.mentions else None)
        if at_place is not None and all(at_place.id != t.id for t in targets):
            return [at_place], targets
    home = sentence_country(sent, pool)
    if home is None:
        return sources, targets
    new_s, new_t = _placed(sources, home, sent), _placed(targets, home, sent)
    if plover in HOME_FILLED:
        # the other side must be a party of that country other than the country itself
        if not new_t and new_s and all(s.country == home.country and s.id != home.id for s in new_s):
            new_t = [home]
    if plover in HOME_FILLED | SOURCE_FILLED and not new_s and new_t:
        if all(t.country == home.country and t.id != home.id for t in new_t):
            new_s = [home]
    if not new_s or not new_t or any(s.id == t.id for s in new_s for t in new_t):
        # only a whole dyad is worth the guess; a party would not act on itself
        return sources, targets
    return new_s, new_t


def _placed(parties: list[Actor], home: Actor, sent) -> list[Actor]:
    """Unplaced groups given the home country (each once): a group all of whose
    mentions are in the sentence becomes that country's group ("the
    opposition" -> AZEOPP, evidence rule ``sentence_country``); one also named
    elsewhere in the document is replaced by the country actor for this event."""
    out: list[Actor] = []
    for a in parties:
        b = a
        if _unplaced(a):
            inside = all(sent.start_char <= s and e <= sent.end_char for s, e in a.mentions)
            b = _give_country(a, home.country) if inside and a.sector else home
        if all(b.id != x.id for x in out):
            out.append(b)
    return out


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
    for e in events:
        g = inferred.get(id(e))
        twin = None if g is None or g[0] == g[1] else next((
            f for f in events
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
