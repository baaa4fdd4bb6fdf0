"""Refusal and demand frames (extract/events_frames.py): the clause around a
trigger changes what it codes as.  Synthetic sentences, one behaviour each."""

from __future__ import annotations

from event_rows import coded
from dateline.extract.events_frames import demand_code, reject_code
from dateline.extract.lexicon import load_patterns


def test_refused_act_is_a_rejection_of_that_act():
    # meet -> 036 intent -> 125 reject proposal to meet; the refusal verb is not coded twice
    assert coded("Iran refused to meet the American envoy.") == [("REJECT", "125", "IRN", "USA", "asserted")]


def test_failed_to_reach_agreement_is_a_rejection_between_the_parties():
    evs = coded("Peru and Chile failed to reach an agreement on Sunday.")
    assert [(t, c) for t, c, *_ in evs] == [("REJECT", "127")]
    assert {evs[0][2], evs[0][3]} == {"PER", "CHL"}


def test_future_negation_of_a_cooperative_act_is_a_refusal():
    assert coded("Hungary will not accept migrants from Serbia.")[0][:3] == ("REJECT", "124", "HUN")


def test_past_negation_stays_negated():
    assert coded("Russia did not meet Ukraine.") == [("CONSULT", "040", "RUS", "UKR", "negated")]


def test_refused_conflict_act_is_negated_not_rejected():
    evs = coded("Egypt refused to attack Libya.")
    assert ("ASSAULT", "190", "EGY", "LBY", "negated") in evs
    assert all(t != "ASSAULT" or m == "negated" for t, _, _, _, m in evs)


def test_must_under_a_speech_verb_is_a_demand_of_the_clause_subject():
    evs = coded("Brazil stated that Paraguay must hand back the seized cargo.")
    assert evs == [("REQUEST", "100", "BRA", "PRY", "asserted")]


def test_demanded_chain_is_not_coded_as_happening():
    # "must be willing to mediate": neither 'be' nor 'mediate' is an event of Ethiopia
    evs = coded("Kenya said that Ethiopia must be willing to mediate between Somalia and Eritrea.")
    assert evs[0][:4] == ("REQUEST", "100", "KEN", "ETH")
    assert len(evs) == 1


def test_codes_follow_cameo_parallel_numbering():
    meet = load_patterns()[("VERB", "meet")][0]
    assert reject_code(meet) == "125" and demand_code(meet) == "106"
    release = next(p for p in load_patterns()[("VERB", "release")])
    assert reject_code(release) == "124" and demand_code(release) == "1053"


def test_a_demand_made_by_protesting_is_the_protest_aim():
    evs = coded("Hundreds of Catalan students marched in Barcelona on Friday demanding a vote on secession from Spain.")
    assert [t for t, *_ in evs] == ["PROTEST"]
