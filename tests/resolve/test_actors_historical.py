"""Historical states: codes, successors, and country words read at the article's date."""

from __future__ import annotations

import pytest

from dateline.resolve.actors import resolve_actors
from dateline.resolve.countries import (
    country_at,
    country_name,
    historical_states,
    lookup_country,
    modern_code,
    successors,
)


def test_historical_states_have_codes_dates_and_successors():
    hs = historical_states()
    for name in ("Soviet Union", "Yugoslavia", "Czechoslovakia", "East Germany", "West Germany",
                 "Serbia and Montenegro"):
        assert name in hs, name
    for h in hs.values():
        assert len(h.code) == 3 and h.code.isupper()
        assert h.start < h.end and h.successors
        assert not h.continuator or h.continuator in h.successors


@pytest.mark.parametrize("word, code", [
    ("Soviet Union", "SUN"), ("USSR", "SUN"), ("Soviet", "SUN"), ("the Soviets", "SUN"),
    ("Yugoslavia", "YUG"), ("Yugoslav", "YUG"), ("Czechoslovakia", "CSK"), ("Czechoslovak", "CSK"),
    ("East Germany", "DDR"), ("East German", "DDR"), ("GDR", "DDR"), ("West Germany", "DEU"),
    ("West German", "DEU"), ("Germany", "DEU"), ("Russia", "RUS"),
])
def test_historical_names_and_demonyms(word, code):
    assert lookup_country(word) == code


def test_successors_and_comparison_codes():
    assert set(successors("SUN")) >= {"RUS", "UKR", "BLR", "KAZ", "EST"} and len(successors("SUN")) == 15
    assert set(successors("YUG")) == {"SVN", "HRV", "BIH", "MKD", "SRB", "MNE", "XKX"}
    assert successors("CSK") == ("CZE", "SVK")
    assert successors("RUS") == ("RUS",)
    assert (modern_code("SUN"), modern_code("DDR"), modern_code("YUG"), modern_code("SCG")) == ("RUS", "DEU", "SRB", "SRB")
    assert modern_code("CSK") is None and modern_code("FRA") == "FRA"
    assert country_name("SUN") == "Soviet Union" and country_name("CSK") == "Czechoslovakia"


@pytest.mark.parametrize("code, date, expected", [
    ("RUS", "1987-06-01", "SUN"), ("RUS", "1991-12-25", "SUN"), ("RUS", "1991-12-26", "RUS"),
    ("SRB", "1999-03-24", "YUG"), ("SRB", "2004-05-01", "SCG"), ("SRB", "2006-06-05", "SRB"),
    ("DEU", "1987-06-01", "DEU"), ("UKR", "1987-06-01", "UKR"), ("RUS", None, "RUS"),
])
def test_country_at_date(code, date, expected):
    assert country_at(code, date) == expected


def test_1987_and_2017_articles_compare_through_successor_codes(nlp):
    old = "Moscow said on Tuesday that Soviet troops would stay. The Kremlin rejected the proposal."
    new = "Moscow said on Tuesday that Russian troops would stay. The Kremlin rejected the proposal."
    a87 = resolve_actors(nlp(old), "1987-06-02")
    a17 = resolve_actors(nlp(new), "2017-06-02")
    codes87 = sorted(a.code for a in a87)
    codes17 = sorted(a.code for a in a17)
    assert codes87 == ["SUNGOV", "SUNMIL"]  # "Moscow said" and "the Kremlin" are both the government
    assert codes17 == ["RUSGOV", "RUSMIL"]
    assert sorted(modern_code(a.country) for a in a87) == sorted(a.country for a in a17)
    mil = next(a for a in a87 if a.code == "SUNMIL")
    assert mil.name == "Soviet military" and mil.kind == "military"


def test_east_german_and_dictionary_people_keep_their_state(nlp):
    text = "East German officials met Soviet leader Mikhail Gorbachev, and Boris Yeltsin spoke later."
    actors = resolve_actors(nlp(text), "1991-08-01")
    codes = {a.name: a.code for a in actors}
    assert codes["East German government"] == "DDRGOV"
    assert codes["Mikhail Gorbachev"] == "SUNGOV"
    assert actors and all(a.country != "RUS" or a.name == "Boris Yeltsin" for a in actors)
