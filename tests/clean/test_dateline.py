"""Datelines: which story openings are datelines, and the date one gives."""

from __future__ import annotations

import pytest

from dateline.clean.dateline import dateline_date, find_dateline


@pytest.mark.parametrize("text, head", [
    ("BEIRUT, March 3 - Syrian forces shelled the city.", "BEIRUT, March 3 - "),
    ("MOSCOW (Reuters) - Russia said on Monday.", "MOSCOW (Reuters) - "),
    ("Vienna, Austria - Talks resumed on Friday.", "Vienna, Austria - "),
    ("Vienna (AP) \u2014 Talks resumed on Friday.", "Vienna (AP) \u2014 "),
    ("SOCHI, Russia, Oct 23 - Leaders met.", "SOCHI, Russia, Oct 23 - "),
    ("CAIRO, March 3, 2016 (Reuters) - Egypt said.", "CAIRO, March 3, 2016 (Reuters) - "),
])
def test_datelines_found(text, head):
    span = find_dateline(text)
    assert span is not None and text[span[0]:span[1]] == head


@pytest.mark.parametrize("text", [
    "NATO - the alliance met.",
    "However - he said - the talks failed.",
    "Syrian forces shelled the city on Tuesday.",
])
def test_not_datelines(text):
    assert find_dateline(text) is None


def test_dateline_date_needs_a_year():
    text = "CAIRO, March 3, 2016 (Reuters) - Egypt said."
    assert dateline_date(text, find_dateline(text)) == "2016-03-03"
    text = "Vienna, Austria, Nov. 3, 2015 \u2014 Talks resumed."
    assert dateline_date(text, find_dateline(text)) == "2015-11-03"
    text = "BEIRUT, March 3 - Syrian forces shelled the city."
    assert dateline_date(text, find_dateline(text)) is None
    assert dateline_date(text, None) is None
    text = "CAIRO, February 30, 2016 - Nothing."
    assert dateline_date(text, find_dateline(text)) is None


def test_pipeline_takes_the_dateline_date_when_the_article_has_none():
    import dateline

    rec = dateline.process("CAIRO, March 3, 2016 (Reuters) - Egypt's foreign minister met his Jordanian "
                           "counterpart in Amman on Thursday.")
    assert rec.article.published == "2016-03-03" and rec.article.published_from == "dateline"
    assert any(p.name == "Cairo" for p in rec.places)
    given = dateline.process("CAIRO, March 3, 2016 (Reuters) - Egypt said.", published="2016-03-04")
    assert given.article.published == "2016-03-04" and given.article.published_from == "given"
