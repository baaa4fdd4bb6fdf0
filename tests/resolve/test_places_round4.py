"""Places, round 4: British local wording (a UK-only kind required, no lift
over a namesake whose country the story names), names that contain another
name (real md model).

Every story here is invented for the test; none comes from a gold set."""

from __future__ import annotations

from dateline.resolve.gazetteer import load_gazetteer
from dateline.resolve.places import find_toponyms
from dateline.resolve.places_near import dominant_country
from dateline.resolve.places_wording import gb_local_text
from place_entries import entries as _entries


def test_british_wording_needs_a_uk_only_kind_and_no_us_cue():
    assert gb_local_text("Ms Okafor, a Tory councillor, said the depot would open in spring.")
    assert gb_local_text("The NHS trust will spend \u00a34m on the ward, Mr Quayle said.")
    # spelling, honorifics and school words are Commonwealth-wide
    assert not gb_local_text("Mr Modi said the defence programme would be reviewed.")
    assert not gb_local_text("Mr Brown said the centre would open, and pupils would move in.")
    assert not gb_local_text("The NHS said little.")  # one kind only
    # a US cue (a dollar sum) rules British wording out
    assert not gb_local_text("Mr Hale said the \u00a33m deal, about $4m, would close.")


def test_british_wording_makes_a_british_town_outweigh_a_bigger_namesake(nlp):
    text = ("Mr Hale, a Tory councillor, said the NHS clinic by the bridge in Windsor would cost "
            "\u00a33m and open in spring.")
    assert _entries(nlp, text)["Windsor"].country == "GBR"
    # without such wording the bigger Canadian city keeps the name
    plain = "Commuters crossed the bridge in Windsor again on Monday, a spokeswoman said."
    assert _entries(nlp, plain)["Windsor"].country == "CAN"


def test_commonwealth_wording_keeps_commonwealth_towns(nlp):
    text = ("Mr Brown said the aquatic centre in Launceston would reopen in March, and pupils from "
            "three primary schools would use it for swimming lessons.")
    assert _entries(nlp, text)["Launceston"].country == "AUS"
    text = ("Ms Jones said the programme for pupils in Hamilton would expand next term, and the "
            "council agreed to fund a new centre.")
    assert _entries(nlp, text)["Hamilton"].country != "GBR"


def test_british_wording_leaves_a_capital_abroad(nlp):
    text = "Mr Brown, a Tory councillor, said the \u00a31m library in Wellington would open in June."
    assert _entries(nlp, text)["Wellington"].country == "NZL"


def test_british_wording_does_not_override_a_named_country(nlp):
    text = ("Ms Kaur said the NHS would pay \u00a32m to the plant in Hamilton, a big food maker "
            "in Canada.")
    assert _entries(nlp, text)["Hamilton"].country == "CAN"


def test_a_name_written_with_city_is_no_evidence_for_itself(nlp):
    # "Dublin City" (an Irish name) does not make "Dublin" Irish in US local wording
    text = ("The Dublin City Schools board approved a new bus depot on Tuesday. Sheriff's deputies "
            "said traffic on Interstate 270 near Dublin would be slow at 6 a.m.")
    dublin = [t.entry for t in find_toponyms(nlp(text)) if t.text == "Dublin"]
    assert dublin and all(e.country == "USA" for e in dublin)


def test_a_city_council_opens_with_its_town(nlp):
    # "Santa Rosa City" is a Philippine city's name; beside Sacramento it is the Californian town
    text = "Santa Rosa City Councilman Abel Ortiz told reporters in Sacramento that the housing vote had failed."
    entries = _entries(nlp, text)
    assert entries["Santa Rosa City"].country == "USA" and entries["Santa Rosa City"].admin1 == "CA"


def test_a_country_name_points_to_the_country_over_namesake_hamlets():
    # "Canada" also matches Mexican hamlets spelled "Cañada"; the name still names Canada
    gz = load_gazetteer()
    assert dominant_country([c.entry for c in gz.lookup("Canada") if c.primary]) == "CAN"
