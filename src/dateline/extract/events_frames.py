"""Clause frames that change what a trigger codes as (used by :mod:`.events`).

CAMEO codes some acts by the clause around a verb rather than by the verb:

* Refusal: a trigger under *refuse / decline / fail to* ("declined to step
  down", "failed to sign the accord") is a REJECT of that act; a cooperative act
  negated with a future or ability auxiliary ("will not admit more migrants",
  "would not meet their demands", "cannot allow") is a refusal too.  Declining
  only to speak ("refused to comment") is no refusal (:func:`declined_comment`).
* Protest aims: a demand made by protesting ("rioted demanding independence",
  "walked out for a day to demand higher pay") is the protest's aim, coded by the
  protest (CAMEO 14X "demonstrate for ...") and not as a separate REQUEST.
* Demand: "X said that Y must V" is X demanding V of Y (REQUEST); the act
  under *must* is its content and is not coded as happening.

* Demand content: what a demand asks for ("demanded that the troops pull
  back", "urged the junta to hold elections", "called for a boycott of X's
  goods", "its appeal that the court free the reporters", also "repeated its
  appeal on Thursday that ..." with the clause hung on the verb) is not coded
  as happening; the demand (REQUEST) is the event.
* Answer: a proposal named as the object of its rejection or acceptance
  ("turned down a Chilean offer", "met the strikers' demands") is what the
  answer (REJECT, CONCEDE) is about, and its owner is the answer's target; it is
  not coded again on its own.
* Agreed content: an act named as what is agreed to or refused ("agreed to
  talks hosted by Norway", "turned down offers to mediate", "rejected calls for aid") is
  the agreement's or refusal's content, not coded as happening.
* Prepared-for attack: an attack named as what forces are mobilized for
  ("mobilized its navy for an attack against Russia") is not coded as fought;
  the mobilization aims at its target.
* Conditional threat: an act announced for the future or as possible under a
  condition on the other side ("will pull its contingent out unless", "could
  suspend the talks if the shelling goes on") is a threat of that act (CAMEO 13X),
  coded THREATEN; "unless" makes any conflictual act or withdrawal a threat,
  "if" a conflictual one.

The derived CAMEO code follows the codebook's parallel numbering: the intent
code of the act's pattern (03X, "express intent to X") maps to the matching
demand (10X) and rejection (12X) codes, e.g. 036 meet -> 106 demand meeting ->
125 reject proposal to meet.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .lexicon import Pattern
from ..annotate.view import tokens_of

#: verbs whose infinitive complement is refused ("declined to resign")
REFUSE_HEADS = {"refuse", "decline", "fail"}
#: verbs that are requests with an object ("sought help from X") but only an
#: attempt with an infinitive ("sought to calm tensions": the act aimed at is
#: coded, intended, and the verb is not a request)
TRYING_HEADS = {"seek", "try", "attempt", "strive", "endeavour", "endeavor"}
#: what a speaker declines to do when a story says "refused to comment": no
#: refusal of anything a party asked for, so no event (replying to a demand or
#: talking to a party is another matter and is not listed)
NO_COMMENT = {"comment", "say", "elaborate", "confirm", "deny", "disclose", "reveal", "specify", "identify",
              "name", "detail"}
#: what is declined when a speaker "refused to give details": words, not goods
NO_COMMENT_OBJECTS = {"detail", "comment", "information", "figure", "name", "interview", "statement",
                      "explanation", "reason", "number", "answer", "response", "breakdown", "estimate"}
#: auxiliaries that make a negated act a refusal ("will not", "would not", "cannot")
REFUSAL_AUX = {"will", "'ll", "shall", "would", "wo", "'d", "can", "ca"}
#: types whose refusal is a rejection (conflictual acts not done are not coded)
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
#: verbs that carry a demand in a that-clause with "must" ("said that Y must V")
DEMAND_HEADS = {
    "say", "tell", "announce", "state", "declare", "insist", "stress", "reiterate",
    "conclude", "warn", "add", "argue", "assert", "maintain", "repeat", "emphasize",
    "emphasise", "write", "demand", "urge", "believe", "think", "decide", "rule",
}
OBLIGATION_AUX = {"must"}
#: how a demand hangs from the protest it is the aim of ("to demand", "demanding")
PURPOSE_DEPS = {"advcl", "xcomp", "acl", "relcl", "conj"}

#: second digit of an intent code (03X) -> the rejection code (12X)
_REJECT_OF_INTENT = {"031": "121", "032": "123", "033": "122", "034": "123", "035": "124",
                     "036": "125", "037": "127", "038": "126", "039": "126"}
#: default codes by the act's type when its pattern has no intent code
_REJECT_OF_TYPE = {"CONSULT": "125", "AGREE": "127", "COOPERATE": "121", "AID": "122",
                   "CONCEDE": "124", "RETREAT": "1246"}


#: types whose announced act under a condition is a threat
CONFLICTUAL = {"REJECT", "SANCTION", "COERCE", "ASSAULT", "PROTEST", "MOBILIZE"}
#: threat codes by the act's type when its pattern has no 13X intent code
_THREAT_OF_TYPE = {"REJECT": "130", "SANCTION": "1313", "COERCE": "137", "ASSAULT": "138",
                   "PROTEST": "133", "MOBILIZE": "138", "RETREAT": "136"}
#: types of verbs that answer a proposal named by their object
ANSWERS = {"REJECT", "CONCEDE"}
#: types of the proposal nouns they answer (request, demand, appeal, ultimatum, offer)
PROPOSALS = {"REQUEST", "THREATEN", "AGREE"}
#: types of verbs whose object or to-phrase names what they agree to or refuse
CONTENT_HEADS = {"AGREE", "REJECT", "CONCEDE"}
#: dependents of a demand that hold what is demanded
CONTENT_DEPS = {"ccomp", "xcomp", "acl", "dobj"}


def threat_code(p: Pattern) -> str:
    """The CAMEO threat code (13X) for announcing the act of pattern ``p`` under a condition."""
    if p.intent and p.intent.startswith("13"):
        return p.intent
    return _THREAT_OF_TYPE.get(p.plover, "130")


def threatened(p: Pattern) -> Pattern:
    """A THREATEN pattern for the conditional announcement of ``p``'s act."""
    return replace(p, cameo=threat_code(p), plover="THREATEN", intent=None)


