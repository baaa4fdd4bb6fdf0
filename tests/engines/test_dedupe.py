"""Near-duplicates: a wire story republished by other outlets is linked, not coded again."""

from __future__ import annotations

import json

from engine_fixtures import reuters_political

from dateline.cli.main import run
from dateline.engines.dedupe import NearDuplicates, num_sources, shingles
from dateline.ingest import article_from_text
from dateline.store import Store


def long_stories(n: int) -> list[dict]:
    """Long real stories with distinct bodies (the wire itself re-ran some stories under new headlines)."""
    out, seen = [], set()
    for r in reuters_political(80):
        if len(r["text"].split()) > 250 and r["text"][:300] not in seen:
            seen.add(r["text"][:300])
            out.append(r)
    return out[:n]


def test_the_wire_rerunning_a_story_under_a_new_headline_is_linked():
    recs = [r for r in reuters_political(80) if len(r["text"].split()) > 250]
    nd = NearDuplicates(0.8)
    links = [nd.check(article_from_text(r["text"], title=r["title"])) for r in recs]
    bodies = [r["text"][:300] for r in recs]
    for i, link in enumerate(links):  # every linked story has an earlier twin, and only those
        assert (link is not None) == (bodies[i] in bodies[:i])
    assert any(links)


def republished(rec: dict, outlet: str, i: int) -> dict:
    """The same wire story as another outlet runs it: own headline, a credit line, last paragraph cut."""
    paras = rec["text"].split("\n    ")
    body = "\n    ".join(paras[:-1] if len(paras) > 3 else paras)
    return {**rec, "title": f"{outlet}: {rec['title'].title()}", "source": outlet,
            "url": f"https://{outlet.lower().replace(' ', '')}.example/{i}",
            "text": body + f"\n    (Distributed by {outlet} from wire reports)"}


def test_republished_story_is_found_and_other_stories_are_not():
    a, b = long_stories(2)
    nd = NearDuplicates(0.8)
    first = article_from_text(a["text"], title=a["title"])
    assert nd.check(first) is None
    copy = republished(a, "Daily Planet", 1)
    link = nd.check(article_from_text(copy["text"], title=copy["title"]))
    assert link is not None and link[0] == first.id and link[1] >= 0.8
    assert nd.check(article_from_text(b["text"], title=b["title"])) is None
    assert len(nd) == 2  # the copy is linked, not indexed


def test_shingles_are_word_five_grams():
    assert shingles("The talks, in Geneva, ended on Tuesday") == {
        b"the talks in geneva ended", b"talks in geneva ended on", b"in geneva ended on tuesday"}
    assert shingles("Talks ended") == {b"talks ended"}


def test_run_links_copies_and_counts_sources(tmp_path):
    a, b = long_stories(2)
    recs = [a, republished(a, "Daily Planet", 1), b, republished(a, "Evening Star", 2)]
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in recs))
    db = tmp_path / "d.duckdb"
    counts = run([str(path)], str(db), progress=False, near_duplicates=0.8)
    assert counts["articles"] == 2 and counts["duplicates"] == 2
    with Store(db, read_only=True) as s:
        log = s.rejections()
        rows = num_sources(s.connection)
        stored = {r["id"]: r for r in s.articles()}
    assert sorted(r["code"] for r in log) == ["E114", "E114"]
    top = rows[0]
    assert stored[top["article_id"]]["title"] == a["title"]
    assert (top["num_articles"], top["num_sources"]) == (3, 3)
    assert (rows[1]["num_articles"], rows[1]["num_sources"]) == (1, 1)


def test_run_without_the_option_codes_every_copy(tmp_path):
    (a,) = long_stories(1)
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps(a) + "\n" + json.dumps(republished(a, "Daily Planet", 1)) + "\n")
    counts = run([str(path)], str(tmp_path / "d.duckdb"), progress=False)
    assert counts["articles"] == 2 and counts["duplicates"] == 0
