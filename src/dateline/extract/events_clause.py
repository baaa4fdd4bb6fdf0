"""Clause reading for the event coder (used by :mod:`.events`).

* Subjects shared along a verb chain: a verb with no subject of its own
  (xcomp, conj, advcl, pcomp, acomp) takes the subject of the verb it hangs
  from ("Kerry plans to meet Lavrov"); a relative clause's subject is the noun
  it modifies.
* Modality of a trigger's clause: negated (not/never/no), hypothetical
  (if/unless/whether, could/might/may), intended (will/would/'ll, or under
  plan/want/agree/promise to ...), reported (under a speech verb, with the
  speaker as ``reported_by``), else asserted.  Negation wins over the others.
"""

from __future__ import annotations

from .events_frames import REFUSE_HEADS
from .events_pool import Pool

INTENT_HEADS = {
    "plan", "intend", "want", "hope", "expect", "promise", "pledge", "vow", "agree",
    "decide", "seek", "aim", "prepare", "wish", "offer", "propose", "schedule", "set",
    "due", "try", "attempt", "plot", "arrange", "would", "like", "going",
    "willing", "ready", "threaten", "vow", "commit", "determined", "able", "resolve",
    "prepared", "committed", "swear",
}
INTENT_AUX = {"will", "'ll", "shall", "would", "wo", "'d"}
HYPO_AUX = {"could", "might", "may"}
HYPO_MARK = {"if", "unless", "whether"}
SPEECH = {
    "say", "tell", "announce", "state", "report", "claim", "add", "note", "confirm",
    "insist", "stress", "declare", "warn", "write", "explain", "indicate", "suggest",
    "reveal", "allege", "acknowledge", "admit", "deny", "argue", "assert",
}

#: verbs whose object is the subject of their infinitive complement
#: ("prompted Japan to protest", "forced the minister to resign", "helped
#: Israel defend itself")
OBJECT_CONTROL = {"prompt", "force", "lead", "cause", "push", "compel", "drive", "spur", "provoke", "oblige",
                  "persuade", "convince", "allow", "permit", "enable", "help", "encourage", "invite", "order",
                  "tell", "ask", "urge", "pressure", "press", "get"}

#: nouns for what is issued or sent, whose -ing clause speaks for the sender
#: ("issued a statement condemning", "sent a letter demanding")
STATEMENT_NOUNS = {"statement", "declaration", "communique", "communiqué", "letter", "resolution",
                   "message", "note", "memorandum", "press release", "release"}


def infinitive_complement(v) -> bool:
    """Whether a clause is the infinitive complement of a verb of intent or
    refusal that the parser attached as an adverbial clause ("threatened
    today to impose", "refused on Monday to meet"): read as an xcomp.

    Args:
        v: a verb token.

    Returns:
        True for an xcomp, or an advcl with a "to" marker and no
        subordinating conjunction under an intent or refusal verb.
    """
    if v.dep_ == "xcomp":
        return True
    if v.dep_ != "advcl" or v.head is v:
        return False
    if any(c.dep_ == "mark" for c in v.children):
        return False
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in v.children):
        return False
    return v.head.lemma_.lower() in INTENT_HEADS | REFUSE_HEADS


def subject_tokens(verb) -> list:
    """The subject tokens of a verb, climbing through xcomp/conj/relcl for shared
    subjects; the infinitive of an object-control verb takes that verb's object
    (:data:`OBJECT_CONTROL`).

    Args:
        verb: a spaCy token (a verb or adjective heading a clause).

    Returns:
        The nsubj/csubj tokens found (the modified noun for a relative clause
        or a gerund modifier), or an empty list.
    """
    v = verb
    for _ in range(5):
        subj = [c for c in v.children if c.dep_ in ("nsubj", "csubj")]
        if subj:
            return subj
        if v.dep_ == "xcomp" and v.head.lemma_.lower() in OBJECT_CONTROL:
            objs = [c for c in v.head.children if c.dep_ == "dobj"]
            if objs:
                return objs  # "prompting the EU to protest": the EU protests
        if v.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp") and v.head is not v:
            # acomp: "is about to sign", "was ready to leave";
            # pcomp: "turned to shelling the town" (through the preposition)
            v = v.head.head if v.dep_ == "pcomp" and v.head.dep_ == "prep" else v.head
            continue
        if v.dep_ == "relcl":
            return [v.head]
        if v.dep_ == "acl" and v.tag_ == "VBG":
            noun = v.head
            if noun.lemma_.lower() in STATEMENT_NOUNS and noun.dep_ == "dobj" and noun.head is not noun:
                v = noun.head  # "released a statement urging ...": the issuer urges
                continue
            return [noun]
        return []
    return []


def modality(tok, verb, pool: Pool) -> tuple[str, str | None]:
    """The modality of a trigger's clause and who reports it (see the module docstring).

    Args:
        tok: the trigger token (a "no" determiner on it negates).
        verb: the verb whose clause is read, climbing through complement and
            conjoined clauses up to six levels (or None).
        pool: the document's actors, for the speaker of a reporting verb.

    Returns:
        (modality, reporter): one of "negated", "hypothetical", "intended",
        "reported", "asserted"; the reporting actor's id or None.
    """
    negated = hypothetical = intended = False
    reporter: str | None = None
    if any(c.dep_ == "det" and c.lower_ in ("no",) for c in tok.children):
        negated = True
    v = verb if verb is not None else None
    depth = 0
    prev_dep = ""
    while v is not None and depth < 6:
        for c in v.children:
            if c.dep_ == "neg" and depth == 0:
                negated = True
            if c.dep_ == "aux":
                low = c.lower_
                if low in INTENT_AUX:
                    intended = True
                elif low in HYPO_AUX:
                    hypothetical = True
            if c.dep_ == "mark" and c.lower_ in HYPO_MARK:
                hypothetical = True
        lemma = v.lemma_.lower()
        if depth > 0 and lemma in INTENT_HEADS:
            intended = True
        if depth > 0 and lemma in REFUSE_HEADS and prev_dep == "xcomp":
            negated = True  # "refused to attack": not done
        if depth > 0 and lemma in SPEECH and reporter is None:
            subj = subject_tokens(v)
            if subj:
                a = pool.at(subj[0])
                reporter = a.id if a else None
            if reporter is None:
                reporter = ""  # reported by someone we could not resolve
        if v.dep_ in ("xcomp", "ccomp", "conj", "advcl", "pcomp") and v.head is not v:
            # a conj shares its head's clause type but not its reporting verb's subject
            complement = infinitive_complement(v)
            if (v.dep_ == "advcl" and not complement
                    and not any(c.dep_ == "mark" and c.lower_ in HYPO_MARK for c in v.children)):
                break
            prev_dep = "xcomp" if complement else v.dep_
            v = v.head if v.dep_ != "pcomp" else v.head.head
            depth += 1
            continue
        break
    if negated:
        modality = "negated"
    elif hypothetical:
        modality = "hypothetical"
    elif intended:
        modality = "intended"
    elif reporter is not None:
        modality = "reported"
    else:
        modality = "asserted"
    return modality, (reporter or None)
