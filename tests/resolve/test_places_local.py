"""Local news: US wording cues (a US-only kind required, never against a named
country abroad), Commonwealth local stories that keep their own towns, county
names inside longer names, split dateline names, the article's dominant state,
named states and small namesakes, provinces (real md model).

Every story here is invented for the test; none comes from a gold set."""

from __future__ import annotations

from dateline.resolve.gazetteer import load_gazetteer
from dateline.resolve.places import find_toponyms
from dateline.resolve.places_near import dominant_state
from dateline.resolve.places_wording import names_abroad, us_local_text
from place_entries import entries as _entries


def test_us_wording_needs_a_us_only_kind_of_cue():
    assert us_local_text("Sheriff's deputies closed Interstate 80 near Kearney at 4 p.m.")
    assert us_local_text("State Sen. Ada Pruitt (R-Kansas) said the $4 million bridge would wait.")
    # generic kinds alone, however many, are written the same way in Canada,
    # Australia, Kenya or India
    assert not us_local_text("The city council approved $2 million at its 7 p.m. session, the police chief said.")
    assert not us_local_text("Machakos County officials met traders at 10 a.m. over a $2 million market.")
    assert not us_local_text("Traffic on Highway 7 stopped at 9 p.m., according to the fire chief.")
    assert not us_local_text("Sheriff's deputies declined to comment.")  # one kind only
    # a Scottish sheriff court is no US cue
    assert not us_local_text("The Sheriff Court in Inverness heard the case at 2 p.m. for $500.")


def test_a_country_or_province_abroad_is_named():
    gz = load_gazetteer()

    def prim(name):
        return [c.entry for c in gz.lookup(name) if c.primary]

    assert names_abroad([prim("Ohio"), prim("Canada")], "USA")
    assert names_abroad([prim("Ontario")], "USA")  # a province, whatever the California city
    # a country that is also a US state's name does not count
    assert not names_abroad([prim("Georgia"), prim("Ohio")], "USA")


def test_us_wording_lifts_a_us_town_over_a_foreign_namesake(nlp):
    text = ("Sheriff's deputies found the stolen pickup on Interstate 94 near Plymouth shortly "
            "after 3 p.m. on Sunday; the driver spent the night in jail.")
    assert _entries(nlp, text)["Plymouth"].country == "USA"
    # without such wording the bigger English city keeps the name
    plain = "Visitors filled the harbour at Plymouth for the regatta."
    assert _entries(nlp, plain)["Plymouth"].country == "GBR"


def test_us_wording_never_moves_a_town_whose_country_is_named(nlp):
    # a Michigan story in American wording that says Canada: Windsor is Ontario's
    text = ("Sheriff's deputies said the truck, pulled over on Interstate 75 at 9:40 p.m., was headed to "
            "Windsor, the biggest border crossing with Canada.")
    assert _entries(nlp, text)["Windsor"].country == "CAN"
    text = ("Sheriff's deputies escorted the marching band to the airport at 6 a.m., and the students "
            "flew on to Rome for a week. The trip, paid for by parents, cost $3,000 a head in Italy.")
    assert _entries(nlp, text)["Rome"].country == "ITA"


