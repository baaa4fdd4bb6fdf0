"""Armed forces arriving somewhere: a deployment, not a visit (used by :mod:`.events`).

"US marines arrived in Haiti" is not a visit (CAMEO 042) but a deployment of
forces there (154 Mobilize or increase armed forces, MOBILIZE); peacekeepers
arriving ("a contingent of Kenyan peacekeepers arrived in Liberia") provide peacekeeping (074, AID).  The force is the arrival verb's
subject, or the of-object of a partitive subject ("the first contingent of
troops").  The country arrived in stays the target.
"""

from __future__ import annotations

from dataclasses import replace

from .lexicon import Pattern

#: verbs of arrival that the visit patterns code as CONSULT 042
ARRIVAL_VERBS = {"arrive", "land"}
#: head nouns of an armed force
FORCE_NOUNS = {"troop", "troops", "soldier", "force", "marine", "paratrooper", "contingent", "battalion",
               "peacekeeper", "commando", "warship", "brigade", "regiment"}
#: words that make a force a peacekeeping one
PEACE_WORDS = {"peacekeeper", "peacekeeping", "peace-keeping", "peace", "monitor", "observer"}
#: CAMEO codes (and intent codes) given to arriving forces
DEPLOY_CODE, PEACEKEEPING_CODE, PEACEKEEPING_INTENT = "154", "074", "0334"


def _lemma(tok) -> str:
    return tok.lemma_.lower()


def deployed_force(verb):
    """The force an arrival verb's subject names, and whether it keeps the peace.

    Args:
        verb: the arrival verb token.

    Returns:
        (force head token, peacekeeping) or (None, False) when the subject is no
        armed force.
    """
    head = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    for _ in range(3):  # "the dispatch of Italian soldiers", "a batch of peacekeepers"
        if head is None:
            return None, False
        if _lemma(head) in FORCE_NOUNS or head.lower_ in FORCE_NOUNS:
            words = {_lemma(t) for t in head.subtree} | {t.lower_ for t in head.subtree}
            return head, bool(words & PEACE_WORDS)
        head = next((p for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                     for p in c.children if p.dep_ == "pobj"), None)
    return None, False


def arrival_pattern(tok, pattern: Pattern, lemma: str):
    """The pattern of an arrival, made a deployment when the arriving party is a force.

    Args:
        tok: the trigger token.
        pattern: the pattern matched for it.
        lemma: the trigger's lemma.

    Returns:
        (pattern, force token or None): the given pattern unchanged and None
        when the trigger is no arrival of a force.
    """
    if pattern.pos != "VERB" or pattern.cameo != "042" or lemma not in ARRIVAL_VERBS:
        return pattern, None
    force, peace = deployed_force(tok)
    if force is None:
        return pattern, None
    if peace:
        return replace(pattern, cameo=PEACEKEEPING_CODE, plover="AID", intent=PEACEKEEPING_INTENT), force
    return replace(pattern, cameo=DEPLOY_CODE, plover="MOBILIZE", intent=None), force


#: types of noun triggers whose of-object force is the one that moves
#: ("the deployment of US troops", "the withdrawal of Russian troops")
MOVED_TYPES = {"MOBILIZE", "RETREAT"}


def moving_force(noun, pool) -> list:
    """The armed force a deployment or withdrawal noun's of-phrase names, as its doer.

    Args:
        noun: the trigger noun.
        pool: the document's actors (an ``events_pool.Pool``).

    Returns:
        The force's actors, or an empty list when the of-object is no armed force.
    """
    out = []
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                found = pool.with_conjuncts(p)
                if _lemma(p) in FORCE_NOUNS or any((a.sector or "")[:3] == "MIL" for a in found):
                    out += found
    return out
