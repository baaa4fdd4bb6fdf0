"""Read endpoints: articles, events (list, timeline, network), quotes, actors, dyads, status."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request

from ..errors import E_API_PARAM
from ..store import Store
from . import queries as Q
from .envelope import ApiError, Envelope, ErrorEnvelope, ok, page_meta

MAX_LIMIT = 500


def _known_params(request: Request) -> None:
    """Refuse query parameters the endpoint does not know (a typo is not silently ignored)."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    known: set[str] = set()
    stack = [dependant]
    while stack:
        d = stack.pop()
        known.update(p.alias for p in d.query_params)
        stack.extend(d.dependencies)
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        raise ApiError(400, E_API_PARAM, f"unknown parameter(s): {', '.join(unknown)};"
                       f" this endpoint takes {', '.join(sorted(known)) or 'none'}",
                       [{"param": u, "message": "unknown parameter"} for u in unknown])


router = APIRouter(dependencies=[Depends(_known_params)],
                   responses={404: {"model": ErrorEnvelope}})

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"rows per page (1-{MAX_LIMIT})")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="rows to skip")]
Since = Annotated[str | None, Query(description="earliest date: YYYY, YYYY-MM or YYYY-MM-DD")]
Until = Annotated[str | None, Query(description="latest date (a year or month includes all its days)")]
Text = Annotated[str | None, Query(max_length=200)]


def _store(request: Request) -> Store:
    return request.app.state.store


def _paged(store: Store, sql: str, params: list, limit: int, offset: int, **extra):
    total = store.query(*Q.count(sql, params))[0]["n"]
    rows = store.query(*Q.page(sql, params, limit, offset))
    return ok(rows, page_meta(total, limit, offset, len(rows), **extra))


def event_filter(
    q: Text = None,
    actor: Annotated[str | None, Query(max_length=200, description="part of a source or target name, or a CAMEO actor code")] = None,
    country: Annotated[str | None, Query(description="ISO3 country of the source or target")] = None,
    dyad: Annotated[str | None, Query(description="two sides A-B (countries, codes or names), either direction")] = None,
    type: Annotated[str | None, Query(description="PLOVER type (CONSULT) or CAMEO prefix (19)")] = None,
    modality: Annotated[str | None, Query(description="asserted, intended, negated, hypothetical, reported; comma-separated")] = None,
    since: Since = None,
    until: Until = None,
    place: Annotated[str | None, Query(max_length=200, description="part of the place's name")] = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north in degrees")] = None,
    article: Annotated[str | None, Query(max_length=64, description="an article id")] = None,
) -> Q.EventFilter:
    """The event filters, shared by the event endpoints."""
    return Q.EventFilter(q=q, actor=actor, country=country, dyad=dyad, type=type, modality=modality,
                         since=since, until=until, place=place, bbox=bbox, article=article)


Filter = Annotated[Q.EventFilter, Depends(event_filter)]


@router.get("/status", response_model=Envelope, tags=["meta"])
def status(request: Request):
    """What the server serves: row counts, whether writing is enabled."""
    store = _store(request)
    return ok({"counts": store.counts(), "read_only": not request.app.state.allow_write,
               "version": "0.1.0", "schema": "dateline/1"})


@router.get("/articles", response_model=Envelope, tags=["articles"])
def list_articles(request: Request, q: Text = None,
                  source: Annotated[str | None, Query(max_length=200)] = None,
                  since: Since = None, until: Until = None,
                  limit: Limit = 50, offset: Offset = 0):
    """Articles (without text), newest first, searched by text, source and publication dates."""
    sql, params = Q.articles(q, source, since, until)
    return _paged(_store(request), sql, params, limit, offset)


@router.get("/articles/{article_id}", response_model=Envelope, tags=["articles"])
def get_article(request: Request, article_id: Annotated[str, Path(max_length=64)]):
    """The full ``dateline/1`` record of one article: text, actors, places, times, events, quotes."""
    return ok(_store(request).get_record(article_id).to_dict())


