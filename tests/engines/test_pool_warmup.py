"""PoolEngine.warm_up: every worker is started and loaded before timed work
(ProcessPoolExecutor starts workers on demand, so the benchmark's pool figure
used to include the second worker's start-up)."""

from __future__ import annotations

from engine_fixtures import reuters_political

from dateline.config import Config
from dateline.engines.core import code_batch
from dateline.engines.pool import PoolEngine
from dateline.bench.corpus import corpus_articles
from dateline.model import Record
from dateline.pipeline import Pipeline


def test_warm_up_starts_every_worker_and_the_pool_still_codes_in_order(tmp_path):
    import json

    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in reuters_political(12)))
    config = Config()
    articles, unread = corpus_articles(path, None, config)
    assert unread == 0
    assert len(articles) == 12
    with PoolEngine(config, workers=2, batch=4) as engine:
        pids = engine.warm_up(timeout=300)
        # Both workers reported ready, and they are the pool's own processes.
        assert len(pids) == 2
        assert pids == set(engine._pool._processes)
        pooled = list(engine.process(articles))
    local = code_batch(articles, Pipeline(config))
    assert all(isinstance(r, Record) for r in pooled)
    assert [r.to_dict() for r in pooled] == [r.to_dict() for r in local]
