"""INGEST: files, HTML, JSONL and text in; ``Article`` values (or ``Rejection``) out."""

from .files import iter_inputs, record_to_article
from .language import detect_language
from .reader import article_from_bytes, article_from_html
from .text import article_from_text, content_id, normalize_text

__all__ = [
    "article_from_text",
    "article_from_bytes",
    "article_from_html",
    "iter_inputs",
    "record_to_article",
    "content_id",
    "normalize_text",
    "detect_language",
]
