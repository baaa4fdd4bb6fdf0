"""ENGINES: where the per-article pipeline runs — in-process, a process pool, Spark.

Every engine runs ``core.code_batch`` (``Pipeline.process_many`` with failures
isolated per article), so the records are identical whichever engine ran them.
Spark lives in ``engines.spark`` (needs the ``[spark]`` extra).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..clean import SourceLineStats
from ..config import Config
from ..errors import E_CONFIG, ConfigError
from ..model import Article, Record, Rejection
from ..pipeline import Pipeline
from .core import code_batch, code_local, code_one, prune_stats
from .pool import PoolEngine, code_pool, default_workers

ENGINES = ("local", "pool", "spark")

__all__ = ["ENGINES", "code_stream", "code_batch", "code_one", "code_local", "code_pool", "PoolEngine",
           "default_workers", "prune_stats"]


def code_stream(articles: Iterable[Article], *, engine: str = "local", workers: int | None = None,
                config: Config | None = None, stats: SourceLineStats | None = None) -> Iterator[Record | Rejection]:
    """Code a stream of articles with the chosen engine, results in input order.

    Args:
        articles: ingested articles (read lazily).
        engine: "local" (this process) or "pool" (``workers`` processes).
            Spark reads and writes files itself: see ``engines.spark.run_spark``.
        workers: pool size (default: the usable cores); ``workers=1`` with
            engine "pool" still uses one worker process.
        config: pipeline settings.
        stats: per-source line counts for cleaning (from a first pass).

    Returns:
        Iterator of one Record or Rejection per article.

    Raises:
        ConfigError: [E202] for an unknown engine, or "spark" here.
    """
    if engine == "local":
        return code_local(articles, Pipeline(config, stats=stats))
    if engine == "pool":
        return code_pool(articles, config, workers, stats)
    raise ConfigError(f"engine {engine!r} cannot code a stream into a database here; use "
                      f"'local' or 'pool' (Spark: dateline run --engine spark --output DIR)", E_CONFIG)
