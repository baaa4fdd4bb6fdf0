"""WARC and WARC.gz files (the CC-NEWS layout) → Articles, streamed one record at a time.

Every ``response`` record whose HTTP content type is HTML goes through the
HTML extractor (``article_from_html``); all other records (warcinfo, request,
metadata, revisit, images, PDFs, ...) are counted and skipped, and the counts
are one E116 row per file.  A truncated or damaged file keeps the records
before the damage and records the damage as E115.  Memory holds one record at
a time (records over ``Config.max_bytes`` are rejected unread, E104).
"""

from __future__ import annotations

import gzip
import zlib
from collections import Counter
from collections.abc import Iterator

from ..config import Config
from ..errors import E_DAMAGED, E_SKIPPED, InputError
from ..model import Article, Rejection
from .reader import article_from_html, too_large

WARC_EXTENSIONS = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")


class _Guarded:
    """A stream that ends (instead of raising) where the compressed data is damaged."""

    def __init__(self, stream):
        self._stream = stream
        self.damage: BaseException | None = None

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        # Small reads, so the data before the damage reaches the parser.
        out = bytearray()
        want = size if size is not None and size >= 0 else float("inf")
        while self.damage is None and len(out) < want:
            try:
                chunk = self._stream.read1(int(min(want - len(out), 1 << 16)))
            except (EOFError, OSError, zlib.error) as exc:
                self.damage = exc
                break
            if not chunk:
                break
            out += chunk
        return bytes(out)

    def tell(self) -> int:
        return self._stream.tell()

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._stream.seek(offset, whence)

    def close(self) -> None:
        self._stream.close()


def read_warc(path: str, config: Config | None = None) -> Iterator[Article | Rejection]:
    """Stream the articles of one WARC or WARC.gz file.

    Args:
        path: a ``.warc`` or ``.warc.gz`` file (gzip per record, as CC-NEWS).
        config: settings (size limit, languages); defaults to ``Config()``.

    Returns:
        Iterator of Article (origin ``path:N``, N the record's ordinal in the
        file, url the record's target URI) or Rejection: the HTML extractor's
        codes per record, E104 for an oversized record, E115 where the file is
        damaged, and at the end one E116 row with the counts of skipped records.
    """
    from fastwarc.warc import ArchiveIterator

    config = config or Config()
    skipped: Counter[str] = Counter()
    n = 0
    try:
        raw = open(path, "rb")
    except OSError as exc:
        from .files import _unreadable

        yield _unreadable(path, exc)
        return
    with raw:
        stream = _Guarded(gzip.GzipFile(fileobj=raw) if path.lower().endswith(".gz") else raw)
        damaged: str | None = None
        kept = 0
        try:
            for record in ArchiveIterator(stream, parse_http=True):
                n += 1
                origin = f"{path}:{n}"
                kind = str(record.record_type).rsplit(".", 1)[-1]
                if kind != "response":
                    skipped[kind] += 1
                    continue
                ctype = (record.http_content_type or "").lower()
                if ctype not in HTML_TYPES:
                    skipped[f"response {ctype or 'without content type'}"] += 1
                    continue
                if record.content_length > config.max_bytes:  # not read: the iterator skips it
                    err = too_large(origin, record.content_length, config.max_bytes)
                    yield Rejection(origin, err.code, err.reason)
                    continue
                payload = record.reader.read()
                if len(payload) < record.content_length:
                    damaged, kept = f"record {n} is cut short ({len(payload)} of {record.content_length} bytes)", n - 1
                    break
                url = record.headers.get("WARC-Target-URI")
                try:
                    yield article_from_html(payload, name=origin, config=config, url=url, origin=origin)
                except InputError as exc:
                    yield Rejection(origin, exc.code, exc.reason)
        except OSError as exc:  # fastwarc: a record header it cannot parse
            damaged, kept = f"unreadable after record {n} ({exc})", n
        if damaged is None and stream.damage is not None:
            damaged, kept = f"the compressed data ends or breaks after record {n} ({stream.damage})", n
        if damaged:
            yield Rejection(path, E_DAMAGED, f"{path}: damaged or truncated: {damaged}; the {kept} records "
                            "before the damage were read")
    if skipped:
        parts = ", ".join(f"{k} {v}" for k, v in sorted(skipped.items()))
        yield Rejection(path, E_SKIPPED, f"{path}: {sum(skipped.values())} records are not articles and were "
                        f"skipped ({parts})")