def test_commonwealth_local_stories_keep_their_own_towns(nlp):
    # dollars, "p.m.", a city council and a police chief are not American
    canada = ("Hamilton city council heard at its 6 p.m. session that the $12 million transit garage "
              "would open in spring; the fire chief backed the plan, and Toronto sent two buses.")
    assert _entries(nlp, canada)["Hamilton"].country == "CAN"
    canada = ("The city council in Windsor voted 8-2 on Tuesday to spend $2.4 million on a new arena, "
              "the largest such grant in Ontario this year, and the police chief told the 7 p.m. "
              "meeting that officers would patrol the site.")
    assert _entries(nlp, canada)["Windsor"].country == "CAN"
    australia = ("The Newcastle city council set aside $3 million for the foreshore park, and the mayor "
                 "said works would start at 6 a.m. on Monday to avoid traffic from Sydney.")
    assert _entries(nlp, australia)["Newcastle"].country == "AUS"
    australia = ("Hawkesbury city council said the $4 million bridge at Windsor would reopen after floods, "
                 "and the police chief thanked volunteers at a 5 p.m. briefing held by New South Wales flood crews.")
    assert _entries(nlp, australia)["Windsor"].country == "AUS"
    kenya = ("Machakos County officials said the police chief would meet traders at 10 a.m. in Machakos, "
             "where a $2 million market upgrade has stalled.")
    machakos = [t.entry for t in find_toponyms(nlp(kenya)) if t.text == "Machakos"]
    assert machakos and all(e.country == "KEN" for e in machakos)
    india = ("Hyderabad's city council approved $30 million for storm drains, and the police chief said "
             "the 9 p.m. curfew in the old city would end, Telangana officials said.")
    assert _entries(nlp, india)["Hyderabad"].country == "IND"


def test_abbreviated_county_and_split_name_in_a_dateline(nlp):
    gz = load_gazetteer()
    assert {c.entry.admin1 for c in gz.lookup("Dodge Co.")} >= {"WI", "NE"}
    assert all(c.entry.feature_class == "admin2" for c in gz.lookup("Clay Co"))
    # the model tags only "ATHENS"; the word before it belongs to the name
    text = "NEW ATHENS - Crews repaired the water tower on Saturday."
    found = find_toponyms(nlp(text))
    first = [t for t in found if t.span[0] == 0]
    assert first and first[0].text == "NEW ATHENS" and first[0].entry.country == "USA"


def test_county_named_in_full_inside_an_organisation_name(nlp):
    text = "Tangipahoa Parish School Board members voted on Tuesday to close a school in Hammond."
    found = _entries(nlp, text)
    assert found["Tangipahoa Parish"].admin1 == "LA"
    # the parish names Louisiana, and its Hammond lies inside it
    assert found["Hammond"].country == "USA" and found["Hammond"].admin1 == "LA"


def test_the_state_most_names_lie_in():
    # three of four names placed in Ohio: Ohio draws the rest
    assert dominant_state({"a": "OH", "b": "OH", "c": "OH", "d": "PA"}, None) == "OH"
    # a name's own placement does not count for it
    assert dominant_state({"a": "OH", "b": "OH", "c": "OH", "d": "PA"}, "a") is None
    # two names are too few, and a split article has no dominant state
    assert dominant_state({"a": "OH", "b": "OH"}, None) is None
    assert dominant_state({"a": "OH", "b": "OH", "c": "OH", "d": "PA", "e": "PA", "f": "PA"}, None) is None


def test_the_local_state_draws_an_ambiguous_town(nlp):
    text = ("Riders from Story County and Boone County raced near Ames and Ogden on Friday. "
            "The winner lives in Madrid.")
    assert _entries(nlp, text)["Madrid"].admin1 == "IA"


def test_a_named_state_does_not_lift_a_tiny_namesake_over_a_big_city(nlp):
    # "Atlanta" beside "Texas" and "Illinois" is still the Georgia city, not a Texas town of 5,000
    text = ("Delegates from Texas and Illinois flew to Atlanta for the convention. "
            "The Atlanta meeting drew 2,000 people, organisers in Texas said.")
    assert _entries(nlp, text)["Atlanta"].admin1 == "GA"


def test_a_province_beside_its_cities_is_the_province(nlp):
    # US cities named too make both countries "local"; the province keeps its name
    text = ("Ontario will cap class sizes at 25, the province's premier announced on Monday. "
            "Parents in Ottawa welcomed the cap, and teachers visiting from Phoenix and Denver "
            "followed the debate. Ontario expects to hire 900 teachers.")
    found = find_toponyms(nlp(text))
    ontario = [t.entry for t in found if t.text == "Ontario"]
    assert ontario and all(e.country == "CAN" and e.feature_class == "admin1" for e in ontario)
