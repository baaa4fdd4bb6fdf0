"""Line and paragraph tests: is this page furniture or part of the story?

Each test looks at the shape of one line (words, capitals, final punctuation)
and at generic cues from ``data/cues.json``; none knows any outlet's strings.
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources

# A sentence ends in . ! ? … possibly followed by closing quotes/brackets.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s*$")
_QUOTES = re.compile(r"[\"“”«»]|(?:^|\s)[‘']\w|\w[’']\s*$")
_WORD = re.compile(r"[^\W_][\w'’.\-&]*")
_URL_ITEM = (
    r"(?:<?(?:https?://|ftp://|www\.)[^\s<>]+>?"
    r"|(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,24}(?::\d+)?(?:/[^\s]*)?"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
)
_URL_LINE = re.compile(rf"^\s*(?:{_URL_ITEM})(?:\s*[,;|·•]?\s*{_URL_ITEM})*\s*[.,;]?\s*$", re.I)


@functools.lru_cache(maxsize=1)
def cues() -> dict:
    """The cue lists of ``data/cues.json`` (loaded once)."""
    return json.loads(resources.files(__package__).joinpath("data/cues.json").read_text("utf-8"))


def _any(patterns: list[str]) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    c = cues()
    photo = "|".join(re.escape(w) for w in sorted(c["photo_words"], key=len, reverse=True))
    only = "|".join(re.escape(a) for a in sorted(c["photo_only_agencies"], key=len, reverse=True))
    news = "|".join(re.escape(a) for a in sorted(c["photo_agencies"], key=len, reverse=True))
    starts = "|".join(re.escape(s) for s in sorted(c["caption_starts"], key=len, reverse=True))
    verbs = "|".join(re.escape(v) for v in c["reporting_verbs"])
    return {
        "notice": _any(c["notice"]),
        "notice_weak": _any(c["notice_weak"]),
        # "(AFP Photo)", "(AP Photo/Jane Doe)", "(Photo: Reuters)", "(File photo)", "(Getty Images)"
        "credit_paren": re.compile(
            rf"\((?=[^()]*\b(?:{photo})\b|\s*(?:{only})\b)[^()]{{1,80}}\)\W*$", re.I),
        # "... Photo: Getty Images" / "... Photo by Jane Doe/AFP" / "... | Getty Images"
        "credit_tail": re.compile(
            rf"(?:^|[.!?)\]”\"]\s+|\s[-–—|/]\s*)(?:(?:{photo})s?(?:\s+credit)?\s*(?::|by)\s*[^.!?]{{1,80}}"
            rf"|(?:[\w .]{{0,40}}/\s*)?(?:{only})(?:\s*(?:/|via)\s*[\w .]{{1,40}})?)\W*$",
            re.I),
        # "... (Reuters)", "... - AFP": an agency alone may credit the photo or the story
        "agency_tail": re.compile(
            rf"(?:\((?:{news})(?:\s*[/-]\s*[^()]{{1,40}})?\)|\s[-–—]\s*(?:{news}))\W*$"),
        "caption_start": re.compile(rf"^\s*(?:{starts})(?=\W)", re.I),
        "reporting": re.compile(rf"\b(?:{verbs})\b", re.I),
    }


def words(line: str) -> list[str]:
    """The words of a line (letters/digits, with inner apostrophes and dots)."""
    return _WORD.findall(line)


def is_sentence(line: str) -> bool:
    """True when the line reads as prose: several words and a sentence end."""
    w = words(line)
    return len(w) >= 3 and bool(_SENTENCE_END.search(line)) and any(x[0].islower() for x in w)


def has_quote(line: str) -> bool:
    """True when the line contains quotation marks (quoted speech is story)."""
    return bool(_QUOTES.search(line))


def is_url_line(line: str) -> bool:
    """True when the line is nothing but one or more URLs, domains or e-mail addresses."""
    return bool(_URL_LINE.match(line)) and any(ch.isalpha() for ch in line)


def is_share_line(line: str) -> bool:
    """True for share/print/e-mail widgets: "SHARE THIS ARTICLE", "Share on Facebook", "Tweet"."""
    c = cues()
    actions, fillers = set(c["widget_actions"]), set(c["widget_fillers"])
    tokens = [t.strip(".,:;!?()[]{}«»\"'“”‘’").lower() for t in line.split()]
    tokens = [t for t in tokens if t]
    if not tokens or len(tokens) > 10:
        return False
    if not any(t in actions for t in tokens):
        return False
    return all(t in actions or t in fillers or t.replace(".", "").replace("k", "").isdigit() for t in tokens)


def is_notice(line: str) -> bool:
    """A strong site-notice cue (copyright, newsletter sign-up, follow us, read more ...)."""
    return bool(_patterns()["notice"].search(line))


def is_weak_notice(line: str) -> bool:
    """A cue that marks a site notice only outside the story (web site, app, alternate addresses ...)."""
    return bool(_patterns()["notice_weak"].search(line))


def is_title_fragment(line: str) -> bool:
    """A short line without sentence structure, mostly capitalised: a menu item or brand tag."""
    w = words(line)
    if not w or len(w) > 8 or _SENTENCE_END.search(line) or has_quote(line):
        return False
    caps = sum(1 for x in w if x[0].isupper() or x[0].isdigit())
    return caps / len(w) >= 0.6


def credit_kind(paragraph: str) -> str | None:
    """How a paragraph ends or starts as a photo caption.

    Returns:
        "strong" for a photo credit ("(AFP Photo)", "Photo: Getty Images",
        "File photo ..."), "weak" for a bare agency name at the end
        ("(Reuters)", "- AFP") that may credit the story instead, else None.
    """
    p = _patterns()
    text = paragraph.strip()
    if p["credit_paren"].search(text) or p["credit_tail"].search(text) or p["caption_start"].match(text):
        return "strong"
    if p["agency_tail"].search(text):
        return "weak"
    return None


def is_credit_only(line: str) -> bool:
    """True when the line is only a photo credit, e.g. "(AP Photo/Jane Doe)" or "Photo: Reuters"."""
    text = line.strip()
    if len(words(text)) > 10:
        return False
    p = _patterns()
    m = p["credit_paren"].search(text) or p["credit_tail"].search(text)
    return bool(m) and not text[: m.start()].strip(" .-–—|/")


def reports_speech(paragraph: str) -> bool:
    """True when the paragraph quotes or reports someone (captions rarely do)."""
    return has_quote(paragraph) or bool(_patterns()["reporting"].search(paragraph))
