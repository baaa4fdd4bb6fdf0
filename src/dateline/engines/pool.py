"""The local process-pool engine: ``code_batch`` in N worker processes.

Each worker loads the model once (in its initializer).  Batches go out in
input order with a bounded number in flight, so memory does not grow with the
input, and results come back in input order, so whoever consumes them (the
DuckDB writer in the parent) sees exactly what the in-process engine gives.

Failures are never lost: an exception while coding an article becomes an
E113 rejection inside the worker (see ``core.code_batch``); a worker process
that dies (segfault, out of memory, ``os._exit``) breaks the pool, and then
the batches in flight are re-run one article at a time in a fresh pool, so
the article that kills its worker is logged as E113 and all the others are
coded.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from ..clean import SourceLineStats
from ..config import Config
from ..errors import E_PROCESS
from ..model import Article, Record, Rejection
from ..pipeline import Pipeline
from .core import BATCH, BATCH_CHARS, code_batch, prune_stats, sized_batches

_WORKER: dict[str, Pipeline] = {}


#: Coded once by each worker of ``PoolEngine.warm_up`` so the stages' first-use
#: loading (gazetteer, dictionaries) happens before any timed work.
_WARM_TEXT = ("WASHINGTON, March 3 - The foreign minister met his French counterpart in Paris "
              "on Monday and said talks on trade would continue next week, officials said.")


def _init_worker(config: Config, stats: SourceLineStats | None, ready=None) -> None:
    pipe = Pipeline(config, stats=stats)
    pipe.nlp  # load the model once per worker, before the first batch
    _WORKER["pipe"] = pipe
    if ready is not None:
        code_batch([Article(id="warm-up", text=_WARM_TEXT, published="1987-03-03", origin="warm-up")], pipe)
        ready.put(os.getpid())


def _noop() -> int:
    return os.getpid()


def _work(articles: list[Article]) -> list[Record | Rejection]:
    return code_batch(articles, _WORKER["pipe"])


def default_workers() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class PoolEngine:
    """Process articles in ``workers`` processes; a context manager.

    Args:
        config: pipeline settings (model, ...).
        workers: number of processes (default: the usable cores).
        stats: the batch's per-source line counts for cleaning (pruned before
            they are sent to the workers).
        batch: articles per unit of work.
        work: the function a worker runs on a batch (default ``code_batch`` on
            the worker's pipeline); a module-level function, for fault tests.
        start_method: multiprocessing start method; "spawn" (default) starts
            clean workers that do not inherit the parent's threads or
            database handles.
    """

    def __init__(self, config: Config | None = None, workers: int | None = None,
                 stats: SourceLineStats | None = None, batch: int = BATCH,
                 work: Callable[[list[Article]], list[Record | Rejection]] | None = None,
                 start_method: str = "spawn"):
        self.config = config or Config()
        self.workers = workers or default_workers()
        if self.workers < 1:
            raise ValueError(f"workers must be at least 1, got {self.workers}")
        self.stats = prune_stats(stats)
        self.batch = batch
        self.work = work or _work
        self._ctx = multiprocessing.get_context(start_method)
        self._pool: ProcessPoolExecutor | None = None
        self._ready = None  # set by warm_up: workers report on it once loaded
        #: how many times a dead worker broke the pool during this engine's life
        self.restarts = 0

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=self._ctx, initializer=_init_worker,
                                   initargs=(self.config, self.stats, self._ready))

    def warm_up(self, timeout: float = 600.0) -> set[int]:
        """Start every worker now and wait until each has loaded the model and
        coded one short article (so first-use loading is done).

        ``ProcessPoolExecutor`` starts workers on demand, so without this a
        timed run would include the later workers' start-up; the benchmark
        calls it before its clock starts.

        Args:
            timeout: seconds to wait for each worker.

        Returns:
            The process ids of the ready workers.

        Raises:
            RuntimeError: a worker did not report within ``timeout``.
        """
        self.close()
        self._ready = self._ctx.Queue()
        self._pool = self._new_pool()
        # One pending task per worker: each submit finds no idle worker and starts one.
        futures = [self._pool.submit(_noop) for _ in range(self.workers)]
        pids: set[int] = set()
        try:
            for _ in range(self.workers):
                pids.add(self._ready.get(timeout=timeout))
        except queue.Empty as exc:
            raise RuntimeError(f"pool warm-up: {len(pids)} of {self.workers} workers ready "
                               f"after {timeout:.0f} s") from exc
        for fut in futures:
            fut.result(timeout=timeout)
        return pids

    def __enter__(self) -> "PoolEngine":
        self._pool = self._new_pool()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the workers (waits for them; cancels batches not started)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _restart(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        self.restarts += 1
        self._pool = self._new_pool()

    def process(self, articles: Iterable[Article]) -> Iterator[Record | Rejection]:
        """Code the articles in the workers; yield results in input order.

        Args:
            articles: ingested articles (an iterator is read lazily).

        Returns:
            Iterator of one Record or Rejection per article, in input order.
        """
        if self._pool is None:
            self._pool = self._new_pool()
        inflight: deque[tuple[list[Article], Future]] = deque()
        limit = self.workers * 2
        chunks = sized_batches(articles, self.batch, BATCH_CHARS)
        exhausted = False
        while True:
            while not exhausted and len(inflight) < limit:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                    break
                inflight.append((chunk, self._submit(chunk)))
            if not inflight:
                return
            chunk, fut = inflight.popleft()
            try:
                results = fut.result()
            except BrokenProcessPool:
                yield from self._recover([chunk] + [c for c, _ in inflight])
                inflight.clear()
                continue
            yield from results

    def _submit(self, chunk: list[Article]) -> Future:
        try:
            return self._pool.submit(self.work, chunk)
        except BrokenProcessPool:
            self._restart()
            return self._pool.submit(self.work, chunk)

    def _recover(self, chunks: list[list[Article]]) -> Iterator[Record | Rejection]:
        """A worker died: re-run these batches one article at a time in a fresh pool."""
        self._restart()
        for chunk in chunks:
            for article in chunk:
                try:
                    results = self._pool.submit(self.work, [article]).result()
                except BrokenProcessPool:
                    self._restart()
                    results = [Rejection(article.origin or "?", E_PROCESS,
                                         "the worker process died while coding this article (crash or out of "
                                         "memory); the article is logged and the run goes on", article.id)]
                yield from results


def code_pool(articles: Iterable[Article], config: Config | None = None, workers: int | None = None,
              stats: SourceLineStats | None = None) -> Iterator[Record | Rejection]:
    """Code articles in a process pool, in input order (see ``PoolEngine``).

    Args:
        articles: ingested articles.
        config: pipeline settings.
        workers: number of processes (default: the usable cores).
        stats: per-source line counts for cleaning.

    Returns:
        Iterator of one Record or Rejection per article, in input order.
    """
    with PoolEngine(config, workers, stats) as engine:
        yield from engine.process(articles)
