"""The DuckDB tables of a Dateline store, and the rows one ``Record`` becomes.

One row per article in ``articles`` (with the whole ``dateline/1`` object in
``record`` so it reads back exactly), one row per fact in ``actors``,
``places``, ``times``, ``events`` and ``quotes`` (keyed by ``article_id`` and
the fact's id within its record), and one row per rejected input in
``ingest_log``.  ``events`` and ``quotes`` repeat the names, codes and
countries of their actors so that an analyst can count dyads without joins.
The column reference is ``docs/storage.md``.
"""

from __future__ import annotations

import json
from typing import Any

from ..model import SCHEMA, Record

#: Version written into the ``meta`` table; a store of another version is refused.
STORE_SCHEMA = SCHEMA

#: Columns holding JSON text; query results give them back parsed.
JSON_COLUMNS = frozenset({"removed", "record", "designations", "mentions", "flags", "mention_rules"})

#: Table name → its columns in insert order (the ``article_id`` first for facts).
COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": (
        "id", "source", "url", "title", "published", "language", "text", "removed",
        "published_from", "origin", "record",
    ),
    "actors": (
        "article_id", "id", "name", "code", "country", "sector", "role", "kind",
        "organisation", "ref", "designations", "mentions",
        "evidence_method", "evidence_rule", "evidence_entry", "confidence", "mention_rules",
    ),
    "places": (
        "article_id", "id", "name", "country", "lat", "lon", "gazetteer_id",
        "feature_class", "admin1", "mentions",
    ),
    "times": (
        "article_id", "id", "text", "value", "start", "end", "granularity",
        "span_start", "span_end", "resolved",
    ),
    "events": (
        "article_id", "id", "type", "mode", "cameo", "goldstein",
        "source", "target",
        "source_name", "source_code", "source_country",
        "target_name", "target_code", "target_country",
        "modality", "date_start", "date_end", "date_text", "date_basis",
        "place", "place_name", "lat", "lon",
        "trigger", "span_start", "span_end", "trigger_start", "trigger_end",
        "confidence", "reported_by", "quote",
    ),
    "quotes": (
        "article_id", "id", "speaker", "speaker_name", "speaker_code", "speaker_country",
        "kind", "text", "cue", "addressee", "span_start", "span_end", "flags",
        "date", "place", "place_name",
    ),
}

#: Columns whose value is an ISO date string cast to DATE on insert; a value
#: that is not a valid date becomes NULL there (the exact text stays in ``record``).
DATE_COLUMNS = frozenset({"published", "start", "end", "date_start", "date_end"})

#: The fact tables, in the order they are written.
FACT_TABLES = ("actors", "places", "times", "events", "quotes")

DDL = (
    """
    CREATE TABLE IF NOT EXISTS meta (
        key VARCHAR PRIMARY KEY,
        value VARCHAR NOT NULL
    )""",
    """
    CREATE TABLE IF NOT EXISTS articles (
        id VARCHAR PRIMARY KEY,
        source VARCHAR,
        url VARCHAR,
        title VARCHAR,
        published DATE,
        language VARCHAR,
        text VARCHAR NOT NULL,
        removed JSON,
        published_from VARCHAR,
        origin VARCHAR,
        record JSON NOT NULL,
        ingested_at TIMESTAMP DEFAULT current_timestamp
    )""",
    """
    CREATE TABLE IF NOT EXISTS actors (
        article_id VARCHAR NOT NULL,
        id VARCHAR NOT NULL,
        name VARCHAR,
        code VARCHAR,
        country VARCHAR,
        sector VARCHAR,
        role VARCHAR,
        kind VARCHAR,
        organisation VARCHAR,
        ref VARCHAR,
        designations JSON,
        mentions JSON,
        evidence_method VARCHAR,
        evidence_rule VARCHAR,
        evidence_entry VARCHAR,
        confidence DOUBLE,
        mention_rules JSON
    )""",
    """
    CREATE TABLE IF NOT EXISTS places (
        article_id VARCHAR NOT NULL,
        id VARCHAR NOT NULL,
        name VARCHAR,
        country VARCHAR,
        lat DOUBLE,
        lon DOUBLE,
        gazetteer_id VARCHAR,
        feature_class VARCHAR,
        admin1 VARCHAR,
        mentions JSON
    )""",
    """
    CREATE TABLE IF NOT EXISTS times (
        article_id VARCHAR NOT NULL,
        id VARCHAR NOT NULL,
        text VARCHAR,
        value VARCHAR,
        start DATE,
        "end" DATE,
        granularity VARCHAR,
        span_start INTEGER,
        span_end INTEGER,
        resolved BOOLEAN
    )""",
    """
    CREATE TABLE IF NOT EXISTS events (
        article_id VARCHAR NOT NULL,
        id VARCHAR NOT NULL,
        type VARCHAR,
        mode VARCHAR,
        cameo VARCHAR,
        goldstein DOUBLE,
        source VARCHAR,
        target VARCHAR,
        source_name VARCHAR,
        source_code VARCHAR,
        source_country VARCHAR,
        target_name VARCHAR,
        target_code VARCHAR,
        target_country VARCHAR,
        modality VARCHAR,
        date_start DATE,
        date_end DATE,
        date_text VARCHAR,
        date_basis VARCHAR,
        place VARCHAR,
        place_name VARCHAR,
        lat DOUBLE,
        lon DOUBLE,
        "trigger" VARCHAR,
        span_start INTEGER,
        span_end INTEGER,
        trigger_start INTEGER,
        trigger_end INTEGER,
        confidence DOUBLE,
        reported_by VARCHAR,
        quote VARCHAR
    )""",
    """
    CREATE TABLE IF NOT EXISTS quotes (
        article_id VARCHAR NOT NULL,
        id VARCHAR NOT NULL,
        speaker VARCHAR,
        speaker_name VARCHAR,
        speaker_code VARCHAR,
        speaker_country VARCHAR,
        kind VARCHAR,
        text VARCHAR,
        cue VARCHAR,
        addressee VARCHAR,
        span_start INTEGER,
        span_end INTEGER,
        flags JSON,
        "date" VARCHAR,
        place VARCHAR,
        place_name VARCHAR
    )""",
    """
    CREATE TABLE IF NOT EXISTS ingest_log (
        origin VARCHAR NOT NULL,
        code VARCHAR NOT NULL,
        reason VARCHAR,
        article_id VARCHAR,
        logged_at TIMESTAMP DEFAULT current_timestamp,
        UNIQUE (origin, code)
    )""",
)


