"""The event suites' scoring, checked on tiny hand-made gold with scores computed by hand."""

from __future__ import annotations

import json

import pytest

from shared_data import SHARED, need_shared
from dateline.evaluate.suite_events_score import Item, score


def test_scorer_on_hand_made_gold_matches_hand_computed_scores():
    units = [
        # 1 of 1 gold matched; the extra ACCUSE is a false positive
        ([Item("ASSAULT", "RUS", "UKR")], [Item("ASSAULT", "RUS", "UKR"), Item("ACCUSE", "RUS", None)]),
        # reciprocal gold matches the swapped prediction
        ([Item("AGREE", "USA", "RUS", mutual=True)], [Item("AGREE", "RUS", "USA")]),
        # wrong type and wrong source: no match, not even as a dyad
        ([Item("REQUEST", "FRA", None)], [Item("ACCUSE", "DEU", "IRN")]),
        ([], []),
    ]
    s = score(units)
    # gold 3, predicted 4, matched 2: P = 2/4, R = 2/3, F1 = 2PR/(P+R) = 4/7
    assert (s["n"], s["gold_events"], s["predicted_events"]) == (4, 3, 4)
    assert (s["event_precision"], s["event_recall"], s["event_f1"]) == (0.5, 0.6667, 0.5714)
    assert (s["dyad_precision"], s["dyad_recall"], s["dyad_f1"]) == (0.5, 0.6667, 0.5714)
    # ASSAULT and AGREE are among their sentences' predicted types, REQUEST is not: 2/3
    assert s["event_type_accuracy"] == 0.6667
    assert s["per_type"]["ASSAULT"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 1, "predicted": 1}
    assert s["per_type"]["ACCUSE"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 0, "predicted": 2}
    assert s["per_type"]["REQUEST"]["support"] == 1 and s["per_type"]["REQUEST"]["recall"] == 0.0


def test_strict_sides_need_an_empty_side_to_be_empty():
    gold, pred = [Item("040", "ARN", None)], [Item("040", "ARN", "GON")]
    assert score([(gold, pred)])["event_recall"] == 1.0
    assert score([(gold, pred)], strict_sides=True)["event_recall"] == 0.0


