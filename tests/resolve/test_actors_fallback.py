"""Titled people without an entry, listed holders out of term, communities, IGO organs and forces."""

from __future__ import annotations

import pytest

from dateline.resolve import actors_dict as D
from dateline.resolve.actors import resolve_actors


def _actors(nlp, text, date="2005-06-01"):
    acts = resolve_actors(nlp(text), date)
    return {text[s:e]: a for a in acts for s, e in a.mentions}


def test_titled_person_without_entry_takes_the_documents_country(nlp):
    acts = _actors(nlp, "President Zorblat Vanek imposed a curfew in Algiers after riots across Algeria.")
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
    ("President Abdelaziz Bouteflika said he is prepared to lift the ban.", "President Abdelaziz Bouteflika", "DZA"),
    ("Opposition groups are demanding that President Mugabe abandon the policy.", "President Mugabe", "ZWE"),
    ("President Yoweri Museveni has banned opposition candidates.", "President Yoweri Museveni", "UGA"),
])
def test_heads_of_state_beyond_the_g20(nlp, text, name, iso):
    p = _actors(nlp, text)[name]
    assert p.country == iso and p.sector == "GOV" and p.ref


def test_held_office_by_date_for_a_new_entry():
    assert D.holders("ZWE", "1985-01-01", "head_of_government")[0].name == "Robert Mugabe"
    assert D.holders("ZWE", "2010-01-01", "head_of_state")[0].name == "Robert Mugabe"
    assert D.holders("ZWE", "2019-01-01", "head_of_state")[0].name == "Emmerson Mnangagwa"


@pytest.mark.parametrize("text, mention, code", [
    ("Thousands of Iraqi Kurds demonstrated in Kirkuk on Sunday.", "Iraqi Kurds", "IRQCVL"),
    ("Up to 100 ethnic Albanians demonstrated on Tuesday in Macedonia.", "ethnic Albanians", "MKDCVL"),
    ("Bosnian Serbs demanded a truce.", "Bosnian Serbs", "BIHCVL"),
])
def test_communities_are_civilians_of_the_country_they_live_in(nlp, text, mention, code):
    assert _actors(nlp, text)[mention].code == code


def test_kin_state_word_alone_stays_the_nation(nlp):
    acts = _actors(nlp, "The Albanians rejected the plan on Tuesday.")
    assert acts["Albanians"].code == "ALB"


def test_kin_state_word_placed_in_another_country_is_a_community(nlp):
    # "of/in <another country>" says where the community lives (rule 3b)
    acts = _actors(nlp, "The Albanians of southern Serbia are demanding autonomy.", date="2010-06-01")
    assert acts["Albanians"].code == "SRBCVL"


def test_security_council_and_un_forces(nlp):
    acts = _actors(nlp, "The Security Council agreed to extend the mission, and UN peacekeepers left Gorazde.")
    sc = acts["Security Council"]
    assert sc.code == "IGOUNOSCR" and sc.sector == "GOV"
    pk = acts["UN peacekeepers"]
    assert pk.code == "IGOUNOMIL" and pk.sector == "MIL" and pk.country is None
