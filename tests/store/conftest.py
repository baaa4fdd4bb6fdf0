"""Fixtures of the store tests: a fresh DuckDB file per test."""

from __future__ import annotations

import pytest

from dateline.store import Store


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "dateline.duckdb"


@pytest.fixture
def store(db_path):
    with Store(db_path) as s:
        yield s
