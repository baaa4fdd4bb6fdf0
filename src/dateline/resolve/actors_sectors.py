"""Rule 7, sector phrases: a sector noun and whose it is.

"Syrian government forces" -> SYRMIL, "the Damascus government" -> SYRGOV, "Assad
regime" -> SYRGOV, "forces loyal to Assad" -> SYRMIL, "Kurdish rebels" -> the
community's country + REB, "Israeli army bulldozers" -> ISRMIL.  The sector nouns
are ``data/actors_sectors.tsv`` (CAMEO agent codes); the rules are documented in
docs/actors.md (rule 7).
"""

from __future__ import annotations

import functools
import re

from . import actors_dict as D
from .actors_ctx import Ctx, country_sector_proto, igo_force_proto
from .actors_fuzzy import country_of_misspelt_token
from .countries import capital_index, demonym_index, lookup_country, name_index
from ..annotate.view import ents_of, tokens_of

# "US-backed fighters" are not US fighters
_NOT_OWNER = {"backed", "led", "allied", "supported", "sponsored", "trained", "funded", "based",
              "armed", "aligned", "affiliated", "linked", "inspired", "held"}
# ... but forces a state leads are its own ("French-led troops")
_LED = {"led", "commanded"}
# prefixes that make a country word a stance ("anti-Syria", "pro-Iranian")
_STANCE_PREFIXES = {"anti", "pro"}
# "rebels in the Ivory Coast", "farmers throughout Kenya", "refugees from ...": the
# group belongs to the country it is in or comes from ...
_WHERE_FROM = {"in", "inside", "within", "throughout", "across", "from"}
# ... except for sectors often found abroad ("troops in Syria" may be anyone's troops)
_OFTEN_ABROAD = {"MIL", "SPY", "REF", "IGO", "NGO", "JRN", "HLH"}
# ... but a country's security forces serve at home ("security forces in Guinea")
_AT_HOME = {"security forces"}
# sectors that stand as actors without a country ("the rebels", "gunmen")
_GENERIC = {"REB", "INS", "OPP", "UAF", "CRM", "NGO"}
# organs of a state acting at home that stand as actors without a country ("the police",
# "the authorities"); the event coder places them by their sentence (extract/events_home.py)
_HOME_ORGANS = {"police", "policemen", "riot police", "authorities"}
# a community's "leaders"/"officials" are its elites, not a government; these nouns stay GOV
_INSTITUTIONS = {"government", "governments", "administration", "authorities", "authority", "regime",
                 "ministry", "cabinet"}
# a sector noun inside a fixed compound is not an actor ("press conference")
_FIXED_COMPOUNDS = {("press", "conference"), ("press", "release"), ("press", "freedom"),
                    ("press", "briefing"), ("press", "office"), ("police", "station")}


def country_of_token(tok, ctx: Ctx) -> str | None:
    """ISO3 when a token names, adjectives or misspells a country or capital.

    Multi-word names are read around the token ("Ivory Coast rebels"); a
    misspelt country word ("Quatar's emir") counts and is remembered in
    ``ctx.misspelt`` so the mention records the spelling rule.

    Args:
        tok: a spaCy token.
        ctx: the document's working state.

    Returns:
        ISO3 or None.
    """
    iso = demonym_index().get(tok.text) or name_index().get(tok.text)
    if iso:
        return iso
    if tok.ent_type_ in ("GPE", "NORP"):
        for e in ents_of(ctx.doc):
            if e.start <= tok.i < e.end:
                iso = lookup_country(e.text)
                if iso:
                    return iso
    if tok.text[:1].isupper():
        doc = ctx.doc
        for n in (3, 2):
            for s in range(max(0, tok.i - n + 1), tok.i + 1):
                if s + n <= len(doc):
                    iso = name_index().get(doc[s:s + n].text)
                    if iso:
                        return iso
    iso = capital_index().get(tok.text)
    if iso:
        return iso
    if tok.ent_type_ in ("GPE", "LOC") and tok.text[:1].isupper():  # "Darfur rebels", "from Calgary"
        ent = next((e for e in ents_of(ctx.doc) if e.start <= tok.i < e.end), None)
        if ent is not None and ent.root.i == tok.i:
            from .actors_targets import country_of_place

            name = re.sub(r"^(?:the|The)\s+", "", " ".join(ent.text.split()))
            iso, _ = country_of_place(ctx, name)
            if iso:
                return iso
    iso = country_of_misspelt_token(tok)
    if iso:
        ctx.misspelt.add(tok.i)
    return iso


def _person_key_at(ctx: Ctx, tok) -> str | None:
    for m in ctx.mentions:
        if m.key.startswith("person:") and m.start <= tok.idx < m.end:
            return m.key
    return None


