"""``sized_batches``: a batch closes at a count or at a character budget, in input order.

Bounding a batch by its text as well as its count keeps the model's working
memory independent of how long a corpus's longest articles are
(docs/scale.md, "Memory").  Pure logic, no model.
"""

from __future__ import annotations

import pytest

from dateline.engines.core import BATCH, BATCH_CHARS, sized_batches
from dateline.model import Article


def _arts(*lengths: int) -> list[Article]:
    return [Article(id=f"a{i}", text="x" * n) for i, n in enumerate(lengths)]


def _ids(batches) -> list[list[str]]:
    return [[a.id for a in b] for b in batches]


def test_count_cap_closes_a_batch():
    arts = _arts(*([10] * 7))
    assert _ids(sized_batches(arts, n=3, chars=1_000)) == [
        ["a0", "a1", "a2"], ["a3", "a4", "a5"], ["a6"]]


def test_character_cap_closes_a_batch():
    # 40 + 50 = 90 fits in 100; adding 30 would make 120, so a2 opens a new batch
    arts = _arts(40, 50, 30, 60, 10, 5)
    assert _ids(sized_batches(arts, n=16, chars=100)) == [["a0", "a1"], ["a2", "a3", "a4"], ["a5"]]


def test_exactly_the_budget_fits():
    assert _ids(sized_batches(_arts(50, 50, 1), n=16, chars=100)) == [["a0", "a1"], ["a2"]]


def test_an_article_over_the_budget_is_a_batch_of_its_own():
    arts = _arts(10, 500, 10, 10, 700)
    assert _ids(sized_batches(arts, n=16, chars=100)) == [["a0"], ["a1"], ["a2", "a3"], ["a4"]]


def test_order_and_every_article_kept_lazily():
    lengths = [(i * 7919) % 23_000 for i in range(200)]
    arts = _arts(*lengths)
    seen = []

    def stream():
        for a in arts:
            seen.append(a.id)
            yield a

    batches = sized_batches(stream(), n=BATCH, chars=BATCH_CHARS)
    first = next(batches)
    assert len(seen) <= len(first) + 1  # read lazily: at most one article ahead
    rest = list(batches)
    flat = [a.id for b in [first, *rest] for a in b]
    assert flat == [a.id for a in arts]
    for b in [first, *rest]:
        assert 1 <= len(b) <= BATCH
        assert len(b) == 1 or sum(len(a.text) for a in b) <= BATCH_CHARS


def test_empty_input_and_bad_limits():
    assert list(sized_batches([], n=4, chars=10)) == []
    with pytest.raises(ValueError):
        list(sized_batches(_arts(1), n=0, chars=10))
    with pytest.raises(ValueError):
        list(sized_batches(_arts(1), n=4, chars=0))
