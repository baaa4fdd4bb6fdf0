"""A conservative spelling-slip matcher for country names, demonyms and dictionary surnames.

News copy misspells names ("Afganistan", "Quatar", "Isreal", "Mitterand").  A
capitalised word that no dictionary knows is read as a known name when:

* it has at least 6 letters and the name at least 5;
* one edit turns it into the name (Damerau-Levenshtein distance 1: a letter
  added, dropped, changed, or two neighbours swapped), and into no other name of
  a different country (or person); the first letter is never the one edited
  ("Olivia" is not Bolivia);
* it is not an English word: its lower-case form (and singular) is not in the
  WordNet-derived word index that ships with the spaCy English model
  ("Benign" is never Benin); without that index the matcher matches nothing;
* it is not a big city's name, and not part of a multi-word capitalised name
  ("Indira Gandhi" is never India) -- the callers check the context.

Matches are recorded as their own evidence rules (``fuzzy_country``,
``fuzzy_name``; docs/actors.md).
"""

from __future__ import annotations

import functools

from . import actors_dict as D
from .countries import capital_index, demonym_index, name_index

MIN_QUERY = 6
MIN_TARGET = 5


@functools.lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Lower-case English words of the spaCy model's lemmatizer index (WordNet-derived).

    Returns:
        The words; empty when no English model is installed (the matcher is then off).
    """
    from ..annotate.nlp import load_nlp
    from ..errors import ConfigError

    for model in ("md", "sm"):
        try:
            nlp = load_nlp(model)
        except (ConfigError, OSError, ImportError):
            continue
        if "lemmatizer" not in nlp.pipe_names:
            continue
        lookups = nlp.get_pipe("lemmatizer").lookups
        if not lookups.has_table("lemma_index"):
            continue
        table = lookups.get_table("lemma_index")
        return frozenset(w.lower() for pos in table.keys() for w in table[pos])
    return frozenset()


def is_english_word(word: str) -> bool:
    """True when ``word`` (any case, plural or possessive) is an English dictionary word."""
    words = english_words()
    low = word.lower().rstrip("'’").removesuffix("'s").removesuffix("’s")
    return low in words or (low.endswith("s") and low[:-1] in words) or (
        low.endswith("es") and low[:-2] in words)


def _deletes(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}


def within_one_edit(a: str, b: str) -> bool:
    """Damerau-Levenshtein distance of ``a`` and ``b`` is at most 1."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:]


def _index(targets: dict[str, str]) -> dict[str, frozenset[str]]:
    """delete-neighbourhood -> target names (symmetric-delete index)."""
    idx: dict[str, set[str]] = {}
    for name in targets:
        if len(name) < MIN_TARGET or not name.isalpha():
            continue
        for d in _deletes(name.lower()):
            idx.setdefault(d, set()).add(name)
    return {k: frozenset(v) for k, v in idx.items()}


@functools.lru_cache(maxsize=1)
def _country_targets() -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    targets = {**{n: i for n, i in name_index().items()}, **demonym_index()}
    return targets, _index(targets)


@functools.lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    out = set(name_index()) | set(demonym_index()) | set(capital_index()) | set(D.person_surnames())
    for g in D.groups().values():
        out |= {g.name, *g.aliases, *g.context_aliases}
    return frozenset(out)


def _candidate(word: str) -> bool:
    return (len(word) >= MIN_QUERY and word[:1].isupper() and word.isalpha()
            and word not in _known_words() and not is_english_word(word))


def _match(word: str, targets: dict[str, str], idx: dict[str, frozenset[str]]) -> str | None:
    low = word.lower()
    # writers rarely get the first letter wrong, and a first-letter edit is how names
    # turn into other names ("Olivia" is not Bolivia)
    names = {n for d in _deletes(low) for n in idx.get(d, ())
             if n[:1].lower() == low[:1] and within_one_edit(low, n.lower())}
    values = {targets[n] for n in names}
    return next(iter(values)) if len(values) == 1 else None


@functools.lru_cache(maxsize=4096)
def fuzzy_country(word: str) -> str | None:
    """ISO3 of the country name or demonym ``word`` misspells, else None.

    Args:
        word: one capitalised word as written ("Afganistan", "Quatar's" without "'s").

    Returns:
        The ISO3 code when exactly one country's name or demonym is one edit away
        and the word is not itself a known name or an English word.
    """
    if not _candidate(word):
        return None
    targets, idx = _country_targets()
    return _match(word, targets, idx)


@functools.lru_cache(maxsize=1)
def _surname_targets() -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    targets = {s: s for s in D.person_surnames()}
    return targets, _index(targets)


@functools.lru_cache(maxsize=4096)
def fuzzy_surname(word: str) -> str | None:
    """The one ``roles.tsv`` surname ``word`` misspells ("Mitterand" -> "Mitterrand"), else None.

    Args:
        word: a capitalised word, the last word of a written name.

    Returns:
        The dictionary surname, or None.  Callers must still check that the
        person fits the title and date of the text (a surname alone is weak).
    """
    if not _candidate(word):
        return None
    targets, idx = _surname_targets()
    return _match(word, targets, idx)


def _name_word(tok) -> bool:
    return tok.is_alpha and tok.text[:1].isupper() and not tok.is_sent_start


def country_of_misspelt_token(tok) -> str | None:
    """ISO3 for a lone capitalised token that misspells a country word, in context.

    The token must not be part of a longer capitalised name (a capitalised word
    right before or after it: "Indira Gandhi"), not a person's name according to
    the entity tagger, and not the name of a city of over 100,000 people
    ("Tainan" is not Taiwan).

    Args:
        tok: a spaCy token.

    Returns:
        The ISO3 code, or None.
    """
    from .actors_find import _big_cities

    word = tok.text
    if len(word) < MIN_QUERY or not word[:1].isupper() or tok.ent_type_ == "PERSON":
        return None
    doc = tok.doc
    if tok.i + 1 < len(doc) and _name_word(doc[tok.i + 1]):
        return None
    if tok.i > 0 and _name_word(doc[tok.i - 1]):
        return None
    if word in _big_cities():
        return None
    return fuzzy_country(word)


def find_misspelt_countries(ctx) -> None:
    """Rule 8g: a lone misspelt country name ("Afganistan") is read as the country.

    The same place/party tests as for correctly spelt names apply (rules 8 and
    8c): "an offer from Afganistan" is a party, "in Afganistan" a place.  Runs
    after rules 8 and 8c, on tokens nothing else claimed.

    Args:
        ctx: the document's working state (``actors_ctx.Ctx``).
    """
    from .actors_ctx import country_proto
    from .actors_find import _after_preposition, _locative
    from .actors_participants import is_participant
    from ..annotate.view import tokens_of

    if not english_words():
        return
    for tok in tokens_of(ctx.doc):
        if len(tok.text) < MIN_QUERY or not tok.text[:1].isupper() or not tok.is_alpha:
            continue
        iso = country_of_misspelt_token(tok)
        if iso is None or tok.dep_ == "amod" or ctx.is_claimed(tok.idx, tok.idx + len(tok)):
            continue
        if (_locative(tok) or _after_preposition(ctx, tok)) and not is_participant(tok):
            continue
        ctx.add(country_proto(iso), tok.idx, tok.idx + len(tok), "fuzzy_country", entry=f"countries:{iso}")
