"""Shared pieces of the TIME normalizer: the context, lexicon regexes, year choice.

Patterns are written with ``{MONTH}``, ``{WD}``, ``{NUM}``, ``{ORD}``,
``{SEASON}``, ``{DECADE}``, ``{TOD}`` and ``{UNIT}`` placeholders that expand
to alternations built (lazily, once) from ``data/times_lexicon.json``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from . import times_calendar as cal
from .times_calendar import Date

@dataclass(frozen=True)
class Ctx:
    pub: Date
    tense: str | None
    anchor: Date


# --- regular expressions built from the lexicon ----------------------------


def alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def rx() -> dict[str, str]:
    lex = cal.lexicon()
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    ones = "one|two|three|four|five|six|seven|eight|nine"
    return {
        "MONTH": alt(lex["months"]),
        "WD": alt(lex["weekdays"]),
        "NUM": rf"\d+(?:\.\d+)?|(?:{tens})[- ](?:{ones})|{alt(lex['numbers'])}",
        "ORD": alt(lex["ordinals"]),
        "SEASON": alt(lex["seasons"]),
        "DECADE": alt(lex["decade_words"]),
        "TOD": alt(lex["time_of_day"]),
        "UNIT": r"(?:day|week|fortnight|month|quarter|year|decade|centur(?:y|ie)|hour|minute)s?",
    }


@functools.lru_cache(maxsize=256)
def compiled(pattern: str) -> re.Pattern:
    names = rx()
    return re.compile(re.sub(r"\{([A-Z]+)\}", lambda m: "(?:" + names[m.group(1)] + ")", pattern))


def full(pattern: str, s: str) -> re.Match | None:
    return compiled(pattern).fullmatch(s)


def number(word: str) -> float | None:
    lex = cal.lexicon()["numbers"]
    word = word.strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word) if "." in word else int(word)
    if word in lex:
        return lex[word]
    parts = re.split(r"[- ]", word)
    if len(parts) == 2 and parts[0] in lex and parts[1] in lex:
        return lex[parts[0]] + lex[parts[1]]
    return None


def unit_name(word: str) -> str:
    word = word.rstrip("s")
    return "century" if word.startswith("centur") else word


def month_no(word: str) -> int:
    return cal.lexicon()["months"][word]


def weekday_no(word: str) -> int:
    return cal.lexicon()["weekdays"][word]


# --- choosing the occurrence -----------------------------------------------


def infer_year(mon: int, dom: int | None, ctx: Ctx) -> int:
    """The year of a month (and day) given without one, by the clause's tense."""
    pub = ctx.pub

    def key(y: int):
        if dom is None:
            return y * 12 + mon
        return Date(y, mon, min(dom, cal.last_day(y, mon))).toordinal()

    ref = pub.year * 12 + pub.month if dom is None else pub.toordinal()
    cands = [pub.year - 1, pub.year, pub.year + 1]
    if ctx.tense == "future":
        return min(y for y in cands if key(y) >= ref)
    if ctx.tense == "present":
        return min(cands, key=lambda y: (abs(key(y) - ref), -y))
    return max(y for y in cands if key(y) <= ref)
