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
    conds: list[str] = []
    params: list = []
    if actor:
        conds.append(
            "(contains(strip_accents(lower(e.source_name)), strip_accents(lower(?)))"
            " OR contains(strip_accents(lower(e.target_name)), strip_accents(lower(?))))"
        )
        params += [actor, actor]
    if country:
        conds.append("(e.source_country = upper(?) OR e.target_country = upper(?))")
        params += [country, country]
    if type:
        conds.append("(upper(e.type) = upper(?) OR starts_with(e.cameo, ?))")
        params += [type, type]
    lo, hi = date_bound(since, upper=False), date_bound(until, upper=True)
    if lo is not None:
        conds.append("e.date_start >= ?")
        params.append(lo)
    if hi is not None:
        conds.append("e.date_start <= ?")
        params.append(hi)
    sql = (
        "SELECT e.*, a.published, a.source AS article_source, a.url AS article_url,"
        " a.title AS article_title"
        " FROM events e JOIN articles a ON a.id = e.article_id"
        + _where(conds)
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
    conds: list[str] = []
    params: list = []
    if speaker:
        conds.append("contains(strip_accents(lower(q.speaker_name)), strip_accents(lower(?)))")
        params.append(speaker)
    lo, hi = date_bound(since, upper=False), date_bound(until, upper=True)
    if lo is not None:
        conds.append("a.published >= ?")
        params.append(lo)
    if hi is not None:
        conds.append("a.published <= ?")
        params.append(hi)
    sql = (
        "SELECT q.*, a.published, a.source AS article_source, a.url AS article_url,"
        " a.title AS article_title"
        " FROM quotes q JOIN articles a ON a.id = q.article_id"
        + _where(conds)
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
    conds: list[str] = []
    params: list = []
    if name:
        conds.append("contains(strip_accents(lower(name)), strip_accents(lower(?)))")
        params.append(name)
    if country:
        conds.append("country = upper(?)")
        params.append(country)
    sql = (
        "SELECT name, code, country, sector, role, kind,"
        " count(DISTINCT article_id) AS articles,"
        " CAST(sum(coalesce(json_array_length(mentions), 0)) AS BIGINT) AS mentions"
        " FROM actors"
        + _where(conds)
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
