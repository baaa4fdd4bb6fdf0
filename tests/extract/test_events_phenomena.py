"""Event extraction on short synthetic sentences: one behaviour each."""

from __future__ import annotations

import pytest

import dateline


def events(text):
    r = dateline.process(text, published="2020-01-01")
    out = []
    for e in r.events:
        src, tgt = r.actor(e.source), r.actor(e.target)
        rep = r.actor(e.reported_by)
        out.append((e.type, src.country if src else None, tgt.country if tgt else None, e.modality,
                    rep.country if rep else None))
    return out


def test_passive_by_agent_is_the_source():
    assert ("ASSAULT", "PAK", "AFG", "asserted", None) in events("Kabul was attacked by Pakistan on Monday.")


def test_compound_subject_of_mutual_verb_forms_a_dyad():
    evs = events("Ecuador and Peru agreed on a truce along their border.")
    assert any(t == "AGREE" and {s, g} == {"ECU", "PER"} for t, s, g, _, _ in evs)


def test_compound_subject_of_one_sided_verb_gives_one_event_each():
    evs = events("France and Germany condemned Iran.")
    assert ("ACCUSE", "FRA", "IRN", "asserted", None) in evs
    assert ("ACCUSE", "DEU", "IRN", "asserted", None) in evs


def test_apposition_names_the_source():
    evs = events("The foreign minister of Turkey, Mevlut Cavusoglu, criticized Israel.")
    assert ("ACCUSE", "TUR", "ISR", "asserted", None) in evs


def test_nested_clause_is_reported_by_the_speaker():
    assert events("Egypt said Israel attacked Syria.") == [("ASSAULT", "ISR", "SYR", "reported", "EGY")]


def test_negation():
    assert events("Russia did not attack Ukraine.") == [("ASSAULT", "RUS", "UKR", "negated", None)]


def test_future_and_plans_are_intended():
    assert events("Russia will meet Ukraine next week.") == [("CONSULT", "RUS", "UKR", "intended", None)]
    assert ("COERCE", "CHN", "JPN", "intended", None) in events("China plans to sanction Japan.")


def test_conditional_is_hypothetical():
    assert ("ASSAULT", "IRN", "ISR", "hypothetical", None) in events("If Iran attacks Israel, the region will burn.")


def test_noun_triggers_with_owner_and_preposition():
    assert ("ASSAULT", "ISR", "SYR", "asserted", None) in events("Israeli air strikes on Syria continued.")
    evs = events("The meeting between Japan and China was held in Beijing.")
    assert any(t == "CONSULT" and {s, g} == {"JPN", "CHN"} for t, s, g, _, _ in evs)


def test_phrasal_verbs():
    assert ("RETREAT", "RUS", "SYR", "asserted", None) in events("Russia pulled out its troops from Syria.")
    assert ("REJECT", "RUS", "UKR", "asserted", None) in events("Russia called off the talks with Ukraine.")
    assert ("REQUEST", "IRN", "IRQ", "asserted", None) in events("Iran called on Iraq to release the prisoners.")


def test_complement_clause_gives_the_target():
    evs = events("Venezuela threatened to cut ties with Colombia.")
    assert any(t == "THREATEN" or (t == "SANCTION" and m == "intended") for t, s, g, m, _ in evs if s == "VEN" and g == "COL")


def test_user_pattern_file_adds_a_trigger_without_python(tmp_path, monkeypatch):
    from dateline.annotate import load_nlp
    from dateline.extract.events import extract_events
    from dateline.extract.lexicon import load_patterns
    from dateline.resolve.actors import resolve_actors

    text = "Norway snubbed Sweden."
    doc = load_nlp("md")(text)
    actors = resolve_actors(doc, "2020-01-01")
    assert extract_events(doc, actors, [], [], published="2020-01-01") == []
    extra = tmp_path / "mine.tsv"
    extra.write_text("pattern\tpos\tcameo\tplover\ttargets\tintent\tsides\nsnub\tVERB\t111\t\tobj\t\t1\n",
                     encoding="utf-8")
    got = extract_events(doc, actors, [], [], published="2020-01-01", patterns=load_patterns(str(extra)))
    assert [(e.type, e.cameo, e.trigger) for e in got] == [("ACCUSE", "111", "snubbed")]
    monkeypatch.setenv("DATELINE_PATTERNS", str(extra))
    load_patterns.cache_clear()
    try:
        assert [e.type for e in extract_events(doc, actors, [], [], patterns=load_patterns())] == ["ACCUSE"]
    finally:
        monkeypatch.delenv("DATELINE_PATTERNS")
        load_patterns.cache_clear()


