"""Targets read from what a refusal, demand or intended act is about
(events_targets.about_targets) and demands made with "for"
(events_frames): invented sentences."""

from __future__ import annotations

from event_rows import coded as events
from event_rows import typed


def test_a_refusal_aims_at_the_party_its_object_is_about():
    evs = events("Chile rejected a proposal to sell copper to Bolivia.")
    assert typed(evs, "REJECT") == [("CHL", "BOL")], evs


def test_when_and_why_phrases_are_not_what_a_refusal_is_about():
    evs = events("Kenya rejected the proposal after talks in Nairobi with Ethiopian officials.")
    assert typed(evs, "REJECT") == [("KEN", None)], evs


def test_what_an_accusation_alleges_is_not_what_its_rejection_aims_at():
    # the rejection answers whoever reported the sale, not the buyer
    evs = events("Serbia dismissed reports that it had sold rifles to Libya.")
    assert typed(evs, "REJECT") == [("SRB", None)], evs


def test_a_boycott_called_for_is_a_demand_not_a_boycott():
    evs = events("Kenyan lawmakers have called again for a boycott of goods from Uganda.")
    assert any(s == "KEN" for s, _ in typed(evs, "REQUEST")), evs
    assert not typed(evs, "PROTEST") and not typed(evs, "COERCE") and not typed(evs, "SANCTION"), evs


def test_a_two_sided_act_is_not_aimed_at_its_topic():
    # talks about Syria are not talks with Syria (two-sided patterns need both parties named)
    evs = events("Russia will hold talks on Syria with Turkey next week.")
    assert all(t != "SYR" for _, t in typed(evs, "CONSULT") + typed(evs, "AGREE")), evs
