"""clean(): page furniture and captions out, every story sentence kept, each removal recorded."""

from __future__ import annotations

import pytest

from dateline.clean import SourceLineStats, clean
from dateline.errors import InputError
from dateline.ingest import article_from_text

SYNTHETIC = """Dam talks collapse as both sides trade blame

Water ministers from the two countries ended their meeting in the capital on Wednesday without a deal on how fast the new reservoir will be filled.

Farmers gather at a dried-out canal outside the city on May 3. Photo: Getty Images

The upstream government said it would start the second filling in July regardless of the outcome, a move the downstream side called a threat to millions of people.

Sign up for our Morning Briefing newsletter to get the day's top stories

Mediators from the regional bloc said they would try to bring the delegations back before the rainy season.

A technician checks a turbine at the dam site. (Reuters Photo)

The two sides have held more than a dozen rounds of talks since 2020.

Follow us on Twitter @ExampleDesk

Copyright 2021 Example Media Group. All rights reserved.

Share on Facebook
Tweet
https://example.net/world/dam-talks
"""

SHORT_LAST = """Court delays ruling on election appeal

The supreme court on Monday postponed its ruling on the opposition's appeal against the presidential election result, citing the need to review new evidence.

Lawyers for both sides had argued for three days.

The court will sit again on Friday.
"""


def _story_paragraphs(text: str, art=None) -> list[str]:
    skip = set(_captions(art)) if art is not None else set()
    return [p for p in text.split("\n\n") if p.strip() and p not in skip]


def _captions(art) -> list[str]:
    """Captions stay in the text, marked by span."""
    return [art.text[m.span[0]:m.span[1]] for m in art.marks if m.kind == "caption"]


def test_seed_furniture_is_removed_caption_marked_story_kept(seed_text):
    art = clean(article_from_text(seed_text, published="2016-07-22"))
    assert art.title == "Kerry says will meet Lavrov on Syria"
    removed = {r.text: r.kind for r in art.removed}
    notice = next(t for t in removed if t.startswith("Press TV’s website can also be accessed"))
    assert removed[notice] == "boilerplate"
    assert removed["www.presstv.co.uk"] == "url"
    assert removed["SHARE THIS ARTICLE"] == "share"
    assert removed["Press TV News Roku"] == "boilerplate"
    caption = next(t for t in _captions(art) if t.startswith("Russian Foreign Minister Sergei Lavrov (R) shakes hands"))
    assert caption.endswith("(AFP Photo)")
    assert art.text.startswith(caption)
    assert not any(r.kind == "caption" for r in art.removed)
    # every story paragraph survives, from the first to the last, in order
    raw = article_from_text(seed_text).text
    start = raw.index("US Secretary of State John Kerry says")
    end = raw.index("have been killed in the conflict.") + len("have been killed in the conflict.")
    story = _story_paragraphs(raw[start:end])
    assert len(story) == 13
    assert _story_paragraphs(art.text, art) == story
    assert art.text.endswith("have been killed in the conflict.")
    assert "\n\n\n" not in art.text


def test_synthetic_article_with_other_furniture_is_cleaned():
    art = clean(article_from_text(SYNTHETIC, source="Example Desk"))
    kinds = {r.text: r.kind for r in art.removed}
    assert _captions(art) == [
        "Farmers gather at a dried-out canal outside the city on May 3. Photo: Getty Images",
        "A technician checks a turbine at the dam site. (Reuters Photo)",
    ]
    assert kinds["Sign up for our Morning Briefing newsletter to get the day's top stories"] == "boilerplate"
    assert kinds["Follow us on Twitter @ExampleDesk"] == "boilerplate"
    assert kinds["Copyright 2021 Example Media Group. All rights reserved."] == "boilerplate"
    assert kinds["Share on Facebook"] == "share" and kinds["Tweet"] == "share"
    assert kinds["https://example.net/world/dam-talks"] == "url"
    assert len(art.removed) == 6
    assert _story_paragraphs(art.text, art) == [
        "Water ministers from the two countries ended their meeting in the capital on Wednesday "
        "without a deal on how fast the new reservoir will be filled.",
        "The upstream government said it would start the second filling in July regardless of the "
        "outcome, a move the downstream side called a threat to millions of people.",
        "Mediators from the regional bloc said they would try to bring the delegations back before the rainy season.",
        "The two sides have held more than a dozen rounds of talks since 2020.",
    ]


def test_short_real_last_paragraph_stays():
    art = clean(article_from_text(SHORT_LAST))
    assert art.removed == []
    assert art.text.endswith("Lawyers for both sides had argued for three days.\n\nThe court will sit again on Friday.")


