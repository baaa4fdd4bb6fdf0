"""Which events a sentence reports, and which it only mentions in passing.

A news sentence reports one act, or a few conjoined ones, in its main clauses:
the root predicate, its conjuncts, the complements of reporting and intent
verbs ("X said Y attacked Z", "X plans to meet Y").  Other acts are named only
as background to that report:

* in a relative clause that describes a participant ("a helicopter that was
  seized last week", "troops who are deployed to monitor a truce");
* in a past participle or infinitive that modifies a noun ("weapons taken
  from the depot"), unless the noun is the act's own frame ("an attempt to
  kill", "a plan to withdraw"); a present participle is an act going on
  ("police fired on students protesting the fee rise") and stays;
* in a purpose or manner adjunct of the main act ("staged a sit-in to demand
  reforms", "rejected the offer, saying it came too late", "resigned to allow
  elections");
* as a noun inside a time or cause phrase ("after the fighting", "following
  the invasion", "over the air raids", "in the wake of the killing") or inside
  a phrase that modifies another noun ("assistance to the war", "on the eve of
  the summit", "the threat of sanctions");
* after a preposition of time, cause or manner ("without returning", "before
  allowing aid").

Finite adverbial clauses with their own subject ("as police cracked down on
the protesters", "after gunmen stormed the hotel") are reports of their
own and stay main.  A conditional clause ("unless Y accepts", "if Z attacks")
is the condition of the reported act, background like the others; where it is
all the sentence says ("If Iran attacks Israel, the region will burn") its act
is kept and coded hypothetical by the modality reading.

An event read only from background is kept when its sentence reports no event
of its own (the background act is then all the sentence says), and dropped
otherwise: it is an earlier or lesser act that its own report codes, and
coding it again from every later mention would count it twice on the wrong
date.  ``extract_events(..., background=True)`` (``Config.background_events``,
``DATELINE_BACKGROUND_EVENTS=1``) keeps them all.
"""

from __future__ import annotations

from .events_clause import STATEMENT_NOUNS, infinitive_complement

#: prepositions that put an act in the background as a time, cause or manner
#: of another ("after the fighting", "over the raids", "without returning")
BACKGROUND_PREPS = {
    "after", "following", "since", "before", "amid", "amidst", "despite", "over", "because",
    "until", "ahead", "prior", "without", "instead", "rather", "unlike", "besides",
}
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


def clause_role(tok) -> str:
    """Whether an event read at ``tok`` is reported by its sentence or mentioned as background.

    Args:
        tok: the trigger token (a verb or an event noun) of a spaCy Doc.

    Returns:
        "main" or "background" (see the module docstring).
    """
    x = tok
    for _ in range(12):
        head = x.head
        if head.i == x.i:
            return "main"
        dep = x.dep_
        if dep == "relcl":
            return "background"
        if dep == "acl":
            if x.tag_ != "VBG" and head.lemma_.lower() not in FRAME_NOUNS:
                return "background"  # "weapons taken from the depot", "troops sent to guard"
        elif dep == "advcl":
            if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in x.children):
                return "background"  # "unless Y accepts": the condition of the reported act
            if _finite(x):
                return "main"  # "as police cracked down": a report of its own
            if not infinitive_complement(x):
                return "background"  # "to demand reforms", "saying it came too late"
        elif dep in ("pobj", "pcomp") and head.dep_ in ("prep", "agent"):
            word = _prep_word(head)
            if word in BACKGROUND_PREPS:
                return "background"
            owner = head.head
            if (head.dep_ == "prep" and owner.i != head.i and owner.pos_ in _NOMINAL
                    and owner.lemma_.lower() not in TRANSPARENT_NOUNS and dep == "pobj"
                    and x.pos_ in _NOMINAL):
                return "background"  # "assistance to the war", "on the eve of the summit"
        x = head
    return "main"


def drop_background(found: list, roles: dict[int, str], sentence_of, sides) -> list:
    """Drop background events from sentences that report an event of their own.

    A background event of the same type as a reported one stays only when it
    names more parties than every reported event of that type ("began a hunger
    strike in protest at the government's refusal": the protest's target is in
    the background phrase); the merge then folds the two.

    Args:
        found: events in text order.
        roles: ``id(event)`` -> "main" or "background" (absent: main).
        sentence_of: function from an event to a key of its sentence.
        sides: function from an event to the number of its coded parties.

    Returns:
        The events kept, in the same order.
    """
    best: dict = {}  # sentence -> type -> most parties of a reported event of that type
    for e in found:
        if roles.get(id(e), "main") == "main":
            by_type = best.setdefault(sentence_of(e), {})
            by_type[e.type] = max(by_type.get(e.type, 0), sides(e))
    kept = []
    for e in found:
        reported = best.get(sentence_of(e))
        if roles.get(id(e), "main") == "main" or reported is None or sides(e) > reported.get(e.type, 99):
            kept.append(e)
    return kept
