"""Group actors that take their country from a modifier or a locative phrase, and
collective pronouns ("Hungary said it ..."), on short synthetic sentences."""

from __future__ import annotations

import pytest

from dateline.resolve.actors import resolve_actors


def codes(nlp, text, date="2010-06-01"):
    return {(a.country, a.sector) for a in resolve_actors(nlp(text), date)}


@pytest.mark.parametrize("text, expected", [
    ("Rebels in Mali seized a garrison town.", ("MLI", "REB")),
    ("Students across Peru marched on Monday.", ("PER", "EDU")),
    ("Opposition parties in Bolivia boycotted the census.", ("BOL", "OPP")),
    ("Security forces in Togo dispersed the marchers.", ("TGO", "MIL")),  # CAMEO SECURITY_FORCE [~MIL]
    ("Crowds of people in Macau gathered outside the casino.", ("MAC", "CVL")),
    ("Syrian officers detained the men.", ("SYR", "MIL")),
    ("French warships escorted the convoy.", ("FRA", "MIL")),
])
def test_group_takes_the_country_of_its_adjective_or_locative(nlp, text, expected):
    assert expected in codes(nlp, text)


def test_troops_in_a_country_are_not_that_countrys_troops(nlp):
    # soldiers are often abroad: "in Syria" says where, not whose
    assert ("SYR", "MIL") not in codes(nlp, "Troops in Syria shelled the town.")
    assert ("RUS", "MIL") in codes(nlp, "Russian troops in Syria shelled the town.")


@pytest.mark.parametrize("text, word, expected", [
    ("Slovenia has announced it will back the proposal.", "it", "SVN"),
    ("Morocco said it would let the monitors stay.", "it", "MAR"),
    ("The Malian rebels said they would free the captured soldiers.", "they", "MLI"),
])
def test_it_and_they_under_a_collective_speaker(nlp, text, word, expected):
    start = text.index(f" {word} ") + 1
    actors = resolve_actors(nlp(text), "2010-06-01")
    hit = [a for a in actors if (start, start + len(word)) in a.mentions]
    assert hit and hit[0].country == expected


def test_it_under_a_person_speaker_stays_unresolved(nlp):
    text = "The minister said it was a mistake."
    start = text.index(" it ") + 1
    actors = resolve_actors(nlp(text), "2010-06-01")
    assert not [a for a in actors if (start, start + 2) in a.mentions]
