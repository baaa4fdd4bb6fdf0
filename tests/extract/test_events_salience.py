"""Reported and background acts (extract/events_salience.py): one behaviour
each, on invented sentences."""

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
    ("Kenya returned a boat that was seized by Somali pirates.", "seized", "background"),
    ("Farmers in Lyon blocked roads on Monday to demand higher prices.", "demand", "background"),
    ("Mali rejected the offer, saying it threatened its sovereignty.", "threatened", "background"),
    ("Peru closed the border after clashes with smugglers.", "clashes", "background"),
    ("Chad protested over the bombing of its embassy.", "bombing", "background"),
    ("Ghana expelled the envoy as Togo arrested two Ghanaian traders.", "arrested", "main"),
    ("Police fired on students protesting the fee rise.", "protesting", "main"),
    ("An attempt to kill the mayor failed.", "kill", "main"),
    ("Chad will withdraw its troops unless Sudan disarms the militias.", "disarms", "background"),
])
def test_clause_role(nlp, text, word, role):
    assert _role(nlp, text, word) == role


def test_a_relative_clause_act_is_background_to_the_report():
    evs = events("Kenya returned a fishing boat that was seized by Somali pirates last year.")
    assert not typed(evs, "COERCE") and not typed(evs, "ASSAULT"), evs


def test_a_purpose_adjunct_is_part_of_the_main_act():
    evs = events("Thousands of Chilean miners blocked highways on Monday to demand higher wages from the government.")
    assert typed(evs, "PROTEST"), evs
    assert not typed(evs, "REQUEST"), evs


def test_an_earlier_act_in_a_time_phrase_is_not_coded_again():
    evs = events("Peru closed its border with Bolivia on Friday after clashes between Bolivian troops and farmers.")
    assert typed(evs, "SANCTION") or typed(evs, "COERCE"), evs
    assert not typed(evs, "ASSAULT"), evs
    kept = events("Peru closed its border with Bolivia on Friday after clashes between Bolivian troops and farmers.",
                  background=True)
    assert typed(kept, "ASSAULT"), kept


def test_a_finite_as_clause_is_a_report_of_its_own():
    evs = events("Ghana expelled the Togolese ambassador on Monday as Togo arrested two Ghanaian traders.")
    assert ("TGO", "GHA") in typed(evs, "COERCE"), evs


def test_background_is_kept_when_the_sentence_reports_nothing_else():
    # the only act of the sentence is in its time phrase: it is what the sentence says
    evs = events("Schools in Kabul stayed closed on Sunday after the Taliban attack on the police academy.")
    assert typed(evs, "ASSAULT"), evs


def test_an_ongoing_act_of_a_participant_is_kept():
    evs = events("Nigerian police fired tear gas at Nigerian students protesting against fuel prices in Lagos.")
    assert typed(evs, "PROTEST"), evs


def test_a_condition_is_background_to_the_threat_it_qualifies():
    evs = events("Sudan threatened to close its border with Chad unless Chadian troops withdraw from Darfur.")
    assert typed(evs, "THREATEN"), evs
    assert not typed(evs, "RETREAT"), evs
