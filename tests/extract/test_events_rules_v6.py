"""Event rules of issue 3's sixth round (one act, one event; people nouns
stand for their group): one behaviour each, on hand-written sentences (none
taken from a gold set)."""

from __future__ import annotations

from event_rows import coded as events
from event_rows import typed


def test_an_uncoded_party_does_not_make_a_second_event():
    # "the two neighbours" is no actor the resolver codes: the deal between them
    # folds into Kenya-Uganda instead of standing beside it with an empty party
    evs = events("Kenya and Uganda signed a customs deal between the two neighbours on Monday.")
    agree = typed(evs, "AGREE")
    assert agree and all(s is not None and t is not None for s, t in agree), agree


def test_supporters_of_a_leader_stand_for_his_country():
    evs = events("Thousands of supporters of the Zambian president blocked the road to the airport.")
    assert any(s == "ZMB" for s, _ in typed(evs, "PROTEST")), evs


def test_people_from_a_group_stand_for_it():
    evs = events("Volunteers from a Dutch charity donated water pumps to Niger.")
    assert ("NLD", "NER") in typed(evs, "AID"), evs


def test_a_modifier_of_belonging_names_the_group():
    evs = events("Fighters loyal to the Syrian government shelled the town of Idlib.")
    assert any(s == "SYR" for s, _ in typed(evs, "ASSAULT")), evs


def test_the_act_an_accusation_charges_is_not_coded_as_done():
    evs = events("Kenya accused Somali militias of attacking its border posts.")
    assert ("KEN", "SOM") in typed(evs, "ACCUSE"), evs
    assert not typed(evs, "ASSAULT"), evs
