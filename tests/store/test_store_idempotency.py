"""Re-running adds nothing; a failed write leaves nothing; data survives reopening."""

from __future__ import annotations

import pytest

from dateline.errors import E_DB, E_DUPLICATE, E_EMPTY, StoreError
from dateline.model import Rejection
from dateline.store import Store
from store_samples import LAVROV, RUS_MIL, SYR_REB, make_record

ZERO = {"articles": 0, "events": 0, "quotes": 0, "actors": 0, "places": 0, "times": 0, "rejected": 0}


def test_adding_the_same_record_twice_stores_it_once(store):
    rec = make_record("dup", n_events=2)
    assert store.add(rec) is True
    before = store.counts()
    assert store.add(rec) is False
    assert store.counts() == before
    assert before["articles"] == 1 and before["events"] == 2


def test_add_many_skips_ids_already_stored_and_repeated_in_the_batch(store):
    a, b, c = make_record("a"), make_record("b"), make_record("c")
    assert store.add_many([a, b, a]) == [True, True, False]
    assert store.add_many([b, c]) == [False, True]
    assert store.counts()["articles"] == 3
    assert store.counts()["events"] == 3


def test_has_tells_whether_an_article_is_stored(store):
    assert not store.has("x")
    store.add(make_record("x"))
    assert store.has("x")


def test_the_same_rejection_is_logged_once_across_reruns(db_path):
    rej = Rejection(origin="feed.jsonl:3", code=E_EMPTY, reason="empty text")
    with Store(db_path) as s:
        assert s.reject(rej) is True
        assert s.reject(rej) is False
        assert s.reject(Rejection("feed.jsonl:4", E_EMPTY, "empty text")) is True
        assert s.reject(Rejection("feed.jsonl:3", E_DUPLICATE, "already stored", "abc")) is True
    with Store(db_path) as s:  # a re-run of the same input
        assert s.reject(rej) is False
        assert s.counts()["rejected"] == 3
        log = s.rejections()
    assert {(r["origin"], r["code"]) for r in log} == {
        ("feed.jsonl:3", E_EMPTY), ("feed.jsonl:4", E_EMPTY), ("feed.jsonl:3", E_DUPLICATE)}
    assert next(r for r in log if r["code"] == E_DUPLICATE)["article_id"] == "abc"


def test_reopening_the_file_keeps_every_article_and_fact(db_path):
    recs = [make_record(f"k{i}", n_events=i + 1) for i in range(3)]
    with Store(db_path) as s:
        for r in recs:
            s.add(r)
        counts = s.counts()
    with Store(db_path) as s:
        assert s.counts() == counts
        assert [s.get_record(r.article.id) for r in recs] == recs
        assert s.add(recs[0]) is False
    with Store(db_path, read_only=True) as s:
        assert s.counts() == counts
        assert [r.article.id for r in s.iter_records(batch=2)] == ["k0", "k1", "k2"]


def test_a_record_whose_place_cannot_be_stored_leaves_no_trace(store):
    # The article and actor rows are written before places; the bad latitude makes
    # the places insert fail, and the whole article must be rolled back.
    bad = make_record("bad", n_events=2)
    bad.places[0].lat = "north of the river"
    with pytest.raises(StoreError) as exc:
        store.add(bad)
    assert exc.value.code == E_DB
    assert not store.has("bad")
    assert store.counts() == ZERO
    # the store is still usable, and the corrected record goes in whole
    bad.places[0].lat = 17.9
    assert store.add(bad) is True
    assert store.counts()["events"] == 2


def test_a_record_whose_event_cannot_be_stored_leaves_no_trace(store):
    good = make_record("good")
    store.add(good)
    before = store.counts()
    bad = make_record("bad-event", source=RUS_MIL, target=SYR_REB, event_type="ASSAULT")
    bad.events[0].goldstein = "very negative"  # events come after actors, places and times
    with pytest.raises(StoreError):
        store.add(bad)
    assert store.counts() == before
    for table in ("articles", "actors", "places", "times", "events", "quotes"):
        col = "id" if table == "articles" else "article_id"
        rows = store.query(f"SELECT count(*) AS n FROM {table} WHERE {col} = ?", ["bad-event"])
        assert rows == [{"n": 0}], table


def test_a_failing_batch_keeps_none_of_its_records(store):
    ok = make_record("ok1", target=LAVROV)
    bad = make_record("bad2")
    bad.quotes[0].span = ("start", "end")
    with pytest.raises(StoreError):
        store.add_many([ok, bad])
    assert store.counts() == ZERO


def test_a_read_only_store_refuses_to_write(db_path):
    with Store(db_path):
        pass
    with Store(db_path, read_only=True) as s:
        with pytest.raises(StoreError) as exc:
            s.add(make_record("ro"))
        assert exc.value.code == E_DB
        with pytest.raises(StoreError):
            s.reject(Rejection("x", E_EMPTY, "empty"))
