"""Helpers for tests through the real server: a demo database built with the real
CLI, and ``dateline serve`` started as a process on a free loopback port.

Imported by tests/api/conftest.py and tests/web/conftest.py.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "src" / "dateline" / "samples" / "samples.jsonl"
DATELINE = [sys.executable, "-m", "dateline.cli.main"]
TOKEN = "test-token-7f3a9c"

#: An article whose text and headline carry markup: it must show as text.
XSS_TITLE = 'Protesters rally in Geneva over <script>window.__xss = "script"</script> talks'
XSS_TEXT = (
    "GENEVA — Foreign ministers of Russia and the United States met in Geneva on Monday,"
    " officials said. The note handed to reporters read"
    " <img src=x onerror=\"window.__xss = 'img'\"> and nothing else, and a banner said"
    " <script>window.__xss = \"body\"</script> in large letters.\n\n"
    "\"We will meet again next week <b>in Vienna</b>,\" Sergei Lavrov told reporters."
)


def build_demo_db(path: Path) -> Path:
    """The bundled demo samples plus the markup article, stored with ``dateline run``.

    Args:
        path: the DuckDB file to create (reused when it exists).

    Returns:
        Path: ``path``.
    """
    if path.exists():
        return path
    extra = path.parent / "markup.jsonl"
    extra.write_text(json.dumps({"id": "markup-1", "source": "Markup test", "url": None,
                                 "published": "2016-07-22", "title": XSS_TITLE,
                                 "text": XSS_TITLE + "\n\n" + XSS_TEXT}) + "\n", encoding="utf-8")
    tmp = path.with_suffix(".building")
    proc = subprocess.run([*DATELINE, "run", str(SAMPLES), str(extra), "--db", str(tmp)],
                          capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        raise AssertionError(f"dateline run failed ({proc.returncode}):\n{proc.stderr}")
    tmp.rename(path)
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """``dateline serve`` as a child process; ``url`` is its base address.

    Args:
        db: the database file.
        *args: more ``dateline serve`` arguments.
        env: extra environment variables.
    """

    def __init__(self, db: Path, *args: str, env: dict | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = db.parent / f"serve-{self.port}.log"
        cmd = [*DATELINE, "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(self.port), *args]
        environ = {k: v for k, v in os.environ.items() if k != "DATELINE_WRITE_TOKEN"}
        self._fh = open(self.log, "w")
        self.proc = subprocess.Popen(cmd, stdout=self._fh, stderr=subprocess.STDOUT,
                                     env={**environ, **(env or {})})

    def wait(self, timeout: float = 60) -> "Server":
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"server exited {self.proc.returncode}:\n{self.log.read_text()}")
            try:
                if httpx.get(self.url + "/status", timeout=2).status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        self.stop()
        raise AssertionError(f"server did not answer within {timeout}s:\n{self.log.read_text()}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self._fh.close()

    def __enter__(self) -> "Server":
        return self.wait()

    def __exit__(self, *exc) -> None:
        self.stop()
