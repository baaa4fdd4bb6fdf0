"""Sets (recurring times): their TIMEX3 value.

A set is not a position on the calendar, so it stays unresolved (no start or
end); its ``value`` says what recurs, in the TimeML convention:

* a unit: "daily", "every day" -> ``P1D``; "weekly" -> ``P1W``; "each month"
  -> ``P1M``; "every quarter" -> ``P1Q``; "annually", "each year", "a year"
  (as in "twice a year") -> ``P1Y``; "hourly" -> ``PT1H``; "every two weeks"
  -> ``P2W``;
* a weekday: "every Thursday" -> ``XXXX-WXX-4``;
* a part of the day: "every morning" -> ``XXXX-XX-XXTMO``;
* a month or season: "each July" -> ``XXXX-07``; "every summer" -> ``XXXX-SU``.
"""

from __future__ import annotations

import re

from . import times_calendar as cal
from .times_text import number

_ADVERBS = {"hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
            "quarterly": "P1Q", "annual": "P1Y", "annually": "P1Y", "yearly": "P1Y", "biennial": "P2Y"}
_UNITS = {"minute": "PT{n}M", "hour": "PT{n}H", "day": "P{n}D", "night": "P{n}D", "week": "P{n}W",
          "month": "P{n}M", "quarter": "P{n}Q", "year": "P{n}Y", "decade": "P{n}DE"}
_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}


def set_value(text: str) -> str | None:
    """The TIMEX3 value of a recurring-time expression.

    Args:
        text: the expression as written ("every morning", "daily", "each
            Thursday", "twice a year").

    Returns:
        The value ("XXXX-XX-XXTMO", "P1D", "XXXX-WXX-4", "P1Y"), or None when
        ``text`` is not a set this module knows.
    """
    s = " ".join(text.lower().strip(" .,;:'\u2019").split())
    if s in _ADVERBS:
        return _ADVERBS[s]
    m = re.fullmatch(r"(?:.* )?(?:every|each|per|a|an) (?:(\S+) )?(\S+?)s?", s)
    if m is None:
        return None
    count, word = m.groups()
    n = 1
    if count is not None:
        num = number(count)
        if num is None or num != int(num) or num < 1:
            return None
        n = int(num)
    lex = cal.lexicon()
    if word in _UNITS:
        return _UNITS[word].format(n=n)
    if n != 1:
        return None
    if word in lex["weekdays"]:
        return f"XXXX-WXX-{lex['weekdays'][word] + 1}"
    if word in _PARTS:
        return f"XXXX-XX-XXT{_PARTS[word]}"
    if word in _SEASONS:
        return f"XXXX-{_SEASONS[word]}"
    if word in lex["months"] and len(word) > 3:
        return f"XXXX-{lex['months'][word]:02d}"
    return None
