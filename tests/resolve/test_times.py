"""The TIME stage: normalizing, finding and attaching time expressions.

Runs the real English model on short synthetic sentences and, when the
shared data folder is beside the checkout, on the seed article.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.resolve.times import clause_tense, normalize, resolve_times, time_for_event
from dateline.resolve.times_sets import set_value
from shared_data import SEED, SHARED

PUB = dt.date(2016, 7, 22)  # a Friday


@pytest.fixture(scope="module")
def seed_doc(nlp):
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED} (the shared folder beside the checkout)")
    return nlp(SEED.read_text(encoding="utf-8"))


def _value(text, pub=PUB, **kw):
    n = normalize(text, pub, **kw)
    return None if n is None else n.value


# --- normalize ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value, granularity",
    [
        ("early next week", "2016-07-25/2016-07-27", "interval"),
        ("on Friday", "2016-07-22", "day"),
        ("July 15, 2016", "2016-07-15", "day"),
        ("15 July 2016", "2016-07-15", "day"),
        ("2016-07-15", "2016-07-15", "day"),
        ("March 2011", "2011-03", "month"),
        ("2011", "2011", "year"),
        ("last September", "2015-09", "month"),
        ("late February", "2016-02-21/2016-02-29", "interval"),
        ("last week", "2016-07-11/2016-07-17", "week"),
        ("since March 2011", "2011-03-01/2016-07-22", "interval"),
    ],
)
def test_normalize_resolves_the_acceptance_expressions(text, value, granularity):
    n = normalize(text, PUB)
    assert n is not None
    assert (n.value, n.granularity) == (value, granularity)
    assert n.start <= n.end


def test_since_runs_from_the_start_of_its_period_to_publication():
    n = normalize("since March 2011", PUB)
    assert (n.start, n.end) == ("2011-03-01", "2016-07-22")


@pytest.mark.parametrize(
    "text, value",
    [
        ("today", "2016-07-22"),
        ("yesterday", "2016-07-21"),
        ("tomorrow", "2016-07-23"),
        ("last night", "2016-07-21"),
        ("Thursday", "2016-07-21"),
        ("on Monday", "2016-07-18"),
        ("last Friday", "2016-07-15"),
        ("next Friday", "2016-07-29"),
        ("this coming Friday", "2016-07-29"),
        ("next Tuesday", "2016-07-26"),
        ("Friday, July 15", "2016-07-15"),
        ("10 a.m. on Thursday", "2016-07-21"),
        ("Friday's", "2016-07-22"),
    ],
)
def test_normalize_days_and_weekdays_count_back_from_publication(text, value):
    assert _value(text) == value


def test_weekday_follows_the_clause_tense():
    assert _value("Friday", tense="past") == "2016-07-22"
    assert _value("Friday", tense="future") == "2016-07-22"  # still to come on the day itself
    assert _value("Thursday", tense="future") == "2016-07-28"
    assert _value("Monday", tense="future") == "2016-07-25"
    assert _value("Monday", tense="past") == "2016-07-18"


@pytest.mark.parametrize(
    "text, value",
    [
        ("this week", "2016-07-18/2016-07-24"),
        ("next week", "2016-07-25/2016-07-31"),
        ("mid next week", "2016-07-26/2016-07-28"),
        ("late next week", "2016-07-28/2016-07-31"),
        ("last month", "2016-06"),
        ("this month", "2016-07"),
        ("next month", "2016-08"),
        ("last year", "2015"),
        ("this year", "2016"),
        ("earlier this year", "2016-01-01/2016-07-22"),
        ("later this month", "2016-07-22/2016-07-31"),
        ("this weekend", "2016-07-23/2016-07-24"),
        ("last weekend", "2016-07-16/2016-07-17"),
        ("the end of the month", "2016-07-21/2016-07-31"),
        ("the past two weeks", "2016-07-09/2016-07-22"),
        ("within three days", "2016-07-22/2016-07-25"),
        ("this time last year", "2015-07-22"),
    ],
)
def test_normalize_relative_calendar_units(text, value):
    assert _value(text) == value


@pytest.mark.parametrize(
    "text, value",
    [
        ("February", "2016-02"),
        ("December", "2015-12"),
        ("next September", "2016-09"),
        ("this September", "2016-09"),
        ("September of last year", "2015-09"),
        ("July", "2016-07"),
        ("last July", "2015-07"),
        ("mid-July", "2016-07-11/2016-07-20"),
        ("early March", "2016-03-01/2016-03-10"),
        ("May 5", "2016-05-05"),
        ("Sept. 11, 2001", "2001-09-11"),
        ("the 15th of July", "2016-07-15"),
        ("7/15/2016", "2016-07-15"),
    ],
)
def test_normalize_months_take_the_most_recent_occurrence(text, value):
    assert _value(text) == value


def test_bare_month_in_a_future_clause_looks_forward():
    assert _value("December", tense="future") == "2016-12"
    assert _value("early March", tense="future") == "2017-03-01/2017-03-10"


@pytest.mark.parametrize(
    "text, value",
    [
        ("the day before", "2016-07-21"),
        ("three days ago", "2016-07-19"),
        ("two years ago", "2014"),
        ("a year ago", "2015"),
        ("two weeks ago", "2016-07-04/2016-07-10"),
    ],
)
def test_normalize_counted_offsets(text, value):
    assert _value(text) == value


def test_anchored_expressions_count_from_the_anchor():
    anchor = dt.date(2016, 3, 3)
    assert _value("the day before", anchor=anchor) == "2016-03-02"
    assert _value("two days later", anchor=anchor) == "2016-03-05"
    assert _value("the following week", anchor=anchor) == "2016-03-07/2016-03-13"


@pytest.mark.parametrize(
    "text, value, granularity",
    [
        ("in the 1990s", "199X", "decade"),
        ("the '90s", "199X", "decade"),
        ("the nineties", "199X", "decade"),
        ("the late 1990s", "1997-01-01/1999-12-31", "interval"),
        ("the 20th century", "19XX", "century"),
        ("early 2015", "2015-01-01/2015-04-30", "interval"),
        ("the second half of 2015", "2015-07-01/2015-12-31", "interval"),
        ("summer 2015", "2015-06-01/2015-08-31", "season"),
        ("last winter", "2015-12-01/2016-02-29", "season"),
        ("the first quarter of 2016", "2016-01-01/2016-03-31", "quarter"),
    ],
)
def test_normalize_decades_seasons_and_parts_of_years(text, value, granularity):
    n = normalize(text, PUB)
    assert (n.value, n.granularity) == (value, granularity)


@pytest.mark.parametrize(
    "text, value",
    [
        ("from 3 to 5 March", "2016-03-03/2016-03-05"),
        ("March 3-5", "2016-03-03/2016-03-05"),
        ("3-5 March", "2016-03-03/2016-03-05"),
        ("July 25-27, 2016", "2016-07-25/2016-07-27"),
        ("between 2011 and 2014", "2011-01-01/2014-12-31"),
        ("2014-2016", "2014-01-01/2016-12-31"),
        ("2015-16", "2015-01-01/2016-12-31"),
        ("1957-58", "1957-01-01/1958-12-31"),
        ("Monday to Wednesday", "2016-07-18/2016-07-20"),
        ("December 28 to January 3", "2015-12-28/2016-01-03"),
        ("late February to early March", "2016-02-21/2016-03-10"),
    ],
)
def test_normalize_ranges_share_month_and_year_between_ends(text, value):
    assert _value(text) == value


@pytest.mark.parametrize(
    "text", ["four years", "recently", "the coming weeks", "February 30", "", "Tuesday week ago later", "banana"]
)
def test_normalize_returns_none_for_what_it_cannot_resolve(text):
    assert normalize(text, PUB) is None


def test_normalize_accepts_an_iso_string_and_rejects_an_unknown_tense():
    assert _value("yesterday", pub="2016-07-22") == "2016-07-21"
    with pytest.raises(ValueError):
        normalize("Friday", PUB, tense="pluperfect")


EXPRESSIONS = [
    "early next week", "on Friday", "last week", "late February", "last September", "since March 2011",
    "this weekend", "the day before", "two years ago", "in the 1990s", "March 3-5", "earlier this year",
    "next month", "mid-July", "last winter", "the past two weeks", "Tuesday", "May 5", "the first quarter",
    "late last year", "early 2015", "next Friday", "later this week", "December", "the end of next week",
]


@settings(max_examples=200, deadline=None)
@given(
    text=st.sampled_from(EXPRESSIONS),
    pub=st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31)),
    tense=st.sampled_from([None, "past", "present", "future"]),
)
def test_every_normalized_interval_is_ordered_and_consistent(text, pub, tense):
    n = normalize(text, pub, tense=tense)
    if n is None:
        return  # "since" a future-dated start is allowed to fail; nothing else here does
    assert n.start <= n.end
    if n.granularity == "day":
        assert n.value == n.start == n.end
    if "/" in n.value:
        assert n.value == f"{n.start}/{n.end}"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_normalize_never_raises_on_arbitrary_text(text):
    n = normalize(text, PUB)
    assert n is None or n.start <= n.end


# --- resolve_times on the real model -------------------------------------------


def _by_text(times):
    return {t.text: t for t in times}


def test_resolve_times_on_the_seed_article(seed_doc):
    times = resolve_times(seed_doc, "2016-07-22")
    got = {t.text: t.value for t in times}
    assert got["early next week"] == "2016-07-25/2016-07-27"
    assert got["Friday"] == "2016-07-22"
    assert got["July 15, 2016"] == "2016-07-15"
    assert got["last September"] == "2015-09"
    assert got["late February"] == "2016-02-21/2016-02-29"
    assert got["last week"] == "2016-07-11/2016-07-17"
    since = _by_text(times)["since March 2011"]
    assert since.start == "2011-03-01" and since.end == "2016-07-22"
    assert [t.id for t in times] == [f"t{i}" for i in range(1, len(times) + 1)]
    assert [t.span for t in times] == sorted(t.span for t in times)
    for t in times:
        assert seed_doc.text[t.span[0]:t.span[1]] == t.text
        assert t.resolved and t.start <= t.end


def test_resolve_times_without_publication_keeps_only_absolute_dates(seed_doc):
    times = _by_text(resolve_times(seed_doc, None))
    assert times["July 15, 2016"].value == "2016-07-15"
    assert times["early next week"].resolved is False and times["early next week"].value is None
    assert times["last September"].resolved is False
    assert times["since March 2011"].resolved is False  # its end is the publication date


def test_time_for_event_on_the_seed_article(seed_doc):
    times = resolve_times(seed_doc, "2016-07-22")

    def event_time(word, nth=0):
        toks = [t for t in seed_doc if t.text == word]
        found = time_for_event(seed_doc, toks[nth].i, times)
        return None if found is None else found.text

    assert event_time("meet", 1) == "early next week"  # "says he will meet Lavrov early next week"
    assert event_time("told") == "Friday"
    assert event_time("launched") == "last September"
    assert event_time("campaign") == "last September"
    assert event_time("announced") == "last week"
    assert event_time("made") == "last week"
    assert event_time("excluded") is None  # "late February" sits in the relative clause on "deal"
    assert event_time("went") == "late February"
    assert event_time("gripped") == "since March 2011"
    assert event_time("says", 1) is None  # "Kerry says he will meet ...": the saying has no date


def test_resolve_times_on_synthetic_sentences(nlp):
    doc = nlp("Kerry said on Friday that he will meet Lavrov next week. Rebels seized the town three days ago.")
    got = {t.text: t.value for t in resolve_times(doc, "2016-07-22")}
    assert got == {
        "Friday": "2016-07-22",
        "next week": "2016-07-25/2016-07-31",
        "three days ago": "2016-07-19",
    }


def test_future_clause_moves_a_weekday_forward(nlp):
    doc = nlp("The ministers will meet on Monday in Geneva.")
    (t,) = resolve_times(doc, "2016-07-22")
    assert t.value == "2016-07-25"
    assert clause_tense(doc.char_span(*t.span).root) == "future"


def test_since_and_every_are_part_of_the_span(nlp):
    doc = nlp("Fighting has raged since 2011, and the envoys meet every Monday.")
    got = _by_text(resolve_times(doc, "2016-07-22"))
    assert got["since 2011"].value == "2011-01-01/2016-07-22"
    assert got["every Monday"].resolved is False and got["every Monday"].granularity == "set"
    assert got["every Monday"].value == "XXXX-WXX-1"


@pytest.mark.parametrize("text,value", [
    ("daily", "P1D"), ("every day", "P1D"), ("annually", "P1Y"), ("twice a year", "P1Y"),
    ("each month", "P1M"), ("every two weeks", "P2W"), ("hourly", "PT1H"), ("every Thursday", "XXXX-WXX-4"),
    ("every morning", "XXXX-XX-XXTMO"), ("each July", "XXXX-07"), ("every summer", "XXXX-SU"),
    ("each season", None), ("every", None), ("every few days", None),
])
def test_set_values_follow_timeml(text, value):
    assert set_value(text) == value


def test_ages_and_plain_numbers_are_skipped_durations_kept_unresolved(nlp):
    doc = nlp("The 50-year-old man, who served four years in prison, was freed on Tuesday with 300 others.")
    times = resolve_times(doc, "2016-07-22")
    texts = {t.text: t for t in times}
    assert not any("old" in t for t in texts)
    assert "300" not in texts
    assert texts["four years"].granularity == "duration" and texts["four years"].resolved is False
    assert texts["Tuesday"].value == "2016-07-19"


def test_the_day_before_counts_from_the_previous_date(nlp):
    doc = nlp("He arrived in Paris on March 3. The day before, he had met the king in Madrid.")
    got = {t.text.lower(): t.value for t in resolve_times(doc, "2016-07-22")}
    assert got["march 3"] == "2016-03-03"
    assert got["the day before"] == "2016-03-02"


# --- time_for_event -------------------------------------------------------------


def _verb(doc, lemma):
    return next(t.i for t in doc if t.lemma_ == lemma)


def test_reported_speech_splits_the_saying_from_the_meeting(nlp):
    doc = nlp("Kerry said on Friday that he will meet Lavrov next week.")
    times = resolve_times(doc, "2016-07-22")
    assert time_for_event(doc, _verb(doc, "say"), times).text == "Friday"
    assert time_for_event(doc, _verb(doc, "meet"), times).text == "next week"


def test_complement_without_a_time_takes_the_reporting_verbs_time(nlp):
    doc = nlp("Officials said on Tuesday that rebels attacked the convoy.")
    times = resolve_times(doc, "2016-07-22")
    assert time_for_event(doc, _verb(doc, "attack"), times).text == "Tuesday"


def test_promised_event_does_not_take_the_date_of_the_promise(nlp):
    doc = nlp('"We will sign the deal," the minister said on Tuesday.')
    times = resolve_times(doc, "2016-07-22")
    assert time_for_event(doc, _verb(doc, "say"), times).text == "Tuesday"
    assert time_for_event(doc, _verb(doc, "sign"), times) is None


def test_relative_clause_time_stays_with_its_own_verb(nlp):
    doc = nlp("The talks, which began on Monday, ended without agreement.")
    times = resolve_times(doc, "2016-07-22")
    assert time_for_event(doc, _verb(doc, "begin"), times).text == "Monday"
    assert time_for_event(doc, _verb(doc, "end"), times) is None


def test_coordinated_verb_shares_the_time_of_its_partner(nlp):
    doc = nlp("Rebels attacked the town on Saturday and seized the airport.")
    times = resolve_times(doc, "2016-07-22")
    assert time_for_event(doc, _verb(doc, "seize"), times).text == "Saturday"


def test_time_for_event_without_times_is_none(nlp):
    doc = nlp("Rebels attacked the town.")
    assert time_for_event(doc, 1, []) is None
    assert time_for_event(doc, 1, resolve_times(doc, "2016-07-22")) is None


SUBJECTS = ["Kerry", "The minister", "Rebels", "Officials in Kabul"]
VERBS = ["met Lavrov", "will visit Moscow", "attacked the base", "said talks would resume", "signed a deal"]
WHEN = EXPRESSIONS + ["July 15, 2016", "in March 2011", "on 3 May", "every Monday", "for four years", "at 10 a.m."]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    parts=st.lists(
        st.tuples(st.sampled_from(SUBJECTS), st.sampled_from(VERBS), st.sampled_from(WHEN)), min_size=1, max_size=3
    ),
    published=st.one_of(st.none(), st.dates(dt.date(2000, 1, 1), dt.date(2030, 1, 1)).map(dt.date.isoformat)),
)
def test_every_span_slices_back_and_every_resolved_interval_is_ordered(nlp, parts, published):
    text = " ".join(f"{s} {v} {w}." for s, v, w in parts)
    doc = nlp(text)
    times = resolve_times(doc, published)
    for i, t in enumerate(times, 1):
        assert t.id == f"t{i}"
        assert doc.text[t.span[0]:t.span[1]] == t.text
        if t.resolved:
            assert t.start <= t.end
        else:
            assert t.start is None and t.end is None
            if t.granularity == "duration" and t.value is not None:
                assert re.fullmatch(r"PT?(?:\d+|X)[YMWDHS]", t.value)
            elif t.granularity == "set" and t.value is not None:
                assert t.value == set_value(t.text)
            else:
                assert t.value is None
    for tok in doc:
        found = time_for_event(doc, tok.i, times)
        assert found is None or found in times


def test_now_is_the_publication_day_also_opening_a_sentence_before_a_comma(nlp):
    # TimeML reads a sentence-opening "Now," as the present (PRESENT_REF);
    # "Now that ..." stays a conjunction
    doc = nlp("Twenty women are now in the Senate. Now, the president wants a vote by 2030, aides said. "
              "Now that the vote is over, aides left.")
    got = [(t.text, t.value) for t in resolve_times(doc, "2016-07-22")]
    assert got == [("now", "2016-07-22"), ("Now", "2016-07-22"), ("2030", "2030")]


@pytest.mark.parametrize("text,value", [
    ("five years", "P5Y"), ("90 days", "P90D"), ("a week", "P1W"), ("three-month", "P3M"),
    ("almost seven years", "P7Y"), ("a decade", "P10Y"), ("two centuries", "P200Y"), ("An hour", "PT1H"),
    ("a mere 24 hours", "PT24H"), ("minutes", "PTXM"), ("the past several months", "PXM"),
    ("recent weeks", "PXW"), ("years", "PXY"), ("twenty-five years", "P25Y"), ("five years'", "P5Y"),
])
def test_duration_value_is_the_iso_length(text, value):
    from dateline.resolve.times_duration import duration_value

    assert duration_value(text) == value


@pytest.mark.parametrize("text", ["the day", "two and a half years", "1.5 years", "the following decade", "July"])
def test_duration_value_none_without_a_whole_length(text):
    from dateline.resolve.times_duration import duration_value

    assert duration_value(text) is None


def test_durations_keep_their_length_but_stay_unresolved(nlp):
    doc = nlp("The season started about a month earlier than usual. He served 18 months in prison. "
              "An hour before the vote, talks collapsed.")
    got = {t.text: t for t in resolve_times(doc, "2013-03-22")}
    early = got["about a month earlier"]
    assert (early.value, early.granularity, early.resolved, early.start) == ("P1M", "duration", False, None)
    assert got["18 months"].value == "P18M" and not got["18 months"].resolved
    assert got["An hour"].value == "PT1H"


def test_part_of_a_bare_year_follows_the_clause_tense():
    pub = dt.date(2013, 3, 22)
    assert normalize("the end of year", pub, tense="past").value == "2012-09-01/2012-12-31"
    assert normalize("the end of the year", pub, tense="future").value == "2013-09-01/2013-12-31"
    assert normalize("the end of the month", pub, tense="past").value == "2013-03-21/2013-03-31"
    assert normalize("this fiscal year", pub).value == "2013"
