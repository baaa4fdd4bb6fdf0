"""A promise and the act it promises are one event (events_merge.fold_promises),
and the pattern rows of file version 3 (intent codes of the opening rows,
embassies): invented sentences."""

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
    evs = events("Canada agreed with Cuba and Mexico to lift the embargo.")
    assert sorted(e[3] for e in evs) == ["CUB", "MEX"], evs
    assert all(e[1] == "0354" and e[2] == "CAN" for e in evs), evs


def test_a_bare_agreement_stays():
    evs = events("Kenya agreed to the Somali proposal.")
    assert ("AGREE", "030", "KEN", "SOM", "asserted") in evs, evs


def test_opening_an_embassy_is_diplomatic_cooperation():
    evs = events("Norway reopened its embassy in Havana on Monday.")
    assert evs == [("SUPPORT", "050", "NOR", "CUB", "asserted")], evs
