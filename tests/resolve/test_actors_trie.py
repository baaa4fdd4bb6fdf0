"""The prefix-tree alternation matches exactly what the longest-first alternation matches."""

from __future__ import annotations

import random
import re

from dateline.resolve import actors_dict as D
from dateline.resolve.actors_find import _WS, _modifier_words
from dateline.resolve.actors_trie import trie_alt
from dateline.resolve.countries import demonym_index, name_index


def _plain(words, space=None) -> str:
    out = []
    for w in sorted({w for w in words if w}, key=len, reverse=True):
        e = re.escape(w)
        out.append(e.replace("\\ ", space) if space else e)
    return "|".join(out)


def _same(template: str, words, texts, space=None) -> None:
    old = re.compile(template.format(alt=_plain(words, space)))
    new = re.compile(template.format(alt=trie_alt(words, space)))
    for t in texts:
        assert [(m.span(), m.groupdict()) for m in old.finditer(t)] == \
            [(m.span(), m.groupdict()) for m in new.finditer(t)], t


def test_prefixes_prefer_the_longest_that_lets_the_pattern_match():
    words = ["Ira", "Iran", "Iranian", "Iraq", "Iraqi", "South Sudan", "South", "Sudan ", "Sudan"]
    texts = ["Iranian Iran Iraqi Iraq Irak South Sudan South  Sudan South\u00a0Sudan Sudan  x Sudan",
             "Iranians Iran's Sudan\tSudan"]
    # what follows the word decides which alternative wins (backtracking order)
    for template in (r"(?<![\w-])(?P<w>{alt})(?![\w-])", r"(?P<w>{alt})(?:[ \t]+(?P<next>\w+))?",
                     r"(?P<w>{alt})(?=an|i\b)", r"(?P<w>{alt})[ \t\u00a0]+S"):
        _same(template, words, texts, space=_WS)
        _same(template, words, texts, space=None)


def test_case_insensitive_titles_and_real_word_lists():
    titles = list(D.titles())
    mods = list(_modifier_words())
    rnd = random.Random(7)
    pool = titles + mods + list(name_index()) + list(demonym_index())
    texts = []
    for _ in range(600):
        parts = [rnd.choice(pool) for _ in range(6)]
        parts = [p.upper() if rnd.random() < 0.2 else p for p in parts]
        sep = rnd.choice([" ", "  ", "\u00a0", "\t", "'s ", ", "])
        texts.append(sep.join(parts) + " Kerry said.")
    template = (r"(?<![\w-])(?:(?P<mod>{mods})(?:['’]s)?[ \t\u00a0]+)?(?P<title>(?i:{alt}))"
                r"[ \t\u00a0]+(?P<name>[A-Z]\w+)")
    old = re.compile(template.format(mods=_plain(mods, _WS), alt=_plain(titles, _WS)))
    new = re.compile(template.format(mods=trie_alt(mods, _WS), alt=trie_alt(titles, _WS)))
    hits = 0
    for t in texts:
        a = [(m.span(), m.groupdict()) for m in old.finditer(t)]
        assert a == [(m.span(), m.groupdict()) for m in new.finditer(t)], t
        hits += len(a)
    assert hits > 40  # the texts exercise the pattern


def test_no_words_is_the_empty_alternation():
    assert trie_alt([]) == "" == _plain([])
    assert trie_alt(["", "a"]) == "a"
