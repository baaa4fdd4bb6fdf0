"""Each query filter of the store selects what an analyst would expect."""

from __future__ import annotations

import duckdb
import pytest

from dateline.errors import StoreError
from dateline.store import Store
from store_samples import BAN, KERRY, LAVROV, RUS_MIL, SYR_REB, make_record


@pytest.fixture
def filled(store):
    store.add(make_record("m1", published="2016-07-25", n_events=2,
                          quote="We made progress"))
    store.add(make_record("m2", published="2016-08-10", source=RUS_MIL, target=SYR_REB,
                          verb="shelled", event_type="ASSAULT", cameo="195", goldstein=-10.0,
                          place=("Aleppo", "SYR", 36.2, 37.15, "geonames:170063"),
                          quote="The strikes continue"))
    store.add(make_record("m3", published="2017-01-05", source=BAN, target=KERRY,
                          verb="urged", event_type="REQUEST", cameo="1041", goldstein=-2.0,
                          quote="Talks must resume"))
    store.add(make_record("m4", published="2017-03-02", source=LAVROV, target=KERRY,
                          verb="met", quote="We spoke frankly"))
    return store


def ids(rows):
    return sorted((r["article_id"], r["id"]) for r in rows)


def test_events_without_filters_lists_all_with_names_and_article_source(filled):
    rows = filled.events()
    assert len(rows) == 5
    first = rows[0]
    assert (first["source_name"], first["source_code"], first["target_country"]) == (
        "John Kerry", "USAGOV", "RUS")
    assert first["article_source"] == "Synthetic Wire" and first["published"] == "2016-07-25"
    assert first["place_name"] == "Vientiane" and first["lat"] == pytest.approx(17.96667)
    assert [r["date_start"] for r in rows] == sorted(r["date_start"] for r in rows)


def test_events_actor_matches_source_or_target_name_case_insensitively(filled):
    assert ids(filled.events(actor="KERRY")) == [("m1", "E1"), ("m1", "E2"), ("m3", "E1"), ("m4", "E1")]
    assert ids(filled.events(actor="rebels")) == [("m2", "E1")]
    assert filled.events(actor="nobody") == []


def test_events_country_matches_source_or_target_country(filled):
    assert ids(filled.events(country="syr")) == [("m2", "E1")]
    assert ids(filled.events(country="RUS")) == [("m1", "E1"), ("m1", "E2"), ("m2", "E1"), ("m4", "E1")]


def test_events_type_is_a_plover_type_or_a_cameo_prefix(filled):
    assert ids(filled.events(type="assault")) == [("m2", "E1")]
    assert ids(filled.events(type="19")) == [("m2", "E1")]
    assert ids(filled.events(type="10")) == [("m3", "E1")]
    assert ids(filled.events(type="04")) == [("m1", "E1"), ("m1", "E2"), ("m4", "E1")]
    assert filled.events(type="05") == []


def test_events_since_and_until_take_days_months_and_years(filled):
    assert ids(filled.events(since="2017")) == [("m3", "E1"), ("m4", "E1")]
    assert ids(filled.events(until="2016-07")) == [("m1", "E1"), ("m1", "E2")]
    assert ids(filled.events(since="2016-08-10", until="2016-08-10")) == [("m2", "E1")]
    assert ids(filled.events(since="2016-07-26", until="2017-01")) == [("m2", "E1"), ("m3", "E1")]


def test_events_filters_combine_and_limit_caps_the_rows(filled):
    assert ids(filled.events(actor="kerry", country="RUS", type="CONSULT", since="2017")) == [("m4", "E1")]
    assert len(filled.events(limit=2)) == 2
    assert filled.events(limit=0) == []


def test_bad_filter_values_raise_store_errors(filled):
    with pytest.raises(StoreError):
        filled.events(since="last week")
    with pytest.raises(StoreError):
        filled.events(until="2016-13")
    with pytest.raises(StoreError):
        filled.events(limit=-1)


def test_filter_values_are_parameters_not_sql(filled, db_path):
    assert filled.events(actor="x' OR '1'='1") == []
    assert filled.events(type="'; DROP TABLE events; --") == []
    assert filled.actors(name="%") == []  # no LIKE wildcards either
    assert filled.counts()["events"] == 5


def test_quotes_filter_by_speaker_and_publication_date(filled):
    rows = filled.quotes(speaker="lavrov")
    assert [(r["article_id"], r["text"], r["speaker_code"]) for r in rows] == [
        ("m4", "We spoke frankly", "RUSGOV")]
    assert [r["article_id"] for r in filled.quotes(since="2016-08", until="2017-01-31")] == ["m2", "m3"]
    assert [r["article_id"] for r in filled.quotes(limit=3)] == ["m1", "m2", "m3"]
    q = filled.quotes(speaker="Ban")[0]
    text = filled.get_record("m3").article.text
    assert text[q["span_start"]:q["span_end"]] == q["text"] == "Talks must resume"
    assert q["flags"] == []


def test_actors_are_aggregated_across_articles(filled):
    rows = filled.actors()
    kerry = next(r for r in rows if r["name"] == "John Kerry")
    # m1: source (3 mentions), m3: target (1 mention), m4: target (1 mention)
    assert kerry["articles"] == 3 and kerry["mentions"] == 5
    assert (kerry["code"], kerry["country"], kerry["sector"], kerry["role"]) == (
        "USAGOV", "USA", "GOV", "Secretary of State")
    assert rows[0]["name"] == "John Kerry"  # most widely reported first
    assert [r["name"] for r in filled.actors(name="SERGEI")] == ["Sergei Lavrov"]
    assert {r["name"] for r in filled.actors(country="rus")} == {"Sergei Lavrov", "Russian forces"}
    assert len(filled.actors(limit=2)) == 2


def test_articles_lists_newest_first_with_fact_counts(filled):
    rows = filled.articles()
    assert [r["id"] for r in rows] == ["m4", "m3", "m2", "m1"]
    m1 = rows[-1]
    assert (m1["events"], m1["quotes"], m1["actors"]) == (2, 1, 2)
    assert "text" not in m1 and m1["chars"] > 0
    assert [r["id"] for r in filled.articles(limit=1)] == ["m4"]


def test_export_writes_parquet_that_duckdb_reads_back(filled, tmp_path):
    out = filled.export(tmp_path / "export")
    con = duckdb.connect()
    n = con.execute("SELECT count(*) FROM read_parquet(?)", [str(out["events"])]).fetchone()[0]
    dyads = con.execute(
        "SELECT source_country, target_country, count(*) FROM read_parquet(?)"
        " GROUP BY ALL ORDER BY ALL", [str(out["events"])]).fetchall()
    assert n == 5
    assert ("USA", "RUS", 2) in dyads
    csv = filled.export(tmp_path / "csv", format="csv")
    assert csv["articles"].read_text().startswith("id,")
