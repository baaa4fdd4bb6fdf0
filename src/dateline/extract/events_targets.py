"""Where an event's target is found beyond the trigger's own slots (used by :mod:`.events`).

* Phrases: the actors a prepositional object names, and, for an object that
  is no party, the first party its own phrases name ("the withdrawal of
  Russian troops from Georgia" -> Russia; "hack into the computers of X").
* Domestic targets: untargeted dissent by a country's society, untargeted
  coercion or concession by a state's organs and untargeted violence by its
  police aim at that country (docs/codes.md, "Domestic targets").
* Place targets: acts done to a place with no party named target the place's
  country ("shelled positions in Juba").
* Threats aim at the party their if/unless condition is on; protests at the
  party the demand they are made for is made of.
"""

from __future__ import annotations

from ..model import Actor
from .events_pool import Pool, dedupe
from .events_salience import BACKGROUND_PREPS, CLAIM_NOUNS, TOPIC_PREPS
from .events_venue import under_venue, venue_words
from .lexicon import Pattern
from ..annotate.view import tokens_of

#: prepositions that name the party an act is aimed at when no pattern slot did
AIM_PREPS = {"to", "with", "against", "on", "at", "from", "toward", "towards", "upon", "for"}
#: event types whose prepositional target may sit one phrase down ("fired on positions of X")
DEEP_TYPES = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN"}
#: prepositions of physical aim, whose object's phrases may name the party aimed at
DEEP_PREPS = {"into", "on", "upon", "against", "at", "toward", "towards"}


def prep_objects(tok, preps, pool: Pool, deep: bool = False) -> list[Actor]:
    """The actors named by the objects of ``tok``'s prepositions in ``preps``
    (a country the resolver read as a place counts).  With ``deep`` and no
    party named directly, an object that is no party lends the first party its
    own phrases name ("hack into the computers of X").

    Args:
        tok: the token whose prepositions are read (a particle's count too:
            "pulled out of Syria").
        preps: the preposition lemmas that name a target.
        pool: the document's actors.
        deep: also look one phrase down when no party is named directly.

    Returns:
        The actors found, in text order.
    """
    out: list[Actor] = []
    kids = list(tok.children)
    # "pulled out of Syria": the preposition hangs from the particle
    kids += [g for c in kids if c.dep_ == "prt" for g in c.children]
    objs = [p for c in kids if c.dep_ in ("prep", "dative") and c.lemma_.lower() in preps  # dative "to"
            for p in c.children if p.dep_ == "pobj"]
    for p in objs:
        found = pool.with_conjuncts(p)
        if not found:
            # a country the resolver read as a place ("strikes on Syria"): in a
            # target slot it is the party aimed at
            found = [a for t in (p, *p.conjuncts) if (a := pool.country(t) or pool.place_country(t)) is not None]
        out += found
    if not out and deep:
        for p in objs:
            out += noun_objects(p, pool)
            if out:
                break
    return out


def noun_objects(noun, pool: Pool, depth: int = 0, where: bool = False) -> list[Actor]:
    """Actors an object noun phrase aims at: "a bunch of Morgul Orcs", "a
    resumption of ties with Osgiliath", "a boycott against X", "ties between
    X and Y" (following of-phrases down to three levels).  The first phrase
    that names a party is the one aimed at ("the withdrawal of Russian troops
    from Georgia" aims at Russia), with its conjuncts.

    Args:
        noun: the head noun of the phrase.
        pool: the document's actors.
        depth: the recursion depth (callers leave it 0).
        where: with no party named, take the country the noun is said to be
            in ("shelled a harbour in Somalia"; for a verb's object only).

    Returns:
        The actors of the first phrase that names a party, each once.
    """
    out: list[Actor] = []
    for c in noun.children:
        if out:
            break
        if c.dep_ != "prep":
            continue
        prep = c.lemma_.lower()
        for p in c.children:
            if p.dep_ != "pobj":
                continue
            if prep in AIM_PREPS or prep == "between" or (prep == "of" and depth == 0):
                out += pool.with_conjuncts(p)
            if not out and (prep in AIM_PREPS or prep == "between"):
                # "the withdrawal of forces from Panama": a country read as a place
                out += [a for t in (p, *p.conjuncts) if (a := pool.country(t) or pool.place_country(t)) is not None]
            if not out and prep in {"of", "between"} | AIM_PREPS and depth < 3:
                out += noun_objects(p, pool, depth + 1)
    if not out and where:
        # "shelled a fishing harbour in Somalia", "shelled a camp inside Syria":
        # with no party named, the country the object lies in is aimed at
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in WHERE_IN:
                out += [a for p in c.children if p.dep_ == "pobj" if (a := _country_of(p, pool)) is not None]
    return dedupe(out)


