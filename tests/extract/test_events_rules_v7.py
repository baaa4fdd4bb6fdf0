"""Event rules of issue 3's seventh round (where an act with no named target is
aimed): one behaviour each, on invented sentences (checked: no run of four
words shared with the plover-gsr, petrarch2 or petr2-gsr gold texts)."""

from __future__ import annotations

from event_rows import coded as events
from event_rows import typed


def test_a_refusal_aims_where_the_refused_act_would_have():
    evs = events("Denmark will not agree to base its fighter jets in Lithuania, the Danish cabinet said.")
    assert ("DNK", "LTU") in typed(evs, "REJECT"), evs


def test_a_threat_aims_at_the_place_of_the_threatened_act():
    evs = events("The Kenyan army threatened to launch air strikes in Somalia.")
    assert any(s == "KEN" and t == "SOM" for s, t in typed(evs, "THREATEN")), evs


def test_a_promise_to_meet_somewhere_does_not_target_the_venue():
    evs = events("Chile agreed on Monday to meet in Geneva next month.")
    assert all(t != "CHE" for _, t in typed(evs, "AGREE")), evs


def test_an_attack_is_placed_by_the_clause_that_describes_it():
    evs = events("Gunmen wounded a dozen shoppers when they sprayed bullets across a market in Maiduguri.")
    assert any(t == "NGA" for _, t in typed(evs, "ASSAULT")), evs


def test_forces_a_state_leads_act_as_its_military():
    evs = events("French-led troops bombed insurgent camps in Mali overnight.")
    assert any(s == "FRA" for s, _ in typed(evs, "ASSAULT")), evs


def test_forces_a_state_backs_are_not_its_own():
    evs = events("Turkish-backed fighters shelled a village near Aleppo.")
    assert all(s != "TUR" for s, _ in typed(evs, "ASSAULT")), evs


def test_an_inquiry_sent_to_a_place_aims_at_its_country():
    evs = events("The United Nations sent a team to investigate abuses in Myanmar last week.")
    assert any(t == "MMR" for _, t in typed(evs, "ACCUSE")), evs


def test_a_meeting_place_is_a_venue_not_a_party():
    evs = events("Officials from Peru and Chile met in Geneva on Monday.")
    assert all("CHE" not in pair for pair in typed(evs, "CONSULT")), evs


def test_people_of_no_country_stand_for_the_country_they_are_in():
    evs = events("Angry farmers throughout Kenya protested against fuel prices.")
    assert any(s == "KEN" for s, _ in typed(evs, "PROTEST")), evs


def test_troops_in_a_country_are_not_its_own():
    evs = events("Hundreds of troops in Syria shelled a border post of Turkey.")
    assert all(s != "SYR" for s, _ in typed(evs, "ASSAULT")), evs


def test_an_act_agreed_to_is_not_coded_as_done():
    evs = events("Ecuador agreed to mediation by Brazil over the river quarrel.")
    assert typed(evs, "AGREE"), evs
    assert not typed(evs, "CONSULT"), evs


def test_an_act_refused_is_not_coded_as_done():
    evs = events("Bolivia turned down Argentine offers to mediate over the gas pipeline.")
    assert not typed(evs, "CONSULT"), evs
