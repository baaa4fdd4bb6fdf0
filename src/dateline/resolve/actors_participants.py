"""Countries and capitals that take part in an event although written as places,
and nationality plurals that name people.

Rule 8 (``actors_find.find_countries``) keeps "in Syria", "to the US" out of the
actors: they are places.  Event data, though, codes the other party of a visit,
a meeting, a gift or a request by its country ("arrived in Amman", "aid to
Liberia", "an offer from Afghanistan", "mediation between Syria and the PLO").
The rules here, run after rule 8, add those as actors (``country_participant``):

* a country name or a capital that is the object of ``to``, ``toward(s)``,
  ``with``, ``against`` or ``between`` attached to a verb, or to a noun that is
  itself the object or subject of a verb ("aid to Liberia", "ties with Iran");
* the object of ``from`` under such a noun ("an offer from Afghanistan") or
  under a verb that is not a verb of plain motion ("withdrew from Lebanon";
  not "returned from Moscow");
* the object of ``in``/``at``/``into`` attached to a verb of arrival or
  deployment ("arrived in Amman", "deployed in East Timor") or to a passive
  verb of a state act (arrest, detain, try, expel, investigate...) with no
  ``by``-agent, whose implicit agent is that state's authorities ("was arrested
  in Lebanon"; not "the summit was held in Amman");
* a capital that is the direct object of a verb ("visited Amman", "urged Moscow").

A country name stays the country-level actor (``JOR``); a capital is the
government it stands for (``JORGOV``), as are capitals acting as subjects.

Nationality plurals ("Palestinians", "2,000 Libyans", "Ghanaians") are people:
civilians of that country (``PSECVL``, rule ``nationals``), except a bare plural
that is the subject of a clause ("Palestinians blamed Israel", "the Russians
said"), which stands for the nation and stays the country (rule 8).
"""

from __future__ import annotations

from . import actors_dict as D
from .actors_ctx import Ctx, country_proto, country_sector_proto
from .countries import capital_index, demonym_index, lookup_country, name_index
from ..annotate.view import ents_of, tokens_of

_PARTY_PREPS = {"to", "toward", "towards", "with", "against", "between"}
_IN_PREPS = {"in", "at", "into", "inside"}
# "according to", "due to", "close to": prepositions of no party
_NOT_GOVERNORS = {"according", "due", "close", "next", "prior", "up", "near", "similar", "compared",
                  "thanks", "relative", "way", "border", "borders", "flight", "flights", "road", "route"}
_MOTION = {"return", "come", "flee", "escape", "travel", "fly", "arrive", "hail", "originate", "move",
           "emigrate", "go", "leave", "drive", "sail", "cross", "depart", "defect"}
_ARRIVAL = {"arrive", "visit", "deploy", "land", "station", "intervene", "invade", "enter", "open",
            "establish", "base", "post", "send", "dispatch", "stay", "tour", "evacuate"}
# nouns that make "in X" a place however the clause runs
_PLACE_NOUNS = {"town", "city", "village", "capital", "province", "region", "area", "border", "camp",
                "school", "university", "port", "airport", "district", "state", "territory"}


def _pp_object(tok):
    """(preposition, governor) when ``tok`` (or the head of its conj/compound/appos
    chain) is the object of a preposition, else (None, None)."""
    t = tok
    for _ in range(5):
        if t.dep_ == "pobj":
            prep = t.head
            gov = prep.head
            if prep.dep_ == "pcomp" or prep.head.dep_ == "prep":  # "from between", "out of"
                gov = prep.head.head
            return prep, gov
        if t.dep_ in ("conj", "compound", "appos") and t.head.i != t.i:
            t = t.head
            continue
        break
    return None, None


def _verb_bound(gov) -> bool:
    """A noun governor that is an argument of a verb ("provide aid to X")."""
    t = gov
    for _ in range(3):
        if t.pos_ in ("VERB", "AUX"):
            return True
        if t.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "attr", "conj", "appos") and t.head.i != t.i:
            t = t.head
            continue
        return False
    return False


