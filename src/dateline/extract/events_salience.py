"""Which events a sentence reports, and which it only mentions in passing.

A news sentence reports one act, or a few conjoined ones, in its main clauses:
the root predicate, its conjuncts, the complements of reporting and intent
verbs ("X said Y attacked Z", "X plans to meet Y"), finite adverbial clauses
with their own subject ("while jets bombed the port"), a participle that is an
act of its own (", arresting dozens", ", blaming Accra for the riots") and
the words or meeting a carrier verb brings someone to ("summoned the envoy
to protest", "flew to Paris to sign the accord"; an armed or material aim,
"sent troops to fight the rebels", has not happened and stays background).
Acts inside an accusation, claim or report ("denied accusations that it had
supplied weapons to X") are alleged and never coded as done.
Other acts are named only as background to that report:

* in a relative clause that describes a participant ("Iceland, whose
  coastguard had arrested three sailors", "monitors who had been posted along
  the border"), unless it carries the story on (", where he met the
  president");
* in a past participle or infinitive that modifies a noun ("weapons taken
  from the depot"), unless the noun is the act's own frame ("an attempt to
  kill", "a plan to withdraw"); a present participle is an act going on
  ("jailed activists picketing the commission") and stays;
* in the aim of an act that is one itself ("stayed off work for a week to
  demand safer wards") or in what a participle of speech carries ("rejected
  the offer, calling it an insult");
* in a condition ("once the election was over", "if Togo expels more
  traders"): the condition of the reported act;
* as a noun inside a time, cause or topic phrase ("after months of shelling",
  "following the bombardment of Kharkiv", "complained about the bombing of
  Gori", "early in the war") or inside a phrase that modifies another noun
  ("funding for the offensive", "on the eve of the summit", "the threat of
  sanctions");
* after a preposition of time or manner ("without consulting parliament",
  "before opening the crossing").

An event read only from background is kept when its sentence reports no event
of its own with a coded party (the background act is then all the sentence
says; a condition alone is coded hypothetical: "If Iran attacks Israel, the
region will burn"), and dropped otherwise: it is an earlier or lesser act
that its own report codes, and coding it again from every later mention would
count it twice on the wrong date.  ``extract_events(..., background=True)``
(``Config.background_events``, ``DATELINE_BACKGROUND_EVENTS=1``,
``--background-events``) keeps them all.
"""

from __future__ import annotations

from .events_clause import OBJECT_CONTROL, STATEMENT_NOUNS, infinitive_complement

#: topic prepositions: what is talked about is background to the talking
#: ("complained about the bombing of Gori"), but it is what a refusal or demand
#: is about (events_targets)
TOPIC_PREPS = {"about", "concerning", "regarding"}
#: prepositions that put an act in the background as a time, cause, manner or
#: topic of another ("after the fighting", "over the raids", "without consulting")
BACKGROUND_PREPS = {
    "after", "following", "since", "before", "amid", "amidst", "despite", "over", "because",
    "until", "ahead", "prior", "without", "instead", "rather", "unlike", "besides", "during",
} | TOPIC_PREPS
#: verbs that send, summon or bring someone to do something ("summoned the
#: envoy to protest", "flew to Paris to sign the accord")
CARRIER_VERBS = {
    "send", "dispatch", "come", "travel", "fly", "visit", "tour", "summon", "call",
    "meet", "gather", "convene", "arrive", "return", "head", "write", "phone", "telephone",
}
#: the acts such a purpose clause carries out on arrival: words and meetings
#: ("summoned the envoy to protest"); an armed or material aim ("sent troops to
#: fight the rebels", "deployed warships to deter attacks") has not happened
CARRIED_TYPES = {"ACCUSE", "REQUEST", "REJECT", "SUPPORT", "THREATEN", "CONSULT", "AGREE", "PROTEST"}
#: acts that a purpose clause only aims at: force, coercion, aid, sanctions,
#: withdrawals and concessions ("sent troops to fight the rebels")
AIM_TYPES = {"ASSAULT", "COERCE", "MOBILIZE", "AID", "SANCTION", "RETREAT", "CONCEDE", "COOPERATE"}
#: participles that gloss the act they hang from rather than add one
#: (", saying ...", ", citing ...", ", adding ..."); ", calling for ..." and
#: ", warning X ..." are acts of their own
GLOSS_VERBS = {"say", "cite", "add", "note", "explain", "claim", "argue", "insist", "describe",
               "tell", "state", "stress", "report"}