def test_jsonl_gold_file_in_our_schema(tmp_path):
    from dateline.evaluate import run_suite

    rec = {"schema": "dateline/1", "article": {"id": "x", "text": "France condemned Iran. Russia attacked Ukraine.",
                                               "published": "2020-01-01"},
           "actors": [{"id": "a1", "country": "FRA"}, {"id": "a2", "country": "IRN"},
                      {"id": "a3", "country": "RUS"}, {"id": "a4", "country": "UKR"}],
           "events": [{"type": "ACCUSE", "source": "a1", "target": "a2", "modality": "asserted"},
                      {"type": "ASSAULT", "source": "a3", "target": "a4", "modality": "asserted"},
                      {"type": "CONSULT", "source": "a1", "target": "a3", "modality": "asserted"}]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    s = run_suite(str(path), shared=SHARED if SHARED.exists() else tmp_path)
    # both sentences coded right, the invented CONSULT missed: P = 2/2, R = 2/3
    assert s["suite"] == "jsonl"
    assert (s["event_precision"], s["event_recall"]) == (1.0, 0.6667)


def test_petrarch_importer_reads_actor_agent_and_verb_dictionaries(tmp_path):
    from dateline.annotate import load_nlp
    from dateline.extract.events import extract_events
    from dateline.extract.petrarch import dictionary_actors, load_actors, load_agents, load_verbs

    (tmp_path / "actors.txt").write_text(
        "<!-- test -->\nFREEDONIA_ [FRE]\n+FREEDONIAN\nSYLVANIA [SYL]\n", encoding="utf-8")
    (tmp_path / "agents.txt").write_text("!PERSON! = MAN, MEN\nPOLICE {} [~COP]\n", encoding="utf-8")
    (tmp_path / "verbs.txt").write_text(
        "&TREATY\n+TREATY\n+PACT\n\n--- SNUB [111] ---\nSNUB\n- * (OVER &TREATY) [---]\n"
        "--- PRAISE [051] ---\nPRAISE\n- * EFFORTS [052]\n", encoding="utf-8")
    actors = load_actors(tmp_path / "actors.txt")
    agents = load_agents(tmp_path / "agents.txt")
    verbs = load_verbs(tmp_path / "verbs.txt")
    nlp = load_nlp("md")

    def code(text):
        doc = nlp(text)
        found = dictionary_actors(doc, actors, agents)
        names = {a.id: a.code for a in found}
        return [(e.cameo, names.get(e.source), names.get(e.target)) for e in extract_events(doc, found, [], [],
                                                                                               patterns=verbs)]

    assert code("Freedonian police snubbed Sylvania.") == [("111", "FRECOP", "SYL")]
    assert code("Sylvania praised the efforts of Freedonia.") == [("052", "SYL", "FRE")]
    assert code("Freedonia snubbed Sylvania over the treaty.") == []  # [---] blocks coding


def test_petrarch_discards_agent_codes_and_verb_phrase_sides(tmp_path):
    from dateline.annotate import load_nlp
    from dateline.extract.events import extract_events
    from dateline.extract.petrarch import (dictionary_actors, discarded, fill_sides, load_actors, load_agents,
                                           load_discards, load_verbs)

    (tmp_path / "actors.txt").write_text(
        "FREEDONIA_ [FRE]\nSYLVANIA [SYL]\nGLOBAL_PALACE [FREGOV]\n", encoding="utf-8")
    (tmp_path / "agents.txt").write_text("OFFICIALS {} [~GOV]\nSOLDIERS {} [~MIL]\n", encoding="utf-8")
    (tmp_path / "discards.txt").write_text("# sports\nCRICKET_MATCH\n+HURRICANE\n", encoding="utf-8")
    (tmp_path / "verbs.txt").write_text(
        "--- CONDEMN [111] ---\nCONDEMN\n--- RENEW [050] ---\nRENEW\n--- CRITICIZE [111] ---\nCRITICIZE\n",
        encoding="utf-8")
    actors = load_actors(tmp_path / "actors.txt")
    agents = load_agents(tmp_path / "agents.txt")
    discards = load_discards(tmp_path / "discards.txt")
    verbs = load_verbs(tmp_path / "verbs.txt")
    nlp = load_nlp("md")

    def code(text):
        doc = nlp(text)
        found = dictionary_actors(doc, actors, agents)
        events = [] if discarded(doc, discards) else extract_events(doc, found, [], [], patterns=verbs)
        fill_sides(doc, events, found)
        names = {a.id: a.code for a in found}
        return sorted((e.cameo, names.get(e.source), names.get(e.target)) for e in events)

    # the actor code already carries GOV: the agent does not repeat it
    assert code("Global Palace officials condemned Sylvania.") == [("111", "FREGOV", "SYL")]
    # target: the first dictionary actor in the verb's phrase, here inside "an attack by ..."
    assert code("Freedonia condemned an attack by Sylvania soldiers on Thursday.") == [("111", "FRE", "SYLMIL")]
    # agentless passive: the actor of the phrase is the source
    assert code("Freedonia was criticized over its dispute with Sylvania.") == [("111", "SYL", "FRE")]
    # conjoined subjects with no target code each other
    assert code("Freedonia and Sylvania renewed talks on Monday.") == [("050", "FRE", "SYL"), ("050", "SYL", "FRE")]
    # ... but "their ties" with no third party is one reciprocal act: a single dyad event,
    # as the native coder gives for "X and Y upgraded their ties" (events._shared_relation)
    assert code("Freedonia and Sylvania renewed their ties.") == [("050", "FRE", "SYL")]
    # a discard phrase (sentence or story level) keeps the sentence from being coded
    assert code("Freedonia condemned Sylvania after the cricket match.") == []
    assert code("Freedonia condemned Sylvania after a hurricane.") == []


@pytest.mark.parametrize("suite", ["plover-gsr", "petrarch2", "petr2-gsr"])
def test_event_suites_report_the_issue_fields(suite):
    need_shared(SHARED / "data")
    from dateline.evaluate import run_suite

    s = run_suite(suite, shared=SHARED, limit=12)
    for key in ("suite", "n", "event_type_accuracy", "event_precision", "event_recall", "event_f1", "dyad_f1",
                "per_type"):
        assert key in s
    if suite == "petrarch2":
        assert "root_precision" in s and "root_recall" in s
    for row in s["per_type"].values():
        assert set(row) >= {"precision", "recall", "f1", "support"}


def test_actor_metrics_on_a_hand_made_record():
    from dateline.evaluate.suite_events_gsr import actor_hits, gold_actors, predicted_actors
    from dateline.model import Actor

    rec = {"source": [{"code": "IDN", "sector": "EDU"}, {"code": "JAP", "sector": "GOV"}],
           "target": [{"code": "IGO", "sector": None}, {"code": "SRB", "sector": "***"}]}
    record = type("R", (), {"actors": [
        Actor(id="a1", name="Indonesian students", country="IDN", sector="EDU"),
        Actor(id="a2", name="Japan", country="JPN"),
        Actor(id="a3", name="United Nations", code="IGOUNO", sector="IGO"),
        Actor(id="a4", name="Yugoslavia", country="YUG"),
    ]})()
    gold = gold_actors(rec)
    assert gold == [("IDN", "EDU"), ("JPN", "GOV"), ("IGO", None), ("SRB", None)]
    # countries: all four (JAP read as JPN, YUG compares as SRB); codes: IDN EDU, the UN
    # itself, Yugoslavia with no sector -- not JPN GOV (the Japan actor has no sector): 3 of 4
    assert actor_hits(gold, predicted_actors(record)) == (4, 3)
