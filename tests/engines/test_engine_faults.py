"""Failures are surfaced and isolated: one bad article never loses its batch."""

from __future__ import annotations

import pytest

import engine_faults
from engine_fixtures import reuters_political

from dateline.cli.main import build_parser
from dateline.engines import PoolEngine, code_batch, code_local
from dateline.ingest import article_from_text
from dateline.model import Record, Rejection
from dateline.pipeline import Pipeline


def articles(n: int, marker: str | None = None, at: int = 2):
    recs = reuters_political(n)
    out = []
    for i, r in enumerate(recs):
        text = r["text"].replace("\n", f" {marker}\n", 1) if marker and i == at else r["text"]
        out.append(article_from_text(text, title=r["title"], published=r["published"], origin=f"r{i}"))
    return out


class ExplodingPipeline(Pipeline):
    """A real pipeline that fails on one article (fault injection for the isolation path)."""

    def _facts(self, article, doc):
        if "EXPLODE" in article.text:
            raise ValueError("boom")
        return super()._facts(article, doc)


def test_an_article_that_raises_is_logged_and_the_rest_of_the_batch_is_coded():
    arts = articles(5, "EXPLODE", at=2)
    out = code_batch(arts, ExplodingPipeline())
    assert [type(r).__name__ for r in out] == ["Record", "Record", "Rejection", "Record", "Record"]
    assert out[2].code == "E113" and "ValueError: boom" in out[2].reason and out[2].origin == "r2"
    clean = list(code_local(arts[:2] + arts[3:], Pipeline()))
    assert [r.to_dict() for r in out if isinstance(r, Record)] == [r.to_dict() for r in clean]


def test_a_worker_that_dies_loses_only_its_article():
    arts = articles(6, engine_faults.DIE, at=3)
    with PoolEngine(workers=1, batch=2, work=engine_faults.die_on_marker) as engine:
        out = list(engine.process(arts))
        assert engine.restarts >= 1
    assert [isinstance(r, Record) for r in out] == [True, True, True, False, True, True]
    assert out[3].code == "E113" and "worker process died" in out[3].reason
    local = list(code_local(arts[:3] + arts[4:], Pipeline()))
    assert [r.to_dict() for r in out if isinstance(r, Record)] == [r.to_dict() for r in local]


def test_a_failing_work_function_is_raised_in_the_parent():
    arts = articles(3, engine_faults.RAISE, at=1)
    with PoolEngine(workers=1, batch=1, work=engine_faults.raise_on_marker) as engine:
        with pytest.raises(RuntimeError, match="work function itself failed"):
            list(engine.process(arts))


def test_workers_option_means_the_pool_engine():
    p = build_parser()
    assert (p.parse_args(["run", "x", "--workers", "3"]).engine, p.parse_args(["run", "x", "--workers", "3"]).workers) \
        == ("pool", 3)
    assert p.parse_args(["run", "x"]).engine is None
    assert p.parse_args(["run", "x", "--engine", "spark", "--output", "o"]).engine == "spark"
    with pytest.raises(SystemExit):
        p.parse_args(["run", "x", "--workers", "0"])


def test_spark_engine_without_output_is_a_usage_error(capsys):
    from dateline.cli.main import main

    assert main(["run", "nothing.jsonl", "--engine", "spark"]) == 2
    assert "--output" in capsys.readouterr().err
