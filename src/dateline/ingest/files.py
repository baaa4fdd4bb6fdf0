"""Files, folders, JSONL and stdin → a stream of Articles and Rejections."""

from __future__ import annotations

import gzip
import json
import os
import stat
import sys
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from ..config import Config
from ..errors import (
    E_BAD_FIELD,
    E_BAD_JSON,
    E_BINARY,
    E_TOO_LARGE,
    E_UNREADABLE,
    E_UNSUPPORTED,
    InputError,
)
from ..model import Article, Rejection
from .reader import HTML_EXTENSIONS, article_from_bytes, article_from_html, too_large
from .sniff import binary_kind
from .text import article_from_text
from .parquet import PARQUET_EXTENSIONS, read_parquet
from .warc import WARC_EXTENSIONS, read_warc

TEXT_EXTENSIONS = ("", ".txt", ".text")
JSONL_EXTENSIONS = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
_STRING_FIELDS = ("id", "url", "title", "source", "text", "html")
_CHUNK = 1 << 20


def iter_inputs(
    paths: list[str], config: Config | None = None, *, stdin: BinaryIO | None = None
) -> Iterator[Article | Rejection]:
    """Read files, folders and stdin into Articles; every failure is a Rejection.

    Folders are walked recursively in sorted order, skipping hidden entries
    (names starting with "."). By extension: .txt/.text/none → text (HTML is
    still recognised by content); .html/.htm → HTML; .jsonl/.ndjson (also .gz)
    → one record per line with fields id, url, title, published, source and
    text (or html); .warc/.warc.gz → HTML responses (ingest.warc); .parquet →
    one record per row, columns as in JSONL (ingest.parquet). "-" reads
    stdin: JSONL when its first line is a JSON object, otherwise one document. Nothing is raised for bad input and
    nothing is dropped silently (blank JSONL lines aside).

    Args:
        paths: file paths, folder paths or "-".
        config: settings (``max_bytes``, ``languages``); defaults to ``Config()``.
        stdin: binary stream read for "-" (default ``sys.stdin.buffer``).

    Returns:
        Iterator over Article and Rejection(origin, code, reason), in input order.
    """
    config = config or Config()
    for path in paths:
        if path == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin.buffer, config)
        else:
            yield from _walk(os.fspath(path), config, set())


def _reject(origin: str, exc: InputError) -> Rejection:
    return Rejection(origin=origin, code=exc.code, reason=exc.reason)


def _unreadable(origin: str, exc: BaseException) -> Rejection:
    why = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return Rejection(origin, E_UNREADABLE, f"{origin}: could not be read ({why}); check the path and permissions")


def _walk(path: str, config: Config, seen: set[tuple[int, int]]) -> Iterator[Article | Rejection]:
    try:
        st = os.stat(path)
    except OSError as exc:
        yield _unreadable(path, exc)
        return
    if stat.S_ISDIR(st.st_mode):
        if (st.st_dev, st.st_ino) in seen:  # a symlink loop
            return
        seen.add((st.st_dev, st.st_ino))
        try:
            with os.scandir(path) as it:
                names = sorted(e.name for e in it if not e.name.startswith("."))
        except OSError as exc:
            yield _unreadable(path, exc)
            return
        for name in names:
            yield from _walk(os.path.join(path, name), config, seen)
    elif stat.S_ISREG(st.st_mode):
        yield from _read_file(path, st.st_size, config)
    else:
        yield Rejection(path, E_UNSUPPORTED, f"{path}: not a regular file or folder")


def _extension(path: str) -> str:
    low = os.path.basename(path).lower()
    for ext in JSONL_EXTENSIONS + WARC_EXTENSIONS:
        if low.endswith(ext):
            return ext
    return os.path.splitext(low)[1]


def _read_file(path: str, size: int, config: Config) -> Iterator[Article | Rejection]:
    ext = _extension(path)
    if ext in JSONL_EXTENSIONS:
        try:
            opener = gzip.open if ext.endswith(".gz") else open
            with opener(path, "rb") as stream:
                yield from _read_jsonl(stream, path, config)
        except OSError as exc:
            yield _unreadable(path, exc)
        return
    if ext in WARC_EXTENSIONS:  # streamed record by record (ingest/warc.py)
        yield from read_warc(path, config)
        return
    if ext in PARQUET_EXTENSIONS:  # streamed batch by batch (ingest/parquet.py)
        yield from read_parquet(path, config)
        return
    if ext not in TEXT_EXTENSIONS and ext not in HTML_EXTENSIONS:
        yield _unsupported(path, ext)
        return
    if size > config.max_bytes:
        yield _reject(path, too_large(path, size, config.max_bytes))
        return
    try:
        with open(path, "rb") as f:
            data = f.read(config.max_bytes + 1)
    except OSError as exc:
        yield _unreadable(path, exc)
        return
    if len(data) > config.max_bytes:  # grew since stat
        yield _reject(path, too_large(path, len(data), config.max_bytes))
        return
    try:
        yield article_from_bytes(data, name=path, config=config)
    except InputError as exc:
        yield _reject(path, exc)


