"""article_from_text: headline split, normalisation, content-hash ids, coded rejections."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.config import Config
from dateline.errors import InputError
from dateline.ingest import article_from_text, detect_language

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
STORY = (FIXTURES / "story.txt").read_text(encoding="utf-8")
GERMAN = (FIXTURES / "german.txt").read_text(encoding="utf-8")
SPANISH = (FIXTURES / "spanish.txt").read_text(encoding="utf-8")


def test_first_line_is_headline_and_body_follows():
    art = article_from_text(STORY, published="2019-05-07", source="Example Wire")
    assert art.title == "Ministers agree to reopen border crossing"
    assert art.text.startswith("Officials from both governments agreed")
    assert "\n\nThe crossing was closed in March" in art.text  # paragraphs kept
    assert art.language == "en"
    assert art.published == "2019-05-07" and art.published_from == "given"
    assert art.source == "Example Wire"
    assert len(art.id) == 16 and int(art.id, 16) >= 0


def test_given_title_makes_whole_text_the_body():
    art = article_from_text(STORY, title="Border to reopen")
    assert art.title == "Border to reopen"
    assert art.text.startswith("Ministers agree to reopen border crossing\n\nOfficials")


def test_same_article_twice_gets_same_id_despite_crlf_and_trailing_spaces():
    a = article_from_text(STORY)
    messy = "\r\n\r\n  " + STORY.replace("\n", "   \r\n") + "\r\n\r\n"
    b = article_from_text(messy)
    assert a.id == b.id
    assert a.text == b.text
    assert "\r" not in b.text


def test_different_articles_get_different_ids():
    other = STORY.replace("Tuesday", "Wednesday")
    assert article_from_text(STORY).id != article_from_text(other).id


def test_text_is_nfc_and_spaces_are_plain():
    decomposed = "Cafe\u0301 talks resume\n\nThe cafe\u0301\u00a0owner in Zu\u0308rich said talks resumed."
    art = article_from_text(decomposed)
    assert art.title == "Café talks resume"
    assert "café owner in Zürich" in art.text


def test_single_line_is_body_without_headline():
    art = article_from_text("Rebels shelled the town of Kafr Nabl on Sunday, residents said.")
    assert art.title is None
    assert art.text.startswith("Rebels shelled")


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t \r\n  \u00a0 \n"])
def test_empty_or_whitespace_text_is_rejected_with_E101(text):
    with pytest.raises(InputError) as err:
        article_from_text(text)
    assert err.value.code == "E101"
    assert "[E101]" in str(err.value)


@pytest.mark.parametrize("bad", ["22/07/2016", "2016-13-01", "2016-02-30", "yesterday", 20160722])
def test_bad_published_date_is_rejected_with_E111(bad):
    with pytest.raises(InputError) as err:
        article_from_text(STORY, published=bad)
    assert err.value.code == "E111"
    assert "YYYY-MM-DD" in err.value.reason


def test_iso_timestamp_is_accepted_as_its_date():
    art = article_from_text(STORY, published="2016-07-22T09:30:00Z")
    assert art.published == "2016-07-22"


@pytest.mark.parametrize("text,lang", [(GERMAN, "de"), (SPANISH, "es")])
def test_non_english_article_is_rejected_with_E108(text, lang):
    with pytest.raises(InputError) as err:
        article_from_text(text, origin="news.txt")
    assert err.value.code == "E108"
    assert repr(lang) in err.value.reason
    assert detect_language(text)[0][0] == lang


def test_short_foreign_text_defaults_to_english():
    art = article_from_text("Gespräche vertagt\n\nDie Gespräche wurden vertagt.")
    assert art.language == "en"


def test_other_language_is_accepted_when_configured():
    art = article_from_text(GERMAN, config=Config(languages=("en", "de")))
    assert art.language == "de"


def test_text_over_the_size_limit_is_rejected_E104():
    with pytest.raises(InputError) as err:
        article_from_text(STORY * 20, config=Config(max_bytes=500), origin="big.txt")
    assert err.value.code == "E104" and "over the limit of 500 bytes" in err.value.reason