#: prepositions that put an object inside a country ("a harbour in Somalia")
WHERE_IN = {"in", "inside"}


def _country_of(tok, pool: Pool) -> Actor | None:
    """The country a place word names: the place's country, or a country actor
    the word is a mention of (not a country word inside a longer name, as
    "Ireland" in "Northern Ireland")."""
    got = pool.place_country(tok)
    if got is not None:
        return got
    a = pool.at(tok)
    return a if a is not None and a.kind == "country" else None


#: event types whose untargeted acts by a country's own society aim at its state
DOMESTIC_TYPES = {"PROTEST"}
#: sectors that speak for the state or act abroad: their protests are not domestic dissent
STATE_SECTORS = {"GOV", "MIL", "SPY", "IGO", "NGO"}
#: event types whose untargeted acts by a state's organs aim at its own country
#: (curfews, martial law, arrests imposed; curfews and emergencies lifted)
STATE_DOMESTIC_TYPES = {"COERCE", "CONCEDE"}
#: sectors that are organs of a state acting at home
STATE_ORGANS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
#: event types whose untargeted acts by police aim at their own country
POLICE_DOMESTIC_TYPES = {"ASSAULT"}


def domestic_target(pattern: Pattern, sources: list[Actor], pool: Pool, doc) -> list[Actor]:
    """The country as target of domestic dissent (docs/codes.md, "Domestic targets").

    A PROTEST with no named target whose sources are all groups of one country's
    society (students, workers, opposition, civilians, rebels: a country and a
    sector outside :data:`STATE_SECTORS`) is aimed at that country's state, as
    CAMEO codes "Kenyan farmers protested" KENAGR -> KEN.  The country
    actor is the document's own, or a new one whose mention is the country word
    inside the source's mention ("Kenyan", "in Kenya"); with neither,
    no target.  Likewise a COERCE or CONCEDE act with no named target whose
    sources are all organs of one state (:data:`STATE_ORGANS`: government,
    military, police, courts, legislature) is aimed at that state's own country
    ("Sudan's government lifted the state of emergency" SDNGOV -> SDN), and
    police violence with no named target aims at the police's country.  With
    no country word in the source's mention, a place of that country named in
    the text lends its mention to a new country actor.

    Args:
        pattern: the event's pattern (its PLOVER type decides which rule applies).
        sources: the event's sources.
        pool: the document's actors (a new country actor is added to it).
        doc: the annotated spaCy Doc.

    Returns:
        The country actor as the only target, or an empty list.
    """
    from ..resolve.countries import lookup_country

    if not sources:
        return []
    isos = {s.country for s in sources}
    if len(isos) != 1 or None in isos:
        return []
    if pattern.plover in DOMESTIC_TYPES:
        if any(not s.sector or s.sector in STATE_SECTORS or s.kind == "country" for s in sources):
            return []
    elif pattern.plover in STATE_DOMESTIC_TYPES:
        # "Sudan's government lifted a state of emergency", "Turkish police
        # prevented the demonstration": an organ of the state acting at home
        if any(s.kind == "country" or (s.sector or "")[:3] not in STATE_ORGANS for s in sources):
            return []
    elif pattern.plover in POLICE_DOMESTIC_TYPES:
        # "Zambian police fired on the marchers": police act at home
        if any(s.kind == "country" or (s.sector or "")[:3] != "COP" for s in sources):
            return []
    else:
        return []
    iso = isos.pop()
    found = pool.country_actor(iso)
    for start, end in sources[0].mentions if found is None else ():
        word = next((t for t in doc.char_span(start, end, alignment_mode="expand") or ()
                     if lookup_country(t.text) == iso), None)
        if word is not None:
            found = pool.country_actor(iso, (word.idx, word.idx + len(word)))
            break
    if found is None:
        # "curfew imposed in Sudan": a place of that country named in the text
        place = next((p for p in pool.places if p.country == iso and p.mentions), None)
        if place is not None:
            found = pool.country_actor(iso, place.mentions[0])
    return [found] if found is not None else []


