"""Rule 8h: places that suffer a coercive act stand for the people who live there.

CAMEO codes the target of a curfew, a siege, a blockade, shelling or a raid on
a town as that town's population: "a curfew in Abidjan" targets Ivorian
civilians (``CIVCVL``), "farmers would blockade Paris" French civilians
(``FRACVL``), "Israeli tanks fired at targets in Jericho" Palestinian civilians.
A country named the same way is the country itself ("a curfew imposed in
Sudan" -> ``SDN``, rule ``country_participant``).

A place counts when its entity (GPE, LOC or FAC) is

* the object of *in/on/at/into/near/inside/across/throughout* under a coercive
  noun ("curfew", "siege", "blockade", "shelling", "raid", "martial law") or
  under a verb whose object is one ("imposed a curfew in ..."), or under a
  coercive verb itself ("shelled positions in ...");
* the object of *of* under a coercive noun ("the siege of Sarajevo");
* the direct object of a coercive verb ("blockade Paris", "shelled Juba"), or
  the subject of its passive ("Baghdad was shelled").

The place's country comes from ``countries.tsv`` (capitals) or the offline
gazetteer (``resolve.gazetteer``: the most populous namesake when it outweighs
the others' countries five to one).  The words are in ``_COERCIVE``; the rule is
documented in docs/actors.md.
"""

from __future__ import annotations

import functools

from .actors_ctx import Ctx, country_proto, country_sector_proto
from .countries import capital_index, demonym_index, name_index
from ..annotate.view import ents_of

#: lemmas of nouns and verbs of acts done by force to a place and its people
_COERCIVE = frozenset({
    "curfew", "emergency", "siege", "besiege", "blockade", "crackdown", "lockdown", "shell", "shelling",
    "bomb", "bombing", "bombard", "bombardment", "raid", "airstrike", "air strike", "offensive", "assault",
    "storm", "invade", "invasion", "occupy", "occupation", "overrun", "retake", "recapture", "capture",
    "seize", "encircle", "cordon", "rocket", "missile", "mortar", "artillery", "blitz", "barrage",
    "fire", "shoot", "ban", "impose", "declare", "lift", "extend",
})
#: acts done to the place itself: only its direct object (or passive subject) is the
#: target ("captured Afrin"); "was captured in Istanbul" says where a person was taken
_TAKE = frozenset({"capture", "seize", "overrun", "retake", "recapture", "occupy", "storm", "invade",
                   "encircle", "besiege", "cordon"})
#: verbs that count only through a coercive object ("imposed a curfew in X", "lifted the siege of X")
_LIGHT = frozenset({"impose", "declare", "lift", "extend"})
_PREPS = frozenset({"in", "on", "at", "into", "near", "inside", "across", "throughout", "over"})
_OF_NOUNS = frozenset({"siege", "blockade", "shelling", "bombing", "bombardment", "occupation", "invasion",
                       "encirclement", "capture", "seizure"})
_ENTITY_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _coercive(tok) -> bool:
    lemma = tok.lemma_.lower()
    if lemma == "law":
        return any(c.lower_ == "martial" for c in tok.children)
    if lemma == "state":  # "a state of emergency", "a state of siege"
        return any(c.lower_ == "of" and any(g.lemma_.lower() in ("emergency", "siege") for g in c.children)
                   for c in tok.children)
    if lemma in _LIGHT:
        # a light verb counts through its object: "imposed a curfew", "lifted the ban"
        return any(c.dep_ in ("dobj", "nsubjpass") and _coercive(c) for c in tok.children)
    return lemma in _COERCIVE


def _under_coercion(gov) -> bool:
    """The word a place phrase hangs on is coercive, or is what a coercive act is done
    to or with ("fired at targets in Jericho", "ban voting in East Jerusalem")."""
    if gov.pos_ in ("VERB", "AUX") and gov.lemma_.lower() in _TAKE:
        return False
    if _coercive(gov):
        return True
    if gov.pos_ in ("VERB", "AUX"):
        if gov.dep_ in ("acl", "relcl") and _coercive(gov.head):  # "the curfew imposed in Sudan"
            return True
        return any(c.dep_ in ("dobj", "nsubjpass") and _coercive(c) for c in gov.children)
    if gov.pos_ != "NOUN":
        return False
    if gov.dep_ in ("dobj", "nsubjpass") and gov.head.pos_ == "VERB":
        return _coercive(gov.head)
    return gov.dep_ == "pobj" and gov.head.head.pos_ == "VERB" and _coercive(gov.head.head)


