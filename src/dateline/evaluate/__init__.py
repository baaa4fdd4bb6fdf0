"""Scoring Dateline against public gold sets: ``dateline evaluate SUITE``.

A suite is a module in this package with a function
``run(shared: Path, limit: int | None = None, **options) -> dict`` that reads
its gold set from the shared data folder, runs Dateline on it and returns a
flat dict of metric name -> number (plus optional "details").  Suites are
registered by name in ``SUITES``; the CI gate (tests/evaluate) compares the
numbers with the floors pinned in ``tests/evaluate/floors.json``.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from ..errors import E_CONFIG, ConfigError

#: suite name -> "module:function" inside dateline.evaluate
SUITES: dict[str, str] = {}


def register(name: str, target: str) -> None:
    """Register a suite: ``register("lgl", "geo:run_lgl")``."""
    SUITES[name] = target


def shared_dir(explicit: str | Path | None = None) -> Path:
    """The shared data folder: explicit, $DATELINE_SHARED, or ../shared beside the checkout or cwd."""
    import os

    candidates = [explicit, os.environ.get("DATELINE_SHARED"), Path.cwd().parent / "shared",
                  Path(__file__).resolve().parents[3].parent / "shared", Path.cwd() / "shared"]
    for c in candidates:
        if c and (Path(c) / "data").is_dir():
            return Path(c)
    raise ConfigError("the shared data folder (with data/) was not found; pass --shared DIR or set DATELINE_SHARED",
                      E_CONFIG)


def _load_registry() -> None:
    # Each suite module registers itself on import.
    pkg = Path(__file__).parent
    for f in sorted(pkg.glob("suite_*.py")):
        importlib.import_module(f"{__name__}.{f.stem}")


def run_suite(name: str, shared: str | Path | None = None, limit: int | None = None, **options) -> dict:
    """Run one suite (or a JSONL gold file in our own schema, given as a path).

    Raises:
        ConfigError: [E202] for an unknown suite name.
    """
    _load_registry()
    if name not in SUITES and Path(name).is_file() and "jsonl" in SUITES:
        options["path"] = name
        name = "jsonl"
    if name not in SUITES:
        known = ", ".join(sorted(SUITES)) or "(none)"
        raise ConfigError(f"unknown evaluation suite {name!r}; known: {known}, or a path to a JSONL gold file",
                          E_CONFIG)
    module, func = SUITES[name].split(":")
    fn = getattr(importlib.import_module(f"{__name__}.{module}"), func)
    return fn(shared_dir(shared), limit=limit, **options)


def suites() -> list[str]:
    _load_registry()
    return sorted(SUITES)
