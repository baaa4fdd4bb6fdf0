"""The line tests behind clean(): furniture shapes are recognised, story lines are not."""

from __future__ import annotations

import pytest

from dateline.clean import SourceLineStats, rules


@pytest.mark.parametrize("line", [
    "www.example.org", "https://news.example.com/world/2016/07/22/story.html", "example.co.uk",
    "<http://example.com/a?b=c>", "www.example.org | www.example.net", "desk@example.com",
])
def test_url_only_lines(line):
    assert rules.is_url_line(line)


@pytest.mark.parametrize("line", [
    "U.S.", "Visit www.example.org for more.", "The U.N. said so.", "e.g.", "3.5",
])
def test_lines_with_more_than_a_url_are_not_url_lines(line):
    assert not rules.is_url_line(line)


@pytest.mark.parametrize("line", [
    "SHARE THIS ARTICLE", "Share on Facebook", "Tweet", "Share via Email", "Facebook Twitter WhatsApp Email",
    "Print this page", "Share: Facebook | Twitter | LinkedIn", "Comments (12)",
])
def test_share_widgets(line):
    assert rules.is_share_line(line)


@pytest.mark.parametrize("line", [
    "Shares fell on Monday.", "He shared the post on Facebook with his supporters.", "This story",
    "The Twitter account was suspended.",
])
def test_sentences_about_sharing_are_not_widgets(line):
    assert not rules.is_share_line(line)


@pytest.mark.parametrize("para", [
    "Soldiers patrol a street in the old city on Sunday. (AFP Photo)",
    "Protesters gather outside parliament. (AP Photo/Jane Doe)",
    "A rescue worker carries a child from the rubble. (Photo by John Roe / AFP)",
    "Delegates arrive for the summit. Photo: Reuters",
    "The foreign minister speaks to reporters. Getty Images",
    "Demonstrators march in the capital. (File photo)",
    "File photo shows the border crossing in 2015.",
    "Image caption Troops at the checkpoint",
])
def test_photo_credits_make_captions(para):
    assert rules.credit_kind(para) == "strong"


@pytest.mark.parametrize("para", [
    "The minister said the photographs had been taken by a drone operator working for the army.",
    "MOSCOW (Reuters) - Russia said on Friday it would resume flights to the resort.",
    "The images were shared widely online, officials said.",
])
def test_story_lines_mentioning_photos_or_agencies_are_not_captions(para):
    assert rules.credit_kind(para) is None


def test_bare_agency_credit_is_weak():
    assert rules.credit_kind("Residents wade through a flooded street. (Reuters)") == "weak"
    assert rules.credit_kind("Residents wade through a flooded street - AFP") == "weak"


@pytest.mark.parametrize("line", [
    "© 2019 Example Media. All rights reserved.", "Sign up for our daily newsletter",
    "Follow us on Instagram", "Click here to read the full report", "Read more: Talks collapse",
    "Related: Ministers meet in Paris", "Reporting by Jane Doe; Editing by John Roe", "Advertisement",
])
def test_strong_site_notices(line):
    assert rules.is_notice(line)


@pytest.mark.parametrize("line", [
    "Countries that subscribe to the treaty must report their stockpiles.",
    "Thousands of volunteers sign up to fight every week, the commander said.",
    "Copyright laws were changed last year.",
    "The ministry published the figures on its website.",
])
def test_story_sentences_are_not_strong_notices(line):
    assert not rules.is_notice(line)


def test_sentence_shape():
    assert rules.is_sentence("The court will sit again on Friday.")
    assert not rules.is_sentence("Press Office Home")
    assert not rules.is_sentence("SHARE THIS ARTICLE")


def test_source_line_stats_count_each_article_once():
    stats = SourceLineStats(min_articles=2)
    stats.observe("A", ["Menu Home", "Menu Home", "Story one."])
    assert stats.count("A", "Menu Home") == 1 and not stats.is_repeated("A", "menu   home")
    stats.observe("A", "Story two.\nMENU HOME")
    assert stats.is_repeated("A", "menu home") and stats.articles("A") == 2
    stats.observe(None, ["ignored"])
    assert stats.count(None, "ignored") == 0
    with pytest.raises(ValueError):
        SourceLineStats(min_articles=1)