def _unsupported(path: str, ext: str) -> Rejection:
    try:
        with open(path, "rb") as f:
            head = f.read(4096)
    except OSError as exc:
        return _unreadable(path, exc)
    kind = binary_kind(head)
    if kind:
        return Rejection(path, E_BINARY, f"{path}: this is {kind}, not an article")
    return Rejection(
        path,
        E_UNSUPPORTED,
        f"{path}: Dateline does not read {ext or 'this'} files; "
        "give .txt, .html/.htm or .jsonl/.ndjson(.gz), or rename a plain-text file to .txt",
    )


def _read_jsonl(stream: BinaryIO, label: str, config: Config, first: bytes | None = None,
                first_no: int = 0) -> Iterator[Article | Rejection]:
    """Yield one Article or Rejection per non-blank line; a broken line stops nothing."""
    lineno = first_no
    pending = [first] if first is not None else []
    while True:
        try:
            line = pending.pop() if pending else stream.readline(config.max_bytes + 1)
        except (OSError, EOFError, zlib.error) as exc:
            yield _unreadable(f"{label}:{lineno + 1}", exc)
            return
        if not line:
            return
        lineno += 1
        origin = f"{label}:{lineno}"
        if len(line) > config.max_bytes and not line.endswith(b"\n"):
            size = len(line)
            try:
                while chunk := stream.readline(_CHUNK):
                    size += len(chunk)
                    if chunk.endswith(b"\n"):
                        break
            except (OSError, EOFError, zlib.error) as exc:
                yield _unreadable(origin, exc)
                return
            yield _reject(origin, too_large(f"line {lineno} of {label}", size, config.max_bytes))
            continue
        if not line.strip():
            continue
        yield record_to_article(line, origin, config)


def record_to_article(line: bytes | str, origin: str, config: Config | None = None) -> Article | Rejection:
    """Turn one JSONL line into an Article, or a Rejection saying what is wrong.

    Fields: ``text`` (or ``html``) required; ``title``, ``url``, ``source``,
    ``published`` (YYYY-MM-DD) and ``id`` optional.  The record's text is all
    body (its headline is the ``title`` field).  The article id is always the
    content hash, so the same story from two feeds gets one id.

    Args:
        line: one line of a JSONL file.
        origin: "file.jsonl:LINE".
        config: settings; defaults to ``Config()``.

    Returns:
        Article | Rejection: E106 not a JSON object, E107 missing/wrong field,
        or any code the text itself earns.
    """
    config = config or Config()
    try:
        obj = json.loads(line)
    except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError
        return Rejection(origin, E_BAD_JSON, f"{origin}: not valid JSON ({exc}); each line must be one JSON object")
    if not isinstance(obj, dict):
        return Rejection(origin, E_BAD_JSON, f"{origin}: a JSON {type(obj).__name__}, not an object")
    for key in _STRING_FIELDS:
        if obj.get(key) is not None and not isinstance(obj[key], str):
            return Rejection(origin, E_BAD_FIELD, f"{origin}: field {key!r} must be a string, "
                             f"got {type(obj[key]).__name__}")
    published = obj.get("published")
    if published is not None and not isinstance(published, str):
        return Rejection(origin, E_BAD_FIELD, f"{origin}: field 'published' must be a YYYY-MM-DD string")
    text, html = obj.get("text"), obj.get("html")
    if text is None and html is None:
        return Rejection(origin, E_BAD_FIELD, f"{origin}: the record has no 'text' or 'html' field")
    meta = {"published": published, "source": obj.get("source"), "url": obj.get("url"), "origin": origin}
    try:
        if text is not None and (text.strip() or html is None):
            return article_from_text(text, title=obj.get("title") or "", config=config, **meta)
        return article_from_html(html, name=origin, config=config, title=obj.get("title"), **meta)
    except InputError as exc:
        return _reject(origin, exc)


def _read_stdin(stream: BinaryIO, config: Config) -> Iterator[Article | Rejection]:
    label = "-"
    try:
        first = stream.readline(config.max_bytes + 1)
    except OSError as exc:
        yield _unreadable(label, exc)
        return
    if first.lstrip().startswith(b"{"):
        try:
            is_jsonl = isinstance(json.loads(first), dict)
        except ValueError:
            is_jsonl = False
        if is_jsonl:
            yield from _read_jsonl(stream, label, config, first=first)
            return
    try:
        data = first + stream.read(config.max_bytes + 1 - len(first))
    except OSError as exc:
        yield _unreadable(label, exc)
        return
    if len(data) > config.max_bytes:
        yield Rejection(label, E_TOO_LARGE, f"- (stdin) is more than {config.max_bytes} bytes, over the "
                        f"limit of {config.max_bytes} bytes (Config.max_bytes / --max-bytes)")
        return
    try:
        yield article_from_bytes(data, name=label, config=config)
    except InputError as exc:
        yield _reject(label, exc)
