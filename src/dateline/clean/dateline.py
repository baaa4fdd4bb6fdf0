"""Finding a story's dateline ("BEIRUT, March 3 (Reuters) -") at the start of its text.

The dateline stays in the text and is marked (``Mark("dateline", span)``):
its place is where the story was filed, not an actor, and later stages use
the mark to keep it that way.
"""

from __future__ import annotations

import re

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_AGENCY = r"\((?:[A-Z][A-Za-z&.'-]*)(?:[ /][A-Z][A-Za-z&.'-]*){0,3}\)"
# A place in capitals ("BEIRUT", "ST. PETERSBURG", "NEW YORK"), optionally
# followed by a region or country in any case ("SOCHI, Russia").
_PLACE_CAPS = r"[A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,3}"
_REGION = r"(?:,\s*[A-Z][A-Za-z.'\-]+(?: [A-Z][A-Za-z.'\-]+){0,2}){0,2}"
_DATE = rf"(?:,?\s*{_MONTH} \d{{1,2}}(?:,? \d{{4}})?)"
_DASH = r"\s*(?:--|[-–—])\s+"

DATELINE = re.compile(
    rf"^(?:{_PLACE_CAPS}{_REGION}{_DATE}?(?:\s*{_AGENCY})?"
    rf"|[A-Z][a-z]+(?: [A-Z][a-z]+)?{_REGION}{_DATE}?\s*{_AGENCY}){_DASH}"
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
