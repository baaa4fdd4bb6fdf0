"""Places, round 6: a named rival country stops the US state votes, a list
of countries is not a "City, Country" pair, counties of Britain and
Ireland, "Town, County" pairs, state abbreviations split by the tokenizer
(real md model).

Every story here is invented for the test; none comes from a gold set."""

from __future__ import annotations

from dateline.resolve.gazetteer import load_gazetteer
from place_entries import entries as _entries


def test_state_votes_do_not_outweigh_a_named_rival_country(nlp):
    text = ("Wayne County commissioners met in Wooster on Monday with trucking firms from Canton and "
            "Massillon. The firms said a new route to Toronto would cut costs, and trade with Canada "
            "has grown each year.")
    got = _entries(nlp, text)
    assert got["Toronto"].country == "CAN"
    assert got["Wooster"].admin1 == "OH"  # the Ohio towns stay in Ohio
    # without Canada named, the Ohio village of that name may take the votes;
    # the rule only stops them when the bigger namesake's country is named


def test_a_list_of_countries_is_not_a_city_and_its_country(nlp):
    text = "Exports of soybeans to China, Japan and South Korea rose in the first quarter, the ministry said."
    got = _entries(nlp, text)
    assert got["China"].feature_class == "country" and got["China"].country == "CHN"
    assert got["Japan"].country == "JPN"


def test_british_and_irish_counties_are_in_the_gazetteer():
    gz = load_gazetteer()
    for name, iso in (("Hampshire", "GBR"), ("Fife", "GBR"), ("Powys", "GBR"), ("County Kerry", "IRL"),
                      ("Co. Donegal", "IRL"), ("County Antrim", "GBR")):
        assert any(c.entry.feature_class == "admin2" and c.entry.country == iso for c in gz.lookup(name)), name
    # a county shares the first-level code of its towns, so it pairs with them
    hants = next(c.entry for c in gz.lookup("Hampshire") if c.entry.country == "GBR")
    assert hants.admin1 == "ENG"


def test_a_county_beside_its_towns_is_the_british_county(nlp):
    text = ("Flooding closed roads across Hampshire and Dorset on Sunday, and trains from Southampton "
            "to Bournemouth were cancelled.")
    got = _entries(nlp, text)
    assert got["Hampshire"].country == "GBR" and got["Hampshire"].feature_class == "admin2"


def test_town_county_pair_fixes_both(nlp):
    got = _entries(nlp, "The vaccine laboratory near Guildford, Surrey, reported no new cases on Friday.")
    assert got["Guildford"].country == "GBR"
    assert got["Surrey"].country == "GBR" and got["Surrey"].feature_class == "admin2"
    # the Canadian city keeps the name where nothing points to England
    plain = _entries(nlp, "Commuters in Surrey waited for the SkyTrain to Vancouver on Monday.")
    assert plain["Surrey"].country == "CAN"


def test_state_abbreviations_split_by_the_tokenizer(nlp):
    got = _entries(nlp, "A woman from Bethel, Vt., was charged after the crash, police said.")
    assert any(e.feature_class == "admin1" and e.admin1 == "VT" for e in got.values())
    gz = load_gazetteer()
    assert any(c.entry.admin1 == "WV" for c in gz.lookup("W. Va."))  # spaced as well as "W.Va."


def test_places_across_a_country_do_not_make_a_village_of_a_world_city(nlp):
    text = ("Officials in Washington and New York expect the talks in London to resume "
            "after the summer, and Chicago traders welcomed the news.")
    assert _entries(nlp, text)["London"].country == "GBR"
    # the village keeps its name when its own state is named
    local = ("The festival in London, a town in Madison County, Ohio, drew 4,000 visitors, and Columbus "
             "sent police.")
    assert _entries(nlp, local)["London"].admin1 == "OH"


def test_a_name_written_with_city_is_the_same_place_as_the_name(nlp):
    text = ("Voters in Alexandria City and nearby Mount Vernon backed the school levy, and Alexandria will "
            "hire twelve teachers.")
    got = _entries(nlp, text)
    assert got["Alexandria"].country == "USA"
    assert got["Alexandria City"].id == got["Alexandria"].id
