"""Finding quoted stretches of text by their quotation marks.

Works on the characters only (no parse), paragraph by paragraph, so a stray
or missing mark can never make a quote run over the rest of the article:

- straight ``"``, curly ``“ ”``, low ``„`` and guillemets ``« »`` are double
  marks; curly singles ``‘ ’`` count only at the top level and only when they
  open after a space and close within the same paragraph (otherwise they are
  apostrophes);
- marks nested inside a double quote (``‘ ’`` inside ``“ ”``) are content;
- newswire convention: a paragraph whose quote does not close continues when
  the next paragraph opens with a quote mark; each paragraph becomes its own
  segment, tied together by ``group``;
- a quote still open at the end of its paragraph (and not continued) is cut
  there and flagged ``"unbalanced"``; a chain longer than
  ``MAX_CHAIN_PARAGRAPHS`` or a segment longer than ``MAX_SEGMENT_CHARS`` is
  cut and flagged ``"capped"``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: Longest run of paragraphs one quote may continue over.
MAX_CHAIN_PARAGRAPHS = 6
#: Longest unbalanced segment kept (cut at a sentence end before this).
MAX_SEGMENT_CHARS = 1200

_DOUBLE = set('"“”„«»')
_DOUBLE_OPENERS = set('"“„«')
_SINGLE_OPEN = "‘"
_SINGLE_CLOSE = "’"
_OPEN_BEFORE = set("([{—–-/") | _DOUBLE_OPENERS | {_SINGLE_OPEN}
_CLOSE_AFTER = set(",.;:!?)]}—–-…") | set('"”»’')
_SENT_END = re.compile(r"[.!?…][\"”’)]*\s")


@dataclass
class RawQuote:
    """One quoted segment found by its marks.

    Attributes:
        start, end: the content (marks excluded, whitespace trimmed).
        open_mark: offset of the opening mark.
        close_mark: offset of the closing mark, None when the segment was cut
            at the paragraph end (continued, unbalanced or capped).
        para: index of the paragraph it is in.
        group: segments of one multi-paragraph quote share a group.
        flags: "continued" (not the first paragraph of its group),
            "unbalanced", "capped".
    """

    start: int
    end: int
    open_mark: int
    close_mark: int | None
    para: int
    group: int
    flags: list[str] = field(default_factory=list)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character spans of the non-empty lines of ``text``, whitespace-trimmed.

    Args:
        text: the article text.

    Returns:
        ``[(start, end), ...]`` in order; every line is one paragraph.
    """
    out = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def _role(prev: str | None, nxt: str | None) -> str:
    """Whether a mark between ``prev`` and ``nxt`` looks like it opens or closes."""
    open_ctx = (prev is None or prev.isspace() or prev in _OPEN_BEFORE) and (
        nxt is not None and not nxt.isspace()
    )
    close_ctx = (prev is not None and not prev.isspace()) and (
        nxt is None or nxt.isspace() or nxt in _CLOSE_AFTER
    )
    if open_ctx and not close_ctx:
        return "open"
    if close_ctx and not open_ctx:
        return "close"
    return "either"


def _opens_paragraph(text: str, span: tuple[int, int]) -> bool:
    s, e = span
    ch = text[s]
    if ch not in _DOUBLE_OPENERS:
        return False
    nxt = text[s + 1] if s + 1 < e else None
    return _role(None, nxt) == "open"


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _cap_length(text: str, s: int, e: int) -> tuple[int, bool]:
    """Cut an over-long open segment at a sentence end; return (end, capped)."""
    if e - s <= MAX_SEGMENT_CHARS:
        return e, False
    window = text[s : s + MAX_SEGMENT_CHARS]
    ends = [m.end() for m in _SENT_END.finditer(window)]
    cut = s + ends[-1] if ends else s + window.rfind(" ") if " " in window else s + len(window)
    return cut, True


_TWO_CHAR_MARKS = re.compile(r"''|``")


def _normalise_marks(text: str) -> str:
    """Same-length copy of ``text`` with two-character marks (``''``, ````` ``)
    rewritten as a straight double mark plus a space on the side away from the
    content, so offsets stay valid and the mark's role is clear."""

    def repl(m: re.Match) -> str:
        s = m.start()
        before = text[s - 1] if s > 0 else " "
        if m.group() == "``" or before.isspace() or before in _OPEN_BEFORE:
            return ' "'
        return '" '

    return _TWO_CHAR_MARKS.sub(repl, text)


def find_quoted(text: str) -> list[RawQuote]:
    """Find every quoted segment in ``text``.

    Args:
        text: the article text.

    Returns:
        The segments in text order; never a segment that crosses a paragraph.
    """
    text = _normalise_marks(text)
    paras = paragraphs(text)
    found: list[RawQuote] = []
    group = 0
    carry: tuple[int, int] | None = None  # (group, paragraphs so far) continuing here

    for pi, (ps, pe) in enumerate(paras):
        state: dict | None = None
        j = ps
        if carry is not None:
            state = {"kind": "double", "open": ps, "group": carry[0], "n": carry[1] + 1}
            j = ps + 1
        carry = None

        def emit(end_excl: int, close: int | None, flags: list[str]) -> None:
            s, e = _trim(text, state["open"] + 1, end_excl)
            if s >= e:
                return
            if state["n"] > 1 and "continued" not in flags:
                flags = ["continued", *flags]
            found.append(RawQuote(s, e, state["open"], close, pi, state["group"], flags))

        while j < pe:
            ch = text[j]
            if ch not in _DOUBLE and ch not in (_SINGLE_OPEN, _SINGLE_CLOSE):
                j += 1
                continue
            prev = text[j - 1] if j > ps else None
            nxt = text[j + 1] if j + 1 < pe else None
            role = _role(prev, nxt)
            if state is None:
                if ch in _DOUBLE and (role == "open" or (role == "either" and ch != "”" and ch != "»")):
                    group += 1
                    state = {"kind": "double", "open": j, "group": group, "n": 1}
                elif ch == _SINGLE_OPEN and role == "open" and nxt is not None and not nxt.isdigit():
                    group += 1
                    state = {"kind": "single", "open": j, "group": group, "n": 1}
            elif state["kind"] == "double":
                if ch in _DOUBLE:
                    if ch in "“„«" and role == "open":
                        # A new opening while one is open: the earlier quote never closed.
                        emit(j, None, ["unbalanced"])
                        group += 1
                        state = {"kind": "double", "open": j, "group": group, "n": 1}
                    else:
                        emit(j, j, [])
                        state = None
            else:  # an open single quote
                if ch == _SINGLE_CLOSE and role == "close" and not (
                    prev is not None and prev.isalpha() and nxt is not None and nxt.isalpha()
                ):
                    emit(j, j, [])
                    state = None
                elif ch in _DOUBLE and role == "open":
                    group += 1
                    state = {"kind": "double", "open": j, "group": group, "n": 1}
            j += 1

        if state is not None and state["kind"] == "double":
            nxt_para = paras[pi + 1] if pi + 1 < len(paras) else None
            if nxt_para is not None and _opens_paragraph(text, nxt_para):
                if state["n"] < MAX_CHAIN_PARAGRAPHS:
                    emit(pe, None, [])
                    carry = (state["group"], state["n"])
                else:
                    emit(pe, None, ["capped"])
            else:
                end, capped = _cap_length(text, state["open"] + 1, pe)
                emit(end, None, ["unbalanced", "capped"] if capped else ["unbalanced"])
    return found
