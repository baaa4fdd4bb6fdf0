"""Titled people without an entry, listed holders out of term, communities, IGO organs and forces."""

from __future__ import annotations

import pytest

from dateline.resolve import actors_dict as D
from dateline.resolve.actors import resolve_actors


def _actors(nlp, text, date="2005-06-01"):
    acts = resolve_actors(nlp(text), date)
    return {text[s:e]: a for a in acts for s, e in a.mentions}


def test_titled_person_without_entry_takes_the_documents_country(nlp):
    acts = _actors(nlp, "President Zorblat Vanek ordered troops into Oran after unrest spread through Algeria.")
    p = acts["President Zorblat Vanek"]
    assert p.kind == "person" and p.country == "DZA" and p.code == "DZAGOV" and p.ref is None


def test_no_country_in_the_document_leaves_the_titled_person_unresolved(nlp):
    p = _actors(nlp, "President Zorblat Vanek imposed a curfew after riots.")["President Zorblat Vanek"]
    assert p.country is None and p.code == "GOV"


def test_fallback_skips_a_country_another_person_belongs_to(nlp):
    acts = _actors(nlp, "President Zorblat Vanek welcomed Syrian President Bashar al-Assad on Monday.")
    assert acts["President Zorblat Vanek"].country is None
    assert acts["Syrian President Bashar al-Assad"].country == "SYR"


def test_titled_surname_out_of_term_is_the_one_listed_holder(nlp):
    # Suharto left office in 1998; "President Suharto" in 2005 is still Suharto
    p = _actors(nlp, "Students protested against President Suharto's family.")["President Suharto"]
    assert p.ref == "suharto" and p.country == "IDN"


@pytest.mark.parametrize("text, name, iso", [
    ("President Abdelaziz Bouteflika opened a new hospital in Oran.", "President Abdelaziz Bouteflika", "DZA"),
    ("Critics urged President Mugabe to reverse the land seizures.", "President Mugabe", "ZWE"),
    ("President Yoweri Museveni visited flood victims in the east.", "President Yoweri Museveni", "UGA"),
])
def test_heads_of_state_beyond_the_g20(nlp, text, name, iso):
    p = _actors(nlp, text)[name]
    assert p.country == iso and p.sector == "GOV" and p.ref


def test_held_office_by_date_for_a_new_entry():
    assert D.holders("ZWE", "1985-01-01", "head_of_government")[0].name == "Robert Mugabe"
    assert D.holders("ZWE", "2010-01-01", "head_of_state")[0].name == "Robert Mugabe"
    assert D.holders("ZWE", "2019-01-01", "head_of_state")[0].name == "Emmerson Mnangagwa"


@pytest.mark.parametrize("text, mention, code", [
    ("Iraqi Kurds rallied outside the governor's office in Erbil.", "Iraqi Kurds", "IRQCVL"),
    ("Several hundred ethnic Hungarians marched on Friday in Slovakia.", "ethnic Hungarians", "SVKCVL"),
    ("Bosnian Croats boycotted the vote.", "Bosnian Croats", "BIHCVL"),
])
def test_communities_are_civilians_of_the_country_they_live_in(nlp, text, mention, code):
    assert _actors(nlp, text)[mention].code == code


def test_kin_state_word_alone_stays_the_nation(nlp):
    acts = _actors(nlp, "The Albanians rejected the plan on Tuesday.")
    assert acts["Albanians"].code == "ALB"


def test_kin_state_word_placed_in_another_country_is_a_community(nlp):
    # "of/in <another country>" says where the community lives (rule 3b)
    acts = _actors(nlp, "The Hungarians of northern Serbia want more schools in their own language.", date="2010-06-01")
    assert acts["Hungarians"].code == "SRBCVL"


def test_security_council_and_un_forces(nlp):
    acts = _actors(nlp, "The Security Council agreed to extend the mission, and UN peacekeepers left Gorazde.")
    sc = acts["Security Council"]
    assert sc.code == "IGOUNOSCR" and sc.sector == "GOV"
    pk = acts["UN peacekeepers"]
    assert pk.code == "IGOUNOMIL" and pk.sector == "MIL" and pk.country is None