def _person_country(ctx: Ctx, tok) -> str | None:
    """Country of a person mentioned at ``tok``: the person's own, else the one country
    every dictionary person of that surname belongs to ("Bush administration" -> USA)."""
    pk = _person_key_at(ctx, tok)
    if pk is None:
        return None
    p = ctx.protos[pk]
    if p.country:
        return p.country
    pids = D.person_surnames().get(p.name.split()[-1]) or ()
    found = {r.country for pid in pids for r in D.persons()[pid] if r.country}
    return next(iter(found)) if len(found) == 1 else None


def _group_mention_at(ctx: Ctx, tok):
    for m in ctx.mentions:
        if m.via in ("group_alias", "igo_force") and m.start <= tok.idx < m.end:
            return m
    return None


@functools.lru_cache(maxsize=1)
def _second_words() -> frozenset[str]:
    """Last words of the two-word sector entries ("forces" of "security forces")."""
    return frozenset(w.split()[-1] for w in D.sector_words() if " " in w)


def _sector_of(tok) -> D.SectorWord | None:
    sw = D.sector_words()
    low = tok.lower_
    if tok.i > 0 and low in _second_words():
        two = sw.get(f"{tok.nbor(-1).lower_} {low}")
        if two is not None:
            return two
    return sw.get(low)


def _community_country(ctx: Ctx, tok, eth: D.Ethnic) -> str | None:
    """Where a community named by an adjective lives: its kin state, else "in X", else
    the document's dominant country other than the kin state."""
    from .actors_ethnic import _where, home_country

    if eth.kin:
        return eth.kin
    iso, _ = _where(ctx, tok.idx, tok.idx + len(tok), tok.idx + len(tok))
    return iso or home_country(ctx, eth)


def _ethnic_country(ctx: Ctx, adj) -> tuple[str | None, str | None]:
    """(country, kin state) of the people an "ethnic <adjective>" names: the country they
    live in ("in/of/from X", else the document's dominant country other than the kin
    state), else the kin state."""
    from .actors_ethnic import _where
    from .actors_find import country_counts, dominant_country

    kin = demonym_index().get(adj.text) or (D.ethnic_adjectives().get(adj.text).kin
                                            if adj.text in D.ethnic_adjectives() else None)
    if kin is None and adj.text not in D.ethnic_adjectives():
        return None, None
    iso, _ = _where(ctx, adj.head.idx, adj.head.idx + len(adj.head), adj.head.idx)
    if iso is None or iso == kin:
        iso = dominant_country(country_counts(ctx), exclude=kin or None)
    return iso or kin or None, kin or None


def _modifiers(tok) -> list:
    """Left modifiers of a sector noun; for a sector noun modifying another noun
    ("Israeli army bulldozers", "Ugandan opposition candidates"), also the left
    modifiers of that noun."""
    deps = ("amod", "compound", "poss", "nmod", "npadvmod")
    mods = [c for c in tok.children if c.dep_ in deps and c.i < tok.i]
    head = tok.head
    if tok.dep_ in ("compound", "amod") and head.i > tok.i and head.pos_ in ("NOUN", "PROPN"):
        mods += [c for c in head.children if c.dep_ in deps and c.i < tok.i]
    sw = _sector_of(tok)
    # "French-led troops", "a Nigerian-led brigade": armed forces a state leads act as its military
    not_owner = _NOT_OWNER - _LED if sw is not None and sw.sector == "MIL" else _NOT_OWNER
    return [c for c in mods if not any(t.lower_ in not_owner for t in c.subtree)]


