"""Benchmark corpora: the Reuters-21578 bodies (SGML) or any folder Dateline reads."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator
from pathlib import Path

from ..config import Config
from ..model import Article

_DOC = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.S)
_NEWID = re.compile(r'NEWID="(\d+)"')
_FIELD = {name: re.compile(rf"<{name}>(.*?)</{name}>", re.S) for name in ("DATE", "TITLE", "DATELINE", "BODY")}


def _field(name: str, doc: str) -> str:
    m = _FIELD[name].search(doc)
    return html.unescape(m[1]).strip() if m else ""


def _date(value: str) -> str | None:
    try:
        return dt.datetime.strptime(value.split()[0], "%d-%b-%Y").date().isoformat()
    except (ValueError, IndexError):
        return None


def reuters_records(folder: str | Path, limit: int | None = None) -> Iterator[dict]:
    """The Reuters-21578 documents that have a body, as JSONL-style records.

    Each record has ``title``, ``text`` (dateline + body, as the wire printed
    it), ``published`` (YYYY-MM-DD), ``source`` ("Reuters") and ``url`` (a
    ``reuters21578:NEWID`` label), in file and document order.

    Args:
        folder: the folder holding ``reut2-*.sgm``.
        limit: stop after this many records.

    Returns:
        Iterator of dicts.
    """
    n = 0
    for path in sorted(Path(folder).glob("reut2-*.sgm")):
        raw = path.read_bytes().decode("latin-1")  # one file has a stray 0xFC byte
        for m in _DOC.finditer(raw):
            body = _field("BODY", m[2])
            if not body:
                continue
            newid = _NEWID.search(m[1])
            dateline = _field("DATELINE", m[2])
            yield {
                "title": _field("TITLE", m[2]) or None,
                "text": f"{dateline} {body}" if dateline else body,
                "published": _date(_field("DATE", m[2])),
                "source": "Reuters",
                "url": f"reuters21578:{newid[1] if newid else '?'}",
            }
            n += 1
            if limit is not None and n >= limit:
                return


def is_reuters(folder: str | Path) -> bool:
    """True when ``folder`` holds the Reuters-21578 SGML files."""
    p = Path(folder)
    return p.is_dir() and any(p.glob("reut2-*.sgm"))


def corpus_articles(folder: str | Path, limit: int | None = None,
                    config: Config | None = None) -> tuple[list[Article], int]:
    """Read a benchmark corpus into Articles.

    Args:
        folder: a Reuters-21578 folder, or any files/folder ``iter_inputs`` reads.
        limit: at most this many articles.
        config: settings.

    Returns:
        (articles, rejected): the articles read and how many inputs were rejected.
    """
    from ..ingest import iter_inputs, record_to_article
    import json

    config = config or Config()
    articles, rejected = [], 0
    if is_reuters(folder):
        items = (record_to_article(json.dumps(r), f"{r['url']}", config) for r in reuters_records(folder))
    else:
        items = iter_inputs([str(folder)], config)
    for item in items:
        if isinstance(item, Article):
            articles.append(item)
            if limit is not None and len(articles) >= limit:
                break
        else:
            rejected += 1
    return articles, rejected
