"""Event extraction: who did what to whom, read off the dependency parse.

How an event is found (each rule is general; the trigger words are data in
``extract/data/event_patterns.tsv``):

1. A trigger is a verb, or a noun, whose lemma is a pattern head and whose
   children carry the pattern's other lemmas ("pull out", "air strike").
2. Source: the subject of the verb (or of the verb that governs a noun
   trigger: "Russia launched an air campaign"); for a passive, the "by" agent;
   for a verb with no subject of its own (xcomp, conj), the subject of the
   verb it hangs from ("Kerry plans to meet Lavrov").  A noun trigger may
   carry its own source ("Russian air strikes", "Turkey's offensive").
3. Target: the direct object, or the object of one of the pattern's
   prepositions ("meet with X", "air campaign against X").  Conjoined actors
   ("he and Lavrov would discuss") make a dyad between them.
4. Modality: negated (not/never/no), hypothetical (if/unless, could/might/
   may), intended (will/would/'ll/going to, or under plan/want/agree/promise
   to ...), reported (under a speech verb: "X said Y attacked Z" gives the
   event Y->Z with ``reported_by`` X).  Negation wins over the others.
5. Date: the time expression governing the trigger's clause, else the
   publication date (basis "published").  Place: the locative phrase of the
   trigger's clause.
6. Mentions of the same event (same type, actors and modality, compatible
   date and place) are merged; the merged event keeps every trigger span
   (:mod:`.events_merge`).

Clause reading (shared subjects, modality) is in :mod:`.events_clause`,
frames that recode a trigger (refusals, demands, threats) in
:mod:`.events_frames`, actor lookup by token in :mod:`.events_pool`.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Actor, Event, Place, Quote, TimeExpr
from .events_clause import (infinitive_complement as _infinitive_complement, modality as _modality,
                             subject_tokens as _subject_tokens)
from .events_frames import (COOPERATIVE, TRYING_HEADS, conditional_threat, declined_comment, find_frames,
                            refusal_negation, rejected, that_clauses, threatened)
from .events_merge import confidence as _confidence, event_date as _date, fold_promises, merge as _merge
from .events_pool import Pool as _Pool, dedupe as _dedupe
from .events_deploy import MOVED_TYPES, arrival_pattern, moving_force
from .events_home import drop_guessed_twins, home_sides
from .events_salience import aim_clause, clause_role, drop_background
from ..resolve.places_events import place_index
from .events_venue import addressees, is_verbal, object_place, summoned_object, venue_words
from .events_targets import (AIM_PREPS, DEEP_PREPS, DEEP_TYPES, DOMESTIC_TYPES, FRAMING_TYPES, PLACE_AIMED,
                             POLICE_DOMESTIC_TYPES, STATE_DOMESTIC_TYPES, about_targets, complement_place,
                             condition_parties, content_targets, domestic_target, manner_place, noun_objects,
                             place_target, prep_objects, purpose_targets)
from .lexicon import Pattern, cameo_info, load_patterns
from ..annotate.view import text_of, tokens_of

#: heads under which a violent act was carried out, if unsuccessfully
ATTEMPT_HEADS = {"try", "attempt"}
LIGHT_VERBS = {
    "launch", "hold", "conduct", "carry", "stage", "have", "begin", "make", "sign",
    "reach", "impose", "mount", "start", "continue", "resume", "agree", "order",
    "announce", "open", "wage", "step", "intensify", "escalate", "pay", "give", "provide",
    "send", "deliver", "strike", "broker", "seal", "clinch", "conclude", "extend",
    "establish", "forge", "secure", "hammer", "finalize", "finalise", "negotiate",
    "undertake", "renew", "organize", "organise", "call", "lodge", "file", "declare",
    "complete", "issue", "reiterate", "express", "voice", "take", "adopt", "enforce",
    "tighten", "maintain", "keep", "speed", "accelerate", "reimpose", "deliver",
}
#: particles that keep a light verb's act ("stepped up", "speeded up" the
#: offensive); others undo it ("called off a strike", "broke off talks")
INTENSIFYING_PRT = {"up"}
#: verbs that put their subject in the state a noun trigger names through a
#: preposition ("remained on alert", "went on strike", "were on hunger strike")
STATE_VERBS = {"remain", "stay", "go", "be", "put", "place", "keep"}
#: spaCy lemmas that are not the verb's ("staged" -> "stag")
LEMMA_FIXES = {("VERB", "stag"): "stage"}
#: quantity and duration nouns whose of-phrase is what is given, sent or done
#: ("tons of aid", "10 days of war games")
MEASURES = {"ton", "tonne", "shipment", "consignment", "package", "batch", "worth", "amount",
            "load", "convoy", "million", "billion", "dollar", "euro", "kg", "kilogram", "round",
            # durations: "launched 10 days of war games", "two weeks of talks"
            "hour", "day", "week", "month"}
#: nouns that name the people of an act ("protesters", "peacekeepers"): an act
#: of their own only where no other act is said of them
PARTICIPANT_NOUNS = {"protester", "demonstrator", "peacekeeper", "rioter", "striker"}
#: Types where conjoined subjects act with each other ("X and Y agreed").
MUTUAL = {"AGREE", "COOPERATE"}


def extract_events(
    doc,
    actors: list[Actor],
    places: list[Place],
    times: list[TimeExpr],
    quotes: list[Quote] | None = None,
    published: str | None = None,
    patterns: dict | None = None,
    background: bool = False,
) -> list[Event]:
    """Find the events of a document.

    Args:
        doc: the annotated spaCy Doc of ``article.text``.
        actors, places, times, quotes: the resolved facts of the same text.
            ``actors`` may gain country actors for nationality words that own
            an event ("the Turkish offensive"); ids stay unique.
        published: publication date (ISO) used when no time expression governs.
        patterns: trigger patterns (default: the packaged ones).
        background: keep events a sentence only mentions in passing (relative
            clauses, purpose adjuncts, "after the attack") even when it
            reports an event of its own (:mod:`.events_salience`).

    Returns:
        Events with ids e1, e2, ... in text order.
    """
    from ..resolve.places import place_for_event
    from ..resolve.times import time_for_event

    patterns = patterns if patterns is not None else load_patterns()
    quotes = quotes or []
    pool = _Pool(actors, text_of(doc), quotes, places)
    index = place_index(doc, places)
    found: list[Event] = []
    used: set[int] = set()  # tokens a multiword verb pattern already took ("impose sanctions")
    inferred: dict[int, tuple[bool, bool]] = {}  # id(event) -> (source, target) given by events_home
    roles: dict[int, str] = {}  # id(event) -> "main" | "background" | "alleged" (events_salience)
    frames = find_frames(doc, patterns, _match, pool.with_conjuncts)
    for tok in tokens_of(doc):
        if tok.i in used or tok.i in frames.skip:
            continue
        frame = frames.at.get(tok.i)
        pattern = frame.pattern if frame is not None else _match(tok, patterns)
        if pattern is None or pattern.cameo == "---":  # "---": a dictionary pattern that blocks coding
            continue
        if (pattern.pos == "NOUN" and lemma_of(tok) in PARTICIPANT_NOUNS
                and (gov := _governor(tok)) is not None and _match(gov, patterns)):
            continue  # "demonstrators rioted", "engaged peacekeepers in a firefight": a party of another act
        if (pattern.pos == "VERB" and lemma_of(tok) in TRYING_HEADS and any(c.dep_ == "xcomp" for c in tok.children)
                and not any(c.dep_ == "dobj" for c in tok.children)):
            continue  # "sought to calm tensions": an aim, coded by the act it aims at, not a request
        if _alleged(tok, patterns) or (pattern.plover == "REJECT" and declined_comment(tok)):
            continue  # "accused X of attacking": not done; "refused to comment": no refusal of anything
        if pattern.plover == "PROTEST" and pattern.pos == "VERB" and lemma_of(tok) == "protest" and _verbal_protest(tok):
            # "the new law muzzles the press, editors protested": a complaint, not a demonstration
            pattern = replace(pattern, cameo=VERBAL_PROTEST_CODE, plover="ACCUSE", intent=None)
        pattern, force = arrival_pattern(tok, pattern, lemma_of(tok))
        if pattern.pos == "VERB" and pattern.extra:
            used.update(c.i for c in _pattern_words(tok, pattern))
        verb = tok if pattern.pos == "VERB" else _governor(tok)
        if frame is not None and frame.target_toks is not None:
            sources = _dedupe([a for s in _subject_tokens(tok) for a in pool.with_conjuncts(s)])
            targets = _dedupe([a for t in frame.target_toks for a in pool.with_conjuncts(t)])
        else:
            sources, targets = _participants(tok, verb, pattern, pool, patterns)
        if force is not None and not sources:  # "a first batch of Kenyan troops arrived"
            sources = pool.with_conjuncts(force)
        if not targets and pattern.plover == "PROTEST":
            targets = [t for t in purpose_targets(tok, verb, patterns, _match, pool) if all(t.id != x.id for x in sources)]
        if not sources and not targets:
            continue
        named = bool(targets)  # a target the sentence names, not one inferred below
        if not targets and pattern.plover in DOMESTIC_TYPES:
            targets = domestic_target(pattern, sources, pool, doc)
        p = place_for_event(doc, tok.i, places)
        if p is None and verb is not None and verb is not tok:
            p = place_for_event(doc, verb.i, places)
        verbal = is_verbal(pattern.plover, pattern.cameo)
        if p is None and pattern.plover in PLACE_AIMED and not verbal:
            p = manner_place(verb, places, patterns, _match)
        if not targets and sources and pattern.plover in PLACE_AIMED:
            # a verbal act's own place is where it was said: only a place on what it is about aims it
            targets = place_target(object_place(tok, verb, index) if verbal else p, sources, pool)
        if not targets and sources and pattern.plover in FRAMING_TYPES:
            # "declined to station engineers in Mali": aimed where the act it is about is
            targets = place_target(complement_place(verb, places, patterns, _match), sources, pool)
        if not targets and pattern.plover in STATE_DOMESTIC_TYPES | POLICE_DOMESTIC_TYPES:
            targets = domestic_target(pattern, sources, pool, doc)
        found_parties = ([a.id for a in sources], [a.id for a in targets])
        sources, targets = home_sides(pattern.plover, sources, targets, tok.sent, p, pool)
        # sides no phrase of the trigger named: domestic, place and home targets, home sources
        guessed = ([a.id for a in sources] != found_parties[0],
                   bool(targets) and (not named or [a.id for a in targets] != found_parties[1]))
        anchor_verb = frame.anchor if frame is not None else verb
        modality, reporter = _modality(tok if frame is None else anchor_verb, anchor_verb, pool)
        if modality in ("asserted", "reported") and aim_clause(verb, pattern.plover):
            # "sent troops to Mozambique to fight the insurgents": an aim, not yet done
            modality = "intended"
        if (modality == "intended" and pattern.plover in ("ASSAULT", "COERCE") and verb is not None
                and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ATTEMPT_HEADS):
            # "attempted to assassinate", "tried to hack into": an attempted attack is an attack
            modality = "reported" if reporter is not None else "asserted"
        if modality == "negated" and pattern.plover in COOPERATIVE and refusal_negation(verb):
            # "will not accept refugees": a refusal, asserted (or reported) as made
            pattern = rejected(pattern)
            modality = "reported" if reporter is not None else "asserted"
        if conditional_threat(anchor_verb, pattern, modality):
            # "will withdraw its force unless ...": a threat, made now
            pattern = threatened(pattern)
            modality = "reported" if reporter is not None else "asserted"
        if not named and (pattern.plover == "THREATEN"
                          or (modality == "intended" and (pattern.intent or "").startswith("13"))):
            # "threatened to stop negotiations if the United States goes ahead":
            # a threat is aimed at the party its condition is on
            cond = [a for a in condition_parties(anchor_verb if anchor_verb is not None else tok, pool)
                    if all(a.id != x.id for x in sources)]
            targets = cond or targets
        if (not targets and sources and pattern.sides == 1 and modality != "negated"
                and (pattern.plover in FRAMING_TYPES or modality == "intended")):
            # "rejected a proposal to sell copper to Bolivia": aimed at the party
            # the act is about
            targets = about_targets(tok, verb if pattern.pos == "VERB" else None, pool, sources)
        quote = next((q for q in quotes if q.span[0] <= tok.idx < q.span[1]), None)
        if quote is not None and reporter is None:
            reporter = quote.speaker
            if modality == "asserted":
                modality = "reported"
        anchor = verb if verb is not None else tok
        t = time_for_event(doc, anchor.i, times)
        if t is None and anchor is not tok:
            t = time_for_event(doc, tok.i, times)
        cameo = pattern.intent if modality == "intended" and pattern.intent else pattern.cameo
        info = cameo_info(cameo)
        sent = tok.sent
        role = clause_role(tok, pattern.plover)
        pairs = _pairs(sources, targets)
        for src, tgt in pairs:
            if src is not None and tgt is not None and src.id == tgt.id:
                continue
            found.append(
                Event(
                    id="",
                    type=pattern.plover,
                    mode=info.mode if info else None,
                    cameo=cameo,
                    goldstein=info.goldstein if info else None,
                    source=src.id if src else None,
                    target=tgt.id if tgt else None,
                    modality=modality,
                    date=_date(t, published),
                    place=p.id if p else None,
                    trigger=text_of(doc)[tok.idx : tok.idx + len(tok)],
                    span=(sent.start_char, sent.end_char),
                    trigger_span=(tok.idx, tok.idx + len(tok)),
                    confidence=_confidence(src, tgt, pattern, t, p),
                    reported_by=reporter if reporter != (src.id if src else None) else None,
                    quote=quote.id if quote else None,
                    mentions=[(tok.idx, tok.idx + len(tok))],
                )
            )
            if any(guessed):
                inferred[id(found[-1])] = guessed
            roles[id(found[-1])] = role
    found = drop_guessed_twins(found, inferred)
    content_targets(found, doc)  # before background acts go: an act's complement may aim it
    found = fold_promises(found, doc, roles)
    if not background:
        coded = {a.id for a in actors if a.code or a.country}
        found = drop_background(found, roles, lambda e: e.span,
                                lambda e: (e.source in coded) + (e.target in coded))
    events = _merge(found, frozenset(a.id for a in actors if not a.code and not a.country))
    for n, e in enumerate(events, start=1):
        e.id = f"e{n}"
    return events


# --- triggers ---------------------------------------------------------------

#: prepositions that name what an accusation is about ("accused X of attacking",
#: "blamed X for the bombing", "charged X with inciting")
ALLEGED_PREPS = {"of", "for", "with"}
#: types of acts that punish a party "for" what it is said to have done
#: ("detained for smuggling arms to the rebels", "sanctioned for its support of")
PUNISHING_TYPES = {"COERCE", "SANCTION"}
#: CAMEO code of a protest voiced rather than staged (111 Criticize or denounce)
VERBAL_PROTEST_CODE = "111"


def _alleged(tok, patterns) -> bool:
    """Whether a trigger is what an accusation charges ("accused the rebels of
    violating the ceasefire", "blamed Israel for the bombing"): the act is
    alleged by the accuser, not reported as done, and the accusation is the
    event coded.  Likewise what a party is arrested or sanctioned for
    ("detained for smuggling arms to the rebels")."""
    prep = tok.head
    if tok.dep_ not in ("pcomp", "pobj") or prep.dep_ != "prep" or prep.lower_ not in ALLEGED_PREPS:
        return False
    verb = prep.head
    if verb.pos_ != "VERB" or verb is tok:
        return False
    p = _match(verb, patterns)
    if p is None or p.cameo == "---":
        return False
    return p.plover == "ACCUSE" or (p.plover in PUNISHING_TYPES and prep.lower_ == "for")


def _verbal_protest(verb) -> bool:
    """Whether "protest" is said rather than staged: it reports a clause ("X
    muzzles the press, editors protested", "protested that ..."), is made
    to a party ("protested to the ambassador") or is what an envoy was
    summoned for ("summoned the envoy to protest")."""
    if (verb.dep_ in ("advcl", "xcomp") and verb.head.i != verb.i
            and verb.head.lemma_.lower() in venue_words()["summon_verbs"]):
        return True
    for c in verb.children:
        if c.dep_ == "ccomp":
            return True
        if c.dep_ == "prep" and c.lower_ == "to" and any(p.dep_ == "pobj" for p in c.children):
            return True
    return False


def _match(tok, patterns) -> Pattern | None:
    if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ not in ("aux", "auxpass")):
        pos = "VERB"
    elif tok.pos_ in ("NOUN", "PROPN"):
        pos = "NOUN"
    else:
        return None
    if pos == "NOUN" and tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN"):
        return None  # "war games", "peace talks", "protest march": the head noun names the act
    lemma = lemma_of(tok)
    candidates = patterns.get((pos, lemma))
    if not candidates and pos == "NOUN" and tok.text.lower() != lemma:
        candidates = patterns.get((pos, tok.text.lower()))
    if not candidates:
        return None
    kids = {c.lemma_.lower() for c in tok.children}
    if pos == "VERB":
        # "ended mediation efforts", "halted aid shipments": the pattern's object
        # word may modify the object noun the verb takes
        kids |= {g.lemma_.lower() for c in _objects(tok) for g in c.children if g.dep_ == "compound"}
        # "received a mission of observers", "imposed a package of sanctions": or the
        # of-object of a measure or group noun the verb takes
        kids |= {g.lemma_.lower() for c in _objects(tok) for p in c.children if p.dep_ == "prep"
                 and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"}
    # multiword particles and compounds also appear as the next/previous token
    for p in candidates:
        if all(x in kids for x in p.extra) and _in_order(tok, p):
            return p
    return None


def _objects(verb) -> list:
    """A verb's direct objects."""
    return [c for c in verb.children if c.dep_ == "dobj"]


def _pattern_words(verb, pattern: Pattern) -> list:
    """The tokens a multiword verb pattern takes besides the verb: its particle
    or object children ("impose sanctions"), or an object noun one of whose
    compounds is the pattern's word ("ended mediation efforts" -> "efforts")."""
    out = [c for c in verb.children if c.lemma_.lower() in pattern.extra]
    for c in _objects(verb):
        if c not in out and any(g.dep_ == "compound" and g.lemma_.lower() in pattern.extra for g in c.children):
            out.append(c)
            out += [g for g in c.children if g.dep_ == "compound" and g.lemma_.lower() in pattern.extra]
    return out


def lemma_of(tok) -> str:
    """A token's lowercased lemma, with known parser slips mended (:data:`LEMMA_FIXES`)."""
    lemma = tok.lemma_.lower()
    return LEMMA_FIXES.get(("VERB" if tok.pos_ in ("VERB", "AUX") else tok.pos_, lemma), lemma)


def _in_order(tok, p: Pattern) -> bool:
    """Whether a pattern's before/after words occur in order around the trigger."""
    if not p.before and not p.after:
        return True
    sent = tok.sent
    return (_seq(p.before, [t.text for t in tok.doc[sent.start:tok.i]])
            and _seq(p.after, [t.text for t in tok.doc[tok.i + 1:sent.end]]))


def _seq(needed, words) -> bool:
    k = 0
    for alts in needed:
        while k < len(words) and not any(a.matches(words[k]) for a in alts):
            k += 1
        if k >= len(words):
            return False
        k += 1
    return True


def _governor(noun):
    """The verb a noun trigger hangs from ("launched an air campaign"), if any."""
    head = noun
    for _ in range(4):
        if head.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "dative", "nsubj"):
            return head.head if head.head.pos_ in ("VERB", "AUX") else None
        if head.dep_ == "conj":
            head = head.head
            continue
        if head.dep_ == "pobj" and head.head.dep_ == "prep":
            prep = head.head
            if _measure_of(head):
                head = prep.head  # "25,000 tons of food aid": the measure stands in
                continue
            if prep.head.pos_ in ("VERB", "AUX"):
                return prep.head
            return None
        return None
    return None


def _measure_of(noun) -> bool:
    """Whether a noun is the of-phrase of a quantity ("tons of aid", "a shipment of arms")."""
    prep = noun.head
    return (noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.pos_ == "NOUN"
            and prep.head.lemma_.lower() in MEASURES)


# --- participants -----------------------------------------------------------


def _participants(tok, verb, pattern: Pattern, pool: _Pool, patterns: dict):
    sources: list[Actor] = []
    targets: list[Actor] = []
    preps = set(pattern.targets) - {"obj", "owner"}
    if pattern.pos == "VERB":
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
        if passive:
            for c in tok.children:
                if c.dep_ == "nsubjpass" and "obj" in pattern.targets:
                    # "a camp for Congolese refugees was attacked": the phrase names the party
                    targets += pool.with_conjuncts(c) or noun_objects(c, pool)
                if c.dep_ == "agent":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            sources += pool.with_conjuncts(p)
        else:
            for s in _subject_tokens(tok):
                sources += pool.with_conjuncts(s)
            for c in tok.children:
                if c.dep_ in ("dobj", "dative"):
                    got = pool.with_conjuncts(c) if "obj" in pattern.targets else []
                    if not got and "obj" in pattern.targets:
                        # "shelled Juba", "visited Amman": a town stands for its country
                        got = [a for t in (c, *c.conjuncts) if (a := pool.place_country(t)) is not None]
                    if not got and "owner" in pattern.targets:
                        # "condemned Turkey's offensive", "condemned an attack by Osgiliath soldiers"
                        got = pool.owners(c) or pool.agents(c)
                    if not got and "obj" in pattern.targets and c.dep_ == "dobj":
                        # "shelled positions of the Palestinian police", "shelled a harbour in Somalia"
                        got = noun_objects(c, pool, where=True)
                    targets += got
        targets += prep_objects(tok, preps, pool)
        for c in _pattern_words(tok, pattern):  # "imposed sanctions on X": the object noun carries the preposition
            targets += prep_objects(c, preps, pool)
        if not targets and pattern.plover in DEEP_TYPES:
            targets += prep_objects(tok, preps & DEEP_PREPS, pool, deep=True)
        if not targets and pattern.plover == "MOBILIZE":
            # "mobilized its navy for an attack against Russia": aimed where the war it is for is
            targets += [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"
                        for n in c.children if n.dep_ == "pobj" and (q := _match(n, patterns)) is not None
                        and q.plover == "ASSAULT" for a in prep_objects(n, DEEP_PREPS, pool)]
    else:
        if pattern.sides == 1:
            # "Russian air strikes", "Turkey's offensive": the modifier is the doer
            sources += pool.owners(tok)
        if not sources and pattern.plover in MOVED_TYPES:
            sources += moving_force(tok, pool)  # "the withdrawal of Russian troops"
        targets += prep_objects(tok, preps, pool)
        for c in tok.children:
            if c.dep_ == "agent" or (c.dep_ == "prep" and c.lemma_.lower() == "by"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        sources += pool.with_conjuncts(p)
        if verb is not None and not sources:
            # a particle changes the verb: "called off a strike" is no strike
            obj = tok.head.head if _measure_of(tok) else tok
            light = (lemma_of(verb) in LIGHT_VERBS and obj.dep_ in ("dobj", "conj")
                     and not any(c.dep_ == "prt" and c.lower_ not in INTENSIFYING_PRT for c in verb.children))
            # "stood by its demand": a possessive pronoun is the verb's subject
            own = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children)
            adjunct = tok.dep_ == "pobj" and (bool(targets) or own or lemma_of(verb) in STATE_VERBS)
            if light or adjunct:
                for s in _subject_tokens(verb):
                    sources += pool.with_conjuncts(s)
                if light:
                    targets += prep_objects(verb, preps, pool)
                    if pattern.sides == 1:
                        # "gave Jordan aid", "sent the rebels arms": the indirect object
                        targets += [a for c in verb.children if c.dep_ == "dative" for a in pool.with_conjuncts(c)]
    sources = _dedupe(sources)
    targets = [t for t in _dedupe(targets) if all(t.id != s.id for s in sources)]
    # "he and Lavrov would discuss", "Putin and Erdogan agreed", "a truce
    # between the army and the rebels": conjoined parties of a mutual event
    # form a dyad
    if pattern.sides == 2 or pattern.plover in MUTUAL or _reciprocal(tok, verb):
        if len(sources) > 1 and not targets:
            sources, targets = sources[:1], sources[1:]
        elif len(targets) > 1 and not sources and pattern.sides == 2:
            sources, targets = targets[:1], targets[1:]
    if pattern.sides == 2 and not (sources and targets):
        # a meeting or a deal needs two parties, unless a plural subject says
        # the other side is there ("we will meet next week", "they met")
        plural = pattern.pos == "VERB" and any(s.lower_ in ("we", "they") for s in _subject_tokens(tok))
        if not (sources and plural):
            return [], []
    if not targets and pattern.sides == 1 and pattern.pos == "NOUN":
        # "a suspension of air links with Serbia": the first party the trigger's phrases name
        targets = [t for t in noun_objects(tok, pool) if all(t.id != s.id for s in sources)]
    if not targets and pattern.sides == 1 and (pattern.pos == "VERB" or verb is not None):
        # "threatened to break relations with Russia", "demanded that the US
        # cancel", "promised to continue aid to Mozambique": the party the
        # act is aimed at sits in the complement clause or on the object
        head = tok if pattern.pos == "VERB" else None
        targets = [t for t in _complement_targets(head if head is not None else tok, pool)
                   if all(t.id != s.id for s in sources)]
    if (not targets and pattern.plover in ADDRESSED_TYPES and pattern.pos == "VERB" and _purpose(tok)
            and summoned_object(tok.head)):
        # "called in the Ugandan envoy to complain": said to the party summoned
        targets = [a for c in addressees(tok.head) for a in pool.with_conjuncts(c)
                   if all(a.id != s.id for s in sources)]
    return sources, targets


#: types of acts said to a party, who may be the object of the verb they are
#: the purpose of ("summoned the ambassador to complain", "called in the envoy to demand")
ADDRESSED_TYPES = {"ACCUSE", "REQUEST", "THREATEN", "REJECT"}


def _purpose(verb) -> bool:
    """Whether a verb is the to-infinitive purpose of the verb it hangs from."""
    if verb.dep_ not in ("advcl", "xcomp") or verb.head is verb:
        return False
    return (any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
            and not any(c.dep_ == "mark" for c in verb.children))


#: "each other", "one another": conjoined doers act on each other
RECIPROCAL_NEXT = {"each": "other", "one": "another"}


def _reciprocal(tok, verb) -> bool:
    """Whether conjoined doers act on each other: "each other"/"one another" as
    the object ("praised each other", "met with one another").  ("Their" is
    not enough: "X and Y welcomed their resumption of ties with Z".)"""
    for head in {t for t in (tok, verb) if t is not None}:
        for c in head.children:
            if c.dep_ == "dobj" and _shared_relation(c):
                return True
            if c.dep_ not in ("dobj", "prep"):
                continue
            nouns = [c] if c.dep_ == "dobj" else [p for p in c.children if p.dep_ == "pobj"]
            for n in nouns:
                if n.i > 0 and RECIPROCAL_NEXT.get(n.doc[n.i - 1].lower_) == n.lower_:
                    return True
    if tok.i + 2 <= len(tok.doc) - 1:
        nxt = tok.doc[tok.i + 1:tok.i + 3]
        return RECIPROCAL_NEXT.get(nxt[0].lower_) == nxt[1].lower_
    return False


#: nouns of a relation between parties ("have improved their relations")
RELATION_NOUNS = {"tie", "ties", "relation", "relations", "link", "links"}


def _shared_relation(obj) -> bool:
    """Whether an object is the doers' own relation with no third party: "their
    ties" ("X and Y have improved their relations"), not "their ties with Z"."""
    if obj.lower_ not in RELATION_NOUNS and obj.lemma_.lower() not in RELATION_NOUNS:
        return False
    if not any(c.dep_ == "poss" and c.lower_ == "their" for c in obj.children):
        return False
    return not any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in (*obj.children,
                                                                                 *obj.head.children))


