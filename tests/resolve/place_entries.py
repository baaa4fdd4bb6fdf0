"""Shared helper of the place-resolution tests."""

from __future__ import annotations

from dateline.resolve.places import find_toponyms


def entries(nlp, text, dateline=None):
    """The gazetteer entry of each toponym found in ``text``, by its text."""
    return {t.text: t.entry for t in find_toponyms(nlp(text), dateline=dateline)}
