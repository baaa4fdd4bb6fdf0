"""A promise and the act it promises are one event (events_merge.fold_promises),
and the intent codes of the opening and embassy rows of pattern file version 5:
invented sentences."""

from __future__ import annotations

from event_rows import coded as events


def test_an_agreement_to_act_is_coded_by_the_act_it_promises():
    evs = events("Kenya agreed to reopen its border with Somalia.")
    assert evs == [("RETREAT", "0355", "KEN", "SOM", "intended")], evs


def test_a_pledge_of_aid_is_one_event_with_the_aid_intent_code():
    evs = events("Chile promised to send aid to Peru.")
    assert [e[1] for e in evs] == ["033"], evs
    assert evs[0][2:4] == ("CHL", "PER"), evs


def test_the_promised_act_takes_the_promise_targets():
    evs = events("Ghana promised Togo and Benin to free their detained fishermen.")
    assert sorted(e[3] for e in evs) == ["BEN", "TGO"], evs
    assert all(e[1] == "0353" and e[2] == "GHA" for e in evs), evs


def test_a_promise_to_another_party_keeps_its_own_event():
    evs = events("Jordan agreed with Egypt to open the Aqaba port to Iraqi trucks.")
    assert ("AGREE", "030", "JOR", "EGY", "asserted") in evs, evs
    assert ("RETREAT", "0355", "JOR", "IRQ", "intended") in evs, evs


def test_a_promised_act_named_by_a_noun_is_folded_too():
    evs = events("Armenia pledged to resume talks with Azerbaijan.")
    assert evs == [("CONSULT", "036", "ARM", "AZE", "intended")], evs
    evs = events("Al-Shabaab vowed to continue its raids on Kenyan border towns.")
    assert [e[:2] for e in evs] == [("ASSAULT", "138")], evs


def test_a_bare_agreement_stays():
    evs = events("Kenya agreed to the Somali proposal.")
    assert ("AGREE", "030", "KEN", "SOM", "asserted") in evs, evs


def test_reopening_an_embassy_is_diplomatic_cooperation():
    evs = events("Mexico will reopen its embassy in Quito next year.")
    assert evs == [("SUPPORT", "032", "MEX", "ECU", "intended")], evs
