"""Fixtures for API tests: a demo database and real servers on loopback."""

from __future__ import annotations

import shutil

import httpx
import pytest

from serving import TOKEN, Server, build_demo_db


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory):
    return build_demo_db(tmp_path_factory.getbasetemp() / "serve-demo.duckdb")


@pytest.fixture(scope="session")
def server(demo_db):
    with Server(demo_db) as s:
        yield s


@pytest.fixture(scope="session")
def client(server):
    with httpx.Client(base_url=server.url, timeout=120) as c:
        yield c


@pytest.fixture(scope="module")
def write_server(demo_db, tmp_path_factory):
    db = tmp_path_factory.mktemp("write") / "write.duckdb"
    shutil.copy(demo_db, db)
    with Server(db, "--allow-write", "--max-body", "200000", env={"DATELINE_WRITE_TOKEN": TOKEN}) as s:
        yield s
