"""Where the shared evaluation data is, for every test (import as `from shared_data import ...`;
a module name of its own, so sub-folders may have their own conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO.parent / "shared").resolve()
SEED = SHARED / "seed" / "000_d69451f904709b8f.txt"
SEED_PUBLISHED = "2016-07-22"


def need_shared(path: Path = SHARED) -> Path:
    """Skip the calling test with a clear message when ../shared (or a file in it) is absent."""
    if not path.exists():
        pytest.skip(f"needs {path} (the project's shared data folder beside the checkout); not present here")
    return path
