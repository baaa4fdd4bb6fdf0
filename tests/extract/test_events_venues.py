"""Venues are not targets (extract/events_venue.py, review4 2.1-2.4): probes on
invented sentences (checked: no run of four words shared with the plover-gsr,
petrarch2 or petr2-gsr gold texts).  The first six failed at e3e1455, the
next two guard what the rule keeps; the last (accepted content) failed at
b1fb6cd."""

from __future__ import annotations

from event_rows import coded as events
from event_rows import typed


def test_a_rejection_voiced_at_a_briefing_abroad_is_not_aimed_at_the_host():
    evs = events("The Iranian foreign minister rejected the plan at a press briefing in Vienna.")
    assert typed(evs, "REJECT") and all(t != "AUT" for _, t in typed(evs, "REJECT")), evs


def test_a_condemnation_in_a_speech_abroad_is_not_aimed_at_the_host():
    evs = events("The Russian president condemned the embargo during an address in Berlin.")
    assert typed(evs, "ACCUSE") and all(t != "DEU" for _, t in typed(evs, "ACCUSE")), evs


def test_an_as_clause_is_a_time_not_the_place_of_the_attack():
    evs = events("Insurgents raided a police station as the prime minister was meeting donors in Brussels.")
    assert typed(evs, "ASSAULT") and all(t != "BEL" for _, t in typed(evs, "ASSAULT")), evs


def test_the_venue_of_a_refused_summit_is_not_the_refusals_target():
    evs = events("Cuba refused to attend the conference in Bogota.")
    assert typed(evs, "REJECT") and all(t != "COL" for _, t in typed(evs, "REJECT")), evs


def test_a_city_visited_to_complain_is_not_the_party_complained_to():
    evs = events("A Syrian envoy toured Madrid last week to complain about the embargo.")
    assert typed(evs, "ACCUSE") and all(t != "ESP" for _, t in typed(evs, "ACCUSE")), evs


def test_an_envoy_called_in_to_complain_is_the_party_complained_to():
    evs = events("Kenya called in the Ugandan envoy to complain about cattle raids along the border.")
    assert ("KEN", "UGA") in typed(evs, "ACCUSE"), evs


def test_a_place_on_what_is_condemned_still_aims_the_act():
    evs = events("Nigeria condemned the burning of villages in Cameroon at a summit in Accra.")
    assert ("NGA", "CMR") in typed(evs, "ACCUSE"), evs


def test_asylum_sought_in_a_country_is_asked_of_it():
    evs = events("Hundreds of Afghan families sought asylum in Norway last year.")
    assert ("AFG", "NOR") in typed(evs, "REQUEST"), evs



def test_what_is_accepted_is_not_coded_as_done():
    evs = events("Ecuador has accepted mediation by Brazil in the river quarrel.")
    assert typed(evs, "CONCEDE") and not typed(evs, "CONSULT"), evs