#: acts done *to* the place where they happen: with no party named, the
#: place's country is the target ("shelled positions in Juba", "lifted the
#: state of emergency in Darfur", "demonstrated in Belgrade", "to investigate
#: abuses in Myanmar", "refused entry at the border in Kenya").  Meetings, deals and joint
#: work are left out: their place is a venue ("met in Geneva"), not a party.
PLACE_AIMED = {"ASSAULT", "COERCE", "CONCEDE", "PROTEST", "MOBILIZE", "AID", "THREATEN", "ACCUSE", "REQUEST",
               "REJECT", "SANCTION", "SUPPORT", "RETREAT"}


def place_target(place, sources: list[Actor], pool: Pool) -> list[Actor]:
    """The country of the event's place as its target (see :data:`PLACE_AIMED`):
    the document's actor of that country, else a new one named by the place.

    Args:
        place: the event's place (or None).
        sources: the event's sources (the place's country is not their own target).
        pool: the document's actors.

    Returns:
        The country actor as the only target, or an empty list.
    """
    if place is None or not place.country or not place.mentions:
        return []
    a = pool.country_actor(place.country) or pool.country_actor(place.country, place.mentions[0])
    return [a] if a is not None and all(a.id != s.id for s in sources) else []


def condition_parties(verb, pool: Pool) -> list[Actor]:
    """The subject of the first if/unless clause under a verb, or under the verb
    whose complement it is ("threatened to strike unless Israel withdraws" -> Israel).

    Args:
        verb: the verb of the threat's clause.
        pool: the document's actors.

    Returns:
        The actors of that clause's subject, or an empty list.
    """
    out: list[Actor] = []
    heads = [verb]
    if verb.dep_ in ("xcomp", "advcl", "ccomp") and verb.head is not verb:
        heads.append(verb.head)
    for v in heads:
        # the parser may hang the condition on a verb inside the threatened act
        # ("to break off the talks on tariffs if Canada goes ahead")
        for c in v.subtree:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children):
                out += [a for s in c.children if s.dep_ in ("nsubj", "nsubjpass") for a in pool.with_conjuncts(s)]
                if out:
                    break
        if out:
            break
    return dedupe(out)


#: how a protest's purpose clause hangs from it ("struck to demand", "rioted demanding")
PURPOSE_DEPS = ("advcl", "xcomp", "acl", "relcl")
#: prepositions of a demand that name the party it is made of ("demand reforms from X")
DEMANDED_OF = {"from", "by", "of"}


def purpose_targets(tok, verb, patterns, match, pool: Pool) -> list[Actor]:
    """The party a protest is aimed at, named by the demand it is made for:
    "kept up their sit-in to demand the resignation of the governor of X",
    "staged demonstrations to demand reforms by X's government", "rioted
    demanding that X resign" (CAMEO codes a protest for a demand against the
    party the demand is made of).

    Args:
        tok: the protest trigger.
        verb: the verb governing a noun trigger (or None).
        patterns: the trigger patterns in use.
        match: ``match(tok, patterns) -> Pattern | None``, the coder's trigger test.
        pool: the document's actors.

    Returns:
        The actors the demand is made of, or an empty list.
    """
    out: list[Actor] = []
    for head in [t for t in (tok, verb) if t is not None]:
        for c in head.children:
            if c.dep_ not in PURPOSE_DEPS:
                continue
            p = match(c, patterns)
            if p is None or p.plover != "REQUEST":
                continue
            for d in c.children:
                if d.dep_ == "dobj":
                    out += pool.with_conjuncts(d) or noun_objects(d, pool)
                elif d.dep_ == "ccomp":
                    out += [a for s in d.children if s.dep_ in ("nsubj", "nsubjpass")
                            for a in pool.with_conjuncts(s)]
            out += prep_objects(c, DEMANDED_OF, pool)
            if out:
                return dedupe(out)
    return []


#: dependencies by which an act hangs as the content of another ("refused to
#: deploy", "threatened to resume", "demanded that Sudan free", "its demand
#: that ...", "agreed to set up")
CONTENT_CHAIN = {"xcomp", "ccomp", "acl"}
#: event types whose content is another act: with no target of their own they
#: aim where the act they refuse, threaten, ask for or promise is aimed
FRAMING_TYPES = {"REJECT", "THREATEN", "REQUEST", "AGREE"}


