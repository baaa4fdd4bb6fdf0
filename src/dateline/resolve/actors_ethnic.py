"""Ethnic and religious communities as actors: "Iraqi Kurds", "ethnic Albanians in Serbia".

A community is coded as civilians (CVL) of the country it lives in, not of a
kin state: "ethnic Albanians in Serbia" are Serbian civilians, "Iraqi Kurds"
Iraqi ones.  The country comes, in order, from a nationality word before the
community ("Iraqi Kurds", "Bosnian Serbs"), from "in/of/from/throughout
<country>" after it, or from the document's dominant country other than the
kin state.  Community words with a kin state ("Albanians", "Serbs", "Turks")
count as communities only after "ethnic" or a nationality word; otherwise they
stay the nation ("the Serbs said" is Serbia).  Words: data/actors_ethnic.tsv.
"""

from __future__ import annotations

import functools
import re

from . import actors_dict as D
from .actors_ctx import Ctx, country_sector_proto
from .actors_find import country_counts, dominant_country
from .actors_trie import trie_alt
from .countries import demonym_index, lookup_country
from ..annotate.view import ents_of

_WS = r"[ \t\u00a0]+"
_WHERE = {"in", "of", "from", "throughout", "inside", "across"}


@functools.lru_cache(maxsize=1)
def _ethnic_re() -> re.Pattern:
    words = trie_alt(D.ethnic_groups())  # longest first, as a prefix tree (actors_trie)
    dems = trie_alt(d for d in demonym_index() if not d.endswith("s") or d.endswith("ss"))
    return re.compile(
        rf"(?<![\w-])(?:(?P<ethnic>[Ee]thnic){_WS}|(?P<dem>{dems}){_WS})?"
        rf"(?P<word>{words})(?![\w-])")


def find_ethnic_groups(ctx: Ctx) -> None:
    """Add communities as country+CVL actors (see the module docstring).

    Args:
        ctx: the document's working state.
    """
    for m in _ethnic_re().finditer(ctx.text):
        if ctx.is_claimed(m.start(), m.end()):
            continue
        eth = D.ethnic_groups()[m.group("word")]
        iso = lookup_country(m.group("dem")) if m.group("dem") else None
        end = m.end()
        if eth.kin and not (m.group("ethnic") or (iso and iso != eth.kin)):
            # "the Serbs", "Serbian Serbs": the nation, left to the country finder --
            # unless they are placed in another country ("Albanians of southern Serbia")
            where, end = _where(ctx, m.start("word"), m.end("word"), end)
            if where is None or where == eth.kin:
                continue
            iso = where
        if iso is None:
            iso, end = _where(ctx, m.start("word"), m.end("word"), end)
        if iso is None:
            iso = home_country(ctx, eth)
        if iso is None:
            continue
        ctx.add(country_sector_proto(iso, "CVL", "civilians", eth.label), m.start(), end, "community",
                entry=f"ethnic:{m.group('word')}")


def home_country(ctx: Ctx, eth: D.Ethnic) -> str | None:
    """The country the document puts a community in when the text does not say: the
    most named of its home countries (``homes`` in actors_ethnic.tsv), else -- for a
    community with no listed homes -- the document's dominant country other than its
    kin state.

    Args:
        ctx: the document's working state.
        eth: the community.

    Returns:
        ISO3 or None (no home country named: the community stays unplaced).
    """
    counts = country_counts(ctx)
    if eth.homes:
        counts = {k: v for k, v in counts.items() if k in eth.homes}
    return dominant_country(counts, exclude=eth.kin or None)


def _where(ctx: Ctx, start: int, end: int, span_end: int) -> tuple[str | None, int]:
    """Country of an "in/of/from <country>" attached to the community word."""
    head = ctx.head_tok(start, end)
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in _WHERE and c.i > head.i:
            for sub in c.subtree:
                iso = lookup_country(sub.text) if sub.ent_type_ in ("GPE", "NORP", "LOC") else None
                if iso is None and sub.ent_type_ in ("GPE", "LOC"):
                    ent = next((e for e in ents_of(ctx.doc) if e.start <= sub.i < e.end), None)
                    iso = lookup_country(ent.text) if ent is not None else None
                if iso:
                    return iso, span_end
    return None, span_end
