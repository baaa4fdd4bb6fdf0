"""Spatial context, county points, names inside longer names, city-named states (real md model)."""

from __future__ import annotations

from dateline.resolve.gazetteer import Entry, load_gazetteer
from dateline.resolve.places import find_toponyms
from dateline.resolve.places_near import dominant_country, nearness
from dateline.evaluate.suite_geo import haversine_km
from place_entries import entries as _entries


def _town(eid, lat, lon, pop=5_000, cls="city", country="USA", admin1="TN"):
    return Entry(eid, eid, country, admin1, lat, lon, cls, pop)


def test_county_points_come_from_the_county_table_not_a_namesake_town():
    gz = load_gazetteer()
    henry = {c.entry.admin1: c.entry for c in gz.lookup("Henry County")}
    # Henry County, Tennessee surrounds Paris, Tennessee (36.30, -88.33)
    assert haversine_km(henry["TN"].lat, henry["TN"].lon, 36.30, -88.33) < 40
    harris = next(c.entry for c in gz.lookup("Harris County") if c.entry.admin1 == "TX")
    assert haversine_km(harris.lat, harris.lon, 29.76, -95.37) < 50  # Houston lies in it


def test_nearness_favours_the_namesake_beside_the_other_names():
    paris_tn, paris_tx = _town("paris-tn", 36.30, -88.33), _town("paris-tx", 33.66, -95.56, admin1="TX")
    county_tn = _town("henry-tn", 36.33, -88.32, cls="admin2")
    county_va = _town("henry-va", 36.68, -79.87, cls="admin2", admin1="VA")
    near = nearness({"paris": [paris_tn, paris_tx], "henry county": [county_tn, county_va]})
    assert near[("paris", "paris-tn")] == 1.0 and ("paris", "paris-tx") not in near
    # a name with a big namesake lends nothing before a first pass has chosen
    big = _town("paris-fr", 48.85, 2.35, pop=2_000_000, country="FRA", admin1="11")
    near = nearness({"paris": [paris_tn, big], "henry county": [county_tn, county_va]})
    assert ("henry county", "henry-tn") not in near
    near = nearness({"paris": [paris_tn, big], "henry county": [county_tn, county_va]}, {"paris": paris_tn})
    assert near[("henry county", "henry-tn")] == 1.0


def test_dominant_country_of_a_name():
    dallas = _town("dallas-tx", 32.78, -96.8, pop=1_300_000, admin1="TX")
    village = _town("dallas-gb", 57.55, -3.4, pop=300, country="GBR", admin1="SCT")
    assert dominant_country([dallas, village]) == "USA"
    assert dominant_country([_town("a", 1, 1, pop=50_000), _town("b", 2, 2, pop=40_000, country="GBR")]) is None


def test_local_story_places_its_towns_beside_each_other(nlp):
    got = _entries(nlp,
        "The volunteer fire department in Paris asked Henry County commissioners for a new pumper truck.")
    assert got["Paris"].admin1 == "TN" and got["Henry County"].admin1 == "TN"
    got = _entries(nlp,
        "A bakery in Shakopee sent its spare bread to the food shelf in Jordan on Saturday.")
    assert got["Jordan"].country == "USA" and got["Jordan"].admin1 == "MN"


def test_places_inside_longer_names(nlp):
    roles = {(t.text, t.role, t.entry.name) for t in find_toponyms(nlp(
        "Farm co-ops in Northeast Georgia planted early this spring, according to researchers at the "
        "University of Nebraska."))}
    assert ("Georgia", "literal", "Georgia") in roles
    assert ("Nebraska", "embedded", "Nebraska") in roles
    doc = nlp("CHARLESTON, W.Va. -- The state senate passed a budget bill late on Thursday.")
    from dateline.clean.dateline import find_dateline
    names = {t.text: t.entry for t in find_toponyms(doc, dateline=find_dateline(doc.text))}
    wv = [e for k, e in names.items() if k.startswith("W.Va")]
    assert wv and wv[0].admin1 == "WV" and names["CHARLESTON"].admin1 == "WV"


def test_a_state_named_like_a_big_city_is_the_city_unless_written_as_a_state(nlp):
    got = _entries(nlp,
        "Officials in New Jersey and Ohio met lawmakers in Washington on Tuesday.")
    assert got["Washington"].feature_class == "city" and got["Washington"].admin1 == "DC"
    got = _entries(nlp,
        "Farmers in Washington state and Oregon lost crops to the frost.")
    assert got["Washington"].feature_class == "admin1" and got["Washington"].admin1 == "WA"


def test_a_county_named_without_the_word_follows_the_article(nlp):
    got = _entries(nlp,
        "Commissioners in Decatur and Lithonia said DeKalb will repave roads near Stone Mountain.")
    assert got["DeKalb"].admin1 == "GA"


def test_a_province_beside_its_cities_is_the_province(nlp):
    got = _entries(nlp,
        "Flights from Toronto and Ottawa to cities across Ontario resumed; Dallas and Houston flights did too.")
    assert got["Ontario"].feature_class == "admin1" and got["Ontario"].country == "CAN"