def content_targets(events: list, doc) -> None:
    """Give an untargeted refusal, threat, demand or promise the target of the
    act it is about ("declined to station engineers in Mali" -> Mali,
    "threatened to resume attacks in Israel" -> Israel).

    The act must be coded as an event of its own whose trigger sits in the
    framing trigger's complement clause (a chain of xcomp/ccomp/acl
    dependencies, at most three deep) and whose target is not the framing
    event's source.  The nearest such act wins.  Events are changed in place.

    Args:
        events: the coded events of the document (before merging).
        doc: the annotated spaCy Doc.
    """
    by_idx = {t.idx: t for t in tokens_of(doc)}
    by_sent: dict[tuple[int, int], list] = {}  # only events of the same sentence are compared
    for e in events:
        by_sent.setdefault(e.span, []).append((e, by_idx.get(e.trigger_span[0])))
    for e, tok in ((e, t) for group in by_sent.values() for e, t in group):
        if e.target is not None or e.type not in FRAMING_TYPES or tok is None:
            continue
        best = None
        for f, ftok in by_sent[e.span]:
            if f is e or ftok is None or f.target is None or f.target == e.source:
                continue
            depth, head = 0, ftok
            while depth < 3 and head.i != tok.i and head.dep_ in CONTENT_CHAIN and head.head.i != head.i:
                head, depth = head.head, depth + 1
            if head.i == tok.i and depth and (best is None or depth < best[0]):
                best = (depth, f.target)
        if best is not None:
            e.target = best[1]


#: subordinators of an adverbial clause that tells how the act itself was done
#: ("wounded a dozen shoppers when they sprayed bullets across a market in Maiduguri")
SAME_ACT_MARKS = {"when", "by"}  # not "as": "as the president was holding talks" is a time
#: complement acts whose place is where they meet, not what they aim at
MEETING_TYPES = {"CONSULT", "AGREE"}


def complement_place(verb, places: list, patterns, match):
    """The place of the act a refusal, threat, demand or promise is about
    ("declined to station engineers in Mali", "threatened to resume attacks
    in Israel"): the locative phrase of its complement clause (xcomp or ccomp,
    two deep), unless that act is a meeting or a deal ("agreed to meet in
    Geneva": Geneva is no party).

    Args:
        verb: the framing verb (or None).
        places: the document's resolved places.
        patterns, match: the trigger patterns and the coder's trigger test.

    Returns:
        The place, or None.
    """
    from ..resolve.places import place_for_event

    todo = [(c, 1) for c in (verb.children if verb is not None else ()) if c.dep_ in ("xcomp", "ccomp")]
    while todo:
        c, depth = todo.pop(0)
        if c.pos_ not in ("VERB", "AUX"):
            continue
        p = match(c, patterns)
        if p is not None and p.plover in MEETING_TYPES:
            continue
        found = place_for_event(c.doc, c.i, places)
        if found is not None and not _venue_of(found, c):
            return found
        if depth < 2:
            todo += [(d, depth + 1) for d in c.children if d.dep_ in ("xcomp", "ccomp")]
    return None


def _venue_of(place, clause) -> bool:
    """Whether ``place`` is named in ``clause`` only as a venue ("to attend the
    summit in Lima"; see :func:`.events_venue.under_venue`)."""
    toks = [t for t in clause.subtree for s, e in place.mentions if s <= t.idx < e]
    return bool(toks) and all(under_venue(t) for t in toks)


def manner_place(verb, places: list, patterns=None, match=None):
    """The place of an adverbial clause that describes the act itself ("wounded
    shoppers when they sprayed bullets across a market in Maiduguri"), for an act with no
    locative phrase of its own.

    Args:
        verb: the trigger's verb (or None).
        places: the document's resolved places.
        patterns, match: the trigger patterns and the coder's trigger test;
            a clause whose verb is a meeting or deal names a venue and is skipped.

    Returns:
        The place, or None.
    """
    from ..resolve.places import place_for_event

    for c in (verb.children if verb is not None else ()):
        if c.dep_ == "advcl" and any(m.dep_ in ("advmod", "mark") and m.lower_ in SAME_ACT_MARKS
                                     for m in c.children):
            p = match(c, patterns) if match is not None else None
            if p is not None and p.plover in MEETING_TYPES:
                continue  # "when the leaders met in Geneva": a meeting's venue
            found = place_for_event(c.doc, c.i, places)
            if found is not None:
                return found
    return None


#: dependencies from a framing verb to what it is about: its object and
#: infinitive complement ("rejected a proposal to ...", "declined to take part in ...")
ABOUT_DEPS = {"dobj", "xcomp", "dative"}
#: dependencies followed inside that phrase: prepositions, their objects,
#: modifiers of the object and the object's own objects
ABOUT_INNER = {"prep", "pobj", "acl", "xcomp", "dobj", "dative", "pcomp", "amod", "compound", "nmod", "poss"}
#: prepositions that say when or why, not what about
NOT_ABOUT = (BACKGROUND_PREPS - TOPIC_PREPS) | {
    # roles, comparisons and agents ("as leader of the opposition", "a request by X")
    "as", "like", "than", "by", "via", "through"}
