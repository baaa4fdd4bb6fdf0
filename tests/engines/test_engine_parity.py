"""The same 50 real articles through in-process, pool and Spark local[2] give identical records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from engine_fixtures import parity_jsonl, spark  # noqa: F401  (fixtures)

from dateline.cli.main import run
from dateline.store import Store


def stored(db: Path) -> tuple[list[dict], list[tuple]]:
    with Store(db, read_only=True) as s:
        records = sorted((r.to_dict() for r in s.iter_records()), key=lambda r: r["article"]["id"])
        log = sorted((r["origin"], r["code"]) for r in s.rejections())
    return records, log


def spark_log(out: Path) -> list[tuple]:
    rows = []
    for path in sorted((out / "ingest_log").glob("part-*")):
        if path.suffix == ".parquet":
            import pyarrow.parquet as pq

            rows.extend(pq.read_table(path).to_pylist())
        else:
            rows.extend(json.loads(line) for line in path.read_text().splitlines() if line.strip())
    return sorted((r["origin"], r["code"]) for r in rows)


@pytest.fixture(scope="module")
def local(parity_jsonl, tmp_path_factory):
    db = tmp_path_factory.mktemp("local") / "local.duckdb"
    counts = run([str(parity_jsonl)], str(db), engine="local", progress=False)
    return counts, stored(db)


def test_in_process_engine_codes_the_corpus(local):
    counts, (records, log) = local
    assert counts["articles"] == 50 == len(records)
    assert counts["duplicates"] == 1 and counts["rejected"] == 1
    assert [code for _, code in log] == ["E106", "E109"] or sorted(c for _, c in log) == ["E106", "E109"]
    assert sum(len(r["events"]) for r in records) > 0 and sum(len(r["actors"]) for r in records) > 0


def test_pool_gives_the_same_records_and_log_as_in_process(local, parity_jsonl, tmp_path):
    db = tmp_path / "pool.duckdb"
    counts = run([str(parity_jsonl)], str(db), engine="pool", workers=2, progress=False)
    assert counts == local[0]
    assert stored(db) == local[1]


def test_spark_gives_the_same_records_and_log_as_in_process(local, parity_jsonl, spark, tmp_path):
    from dateline.engines.spark import read_records, run_spark

    out = tmp_path / "out"
    counts = run_spark([str(parity_jsonl)], str(out), output_format="jsonl", spark=spark)
    records, log = local[1]
    assert read_records(out) == records
    assert spark_log(out) == log
    assert {k: counts[k] for k in ("articles", "events", "quotes", "duplicates", "rejected")} == \
        {k: local[0][k] for k in ("articles", "events", "quotes", "duplicates", "rejected")}
    # output partitioned by publication month
    months = sorted(p.name for p in (out / "records").iterdir() if p.is_dir())
    assert months == sorted({"month=" + r["article"]["published"][:7] for r in records})


def test_spark_rerun_over_the_same_input_writes_the_same_parquet(local, parity_jsonl, spark, tmp_path):
    from dateline.engines.spark import read_records, run_spark

    out = tmp_path / "out"
    first = run_spark([str(parity_jsonl)], str(out), spark=spark)
    once = read_records(out)
    second = run_spark([str(parity_jsonl)], str(out), spark=spark)
    assert first == second
    assert read_records(out) == once == local[1][0]  # no duplicates, same records
    assert spark_log(out) == local[1][1]
