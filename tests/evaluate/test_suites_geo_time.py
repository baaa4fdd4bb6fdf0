"""Geo and time suites: the scoring functions, and a short real run on each gold set."""

from __future__ import annotations

import datetime as dt

import pytest

from shared_data import SHARED, need_shared
from dateline.evaluate.suite_geo import _align, auc_of_errors, haversine_km
from dateline.evaluate.suite_time import _window_is, gold_interval


def test_haversine_and_auc():
    assert haversine_km(0, 0, 0, 0) == 0
    assert 950 < haversine_km(48.21, 16.37, 55.75, 37.62) < 1700  # Vienna-Moscow ~1,670 km
    assert abs(haversine_km(48.21, 16.37, 55.75, 37.62) - 1670) < 30
    assert auc_of_errors([0, 0, 0]) == 0
    assert abs(auc_of_errors([20039, 20039]) - 1) < 1e-9
    assert 0 < auc_of_errors([0, 100, 1000]) < 1


def test_align_finds_the_phrase_near_a_shifted_offset():
    text = "farm in Pandi, Bulacan"
    assert _align(text, "Pandi", 9, 14) == (8, 13)
    assert _align(text, "Pandi", 8, 13) == (8, 13)


def test_gold_interval_reads_timex3_values():
    dct = dt.date(2013, 3, 22)
    assert gold_interval("2013-03-22", dct) == (dct, dct)
    assert gold_interval("2013-03", dct) == (dt.date(2013, 3, 1), dt.date(2013, 3, 31))
    assert gold_interval("2013-W12", dct) == (dt.date(2013, 3, 18), dt.date(2013, 3, 24))
    assert gold_interval("PRESENT_REF", dct) == (dct, dct)
    assert gold_interval("199X", dct) == (dt.date(1990, 1, 1), dt.date(1999, 12, 31))
    assert gold_interval("P3Y", dct) is None


@pytest.mark.parametrize("suite", ["lgl", "tr-news", "geowebnews", "geovirus"])
def test_geo_suite_runs_on_its_gold_set(suite):
    need_shared(SHARED / "data")
    from dateline.evaluate import run_suite

    r = run_suite(suite, shared=SHARED, limit=3)
    assert r["documents"] == 3 and r["gold_toponyms"] > 0
    for k in ("toponym_precision", "toponym_recall", "toponym_f1", "acc_161km", "auc"):
        assert 0 <= r[k] <= 1, (k, r[k])
    assert r["toponym_f1"] > 0.3 and r["resolved"] > 0
    assert set(r["details"]) == {"missed", "spurious", "farthest"}


def test_tempeval3_suite_runs():
    need_shared(SHARED / "data" / "tempeval3")
    from dateline.evaluate import run_suite

    r = run_suite("tempeval3", shared=SHARED, limit=3)
    assert r["documents"] == 3 and r["gold_timex"] > 0
    assert 0 < r["timex_relaxed_f1"] <= 1 and r["timex_strict_f1"] <= r["timex_relaxed_f1"]
    assert 0 <= r["value_f1"] <= r["timex_relaxed_f1"]


def test_a_window_up_to_the_creation_day_is_the_gold_duration_of_its_length():
    dct = dt.date(2013, 3, 22)
    assert _window_is("P2Y", dt.date(2011, 3, 23), dct, dct)
    assert _window_is("P14D", dt.date(2013, 3, 9), dct, dct)
    assert not _window_is("P3Y", dt.date(2011, 3, 23), dct, dct)
    assert not _window_is("P1Y", dt.date(2012, 1, 1), dt.date(2012, 12, 31), dct)  # a calendar year is no window
