"""What are these bytes?  Binary formats, text encodings and HTML, by content."""

from __future__ import annotations

import codecs
import functools
import re
from importlib import resources

from ..errors import E_DECODE, InputError

#: How many leading bytes the sniffers look at.
HEAD_BYTES = 64 * 1024
#: Share of control bytes above which a file is binary, not text.
MAX_CONTROL_SHARE = 0.01

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control bytes that never occur in text (tab, LF, VT, FF, CR and ESC excepted).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27)) + b"\x7f"
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article)\b",
    re.I | re.S,
)
_HTML_TAGS = re.compile(rb"<(?:p|div|br|article|body|h[1-6]|span|a\s+href)\b[^>]*>", re.I)
# Single-byte encodings charset-normalizer proposes for Western text; cp1252 is
# the superset browsers use for all of them, so it wins when it decodes.
_WESTERN = {"cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp850", "cp437",
            "mac_roman", "iso8859_9", "cp1254", "cp1257", "iso8859_4", "iso8859_13"}


@functools.lru_cache(maxsize=1)
def _magic() -> tuple[tuple[int, bytes, str], ...]:
    rows = []
    text = resources.files(__package__).joinpath("data/magic.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        offset, hexbytes, name = line.split("\t")
        rows.append((int(offset), bytes.fromhex(hexbytes), name))
    return tuple(rows)


def bom_encoding(head: bytes) -> str | None:
    """The encoding named by a byte-order mark at the start, if any."""
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    """Recognise BOM-less UTF-16 text by its zero high bytes (ASCII-range text)."""
    n = len(head) - len(head) % 2
    if n < 8:
        return None
    even = head[0:n:2].count(0)
    odd = head[1:n:2].count(0)
    half = n // 2
    if odd >= 0.9 * half and even == 0:
        return "utf-16-le"
    if even >= 0.9 * half and odd == 0:
        return "utf-16-be"
    return None


def text_encoding_hint(head: bytes) -> str | None:
    """A UTF-16/32 encoding the bytes are clearly in (BOM or zero pattern)."""
    bom = bom_encoding(head)
    if bom and bom != "utf-8-sig":
        return bom
    return _utf16_without_bom(head)


def binary_kind(head: bytes) -> str | None:
    """Say what binary format ``head`` starts, or None when it may be text.

    Args:
        head: the first bytes of the input (up to ``HEAD_BYTES``).

    Returns:
        str | None: a short description such as "PNG image" or
        "binary data (NUL bytes)".
    """
    for offset, magic, name in _magic():
        if head[offset : offset + len(magic)] == magic:
            return name
    if text_encoding_hint(head):
        return None
    sample = head[:HEAD_BYTES]
    if b"\x00" in sample:
        return "binary data (NUL bytes)"
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if sample and controls / len(sample) > MAX_CONTROL_SHARE:
        return f"binary data ({controls} control bytes in the first {len(sample)})"
    return None


def looks_like_html(head: bytes) -> bool:
    """True when the bytes start like an HTML document or are full of tags."""
    hint = text_encoding_hint(head)
    if hint:
        head = head.decode(hint, errors="ignore").encode("utf-8")
    head = head[:HEAD_BYTES]
    if head.startswith(codecs.BOM_UTF8):
        head = head[len(codecs.BOM_UTF8):]
    if _HTML_START.match(head):
        return True
    return len(_HTML_TAGS.findall(head[:4096])) >= 3


def decode_bytes(data: bytes, name: str = "input") -> str:
    """Decode text bytes: BOM, then UTF-8, then the best single-byte guess.

    Args:
        data: the bytes of a text file.
        name: for the message.

    Returns:
        str: the decoded text.

    Raises:
        InputError: [E103] when no encoding fits.
    """
    hint = text_encoding_hint(data[:HEAD_BYTES]) or bom_encoding(data[:4])
    if hint:
        try:
            return data.decode(hint)
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        if best.encoding in _WESTERN:
            try:
                return data.decode("cp1252")
            except UnicodeDecodeError:
                pass
        return str(best)
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: the bytes are not UTF-8 and no other text encoding fits "
            f"(first bad byte at offset {exc.start}); convert the file to UTF-8",
            E_DECODE,
        ) from exc
