"""US local news: wording cues, county names inside longer names, the article's
dominant state, named states and small namesakes, provinces (real md model)."""

from __future__ import annotations

from dateline.resolve.gazetteer import load_gazetteer
from dateline.resolve.places import find_toponyms
from dateline.resolve.places_near import dominant_state, us_local_text


def _entries(nlp, text, dateline=None):
    """The gazetteer entry of each toponym found in ``text``, by its text."""
    return {t.text: t.entry for t in find_toponyms(nlp(text), dateline=dateline)}


def test_us_local_wording_needs_two_kinds_of_cue():
    assert us_local_text("The Sheriff's Office said the fire at 1935 Orchard St. was set.")
    assert us_local_text("The City Council meets at 7 p.m. on Tuesday.")
    assert not us_local_text("The council meets on Tuesday.")
    assert not us_local_text("The Sheriff said nothing.")  # one kind only
    # a county council is British local government, not a US county
    assert not us_local_text("Kent County Council said the road at 10 p.m. was shut.")


def test_us_local_wording_makes_a_us_town_outweigh_a_foreign_city(nlp):
    text = ("The Mansfield City Council will vote on the financing package today. "
            "The council meeting is at 7 p.m. at City Hall, 1200 E. Broad St. in Mansfield.")
    assert _entries(nlp, text)["Mansfield"].country == "USA"
    # without such wording the bigger English town keeps the name
    plain = "Fans travelled to Mansfield for the match, and the team lost in Mansfield again."
    assert _entries(nlp, plain)["Mansfield"].country == "GBR"


def test_us_local_wording_does_not_override_a_named_country(nlp):
    text = ("The City Council met at 7 p.m. to hear about the sister-city trip to Paris. "
            "The mayor said the delegation would spend $4,000 in France and visit Paris for three days.")
    assert _entries(nlp, text)["Paris"].country == "FRA"


def test_abbreviated_county_and_split_abbreviation_in_a_dateline(nlp):
    gz = load_gazetteer()
    assert {c.entry.admin1 for c in gz.lookup("Plymouth Co.")} >= {"IA", "MA"}
    assert all(c.entry.feature_class == "admin2" for c in gz.lookup("Clay Co"))
    text = "ST. PARIS - The village council met on Monday to discuss the fire that killed four children."
    found = find_toponyms(nlp(text))
    st_paris = [t for t in found if t.span[0] == 0]
    assert st_paris and st_paris[0].text == "ST. PARIS" and st_paris[0].entry.name == "Saint Paris"


def test_county_named_in_full_inside_an_organisation_name(nlp):
    text = ("Both the Sheriff's Office and Rapides Parish Fire District 2 investigated the fire. "
            "The woman, of Orchard Street in Alexandria, was arrested.")
    found = _entries(nlp, text)
    assert found["Rapides Parish"].admin1 == "LA"
    # the parish names Louisiana, and its seat lies beside it
    assert found["Alexandria"].country == "USA" and found["Alexandria"].admin1 == "LA"


def test_the_state_most_names_lie_in():
    # three of four names placed in Ohio: Ohio draws the rest
    assert dominant_state({"a": "OH", "b": "OH", "c": "OH", "d": "PA"}, None) == "OH"
    # a name's own placement does not count for it
    assert dominant_state({"a": "OH", "b": "OH", "c": "OH", "d": "PA"}, "a") is None
    # two names are too few, and a split article has no dominant state
    assert dominant_state({"a": "OH", "b": "OH"}, None) is None
    assert dominant_state({"a": "OH", "b": "OH", "c": "OH", "d": "PA", "e": "PA", "f": "PA"}, None) is None


def test_the_dominant_state_draws_an_ambiguous_town(nlp):
    text = ("Deputies from Antelope County and Knox County searched farms near Creighton and Plainview "
            "on Tuesday. The suspect was later arrested in Wakefield.")
    assert _entries(nlp, text)["Wakefield"].admin1 == "NE"


def test_a_named_state_does_not_lift_a_tiny_namesake_over_a_big_city(nlp):
    # "Atlanta" beside "Texas" and "Illinois" is still the Georgia city, not a Texas town of 5,000
    text = ("Delegates from Texas and Illinois flew to Atlanta for the convention. "
            "The Atlanta meeting drew 2,000 people, organisers in Texas said.")
    assert _entries(nlp, text)["Atlanta"].admin1 == "GA"


def test_a_province_beside_its_cities_is_the_province(nlp):
    # US cities named too make both countries "local"; the province keeps its name
    text = ("Ontario's education minister said Friday that school boards must share space. "
            "Trustees in Toronto objected, and visitors from Houston and Dallas watched. "
            "Ontario will write the rules.")
    ontario = _entries(nlp, text)["Ontario"]
    assert ontario.country == "CAN" and ontario.feature_class == "admin1"