#: nouns that report or allege an act: what their clause says was done is
#: alleged, not reported ("denied accusations that it had sold arms to X")
CLAIM_NOUNS = {"accusation", "allegation", "claim", "charge", "report", "rumour", "rumor", "assertion",
               "speculation", "insinuation", "story"}
#: subordinators of a condition ("will withdraw unless Y accepts", "would
#: attend if Z released the prisoners")
CONDITION_MARKS = {"if", "unless", "until", "once", "provided", "providing", "whether", "lest"}
#: nouns whose infinitive or participle modifier is the act itself ("an
#: attempt to kill", "a plan to withdraw", "a statement demanding")
FRAME_NOUNS = STATEMENT_NOUNS | {
    "attempt", "bid", "effort", "plan", "proposal", "decision", "offer", "promise", "pledge",
    "threat", "ultimatum", "warning", "call", "appeal", "demand", "request", "order", "move",
    "vow", "commitment", "readiness", "willingness", "intention", "agreement", "deal", "accord",
    "campaign", "drive", "plot", "scheme", "motion", "bill", "law", "decree", "reminder",
}
#: nouns through whose of-phrase an act is still the one done ("a wave of air
#: strikes", "two days of talks", "the resumption of talks", "tons of aid")
TRANSPARENT_NOUNS = {
    "wave", "series", "spate", "string", "round", "number", "day", "week", "month", "hour",
    "start", "beginning", "resumption", "continuation", "escalation", "intensification",
    "ton", "tonne", "shipment", "consignment", "package", "batch", "worth", "amount", "load",
    "convoy", "million", "billion", "dollar", "euro", "kg", "kilogram", "part", "kind", "form",
    "type", "sort", "act", "session", "bout", "burst", "volley", "barrage", "salvo", "host",
    "lot", "dozen", "hundred", "thousand", "couple", "pair", "set", "flurry", "raft",
}
_NOMINAL = {"NOUN", "PROPN", "PRON"}


def _finite(v) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in v.children)


def _prep_word(prep) -> str:
    """The preposition's word; for "because of", "ahead of", "instead of" the first one."""
    low = prep.lower_
    if low == "of" and prep.head.i != prep.i and prep.head.lower_ in BACKGROUND_PREPS:
        return prep.head.lower_
    return low


def clause_role(tok, plover: str | None = None) -> str:
    """Whether an event read at ``tok`` is reported by its sentence, mentioned
    as background, or only alleged.

    Args:
        tok: the trigger token (a verb or an event noun) of a spaCy Doc.
        plover: the event's type (a purpose clause of a carrier verb is
            reported only for words and meetings, :data:`CARRIED_TYPES`).

    Returns:
        "main", "background" (see the module docstring) or "alleged" (inside
        the clause of an accusation, claim or report noun: never coded as done).
    """
    lead = tok  # the first of the conjoined acts the trigger is one of (", arresting and jailing ...")
    while lead.dep_ == "conj" and lead.head.i != lead.i:
        lead = lead.head
    x = tok
    for _ in range(12):
        head = x.head
        if head.i == x.i:
            return "main"
        dep = x.dep_
        if dep in ("acl", "ccomp") and head.lemma_.lower() in CLAIM_NOUNS and head.pos_ == "NOUN":
            return "alleged"  # "denied accusations that it had sold arms to X"
        if dep == "relcl":
            if not _narrative(x):
                return "background"
            # "travelled on to Cairo, where he met Sisi": the story goes on
        if dep == "acl":
            if x.tag_ != "VBG" and head.lemma_.lower() not in FRAME_NOUNS:
                return "background"  # "weapons taken from the depot", "troops sent to guard"
        elif dep == "advcl":
            if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in x.children):
                return "background"  # "unless Y accepts": the condition of the reported act
            if not _finite(x) and not infinitive_complement(x) and not _act_adjunct(x, lead, plover):
                return "background"  # "to demand reforms", "saying it came too late"
            # a finite clause ("while jets bombed the port") reports on its own, as far
            # as the clause it hangs from does: climb on
        elif dep in ("pobj", "pcomp") and head.dep_ in ("prep", "agent"):
            word = _prep_word(head)
            if word in BACKGROUND_PREPS:
                return "background"
            owner = head.head
            if head.dep_ == "prep" and owner.i != head.i and owner.pos_ == "ADV":
                return "background"  # "early in the war", "shortly after the vote"
            if (head.dep_ == "prep" and owner.i != head.i and owner.pos_ in _NOMINAL
                    and owner.lemma_.lower() not in TRANSPARENT_NOUNS and dep == "pobj"
                    and x.pos_ in _NOMINAL):
                return "background"  # "funding for the offensive", "on the eve of the summit"
        x = head
    return "main"


