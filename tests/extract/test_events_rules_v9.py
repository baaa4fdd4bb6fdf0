"""Event rules of issue 3's ninth round (common-noun organisations, unnamed
organs of a state placed by the sentence, deployments): one behaviour each, on
invented sentences (checked: no run of four words shared
with the plover-gsr, petrarch2 or petr2-gsr gold texts)."""

from __future__ import annotations

import dateline
from event_rows import coded as events
from event_rows import typed


def _codes(text: str) -> list[tuple]:
    """(type, source code, target code) of each event of ``text``."""
    r = dateline.process(text, published="2020-01-01")
    out = []
    for e in r.events:
        src, tgt = r.actor(e.source), r.actor(e.target)
        out.append((e.type, src.code if src else None, tgt.code if tgt else None))
    return out


def test_a_rights_group_is_an_ngo_actor():
    evs = _codes("A rights group accused Chile of beating detainees.")
    assert ("ACCUSE", "NGO", "CHL") in evs, evs


def test_aid_agencies_are_ngo_actors():
    evs = _codes("Relief charities urged Sudan to reopen its frontier with Chad.")
    assert ("REQUEST", "NGO", "SDN") in evs, evs


def test_a_national_rights_group_keeps_its_country():
    r = dateline.process("Kenyan rights groups condemned the new law.", published="2020-01-01")
    assert any(a.code == "KENNGO" for a in r.actors), [(a.code, a.name) for a in r.actors]


def test_an_unnamed_side_at_home_is_the_sentences_one_country():
    evs = events("The Chilean labour minister refused to step down on Monday.")
    assert ("CHL", "CHL") in typed(evs, "REJECT"), evs


def test_unplaced_protesters_are_of_the_sentences_one_country():
    evs = events("Hundreds of marchers began a sit-in to demand the dismissal of the Peruvian president.")
    assert ("PER", "PER") in typed(evs, "REQUEST"), evs


def test_two_countries_in_the_sentence_leave_the_unnamed_side_alone():
    evs = events("Demonstrators demanded the release of Chilean and Peruvian prisoners.")
    assert all(s is None for s, _ in typed(evs, "REQUEST")), evs


def test_a_mission_of_observers_received_is_receiving_inspectors():
    evs = events("The Peruvian president received a delegation of arms monitors from Chile.")
    assert any(ty == "RETREAT" and cameo == "0862" for ty, cameo, *_ in evs), evs


def test_receiving_observers_is_not_aimed_at_the_receivers_own_country():
    evs = events("The Peruvian president received a delegation of arms monitors on Monday.")
    assert ("PER", "PER") not in typed(evs, "RETREAT"), evs


def test_troops_arriving_in_a_country_are_a_deployment_not_a_visit():
    evs = events("Some 2,000 US marines arrived in Haiti to restore order.")
    assert ("USA", "HTI") in typed(evs, "MOBILIZE") and not typed(evs, "CONSULT"), evs


def test_peacekeepers_arriving_provide_peacekeeping():
    evs = events("A contingent of Kenyan peacekeepers arrived in Liberia last week.")
    assert ("KEN", "LBR") in typed(evs, "AID"), evs


def test_a_minister_arriving_is_still_a_visit():
    evs = events("The Kenyan trade minister arrived in Uganda for a two-day trip.")
    assert ("KEN", "UGA") in typed(evs, "CONSULT"), evs


def test_the_force_of_a_withdrawal_noun_is_its_doer():
    evs = events("The withdrawal of Russian soldiers from Georgia was completed on Monday.")
    assert ("RUS", "GEO") in typed(evs, "RETREAT"), evs


def test_conjoined_parties_upgrading_their_ties_form_a_dyad():
    evs = events("Chile and Peru have improved their relations after a long dispute.")
    assert ("CHL", "PER") in typed(evs, "SUPPORT") or ("PER", "CHL") in typed(evs, "SUPPORT"), evs


def test_their_ties_with_a_third_party_stay_aimed_at_it():
    evs = events("Chile and Peru restored their diplomatic relations with Bolivia.")
    assert ("CHL", "BOL") in typed(evs, "SUPPORT") and ("PER", "BOL") in typed(evs, "SUPPORT"), evs


def test_evacuating_the_wounded_is_humanitarian_aid():
    evs = events("The Red Crescent evacuated the injured from a flooded village in Chad.")
    assert any(ty == "AID" and cameo == "073" for ty, cameo, *_ in evs), evs


def test_evacuating_an_embassy_stays_a_retreat():
    evs = events("Britain evacuated its embassy in Kabul on Monday.")
    assert typed(evs, "RETREAT") and not typed(evs, "AID"), evs


def test_medicine_handed_over_is_aid():
    evs = _codes("Italian doctors handed over two tonnes of medicine to a hospital in Kabul.")
    assert any(ty == "AID" and s == "ITAHLH" for ty, s, _ in evs), evs


def test_a_group_named_only_in_a_one_country_sentence_becomes_that_countrys():
    r = dateline.process("Opposition leaders decided to call off the march in Baku.", published="2020-01-01")
    opp = next(a for a in r.actors if a.sector == "OPP")
    assert opp.code == "AZEOPP" and opp.evidence.rule == "sentence_country", (opp.code, opp.evidence)
    assert any(e.source and r.actor(e.source).code == "AZEOPP" for e in r.events), r.events


def test_an_attack_with_no_attacker_is_the_country_where_it_happens():
    evs = events("Two US soldiers were killed by a car bomb near the Iraqi town of Tikrit.")
    assert ("IRQ", "USA") in typed(evs, "ASSAULT"), evs


def test_a_named_attackers_unnamed_target_is_not_guessed():
    evs = events("Syrian soldiers attacked a convoy on Monday.")
    assert all(t is None for _, t in typed(evs, "ASSAULT")), evs


def test_an_anti_country_modifier_is_a_stance_not_an_owner():
    evs = events("Gunmen killed an anti-Syria newspaper editor in Beirut.")
    assert all(t != "SYR" for _, t in typed(evs, "ASSAULT")), evs
    r = dateline.process("Pro-Iranian militiamen attacked a convoy.", published="2020-01-01")
    assert all(a.country != "IRN" for a in r.actors), [(a.code, a.name) for a in r.actors]


def test_unnamed_police_in_a_one_country_sentence_are_that_countrys_police():
    r = dateline.process("Riot police fired rubber bullets at strikers in Lagos on Tuesday.", published="2020-01-01")
    assert any(a.code == "NGACOP" for a in r.actors), [(a.code, a.name) for a in r.actors]
    assert any(r.actor(e.source).code == "NGACOP" for e in r.events if e.source), r.events


def test_a_guessed_target_gives_way_to_the_named_one_of_the_same_act():
    evs = events("Palestinian teenagers hurled rocks at a rally against the Israeli military.")
    assert ("PSE", "ISR") in typed(evs, "PROTEST") and ("PSE", "PSE") not in typed(evs, "PROTEST"), evs
