"""Near-duplicates on Spark: the same links, log and records as ``dateline run --near-duplicates``."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from engine_fixtures import reuters_political, spark  # noqa: F401  (fixtures)
from test_dedupe import long_stories, republished

from dateline.cli.main import run
from dateline.engines.dedupe import NearDuplicates, decide_links
from dateline.ingest import article_from_text
from dateline.store import Store


def _parts(folder: Path) -> list[dict]:
    rows = []
    for path in sorted(folder.glob("part-*")):
        if path.suffix == ".parquet":
            import pyarrow.parquet as pq

            rows.extend(pq.read_table(path).to_pylist())
        else:
            rows.extend(json.loads(line) for line in path.read_text().splitlines() if line.strip())
    return rows


def test_band_pairs_decide_as_the_local_index_does():
    """Signatures + band keys + ``decide_links`` (what Spark runs) == ``NearDuplicates.check`` in order."""
    stories = long_stories(6)
    recs = []
    for i, s in enumerate(stories):  # each story, then copies of some of them later in the input
        recs.append(s)
        if i % 2 == 0:
            recs.append(republished(s, f"Outlet {i}", i))
    recs += [republished(stories[0], "Late Herald", 99), republished(stories[3], "Late Star", 98)]
    recs += [r for r in reuters_political(80) if len(r["text"].split()) > 250]  # the wire's own re-runs
    arts = [article_from_text(r["text"], title=r["title"]) for r in recs]
    arts = [a for i, a in enumerate(arts) if a.id not in {b.id for b in arts[:i]}]  # exact copies go first

    nd = NearDuplicates(0.8)
    local = {a.id: link for a in arts if (link := nd.check(a))}

    keyed = NearDuplicates(0.8)
    sigs = [(rank, a.id, keyed.signature(a.text)) for rank, a in enumerate(arts)]
    groups: dict = {}
    for member in sigs:
        for band in keyed.band_keys(member[2]):
            groups.setdefault(band, []).append(member)
    pairs = {(r, i, re_, ie, keyed.similarity(s, se))
             for members in groups.values()
             for (re_, ie, se), (r, i, s) in itertools.combinations(sorted(members), 2)}
    assert decide_links(pairs, 0.8) == local
    assert len(local) >= 6  # the five planted copies and at least one re-run by the wire itself


def test_a_copy_of_a_copy_links_to_the_original():
    a, b = long_stories(2)
    c1, c2 = republished(a, "Daily Planet", 1), republished(a, "Evening Star", 2)
    arts = [article_from_text(r["text"], title=r["title"]) for r in (a, c1, b, c2)]
    nd = NearDuplicates(0.8)
    sig = [nd.signature(x.text) for x in arts]
    assert nd.similarity(sig[3], sig[1]) > nd.similarity(sig[3], sig[0])  # c2 is closest to c1 ...
    links = decide_links([(1, arts[1].id, 0, arts[0].id, nd.similarity(sig[1], sig[0])),
                          (3, arts[3].id, 0, arts[0].id, nd.similarity(sig[3], sig[0])),
                          (3, arts[3].id, 1, arts[1].id, nd.similarity(sig[3], sig[1]))], 0.8)
    assert {k: v[0] for k, v in links.items()} == {arts[1].id: arts[0].id, arts[3].id: arts[0].id}  # ... but c1 is linked


def test_ties_go_to_the_earliest_story():
    links = decide_links([(5, "x", 3, "late", 0.9), (5, "x", 1, "early", 0.9)], 0.8)
    assert links == {"x": ("early", 0.9)}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A story, a republished copy of it, an unrelated story, another republished copy of the first."""
    a, b = long_stories(2)
    recs = [a, republished(a, "Daily Planet", 1), b, republished(a, "Evening Star", 2)]
    path = tmp_path_factory.mktemp("near") / "news.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    return path


def test_spark_links_the_same_articles_and_codes_the_rest_identically(corpus, spark, tmp_path):
    from dateline.engines.spark import read_records, run_spark

    db = tmp_path / "local.duckdb"
    local_counts = run([str(corpus)], str(db), progress=False, near_duplicates=0.8)
    with Store(db, read_only=True) as s:
        records = sorted((r.to_dict() for r in s.iter_records()), key=lambda r: r["article"]["id"])
        log = sorted((r["origin"], r["code"], r["reason"], r["article_id"]) for r in s.rejections())
        links = sorted(s.connection.execute("SELECT * FROM article_links").fetchall())
    assert local_counts["articles"] == 2 and local_counts["duplicates"] == 2 and len(links) == 2

    out = tmp_path / "out"
    counts = run_spark([str(corpus)], str(out), output_format="jsonl", spark=spark, near_duplicates=0.8)
    assert read_records(out) == records
    assert sorted((r["origin"], r["code"], r["reason"], r["article_id"]) for r in _parts(out / "ingest_log")) == log
    spark_links = sorted(tuple(r[c] for c in ("article_id", "duplicate_of", "origin", "source", "url", "similarity"))
                         for r in _parts(out / "links"))
    assert spark_links == links
    assert {k: counts[k] for k in ("articles", "events", "quotes", "duplicates", "rejected")} == \
        {k: local_counts[k] for k in ("articles", "events", "quotes", "duplicates", "rejected")}
    # both copies point at the first story (not the second copy at the first copy, its closest twin)
    a, _ = long_stories(2)
    title_of = {r["article"]["id"]: r["article"]["title"] for r in records}
    by_source = {src: title_of[d] for _, d, _, src, *_ in spark_links}
    assert by_source == {"Daily Planet": a["title"], "Evening Star": a["title"]}