# acts of a state's authorities on its own ground, often written in the passive
# with no agent ("was arrested in Lebanon", "was put under investigation in Italy")
_STATE_ACTS = {"arrest", "detain", "jail", "imprison", "execute", "sentence", "try", "convict", "charge",
               "expel", "deport", "ban", "investigate", "put", "prosecute", "extradite", "punish", "fine",
               "hang", "indict", "outlaw", "censor", "interrogate"}


def _passive_without_agent(verb) -> bool:
    deps = {c.dep_ for c in verb.children}
    return verb.lemma_.lower() in _STATE_ACTS and ("auxpass" in deps or verb.tag_ == "VBN") \
        and "agent" not in deps and "nsubj" not in deps


def is_participant(tok) -> bool:
    """True when a country/capital token written as a place is a party to its clause.

    Args:
        tok: the head token of the country name or capital.

    Returns:
        bool: see the module docstring for the rules.
    """
    prep, gov = _pp_object(tok)
    if prep is None:
        return False
    p, lemma = prep.lower_, gov.lemma_.lower()
    if gov.lower_ in _NOT_GOVERNORS or lemma in _NOT_GOVERNORS or lemma in _PLACE_NOUNS:
        return False
    is_verb = gov.pos_ in ("VERB", "AUX")
    if not is_verb and not (gov.pos_ in ("NOUN", "PROPN") and _verb_bound(gov)):
        return False
    if p in _PARTY_PREPS:
        return True
    if p == "from":
        return not is_verb or lemma not in _MOTION
    if p in _IN_PREPS and is_verb:
        return lemma in _ARRIVAL or _passive_without_agent(gov)
    return False


def find_participant_countries(ctx: Ctx) -> None:
    """Add countries and capitals written as places that are parties (module docstring)."""
    capitals, names = capital_index(), name_index()
    ents = [e for e in ents_of(ctx.doc) if e.label_ in ("GPE", "LOC", "NORP")]
    for e in ents:
        s, end = e.start_char, e.end_char
        if ctx.is_claimed(s, end):
            continue
        text = " ".join(e.text.split())
        if text.lower().startswith("the "):
            text = text[4:]
        iso = names.get(text) or lookup_country(text)
        capital = False
        if iso is None and e.label_ == "GPE":
            iso, capital = capitals.get(text), True
        if iso is None or text in demonym_index():
            continue
        root = e.root
        if capital and root.dep_ == "dobj" and root.head.pos_ == "VERB":
            ok = True
        else:
            ok = is_participant(root)
        if not ok:
            continue
        proto = country_sector_proto(iso, "GOV", "government") if capital else country_proto(iso)
        ctx.add(proto, s, end, "country_participant", entry=f"countries:{iso}")


def _collective_subject(tok) -> bool:
    """A bare plural nationality as the subject of a clause stands for its nation
    ("Palestinians blamed Israel", "Israel and the Palestinians agreed"); one that
    is counted or described ("4,000 Palestinians", "Palestinians living in Gaza")
    names people."""
    t = tok
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ not in ("nsubj", "nsubjpass", "agent"):
        return False
    return not any(c.dep_ in ("nummod", "quantmod", "acl", "relcl", "prep", "amod") or
                   c.lower_ in ("many", "most", "some", "thousands", "hundreds", "dozens")
                   for c in tok.children)


def find_nationals(ctx: Ctx) -> None:
    """Plural nationality nouns are civilians of that country ("Palestinians", "2,000 Libyans")."""
    demonyms = demonym_index()
    for tok in tokens_of(ctx.doc):
        word = tok.text
        if not word.endswith("s") or word not in demonyms or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if tok.tag_ not in ("NNS", "NNPS") and not (tok.tag_ == "NNP" and word[:-1] in demonyms):
            continue
        if tok.dep_ in ("compound", "amod", "poss") or ctx.is_claimed(tok.idx, tok.idx + len(word)):
            continue
        iso = demonyms[word]
        if word in D.ethnic_groups():
            continue  # "Albanians", "Turks": communities with a kin state (rule 3b) decide
        if _collective_subject(tok):
            continue  # "Palestinians blamed Israel", "the Russians said": the country (rule 8)
        ctx.add(country_sector_proto(iso, "CVL", "civilians"), tok.idx, tok.idx + len(word), "nationals",
                entry=f"nationals:{word}")
