"""The analyst's questions to a store, as parameterised SQL.

Each builder returns ``(sql, params)``; user values only ever travel in
``params``.  Filters left as ``None`` are not applied.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ..errors import E_DB, StoreError

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def date_bound(value: str | dt.date | None, upper: bool) -> dt.date | None:
    """Read a ``since``/``until`` bound; a year or month covers all its days.

    Args:
        value: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or a ``date`` (None: no bound).
        upper: True for ``until`` (the last day covered), False for ``since``.

    Returns:
        date | None: the first (``since``) or last (``until``) day meant.

    Raises:
        StoreError: E301 when the value is not such a date.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    m = _PARTIAL_DATE.match(str(value).strip())
    try:
        if not m:
            raise ValueError(value)
        year, month, day = int(m.group(1)), m.group(2), m.group(3)
        if month is None:
            return dt.date(year, 12, 31) if upper else dt.date(year, 1, 1)
        if day is None:
            last = calendar.monthrange(year, int(month))[1]
            return dt.date(year, int(month), last if upper else 1)
        return dt.date(year, int(month), int(day))
    except ValueError:
        raise StoreError(
            f"{value!r} is not a date; give YYYY, YYYY-MM or YYYY-MM-DD", E_DB
        ) from None


def _limit(sql: str, params: list, limit: int | None) -> str:
    if limit is None:
        return sql
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
        raise StoreError(f"limit must be a whole number >= 0, not {limit!r}", E_DB)
    params.append(limit)
    return sql + " LIMIT ?"


def _where(conds: list[str]) -> str:
    return (" WHERE " + " AND ".join(conds)) if conds else ""


# --- shared filter builders (used by the Store and the HTTP API) -------------


class Conditions:
    """AND-ed SQL conditions and their parameters, added filter by filter.

    Every user value goes into ``params``; ``conds`` only ever hold SQL written here.
    """

    def __init__(self) -> None:
        self.conds: list[str] = []
        self.params: list = []

    def add(self, sql: str, *params) -> None:
        """Add one condition and the values for its ``?`` placeholders, in order.

        Args:
            sql: a boolean SQL expression.
            *params: one value per ``?`` in ``sql``.
        """
        self.conds.append(sql)
        self.params.extend(params)

    def where(self) -> str:
        """The conditions as ``" WHERE a AND b"`` (empty when there are none).

        Returns:
            str: the clause.
        """
        return _where(self.conds)


def _any(template: str, columns: tuple[str, ...]) -> str:
    """``template`` (with ``{c}`` for the column) OR-ed over ``columns``."""
    parts = [template.format(c=c) for c in columns]
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


def name_match(*columns: str) -> str:
    """SQL: one of ``columns`` contains ``?`` ignoring case and accents (one ``?`` per column).

    Args:
        *columns: SQL column references.

    Returns:
        str: the condition.
    """
    return _any("contains(strip_accents(lower({c})), strip_accents(lower(?)))", columns)


def text_match(*columns: str) -> str:
    """SQL: one of ``columns`` contains ``?`` ignoring case (one ``?`` per column).

    Args:
        *columns: SQL column references.

    Returns:
        str: the condition.
    """
    return _any("contains(lower({c}), lower(?))", columns)


def date_range(c: Conditions, expr: str, since, until) -> None:
    """Add ``since <= expr <= until`` (each bound only when given) to ``c``.

    Args:
        c: the conditions to add to.
        expr: the SQL date expression compared.
        since: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, a date or None.
        until: the same; a year or month includes all its days.

    Raises:
        StoreError: E301 on a malformed date.
    """
    lo, hi = date_bound(since, upper=False), date_bound(until, upper=True)
    if lo is not None:
        c.add(f"{expr} >= ?", lo)
    if hi is not None:
        c.add(f"{expr} <= ?", hi)


def event_side(prefix: str, who: str) -> tuple[str, list]:
    """SQL matching one side of an event: its country, CAMEO actor code or whole name.

    Args:
        prefix: ``"source"`` or ``"target"``.
        who: an ISO3 code, an actor code or a name (case and accents ignored).

    Returns:
        tuple: ``(sql, params)``.
    """
    if prefix not in ("source", "target"):
        raise ValueError(f"prefix must be source or target, not {prefix!r}")
    return (
        f"(e.{prefix}_country = upper(?) OR e.{prefix}_code = upper(?)"
        f" OR strip_accents(lower(e.{prefix}_name)) = strip_accents(lower(?)))",
        [who, who, who],
    )


