"""Event rules added for issue 3's PLOVER accuracy work: one behaviour each, on
hand-written sentences (none taken from a gold set)."""

from __future__ import annotations

import dateline


def events(text):
    r = dateline.process(text, published="2020-01-01")
    out = []
    for e in r.events:
        src, tgt = r.actor(e.source), r.actor(e.target)
        out.append((e.type, src.country if src else None, tgt.country if tgt else None, e.modality))
    return out


def test_a_town_attacked_stands_for_its_country():
    assert ("ASSAULT", "RUS", "UKR", "asserted") in events("Russia shelled Kharkiv on Monday.")


def test_an_act_done_in_a_place_targets_the_places_country():
    # the government acts on its country: Syria's government -> Syria
    assert events("The Syrian government lifted the curfew in Aleppo on Sunday.") == [
        ("CONCEDE", "SYR", "SYR", "asserted")]


def test_leaders_of_a_government_stand_for_it():
    evs = events("Austria opened negotiations with leaders of Croatia's government in Zagreb.")
    assert any(t == "CONSULT" and {s, g} == {"AUT", "HRV"} for t, s, g, _ in evs)


def test_signing_a_treaty_is_support_as_the_cameo_plover_table_codes_057():
    evs = events("Chile and Peru signed a trade treaty on Friday.")
    assert any(t == "SUPPORT" and {s, g} == {"CHL", "PER"} for t, s, g, _ in evs)
    assert not any(t == "AGREE" for t, *_ in evs)


def test_what_a_demand_asks_for_is_not_coded_as_done():
    evs = events("Ireland demanded a pullout of British soldiers from the border zone.")
    assert [t for t, *_ in evs] == ["REQUEST"]


def test_conditional_announcement_of_a_conflictual_act_is_a_threat():
    evs = events("Kenya will expel the Somali ambassador unless Somalia apologizes.")
    assert any(t == "THREATEN" and s == "KEN" for t, s, _, _ in evs)
    assert not any(t == "SANCTION" for t, *_ in evs)


def test_rejected_request_is_one_rejection_of_its_owner():
    evs = events("Norway rejected a Swedish request for talks.")
    assert ("REJECT", "NOR", "SWE", "asserted") in evs
    assert not any(t == "REQUEST" for t, *_ in evs)


def test_half_event_folds_into_the_full_one():
    evs = events("Iran threatened to close the border with Iraq.")
    threats = [e for e in evs if e[0] == "THREATEN"]
    assert threats == [("THREATEN", "IRN", "IRQ", "asserted")]


def test_compound_noun_is_not_a_trigger_of_its_own():
    evs = events("Egypt and Jordan began joint war games on Monday.")
    assert not any(t == "ASSAULT" for t, *_ in evs)


def test_new_meaning_classes_from_the_pattern_file():
    assert any(t == "COERCE" and s == "TUR" for t, s, _, _ in events("Turkey razed Kurdish villages."))
    assert any(t == "SUPPORT" and {s, g} == {"IND", "JPN"}
               for t, s, g, _ in events("India upgraded its ties with Japan."))
    assert any(t == "CONCEDE" and s == "FRA" for t, s, _, _ in events("France eased restrictions on imports."))
