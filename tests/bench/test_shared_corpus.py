"""The >20,000-article corpus of the shared data sets (python -m dateline.bench.shared_corpus)."""

from __future__ import annotations

import json

from shared_data import SHARED, need_shared

from dateline.bench.shared_corpus import main, shared_records


def test_more_than_20000_articles_from_the_shared_data_sets():
    data = need_shared(SHARED / "data" / "reuters21578").parent
    sources = {}
    n = 0
    for rec in shared_records(data):
        n += 1
        assert rec["text"].strip() and rec["url"]
        sources[rec["source"]] = sources.get(rec["source"], 0) + 1
    assert sources["Reuters"] == 19043  # the bodies of Reuters-21578
    assert n >= 20000, sources
    assert len(sources) >= 5


def test_main_writes_jsonl_that_dateline_reads(tmp_path):
    from dateline.config import Config
    from dateline.ingest import iter_inputs
    from dateline.model import Article

    data = need_shared(SHARED / "data" / "reuters21578").parent
    out = tmp_path / "corpus.jsonl"
    assert main([str(out), "--data", str(data), "--limit", "30"]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 30 and json.loads(lines[0])["source"] == "Reuters"
    items = list(iter_inputs([str(out)], Config()))
    assert sum(isinstance(i, Article) for i in items) == 30
