"""The read API through the real server on loopback: envelopes, filters, pagination, errors."""

from __future__ import annotations

import httpx
import pytest

from dateline.store import Store


def ok(resp: httpx.Response) -> dict:
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["ok"] is True and set(body) == {"ok", "data", "meta"}
    return body


def bad(resp: httpx.Response, status: int, code: str) -> dict:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert body["ok"] is False and set(body) == {"ok", "error"}
    err = body["error"]
    assert err["status"] == status and err["code"] == code and err["message"]
    return err


@pytest.fixture(scope="module")
def stored(demo_db):
    with Store(demo_db, read_only=True) as s:
        yield {"counts": s.counts(), "events": s.events(), "articles": s.articles(),
               "quotes": s.quotes()}


def test_status_reports_the_stored_counts_and_read_only_mode(client, stored):
    data = ok(client.get("/status"))["data"]
    assert data["counts"] == stored["counts"]
    assert data["read_only"] is True


def test_openapi_document_lists_every_endpoint(client):
    doc = client.get("/openapi.json").json()
    paths = doc["paths"]
    for p in ("/articles", "/articles/{article_id}", "/events", "/quotes", "/actors", "/dyads", "/extract"):
        assert p in paths, p
    assert "post" in paths["/extract"] and "post" in paths["/articles"]
    params = {p["name"] for p in paths["/events"]["get"]["parameters"]}
    assert {"actor", "country", "dyad", "type", "modality", "since", "until", "bbox", "limit", "offset"} <= params


def test_events_pages_cover_every_event_once(client, stored):
    total = stored["counts"]["events"]
    assert total >= 4
    seen = []
    offset = 0
    while offset is not None:
        body = ok(client.get("/events", params={"limit": 3, "offset": offset}))
        assert body["meta"]["total"] == total and body["meta"]["limit"] == 3
        assert len(body["data"]) <= 3
        seen += [(e["article_id"], e["id"]) for e in body["data"]]
        offset = body["meta"]["next_offset"]
    assert len(seen) == total == len(set(seen))
    assert set(seen) == {(e["article_id"], e["id"]) for e in stored["events"]}


def test_events_filters_by_type_country_actor_and_modality(client, stored):
    ev = stored["events"]
    t = ev[0]["type"]
    got = ok(client.get("/events", params={"type": t.lower(), "limit": 500}))["data"]
    assert got and {e["type"] for e in got} == {t}
    assert len(got) == sum(e["type"] == t for e in ev)

    country = next(e["source_country"] for e in ev if e["source_country"])
    got = ok(client.get("/events", params={"country": country.lower(), "limit": 500}))["data"]
    assert got and all(country in (e["source_country"], e["target_country"]) for e in got)

    name = next(e["source_name"] for e in ev if e["source_name"])
    got = ok(client.get("/events", params={"actor": name[:5].upper(), "limit": 500}))["data"]
    assert got and all(name[:5].lower() in ((e["source_name"] or "") + (e["target_name"] or "")).lower() for e in got)

    got = ok(client.get("/events", params={"modality": "intended,negated", "limit": 500}))["data"]
    assert len(got) == sum(e["modality"] in ("intended", "negated") for e in ev)


def test_events_cameo_prefix_dates_place_and_bbox(client, stored):
    ev = stored["events"]
    cameo = next(e["cameo"] for e in ev if e["cameo"])
    got = ok(client.get("/events", params={"type": cameo[:2], "limit": 500}))["data"]
    assert got and all(e["cameo"].startswith(cameo[:2]) for e in got)

    dated = sorted(e["date_start"] for e in ev if e["date_start"])
    got = ok(client.get("/events", params={"since": dated[-1][:7], "until": dated[-1][:7]}))["data"]
    assert got and all(e["date_start"][:7] == dated[-1][:7] for e in got if e["date_start"])

    placed = next(e for e in ev if e["lat"] is not None)
    box = f"{placed['lon'] - 1},{placed['lat'] - 1},{placed['lon'] + 1},{placed['lat'] + 1}"
    got = ok(client.get("/events", params={"bbox": box}))["data"]
    assert got and all(abs(e["lat"] - placed["lat"]) <= 1 and abs(e["lon"] - placed["lon"]) <= 1 for e in got)
    got = ok(client.get("/events", params={"place": placed["place_name"]}))["data"]
    assert got and all(e["place_name"] == placed["place_name"] for e in got)


