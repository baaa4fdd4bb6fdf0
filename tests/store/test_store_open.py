"""Opening a store: missing, locked, foreign and wrong-version files give clear errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from dateline.errors import E_DB, E_DB_NOT_FOUND, StoreError
from dateline.store import STORE_SCHEMA, Store
from store_samples import make_record

SRC = str(Path(__file__).resolve().parents[2] / "src")


def test_read_only_open_of_a_missing_file_raises_e302(tmp_path):
    with pytest.raises(StoreError) as exc:
        Store(tmp_path / "missing.duckdb", read_only=True)
    assert exc.value.code == E_DB_NOT_FOUND
    assert "[E302]" in str(exc.value)
    assert not (tmp_path / "missing.duckdb").exists()


def test_opening_creates_the_file_its_folder_and_the_schema(tmp_path):
    path = tmp_path / "new" / "sub" / "db.duckdb"
    with Store(path) as s:
        assert s.counts()["articles"] == 0
    con = duckdb.connect(str(path), read_only=True)
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    meta = con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()[0]
    con.close()
    assert {"meta", "articles", "actors", "places", "times", "events", "quotes", "ingest_log"} <= tables
    assert meta == STORE_SCHEMA == "dateline/1"


def test_a_file_that_is_not_duckdb_raises_e301(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("these are my notes, not a database\n" * 50)
    with pytest.raises(StoreError) as exc:
        Store(path)
    assert exc.value.code == E_DB
    assert "not a DuckDB database" in str(exc.value)


def test_a_duckdb_file_of_another_application_is_refused_read_only(tmp_path):
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE sales (n INTEGER)")
    con.close()
    with pytest.raises(StoreError) as exc:
        Store(path, read_only=True)
    assert exc.value.code == E_DB and "not a Dateline store" in str(exc.value)


def test_a_store_of_another_schema_version_is_refused(db_path):
    with Store(db_path):
        pass
    con = duckdb.connect(str(db_path))
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema'", ["dateline/99"])
    con.close()
    with pytest.raises(StoreError) as exc:
        Store(db_path)
    assert exc.value.code == E_DB and "dateline/99" in str(exc.value)


def test_a_file_locked_by_another_process_raises_e301(db_path):
    with Store(db_path) as s:
        s.add(make_record("held"))
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys; from dateline.store import Store\n"
         "s = Store(sys.argv[1]); print('open', flush=True); sys.stdin.read(); s.close()",
         str(db_path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": SRC},
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreError) as exc:
            Store(db_path)
        assert exc.value.code == E_DB
        assert "another process" in str(exc.value)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    with Store(db_path, read_only=True) as s:  # free again once the holder exits
        assert s.has("held")


def test_close_is_idempotent_and_a_closed_store_says_so(db_path):
    s = Store(db_path)
    s.close()
    s.close()
    with pytest.raises(StoreError):
        s.counts()


def test_an_ingest_memory_limit_is_set_and_the_store_still_writes_and_reads(tmp_path):
    from dateline.store.duckdb_store import INGEST_MEMORY_LIMIT

    path = tmp_path / "limited.duckdb"
    with Store(path, memory_limit=INGEST_MEMORY_LIMIT) as s:
        limit = s.connection.execute("SELECT current_setting('memory_limit')").fetchone()[0]
        assert limit.replace(" ", "").lower().startswith(("30.5mib", "32.0mb", "32mb"))
        assert s.add(make_record("a1"))
    with Store(path, read_only=True) as s:  # a later reader has DuckDB's default again
        assert s.counts()["articles"] == 1
        assert s.connection.execute("SELECT current_setting('memory_limit')").fetchone()[0] != limit


def test_a_memory_limit_that_is_not_a_size_raises_e301(tmp_path):
    with pytest.raises(StoreError) as exc:
        Store(tmp_path / "x.duckdb", memory_limit="lots; DROP TABLE meta")
    assert exc.value.code == E_DB and "not a size" in str(exc.value)
