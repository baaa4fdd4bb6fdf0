"""Fault injection for the pool tests: work functions a spawned worker can import.

Articles whose text contains a marker make the worker die or raise; all other
articles are coded by the real pipeline of the worker (``pool._work``).
"""

from __future__ import annotations

import os

from dateline.engines import pool

DIE = "WORKER-DIES-HERE"
RAISE = "WORK-FUNCTION-RAISES"


def die_on_marker(articles):
    if any(DIE in a.text for a in articles):
        os._exit(3)  # what a segfault or the OOM killer looks like to the pool
    return pool._work(articles)


def raise_on_marker(articles):
    if any(RAISE in a.text for a in articles):
        raise RuntimeError("the work function itself failed")
    return pool._work(articles)
