"""The HTTP API's questions to a store, as parameterised SQL.

Every builder returns ``(sql, params)`` and user values only ever travel in
``params``.  Filters are checked here (``ParamError`` names the parameter and
says what is allowed) so that a bad value is a clear 400, never a SQL error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import StoreError
from ..store.queries import (
    EVENT_OR_PUBLISHED,
    actor_conditions,
    article_conditions,
    date_bound,
    event_conditions,
    event_side,
    quote_conditions,
)

#: Event modalities (see docs/codes.md).
MODALITIES = ("asserted", "intended", "negated", "hypothetical", "reported")
#: Buckets for timelines and dyad series.
INTERVALS = ("day", "week", "month", "year")

_PLOVER = re.compile(r"^[A-Z_]{3,20}$")
_CAMEO = re.compile(r"^\d{2,4}$")
_ISO3 = re.compile(r"^[A-Za-z]{3}$")


class ParamError(ValueError):
    """A query parameter with a value the API does not accept.

    Args:
        param: the parameter's name.
        message: what is wrong and what is allowed.
    """

    def __init__(self, param: str, message: str):
        self.param = param
        super().__init__(f"{param}: {message}")


@dataclass
class EventFilter:
    """The filters shared by ``/events``, ``/events/timeline`` and ``/events/network``."""

    q: str | None = None
    actor: str | None = None
    country: str | None = None
    dyad: str | None = None
    type: str | None = None
    modality: str | None = None
    since: str | None = None
    until: str | None = None
    place: str | None = None
    bbox: str | None = None
    article: str | None = None

    def where(self) -> tuple[str, list]:
        """The WHERE clause (over ``events e JOIN articles a``) and its params.

        Returns:
            tuple: ``(" WHERE ..." or "", params)``.

        Raises:
            ParamError: on a malformed filter value.
        """
        c = self.conditions()
        return c.where(), c.params

    def conditions(self):
        """The filters as shared ``Conditions`` (see ``store.queries.event_conditions``).

        Returns:
            Conditions: the conditions and their params.

        Raises:
            ParamError: on a malformed filter value.
        """
        # checked in the order the parameters are documented, so the first bad one is named
        country = iso3(self.country, "country") if self.country else None
        sides = split_dyad(self.dyad) if self.dyad else None
        type_ = event_type(self.type) if self.type else None
        wanted = modalities(self.modality) if self.modality else None
        lo, hi = bounds(self.since, self.until)
        box = parse_bbox(self.bbox) if self.bbox else None
        return event_conditions(
            self.actor, country, type_, lo, hi, actor_codes=True, undated_by_published=True,
            q=self.q, dyad=sides, modalities=wanted, place=self.place, bbox=box,
            article=self.article,
        )


def event_type(value: str) -> str:
    """A PLOVER type (upper-cased) or a CAMEO code prefix.

    Raises:
        ParamError: when ``value`` is neither.
    """
    t = value.strip()
    if _CAMEO.match(t):
        return t
    if _PLOVER.match(t.upper()):
        return t.upper()
    raise ParamError("type", "give a PLOVER type (CONSULT) or a CAMEO code prefix (04)")


def modalities(value: str) -> list[str]:
    """Comma-separated event modalities, lower-cased.

    Raises:
        ParamError: when empty or when one is not a known modality.
    """
    wanted = [m.strip().lower() for m in value.split(",") if m.strip()]
    bad = [m for m in wanted if m not in MODALITIES]
    if bad or not wanted:
        raise ParamError("modality", f"one or more of {', '.join(MODALITIES)} (comma-separated)")
    return wanted


def iso3(value: str, param: str) -> str:
    """An ISO 3166-1 alpha-3 code, upper-cased.

    Raises:
        ParamError: when ``value`` is not three letters.
    """
    if not _ISO3.match(value.strip()):
        raise ParamError(param, f"{value!r} is not an ISO 3166-1 alpha-3 code such as USA or RUS")
    return value.strip().upper()


def bounds(since: str | None, until: str | None) -> tuple:
    """``since``/``until`` as dates (a year or month covers all its days).

    Raises:
        ParamError: on a value that is not ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``,
            or when ``since`` is after ``until``.
    """
    out = []
    for name, value, upper in (("since", since, False), ("until", until, True)):
        try:
            out.append(date_bound(value or None, upper=upper))
        except StoreError:
            raise ParamError(name, f"{value!r} is not a date; give YYYY, YYYY-MM or YYYY-MM-DD") from None
    if out[0] and out[1] and out[0] > out[1]:
        raise ParamError("since", f"since ({since}) is after until ({until})")
    return out[0], out[1]


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    """``west,south,east,north`` in degrees.

    Raises:
        ParamError: unless four numbers within the globe with west <= east, south <= north.
    """
    try:
        w, s, e, n = (float(x) for x in value.split(","))
    except ValueError:
        raise ParamError("bbox", "give west,south,east,north in degrees, e.g. 20,40,45,55") from None
    if not (-180 <= w <= e <= 180 and -90 <= s <= n <= 90):
        raise ParamError("bbox", "need -180 <= west <= east <= 180 and -90 <= south <= north <= 90")
    return w, s, e, n


def split_dyad(value: str) -> tuple[str, str]:
    """``USA-RUS`` (or ``USA,RUS``) into its two sides.

    Raises:
        ParamError: unless there are exactly two non-empty sides.
    """
    parts = [p.strip() for p in re.split(r"[,:]|(?<=\w)-(?=\w)", value, maxsplit=1)]
    if len(parts) != 2 or not all(parts):
        raise ParamError("dyad", "give two sides as A-B, e.g. USA-RUS or USAGOV-RUSGOV")
    return parts[0], parts[1]


#: One side of an event (country, actor code or whole name); see ``store.queries.event_side``.
side = event_side


EVENT_COLUMNS = (
    "e.article_id, e.id, e.type, e.mode, e.cameo, e.goldstein, e.source, e.source_name,"
    " e.source_code, e.source_country, e.target, e.target_name, e.target_code, e.target_country,"
    " e.modality, e.date_start, e.date_end, e.date_text, e.date_basis, e.place, e.place_name,"
    ' e.lat, e.lon, e."trigger", e.span_start, e.span_end, e.trigger_start, e.trigger_end,'
    " e.confidence, e.quote, a.published, a.source AS article_source, a.title AS article_title,"
    " a.url AS article_url"
)
_FROM_EVENTS = " FROM events e JOIN articles a ON a.id = e.article_id"


def page(sql: str, params: list, limit: int, offset: int) -> tuple[str, list]:
    """Append LIMIT/OFFSET as parameters."""
    return sql + " LIMIT ? OFFSET ?", params + [limit, offset]


def count(sql: str, params: list) -> tuple[str, list]:
    """The number of rows ``sql`` would return."""
    return f"SELECT count(*) AS n FROM ({sql}) AS counted", list(params)


def events(f: EventFilter) -> tuple[str, list]:
    """Events with their actors, place and article, in date order."""
    where, params = f.where()
    sql = (
        f"SELECT {EVENT_COLUMNS}{_FROM_EVENTS}{where}"
        f" ORDER BY {EVENT_OR_PUBLISHED} NULLS LAST, e.article_id, e.span_start, e.id"
    )
    return sql, params


def _bucket(interval: str, expr: str) -> str:
    if interval not in INTERVALS:
        raise ParamError("interval", f"one of {', '.join(INTERVALS)}")
    return f"CAST(date_trunc('{interval}', {expr}) AS DATE)"


def timeline(f: EventFilter, interval: str) -> tuple[str, list]:
    """Event counts and mean Goldstein score per period and type (undated events left out)."""
    c = f.conditions()
    c.add(f"{EVENT_OR_PUBLISHED} IS NOT NULL")
    bucket = _bucket(interval, EVENT_OR_PUBLISHED)
    sql = (
        f"SELECT {bucket} AS period, e.type, count(*) AS events,"
        f" round(avg(e.goldstein), 2) AS mean_goldstein{_FROM_EVENTS}{c.where()}"
        " GROUP BY ALL ORDER BY period, e.type"
    )
    return sql, c.params


def network(f: EventFilter, limit: int) -> tuple[str, list]:
    """Source→target actor pairs of the selection, most events first."""
    c = f.conditions()
    c.add("e.source_name IS NOT NULL AND e.target_name IS NOT NULL")
    sql = (
        "SELECT coalesce(e.source_code, '') || '|' || e.source_name AS source_key, e.source_name,"
        " e.source_code, e.source_country,"
        " coalesce(e.target_code, '') || '|' || e.target_name AS target_key, e.target_name,"
        " e.target_code, e.target_country, count(*) AS events,"
        f" round(avg(e.goldstein), 2) AS mean_goldstein{_FROM_EVENTS}{c.where()}"
        " GROUP BY ALL ORDER BY events DESC, source_key, target_key LIMIT ?"
    )
    return sql, c.params + [limit]


def dyad(a: str, b: str, interval: str, since: str | None, until: str | None) -> tuple[str, list]:
    """Per period: events A→B, B→A, cooperation/conflict counts and mean Goldstein."""
    bucket = _bucket(interval, EVENT_OR_PUBLISHED)
    a_src, p1 = side("source", a)
    b_tgt, p2 = side("target", b)
    lo, hi = bounds(since, until)
    c = event_conditions(since=lo, until=hi, undated_by_published=True, dyad=(a, b))
    c.add(f"{EVENT_OR_PUBLISHED} IS NOT NULL")
    params = p1 + p2 + p1 + p2 + c.params  # two FILTERs, then the WHERE
    sql = (
        f"SELECT {bucket} AS period, count(*) AS events,"
        f" count(*) FILTER (WHERE {a_src} AND {b_tgt}) AS a_to_b,"
        f" count(*) FILTER (WHERE NOT coalesce({a_src} AND {b_tgt}, false)) AS b_to_a,"
        " count(*) FILTER (WHERE e.goldstein > 0) AS cooperation,"
        " count(*) FILTER (WHERE e.goldstein < 0) AS conflict,"
        " round(avg(e.goldstein), 2) AS mean_goldstein,"
        " round(sum(coalesce(e.goldstein, 0)), 2) AS goldstein_sum"
        f"{_FROM_EVENTS}{c.where()} GROUP BY ALL ORDER BY period"
    )
    return sql, params


def articles(q: str | None, source: str | None, since: str | None, until: str | None) -> tuple[str, list]:
    """Articles (without their text) with fact counts, newest first."""
    c = article_conditions(q, source, *bounds(since, until))
    sql = (
        "SELECT a.id, a.source, a.url, a.title, a.published, a.language, length(a.text) AS chars,"
        " (SELECT count(*) FROM actors x WHERE x.article_id = a.id) AS actors,"
        " (SELECT count(*) FROM events x WHERE x.article_id = a.id) AS events,"
        " (SELECT count(*) FROM quotes x WHERE x.article_id = a.id) AS quotes"
        " FROM articles a" + c.where() + " ORDER BY a.published DESC NULLS LAST, a.id"
    )
    return sql, c.params


def quotes(q: str | None, speaker: str | None, country: str | None, since: str | None,
           until: str | None, article: str | None) -> tuple[str, list]:
    """Quotes with their speakers and articles, oldest articles first."""
    lo, hi = bounds(since, until)
    c = quote_conditions(speaker, lo, hi, q=q, country=iso3(country, "country") if country else None,
                         article=article)
    sql = (
        "SELECT q.article_id, q.id, q.speaker, q.speaker_name, q.speaker_code, q.speaker_country,"
        " q.kind, q.text, q.cue, q.span_start, q.span_end, a.published,"
        " a.source AS article_source, a.title AS article_title, a.url AS article_url"
        " FROM quotes q JOIN articles a ON a.id = q.article_id"
        + c.where()
        + " ORDER BY a.published NULLS LAST, q.article_id, q.span_start, q.id"
    )
    return sql, c.params


def actors(q: str | None, country: str | None, sector: str | None, kind: str | None) -> tuple[str, list]:
    """Actors aggregated across articles with article, mention and event counts."""
    c = actor_conditions(q, iso3(country, "country") if country else None, codes=True,
                         sector=sector, kind=kind)
    sql = (
        "WITH ev AS (SELECT article_id, actor, count(*) AS n FROM ("
        "SELECT article_id, source AS actor FROM events UNION ALL"
        " SELECT article_id, target AS actor FROM events) WHERE actor IS NOT NULL GROUP BY ALL)"
        " SELECT x.name, x.code, x.country, x.sector, x.kind,"
        " count(DISTINCT x.article_id) AS articles,"
        " CAST(sum(coalesce(json_array_length(x.mentions), 0)) AS BIGINT) AS mentions,"
        " CAST(sum(coalesce(ev.n, 0)) AS BIGINT) AS events"
        " FROM actors x LEFT JOIN ev ON ev.article_id = x.article_id AND ev.actor = x.id"
        + c.where()
        + " GROUP BY x.name, x.code, x.country, x.sector, x.kind"
        " ORDER BY articles DESC, mentions DESC, x.name NULLS LAST, x.code NULLS LAST"
    )
    return sql, c.params