#: The date an event is filtered by when undated events take their article's date.
EVENT_OR_PUBLISHED = "coalesce(e.date_start, a.published)"


def event_conditions(
    actor: str | None = None,
    country: str | None = None,
    type: str | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    *,
    actor_codes: bool = False,
    undated_by_published: bool = False,
    q: str | None = None,
    dyad: tuple[str, str] | None = None,
    modalities: list[str] | None = None,
    place: str | None = None,
    bbox: tuple[float, float, float, float] | None = None,
    article: str | None = None,
) -> Conditions:
    """The filters on ``events e JOIN articles a``; None (or empty) means not applied.

    Args:
        actor: part of the source's or target's name (case and accents ignored).
        country: ISO3 code of the source's or target's country.
        type: a PLOVER type (``CONSULT``) or a CAMEO code prefix (``04``).
        since: earliest date (see ``date_bound``).
        until: latest date (a year or month includes all its days).
        actor_codes: ``actor`` may also be the source's or target's whole actor code.
        undated_by_published: compare dates on the event's date or, when it has
            none, the article's publication date (otherwise undated events fail
            any date bound).
        q: text in the article's title or text or an actor's name (case ignored).
        dyad: two sides (see ``event_side``), in either direction.
        modalities: the event's modality is one of these.
        place: part of the event's place name (case and accents ignored).
        bbox: ``(west, south, east, north)`` the event's coordinates fall in.
        article: the event's article id.

    Returns:
        Conditions: the conditions and their params.

    Raises:
        StoreError: E301 on a malformed date.
    """
    c = Conditions()
    if q:
        c.add(text_match("a.title", "a.text", "e.source_name", "e.target_name"), *[q] * 4)
    if actor:
        match = [name_match("e.source_name"), name_match("e.target_name")]
        if actor_codes:
            match += ["e.source_code = upper(?)", "e.target_code = upper(?)"]
        c.add("(" + " OR ".join(match) + ")", *[actor] * len(match))
    if country:
        c.add("(e.source_country = upper(?) OR e.target_country = upper(?))", country, country)
    if dyad:
        left, right = dyad
        sides = [event_side("source", left), event_side("target", right),
                 event_side("source", right), event_side("target", left)]
        (a_sql, _), (b_sql, _), (c_sql, _), (d_sql, _) = sides
        c.add(f"(({a_sql} AND {b_sql}) OR ({c_sql} AND {d_sql}))", *[v for _, p in sides for v in p])
    if type:
        c.add("(upper(e.type) = upper(?) OR starts_with(e.cameo, ?))", type, type)
    if modalities:
        c.add("e.modality IN (" + ", ".join("?" * len(modalities)) + ")", *modalities)
    date_range(c, EVENT_OR_PUBLISHED if undated_by_published else "e.date_start", since, until)
    if place:
        c.add(name_match("e.place_name"), place)
    if bbox:
        w, s, e, n = bbox
        c.add("e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?", w, e, s, n)
    if article:
        c.add("e.article_id = ?", article)
    return c


def quote_conditions(
    speaker: str | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    *,
    q: str | None = None,
    country: str | None = None,
    article: str | None = None,
) -> Conditions:
    """The filters on ``quotes q JOIN articles a``; None means not applied.

    Args:
        speaker: part of the speaker's name (case and accents ignored).
        since: earliest publication date of the article.
        until: latest publication date of the article.
        q: text in the quote or the speaker's name (case ignored).
        country: ISO3 code of the speaker's country.
        article: the quote's article id.

    Returns:
        Conditions: the conditions and their params.

    Raises:
        StoreError: E301 on a malformed date.
    """
    c = Conditions()
    if q:
        c.add(text_match("q.text", "q.speaker_name"), q, q)
    if speaker:
        c.add(name_match("q.speaker_name"), speaker)
    if country:
        c.add("q.speaker_country = upper(?)", country)
    date_range(c, "a.published", since, until)
    if article:
        c.add("q.article_id = ?", article)
    return c


def actor_conditions(
    name: str | None = None,
    country: str | None = None,
    *,
    codes: bool = False,
    sector: str | None = None,
    kind: str | None = None,
) -> Conditions:
    """The filters on ``actors x``; None means not applied.

    Args:
        name: part of the actor's name (case and accents ignored).
        country: ISO3 code of the actor's country.
        codes: ``name`` may also be the actor's whole CAMEO code.
        sector: the actor's sector code.
        kind: the actor's kind.

    Returns:
        Conditions: the conditions and their params.
    """
    c = Conditions()
    if name:
        if codes:
            c.add("(" + name_match("x.name") + " OR x.code = upper(?))", name, name)
        else:
            c.add(name_match("x.name"), name)
    if country:
        c.add("x.country = upper(?)", country)
    if sector:
        c.add("x.sector = upper(?)", sector)
    if kind:
        c.add("x.kind = lower(?)", kind)
    return c


