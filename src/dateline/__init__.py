"""Dateline: news articles in, verifiable political event data out."""

from .model import Actor, Article, Event, Place, Quote, Record, TimeExpr

__all__ = ["process", "Record", "Article", "Actor", "Place", "TimeExpr", "Event", "Quote"]
__version__ = "0.1.0"


def process(text: str, published: str | None = None, source: str | None = None, **kw) -> Record:
    """Process one article's text into a ``dateline/1`` Record.

    Args:
        text: the article as plain text (first non-empty line is the headline).
        published: publication date, YYYY-MM-DD, used to resolve relative dates.
        source: the outlet's name.

    Returns:
        Record: call ``.to_dict()`` for the JSON object.

    Raises:
        InputError: with a stable code when the text cannot be processed.
    """
    from .pipeline import process_text

    return process_text(text, published=published, source=source, **kw)
