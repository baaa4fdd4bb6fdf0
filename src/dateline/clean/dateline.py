"""Finding a story's dateline ("BEIRUT, March 3 (Reuters) -") at the start of its text.

The dateline stays in the text and is marked (``Mark("dateline", span)``):
its place is where the story was filed, not an actor, and later stages use
the mark to keep it that way (``resolve.places`` reads the place in it, the
pipeline takes its date when the article has no publication date).
"""

from __future__ import annotations

import datetime as dt
import re

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_AGENCY = r"\((?:[A-Z][A-Za-z&.'-]*)(?:[ /][A-Z][A-Za-z&.'-]*){0,3}\)"
# A place in capitals ("BEIRUT", "ST. PETERSBURG", "NEW YORK"), optionally
# followed by a region or country in any case ("SOCHI, Russia").
_PLACE_CAPS = r"[A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,3}"
_REGION = r"(?:,\s*[A-Z][A-Za-z.'\-]+(?: [A-Z][A-Za-z.'\-]+){0,2}){0,2}"
_DATE = rf"(?:,?\s*{_MONTH} \d{{1,2}}(?:,? \d{{4}})?)"
_DASH = r"\s*(?:--|[-–—])\s+"

_REGION_REQ = r"(?:,\s*[A-Z][A-Za-z.'\-]+(?: [A-Z][A-Za-z.'\-]+){0,2}){1,2}"
# In title case a dateline needs an agency ("Vienna (AP) -") or a region
# ("Vienna, Austria -"), so an opening "Today -" is not taken for one.
DATELINE = re.compile(
    rf"^(?:{_PLACE_CAPS}{_REGION}{_DATE}?(?:\s*{_AGENCY})?"
    rf"|[A-Z][a-z]+(?: [A-Z][a-z]+)?(?:{_REGION}{_DATE}?\s*{_AGENCY}|{_REGION_REQ}{_DATE}?)){_DASH}"
)


def _plausible(m: re.Match) -> bool:
    # A bare word in capitals before a dash ("NATO - the alliance") is too
    # often an acronym: ask for a region, a date, an agency or a longer name.
    head = m.group(0)
    if "," in head or "(" in head or any(ch.isdigit() for ch in head):
        return True
    letters = re.sub(r"[^A-Za-z]", "", head)
    return len(letters) >= 5


def find_dateline(text: str) -> tuple[int, int] | None:
    """The span of the dateline that opens the first paragraph of ``text``, if any.

    Only the first paragraph is looked at, after any captions, so a dateline
    is one of the first ~80 characters of the story.

    Returns:
        ``(start, end)`` covering the dateline and its dash, or None.
    """
    pos = 0
    for para in text.split("\n\n"):
        m = DATELINE.match(para)
        if m and len(m.group(0)) <= 80 and _plausible(m):
            return pos, pos + m.end()
        pos += len(para) + 2
        if pos > 600:
            break
    return None


_FULL_DATE = re.compile(
    r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? (\d{1,2}),? (\d{4})\b", re.I)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def dateline_date(text: str, span: tuple[int, int] | None) -> str | None:
    """The date a dateline gives with its year ("CAIRO, March 3, 2016 -"), as ISO.

    A dateline without a year ("BEIRUT, March 3 -") gives no date: the year
    cannot be known from the text alone.

    Args:
        text: the cleaned article text.
        span: the dateline's span from :func:`find_dateline`, or None.

    Returns:
        "YYYY-MM-DD", or None.
    """
    if span is None:
        return None
    m = _FULL_DATE.search(text[span[0]:span[1]])
    if m is None:
        return None
    try:
        return dt.date(int(m[3]), _MONTHS.index(m[1][:3].lower()) + 1, int(m[2])).isoformat()
    except ValueError:
        return None  # "February 30"