def test_bad_user_pattern_row_is_a_config_error(tmp_path):
    from dateline.errors import ConfigError
    from dateline.extract.lexicon import load_patterns

    bad = tmp_path / "bad.tsv"
    bad.write_text("pattern\tpos\tcameo\tplover\ttargets\tintent\tsides\nsnub\tADJ\t111\t\tobj\t\t1\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_patterns(str(bad))


@pytest.mark.parametrize("text, source, target", [
    ("Students across Peru marched on Monday.", "PER", "PER"),
    ("Fijian rebels protested.", "FJI", "FJI"),
    ("Kenyan students protested against Britain.", "KEN", "GBR"),
])
def test_domestic_protest_targets_the_own_country(text, source, target):
    import dateline

    r = dateline.process(text, published="2010-06-01")
    pairs = {(r.actor(e.source).country if e.source else None, r.actor(e.target).country if e.target else None)
             for e in r.events if e.type == "PROTEST"}
    assert (source, target) in pairs


def test_state_protest_gets_no_invented_target():
    import dateline

    r = dateline.process("Russia protested.", published="2010-06-01")
    assert [e.target for e in r.events if e.type == "PROTEST"] == [None]


def test_member_of_a_group_acts_for_the_group():
    evs = events("A group of Chilean senators held a meeting with Argentina's interior minister.")
    assert any(t == "CONSULT" and {s, g} == {"CHL", "ARG"} for t, s, g, _, _ in evs)


def test_light_verbs_with_event_nouns():
    assert ("CONSULT", "ARM", "AZE", "asserted", None) in events("Armenia and Azerbaijan renewed their talks on Thursday.")
    assert ("ACCUSE", "HUN", "SVK", "asserted", None) in events("Hungary lodged a strong protest with Slovakia.")
    assert all(t != "PROTEST" for t, *_ in events("The Chilean dockworkers' union called off its strike at the port."))


def test_stated_future_coercion_carries_a_threat_code():
    r = dateline.process("Iran will impose sanctions on Iraq next month.", published="2020-01-01")
    e = next(e for e in r.events if e.trigger == "impose")
    assert (e.modality, e.cameo) == ("intended", "1312")
    from dateline.extract.lexicon import cameo_info

    assert cameo_info(e.cameo).plover == "THREATEN"  # CAMEO: threaten to boycott, embargo or sanction


def test_an_attempted_attack_is_an_attack():
    assert ("ASSAULT", "IRQ", "SYR", "asserted", None) in events("Iraqi troops attempted to attack Syria.")


def test_aid_given_by_measure_and_grants():
    assert ("AID", "JPN", "SDN", "asserted", None) in events("Japan sent a shipment of humanitarian aid to Sudan.")
    assert ("AID", "CAN", "UKR", "asserted", None) in events("Canada went on supplying weapons to Ukraine.")
    assert ("AID", "NOR", "MWI", "intended", None) in events("Norway will give Malawi a loan of 20 million euros.")


def test_the_doer_of_a_condemned_or_rejected_act_is_the_target():
    assert ("ACCUSE", "ITA", "LBY", "asserted", None) in events("Italy denounced a raid by Libya on Friday.")
    assert ("REJECT", "SWE", "MDA", "asserted", None) in events("Sweden rejected appeals by Moldova for budget support.")


def test_open_needs_a_border_like_object():
    assert all(t != "RETREAT" for t, *_ in events("Brazil's supreme court opened an inquiry into the contract on Wednesday."))
    assert any(t == "RETREAT" for t, *_ in events("Bhutan opened its border crossings to India."))


def test_indictment_is_an_accusation():
    assert ("ACCUSE", "USA", "RUS", "asserted", None) in events("The United States indicted Russia on Monday.")


def test_dative_to_names_the_target():
    assert ("AID", "ECU", "BOL", "asserted", None) in events("Ecuador granted asylum to three Bolivian police commanders.")
