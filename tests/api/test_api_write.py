"""POST endpoints through the real server: extract, the write token, body limits."""

from __future__ import annotations

import os
import subprocess

import httpx
import pytest

from serving import DATELINE, TOKEN

STORY = """Turkey and Russia agree to talks on Idlib

Turkish Foreign Minister Mevlut Cavusoglu met his Russian counterpart Sergei Lavrov in Ankara on Monday to discuss the fighting in Idlib.

"We will not allow the regime to advance," Cavusoglu told reporters after the meeting.
"""


def error_code(resp: httpx.Response, status: int) -> str:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert body["ok"] is False and body["error"]["status"] == status
    return body["error"]["code"]


def test_extract_returns_a_record_and_stores_nothing(client):
    before = client.get("/status").json()["data"]["counts"]
    resp = client.post("/extract", json={"text": STORY, "published": "2020-03-03", "source": "test"})
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["ok"] is True and body["meta"]["stored"] is False
    rec = body["data"]
    assert rec["schema"] == "dateline/1" and rec["article"]["published"] == "2020-03-03"
    assert any(a["name"] == "Sergei Lavrov" for a in rec["actors"])
    assert any(e["type"] == "CONSULT" for e in rec["events"])
    text = rec["article"]["text"]
    for q in rec["quotes"]:
        assert text[q["span"][0]:q["span"][1]]
    assert client.get("/status").json()["data"]["counts"] == before


@pytest.mark.parametrize("body,param", [
    ({"text": ""}, "text"),
    ({"published": "2020-01-01"}, "text"),
    ({"text": "Some text.", "published": "yesterday"}, "published"),
])
def test_extract_refuses_bad_fields_with_400(client, body, param):
    resp = client.post("/extract", json=body)
    assert error_code(resp, 400) == "E401"
    assert param in [d["param"] for d in resp.json()["error"]["details"]]


def test_extract_refuses_text_the_pipeline_cannot_use(client):
    assert error_code(client.post("/extract", json={"text": "   \n  "}), 400) == "E101"


def test_extract_refuses_malformed_json(client):
    resp = client.post("/extract", content=b"{not json", headers={"content-type": "application/json"})
    assert error_code(resp, 400) == "E401"


def test_oversized_bodies_are_refused_with_413(client):
    big = {"text": "word " * 300_000}
    assert error_code(client.post("/extract", json=big), 413) == "E405"

    def chunks():  # no Content-Length: the server counts the bytes itself
        yield b'{"text": "'
        for _ in range(300):
            yield b"x" * 4096
        yield b'"}'

    resp = client.post("/extract", content=chunks(), headers={"content-type": "application/json"})
    assert error_code(resp, 413) == "E405"


def test_read_only_server_refuses_to_store_articles(client):
    resp = client.post("/articles", json={"text": STORY}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert error_code(resp, 403) == "E403"


def test_write_server_needs_the_token(write_server):
    with httpx.Client(base_url=write_server.url, timeout=120) as c:
        assert c.get("/status").json()["data"]["read_only"] is False
        assert error_code(c.post("/articles", json={"text": STORY}), 401) == "E402"
        resp = c.post("/articles", json={"text": STORY}, headers={"Authorization": "Bearer wrong"})
        assert error_code(resp, 401) == "E402"
        assert resp.headers["www-authenticate"] == "Bearer"
        before = c.get("/status").json()["data"]["counts"]["articles"]

        resp = c.post("/articles", json={"text": STORY, "published": "2020-03-03", "source": "test"},
                      headers={"Authorization": f"Bearer {TOKEN}"})
        assert resp.status_code == 201, resp.text
        data = resp.json()["data"]
        assert data["stored"] is True and data["events"] >= 1
        assert c.get("/status").json()["data"]["counts"]["articles"] == before + 1
        rec = c.get(f"/articles/{data['id']}").json()["data"]
        assert rec["article"]["source"] == "test"

        again = c.post("/articles", json={"text": STORY, "published": "2020-03-03", "source": "test"},
                       headers={"Authorization": f"Bearer {TOKEN}"})
        assert again.status_code == 200 and again.json()["data"]["stored"] is False
        # this server was started with --max-body 200000
        assert error_code(c.post("/articles", json={"text": "x" * 250_000},
                                 headers={"Authorization": f"Bearer {TOKEN}"}), 413) == "E405"


def test_allow_write_without_a_token_in_the_environment_is_a_usage_error(demo_db):
    proc = subprocess.run([*DATELINE, "serve", "--db", str(demo_db), "--allow-write", "--port", "1"],
                          capture_output=True, text=True, timeout=60,
                          env={k: v for k, v in os.environ.items() if k != "DATELINE_WRITE_TOKEN"})
    assert proc.returncode == 2
    assert "DATELINE_WRITE_TOKEN" in proc.stderr


def test_serving_a_missing_database_fails_with_its_code(tmp_path):
    proc = subprocess.run([*DATELINE, "serve", "--db", str(tmp_path / "none.duckdb"), "--port", "1"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and "E302" in proc.stderr
