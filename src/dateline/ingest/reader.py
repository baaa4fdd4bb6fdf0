"""Bytes of one document → Article: size, binary, HTML or text, decoding."""

from __future__ import annotations

import os

from ..config import Config
from ..errors import E_BINARY, E_EMPTY, E_TOO_LARGE, InputError
from ..model import Article
from .html import extract_html
from .sniff import HEAD_BYTES, binary_kind, decode_bytes, looks_like_html
from .text import article_from_text, normalize_date

HTML_EXTENSIONS = (".html", ".htm", ".xhtml", ".shtml")
_META_KEYS = {"published", "source", "title", "url", "origin"}


def too_large(name: str, size: int, limit: int) -> InputError:
    """The E104 error for an input of ``size`` bytes over ``limit``."""
    return InputError(
        f"{name} is {size} bytes, over the limit of {limit} bytes (Config.max_bytes / --max-bytes)",
        E_TOO_LARGE,
    )


def article_from_bytes(data: bytes, *, name: str, config: Config | None = None, **meta) -> Article:
    """Read one document given as bytes: HTML or text, in any common encoding.

    Detection: size over ``config.max_bytes`` → E104; nothing but whitespace →
    E101; binary (magic numbers, NUL or control bytes) → E102; HTML (by the
    extension of ``name`` or by sniffing) → trafilatura's main text, title, date
    and site name, E105 when there is no text; otherwise text decoded as UTF-8
    or the best single-byte guess (cp1252 for Western text), E103 if nothing fits.

    Args:
        data: the document's bytes.
        name: file name or other label (its extension picks HTML; it is the
            default ``origin``).
        config: settings; defaults to ``Config()``.
        **meta: ``published``, ``source``, ``title``, ``url``, ``origin``;
            given values win over what the HTML says.

    Returns:
        Article: see ``article_from_text``.

    Raises:
        InputError: E101, E102, E103, E104, E105, E108 or E111.
    """
    unknown = set(meta) - _META_KEYS
    if unknown:
        raise TypeError(f"article_from_bytes() got unexpected keyword(s): {', '.join(sorted(unknown))}")
    config = config or Config()
    origin = meta.get("origin") or name
    if len(data) > config.max_bytes:
        raise too_large(name, len(data), config.max_bytes)
    head = data[:HEAD_BYTES]
    if not data.strip():
        raise InputError(f"{name}: the input is empty or only whitespace; nothing to read", E_EMPTY)
    kind = binary_kind(head)
    if kind:
        raise InputError(f"{name}: this is {kind}, not an article; Dateline reads text, HTML and JSONL", E_BINARY)
    ext = os.path.splitext(name.lower())[1]
    if ext in HTML_EXTENSIONS or looks_like_html(head):
        return _article_from_html(data, name, origin, config, meta)
    text = decode_bytes(data, name)
    return article_from_text(
        text,
        published=meta.get("published"),
        source=meta.get("source"),
        title=meta.get("title"),
        url=meta.get("url"),
        origin=origin,
        config=config,
    )


def _article_from_html(data: bytes | str, name: str, origin: str, config: Config, meta: dict) -> Article:
    page = extract_html(data, name, url=meta.get("url"))
    published, published_from = meta.get("published"), "given"
    if not published and page.date:
        try:
            published, published_from = normalize_date(page.date), "html"
        except InputError:  # a malformed date in the page's metadata is no date
            published = None
    return article_from_text(
        page.text,
        published=published,
        source=meta.get("source") or page.sitename,
        # "" (not None): an HTML page without a title has no headline line.
        title=meta.get("title") or page.title or "",
        url=meta.get("url") or page.url,
        origin=origin,
        config=config,
        published_from=published_from,
    )


def article_from_html(html: str | bytes, *, name: str = "input.html", config: Config | None = None, **meta) -> Article:
    """Read an HTML page (already decoded or as bytes) into an Article.

    Args:
        html: the page.
        name: label for messages and the default origin.
        config: settings; defaults to ``Config()``.
        **meta: as for ``article_from_bytes``.

    Returns:
        Article

    Raises:
        InputError: E101, E104, E105, E108 or E111.
    """
    config = config or Config()
    size = len(html.encode("utf-8")) if isinstance(html, str) else len(html)
    if size > config.max_bytes:
        raise too_large(name, size, config.max_bytes)
    if not (html.strip() if isinstance(html, str) else html.strip()):
        raise InputError(f"{name}: the HTML is empty; nothing to read", E_EMPTY)
    return _article_from_html(html, name, meta.get("origin") or name, config, meta)