def find_sector_phrases(ctx: Ctx) -> None:
    """Country/person/community + sector noun: "Syrian government forces", "Assad regime".

    Args:
        ctx: the document's working state.
    """
    for tok in tokens_of(ctx.doc):
        sw = _sector_of(tok)
        if sw is None or tok.pos_ not in ("NOUN", "PROPN") or ctx.is_claimed(tok.idx, tok.idx + len(tok)):
            continue
        if tok.dep_ in ("compound", "amod") and _sector_of(tok.head) is not None and tok.head.i > tok.i:
            continue  # "government forces": the head noun decides
        if tok.dep_ == "compound" and (tok.lower_, tok.head.lower_) in _FIXED_COMPOUNDS:
            continue
        iso, left, right, via, sector = None, tok.idx, tok.idx + len(tok), "sector_phrase", sw.sector
        mods = _modifiers(tok)
        gm = next((g for c in mods for g in [_group_mention_at(ctx, c)] if g), None)
        if gm is not None:  # "Isis fighters", "Hezbollah's militia": the group itself
            # "NATO troops", "Hezbollah's militia", "NATO peacekeeping troops"
            if re.fullmatch(r"(?:['’]s)?(?:\s+[a-z][\w-]*){0,2}\s*", ctx.text[gm.end:tok.idx]):
                gp = ctx.protos[gm.key]
                via = "group_alias"
                if gp.kind == "igo" and sw.sector in ("MIL", "COP") and gp.ref:
                    gp = igo_force_proto(gp.ref, sw.sector)  # "UN peacekeepers", "NATO troops"
                    via = "igo_force"
                ctx.add(gp, gm.start, right, via)
            continue
        community = None
        ethnic = next((t for c in mods for t in c.subtree if t.lower_ == "ethnic" and t.i < tok.i), None)
        if ethnic is not None and ethnic.i + 1 < tok.i:  # "ethnic Albanian guerrillas": where they live
            found, kin = _ethnic_country(ctx, ethnic.doc[ethnic.i + 1])
            if found:
                iso, left, via = found, ethnic.idx, "community"
        for c in sorted(mods, key=lambda c: c.i):
            for sub in sorted(c.subtree, key=lambda t: t.i):
                if sub.i >= tok.i:
                    continue
                found = None if _stance_word(sub) else country_of_token(sub, ctx)
                if not found and sw.sector in ("GOV", "MIL", "COP", "SPY"):
                    found = _person_country(ctx, sub)  # "Assad regime", "Bush administration"
                if found and iso is None and ethnic is None:
                    iso, left = found, min(left, sub.idx)
                    if sub.i in ctx.misspelt:
                        via = "fuzzy_country"
                if community is None and sub.text in D.ethnic_adjectives():
                    community = sub
        if iso is None and community is not None:  # "Kurdish rebels", "Serb forces", "Yoruba leaders"
            iso = _community_country(ctx, community, D.ethnic_adjectives()[community.text])
            left, via = min(left, community.idx), "community"
            if sector == "GOV" and tok.lower_ not in _INSTITUTIONS:
                sector = "ELI"
        if iso is None:  # "forces loyal to Assad", "the government of Syria", "rebels in Mali"
            for c in tok.children:
                if c.i < tok.i:
                    continue
                if c.lower_ == "loyal" or (c.dep_ == "prep" and c.lower_ == "of") or (
                        c.dep_ == "prep" and c.lower_ in _WHERE_FROM and community is None
                        and (sw.sector not in _OFTEN_ABROAD or sw.label in _AT_HOME)):
                    # a people word ("Tamil protesters in London") says who they are, not the place
                    for sub in c.subtree:
                        found = country_of_token(sub, ctx) or _person_country(ctx, sub)
                        if found:
                            iso = found
                            right = max(t.idx + len(t) for t in c.subtree)
                            if sub.i in ctx.misspelt:
                                via = "fuzzy_country"
                            break
                if iso:
                    break
        label = sw.label if sector == sw.sector else None
        kind = sw.kind if sector == sw.sector else "elites"
        if iso is None:
            hyphen = tok.i + 1 < len(ctx.doc) and tok.nbor(1).text in ("-", "–")
            if (sw.sector in _GENERIC or _sector_key(tok) in _HOME_ORGANS) and tok.tag_ in ("NNS", "NN") \
                    and tok.dep_ != "compound" and not hyphen:
                key = _sector_key(tok)  # "rights groups": the mention holds both words
                start = tok.nbor(-1).idx if " " in key else tok.idx
                ctx.add(country_sector_proto(None, sw.sector, sw.kind, sw.label), start, right,
                        "sector_generic", entry=f"sectors:{key}")
            continue
        entry = f"sectors:{_sector_key(tok)}"
        ctx.add(country_sector_proto(iso, sector, kind, label), left, right, via, entry=entry)
        # "US and British forces", "French and Egyptian warships": each country its own actor
        for c in mods:
            for cj in c.conjuncts:
                other = country_of_token(cj, ctx) if cj.i < tok.i else None
                if other and other != iso:
                    ctx.add(country_sector_proto(other, sector, kind, label), cj.idx, right,
                            "sector_phrase", claim=False, entry=entry)


def _stance_word(tok) -> bool:
    """Whether a country word names a stance, not an owner: "anti-Syria journalist",
    "pro-Iranian militia" are neither Syria's nor Iran's."""
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text in ("-", "–") and doc[tok.i - 2].lower_ in _STANCE_PREFIXES


def _sector_key(tok) -> str:
    """The actors_sectors.tsv word that matched (a two-word entry when one did)."""
    sw = D.sector_words()
    if tok.i > 0 and f"{tok.nbor(-1).lower_} {tok.lower_}" in sw:
        return f"{tok.nbor(-1).lower_} {tok.lower_}"
    return tok.lower_
