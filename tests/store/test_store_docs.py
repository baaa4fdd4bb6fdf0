"""The SQL examples of docs/storage.md run against a real store and give real answers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dateline.errors import E_EMPTY
from dateline.model import Rejection
from store_samples import KERRY, LAVROV, RUS_MIL, SYR_REB, make_record

DOC = Path(__file__).resolve().parents[2] / "docs" / "storage.md"


def sql_examples() -> list[str]:
    if not DOC.is_file():
        return []
    blocks = re.findall(r"```sql\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)
    return [stmt.strip() for block in blocks for stmt in block.split(";\n") if stmt.strip()]


def test_storage_doc_has_sql_examples():
    if not DOC.is_file():
        pytest.skip(f"{DOC} is not in this checkout")
    assert len(sql_examples()) >= 6


@pytest.mark.parametrize("sql", sql_examples())
def test_storage_doc_sql_example_runs(store, db_path, tmp_path, sql):
    store.add(make_record("d1", published="2016-07-25", n_events=2))
    store.add(make_record("d2", published="2016-08-03", source=LAVROV, target=KERRY))
    store.add(make_record("d3", published="2016-08-10", source=RUS_MIL, target=SYR_REB,
                          verb="shelled", event_type="ASSAULT", cameo="195", goldstein=-10.0))
    store.reject(Rejection("feed.jsonl:7", E_EMPTY, "empty text"))
    out = store.export(tmp_path / "out")
    sql = sql.replace("'out/", f"'{out['events'].parent}/")
    rows = store.connection.execute(sql).fetchall()
    assert rows, sql


def test_usa_rus_monthly_dyad_example_counts_the_right_events(store):
    store.add(make_record("d1", published="2016-07-25", n_events=2))
    store.add(make_record("d4", published="2016-07-30"))
    store.add(make_record("d5", published="2016-09-02"))
    store.add(make_record("d2", published="2016-08-03", source=LAVROV, target=KERRY))
    if not DOC.is_file():
        pytest.skip(f"{DOC} is not in this checkout")
    dyad = next(s for s in sql_examples() if "source_country = 'USA' AND target_country = 'RUS'" in s)
    rows = store.connection.execute(dyad).fetchall()
    assert [(str(m)[:7], t, n) for m, t, n in rows] == [("2016-07", "CONSULT", 3), ("2016-09", "CONSULT", 1)]
