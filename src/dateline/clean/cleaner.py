"""Article → Article without page furniture; every removal kept with its kind."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from ..errors import E_NO_TEXT, InputError
from ..model import Article, Mark, Removal
from . import rules
from .dateline import find_dateline
from .stats import SourceLineStats

#: Kinds of furniture that stay in the text, marked in ``Article.marks``.
KEPT_KINDS = frozenset({"caption"})
#: Lines longer than this (in words) are story, whatever cue they contain.
MAX_NOTICE_WORDS = 40
#: Captions are short; longer paragraphs with a credit are left alone.
MAX_CAPTION_WORDS = 80
#: A caption credited to a bare agency name ("(Reuters)") must be shorter still.
MAX_WEAK_CAPTION_WORDS = 60
#: Captions have one or two sentences (plus the credit); more is a story paragraph.
MAX_CAPTION_SENTENCES = 2
#: A hard-wrapped line is a long one; short lines ("Tweet") are items of their own.
MIN_WRAPPED_CHARS = 30

_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)\]]*\s+[\"“‘(]?[A-Z]")

_SPACES = re.compile(r"[ \t\u00a0]+")
_WRAP_END = re.compile(r"[.!?:;…\"'”’»)\]]$")
_FUNCTION_WORDS = frozenset(
    "a an and at by de del for from in of on or the to with vs via & -".split()
)


@dataclass
class _Unit:
    block: int
    text: str
    kind: str | None = None


def _units(text: str) -> list[_Unit]:
    """Split text into blocks (separated by blank lines) of lines; rejoin hard-wrapped lines."""
    units: list[_Unit] = []
    block, blank = 0, True
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _SPACES.sub(" ", raw).strip()
        if not line:
            blank = True
            continue
        if blank and units:
            block += 1
        wrapped = (
            not blank
            and units
            and not _WRAP_END.search(units[-1].text)
            and (line[0].islower() or line[0].isdigit())
            and len(units[-1].text) >= MIN_WRAPPED_CHARS
            and not rules.is_url_line(units[-1].text)
            and not rules.is_url_line(line)
        )
        if wrapped:
            units[-1].text += " " + line
        else:
            units.append(_Unit(block, line))
        blank = False
    return units


def _is_fragment(line: str) -> bool:
    """A short capitalised line with no sentence end: "Press Office Home", "More World News"."""
    if not rules.is_title_fragment(line):
        return False
    ws = rules.words(line)
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _FUNCTION_WORDS for w in ws)


def _is_caption(text: str, strength: str, max_words: int) -> bool:
    return (
        rules.credit_kind(text) == strength
        and len(rules.words(text)) <= max_words
        and len(_SENTENCE_BREAK.findall(text)) <= MAX_CAPTION_SENTENCES
    )


def _first_pass(units: list[_Unit], title: str | None, source: str | None,
                stats: SourceLineStats | None) -> None:
    norm_title = " ".join((title or "").split()).casefold()
    for i, u in enumerate(units):
        n_words = len(rules.words(u.text))
        quoted = rules.has_quote(u.text)
        if i == 0 and norm_title and " ".join(u.text.split()).casefold() == norm_title:
            u.kind = "headline"
        elif rules.is_url_line(u.text):
            u.kind = "url"
        elif rules.is_share_line(u.text):
            u.kind = "share"
        elif _is_caption(u.text, "strong", MAX_CAPTION_WORDS):
            u.kind = "caption"
            # "(AP Photo/…)" on its own line under the caption text of the same block
            if rules.is_credit_only(u.text) and i > 0 and units[i - 1].block == u.block \
                    and units[i - 1].kind is None \
                    and len(rules.words(units[i - 1].text)) <= MAX_WEAK_CAPTION_WORDS:
                units[i - 1].kind = "caption"
        elif n_words <= MAX_NOTICE_WORDS and not quoted and (
            rules.is_notice(u.text) or (rules.is_weak_notice(u.text) and not rules.is_sentence(u.text))
        ):
            u.kind = "boilerplate"
        elif stats is not None and stats.is_repeated(source, u.text) and (
            not rules.is_sentence(u.text) or rules.is_weak_notice(u.text)
        ):
            u.kind = "repeated"


def _trailing_pass(units: list[_Unit]) -> None:
    """Remove the run of non-story lines after the last story paragraph."""
    for u in reversed(units):
        if u.kind is not None:
            continue
        text = u.text
        n_words = len(rules.words(text))
        quoted = rules.has_quote(text)
        furniture = not quoted and n_words <= MAX_NOTICE_WORDS and (
            rules.is_weak_notice(text)
            or _is_fragment(text)
            or rules.is_credit_only(text)
            # a one-clause line introducing only what was removed ("… at these addresses:")
            or (text.endswith(":") and n_words <= 20 and not _SENTENCE_BREAK.search(text))
        )
        if not furniture:
            return
        u.kind = "boilerplate"


def _weak_caption_pass(units: list[_Unit]) -> None:
    """Paragraphs ending in a bare agency credit are captions unless they report speech or end the story."""
    kept = [u for u in units if u.kind is None]
    for u in kept[:-1]:
        if _is_caption(u.text, "weak", MAX_WEAK_CAPTION_WORDS) and not rules.reports_speech(u.text):
            u.kind = "caption"


def clean(article: Article, stats: SourceLineStats | None = None) -> Article:
    """Remove page furniture from an article's text, keeping each removal.

    Captions (paragraphs ending in, or opening with, a photo credit) stay in
    the text and are marked as ``Mark("caption", span)`` in ``marks``.
    Removed, each as ``Removal(kind, text)`` in text order: "headline" (the
    title repeated as the first line), "url" (lines that are only addresses),
    "share" (share/print/e-mail widgets), "boilerplate" (site notices such as
    copyright, newsletter and follow-us lines anywhere; short capitalised or
    cue-bearing lines after the last story paragraph), "repeated" (non-sentence
    lines seen in at least ``stats.min_articles`` articles of the same source).
    Story sentences are never removed for a cue alone: quoted lines, long lines
    and (outside the trailing run) full sentences with only a weak cue stay.
    Paragraphs are separated by one blank line afterwards.

    Args:
        article: an ingested Article.
        stats: per-source line counts from the batch (optional).

    Returns:
        Article: a new Article (same id) with the cleaned ``text`` and
        ``removed`` extended.

    Raises:
        InputError: [E105] when nothing of the story would be left.
    """
    units = _units(article.text)
    _first_pass(units, article.title, article.source, stats)
    _trailing_pass(units)
    _weak_caption_pass(units)
    # Captions stay in the text (they date and place the story's photo and
    # name its people in full) but are marked, so their facts can be told apart.
    blocks: dict[int, list[_Unit]] = {}
    removed = list(article.removed)
    for u in units:
        if u.kind is None or u.kind in KEPT_KINDS:
            blocks.setdefault(u.block, []).append(u)
        else:
            removed.append(Removal(kind=u.kind, text=u.text))
    parts: list[str] = []
    marks = list(article.marks)
    pos = 0
    for b, lines in enumerate(blocks.values()):
        if b:
            parts.append("\n\n")
            pos += 2
        for n, u in enumerate(lines):
            if n:
                parts.append("\n")
                pos += 1
            if u.kind in KEPT_KINDS:
                marks.append(Mark(kind=u.kind, span=(pos, pos + len(u.text))))
            parts.append(u.text)
            pos += len(u.text)
    text = "".join(parts)
    story = [u for lines in blocks.values() for u in lines if u.kind is None]
    if not text.strip() or not story:
        where = f"{article.origin}: " if article.origin else ""
        raise InputError(
            f"{where}no article text left after removing page furniture "
            f"({len(removed)} lines of notices, links or captions)",
            E_NO_TEXT,
        )
    dl = find_dateline(text)
    if dl is not None:
        marks.append(Mark(kind="dateline", span=dl))
    return dataclasses.replace(article, text=text, removed=removed, marks=marks)
