"""The ``dateline run`` options that choose an engine (kept beside the engines)."""

from __future__ import annotations

import argparse


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number")
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {n}")
    return n


class _Workers(argparse.Action):
    """``--workers N`` alone means the pool engine."""

    def __call__(self, parser, namespace, values, option_string=None):
        namespace.workers = values
        if namespace.engine is None:
            namespace.engine = "pool"


def add_engine_options(sp: argparse.ArgumentParser) -> None:
    """Add --engine, --workers and the Spark options to a subparser.

    Args:
        sp: the ``run`` subparser.
    """
    from .pool import default_workers

    g = sp.add_argument_group("engines (docs/scale.md)")
    g.add_argument("--engine", choices=["local", "pool", "spark"], default=None,
                   help="where articles are coded: this process (local, default), a process pool, or Spark")
    g.add_argument("--workers", type=_positive, action=_Workers, default=None, metavar="N",
                   help=f"pool processes (implies --engine pool; default the usable cores, {default_workers()} here)")
    g.add_argument("--near-duplicates", type=float, nargs="?", const=0.8, default=None, metavar="SIMILARITY",
                   help="link articles that repeat an earlier story of the run (MinHash similarity, default 0.8) "
                        "instead of coding them again")
    g.add_argument("--output", metavar="DIR", help="Spark: output folder (records and ingest_log, by month)")
    g.add_argument("--output-format", choices=["parquet", "jsonl"], default="parquet",
                   help="Spark: output format (default parquet)")
    g.add_argument("--master", help="Spark master URL (default: spark-submit's, else local[*])")
    g.add_argument("--partitions", type=_positive, metavar="N",
                   help="Spark: partitions for the coding stage (default: the default parallelism)")

