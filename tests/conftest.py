"""Fixtures shared by the whole suite: the shared data folder, the seed, validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from shared_data import REPO, SEED, SEED_PUBLISHED, SHARED, need_shared  # noqa: F401  (re-exported)


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite tests/golden/*.json from the current output (review the diff!)")


@pytest.fixture(scope="session")
def seed_text() -> str:
    return need_shared(SEED).read_text(encoding="utf-8")


#: The real UN Security Council Consolidated List (read at test time, never committed).
DESIGNATIONS = SHARED / "data" / "un-sc-consolidated-list" / "consolidated.xml"


@pytest.fixture(scope="session")
def seed_record(seed_text):
    import dateline
    from dateline.config import Config

    # The seed is processed with the UN list, as `dateline extract --designations` does.
    config = Config(designations=str(need_shared(DESIGNATIONS)))
    return dateline.process(seed_text, published=SEED_PUBLISHED, config=config)


@pytest.fixture(scope="session")
def validate():
    from dateline.schema import validate_record

    return validate_record


@pytest.fixture(scope="session", autouse=True)
def every_record_is_validated():
    """Every record the pipeline produces in this test session is checked
    against the JSON Schema (and its spans and ids), whichever test made it."""
    from dateline.pipeline import Pipeline
    from dateline.schema import validate_record

    original = Pipeline._facts

    def checked(self, article, doc):
        record = original(self, article, doc)
        validate_record(record.to_dict())
        return record

    Pipeline._facts = checked
    yield
    Pipeline._facts = original


@pytest.fixture(scope="session")
def nlp():
    """The English model the pipeline uses by default, loaded once for the session."""
    from dateline.annotate import load_nlp

    return load_nlp("md")
