"""Reported and background acts (extract/events_salience.py): one behaviour
each, on invented sentences (built for these rules, none adapted from a gold set)."""

from __future__ import annotations

import pytest
from event_rows import coded as events
from event_rows import typed

from dateline.extract.events_salience import clause_role


def _role(nlp, text: str, word: str) -> str:
    doc = nlp(text)
    return clause_role(next(t for t in doc if t.text == word))


@pytest.mark.parametrize("text, word, role", [
    ("Norway sent aid to Chad after floods.", "sent", "main"),
    ("Ghana said Togo had attacked its border post.", "attacked", "main"),
    ("Chile plans to meet Peru next month.", "meet", "main"),
    # a relative clause describes a participant
    ("Norway praised Iceland, whose coastguard had arrested three Russian sailors.", "arrested", "background"),
    ("Protesters gathered in the village where soldiers killed 20 people last year.", "killed", "background"),
    # ... unless it carries the story on
    ("The minister flew on to Cairo, where he met the Egyptian president.", "met", "main"),
    # the aim of an act, and what a participle of speech carries
    ("Portuguese nurses stayed off work for a week to demand safer wards.", "demand", "background"),
    ("Mali rejected the offer, calling it an insult to its sovereignty.", "insult", "background"),
    # a noun in a time phrase
    ("Oman mediated between the rivals after months of shelling near the port.", "shelling", "background"),
    # a finite clause reports an act of its own
    ("Oman mediated between the rivals while Qatari jets bombed the port.", "bombed", "main"),
    # an act going on, a result participle, the act a carrier verb is sent for
    ("A court in Minsk jailed Belarusian activists picketing the election commission.", "picketing", "main"),
    ("Police fired tear gas at the crowd, injuring dozens.", "injuring", "main"),
    ("An attempt to kill the mayor failed.", "kill", "main"),
    # a condition
    ("Quito agreed to hold talks with Lima once the election was over.", "was", "background"),
])
def test_clause_role(nlp, text, word, role):
    assert _role(nlp, text, word) == role


def test_a_carrier_verb_purpose_is_reported_for_words_and_meetings_only(nlp):
    doc = nlp("The envoy flew to Nairobi to discuss the truce.")
    assert clause_role(next(t for t in doc if t.text == "discuss"), "CONSULT") == "main"
    doc = nlp("Rwanda sent troops to Mozambique to fight the insurgents.")
    assert clause_role(next(t for t in doc if t.text == "fight"), "ASSAULT") == "background"


def test_a_relative_clause_act_is_background_to_the_report():
    text = "Norway praised Iceland, whose coastguard had arrested three Russian sailors."
    evs = events(text)
    assert ("NOR", "ISL") in typed(evs, "SUPPORT"), evs
    assert not typed(evs, "COERCE"), evs
    assert typed(events(text, background=True), "COERCE")


def test_a_purpose_adjunct_is_part_of_the_main_act():
    text = "Peru froze trade with Chile to insist on compensation for the seized trawlers."
    evs = events(text)
    assert typed(evs, "COERCE") == [("PER", "CHL")], evs
    assert not typed(evs, "REQUEST"), evs
    assert typed(events(text, background=True), "REQUEST")


def test_an_earlier_act_in_a_time_phrase_is_not_coded_again():
    text = "Following the Russian bombardment of Kharkiv, Lithuania expelled four Russian diplomats."
    evs = events(text)
    assert typed(evs, "SANCTION") == [("LTU", "RUS")], evs
    assert not typed(evs, "ASSAULT"), evs
    assert ("RUS", "UKR") in typed(events(text, background=True), "ASSAULT")


def test_a_finite_while_clause_is_a_report_of_its_own():
    evs = events("While Ugandan police detained opposition leaders in Kampala, Kenya urged calm.")
    assert ("UGA", "UGA") in typed(evs, "COERCE"), evs
    assert any(s == "KEN" for s, _ in typed(evs, "REQUEST")), evs


def test_background_is_kept_when_the_sentence_reports_nothing_else():
    # the only act of the sentence is in its time phrase: it is what the sentence says
    evs = events("Three years after the NATO bombing of Belgrade, ties between the two sides remain cool.")
    assert typed(evs, "ASSAULT"), evs


