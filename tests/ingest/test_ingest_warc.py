"""WARC/WARC.gz and Parquet inputs: articles from HTML responses, the rest counted, damage recorded."""

from __future__ import annotations

import datetime as dt
import json
import tracemalloc

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from warc_samples import write_warc

from dateline.ingest import iter_inputs
from dateline.model import Article, Rejection


def split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Rejection)]


@pytest.mark.parametrize("gz", [True, False])
def test_warc_html_responses_become_articles_and_other_records_are_counted(tmp_path, gz):
    path = write_warc(tmp_path / ("news.warc.gz" if gz else "news.warc"), 3, gz=gz)
    arts, rej = split(iter_inputs([str(path)]))
    assert [a.title for a in arts] == [f"Talks number {i} in Geneva" for i in range(3)]
    assert [a.url for a in arts] == [f"https://news.example.org/world/{i}" for i in range(3)]
    assert all("foreign ministers" in a.text and "Home | World" not in a.text for a in arts)
    assert arts[0].origin == f"{path}:3"  # warcinfo, request, then the response
    assert [(r.code, r.origin) for r in rej] == [("E116", str(path))]
    assert "request 3" in rej[0].reason and "image/png 1" in rej[0].reason and "warcinfo 1" in rej[0].reason


def test_truncated_warc_gz_keeps_records_before_the_damage(tmp_path):
    whole = write_warc(tmp_path / "whole.warc.gz", 4, image=False)
    cut = tmp_path / "cut.warc.gz"
    data = whole.read_bytes()
    cut.write_bytes(data[: len(data) - 200])  # inside the last response
    arts, rej = split(iter_inputs([str(cut)]))
    assert [a.title for a in arts] == [f"Talks number {i} in Geneva" for i in range(3)]
    damage = [r for r in rej if r.code == "E115"]
    assert len(damage) == 1 and damage[0].origin == str(cut) and "truncated" in damage[0].reason


def test_truncated_plain_warc_keeps_records_before_the_damage(tmp_path):
    whole = write_warc(tmp_path / "whole.warc", 3, gz=False, image=False)
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole.read_bytes()[:-300])
    arts, rej = split(iter_inputs([str(cut)]))
    assert [a.title for a in arts] == [f"Talks number {i} in Geneva" for i in range(2)]
    assert [r.code for r in rej if r.code == "E115"] == ["E115"]


def test_warc_reading_streams_memory_does_not_grow_with_records(tmp_path):
    small = write_warc(tmp_path / "small.warc.gz", 100)
    large = write_warc(tmp_path / "large.warc.gz", 500)

    # The HTML extractor's libraries keep bounded LRU caches (trafilatura, htmldate):
    # they fill up to their maximum and stop; what is measured is everything else.
    caches = [tracemalloc.Filter(False, f"*/{lib}/*", all_frames=True) for lib in ("trafilatura", "htmldate")]

    def retained(path):
        tracemalloc.start(12)
        before = tracemalloc.take_snapshot().filter_traces(caches)
        n = 0
        for x in iter_inputs([str(path)]):
            n += isinstance(x, Article)
        after = tracemalloc.take_snapshot().filter_traces(caches)
        tracemalloc.stop()
        return n, sum(d.size_diff for d in after.compare_to(before, "filename"))

    retained(write_warc(tmp_path / "warm.warc.gz", 20))  # imports and first-use state
    (n_small, grew_small), (n_large, grew_large) = retained(small), retained(large)
    assert (n_small, n_large) == (100, 500)
    assert grew_large < 100 * 1024, (grew_small, grew_large)  # no per-record growth


def test_parquet_rows_become_articles_like_jsonl_records(tmp_path):
    rows = [{"title": f"Talks {i}", "text": f"The ministers of France and Germany met in Paris on day {i}, "
             "officials said.", "published": dt.date(2016, 7, 20 + i), "source": "Wire", "extra": i}
            for i in range(3)]
    rows.append({"title": "no text", "text": None, "published": None, "source": None, "extra": 9})
    path = tmp_path / "news.parquet"
    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=2)
    jsonl = tmp_path / "news.jsonl"
    jsonl.write_text("".join(json.dumps({k: (str(v) if isinstance(v, dt.date) else v) for k, v in r.items()
                                         if k != "extra" and v is not None}) + "\n" for r in rows))
    arts, rej = split(iter_inputs([str(path)]))
    same, _ = split(iter_inputs([str(jsonl)]))
    assert [a.id for a in arts] == [a.id for a in same] and len(arts) == 3
    assert [a.published for a in arts] == ["2016-07-20", "2016-07-21", "2016-07-22"]
    assert [a.origin for a in arts] == [f"{path}:{i}" for i in (1, 2, 3)]
    assert [(r.code, r.origin) for r in rej] == [("E107", f"{path}:4")]


def test_damaged_parquet_is_recorded(tmp_path):
    path = tmp_path / "news.parquet"
    pq.write_table(pa.Table.from_pylist([{"text": "The ministers met in Paris, officials said."}]), path)
    path.write_bytes(path.read_bytes()[:-20])
    arts, rej = split(iter_inputs([str(path)]))
    assert not arts and [r.code for r in rej] == ["E115"]
