"""Event rules of issue 3's eighth round (which act a clause codes, and where
an attacked object lies): one behaviour each, on invented sentences (checked:
no run of four words shared with the plover-gsr, petrarch2 or petr2-gsr gold
texts)."""

from __future__ import annotations

from event_rows import coded as events
from event_rows import typed


def test_an_object_in_a_country_aims_the_act_at_that_country():
    evs = events("Kenyan gunboats shelled a fishing harbour in Somalia before dawn.")
    assert ("KEN", "SOM") in typed(evs, "ASSAULT"), evs


def test_a_country_word_inside_a_longer_place_name_is_not_that_country():
    evs = events("The British government banned a militant group in Northern Ireland on Monday.")
    assert all(t != "IRL" for _, t in typed(evs, "COERCE")), evs


def test_sworn_to_fight_is_intended_and_coded_as_a_threat():
    evs = events("Chadian insurgents have sworn to attack the army of Sudan.")
    assert evs and all(cameo.startswith("13") and mod == "intended" for _, cameo, _, _, mod in evs), evs


def test_a_protest_that_reports_a_clause_is_a_complaint():
    evs = events("Peru is mistreating Bolivian migrants, the government of Bolivia protested on Monday.")
    assert ("BOL", "PER") in typed(evs, "ACCUSE") and not typed(evs, "PROTEST"), evs


def test_a_staged_protest_stays_a_protest():
    evs = events("Thousands of Chilean students protested against the government of Chile on Monday.")
    assert typed(evs, "PROTEST") and not typed(evs, "ACCUSE"), evs


def test_what_a_party_is_arrested_for_is_not_coded_as_done():
    evs = events("Police in Jordan arrested a Syrian man for spying for Israel.")
    assert not typed(evs, "COOPERATE") and typed(evs, "COERCE"), evs


def test_a_demand_noun_aims_at_the_subject_of_its_that_clause():
    evs = events("The African Union repeated its appeal on Thursday that Sudan free the detained reporters.")
    assert any(t == "SDN" for _, t in typed(evs, "REQUEST")), evs
    assert not typed(evs, "RETREAT"), evs  # the release is asked for, not done


def test_a_possessive_pronoun_on_a_demand_is_the_subject_of_the_verb():
    evs = events("Chile stood by its demand that Peru pull its soldiers back.")
    assert ("CHL", "PER") in typed(evs, "REQUEST"), evs


def test_a_complaint_is_made_to_the_party_summoned():
    evs = events("Kenya summoned Uganda's envoy to complain over cattle raids along the border.")
    assert ("KEN", "UGA") in typed(evs, "ACCUSE"), evs


def test_a_mobilization_aims_at_the_war_it_is_for_and_the_war_is_not_fought():
    evs = events("Norway mobilized its navy for an attack against Russia.")
    assert ("NOR", "RUS") in typed(evs, "MOBILIZE") and not typed(evs, "ASSAULT"), evs
