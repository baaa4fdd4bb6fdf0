"""Parties the sentence's one country supplies (extract/events_home.py, review4
2.8-2.10): no phantom actors, country actors named by a country word, sectors
kept, people words respected.  Invented sentences (checked: no run of four
words shared with the plover-gsr, petrarch2 or petr2-gsr gold texts)."""

from __future__ import annotations

import dateline


def _run(text: str):
    return dateline.process(text, published="2020-01-01")


def _codes(r) -> list[tuple]:
    return [(e.type, r.actor(e.source).code if e.source else None, r.actor(e.target).code if e.target else None)
            for e in r.events]


def test_no_country_actor_is_made_for_an_event_left_unchanged():
    r = _run("Chilean officials visited the port on Friday to talk with dockers.")
    assert all(a.kind != "country" for a in r.actors), [(a.code, a.mentions) for a in r.actors]


def test_a_made_country_actor_is_mentioned_by_its_country_word():
    text = "The Peruvian finance minister refused to step down on Friday."
    r = _run(text)
    assert ("REJECT", "PERGOV", "PER") in _codes(r), _codes(r)
    per = next(a for a in r.actors if a.code == "PER")
    assert [text[s:e] for s, e in per.mentions] == ["Peruvian"], per.mentions


def test_no_two_actors_share_a_mention():
    r = _run("Hundreds of demonstrators marched through Quito to denounce the Ecuadorean cabinet.")
    spans = [m for a in r.actors for m in a.mentions]
    assert len(spans) == len(set(spans)), [(a.code, a.mentions) for a in r.actors]


def test_a_group_named_elsewhere_keeps_its_sector_with_the_country():
    r = _run("Demonstrators blocked roads for a third day. "
             "In Quito, the demonstrators marched against the Ecuadorean cabinet.")
    assert ("PROTEST", "ECUOPP", "ECUGOV") in _codes(r), _codes(r)
    spans = [m for a in r.actors for m in a.mentions]
    assert len(spans) == len(set(spans)), [(a.code, a.mentions) for a in r.actors]


def test_a_people_word_keeps_a_group_from_the_country_it_is_in():
    r = _run("Kurdish protesters in Berlin called for a halt to the shelling.")
    assert all(a.country != "DEU" for a in r.actors), [(a.code, a.mentions) for a in r.actors]
