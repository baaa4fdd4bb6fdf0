"""One shared, read-only view of the Doc being processed: its text and tokens.

``Doc.text`` is rebuilt by joining every token each time it is read, and every
``for tok in doc`` creates a new ``Token`` object per token; the stages read
both many times per article (and ``Doc.ents`` builds new spans each time).  ``text_of``,
``tokens_of`` and ``ents_of`` compute them once
per Doc and hand the same objects to every stage.  The cache holds the last
Doc only (the pipeline processes one Doc at a time), keyed by identity, so a
Doc is never confused with another one and nothing accumulates.  The stages
do not modify the Doc, so the cached values stay exact.
"""

from __future__ import annotations

__all__ = ["ents_of", "text_of", "tokens_of"]


class _View:
    __slots__ = ("doc", "text", "tokens", "ents")

    def __init__(self, doc) -> None:
        self.doc = doc
        self.text: str | None = None
        self.tokens: list | None = None
        self.ents: tuple | None = None


_last = _View(None)


def _view(doc) -> _View:
    global _last
    if _last.doc is not doc:
        _last = _View(doc)
    return _last


def text_of(doc) -> str:
    """``doc.text``, computed once per Doc.

    Args:
        doc: a spaCy Doc.

    Returns:
        The Doc's text (the same string for every call on the same Doc).
    """
    v = _view(doc)
    if v.text is None:
        v.text = doc.text
    return v.text


def tokens_of(doc) -> list:
    """``list(doc)``, computed once per Doc; callers must not modify it.

    Args:
        doc: a spaCy Doc.

    Returns:
        The Doc's tokens in order (the same list for every call on the same Doc).
    """
    v = _view(doc)
    if v.tokens is None:
        v.tokens = list(doc)
    return v.tokens


def ents_of(doc) -> tuple:
    """``doc.ents``, computed once per Doc.

    Args:
        doc: a spaCy Doc.

    Returns:
        The Doc's entity spans (the same tuple for every call on the same Doc).
    """
    v = _view(doc)
    if v.ents is None:
        v.ents = doc.ents
    return v.ents
