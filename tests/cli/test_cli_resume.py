"""A run killed half-way and started again ends with the same database as an uninterrupted run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

LEADERS = [
    ("French", "President Emmanuel Macron", "Paris"),
    ("German", "Chancellor Angela Merkel", "Berlin"),
    ("British", "Prime Minister Theresa May", "London"),
    ("Turkish", "President Recep Tayyip Erdogan", "Ankara"),
    ("Iranian", "President Hassan Rouhani", "Tehran"),
    ("Chinese", "President Xi Jinping", "Beijing"),
]


def write_articles(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        nat, who, city = LEADERS[i % len(LEADERS)]
        other = LEADERS[(i + 1) % len(LEADERS)]
        text = (
            f"{who.split()[-1]} hosts talks number {i}\n\n"
            f"{who} met {other[1]} in {city} on Tuesday to discuss trade, officials said.\n\n"
            f"\"We agreed to meet again next month,\" {who.split()[-1]} told reporters in {city}.\n\n"
            f"Police arrested {i + 3} protesters outside the venue on Monday.\n"
        )
        (folder / f"a{i:02d}.txt").write_text(text)


def snapshot(db: Path) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    out = {
        "articles": sorted(con.execute("SELECT id, origin, record FROM articles").fetchall()),
        "events": sorted(map(str, con.execute("SELECT * FROM events").fetchall())),
        "quotes": sorted(map(str, con.execute("SELECT * FROM quotes").fetchall())),
        "actors": sorted(map(str, con.execute("SELECT * FROM actors").fetchall())),
        "log": sorted(con.execute("SELECT origin, code FROM ingest_log").fetchall()),
    }
    con.close()
    return out


def run(folder: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "dateline.cli.main", "run", str(folder), "--db", str(db),
                             "--published", "2018-05-15"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_killed_run_resumes_to_the_same_database(tmp_path):
    folder = tmp_path / "in"
    write_articles(folder, 24)
    whole = tmp_path / "whole.duckdb"
    assert run(folder, whole).wait(timeout=900) == 0

    resumed = tmp_path / "resumed.duckdb"
    proc = run(folder, resumed)
    wal = Path(str(resumed) + ".wal")
    deadline = time.time() + 300
    # Wait until the run has started writing articles, then kill it without warning.
    while time.time() < deadline and proc.poll() is None:
        if resumed.exists() and (wal.exists() or resumed.stat().st_size > 300_000):
            time.sleep(1.0)
            break
        time.sleep(0.05)
    killed = proc.poll() is None
    if killed:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    assert killed, "the run finished before it could be killed; make the corpus larger"
    partial = snapshot(resumed)["articles"] if resumed.exists() else []
    assert len(partial) < 24

    assert run(folder, resumed).wait(timeout=900) == 0
    a, b = snapshot(whole), snapshot(resumed)
    assert len(a["articles"]) == 24
    assert a == b