def conditional_threat(verb, p: Pattern, modality: str) -> bool:
    """Whether an act is announced under a condition (see the module docstring).

    Args:
        verb: the verb of the act's clause (or None).
        p: the act's pattern.
        modality: the act's modality as read off its clause.

    Returns:
        True when ``verb`` has an adverbial clause marked "unless" (a
        conflictual act or a withdrawal) or "if" (a conflictual act), and the
        act is intended or hypothetical.
    """
    if verb is None or modality not in ("intended", "hypothetical"):
        return False
    for c in verb.children:
        if c.dep_ != "advcl":
            continue
        marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
        if "unless" in marks and (p.plover in CONFLICTUAL or p.plover == "RETREAT"):
            return True
        if "if" in marks and p.plover in CONFLICTUAL:
            return True
    return False


def reject_code(p: Pattern) -> str:
    """The CAMEO rejection code (12X) for refusing the act of pattern ``p``."""
    if p.intent and p.intent[:3] in _REJECT_OF_INTENT:
        return _REJECT_OF_INTENT[p.intent[:3]]
    return _REJECT_OF_TYPE.get(p.plover, "120")


def demand_code(p: Pattern | None) -> str:
    """The CAMEO demand code (10X) for demanding the act of pattern ``p``."""
    if p is not None and p.intent and p.intent.startswith("03") and p.intent[:3] not in ("032", "039"):
        return "10" + p.intent[2:]
    return "100"


def rejected(p: Pattern) -> Pattern:
    """A REJECT pattern for refusing ``p``'s act, with ``p``'s participant slots."""
    return replace(p, cameo=reject_code(p), plover="REJECT", intent=None)


