"""iter_inputs over real files and folders: every good input an Article, every bad one a coded Rejection."""

from __future__ import annotations

import gzip
import io
import json
import os
import random
from pathlib import Path

from dateline.config import Config
from dateline.ingest import iter_inputs
from dateline.model import Article, Rejection

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
STORY = (FIXTURES / "story.txt").read_text(encoding="utf-8")
GERMAN = (FIXTURES / "german.txt").read_text(encoding="utf-8")
ARTICLE_HTML = (FIXTURES / "article.html").read_text(encoding="utf-8")
EMPTY_HTML = (FIXTURES / "menu.html").read_text(encoding="utf-8")
PNG_HEADER = bytes.fromhex("89504e470d0a1a0a0000000d49484452")

FIFTY_MB = 50 * 1024 * 1024


def _records():
    return [
        {"id": "a1", "url": "https://example.org/a1", "title": "Troops withdraw from border town",
         "published": "2020-01-02", "source": "Example Wire",
         "text": "Government troops withdrew from the border town on Thursday, the defence ministry said."},
        {"id": "a2", "title": "Parliament approves budget", "published": "2020-01-03",
         "text": "Parliament approved the national budget on Friday after a week of debate."},
        {"id": "a3", "html": ARTICLE_HTML, "source": "Example Daily"},
    ]