def test_story_sentences_with_cue_words_stay():
    text = (
        "Ministry site hacked\n\n"
        "The ministry said on its website that the talks would resume in July.\n\n"
        "\"Follow us to the border,\" the commander told the volunteers, according to witnesses.\n\n"
        "Officials said the photo agency had been shut down. Reuters could not verify the account.\n\n"
        "Hackers posted a message on the page, the ministry said."
    )
    art = clean(article_from_text(text))
    assert art.removed == []


def test_captions_credited_to_a_bare_agency_go_unless_they_report_speech():
    text = (
        "Floods hit the north\n\n"
        "Residents wade through a flooded street in the northern town on Sunday. (Reuters)\n\n"
        "Heavy rain flooded much of the north over the weekend, forcing thousands from their homes.\n\n"
        "The army has sent boats to the worst-hit districts, the governor said on Monday. (AFP)\n\n"
        "Rescue teams are still searching for missing people."
    )
    art = clean(article_from_text(text))
    assert art.removed == []
    assert [c[:24] for c in _captions(art)] == ["Residents wade through a"]
    assert "the governor said on Monday. (AFP)" in art.text


def test_hard_wrapped_lines_are_rejoined_and_paragraphs_separated_by_one_blank_line():
    text = (
        "Talks resume\n\n\n\n"
        "Delegations from both sides met again in the capital\n"
        "on Thursday, officials said.\n\n\n"
        "The next round is planned for June."
    )
    art = clean(article_from_text(text))
    assert art.text == (
        "Delegations from both sides met again in the capital on Thursday, officials said.\n\n"
        "The next round is planned for June."
    )


def test_repeated_lines_of_one_source_are_removed_with_stats():
    furniture = "Most Read World Stories Today"
    stats = SourceLineStats(min_articles=3)
    articles = []
    for i, (place, day) in enumerate([("Kabul", "Monday"), ("Herat", "Tuesday"), ("Kandahar", "Friday")]):
        text = (
            f"Blast in {place}\n\n{furniture}\n\n"
            f"A bomb exploded near a market in {place} on {day}, police said.\n\n"
            "Security forces sealed off the area."  # a real sentence repeated in every story: kept
        )
        art = article_from_text(text, source="Example Wire")
        stats.observe(art.source, art.text.split("\n"))
        articles.append(art)
    assert stats.is_repeated("Example Wire", furniture)
    assert not stats.is_repeated("Other Wire", furniture)
    for art in articles:
        cleaned = clean(art, stats)
        assert [(r.kind, r.text) for r in cleaned.removed] == [("repeated", furniture)]
        assert cleaned.text.endswith("Security forces sealed off the area.")
    # without the stats, a mid-article capitalised line is left alone
    assert clean(articles[0]).removed == []


def test_headline_repeated_as_first_line_is_removed():
    text = "Talks resume in Vienna\n\nTalks resume in Vienna\n\nDiplomats met in Vienna on Monday, officials said."
    art = clean(article_from_text(text))
    assert [(r.kind, r.text) for r in art.removed] == [("headline", "Talks resume in Vienna")]
    assert art.text == "Diplomats met in Vienna on Monday, officials said."


def test_clean_keeps_id_and_metadata_and_returns_a_new_article():
    raw = article_from_text(SYNTHETIC, published="2021-06-02", source="Example Desk", url="https://example.net/x")
    art = clean(raw)
    assert art is not raw and art.id == raw.id
    assert (art.title, art.published, art.source, art.url) == (raw.title, raw.published, raw.source, raw.url)
    assert raw.removed == []  # the input is not changed


def test_article_of_nothing_but_furniture_is_rejected_E105():
    art = article_from_text("Share on Facebook\nTweet\nwww.example.com", title="x")
    with pytest.raises(InputError) as err:
        clean(art)
    assert err.value.code == "E105"


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_LINES = st.sampled_from([
    "Officials said the talks would resume on Monday.", "SHARE THIS ARTICLE", "www.example.org",
    "Follow us on Twitter", "Soldiers patrol the city. (AFP Photo)", "Latest News Home", "",
    "\"We will not give up,\" the minister said.", "Copyright 2020 Example. All rights reserved.",
    "The army said it had retaken the town", "of the northern province on Sunday.",
]) | st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)


@settings(max_examples=200, deadline=None)
@given(st.lists(_LINES, min_size=1, max_size=15))
def test_clean_only_removes_whole_lines_and_keeps_order(lines):
    try:
        art = article_from_text("Headline\n\n" + "\n".join(lines))
    except InputError:
        return
    try:
        out = clean(art)
    except InputError as exc:
        assert exc.code == "E105"
        return
    squash = lambda s: " ".join(s.split())  # noqa: E731
    kept = squash(out.text)
    assert kept and "\n\n\n" not in out.text
    # kept + removed is the input, in order, nothing invented
    source = squash(art.text)
    for piece in [squash(r.text) for r in out.removed] + [squash(p) for p in out.text.split("\n")]:
        assert piece in source
