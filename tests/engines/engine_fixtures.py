"""Fixtures of the engine tests (imported by the test modules): a small real corpus (Reuters-21578
from ../shared) and one Spark session per module."""

from __future__ import annotations

import json
import os
import re
import shutil

import pytest

from shared_data import SHARED, need_shared

REUTERS = SHARED / "data" / "reuters21578"
# Articles with some politics in them, so events, actors and quotes get exercised.
_POLITICAL = re.compile(r"\b(minister|government|president|talks|troops|embassy|sanctions)\b", re.I)


def reuters_political(n: int) -> list[dict]:
    """The first ``n`` Reuters-21578 bodies that mention government or diplomacy."""
    from dateline.bench.corpus import reuters_records

    need_shared(REUTERS)
    out = []
    for rec in reuters_records(REUTERS):
        if _POLITICAL.search(rec["text"]):
            out.append(rec)
            if len(out) == n:
                break
    return out


@pytest.fixture(scope="session")
def parity_jsonl(tmp_path_factory):
    """50 real articles as JSONL, plus an exact copy of one and a broken line."""
    recs = reuters_political(50)
    path = tmp_path_factory.mktemp("parity") / "news.jsonl"
    lines = [json.dumps(r) for r in recs]
    lines.insert(10, "{not json")
    lines.append(json.dumps(recs[3]))  # the same article again, later: logged as a duplicate
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def spark():
    """One local[2] Spark session per test module, on 127.0.0.1."""
    pytest.importorskip("pyspark", reason="the Spark tests need the [spark] extra (make test installs it)")
    if not shutil.which("java"):
        pytest.skip("the Spark tests need Java 17 on PATH")
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    from dateline.engines.spark import spark_session

    session = spark_session("local[2]", app="dateline-tests")
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