def _write_jsonl(path, broken_line: str | None = None, opener=open):
    lines = [json.dumps(r) for r in _records()]
    if broken_line is not None:
        lines.insert(1, broken_line)
    with opener(path, "wt", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def test_fifty_megabyte_file_is_rejected_before_reading_with_limit_named(tmp_path):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as f:
        f.truncate(FIFTY_MB)  # sparse: 50 MB on paper, no disk used
    (out,) = list(iter_inputs([str(big)]))
    assert isinstance(out, Rejection) and out.code == "E104"
    assert f"is {FIFTY_MB} bytes, over the limit of {Config().max_bytes} bytes" in out.reason
    assert "Config.max_bytes / --max-bytes" in out.reason


def test_small_limit_rejects_an_ordinary_file(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text(STORY, encoding="utf-8")
    (out,) = list(iter_inputs([str(p)], Config(max_bytes=50)))
    assert out.code == "E104" and "over the limit of 50 bytes" in out.reason


def test_jsonl_with_one_broken_line_rejects_only_that_line(tmp_path):
    p = tmp_path / "feed.jsonl"
    _write_jsonl(p, broken_line='{"title": "cut off", "text": "The minister sa')
    out = list(iter_inputs([str(p)]))
    assert [type(x).__name__ for x in out] == ["Article", "Rejection", "Article", "Article"]
    bad = out[1]
    assert bad.origin == f"{p}:2" and bad.code == "E106"
    first, html = out[0], out[3]
    assert first.title == "Troops withdraw from border town" and first.url == "https://example.org/a1"
    assert first.text.startswith("Government troops withdrew")  # the record's text is all body
    assert first.published == "2020-01-02" and first.source == "Example Wire"
    assert first.origin == f"{p}:1"
    assert html.title == "Ceasefire talks stall in Geneva" and html.source == "Example Daily"


def test_jsonl_field_errors_are_E107_and_non_objects_E106(tmp_path):
    p = tmp_path / "feed.ndjson"
    p.write_text("\n".join([
        json.dumps({"title": "No body here"}),
        json.dumps({"text": 42}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"text": "Rebels seized the airport on Monday, witnesses said.", "published": "Monday"}),
    ]) + "\n", encoding="utf-8")
    out = list(iter_inputs([str(p)]))
    assert [(r.origin.rsplit(":", 1)[1], r.code) for r in out] == [
        ("1", "E107"), ("2", "E107"), ("3", "E106"), ("5", "E111")]


def test_gzipped_jsonl_is_read(tmp_path):
    p = tmp_path / "feed.jsonl.gz"
    _write_jsonl(p, opener=gzip.open)
    out = list(iter_inputs([str(p)]))
    assert len(out) == 3 and all(isinstance(x, Article) for x in out)


def test_corrupt_gzip_is_a_rejection_not_a_crash(tmp_path):
    p = tmp_path / "broken.jsonl.gz"
    good = gzip.compress(("\n".join(json.dumps(r) for r in _records()) + "\n").encode())
    p.write_bytes(good[: len(good) // 2])
    out = list(iter_inputs([str(p)]))
    assert out and isinstance(out[-1], Rejection) and out[-1].code == "E110"


def test_missing_path_is_E110_and_unknown_type_E112(tmp_path):
    notes = tmp_path / "notes.csv"
    notes.write_text("a,b\n1,2\n")
    out = list(iter_inputs([str(tmp_path / "nope.txt"), str(notes)]))
    assert [r.code for r in out] == ["E110", "E112"]


def test_stdin_document_and_stdin_jsonl():
    (doc,) = list(iter_inputs(["-"], stdin=io.BytesIO(STORY.encode())))
    assert isinstance(doc, Article) and doc.origin == "-"
    lines = b"\n".join(json.dumps(r).encode() for r in _records()[:2]) + b"\n{oops\n"
    out = list(iter_inputs(["-"], stdin=io.BytesIO(lines)))
    assert [type(x).__name__ for x in out] == ["Article", "Article", "Rejection"]
    assert out[2].origin == "-:3" and out[2].code == "E106"


def test_folder_mixing_good_and_bad_inputs(tmp_path):
    d = tmp_path / "inbox"
    (d / "sub").mkdir(parents=True)
    (d / "a_story.txt").write_text(STORY, encoding="utf-8")
    (d / "b_same_story_crlf.txt").write_bytes(STORY.replace("\n", "  \r\n").encode())
    (d / "c_empty.txt").write_bytes(b"")
    (d / "d_blank.txt").write_text("  \n\t\n")
    (d / "e_image.txt").write_bytes(PNG_HEADER + random.Random(4).randbytes(4096))
    (d / "f_photo.png").write_bytes(PNG_HEADER + random.Random(5).randbytes(512))
    (d / "g_latin1.txt").write_bytes(
        "Caf\u00e9 owners protest\n\nCaf\u00e9 owners in M\u00fcnchen protested on Monday, police said."
        .encode("cp1252"))
    (d / "h_page.html").write_text(ARTICLE_HTML, encoding="utf-8")
    (d / "i_menu.htm").write_text(EMPTY_HTML, encoding="utf-8")
    (d / "j_german.txt").write_text(GERMAN, encoding="utf-8")
    _write_jsonl(d / "sub" / "k_feed.jsonl", broken_line="not json at all")
    (d / "l_noext").write_text(STORY.replace("Tuesday", "Friday"), encoding="utf-8")
    with open(d / "m_huge.txt", "wb") as f:
        f.seek(FIFTY_MB - 1)
        f.write(b"\0")
    (d / ".hidden.txt").write_text(STORY)
    (d / ".git").mkdir()
    (d / ".git" / "x.txt").write_text(STORY)
    unreadable = d / "n_locked.txt"
    unreadable.write_text(STORY)
    os.chmod(unreadable, 0)
    can_lock = not os.access(unreadable, os.R_OK)  # root reads anything

    out = list(iter_inputs([str(d)]))

    by_name = {}
    for x in out:
        by_name.setdefault(os.path.basename(x.origin).split(":")[0], []).append(x)
    assert ".hidden.txt" not in by_name and "x.txt" not in by_name
    codes = {name: [x.code if isinstance(x, Rejection) else "ok" for x in xs] for name, xs in by_name.items()}
    assert codes["a_story.txt"] == ["ok"] and codes["b_same_story_crlf.txt"] == ["ok"]
    assert by_name["a_story.txt"][0].id == by_name["b_same_story_crlf.txt"][0].id
    assert codes["c_empty.txt"] == ["E101"] and codes["d_blank.txt"] == ["E101"]
    assert codes["e_image.txt"] == ["E102"] and codes["f_photo.png"] == ["E102"]
    assert codes["g_latin1.txt"] == ["ok"] and "München" in by_name["g_latin1.txt"][0].text
    assert codes["h_page.html"] == ["ok"] and codes["i_menu.htm"] == ["E105"]
    assert codes["j_german.txt"] == ["E108"]
    assert codes["k_feed.jsonl"] == ["ok", "E106", "ok", "ok"]
    assert codes["l_noext"] == ["ok"]
    assert codes["m_huge.txt"] == ["E104"]
    assert codes["n_locked.txt"] == (["E110"] if can_lock else ["ok"])
    # sorted, deterministic order
    assert [os.path.basename(x.origin) for x in out] == [os.path.basename(x.origin) for x in iter_inputs([str(d)])]
    for x in out:
        if isinstance(x, Rejection):
            assert x.code.startswith("E1") and x.reason and x.origin
