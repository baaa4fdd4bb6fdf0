"""Synthetic WARC files in the CC-NEWS layout (warcinfo, then request/response pairs, gzip per record)."""

from __future__ import annotations

import gzip
from pathlib import Path

LEADERS = ["France", "Germany", "Italy", "Spain", "Poland", "Austria", "Greece", "Sweden"]


def record(kind: str, uri: str, payload: bytes, n: int,
           ctype: str = "application/http; msgtype=response") -> bytes:
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
            f"WARC-Date: 2016-07-22T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012d}>\r\n"
            f"Content-Type: {ctype}\r\nContent-Length: {len(payload)}\r\n\r\n").encode()
    return head + payload + b"\r\n\r\n"


def http(body: bytes, ctype: str = "text/html; charset=utf-8") -> bytes:
    return f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body


def page(i: int) -> bytes:
    a, b = LEADERS[i % len(LEADERS)], LEADERS[(i + 3) % len(LEADERS)]
    para = (f"<p>The foreign ministers of {a} and {b} met in Geneva on Tuesday to discuss story {i}, "
            f"officials said. Talks will resume next month, a spokesman for the {a} government said.</p>")
    return (f"<html><head><title>Talks number {i} in Geneva</title></head><body><nav>Home | World</nav>"
            f"<article><h1>Talks number {i} in Geneva</h1>{para * 3}</article></body></html>").encode()


def write_warc(path: Path, n_articles: int, gz: bool = True, image: bool = True) -> Path:
    """A WARC with a warcinfo record, then per article a request and an HTML response; one PNG response."""
    recs = [record("warcinfo", "", b"software: dateline-tests\r\n", 0, "application/warc-fields")]
    for i in range(n_articles):
        uri = f"https://news.example.org/world/{i}"
        recs.append(record("request", uri, f"GET /world/{i} HTTP/1.1\r\n\r\n".encode(), 2 * i + 1,
                           "application/http; msgtype=request"))
        recs.append(record("response", uri, http(page(i)), 2 * i + 2))
        if image and i == 0:
            recs.append(record("response", "https://news.example.org/logo.png",
                               http(b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png"), 10**9))
    with open(path, "wb") as fh:
        for r in recs:
            fh.write(gzip.compress(r) if gz else r)
    return path