def _complement_targets(tok, pool: _Pool, depth: int = 0) -> list[Actor]:
    """The party an act is aimed at, found below it: the subject of a that-clause
    ("demanded that the US cancel"), the object or an aimed preposition of an
    infinitive ("threatened to break relations with Russia"), or a preposition
    on the trigger's own object ("threatened further action against Russia")."""
    out: list[Actor] = []
    if depth == 0 and tok.pos_ == "NOUN":
        # "repeated its appeal that Sudan free": the that-clause the parser
        # hung on the verb completes the noun
        out += [a for c in that_clauses(tok) for s in c.children if s.dep_ in ("nsubj", "nsubjpass")
                for a in pool.with_conjuncts(s)]
        if out:
            return _dedupe(out)
    for c in tok.children:
        if c.dep_ in ("dobj", "attr") and depth == 0:
            # "demanded Israel's withdrawal", "demanded an admission by Moscow",
            # "threatened further action against Russia"
            out += pool.owners(c) or pool.agents(c) or noun_objects(c, pool)
    if out:
        return _dedupe(out)
    for c in tok.children:
        if c.dep_ != "ccomp" and not _infinitive_complement(c):
            continue
        subj = [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
        if c.dep_ == "ccomp" and subj:
            out += [a for s in subj for a in pool.with_conjuncts(s)]
            if out:
                break
        for d in c.children:
            if d.dep_ in ("dobj", "dative"):
                got = pool.with_conjuncts(d) or pool.owners(d) or prep_objects(d, AIM_PREPS, pool)
                out += got
        out += prep_objects(c, AIM_PREPS, pool, deep=True)
        if not out and depth < 2:
            out += _complement_targets(c, pool, depth + 1)
        if out:
            break
    return _dedupe(out)


def _pairs(sources, targets):
    srcs = sources or [None]
    tgts = targets or [None]
    return [(s, t) for s in srcs for t in tgts]
