"""The quality gate: every suite in floors.json scores at least its pinned floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from shared_data import SHARED, need_shared

FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text())["suites"]


@pytest.mark.parametrize("suite", sorted(FLOORS))
def test_suite_scores_at_least_its_floors(suite):
    need_shared(SHARED / "data")
    from dateline.evaluate import run_suite

    spec = FLOORS[suite]
    result = run_suite(suite, shared=SHARED, limit=spec.get("limit"))
    low = {m: (result.get(m), floor) for m, floor in spec["floors"].items()
           if result.get(m) is None or result[m] < floor}
    assert not low, f"{suite}: below floor (got, floor): {low}"


def test_floors_name_known_suites():
    from dateline.evaluate import suites

    assert set(FLOORS) <= set(suites())