#: Columns added after the first release of ``dateline/1``: (table, column, type).
#: Opening an older store for writing adds them (``ALTER TABLE ... ADD COLUMN IF
#: NOT EXISTS``); their values are NULL for the rows written before.  A store
#: opened read-only is not altered and reads as before (its records are whole in
#: ``articles.record``).
ADDED_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("actors", "evidence_method", "VARCHAR"),
    ("actors", "evidence_rule", "VARCHAR"),
    ("actors", "evidence_entry", "VARCHAR"),
    ("actors", "confidence", "DOUBLE"),
    ("actors", "mention_rules", "JSON"),
)


def quote_ident(name: str) -> str:
    """Quote a column name for SQL (``end`` and ``trigger`` are keywords)."""
    return '"' + name.replace('"', '""') + '"'


def insert_sql(table: str, n_rows: int = 1) -> str:
    """The parameterised INSERT statement of ``table`` (no values are formatted in).

    Args:
        table: one of the keys of ``COLUMNS``.
        n_rows: how many rows the statement inserts (one placeholder tuple each).

    Returns:
        str: ``INSERT INTO table (cols) VALUES (?, TRY_CAST(? AS DATE), ...), ...``.
    """
    cols = COLUMNS[table]
    marks = "(" + ", ".join("TRY_CAST(? AS DATE)" if c in DATE_COLUMNS else "?" for c in cols) + ")"
    names = ", ".join(quote_ident(c) for c in cols)
    return f"INSERT INTO {table} ({names}) VALUES " + ", ".join([marks] * n_rows)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _pair(span: Any) -> tuple[Any, Any]:
    if span is None:
        return None, None
    return span[0], span[1]


def record_rows(record: Record) -> dict[str, list[tuple]]:
    """Turn one record into the rows of every table.

    Args:
        record: the article and its facts.

    Returns:
        dict: table name → list of row tuples in the column order of ``COLUMNS``.
    """
    d = record.to_dict()
    art = d["article"]
    aid = art["id"]
    actors = {a["id"]: a for a in d["actors"]}
    places = {p["id"]: p for p in d["places"]}
    rows: dict[str, list[tuple]] = {
        "articles": [(
            aid, art["source"], art["url"], art["title"], art["published"],
            art["language"], art["text"], _json(art["removed"]),
            art["published_from"], art["origin"], _json(d),
        )],
    }
    rows["actors"] = []
    for a in d["actors"]:
        ev = a.get("evidence") or {}
        rows["actors"].append((
            aid, a["id"], a["name"], a["code"], a["country"], a["sector"], a["role"], a["kind"],
            a["organisation"], a["ref"], _json(a["designations"]), _json(a["mentions"]),
            ev.get("method"), ev.get("rule"), ev.get("entry"), ev.get("confidence"),
            _json(ev["mentions"]) if ev else None,
        ))
    rows["places"] = [
        (aid, p["id"], p["name"], p["country"], p["lat"], p["lon"], p["gazetteer_id"],
         p["feature_class"], p["admin1"], _json(p["mentions"]))
        for p in d["places"]
    ]
    rows["times"] = [
        (aid, t["id"], t["text"], t["value"], t["start"], t["end"], t["granularity"],
         *_pair(t["span"]), t["resolved"])
        for t in d["times"]
    ]
    rows["events"] = []
    for e in d["events"]:
        src = actors.get(e["source"]) or {}
        tgt = actors.get(e["target"]) or {}
        place = places.get(e["place"]) or {}
        date = e["date"] or {}
        rows["events"].append((
            aid, e["id"], e["type"], e["mode"], e["cameo"], e["goldstein"],
            e["source"], e["target"],
            src.get("name"), src.get("code"), src.get("country"),
            tgt.get("name"), tgt.get("code"), tgt.get("country"),
            e["modality"], date.get("start"), date.get("end"), date.get("text"),
            date.get("basis"),
            e["place"], place.get("name"), place.get("lat"), place.get("lon"),
            e["trigger"], *_pair(e["span"]), *_pair(e["trigger_span"]),
            e["confidence"], e["reported_by"], e["quote"],
        ))
    rows["quotes"] = []
    for q in d["quotes"]:
        spk = actors.get(q["speaker"]) or {}
        rows["quotes"].append((
            aid, q["id"], q["speaker"], spk.get("name"), spk.get("code"), spk.get("country"),
            q["kind"], q["text"], q["cue"], q["addressee"], *_pair(q["span"]),
            _json(q["flags"]), q.get("date"), q.get("place"), (places.get(q.get("place")) or {}).get("name"),
        ))
    return rows