#: prepositions followed only on the act itself, not inside its object:
#: "attacks from Iran" names where the attacks come from, not whom they aim at
OWN_SLOT_ONLY = {"from"}


def about_targets(tok, verb, pool: Pool, sources: list[Actor], depth: int = 4) -> list[Actor]:
    """The party a refusal, demand, threat, promise or intended act is about
    when it names no target slot: the nearest coded actor, or country of a
    place, inside its object or complement ("rejected a proposal to sell
    copper to Bolivia" -> Bolivia, "vowed to annex the islands of Fiji" ->
    Fiji).  A place where the act was said or a meeting is held is no party
    (:func:`_venue`); nothing inside an accusation or report is ("dismissed
    reports that it had sold rifles to Libya": the refusal answers the
    reporters, not Libya).  Nearest is breadth-first over the
    phrase's dependencies, at most ``depth`` links down; when and why phrases
    ("after the talks") are not followed, nor relative clauses.

    Args:
        tok: the trigger token.
        verb: the trigger's verb for a verb trigger; None for a noun trigger,
            whose own phrase is read ("a request by Syria for air strikes on X"),
            never the verb it is the object of.
        pool: the document's actors.
        sources: the event's sources (never their own target).

    Returns:
        The actors found at the nearest level (a phrase and its conjuncts), or [].
    """
    start = verb if verb is not None else tok
    own = {s.id for s in sources}
    level = [c for c in start.children
             if c.dep_ in ABOUT_DEPS or (c.dep_ == "prep" and c.lemma_.lower() in AIM_PREPS)
             or (start.pos_ in ("NOUN", "PROPN") and c.dep_ == "acl")]
    seen = {start.i}
    for _ in range(depth):
        found: list[Actor] = []
        nxt = []
        for t in level:
            if t.i in seen:
                continue
            seen.add(t.i)
            if t.dep_ == "prep" and (t.lemma_.lower() in NOT_ABOUT
                                     or (t.lemma_.lower() in OWN_SLOT_ONLY and t.head.i != start.i)):
                continue
            if t.lemma_.lower() in CLAIM_NOUNS and t.pos_ == "NOUN":
                continue  # inside an accusation is the act alleged: a refusal answers the accusers
            if t.pos_ in ("NOUN", "PROPN", "ADJ") and not _venue(t, start):
                got = [a for a in pool.with_conjuncts(t) if a.id not in own and (a.country or a.code)]
                if not got:
                    a = _country_of(t, pool)
                    got = [a] if a is not None and a.id not in own else []
                found += [a for a in got if all(a.id != b.id for b in found)]
            nominal = t.pos_ in ("NOUN", "PROPN")
            # "an appeal for observers to be flown into Darfur": the clause may hang from the noun
            nxt += [c for c in t.children if c.dep_ in ABOUT_INNER or (nominal and c.dep_ == "advcl")
                    or (c.dep_ in ("nsubj", "nsubjpass") and t.dep_ == "advcl")]
        if found:
            return found
        level = nxt
    return []


#: verbs whose locative phrase is where people meet or speak, not what an act is about
MEETING_VERBS = {"meet", "talk", "gather", "convene", "speak", "say", "visit", "hold", "confer", "negotiate",
                 "discuss", "sit", "assemble"}


def _venue(tok, start) -> bool:
    """Whether a place word is where an act is said or a meeting held ("rejected
    the plan at a briefing in Vienna", "agreed to meet in Geneva", "refused to
    attend the conference in Bogota"), not what the act is about."""
    if tok.ent_type_ not in ("GPE", "LOC", "FAC"):
        return False
    if tok.dep_ in ("compound", "nmod", "amod") and tok.head.lemma_.lower() in venue_words()["venue_nouns"]:
        return True  # "the Sochi conference": where it meets
    prep = tok.head
    if prep.dep_ != "prep" or prep.lower_ not in ("in", "at", "inside", "near", "outside"):
        return False
    owner = prep.head
    if owner.i == start.i:
        return True  # the framing act's own place: where it was said
    lemma = owner.lemma_.lower()
    if owner.pos_ in ("VERB", "AUX"):
        return lemma in MEETING_VERBS or lemma in venue_words()["attend_verbs"]
    return lemma in venue_words()["venue_nouns"] or under_venue(tok, start)
