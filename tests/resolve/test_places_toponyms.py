"""find_toponyms roles, the larger gazetteer (towns, counties), local context and datelines (real md model)."""

from __future__ import annotations

import pytest

from dateline.clean.dateline import find_dateline
from dateline.resolve.gazetteer import load_gazetteer
from dateline.resolve.places import dateline_place, find_toponyms, resolve_places


def _roles(toponyms):
    return {(t.text, t.role) for t in toponyms}


def test_gazetteer_has_small_towns_and_counties_that_match_only_as_written():
    gz = load_gazetteer()
    grove = [c.entry for c in gz.lookup("Grovetown")]
    assert grove and all(e.country == "USA" and e.admin1 == "GA" for e in grove)
    assert gz.lookup("grovetown") == []  # small towns match as written (or in capitals) only
    assert gz.lookup("GROVETOWN")
    counties = {c.entry.admin1: c.entry for c in gz.lookup("Henderson County")}
    assert {"TX", "KY", "NC"} <= set(counties) and counties["TX"].feature_class == "admin2"
    assert gz.demonyms["french"] == "FRA" and gz.demonyms["chinese"] == "CHN"


def test_toponym_roles_literal_actor_embedded_demonym(nlp):
    doc = nlp("Washington said on Monday that Sudanese troops had crossed into Chad. "
              "The Minnesota Department of Transportation closed roads near Fargo.")
    roles = _roles(find_toponyms(doc, demonyms=True))
    assert ("Washington", "actor") in roles
    assert ("Sudanese", "demonym") in roles
    assert ("Chad", "literal") in roles
    assert ("Minnesota", "embedded") in roles
    assert ("Fargo", "literal") in roles
    # resolve_places keeps the locations only
    names = {p.name for p in resolve_places(doc)}
    assert {"Chad", "Fargo"} <= names and "Minnesota" not in names and "Washington" not in names


def test_county_and_small_town_follow_their_state(nlp):
    doc = nlp("Deputies in Henderson County, Texas, arrested a man who lives in Athens, Texas.")
    by = {t.text: t.entry for t in find_toponyms(doc)}
    assert by["Henderson County"].admin1 == "TX" and by["Henderson County"].feature_class == "admin2"
    assert by["Athens"].country == "USA" and by["Athens"].admin1 == "TX"


def test_towns_of_an_article_that_never_names_its_state_vote_for_one(nlp):
    got = {t.text: t.entry for t in find_toponyms(nlp(
        "Police in Decatur said the suspect was caught in Springfield and taken to Champaign."))}
    assert {got[n].admin1 for n in ("Decatur", "Springfield", "Champaign")} == {"IL"}
    got = {t.text: t.entry for t in find_toponyms(nlp(
        "Police in Decatur said the suspect fled toward Lithonia and was caught in Stone Mountain."))}
    assert got["Decatur"].admin1 == "GA" and got["Stone Mountain"].admin1 == "GA"


def test_places_inside_one_country_make_a_namesake_local(nlp):
    doc = nlp("Flood water rose in Fargo and Moorhead on Monday. Volunteers from Alexandria "
              "joined sandbagging crews in Fargo.")
    alex = next(t.entry for t in find_toponyms(doc) if t.text == "Alexandria")
    assert alex.country == "USA"
    doc = nlp("Protesters gathered in Alexandria and Cairo on Friday.")
    alex = next(t.entry for t in find_toponyms(doc) if t.text == "Alexandria")
    assert alex.country == "EGY"


def test_dateline_place_is_read_and_exposed(nlp):
    text = "BEIRUT, March 3 - Syrian government forces shelled rebel positions near Aleppo on Tuesday."
    doc = nlp(text)
    span = find_dateline(text)
    assert span is not None
    places = resolve_places(doc, span)
    filed = dateline_place(places, span)
    assert filed is not None and filed.name == "Beirut" and filed.country == "LBN"
    assert any(s < span[1] for s, _ in filed.mentions)
    assert {"Beirut", "Aleppo"} <= {p.name for p in places}
    assert dateline_place(places, None) is None


def test_dateline_city_and_country_resolve_together(nlp):
    text = "VIENNA, Austria - Foreign ministers met for a second day of talks on Syria."
    doc = nlp(text)
    span = find_dateline(text)
    places = resolve_places(doc, span)
    filed = dateline_place(places, span)
    assert filed.name == "Vienna" and filed.country == "AUT" and filed.feature_class == "city"