def article_conditions(
    q: str | None = None,
    source: str | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
) -> Conditions:
    """The filters on ``articles a``; None means not applied.

    Args:
        q: text in the title or the text (case ignored).
        source: part of the source's name (case ignored).
        since: earliest publication date.
        until: latest publication date.

    Returns:
        Conditions: the conditions and their params.

    Raises:
        StoreError: E301 on a malformed date.
    """
    c = Conditions()
    if q:
        c.add(text_match("a.title", "a.text"), q, q)
    if source:
        c.add(text_match("a.source"), source)
    date_range(c, "a.published", since, until)
    return c


# --- the Store's queries -----------------------------------------------------


def events_query(
    actor: str | None = None,
    country: str | None = None,
    type: str | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    limit: int | None = None,
) -> tuple[str, list]:
    """SQL for ``Store.events`` (see there for the filters).

    Returns:
        tuple: ``(sql, params)``.
    """
    c = event_conditions(actor, country, type, since, until)
    params = c.params
    sql = (
        "SELECT e.*, a.published, a.source AS article_source, a.url AS article_url,"
        " a.title AS article_title"
        " FROM events e JOIN articles a ON a.id = e.article_id"
        + c.where()
        + " ORDER BY e.date_start NULLS LAST, e.article_id, e.span_start, e.id"
    )
    return _limit(sql, params, limit), params


def quotes_query(
    speaker: str | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    limit: int | None = None,
) -> tuple[str, list]:
    """SQL for ``Store.quotes``; dates compare the article's publication date.

    Returns:
        tuple: ``(sql, params)``.
    """
    c = quote_conditions(speaker, since, until)
    params = c.params
    sql = (
        "SELECT q.*, a.published, a.source AS article_source, a.url AS article_url,"
        " a.title AS article_title"
        " FROM quotes q JOIN articles a ON a.id = q.article_id"
        + c.where()
        + " ORDER BY a.published NULLS LAST, q.article_id, q.span_start, q.id"
    )
    return _limit(sql, params, limit), params


def actors_query(
    name: str | None = None,
    country: str | None = None,
    limit: int | None = None,
) -> tuple[str, list]:
    """SQL for ``Store.actors``: one row per distinct actor across articles.

    Returns:
        tuple: ``(sql, params)``.
    """
    c = actor_conditions(name, country)
    params = c.params
    sql = (
        "SELECT name, code, country, sector, role, kind,"
        " count(DISTINCT article_id) AS articles,"
        " CAST(sum(coalesce(json_array_length(mentions), 0)) AS BIGINT) AS mentions"
        " FROM actors x"
        + c.where()
        + " GROUP BY name, code, country, sector, role, kind"
        " ORDER BY articles DESC, mentions DESC, name NULLS LAST, code NULLS LAST,"
        " role NULLS LAST"
    )
    return _limit(sql, params, limit), params


def articles_query(limit: int | None = None) -> tuple[str, list]:
    """SQL for ``Store.articles``: the articles (without their text) and fact counts.

    Returns:
        tuple: ``(sql, params)``.
    """
    params: list = []
    sql = (
        "SELECT a.id, a.source, a.url, a.title, a.published, a.language,"
        " a.published_from, a.origin, a.ingested_at, length(a.text) AS chars,"
        " (SELECT count(*) FROM actors x WHERE x.article_id = a.id) AS actors,"
        " (SELECT count(*) FROM events x WHERE x.article_id = a.id) AS events,"
        " (SELECT count(*) FROM quotes x WHERE x.article_id = a.id) AS quotes"
        " FROM articles a"
        " ORDER BY a.published DESC NULLS LAST, a.id"
    )
    return _limit(sql, params, limit), params


def rejections_query(limit: int | None = None) -> tuple[str, list]:
    """SQL for ``Store.rejections``: the ingest log in the order it was written.

    Returns:
        tuple: ``(sql, params)``.
    """
    params: list = []
    sql = (
        "SELECT origin, code, reason, article_id, logged_at FROM ingest_log"
        " ORDER BY logged_at, origin, code"
    )
    return _limit(sql, params, limit), params
