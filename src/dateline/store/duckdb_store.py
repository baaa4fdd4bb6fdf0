"""Dateline's embedded store: one DuckDB file holding articles and their facts.

Writing is all-or-nothing per article (one transaction for the article and all
its facts), so a process killed half-way leaves only whole articles behind, and
re-running over the same input adds nothing (the article id is a content hash;
an id already stored is skipped, a rejection already logged is not logged again).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import duckdb

from ..errors import E_DB, E_DB_NOT_FOUND, E_NOT_FOUND, StoreError
from ..model import Record, Rejection
from . import queries
from .schema import (ADDED_COLUMNS, COLUMNS, DDL, FACT_TABLES, JSON_COLUMNS, STORE_SCHEMA, insert_sql,
                     quote_ident, record_rows)

MEMORY = ":memory:"

#: DuckDB memory limit for a long ingest (``dateline run``).  DuckDB's default
#: (80% of RAM) lets it keep every block of the file it has touched, and the
#: memory a checkpoint takes grows with the file, so a run's peak would grow
#: with its length; at 32 MB the cached blocks are evicted and the checkpoint
#: works in bounded memory, larger work spills to ``<file>.tmp``
#: (docs/scale.md, "Memory").
INGEST_MEMORY_LIMIT = "32MB"


class Store:
    """A Dateline DuckDB file: open it, ``add`` records, ask it questions.

    Use it as a context manager (``with Store("news.duckdb") as db: ...``) or call
    ``close()``.  One ``Store`` may be shared by threads (calls are serialised);
    only one process may have a file open for writing at a time.
    """

    def __init__(self, path: str | Path, read_only: bool = False, memory_limit: str | None = None):
        """Open (and, unless read-only, create) a store.

        Args:
            path: the database file (``":memory:"`` for a throw-away store).
            read_only: open without writing; the file must already exist.
            memory_limit: DuckDB ``memory_limit`` for this file (e.g. ``"32MB"``,
                ``INGEST_MEMORY_LIMIT`` for long ingests); None keeps DuckDB's
                default.  Ignored for ``":memory:"``, whose data must fit in it.

        Raises:
            StoreError: E302 when a read-only file does not exist; E301 when the
                file cannot be opened (locked by another process, not a DuckDB
                file, not a Dateline store, a different schema version).
        """
        self.path = str(path)
        self.read_only = read_only
        self._lock = threading.RLock()
        in_memory = self.path == MEMORY
        if not in_memory:
            p = Path(self.path)
            if read_only and not p.exists():
                raise StoreError(
                    f"no database at {self.path}; run an ingest first or check the path",
                    E_DB_NOT_FOUND,
                )
            if not read_only:
                try:
                    p.parent.mkdir(parents=True, exist_ok=True)
                except OSError as e:
                    raise StoreError(f"cannot create the folder of {self.path}: {e}", E_DB) from e
        try:
            self._con: duckdb.DuckDBPyConnection | None = duckdb.connect(
                self.path, read_only=read_only and not in_memory
            )
        except duckdb.Error as e:
            raise StoreError(_open_message(self.path, e), E_DB) from e
        try:
            if memory_limit is not None and not in_memory:
                self._con.execute(f"SET memory_limit = '{_size(memory_limit)}'")
            self._init_schema()
        except BaseException:
            self._con.close()
            self._con = None
            raise

    # -- lifecycle -----------------------------------------------------------

    def _init_schema(self) -> None:
        con = self._con
        if not self.read_only:
            try:
                con.begin()
                for ddl in DDL:
                    con.execute(ddl)
                for table, column, typ in ADDED_COLUMNS:  # stores written by an older Dateline
                    con.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {quote_ident(column)} {typ}")
                con.execute(
                    "INSERT INTO meta (key, value) VALUES ('schema', ?) ON CONFLICT DO NOTHING",
                    [STORE_SCHEMA],
                )
                con.commit()
            except duckdb.Error as e:
                con.rollback()
                raise StoreError(f"cannot create the tables in {self.path}: {e}", E_DB) from e
        try:
            row = con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        except duckdb.CatalogException:
            row = None
        if row is None:
            raise StoreError(
                f"{self.path} is a DuckDB file but not a Dateline store (no meta table);"
                " open it without read_only to create one",
                E_DB,
            )
        if row[0] != STORE_SCHEMA:
            raise StoreError(
                f"{self.path} holds schema {row[0]!r}; this Dateline reads {STORE_SCHEMA!r}",
                E_DB,
            )

    def close(self) -> None:
        """Close the file (committed data is already on disk). Safe to call twice."""
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "read-only" if self.read_only else "read-write"
        state = "closed" if self._con is None else mode
        return f"Store({self.path!r}, {state})"

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The underlying DuckDB connection, for ad hoc SQL (do not close it)."""
        if self._con is None:
            raise StoreError(f"the store {self.path} is closed", E_DB)
        return self._con

    def _writable(self) -> duckdb.DuckDBPyConnection:
        con = self.connection
        if self.read_only:
            raise StoreError(f"{self.path} was opened read-only; open it without read_only", E_DB)
        return con

    # -- writing ---------------------------------------------------------------

    def add(self, record: Record) -> bool:
        """Store one article and all its facts in a single transaction.

        Args:
            record: the article's record.

        Returns:
            bool: True if stored, False if an article with this id was already
            there (nothing is written then).

        Raises:
            StoreError: E301 when the database refuses the record (nothing of it
                is kept).
        """
        return self.add_many([record])[0]

    def add_many(self, records: Iterable[Record]) -> list[bool]:
        """Store several records in one transaction (faster for batches).

        Either every new record of the batch is stored or, on error, none is.

        Args:
            records: the records; ids already stored (or repeated within the
                batch) are skipped.

        Returns:
            list[bool]: for each record, whether it was stored.

        Raises:
            StoreError: E301 when the database refuses a record.
        """
        records = list(records)
        with self._lock:
            con = self._writable()
            rows: dict[str, list[tuple]] = {t: [] for t in ("articles", *FACT_TABLES)}
            added: list[bool] = []
            seen: set[str] = set()
            con.begin()
            try:
                for rec in records:
                    aid = rec.article.id
                    if aid in seen or self._has(con, aid):
                        added.append(False)
                        continue
                    seen.add(aid)
                    added.append(True)
                    for table, table_rows in record_rows(rec).items():
                        rows[table].extend(table_rows)
                for table, table_rows in rows.items():
                    _insert(con, table, table_rows)
                con.commit()
            except duckdb.Error as e:
                con.rollback()
                raise StoreError(f"could not store the article(s): {e}", E_DB) from e
            except BaseException:
                con.rollback()
                raise
            return added

    def reject(self, rejection: Rejection) -> bool:
        """Log an input that was not turned into a record.

        The same ``(origin, code)`` is logged once, however often it is reported,
        so re-running over the same input adds nothing.

        Args:
            rejection: where the input came from, the error code and the reason.

        Returns:
            bool: True if logged now, False if it was already in the log.

        Raises:
            StoreError: E301 when the database refuses the row.
        """
        with self._lock:
            con = self._writable()
            try:
                con.begin()
                before = con.execute(
                    "SELECT count(*) FROM ingest_log WHERE origin = ? AND code = ?",
                    [rejection.origin, rejection.code],
                ).fetchone()[0]
                if not before:
                    con.execute(
                        "INSERT INTO ingest_log (origin, code, reason, article_id)"
                        " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        [rejection.origin, rejection.code, rejection.reason, rejection.article_id],
                    )
                con.commit()
            except duckdb.Error as e:
                con.rollback()
                raise StoreError(f"could not log the rejection: {e}", E_DB) from e
            return not before

    # -- reading ---------------------------------------------------------------

    @staticmethod
    def _has(con: duckdb.DuckDBPyConnection, article_id: str) -> bool:
        return con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is not None

    def has(self, article_id: str) -> bool:
        """Whether an article with this id is stored.

        Args:
            article_id: the article's id.

        Returns:
            bool: True if stored.
        """
        with self._lock:
            return self._has(self.connection, article_id)

    def get_record(self, article_id: str) -> Record:
        """Read back one article's record exactly as it was added.

        Args:
            article_id: the article's id.

        Returns:
            Record: equal to the one passed to ``add``.

        Raises:
            StoreError: E303 when no such article is stored.
        """
        with self._lock:
            row = self.connection.execute(
                "SELECT record FROM articles WHERE id = ?", [article_id]
            ).fetchone()
        if row is None:
            raise StoreError(f"no article {article_id!r} in {self.path}", E_NOT_FOUND)
        return Record.from_dict(json.loads(row[0]))

    def iter_records(self, batch: int = 500) -> Iterator[Record]:
        """Every stored record, in id order (for exports).

        Args:
            batch: how many records to read at a time.

        Returns:
            Iterator[Record]: the records.
        """
        last = ""
        while True:
            with self._lock:
                rows = self.connection.execute(
                    "SELECT id, record FROM articles WHERE id > ? ORDER BY id LIMIT ?",
                    [last, batch],
                ).fetchall()
            if not rows:
                return
            for _, rec in rows:
                yield Record.from_dict(json.loads(rec))
            last = rows[-1][0]

    def counts(self) -> dict[str, int]:
        """How much is stored.

        Returns:
            dict: ``articles``, ``events``, ``quotes``, ``actors``, ``places``,
            ``times`` and ``rejected`` (rows in ``ingest_log``).
        """
        names = {"articles": "articles", "events": "events", "quotes": "quotes",
                 "actors": "actors", "places": "places", "times": "times",
                 "rejected": "ingest_log"}
        sql = "SELECT " + ", ".join(
            f"(SELECT count(*) FROM {table}) AS {key}" for key, table in names.items()
        )
        with self._lock:
            row = self.connection.execute(sql).fetchone()
        return dict(zip(names, (int(n) for n in row)))

    def query(self, sql: str, params: list | tuple | None = None) -> list[dict[str, Any]]:
        """Run any SQL and get plain dicts back (dates as ISO text, JSON parsed).

        Args:
            sql: the statement; pass values as ``?`` placeholders.
            params: the values of the placeholders.

        Returns:
            list[dict]: one dict per row.

        Raises:
            StoreError: E301 when DuckDB rejects the statement.
        """
        with self._lock:
            try:
                cur = self.connection.execute(sql, list(params or []))
                cols = [(d[0], str(d[1])) for d in cur.description or []]
                rows = cur.fetchall()
            except duckdb.Error as e:
                raise StoreError(f"query failed: {e}", E_DB) from e
        return [_plain_row(cols, row) for row in rows]

    def events(
        self,
        actor: str | None = None,
        country: str | None = None,
        type: str | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Events, with their actors' names, codes and countries and the article's source.

        Args:
            actor: part of the source's or target's name (case-insensitive).
            country: ISO3 code of the source's or target's country.
            type: a PLOVER type (``"CONSULT"``) or a CAMEO code prefix (``"04"``).
            since: earliest ``date_start`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``).
            until: latest ``date_start`` (a year or month includes all its days).
            limit: at most this many rows.

        Returns:
            list[dict]: one dict per event (columns of ``events`` plus
            ``published``, ``article_source``, ``article_url``, ``article_title``).

        Raises:
            StoreError: E301 on a malformed date or limit.
        """
        return self.query(*queries.events_query(actor, country, type, since, until, limit))

    def quotes(
        self,
        speaker: str | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Quotes with their speakers, newest articles last.

        Args:
            speaker: part of the speaker's name (case-insensitive).
            since: earliest publication date of the article.
            until: latest publication date of the article.
            limit: at most this many rows.

        Returns:
            list[dict]: one dict per quote (columns of ``quotes`` plus the article's
            ``published``, ``article_source``, ``article_url``, ``article_title``).

        Raises:
            StoreError: E301 on a malformed date or limit.
        """
        return self.query(*queries.quotes_query(speaker, since, until, limit))

    def actors(
        self, name: str | None = None, country: str | None = None, limit: int | None = None
    ) -> list[dict[str, Any]]:
        """Actors aggregated across articles, most widely reported first.

        Args:
            name: part of the actor's name (case-insensitive).
            country: ISO3 code of the actor's country.
            limit: at most this many rows.

        Returns:
            list[dict]: ``name, code, country, sector, role, kind, articles``
            (how many articles mention it) and ``mentions`` (how many times).
        """
        return self.query(*queries.actors_query(name, country, limit))

    def articles(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Stored articles (without text), newest first, with their fact counts.

        Args:
            limit: at most this many rows.

        Returns:
            list[dict]: ``id, source, url, title, published, language,
            published_from, origin, ingested_at, chars, actors, events, quotes``.
        """
        return self.query(*queries.articles_query(limit))

    def rejections(self, limit: int | None = None) -> list[dict[str, Any]]:
        """The ingest log: every input that was not stored, and why.

        Args:
            limit: at most this many rows.

        Returns:
            list[dict]: ``origin, code, reason, article_id, logged_at``.
        """
        return self.query(*queries.rejections_query(limit))

    def export(self, directory: str | Path, format: str = "parquet") -> dict[str, Path]:
        """Write every table to ``directory`` as Parquet (or CSV) files.

        Args:
            directory: where to write ``articles.parquet``, ``events.parquet``, ...
            format: ``"parquet"`` or ``"csv"``.

        Returns:
            dict: table name → the file written.

        Raises:
            StoreError: E301 on an unknown format or a write error.
        """
        if format not in ("parquet", "csv"):
            raise StoreError(f"unknown export format {format!r}; use parquet or csv", E_DB)
        out = Path(directory)
        out.mkdir(parents=True, exist_ok=True)
        written: dict[str, Path] = {}
        with self._lock:
            con = self.connection
            try:
                for table in (*COLUMNS, "ingest_log"):
                    target = out / f"{table}.{format}"
                    rel = con.table(table)
                    if format == "parquet":
                        rel.write_parquet(str(target))
                    else:
                        rel.write_csv(str(target), header=True)
                    written[table] = target
            except (duckdb.Error, OSError) as e:
                raise StoreError(f"export to {out} failed: {e}", E_DB) from e
        return written


#: Rows per INSERT statement: one statement of many rows is much faster in
#: DuckDB than ``executemany`` (which runs one statement per row).
_CHUNK = 64


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[tuple]) -> None:
    for i in range(0, len(rows), _CHUNK):
        chunk = rows[i:i + _CHUNK]
        con.execute(insert_sql(table, len(chunk)), [v for row in chunk for v in row])


def _plain_row(cols: list[tuple[str, str]], row: tuple) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for (name, typ), value in zip(cols, row):
        if value is not None:
            if typ == "JSON" or (name in JSON_COLUMNS and isinstance(value, str)):
                value = json.loads(value)
            elif isinstance(value, (dt.date, dt.datetime)):
                value = value.isoformat()
        out[name] = value
    return out


def _size(value: str) -> str:
    """``value`` if it reads as a DuckDB size (``"32MB"``, ``"1.5GB"``), else StoreError E301."""
    text = str(value).strip()
    if not re.fullmatch(r"\d+(\.\d+)?\s*(B|KB|KiB|MB|MiB|GB|GiB|TB|TiB)", text, re.IGNORECASE):
        raise StoreError(f"memory limit {value!r} is not a size such as '32MB' or '2GB'", E_DB)
    return text


def _open_message(path: str, err: duckdb.Error) -> str:
    text = str(err)
    if "lock" in text.lower():
        return (
            f"{path} is in use by another process (DuckDB allows one writer);"
            f" wait for it to finish or stop it. DuckDB said: {text}"
        )
    if "not a valid DuckDB database" in text:
        return f"{path} exists but is not a DuckDB database; choose another file. DuckDB said: {text}"
    return f"cannot open {path}: {text}"
