"""How a place name is used in its sentence: as a location or as an actor.

These are the dependency rules behind :mod:`dateline.resolve.places` (see
its docstring for the list) and :func:`locative_tokens`, used to find where
an event happened.  The word lists live in ``data/places_rules.json``.
"""

from __future__ import annotations

import functools
import json
from importlib import resources

from ..errors import E_DATA, ConfigError
from .gazetteer import Entry

_REQUIRED = (
    "nonagentive_verbs",
    "agentive_adjectives",
    "agentive_nouns",
    "speech_or_contact_verbs_taking_actor_object",
    "locative_preps",
    "place_part_nouns",
    "clause_deps",
    "seat_of_power_names",
    "direction_words",
)


@functools.lru_cache(maxsize=1)
def rules() -> dict[str, frozenset[str]]:
    """The word lists of ``places_rules.json`` as frozensets (loaded once).

    Raises:
        ConfigError: [E203] when the file lacks a list.
    """
    path = resources.files("dateline.resolve") / "data" / "places_rules.json"
    with path.open(encoding="utf-8") as fh:
        raw = json.load(fh)
    out = {}
    for key in _REQUIRED:
        if not isinstance(raw.get(key), list):
            raise ConfigError(f"places_rules.json: missing list {key!r}", E_DATA)
        out[key] = frozenset(raw[key])
    return out


def _first_conjunct(tok):
    """Climb conjunctions and appositions to the token that carries the role."""
    while tok.dep_ in ("conj", "appos") and tok.head is not tok:
        tok = tok.head
    return tok


def _noun_head(tok):
    """The noun a prenominal modifier belongs to ("Damascus" -> "government")."""
    head = tok.head
    while head.dep_ in ("compound", "nmod", "amod") and head.head.i > head.i:
        head = head.head
    return head


def _word(tok) -> str:
    return tok.lemma_.lower()


def _modifies_actor(tok) -> bool:
    """A prenominal place name in a noun phrase that names an actor.

    True when a noun on the way up to the phrase head is agentive ("US
    Secretary of State John Kerry", "the Damascus government") or the head is
    a person's name ("Syrian President Assad").
    """
    nouns = rules()["agentive_nouns"]
    head = tok.head
    steps = 0
    while steps < 6:
        if _word(head) in nouns:
            return True
        if head.dep_ in ("compound", "nmod", "amod") and head.head.i > head.i:
            head = head.head
            steps += 1
            continue
        break
    return head.ent_type_ == "PERSON" and head.i != tok.i


def hyphen_joined(doc, start: int, end: int, mention_tokens: set[int]) -> bool:
    """True for "Washington-Moscow"-style pairs: two place names joined by a hyphen."""
    if end + 1 < len(doc) and doc[end].text in ("-", "\u2013") and not doc[end - 1].whitespace_:
        if not doc[end].whitespace_ and end + 1 in mention_tokens:
            return True
    if start >= 2 and doc[start - 1].text in ("-", "\u2013") and not doc[start - 1].whitespace_:
        if not doc[start - 2].whitespace_ and start - 2 in mention_tokens:
            return True
    return False


def is_agentive(doc, start: int, end: int, entry: Entry, mention_tokens: set[int]) -> bool:
    """Whether the mention doc[start:end] names an actor rather than a location.

    Args:
        doc: the spaCy Doc.
        start: first token of the mention.
        end: token after the mention.
        entry: the gazetteer entry the mention resolved to.
        mention_tokens: indexes of the tokens that start a place mention
            (for hyphenated pairs).

    Returns:
        True when the mention should not count as a place mention.
    """
    r = rules()
    span = doc[start:end]
    root = span.root
    if hyphen_joined(doc, start, end, mention_tokens) and root.dep_ in ("compound", "nmod", "amod", "npadvmod"):
        return True
    # "Russia and the US said": a conjunct shares the first one's role;
    # "Vientiane, Laos": the country is locative exactly when the city is.
    tok = _first_conjunct(root)
    dep = tok.dep_
    can_act = entry.feature_class != "city" or entry.capital
    if dep == "pobj":
        prep = tok.head
        if prep.dep_ == "agent" and can_act:
            return True
        if prep.lower_ == "of" and _word(prep.head) in r["agentive_nouns"]:
            return True
        return False
    if dep == "nsubj":
        if not can_act:
            return False
        verb = tok.head
        if _word(verb) in r["nonagentive_verbs"]:
            for ch in verb.children:
                if ch.dep_ in ("acomp", "attr") and _word(ch) in r["agentive_adjectives"]:
                    return True
            return False
        return True
    if dep == "poss":
        return _word(tok.head) in r["agentive_nouns"]
    if dep in ("compound", "nmod", "amod"):
        return _modifies_actor(tok)
    if dep == "dobj" and can_act:
        return _word(tok.head) in r["speech_or_contact_verbs_taking_actor_object"]
    return False


def is_locative(tok) -> bool:
    """Whether a place token stands in a locative phrase ("in X", "on the outskirts of X").

    Args:
        tok: the root token of a place mention.

    Returns:
        True for the object of a locative preposition, of "of" after a
        place-part noun that is itself locative, or an apposition/conjunct of
        such a token ("in Vientiane, Laos"; "in Vienna and Geneva").
    """
    r = rules()
    seen = 0
    while tok.dep_ in ("appos", "conj") and seen < 5:
        tok = tok.head
        seen += 1
    if tok.dep_ in ("compound", "nmod") and _word(_noun_head(tok)) in r["place_part_nouns"]:
        tok = _noun_head(tok)
    if tok.dep_ != "pobj":
        return False
    prep = tok.head.lower_
    if prep in r["locative_preps"]:
        return True
    if prep == "of":
        noun = tok.head.head
        if _word(noun) in r["place_part_nouns"] and noun.dep_ == "pobj":
            return noun.head.lower_ in r["locative_preps"] or noun.head.lower_ in ("on", "to", "from")
    return False


def clause_tokens(doc, trigger_i: int) -> list[tuple[int, int]]:
    """Tokens in the trigger's own clause, with their depth below the trigger.

    The walk goes down the dependency tree from the trigger and does not enter
    other clauses (clausal complements, adverbial and relative clauses,
    coordinated verbs), so a place attached to another verb is not reached.

    Args:
        doc: the spaCy Doc.
        trigger_i: index of the event's trigger token.

    Returns:
        (token index, depth) pairs, breadth first.
    """
    r = rules()
    out = []
    frontier = [(doc[trigger_i], 0)]
    while frontier:
        nxt = []
        for node, depth in frontier:
            out.append((node.i, depth))
            for ch in node.children:
                if ch.dep_ in r["clause_deps"] and (ch.pos_ in ("VERB", "AUX") or ch.dep_ != "conj"):
                    if not (ch.dep_ == "acl" and node.i == trigger_i and node.pos_ in ("NOUN", "PROPN")):
                        continue
                nxt.append((ch, depth + 1))
        frontier = nxt
    return out
