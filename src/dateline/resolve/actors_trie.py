"""Word lists as prefix-tree regular expressions, for speed.

The actor finders search every article for long lists of names (titles,
countries and demonyms, dictionary people, groups).  Written as a plain
alternation ``longest|longer|long``, Python's ``re`` tries each alternative at
each position of the text, so the cost grows with the list.  The same list as a
prefix tree ("Ira(?:n(?:ian)?|q(?:i)?)") tries one branch per letter instead.

The tree matches exactly what the longest-first alternation matches, in the same
order of preference: every alternative is a sequence of steps that each match
one way (a literal character, or a run of spaces when ``space`` is given, which
is always followed by a non-space step or ends the word), so the words that
match at one position are prefixes of one another; the alternation tries them
longest first, and the tree, whose optional tails are greedy, does too.  Callers
that use ``(?i:...)`` must pass words that differ in more than case (all the
lists here do).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["trie_alt"]

_END = ""  # the key that marks the end of a word in a trie node


def trie_alt(words: Iterable[str], space: str | None = None) -> str:
    """A regular-expression alternation of ``words`` built as a prefix tree.

    Args:
        words: literal strings (empty ones are left out).
        space: the pattern a space in a word stands for (e.g. ``[ \\t]+``);
            None keeps spaces literal.

    Returns:
        Pattern text matching the same strings as
        ``"|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))``
        (with spaces replaced by ``space``), with the same preference; ""
        when there are no words, as the plain alternation would be.
    """
    root: dict = {}
    for w in set(words):
        if not w:
            continue
        node = root
        for ch in w:
            step = space if ch == " " and space is not None else re.escape(ch)
            node = node.setdefault(step, {})
        node[_END] = {}
    return "|".join(_branches(root))


def _branches(node: dict) -> list[str]:
    return [step + _tail(child) for step, child in node.items() if step != _END]


def _tail(node: dict) -> str:
    parts = _branches(node)
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    if _END in node:  # the word may end here: try the longer words first (greedy)
        return "(?:" + body + ")?"
    return body
