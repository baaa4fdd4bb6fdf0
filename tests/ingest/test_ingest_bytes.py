"""article_from_bytes: binary, encodings, HTML, size limit; never anything but Article or InputError."""

from __future__ import annotations

import codecs
import os
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.config import Config
from dateline.errors import InputError
from dateline.ingest import article_from_bytes
from dateline.model import Article

PNG_HEADER = bytes.fromhex("89504e470d0a1a0a0000000d49484452")

BODY = (
    "Negotiators from both sides left Geneva on Monday without an agreement on the ceasefire, "
    "officials said. The United Nations envoy said he would invite the delegations back next month."
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
ARTICLE_HTML = (FIXTURES / "article.html").read_text(encoding="utf-8")
EMPTY_HTML = (FIXTURES / "menu.html").read_text(encoding="utf-8")


def test_png_bytes_are_rejected_as_binary_E102():
    data = PNG_HEADER + random.Random(1).randbytes(2000)
    with pytest.raises(InputError) as err:
        article_from_bytes(data, name="picture.txt")
    assert err.value.code == "E102"
    assert "PNG" in err.value.reason


def test_random_control_bytes_are_rejected_as_binary_E102():
    data = bytes(random.Random(2).randrange(0, 32) for _ in range(500))
    with pytest.raises(InputError) as err:
        article_from_bytes(data + b"\x00", name="blob")
    assert err.value.code == "E102"


def test_cp1252_bytes_are_decoded_not_rejected():
    text = (
        "Caf\u00e9 owners protest in M\u00fcnchen\n\n"
        "Caf\u00e9 owners in M\u00fcnchen protested on Monday against the city\u2019s new rules, "
        "the mayor\u2019s office said \u2013 about 300 people took part."
    )
    data = text.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    art = article_from_bytes(data, name="cafe.txt")
    assert art.title == "Café owners protest in München"
    assert "the city’s new rules" in art.text and "–" in art.text


def test_utf16_with_bom_is_decoded():
    text = "Talks resume in Vienna\n\n" + BODY
    art = article_from_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"), name="u16.txt")
    assert art.title == "Talks resume in Vienna"
    assert art.text == BODY


def test_utf8_bom_is_dropped():
    art = article_from_bytes(codecs.BOM_UTF8 + ("Talks resume\n\n" + BODY).encode(), name="bom.txt")
    assert art.title == "Talks resume"


def test_html_article_gives_text_title_date_and_site():
    art = article_from_bytes(ARTICLE_HTML.encode(), name="page.html")
    assert art.title == "Ceasefire talks stall in Geneva"
    assert art.text.startswith("Negotiators from both sides left Geneva on Monday")
    assert "aid agencies working in the area." in art.text
    assert "\n\n" in art.text  # one paragraph per block
    assert "Home" not in art.text and "all rights reserved" not in art.text
    assert art.published == "2019-03-04" and art.published_from == "html"
    assert art.source == "Example Daily"


def test_html_is_sniffed_without_extension_and_given_meta_wins():
    art = article_from_bytes(ARTICLE_HTML.encode(), name="download", published="2019-03-05", source="Wire")
    assert art.title == "Ceasefire talks stall in Geneva"
    assert art.published == "2019-03-05" and art.published_from == "given"
    assert art.source == "Wire"


def test_html_without_article_text_is_rejected_E105():
    with pytest.raises(InputError) as err:
        article_from_bytes(EMPTY_HTML.encode(), name="index.html")
    assert err.value.code == "E105"


def test_oversized_bytes_are_rejected_with_the_limit_named_E104():
    cfg = Config(max_bytes=1000)
    with pytest.raises(InputError) as err:
        article_from_bytes(b"a" * 1001, name="big.txt", config=cfg)
    assert err.value.code == "E104"
    assert "1001 bytes, over the limit of 1000 bytes (Config.max_bytes / --max-bytes)" in str(err.value)


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  "])
def test_empty_bytes_are_rejected_E101(data):
    with pytest.raises(InputError) as err:
        article_from_bytes(data, name="empty.txt")
    assert err.value.code == "E101"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(
    st.binary(max_size=3000),
    st.text(max_size=1500).map(lambda s: s.encode("utf-8", "surrogatepass")),
    st.text(max_size=500).map(lambda s: ("<html><body><p>" + s + "</p></body></html>").encode("utf-8", "surrogatepass")),
    st.tuples(st.sampled_from([PNG_HEADER, b"%PDF-1.4", b"\xef\xbb\xbf", b"\xff\xfe", b"{", b"<!doctype html>"]),
              st.binary(max_size=500)).map(lambda t: t[0] + t[1]),
))
def test_arbitrary_bytes_give_an_article_or_an_input_error(data):
    try:
        art = article_from_bytes(data, name=random.choice(["x.txt", "x.html", "x"]))
    except InputError as exc:
        assert exc.code.startswith("E1")
    else:
        assert isinstance(art, Article)
        assert art.text.strip()
        assert art.id and len(art.id) == 16


def test_large_random_text_file_is_fine_under_limit(tmp_path):
    words = ["the", "minister", "said", "talks", "would", "resume", "in", "Geneva", "on", "Monday"]
    rng = random.Random(3)
    body = " ".join(rng.choice(words) for _ in range(20000)) + "."
    art = article_from_bytes(("Long report\n\n" + body).encode(), name=os.fspath(tmp_path / "long.txt"))
    assert art.title == "Long report"
