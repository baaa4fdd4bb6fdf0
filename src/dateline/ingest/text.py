"""Plain text → Article: normalisation, headline split, content-hash id."""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
import unicodedata

from ..config import Config
from ..errors import E_BAD_DATE, E_EMPTY, E_TOO_LARGE, InputError
from ..model import Article
from .language import check_language

#: A first line longer than this is a paragraph, not a headline.
MAX_HEADLINE_CHARS = 300

# Line breaks other than "\n" that appear in real inputs (CR, NEL, LS, PS, VT, FF).
_LINE_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
# Invisible characters that only get in the way (BOM, zero-width, soft hyphen).
_INVISIBLE = re.compile("[\ufeff\u200b\u200c\u200d\u2060\u00ad]")
# Control characters other than tab and newline.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
# Every Unicode space separator and the tab become one plain space.
_SPACES = re.compile(r"[\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.+\-Z]*)?$")


def normalize_text(text: str) -> str:
    """Normalise newlines to "\\n", Unicode to NFC and spaces to " ".

    Paragraph structure (blank lines) is kept; trailing spaces on each line and
    blank lines at both ends are removed.

    Args:
        text: raw text.

    Returns:
        str: the normalised text (may be empty).
    """
    text = unicodedata.normalize("NFC", text)
    text = _LINE_BREAKS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROLS.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines).strip("\n")


def content_id(title: str | None, body: str) -> str:
    """The article id: 16 hex chars of sha256 over title + "\\n" + body.

    Whitespace is collapsed first, so the same article read with different line
    endings or trailing spaces gets the same id.

    Args:
        title: the headline, or None.
        body: the article text.

    Returns:
        str: 16 lowercase hex characters.
    """
    key = " ".join((title or "").split()) + "\n" + " ".join(body.split())
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def normalize_date(value: object) -> str | None:
    """Check a publication date and return it as YYYY-MM-DD.

    Accepts ``YYYY-MM-DD``, an ISO timestamp starting with it, or a
    ``datetime.date``.  None and "" mean unknown.

    Raises:
        InputError: [E111] when the value is not a real calendar date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str):
        m = _ISO_DATE.match(value.strip())
        if m:
            try:
                return _dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
            except ValueError:
                pass
    raise InputError(
        f"published date {value!r} is not a date; give it as YYYY-MM-DD (e.g. 2016-07-22)",
        E_BAD_DATE,
    )


def split_headline(text: str) -> tuple[str | None, str]:
    """Split normalised text into (headline, body).

    The first non-empty line is the headline when it is short enough to be one
    and something follows it; a single line or a long first paragraph is body.
    """
    first, _, rest = text.partition("\n")
    rest = rest.strip("\n")
    if not rest.strip() or len(first) > MAX_HEADLINE_CHARS:
        return None, text
    return first, rest


def article_from_text(
    text: str,
    *,
    published: object = None,
    source: str | None = None,
    title: str | None = None,
    url: str | None = None,
    origin: str | None = None,
    config: Config | None = None,
    published_from: str | None = None,
) -> Article:
    """Turn plain text into an Article.

    The first non-empty line is the headline (``title``) unless ``title`` is
    given; the rest is the body (``Article.text``).  A text of one line only is
    all body.

    Args:
        text: the article as plain text.
        published: publication date, YYYY-MM-DD (or a date / ISO timestamp).
        source: the outlet's name.
        title: the headline; when given, the whole text is the body
            ("" means the text has no headline).
        url: where the article was published.
        origin: where the input came from (file path, "file.jsonl:3", "-").
        config: settings (languages accepted); defaults to ``Config()``.
        published_from: where ``published`` came from; "given" by default
            when a date is passed.

    Returns:
        Article: with ``id`` the content hash and ``language`` set.

    Raises:
        InputError: [E101] empty text, [E104] over ``config.max_bytes``,
            [E108] not English, [E111] bad date.
    """
    config = config or Config()
    if not isinstance(text, str):
        raise TypeError(f"article_from_text() needs str, got {type(text).__name__}; use article_from_bytes for bytes")
    if len(text) * 4 > config.max_bytes:  # only then can the UTF-8 size be over the limit
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > config.max_bytes:
            raise InputError(
                f"{origin or 'the text'} is {size} bytes, over the limit of {config.max_bytes} bytes "
                "(Config.max_bytes / --max-bytes)",
                E_TOO_LARGE,
            )
    date = normalize_date(published)
    norm = normalize_text(text)
    if title is not None:
        title = " ".join(normalize_text(title).split()) or None
        body = norm
    else:
        title, body = split_headline(norm)
    if not body.strip():
        what = f"{origin}: " if origin else ""
        raise InputError(f"{what}the text is empty or only whitespace; nothing to read", E_EMPTY)
    language = check_language(((title or "") + "\n" + body), config.languages, origin)
    return Article(
        id=content_id(title, body),
        text=body,
        title=title,
        source=source,
        url=url,
        published=date,
        language=language,
        published_from=(published_from or "given") if date else None,
        origin=origin,
    )