def demanded(p: Pattern | None) -> Pattern:
    """A REQUEST pattern for demanding ``p``'s act (or an unnamed act)."""
    return Pattern(head=p.head if p else "must", extra=(), pos="VERB", cameo=demand_code(p),
                   plover="REQUEST", targets=("obj",), intent=None)


@dataclass
class Frame:
    """How one token is coded instead of by its own pattern."""

    pattern: Pattern
    #: the verb whose clause gives modality, date and reporter
    anchor: object
    #: fixed participants (token lists), or None to read them off the parse
    source_toks: list | None = None
    target_toks: list | None = None


@dataclass
class Frames:
    at: dict = field(default_factory=dict)  # token index -> Frame
    skip: set = field(default_factory=set)  # token indices not coded on their own


def find_frames(doc, patterns, match, actors_of) -> Frames:
    """The refusal and demand frames of a document.

    Args:
        doc: the annotated spaCy Doc.
        patterns: the trigger patterns in use.
        match: ``match(tok, patterns) -> Pattern | None`` (the coder's trigger test).
        actors_of: ``actors_of(tok) -> list[Actor]``, the actors a noun phrase names.

    Returns:
        :class:`Frames`: replacement frames by token index and the tokens
        (refusal verbs, demanded acts) that are not coded on their own.
    """
    out = Frames()
    for tok in tokens_of(doc):
        head = tok.head
        if tok.dep_ == "dobj" and tok.pos_ in ("NOUN", "PROPN") and head is not tok:
            hp = match(head, patterns)
            p = match(tok, patterns)
            if (hp is not None and p is not None and hp.plover in ANSWERS and p.plover in PROPOSALS
                    and "owner" in hp.targets):
                # "rejected a U.S. request", "accepted demands from rebels": the answer
                # is the event, the proposal's owner its target
                out.skip.add(tok.i)
        if tok.pos_ == "NOUN" and _agreed_content(tok, patterns, match):
            out.skip.add(tok.i)  # "agreed to mediation by Brazil", "rejected calls for aid": not done
        if (tok.dep_ in CONTENT_DEPS and head is not tok and tok.i not in out.skip
                and not (tok.dep_ == "xcomp" and head.lemma_.lower() in TRYING_HEADS)):
            hp = match(head, patterns)
            if hp is not None and hp.plover == "REQUEST" and hp.cameo != "---":
                # "demanded the withdrawal of", "urged Iraq to cooperate": asked for, not done
                out.skip.update(t.i for t in tok.subtree)
        if (tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "for" and head.head.i != head.i
                and tok.i not in out.skip and (hp := match(head.head, patterns)) is not None
                and hp.plover == "REQUEST" and hp.cameo != "---"):
            out.skip.update(t.i for t in tok.subtree)  # "called for a boycott of X's goods": asked for, not imposed
        if tok.pos_ == "NOUN" and tok.i not in out.skip and (p := match(tok, patterns)) is not None \
                and p.plover == "REQUEST" and p.cameo != "---":
            for c in that_clauses(tok):
                out.skip.update(t.i for t in c.subtree)  # "its appeal that Sudan free the reporters"
        if (tok.dep_ == "pobj" and head.lower_ == "for" and head.head is not head
                and (p := match(tok, patterns)) is not None and p.plover == "ASSAULT"
                and (hp := match(head.head, patterns)) is not None and hp.plover == "MOBILIZE"):
            out.skip.add(tok.i)  # "mobilized its navy for an attack against Russia": prepared for, not fought
        if tok.dep_ in PURPOSE_DEPS and head is not tok and _protest_act(head, patterns, match):
            p = match(tok, patterns)
            if p is not None and p.plover == "REQUEST":
                out.skip.add(tok.i)  # "demonstrated calling for independence": the protest's aim
        if tok.dep_ == "xcomp" and head is not tok and head.lemma_.lower() in REFUSE_HEADS:
            p = match(tok, patterns)
            if p is not None and p.cameo != "---" and p.plover in COOPERATIVE:
                out.at[tok.i] = Frame(pattern=rejected(p), anchor=head)
                out.skip.add(head.i)
        if (tok.dep_ == "ccomp" and head is not tok and head.lemma_.lower() in DEMAND_HEADS
                and any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in tok.children)):
            subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subj or not actors_of(subj[0]):
                continue  # "it must be said": no party the demand is made of
            p = match(tok, patterns)
            out.at[head.i] = Frame(pattern=demanded(p), anchor=head, target_toks=subj)
            out.skip.update(_clause(tok))
    return out


