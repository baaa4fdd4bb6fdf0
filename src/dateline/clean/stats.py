"""Lines that recur across many articles of one source (site furniture)."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable


def _key(line: str) -> bytes | None:
    norm = " ".join(line.split()).casefold()
    if not norm:
        return None
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=8).digest()


class SourceLineStats:
    """Counts, per source, in how many articles each line occurs.

    The batch runner calls ``observe`` for every article (ideally over the
    whole batch first, so the result does not depend on order) and hands the
    stats to ``clean``. Lines are stored as 8-byte hashes, so memory grows with
    the number of distinct lines, not their length.

    Args:
        min_articles: a line is repeated once seen in this many articles.
    """

    def __init__(self, min_articles: int = 3):
        if min_articles < 2:
            raise ValueError(f"min_articles must be at least 2, got {min_articles}")
        self.min_articles = min_articles
        self._counts: dict[str, dict[bytes, int]] = defaultdict(dict)
        self._articles: dict[str, int] = defaultdict(int)

    def observe(self, source: str | None, lines: Iterable[str] | str) -> None:
        """Record the lines of one article of ``source`` (each line counted once).

        Args:
            source: the outlet; None is ignored.
            lines: the article's lines, or its text (split on newlines).
        """
        if not source:
            return
        if isinstance(lines, str):
            lines = lines.split("\n")
        keys = {k for k in map(_key, lines) if k is not None}
        counts = self._counts[source]
        for k in keys:
            counts[k] = counts.get(k, 0) + 1
        self._articles[source] += 1

    def count(self, source: str | None, line: str) -> int:
        """In how many observed articles of ``source`` the line occurs."""
        k = _key(line)
        if not source or k is None or source not in self._counts:
            return 0
        return self._counts[source].get(k, 0)

    def is_repeated(self, source: str | None, line: str) -> bool:
        """True when the line occurs in at least ``min_articles`` articles of ``source``."""
        return self.count(source, line) >= self.min_articles

    def articles(self, source: str | None) -> int:
        """How many articles of ``source`` were observed."""
        return self._articles.get(source, 0) if source else 0
