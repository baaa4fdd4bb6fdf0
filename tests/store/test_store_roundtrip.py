"""A record goes into DuckDB and comes back unchanged."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.errors import E_NOT_FOUND, StoreError
from dateline.model import (
    MODALITIES, Actor, Article, Designation, Event, EventDate, Place, Quote, Record, Removal,
    TimeExpr,
)
from dateline.store import Store
from store_samples import BAN, RUS_MIL, SYR_REB, make_record


def test_get_record_equals_added_record(store):
    rec = make_record("r1", n_events=3)
    assert store.add(rec) is True
    back = store.get_record("r1")
    assert back == rec
    assert back.to_dict() == rec.to_dict()


def test_round_trip_keeps_facts_whose_offsets_slice_the_text(store):
    rec = make_record("r2", source=RUS_MIL, target=SYR_REB, verb="shelled", event_type="ASSAULT",
                      cameo="195", goldstein=-10.0, n_events=2)
    store.add(rec)
    back = store.get_record("r2")
    text = back.article.text
    for a in back.actors:
        assert all(text[s:e] == a.name for s, e in a.mentions)
    for ev in back.events:
        s, e = ev.trigger_span
        assert text[s:e] == ev.trigger
    q = back.quotes[0]
    assert text[q.span[0]:q.span[1]] == q.text


def test_actor_without_country_and_unparseable_date_round_trip(store):
    rec = make_record("r3", source=BAN, published="sometime in 2016")
    store.add(rec)
    assert store.get_record("r3") == rec
    # the DATE column holds NULL for text that is not a date; the record keeps it
    assert store.query("SELECT published FROM articles WHERE id = ?", ["r3"]) == [{"published": None}]


def test_get_record_of_unknown_id_raises_e303(store):
    with pytest.raises(StoreError) as exc:
        store.get_record("no-such-id")
    assert exc.value.code == E_NOT_FOUND
    assert "[E303]" in str(exc.value)


# -- property: any well-formed record round-trips -----------------------------

opt_text = st.none() | st.text(max_size=15)
opt_float = st.none() | st.floats(allow_nan=False, allow_infinity=False)
opt_date = st.none() | st.dates().map(lambda d: d.isoformat()) | st.text(max_size=10)


@st.composite
def records(draw) -> Record:
    text = draw(st.text(max_size=200))
    n = len(text)

    def span():
        a = draw(st.integers(0, n))
        b = draw(st.integers(a, n))
        return (a, b)

    def spans():
        return [span() for _ in range(draw(st.integers(0, 3)))]

    art = Article(
        id=draw(st.text(min_size=1, max_size=40)), text=text, title=draw(opt_text),
        source=draw(opt_text), url=draw(opt_text), published=draw(opt_date),
        language=draw(st.none() | st.sampled_from(["en", "de"])),
        removed=[Removal(draw(st.sampled_from(["boilerplate", "caption"])), draw(st.text(max_size=20)))
                 for _ in range(draw(st.integers(0, 2)))],
        published_from=draw(st.none() | st.sampled_from(["given", "html", "dateline"])),
        origin=draw(opt_text),
    )
    actors = [
        Actor(id=f"A{i}", name=draw(st.text(max_size=20)), code=draw(opt_text), country=draw(opt_text),
              sector=draw(opt_text), role=draw(opt_text), kind=draw(opt_text),
              designations=[Designation(draw(st.text(max_size=8)), draw(opt_text), draw(opt_date))
                            for _ in range(draw(st.integers(0, 1)))],
              mentions=spans(), ref=draw(opt_text), organisation=draw(opt_text))
        for i in range(draw(st.integers(0, 3)))
    ]
    places = [
        Place(id=f"P{i}", name=draw(st.text(max_size=20)), country=draw(opt_text), lat=draw(opt_float),
              lon=draw(opt_float), gazetteer_id=draw(opt_text), feature_class=draw(opt_text),
              admin1=draw(opt_text), mentions=spans())
        for i in range(draw(st.integers(0, 2)))
    ]
    times = []
    for i in range(draw(st.integers(0, 2))):
        s = span()
        times.append(TimeExpr(id=f"T{i}", text=text[s[0]:s[1]], value=draw(opt_text), start=draw(opt_date),
                              end=draw(opt_date), granularity=draw(opt_text), span=s,
                              resolved=draw(st.booleans())))
    actor_ids = st.none() | st.sampled_from([a.id for a in actors] or [None])
    place_ids = st.none() | st.sampled_from([p.id for p in places] or [None])
    events = []
    for i in range(draw(st.integers(0, 3))):
        ts = span()
        events.append(Event(
            id=f"E{i}", type=draw(st.sampled_from(["CONSULT", "ASSAULT", "AGREE"])), mode=draw(opt_text),
            cameo=draw(st.none() | st.from_regex(r"\A[0-9]{2,4}\Z")), goldstein=draw(opt_float),
            source=draw(actor_ids), target=draw(actor_ids), modality=draw(st.sampled_from(MODALITIES)),
            date=EventDate(draw(opt_date), draw(opt_date), draw(opt_text), draw(opt_text), draw(opt_text)),
            place=draw(place_ids), trigger=text[ts[0]:ts[1]], span=span(), trigger_span=ts,
            confidence=draw(st.floats(0, 1)), reported_by=draw(actor_ids), quote=draw(opt_text)))
    quotes = []
    for i in range(draw(st.integers(0, 2))):
        s = span()
        quotes.append(Quote(
            id=f"Q{i}", speaker=draw(actor_ids), kind=draw(st.sampled_from(["direct", "indirect"])),
            text=text[s[0]:s[1]], cue=draw(opt_text), span=s, cue_span=draw(st.none() | st.just(span())),
            speaker_span=draw(st.none() | st.just(span())), addressee=draw(actor_ids),
            flags=draw(st.lists(st.sampled_from(["unbalanced", "capped"]), max_size=2))))
    return Record(article=art, actors=actors, places=places, times=times, events=events, quotes=quotes)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rec=records())
def test_any_record_round_trips_through_a_duckdb_file(tmp_path_factory, rec):
    path = tmp_path_factory.getbasetemp() / f"prop-{uuid.uuid4().hex}.duckdb"
    with Store(path) as s:
        assert s.add(rec) is True
        assert s.get_record(rec.article.id) == rec
        counts = s.counts()
    assert counts["articles"] == 1
    assert counts["events"] == len(rec.events)
    assert counts["quotes"] == len(rec.quotes)
    assert counts["actors"] == len(rec.actors)
    assert counts["places"] == len(rec.places)
    with Store(path, read_only=True) as s:
        assert s.get_record(rec.article.id) == rec
    path.unlink()


def test_records_with_more_facts_than_one_insert_statement_holds_round_trip(store):
    recs = [make_record(f"big{i}", n_events=150, published=f"2016-0{i + 1}-15") for i in range(3)]
    assert store.add(recs[0]) is True
    assert store.add_many(recs[1:]) == [True, True]
    assert store.counts()["events"] == 450 and store.counts()["times"] == 450
    assert [store.get_record(r.article.id) for r in recs] == recs
    rows = store.query("SELECT article_id, id, span_start FROM events ORDER BY article_id, span_start")
    assert [r["id"] for r in rows[:150]] == [f"E{i + 1}" for i in range(150)]
