"""ISO-8601 duration values for duration expressions ("five years" -> P5Y).

A duration is a length of time, not a position on the calendar, so a
``TimeExpr`` holding one stays ``resolved=False`` with no ``start``/``end``;
only its ``value`` carries the length, in the TimeML/ISO-8601 form:

* ``P5Y``, ``P3M``, ``P2W``, ``P90D`` for years, months, weeks and days;
* ``PT1H``, ``PT30M``, ``PT10S`` for hours, minutes and seconds;
* ``P10Y`` for a decade, ``P100Y`` for a century;
* ``X`` for an unknown amount ("several days" -> PXD, "years" -> PXY).

Amounts that do not fit a whole number of the unit ("two and a half years")
get no value.
"""

from __future__ import annotations

import functools
import re

from . import times_calendar as cal
from .times_text import number

# unit word (singular) -> (designator, multiplier, in the time part)
_UNITS = {
    "second": ("S", 1, True),
    "minute": ("M", 1, True),
    "hour": ("H", 1, True),
    "day": ("D", 1, False),
    "night": ("D", 1, False),
    "week": ("W", 1, False),
    "fortnight": ("W", 2, False),
    "month": ("M", 1, False),
    "year": ("Y", 1, False),
    "decade": ("Y", 10, False),
    "century": ("Y", 100, False),
}
_VAGUE = {"several", "a few", "few", "many", "some", "dozens of", "hundreds of", "thousands of", "recent",
          "a number of", "numerous", "multiple"}


@functools.lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    nums = "|".join(sorted((re.escape(n) for n in cal.lexicon()["numbers"]), key=len, reverse=True))
    vague = "|".join(sorted((re.escape(v) for v in _VAGUE), key=len, reverse=True))
    return re.compile(
        r"^(?:(?:for|over|about|nearly|almost|more than|less than|around|up to|at least|the|another|just|"
        r"roughly|only|past|last|first|next|coming|following|previous|an extra|full|a full|some|mere|a mere|"
        r"approximately|barely|well over|under)\s+)*"
        rf"(?P<amount>[\d.,]+|(?:{nums})(?:[- ](?:{nums}))?|{vague})?[- ]?"
        r"(?P<unit>seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?|decades?|"
        r"centuries|century)(?:[- ]long)?$",
        re.I,
    )


def duration_value(text: str) -> str | None:
    """The ISO-8601 duration a duration expression denotes.

    Args:
        text: the expression as written ("five years", "a three-month",
            "the past several months", "90 days").

    Returns:
        "P5Y", "P3M", "PXM", "P90D", "PT1H"..., or None when ``text`` is not
        a plain duration or its amount is not a whole number of units.
    """
    s = " ".join(text.strip().strip("'\u2019.,;:").split())
    s = re.sub(r"^an?\s+(?=(?:[\d.,]+|\w+)[- ](?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b)", "", s,
               flags=re.I)  # "a three-month (delay)"
    m = _pattern().match(s)
    if m is None:
        return None
    unit = m["unit"].lower()
    unit = "century" if unit.startswith("centur") else unit.rstrip("s")
    letter, mult, timepart = _UNITS[unit]
    amount = (m["amount"] or "").lower().replace(",", "")
    if not amount:
        # "years", "the past months" are vague amounts; "the day" is no length
        if not (m["unit"].lower().endswith("s") or m["unit"].lower() == "centuries"):
            return None
        n: int | str = "X"
    elif amount in _VAGUE:
        n = "X"
    else:
        num = number(amount)
        if num is None or num != int(num) or num <= 0:
            return None
        n = int(num) * mult
    return f"PT{n}{letter}" if timepart else f"P{n}{letter}"
