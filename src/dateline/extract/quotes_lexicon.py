"""The quote attribution lexicon (``data/quote_cues.tsv``), loaded lazily."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from ..errors import E_DATA, ConfigError

_KINDS = ("verb", "noun", "phrase", "title", "body")


@dataclass(frozen=True)
class QuoteLexicon:
    """Speech cues and person titles used to find and attribute quotes.

    Attributes:
        verbs: lemmas of speech verbs that attribute a direct quote.
        indirect_verbs: the subset whose complement clause is reported speech.
        nouns: speech nouns ("statement", "interview").
        phrases: multi-word cues as word tuples (("according", "to"),).
        titles: singular person titles ("minister", "diplomat").
        bodies: organisation nouns ("ministry", "campaign"); a subject "the
            ministry" that no mention covers is the organisation last named
            with that word.
    """

    verbs: frozenset[str]
    indirect_verbs: frozenset[str]
    nouns: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    titles: frozenset[str]
    bodies: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=1)
def load_lexicon() -> QuoteLexicon:
    """Read ``quote_cues.tsv`` once per process.

    Returns:
        The parsed lexicon.

    Raises:
        ConfigError: [E203] when a row is malformed.
    """
    text = resources.files("dateline.extract").joinpath("data/quote_cues.tsv").read_text("utf-8")
    verbs: set[str] = set()
    indirect: set[str] = set()
    nouns: set[str] = set()
    phrases: list[tuple[str, ...]] = []
    titles: set[str] = set()
    bodies: set[str] = set()
    header_seen = False
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if not header_seen and cols[0] == "term":
            header_seen = True
            continue
        if len(cols) != 3 or cols[1] not in _KINDS or cols[2] not in ("yes", "no"):
            raise ConfigError(f"quote_cues.tsv line {n} is malformed: {line!r}", E_DATA)
        term, kind, ind = cols[0].strip().lower(), cols[1], cols[2] == "yes"
        if kind == "verb":
            verbs.add(term)
            if ind:
                indirect.add(term)
        elif kind == "noun":
            nouns.add(term)
        elif kind == "phrase":
            phrases.append(tuple(term.split()))
        elif kind == "title":
            titles.add(term)
        else:
            bodies.add(term)
    return QuoteLexicon(
        verbs=frozenset(verbs),
        indirect_verbs=frozenset(indirect),
        nouns=frozenset(nouns),
        phrases=tuple(phrases),
        titles=frozenset(titles),
        bodies=frozenset(bodies),
    )
