"""Plural coreference: "the two sides" and its kin become a dyad actor."""

from __future__ import annotations

import pytest

from dateline.resolve.actors import resolve_actors


def dyads(text, actors):
    return {text[s:e]: a for a in actors if a.kind == "dyad" for s, e in a.mentions}


def test_the_two_sides_after_a_meeting_is_the_two_ministers(nlp):
    text = ("US Secretary of State John Kerry met Russian Foreign Minister Sergei Lavrov in Geneva on "
            "Friday. The two sides agreed to work on a ceasefire.")
    found = dyads(text, resolve_actors(nlp(text), "2016-09-10"))
    d = found["two sides"]
    assert d.name == "John Kerry and Sergei Lavrov" and d.ref == "dyad:kerry_john|lavrov_sergei"
    assert d.country is None and d.code is None


def test_both_countries_takes_countries_not_people(nlp):
    text = "Russia and Turkey signed a deal on Idlib. Both countries will patrol the zone, Putin said."
    found = dyads(text, resolve_actors(nlp(text), "2018-09-18"))
    assert found["Both countries"].ref == "dyad:RUS|TUR"


def test_two_sides_pairs_a_state_and_an_armed_group(nlp):
    text = "Israel and Hamas exchanged fire overnight. The two sides have fought four wars since 2008."
    found = dyads(text, resolve_actors(nlp(text), "2021-05-12"))
    assert found["two sides"].name == "Israel and Hamas"


def test_both_sides_of_the_border_and_lone_party_are_not_dyads(nlp):
    for text in ("Fighting continued on both sides of the border near Aleppo.",
                 "Turkey said the two sides should talk."):
        assert not dyads(text, resolve_actors(nlp(text), "2018-09-18")), text
