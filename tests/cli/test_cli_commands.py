"""The `dateline` command as a user runs it: real processes, real DuckDB files."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

DATELINE = [sys.executable, "-m", "dateline.cli.main"]

STORY = """Turkey and Russia agree to talks on Idlib

Turkish Foreign Minister Mevlut Cavusoglu met his Russian counterpart Sergei Lavrov in Ankara on Monday to discuss the fighting in Idlib.

"We will not allow the regime to advance," Cavusoglu told reporters after the meeting.

Syrian government forces attacked rebel positions near Saraqeb on Sunday, a monitoring group said.
"""

GERMAN = """Regierung plant neue Gespräche

Die Bundesregierung will in der kommenden Woche mit den Vertretern der Länder über die Finanzierung der Schulen sprechen. Der Minister sagte am Montag, dass die Gespräche schwierig werden würden, weil die Länder mehr Geld fordern.

Die Opposition kritisierte den Plan und verlangte eine Abstimmung im Parlament, bevor die Verhandlungen beginnen.
"""


def dateline(*args, input: str | None = None, check: bool = True, env: dict | None = None):
    proc = subprocess.run([*DATELINE, *args], input=input, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=600)
    if check and proc.returncode != 0:
        raise AssertionError(f"dateline {args} exited {proc.returncode}:\n{proc.stderr}")
    return proc


def test_extract_reads_stdin_and_prints_valid_jsonl(validate):
    proc = dateline("extract", "-", "--published", "2020-03-03", "--source", "test", input=STORY)
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 1
    rec = json.loads(lines[0])
    validate(rec)
    assert rec["article"]["published"] == "2020-03-03"
    assert rec["article"]["source"] == "test"
    names = {a["name"] for a in rec["actors"]}
    assert "Sergei Lavrov" in names
    assert any(e["type"] == "CONSULT" for e in rec["events"])
    assert any(q["kind"] == "direct" for q in rec["quotes"])


def test_extract_background_events_flag_keeps_acts_mentioned_in_passing(validate):
    text = "Envoys expelled\n\nFollowing the Russian bombardment of Kharkiv, Lithuania expelled four Russian diplomats.\n"
    plain = json.loads(dateline("extract", "-", "--published", "2020-01-01", input=text).stdout)
    both = json.loads(dateline("extract", "-", "--published", "2020-01-01", "--background-events", input=text).stdout)
    validate(both)
    assert "bombardment" not in [e["trigger"] for e in plain["events"]]
    assert "bombardment" in [e["trigger"] for e in both["events"]]
    assert {e["trigger"] for e in plain["events"]} < {e["trigger"] for e in both["events"]}


def test_extract_json_format_and_bad_date_is_a_usage_error(tmp_path):
    f = tmp_path / "story.txt"
    f.write_text(STORY)
    proc = dateline("extract", str(f), "--format", "json", "--published", "2020-03-03")
    assert json.loads(proc.stdout)["schema"] == "dateline/1"
    bad = dateline("extract", str(f), "--published", "03/03/2020", check=False)
    assert bad.returncode == 2 and "E111" in bad.stderr


def test_extract_of_only_bad_input_fails_with_reason(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_text("   \n\n")
    proc = dateline("extract", str(f), check=False)
    assert proc.returncode == 1
    assert "E101" in proc.stderr and proc.stdout == ""


def mixed_folder(root: Path) -> dict[str, str]:
    """A folder with good files and every kind of bad input; returns name -> expected code."""
    root.mkdir()
    (root / "good.txt").write_text(STORY)
    (root / "sub").mkdir()
    (root / "sub" / "copy-of-good.txt").write_text(STORY.replace("\n", "\r\n"))  # same article
    (root / "empty.txt").write_text("")
    (root / "blank.txt").write_text(" \n\t\n")
    (root / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    (root / "latin1.txt").write_bytes(
        "Café talks in Zürich\n\nThe Swiss foreign minister met his French counterpart in Zürich on Tuesday, "
        "the ministry said. Both sides agreed to continue the talks next month.\n".encode("cp1252"))
    big = root / "huge.txt"
    with open(big, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    (root / "nothing.html").write_text("<html><head><title>x</title></head><body><nav>Home</nav></body></html>")
    lines = [
        json.dumps({"id": "j1", "title": "Protesters rally in Paris", "published": "2021-01-10",
                    "source": "test", "text": "Thousands of workers protested against the pension reform in Paris on Saturday, the unions said."}),
        '{"id": "j2", "title": "broken", "text": ',
        json.dumps({"id": "j3", "title": "Talks in Doha", "published": "2021-01-11", "source": "test",
                    "text": "Taliban negotiators met Afghan government officials in Doha on Sunday, a spokesman said."}),
    ]
    (root / "feed.jsonl").write_text("\n".join(lines) + "\n")
    (root / "german.txt").write_text(GERMAN)
    return {"empty.txt": "E101", "blank.txt": "E101", "photo.png": "E102", "huge.txt": "E104",
            "nothing.html": "E105", "feed.jsonl:2": "E106", "german.txt": "E108", "copy-of-good.txt": "E109"}


def test_run_on_a_mixed_folder_stores_the_good_and_logs_the_bad(tmp_path):
    folder = tmp_path / "in"
    expected = mixed_folder(folder)
    db = tmp_path / "x.duckdb"
    proc = dateline("run", str(folder), "--db", str(db), "--published", "2020-03-03")
    assert proc.returncode == 0
    assert "articles 4" in proc.stdout  # good.txt, latin1.txt, feed.jsonl lines 1 and 3
    con = duckdb.connect(str(db), read_only=True)
    log = con.execute("SELECT origin, code, reason FROM ingest_log").fetchall()
    for name, code in expected.items():
        hits = [(o, c, r) for o, c, r in log if o.endswith(name)]
        assert hits and hits[0][1] == code, (name, code, log)
    huge = [r for o, c, r in log if o.endswith("huge.txt")][0]
    assert str(10 * 1024 * 1024) in huge  # the limit is named
    titles = {t for (t,) in con.execute("SELECT title FROM articles").fetchall()}
    assert "Café talks in Zürich" in titles
    con.close()
    # Running again adds nothing.
    again = dateline("run", str(folder), "--db", str(db), "--published", "2020-03-03")
    assert "articles 0" in again.stdout
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 4
    assert con.execute("SELECT count(*) FROM ingest_log").fetchone()[0] == len(log)
    con.close()


@pytest.fixture(scope="module")
def story_db(tmp_path_factory):
    d = tmp_path_factory.mktemp("db")
    f = d / "story.txt"
    f.write_text(STORY)
    db = d / "story.duckdb"
    dateline("run", str(f), "--db", str(db), "--published", "2020-03-02", "--source", "test")
    return db


def test_query_commands_in_every_format(story_db):
    table = dateline("events", "--db", str(story_db)).stdout
    assert "CONSULT" in table and "type" in table.splitlines()[0]
    rows = [json.loads(x) for x in dateline("events", "--db", str(story_db), "--format", "jsonl").stdout.splitlines()]
    assert rows and all("type" in r for r in rows)
    assert all(r["type"] == "ASSAULT" for r in
               map(json.loads, dateline("events", "--db", str(story_db), "--type", "ASSAULT", "--format", "jsonl").stdout.splitlines()))
    reader = csv.DictReader(io.StringIO(dateline("actors", "--db", str(story_db), "--format", "csv").stdout))
    names = {r["name"] for r in reader}
    assert "Sergei Lavrov" in names
    quotes = [json.loads(x) for x in dateline("quotes", "--db", str(story_db), "--speaker", "Cavusoglu", "--format", "jsonl").stdout.splitlines()]
    assert quotes and quotes[0]["text"].startswith("We will not allow")
    none = dateline("events", "--db", str(story_db), "--since", "2030-01-01").stdout
    assert "(no rows)" in none


def test_show_marks_facts_in_the_article(story_db):
    con = duckdb.connect(str(story_db), read_only=True)
    (aid,) = con.execute("SELECT id FROM articles").fetchone()
    con.close()
    out = dateline("show", aid, "--db", str(story_db)).stdout
    assert "[Sergei Lavrov]{" in out and "CONSULT" in out
    missing = dateline("show", "0000000000000000", "--db", str(story_db), check=False)
    assert missing.returncode == 1 and "E303" in missing.stderr


def test_query_on_a_missing_database_is_a_clear_error(tmp_path):
    proc = dateline("events", "--db", str(tmp_path / "nope.duckdb"), check=False)
    assert proc.returncode == 1 and "E302" in proc.stderr
