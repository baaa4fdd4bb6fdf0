"""HTML page → main text and metadata, with trafilatura (offline)."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import E_NO_TEXT, InputError

# htmldate's extensive search guesses dates from any number in the page; a
# wrong publication date is worse than none, so only metadata and URL count.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
#: Less than this is navigation trafilatura fell back to ("Home"), not an article.
MIN_WORDS = 10
#: ... and at least one block must be this long (a sentence, not a menu item).
MIN_BLOCK_WORDS = 5


@dataclass
class Page:
    """What trafilatura found in one HTML page."""

    text: str
    title: str | None
    date: str | None
    sitename: str | None
    url: str | None


def extract_html(data: bytes | str, name: str = "input", url: str | None = None) -> Page:
    """Extract the main text, title, date and site name from an HTML page.

    Each block trafilatura returns (paragraph, list item, heading) becomes one
    paragraph; a first block repeating the title is dropped.

    Args:
        data: the page, bytes (encoding sniffed by trafilatura) or str.
        name: for the message.
        url: the page's address, if known (helps metadata).

    Returns:
        Page: text with paragraphs separated by blank lines.

    Raises:
        InputError: [E105] when the page has no article text (fewer than
            ``MIN_WORDS`` words, or only menu-sized blocks).
    """
    import trafilatura

    doc = trafilatura.bare_extraction(
        data,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        date_extraction_params=_DATE_PARAMS,
    )
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    blocks = [b.strip() for b in text.split("\n") if b.strip()]
    title = (getattr(doc, "title", None) or "").strip() or None
    if blocks and title and " ".join(blocks[0].split()) == " ".join(title.split()):
        blocks = blocks[1:]
    n_words = [len(b.split()) for b in blocks]
    if sum(n_words) < MIN_WORDS or max(n_words, default=0) < MIN_BLOCK_WORDS:
        raise InputError(
            f"{name}: the HTML page has no article text (trafilatura found no main content); "
            "is it an index, a login or an error page?",
            E_NO_TEXT,
        )
    return Page(
        text="\n\n".join(blocks),
        title=title,
        date=getattr(doc, "date", None) or None,
        sitename=getattr(doc, "sitename", None) or None,
        url=getattr(doc, "url", None) or url,
    )