def _narrative(clause) -> bool:
    """Whether a relative clause carries the story on rather than describing
    its noun: set off by a comma, opened by "where" or "when", with a subject
    of its own ("flew to Cairo, where he met the president", "reached the
    border on Monday, when troops opened fire")."""
    first = clause.left_edge
    if first.i == 0 or first.doc[first.i - 1].text != ",":
        return False
    opener = any(c.dep_ == "advmod" and c.lower_ in ("where", "when") for c in clause.children)
    return opener and _finite(clause)


def _act_adjunct(clause, tok, plover: str | None = None) -> bool:
    """Whether a non-finite adverbial clause is an act of its own rather than
    the aim or gloss of the act it hangs from: a participle that is itself the
    trigger (", arresting dozens", ", blaming Accra for the riots", ", calling
    for talks"), the act a participle of an object-control verb leads another
    party to (", prompting the EU to protest"), or the words or meeting a
    carrier verb brings someone to ("summoned the envoy to protest", "flew to
    Paris to sign the accord"; the trigger is the purpose verb itself).  What
    a participle of speech carries (", calling it an insult"), the aim of an
    act that is one ("stayed off work to demand safer wards") and an
    armed or material aim ("sent troops to fight the rebels") stay background."""
    if clause.tag_ == "VBG":
        if clause.lemma_.lower() in OBJECT_CONTROL and tok.head.i == clause.i and tok.dep_ == "xcomp":
            return True  # ", prompting the EU to protest": the act it led to is one of its own
        return clause.i == tok.i and clause.lemma_.lower() not in GLOSS_VERBS
    aim = any(c.dep_ == "aux" and c.tag_ == "TO" for c in clause.children)
    return (aim and clause.i == tok.i and clause.head.lemma_.lower() in CARRIER_VERBS
            and plover in CARRIED_TYPES)


def aim_clause(verb, plover: str | None) -> bool:
    """Whether an act is only the aim of another ("sent troops to Mozambique to
    fight the insurgents", "deployed warships to deter attacks"): the verb of a
    purpose clause ("to" infinitive hung as an adverbial clause, not the
    complement of an intent or refusal verb) whose act is material
    (:data:`AIM_TYPES`).  Words, protests and meetings are done by the act
    they hang from or on arrival ("started a sit-in to protest the law",
    "summoned the envoy to protest") and are not aims.

    Args:
        verb: the verb of the act's clause (or None).
        plover: the act's type.

    Returns:
        True when the act is an aim (its modality is then "intended").
    """
    if verb is None or verb.dep_ != "advcl" or infinitive_complement(verb):
        return False
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        return False
    if any(c.dep_ == "mark" and c.lower_ not in ("in", "order", "so") for c in verb.children):
        return False
    return plover in AIM_TYPES


def drop_background(found: list, roles: dict[int, str], sentence_of, sides) -> list:
    """Drop background events from sentences that report an event of their own
    (an event of a main clause with at least one coded party).

    A background event of the same type as a reported one stays only when it
    names more parties than every reported event of that type (a march whose
    target is named only in its "in protest at the new curfew law" phrase);
    the merge then folds the two.

    Args:
        found: events in text order.
        roles: ``id(event)`` -> "main", "background" or "alleged" (absent:
            main); an alleged act is never kept.
        sentence_of: function from an event to a key of its sentence.
        sides: function from an event to the number of its coded parties.

    Returns:
        The events kept, in the same order.
    """
    best: dict = {}  # sentence -> type -> most parties of a reported event of that type
    for e in found:
        if roles.get(id(e), "main") == "main" and sides(e):  # a report names a coded party
            by_type = best.setdefault(sentence_of(e), {})
            by_type[e.type] = max(by_type.get(e.type, 0), sides(e))
    kept = []
    for e in found:
        role = roles.get(id(e), "main")
        reported = best.get(sentence_of(e))
        if role == "main" or (role == "background" and (reported is None or sides(e) > reported.get(e.type, 99))):
            kept.append(e)
    return kept