def that_clauses(noun) -> list:
    """The that-clauses completing a noun ("its appeal that Sudan free the
    reporters"), also when the parser hung them on the verb the noun is the
    object of ("repeated its appeal on Thursday that Sudan free").

    Args:
        noun: a noun token.

    Returns:
        The heads of the clauses (verbs marked "that"), possibly empty.
    """
    def marked(c):
        return c.dep_ in ("ccomp", "acl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
    out = [c for c in noun.children if marked(c)]
    if not out and noun.dep_ == "dobj" and noun.head is not noun:
        out = [c for c in noun.head.children if c.i > noun.i and marked(c)]
    return out


def _agreed_content(noun, patterns, match) -> bool:
    """Whether a noun trigger names what is agreed to or refused rather than an
    act done: the object of an agreement or a refusal ("agreed to
    mediation by Brazil", "turned down offers to mediate", "rejected calls for aid")."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("to", "for"):
        head = head.head
        if head.dep_ == "dobj":  # "rejected calls for aid": the proposal's content
            head = head.head
    elif noun.dep_ != "dobj":
        return False
    if head.i == noun.i or match(noun, patterns) is None:
        return False
    hp = match(head, patterns)
    return hp is not None and hp.plover in CONTENT_HEADS and hp.cameo != "---"


def _clause(tok) -> set[int]:
    """A verb and the verbs its clause chains to ("must be ready to mediate")."""
    found, todo = {tok.i}, [tok]
    while todo:
        for c in todo.pop().children:
            if c.dep_ in ("xcomp", "acomp", "conj") and c.i not in found:
                found.add(c.i)
                todo.append(c)
    return found


def _protest_act(verb, patterns, match) -> bool:
    """Whether a verb is a protest ("rioted", "blocked roads") or does one
    ("staged demonstrations", "continued their hunger strike")."""
    for t in (verb, *(c for c in verb.children if c.dep_ in ("dobj", "nsubj"))):
        p = match(t, patterns)
        if p is not None and p.plover == "PROTEST":
            return True
    return False


def refusal_negation(verb) -> bool:
    """Whether a negated verb states a refusal ("will not accept", "cannot allow")."""
    if verb is None or not any(c.dep_ == "neg" for c in verb.children):
        return False
    return any(c.dep_ == "aux" and c.lower_ in REFUSAL_AUX for c in verb.children)


def declined_comment(tok) -> bool:
    """Whether a refusal verb only declines to speak ("refused to comment on the
    report", "declined to say how many died", "refused to give details"): not
    coded.

    Args:
        tok: a verb token.

    Returns:
        True when ``tok`` is a refusal head whose infinitive complement is a
        verb of speaking or disclosing (:data:`NO_COMMENT`), or "give"/"provide"
        with an object that is words (:data:`NO_COMMENT_OBJECTS`): "refused to
        give aid" is still a refusal of aid.
    """
    if tok.lemma_.lower() not in REFUSE_HEADS:
        return False
    for c in tok.children:
        if c.dep_ != "xcomp":
            continue
        lemma = c.lemma_.lower()
        if lemma in NO_COMMENT:
            return True
        if lemma in ("give", "provide", "offer"):
            objs = [g.lemma_.lower() for g in c.children if g.dep_ == "dobj"]
            return bool(objs) and objs[0] in NO_COMMENT_OBJECTS
    return False
