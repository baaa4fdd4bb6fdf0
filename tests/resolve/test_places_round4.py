"""Places, round 4: British local wording, US wording cues, names that
contain another name (real md model)."""

from __future__ import annotations

from dateline.resolve.places import find_toponyms
from dateline.resolve.places_near import gb_local_text


def _entries(nlp, text):
    """The gazetteer entry of each toponym found in ``text``, by its text."""
    return {t.text: t.entry for t in find_toponyms(nlp(text))}


def test_british_wording_needs_two_kinds_and_no_us_cue():
    assert gb_local_text("Councillor Jane Hill said the bins cost \u00a31.40 each.")
    assert gb_local_text("Mr Hughes was attacked at 4.15am near the town centre.")
    assert not gb_local_text("Mr Hughes was attacked near the town.")  # one kind only
    # a US cue (a sheriff) rules British wording out
    assert not gb_local_text("Mr Hughes told the Sheriff the bins cost \u00a31.40.")


def test_british_wording_makes_a_british_town_outweigh_an_american_namesake(nlp):
    text = ("Mr Smith said the new centre in Richmond would open next month "
            "after the council approved \u00a32m for the work.")
    richmond = _entries(nlp, text)["Richmond"]
    assert richmond.country == "GBR"
    # without such wording the bigger American city keeps the name
    plain = "The new library in Richmond will open next month, officials said."
    assert _entries(nlp, plain)["Richmond"].country == "USA"


def test_british_wording_leaves_a_capital_or_a_far_bigger_city_abroad(nlp):
    text = "Mr Brown, a councillor, said the colour scheme of the Wellington library was his favourite."
    assert _entries(nlp, text)["Wellington"].country == "NZL"
    text = "Mr Smith said the new centre in Perth would open on Monday, and the programme was ready."
    assert _entries(nlp, text)["Perth"].country == "AUS"


def test_british_wording_does_not_override_a_named_country(nlp):
    text = ("Mr Smith said the centre would open in Richmond, Virginia, and the programme "
            "would cost \u00a32m, the council said.")
    assert _entries(nlp, text)["Richmond"].admin1 == "VA"


def test_a_name_written_with_city_is_no_evidence_for_itself(nlp):
    # "Dublin City" (an Irish name) does not make "Dublin" Irish in US local wording
    text = ("Dublin City Council members met at 7 p.m. on Monday. The Sheriff said "
            "Dublin's budget for road repairs would not change this year.")
    found = find_toponyms(nlp(text))
    dublin = [t.entry for t in found if t.text == "Dublin"]
    assert dublin and dublin[0].country == "USA"


def test_a_city_council_opens_with_its_town(nlp):
    text = ("San Fernando City Councilwoman Nury Martinez said the measure lost in Los Angeles. "
            "The city council meets at 7 p.m.; the plan would have cost $3 million.")
    entries = _entries(nlp, text)
    assert entries["San Fernando City"].country == "USA" and entries["San Fernando City"].admin1 == "CA"
