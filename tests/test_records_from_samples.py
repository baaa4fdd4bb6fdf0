"""Whole records from the bundled samples: valid, every offset slices back, DuckDB round-trips them."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from dateline.ingest import iter_inputs
from dateline.model import Article, Record
from dateline.pipeline import Pipeline

SAMPLES = Path(str(resources.files("dateline").joinpath("samples"))) / "samples.jsonl"


@pytest.fixture(scope="module")
def records() -> list[Record]:
    arts = [a for a in iter_inputs([str(SAMPLES)]) if isinstance(a, Article)]
    assert len(arts) == 3
    return list(Pipeline().process_many(arts))


def test_sample_records_validate(records, validate):
    for r in records:
        validate(r.to_dict())


def test_every_offset_slices_back_to_what_it_claims(records):
    for r in records:
        text = r.article.text
        for a in r.actors:
            assert a.mentions and all(text[s:e].strip() for s, e in a.mentions)
        for p in r.places:
            assert all(text[s:e].strip() for s, e in p.mentions)
        for t in r.times:
            assert text[t.span[0]:t.span[1]] == t.text
        for q in r.quotes:
            assert text[q.span[0]:q.span[1]] == q.text
        for e in r.events:
            assert text[e.trigger_span[0]:e.trigger_span[1]] == e.trigger
            assert e.span[0] <= e.trigger_span[0] < e.trigger_span[1] <= e.span[1]


def test_records_round_trip_through_duckdb(records, tmp_path):
    from dateline.store import Store

    with Store(tmp_path / "r.duckdb") as db:
        for r in records:
            assert db.add(r)
    with Store(tmp_path / "r.duckdb", read_only=True) as db:
        for r in records:
            back = db.get_record(r.article.id)
            assert json.dumps(back.to_dict(), sort_keys=True) == json.dumps(r.to_dict(), sort_keys=True)


def test_batched_and_single_processing_give_identical_records(records):
    arts = [a for a in iter_inputs([str(SAMPLES)]) if isinstance(a, Article)]
    pipe = Pipeline()
    for art, batched in zip(arts, records):
        assert pipe.process(art).to_dict() == batched.to_dict()


def test_sample_events_read_as_an_analyst_would(records):
    by_title = {r.article.title: r for r in records}
    sochi = by_title["Putin and Erdogan agree to joint patrols in northern Syria"]
    name = {a.id: a.name for a in sochi.actors}
    pairs = {(e.type, name.get(e.source), name.get(e.target)) for e in sochi.events}
    assert ("CONSULT", "Recep Tayyip Erdoğan", "Vladimir Putin") in pairs
    assert ("ASSAULT", "Turkey", "People's Protection Units") in pairs
    assert all(a.name.upper() != "SOCHI" for a in sochi.actors), "the dateline is not an actor"
    eu = by_title["EU imposes sanctions on Russia as talks begin in Belarus"]
    codes = {(e.type, e.cameo) for e in eu.events}
    assert ("COERCE", "173") in codes  # police detained protesters
    sudan = by_title["UN envoy urges Sudan's warring sides to respect truce"]
    assert {p.name: p.country for p in sudan.places}["Geneva"] == "CHE"
