"""Names match without their accents in the API, as in the Store (shared filter builders)."""

from __future__ import annotations

from dateline.store import Store

NAME = "Recep Tayyip Erdoğan"


def _data(resp) -> list[dict]:
    assert resp.status_code == 200, resp.text
    return resp.json()["data"]


def test_actor_without_accents_finds_the_accented_name(client, demo_db):
    with Store(demo_db, read_only=True) as s:
        expected = sorted((e["article_id"], e["id"]) for e in s.events(actor="erdogan"))
    assert expected, "the demo data should hold events with Erdoğan"

    events = _data(client.get("/events", params={"actor": "erdogan", "limit": 500}))
    assert sorted((e["article_id"], e["id"]) for e in events) == expected
    assert all(NAME in (e["source_name"], e["target_name"]) for e in events)

    actors = _data(client.get("/actors", params={"q": "ERDOGAN"}))
    assert NAME in {a["name"] for a in actors}


def test_dyad_side_by_whole_name_ignores_accents(client):
    accented = _data(client.get("/events", params={"dyad": f"{NAME}-Vladimir Putin", "limit": 500}))
    plain = _data(client.get("/events", params={"dyad": "recep tayyip erdogan-vladimir putin", "limit": 500}))
    assert accented, "the demo data should hold Erdoğan–Putin events"
    assert [(e["article_id"], e["id"]) for e in plain] == [(e["article_id"], e["id"]) for e in accented]