def _coerced(root) -> bool:
    """True when an entity's root token is the place of a coercive act (module docstring)."""
    t = root
    for _ in range(4):  # climb "the town of Cizre", "Gaza and Jericho"
        if t.dep_ in ("conj", "appos") and t.head.i != t.i:
            t = t.head
            continue
        if _named_place(t):
            t = t.head.head
            continue
        break
    if t.dep_ == "pobj":
        prep, gov = t.head, t.head.head
        if prep.lower_ in _PREPS:
            return _under_coercion(gov)
        return prep.lower_ == "of" and gov.lemma_.lower() in _OF_NOUNS
    if t.dep_ in ("dobj", "nsubjpass") and t.head.pos_ == "VERB":
        return t.head.lemma_.lower() in _COERCIVE and t.head.lemma_.lower() not in _LIGHT
    return False


_PLACE_NOUNS = ("town", "city", "village", "capital", "district", "province", "region", "area")


def _named_place(root) -> bool:
    """"the town of Cizre": a name the tagger calls ORG is a place after a place noun."""
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in _PLACE_NOUNS


@functools.lru_cache(maxsize=4096)
def place_country(name: str) -> tuple[str | None, bool]:
    """ISO3 of the country a town or region name lies in, when the gazetteer is clear.

    Args:
        name: a place name as written ("Jericho", "Abidjan", "Darfur").

    Returns:
        (ISO3, is a town): the country of the most populous namesake when every
        namesake of another country has less than a fifth of its population (or
        all share one country), else (None, False).
    """
    from .gazetteer import load_gazetteer

    cands = load_gazetteer().lookup(name)
    if not cands:
        return None, False
    best = max(cands, key=lambda c: c.entry.population)
    iso = best.entry.country
    rivals = [c for c in cands if c.entry.country != iso]
    if not iso or any(c.entry.population * 5 > best.entry.population for c in rivals):
        return None, False
    return iso, best.entry.feature_class == "city"


def country_of_place(ctx: Ctx, name: str) -> tuple[str | None, bool]:
    """:func:`place_country`, with namesakes told apart by the countries the document names.

    Args:
        ctx: the document's working state.
        name: the place name as written.

    Returns:
        (ISO3, is a town), or (None, False).
    """
    iso, town = place_country(name)
    if iso:
        return iso, town
    from .actors_find import country_counts
    from .gazetteer import load_gazetteer

    cands = load_gazetteer().lookup(name)
    named = set(country_counts(ctx))
    hits = {c.entry.country for c in cands if c.entry.country in named}
    if len(hits) != 1:
        return None, False
    iso = next(iter(hits))
    best = max((c for c in cands if c.entry.country == iso), key=lambda c: c.entry.population)
    return iso, best.entry.feature_class == "city"


def find_place_targets(ctx: Ctx) -> None:
    """Add the people of places that suffer coercive acts (module docstring).

    Args:
        ctx: the document's working state.
    """
    for e in ents_of(ctx.doc):
        if ctx.is_claimed(e.start_char, e.end_char):
            continue
        if e.label_ not in _ENTITY_LABELS and not (e.label_ == "ORG" and _named_place(e.root)):
            continue
        if not _coerced(e.root):
            continue
        text = " ".join(e.text.split())
        if text.lower().startswith("the "):
            text = text[4:]
        if text in demonym_index():
            continue
        iso = name_index().get(text)
        if iso:
            ctx.add(country_proto(iso), e.start_char, e.end_char, "country_participant",
                    entry=f"countries:{iso}")
            continue
        inside = next((i for w, i in name_index().items() if len(w) > 3 and f" {w}" in f" {text}"), None)
        iso = capital_index().get(text)
        town = bool(iso)
        if iso is None and inside is None:
            iso, town = country_of_place(ctx, text)
        if inside and not iso:  # "South Lebanon", "northern Iraq": a part of the country
            ctx.add(country_proto(inside), e.start_char, e.end_char, "country_participant",
                    entry=f"countries:{inside}")
        elif iso and town:
            ctx.add(country_sector_proto(iso, "CVL", "civilians"), e.start_char, e.end_char,
                    "place_civilians", entry=f"countries:{iso}")
        elif iso:  # a region ("the West Bank", "Darfur"): the country
            ctx.add(country_proto(iso), e.start_char, e.end_char, "country_participant",
                    entry=f"countries:{iso}")
