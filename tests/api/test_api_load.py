"""A bounded loopback load test: 2,000 requests to /events from 20 concurrent clients."""

from __future__ import annotations

import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx

REQUESTS = 2000
CLIENTS = 20
DEADLINE_S = 300  # the whole run stops by itself after this, whatever happens

QUERIES = [
    {},
    {"limit": 10, "offset": 5},
    {"type": "CONSULT"},
    {"country": "RUS"},
    {"actor": "putin"},
    {"since": "2019", "until": "2022-12"},
    {"modality": "asserted,reported", "limit": 100},
    {"bbox": "20,30,60,60"},
]


def test_events_endpoint_serves_2000_requests_from_20_clients_without_errors(server):
    latencies: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()
    counter = iter(range(REQUESTS))
    stop_at = time.monotonic() + DEADLINE_S

    def client_loop() -> None:
        with httpx.Client(base_url=server.url, timeout=30) as c:
            while time.monotonic() < stop_at:
                with lock:
                    i = next(counter, None)
                if i is None:
                    return
                t0 = time.perf_counter()
                try:
                    resp = c.get("/events", params=QUERIES[i % len(QUERIES)])
                    good = resp.status_code == 200 and resp.json()["ok"] is True
                    why = f"{resp.status_code} {resp.text[:200]}"
                except httpx.HTTPError as e:
                    good, why = False, repr(e)
                dt = time.perf_counter() - t0
                with lock:
                    latencies.append(dt)
                    if not good:
                        failures.append(why)

    t0 = time.perf_counter()
    with ThreadPoolExecutor(CLIENTS) as pool:
        for f in [pool.submit(client_loop) for _ in range(CLIENTS)]:
            f.result()
    wall = time.perf_counter() - t0

    assert len(latencies) == REQUESTS, f"only {len(latencies)} requests within {DEADLINE_S}s"
    assert not failures, failures[:5]
    ms = sorted(x * 1000 for x in latencies)
    p95 = ms[int(0.95 * len(ms)) - 1]
    print(f"\nload: {REQUESTS} requests, {CLIENTS} clients, {wall:.1f}s, {REQUESTS / wall:.0f} req/s,"
          f" p50 {statistics.median(ms):.1f} ms, p95 {p95:.1f} ms, max {ms[-1]:.1f} ms", file=sys.stderr)
