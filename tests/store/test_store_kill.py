"""A writer SIGKILLed mid-run leaves only whole articles, and a re-run resumes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from dateline.store import Store
from store_samples import make_record

HERE = Path(__file__).resolve().parent
SRC = str(HERE.parents[1] / "src")
N_EVENTS = 6

WRITER = f"""
import sys
sys.path[:0] = [{str(HERE)!r}, {SRC!r}]
from dateline.store import Store
from store_samples import make_record
with Store(sys.argv[1]) as s:
    i = 0
    while True:
        rec = make_record("kill-%05d" % i, n_events={N_EVENTS})
        s.add(rec)
        print(rec.article.id, flush=True)
        i += 1
"""


def test_a_writer_killed_mid_run_leaves_only_complete_articles(tmp_path):
    path = tmp_path / "killed.duckdb"
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)],
                            stdout=subprocess.PIPE, text=True)
    committed = []
    try:
        while len(committed) < 8:
            line = proc.stdout.readline()
            assert line, "the writer stopped before storing anything"
            committed.append(line.strip())
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    with Store(path) as s:
        stored = [r["id"] for r in s.articles()]
        assert set(committed) <= set(stored)  # everything reported as committed is there
        counts = s.counts()
        assert counts["articles"] == len(stored)
        assert counts["events"] == N_EVENTS * len(stored)
        assert counts["quotes"] == len(stored) and counts["actors"] == 2 * len(stored)
        for aid in stored:
            rec = s.get_record(aid)
            assert rec == make_record(aid, n_events=N_EVENTS)
            events = s.query("SELECT id FROM events WHERE article_id = ? ORDER BY id", [aid])
            assert [e["id"] for e in events] == [e.id for e in rec.events]

        # re-running the same input resumes: nothing doubled, nothing lost
        n = len(stored)
        again = [make_record("kill-%05d" % i, n_events=N_EVENTS) for i in range(n + 3)]
        assert [s.add(r) for r in again] == [False] * n + [True] * 3
        assert s.counts()["articles"] == n + 3
        assert s.counts()["events"] == N_EVENTS * (n + 3)