@router.get("/events", response_model=Envelope, tags=["events"])
def list_events(request: Request, f: Filter, limit: Limit = 50, offset: Offset = 0):
    """Events with their actors, place and article, in date order."""
    sql, params = Q.events(f)
    return _paged(_store(request), sql, params, limit, offset)


@router.get("/events/timeline", response_model=Envelope, tags=["events"])
def events_timeline(request: Request, f: Filter,
                    interval: Annotated[str, Query(pattern="^(day|week|month|year)$")] = "month"):
    """Event counts and mean Goldstein score per period and PLOVER type (for the timeline)."""
    rows = _store(request).query(*Q.timeline(f, interval))
    return ok(rows, {"interval": interval})


@router.get("/events/network", response_model=Envelope, tags=["events"])
def events_network(request: Request, f: Filter,
                   limit: Annotated[int, Query(ge=1, le=1000)] = 200):
    """The actor network of the selection: source→target pairs with event counts."""
    rows = _store(request).query(*Q.network(f, limit))
    nodes: dict[str, dict] = {}
    for r in rows:
        for end in ("source", "target"):
            key = r[f"{end}_key"]
            node = nodes.setdefault(key, {"id": key, "name": r[f"{end}_name"], "code": r[f"{end}_code"],
                                          "country": r[f"{end}_country"], "events": 0})
            node["events"] += r["events"]
    edges = [{"source": r["source_key"], "target": r["target_key"], "events": r["events"],
              "mean_goldstein": r["mean_goldstein"]} for r in rows]
    return ok({"nodes": list(nodes.values()), "edges": edges}, {"edges": len(edges), "limit": limit})


@router.get("/quotes", response_model=Envelope, tags=["quotes"])
def list_quotes(request: Request, q: Text = None,
                speaker: Annotated[str | None, Query(max_length=200, description="part of the speaker's name")] = None,
                country: Annotated[str | None, Query(description="ISO3 country of the speaker")] = None,
                since: Since = None, until: Until = None,
                article: Annotated[str | None, Query(max_length=64)] = None,
                limit: Limit = 50, offset: Offset = 0):
    """Quotes with their speakers; dates filter the article's publication date."""
    sql, params = Q.quotes(q, speaker, country, since, until, article)
    return _paged(_store(request), sql, params, limit, offset)


@router.get("/actors", response_model=Envelope, tags=["actors"])
def list_actors(request: Request, q: Text = None,
                country: Annotated[str | None, Query(description="ISO3 country")] = None,
                sector: Annotated[str | None, Query(max_length=8, description="CAMEO sector: GOV, MIL, REB, IGO ...")] = None,
                kind: Annotated[str | None, Query(max_length=32, description="person, government, military, igo ...")] = None,
                limit: Limit = 50, offset: Offset = 0):
    """Actors across articles, most widely reported first, with article, mention and event counts."""
    sql, params = Q.actors(q, country, sector, kind)
    return _paged(_store(request), sql, params, limit, offset)


@router.get("/dyads", response_model=Envelope, tags=["events"])
def dyads(request: Request,
          a: Annotated[str, Query(min_length=1, max_length=200, description="one side: ISO3 country, CAMEO actor code or exact name")],
          b: Annotated[str, Query(min_length=1, max_length=200, description="the other side")],
          interval: Annotated[str, Query(pattern="^(day|week|month|year)$")] = "month",
          since: Since = None, until: Until = None):
    """Events between two countries or actors per period: A→B, B→A, cooperation, conflict, mean Goldstein."""
    rows = _store(request).query(*Q.dyad(a, b, interval, since, until))
    totals = {k: sum(r[k] for r in rows) for k in ("events", "a_to_b", "b_to_a", "cooperation", "conflict")}
    totals["goldstein_sum"] = round(sum(r["goldstein_sum"] for r in rows), 2)
    return ok({"a": a, "b": b, "interval": interval, "periods": rows, "totals": totals},
              {"periods": len(rows)})
