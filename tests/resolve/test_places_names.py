"""Place names under their other spellings, and states named by their own name."""

from __future__ import annotations

from dateline.resolve.gazetteer import load_gazetteer
from dateline.resolve.places import find_toponyms
from dateline.resolve.places_find import named_us_state


def _primary(name: str) -> set[tuple[str, str | None]]:
    return {(c.entry.country, c.entry.admin1) for c in load_gazetteer().lookup(name) if c.primary}


def test_abbreviated_first_words_find_the_spelled_out_names():
    assert ("USA", "OH") in _primary("St. Paris")
    assert ("USA", "OH") in _primary("ST. PARIS")
    assert ("USA", "TX") in _primary("Ft. Worth")
    assert ("USA", "IA") in _primary("Mt. Pleasant")
    # a missing period is the same word: St. Louis, Missouri stays a primary name
    assert ("USA", "MO") in _primary("St Louis")
    assert load_gazetteer().lookup("St.") == load_gazetteer()._lookup_exact("St.")


def test_a_state_is_named_by_its_own_name_whatever_towns_share_it():
    gz = load_gazetteer()
    assert named_us_state(gz.lookup("Virginia")) == "VA"
    assert named_us_state(gz.lookup("Georgia")) is None  # also a country
    assert named_us_state(gz.lookup("Washington")) is None  # also a city of 500,000
    assert named_us_state(gz.lookup("Dallas")) is None


def test_a_town_in_a_named_state_beats_a_repeated_name_elsewhere(nlp):
    got = {t.text: t.entry for t in find_toponyms(nlp(
        "Storms hit Virginia and Maryland on Sunday, and a man from Richmond said his roof was torn off."))}
    assert got["Richmond"].admin1 == "VA"