def test_an_ongoing_act_of_a_participant_is_kept():
    evs = events("A court in Minsk jailed Belarusian activists picketing the election commission.")
    assert typed(evs, "COERCE") and typed(evs, "PROTEST"), evs


def test_a_second_act_in_a_participle_is_kept():
    evs = events("Nigeria expelled two Ghanaian envoys on Monday, blaming Accra for the riots.")
    assert ("NGA", "GHA") in typed(evs, "SANCTION"), evs
    assert any(s == "NGA" for s, _ in typed(evs, "ACCUSE")), evs


@pytest.mark.parametrize("text, accuse, act", [
    # the cause or topic of a complaint is reported elsewhere, not by the complaint
    ("Georgia complained loudly about the Russian bombing of Gori, its envoy told the OSCE.", ("GEO", "RUS"),
     ("ASSAULT", "RUS")),
    ("In Warsaw, protesters complained over the Belarusian crackdown on journalists.", (None, "BLR"),
     ("COERCE", "BLR")),
])
def test_the_grievance_of_a_complaint_is_background(text, accuse, act):
    evs = events(text)
    assert accuse in typed(evs, "ACCUSE"), evs
    assert not typed(evs, act[0]), evs
    assert any(s == act[1] for s, _ in typed(events(text, background=True), act[0]))


def test_what_an_accusation_alleges_is_never_coded_as_done():
    text = "Serbia denied accusations that it had supplied weapons to Russia."
    assert not typed(events(text), "AID")


def test_a_carrier_verb_brings_the_words_it_was_used_for():
    evs = events("Lithuania summoned the Belarusian envoy to protest against the border incidents.")
    assert ("LTU", "BLR") in typed(evs, "ACCUSE"), evs


def test_a_participle_of_speech_that_is_an_act_is_kept():
    evs = events("Senegal condemned the coup in Niger, calling for the release of President Bazoum.")
    assert ("SEN", "NER") in typed(evs, "ACCUSE"), evs
    assert any(s == "SEN" for s, _ in typed(evs, "REQUEST")), evs


def test_a_promise_inside_a_relative_clause_stays_background():
    text = "Germany praised the deal under which Iran promised France and Britain to free the detained journalists."
    assert not typed(events(text), "RETREAT")
    assert ("IRN", "FRA") in typed(events(text, background=True), "RETREAT")


def test_a_condition_is_background_to_the_threat_it_qualifies():
    text = "Ghana will recall its ambassador from Lome if Togo expels more Ghanaian traders."
    evs = events(text)
    assert ("GHA", "TGO") in typed(evs, "THREATEN"), evs
    assert not typed(evs, "SANCTION"), evs
    assert ("TGO", "GHA") in typed(events(text, background=True), "SANCTION")


def test_the_act_a_causative_participle_leads_to_is_reported_with_its_own_subject():
    import dateline

    r = dateline.process("Serbian police raided the newspaper offices, prompting the European Union to "
                         "protest to Belgrade.", published="2020-01-01")
    accuse = [e for e in r.events if e.type == "ACCUSE"]
    assert accuse, r.events
    assert (r.actor(accuse[0].source).code or "").startswith("IGO"), r.actor(accuse[0].source)


def test_a_material_aim_is_intended_not_done():
    evs = events("Rwanda sent troops to Mozambique to fight Islamist insurgents.")
    assert [(e[0], e[4]) for e in evs] == [("ASSAULT", "intended")], evs
    # words a carrier verb brings someone to are said on arrival
    evs = events("Lithuania summoned the Belarusian envoy to protest against the border incidents.")
    assert ("ACCUSE", "111", "LTU", "BLR", "asserted") in evs, evs


def test_people_of_an_act_are_no_act_of_their_own_beside_it():
    # "demonstrators" names a protest only where nothing else is said of them
    assert [e[:2] for e in events("Egyptian demonstrators rioted in Cairo.")] == [("PROTEST", "145")]
    assert typed(events("Thousands of Egyptian demonstrators gathered in Tahrir Square."), "PROTEST")
    assert ("GHA", "MLI") in typed(events("Ghana sent 500 peacekeepers to Mali."), "AID")