def test_dyad_counts_both_directions_and_matches_the_events_filter(client, stored):
    pairs = [(e["source_country"], e["target_country"]) for e in stored["events"]
             if e["source_country"] and e["target_country"] and e["source_country"] != e["target_country"]]
    a, b = pairs[0]
    expected = [e for e in stored["events"] if {e["source_country"], e["target_country"]} == {a, b}]
    data = ok(client.get("/dyads", params={"a": a, "b": b}))["data"]
    assert data["totals"]["a_to_b"] == sum(e["source_country"] == a for e in expected)
    assert data["totals"]["b_to_a"] == sum(e["source_country"] == b for e in expected)
    assert data["totals"]["events"] == len([e for e in expected if e["date_start"] or e["published"]])
    for period in data["periods"]:
        assert period["events"] == period["a_to_b"] + period["b_to_a"]
        assert period["cooperation"] + period["conflict"] <= period["events"]
    listed = ok(client.get("/events", params={"dyad": f"{a}-{b}", "limit": 500}))["data"]
    assert len(listed) == len(expected)


def test_timeline_and_network_summarise_the_selection(client, stored):
    rows = ok(client.get("/events/timeline", params={"interval": "year"}))["data"]
    assert sum(r["events"] for r in rows) == sum(1 for e in stored["events"] if e["date_start"] or e["published"])
    assert all(r["period"].endswith("-01-01") for r in rows)
    net = ok(client.get("/events/network"))["data"]
    ids = {n["id"] for n in net["nodes"]}
    assert net["edges"] and all(e["source"] in ids and e["target"] in ids for e in net["edges"])
    assert sum(e["events"] for e in net["edges"]) == sum(
        1 for e in stored["events"] if e["source_name"] and e["target_name"])


def test_articles_search_and_full_record(client, stored):
    body = ok(client.get("/articles", params={"limit": 2}))
    assert body["meta"]["total"] == stored["counts"]["articles"] and len(body["data"]) == 2
    title = stored["articles"][0]["title"]
    word = max(title.split(), key=len)
    hits = ok(client.get("/articles", params={"q": word}))["data"]
    assert title in [a["title"] for a in hits]
    aid = stored["articles"][0]["id"]
    rec = ok(client.get(f"/articles/{aid}"))["data"]
    assert rec["schema"] == "dateline/1" and rec["article"]["id"] == aid and rec["article"]["text"]
    assert len(rec["events"]) == stored["articles"][0]["events"]


def test_quotes_by_speaker_and_actors_with_counts(client, stored):
    q = next(x for x in stored["quotes"] if x["speaker_name"])
    got = ok(client.get("/quotes", params={"speaker": q["speaker_name"].split()[-1]}))["data"]
    assert got and all(q["speaker_name"].split()[-1].lower() in x["speaker_name"].lower() for x in got)
    actors = ok(client.get("/actors", params={"limit": 500}))
    assert actors["meta"]["total"] == len(actors["data"]) > 0
    top = actors["data"][0]
    assert {"name", "code", "articles", "mentions", "events"} <= set(top) and top["articles"] >= 1
    assert sum(a["events"] for a in actors["data"]) == sum(
        (e["source"] is not None) + (e["target"] is not None) for e in stored["events"])


@pytest.mark.parametrize("path,params,param", [
    ("/events", {"limit": 0}, "limit"),
    ("/events", {"limit": 100000}, "limit"),
    ("/events", {"offset": -1}, "offset"),
    ("/events", {"since": "last tuesday"}, "since"),
    ("/events", {"since": "2020-01", "until": "2019"}, "since"),
    ("/events", {"type": "19;DROP"}, "type"),
    ("/events", {"modality": "certain"}, "modality"),
    ("/events", {"bbox": "1,2,3"}, "bbox"),
    ("/events", {"bbox": "10,0,5,5"}, "bbox"),
    ("/events", {"country": "Russia"}, "country"),
    ("/events", {"dyad": "USA"}, "dyad"),
    ("/events", {"tpye": "CONSULT"}, "tpye"),
    ("/dyads", {"a": "USA"}, "b"),
    ("/events/timeline", {"interval": "fortnight"}, "interval"),
    ("/quotes", {"until": "2020-13"}, "until"),
])
def test_bad_parameters_get_a_400_error_envelope_naming_the_parameter(client, path, params, param):
    err = bad(client.get(path, params=params), 400, "E401")
    assert param in [d["param"] for d in err["details"]], err


def test_values_are_parameters_not_sql(client, stored):
    body = ok(client.get("/events", params={"actor": "' OR 1=1 --", "limit": 500}))
    assert body["data"] == []
    assert ok(client.get("/status"))["data"]["counts"] == stored["counts"]


def test_unknown_article_route_and_method_get_error_envelopes(client):
    bad(client.get("/articles/no-such-id"), 404, "E303")
    bad(client.get("/no/such/endpoint"), 404, "E404")
    bad(client.delete("/events"), 405, "E404")


def test_dashboard_page_is_served_with_a_strict_content_security_policy(client):
    resp = client.get("/")
    assert resp.status_code == 200 and "text/html" in resp.headers["content-type"]
    csp = resp.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "connect-src 'self'" in csp
    assert "http" not in csp
    for asset in ("/static/app.js", "/static/style.css", "/static/dom.js", "/static/charts.js"):
        assert client.get(asset).status_code == 200, asset
