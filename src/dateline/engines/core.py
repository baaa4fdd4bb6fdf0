"""The unit of work every engine runs: a batch of articles through one Pipeline.

Engines decide only *where* ``code_batch`` runs (this process, a pool worker,
a Spark task).  ``code_batch`` hands the batch to ``Pipeline.process_many``
(the per-article pipeline with ``nlp.pipe`` batching); when anything in the
batch raises, it codes the articles one by one with ``Pipeline.process`` so a
single bad article becomes a ``Rejection`` (code E113) and the rest of the
batch is kept.  The records are the same whichever path ran them.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import traceback
from collections.abc import Iterable, Iterator

from ..clean import SourceLineStats
from ..errors import E_PROCESS, InputError
from ..model import Article, Record, Rejection
from ..pipeline import Pipeline

#: Articles per ``nlp.pipe`` batch and per unit of work sent to a worker.
BATCH = 16

#: Characters of article text per ``nlp.pipe`` batch: a batch closes at
#: ``BATCH`` articles or at this many characters, whichever comes first, so the
#: model's working memory depends on the batch's text, not on how long the
#: longest articles of a corpus are (docs/scale.md, "Memory").  An article
#: longer than this forms a batch of its own.  30,000 characters hold 16
#: typical wire stories; for long feature articles a 60,000-character batch
#: peaked 30 MB higher with the same records (docs/scale.md).
BATCH_CHARS = 30_000


def _libc_trim():
    """glibc's ``malloc_trim`` (None on other C libraries)."""
    name = ctypes.util.find_library("c")
    try:
        return getattr(ctypes.CDLL(name), "malloc_trim", None) if name else None
    except OSError:
        return None


_TRIM = _libc_trim()


def release_memory() -> None:
    """Hand freed heap pages back to the operating system (glibc only; else nothing)."""
    if _TRIM is not None:
        _TRIM(0)


#: Entries a pipe's lemma cache may hold before ``code_batch`` empties it.
#: spaCy's rule ``Lemmatizer`` keeps every (word, tag, morph) it has seen in
#: an unbounded dict that ``memory_zone`` does not clear (about 0.45 KB per
#: news article); the cache only saves recomputing the same lemma, so
#: emptying it never changes a record.
LEMMA_CACHE_MAX = 10_000


def trim_caches(nlp, limit: int = LEMMA_CACHE_MAX) -> int:
    """Empty any pipe's ``cache`` dict that has grown past ``limit`` entries.

    Args:
        nlp: the loaded spaCy pipeline.
        limit: entries allowed before a cache is emptied.

    Returns:
        How many caches were emptied.
    """
    emptied = 0
    for _name, pipe in getattr(nlp, "pipeline", []):
        cache = getattr(pipe, "cache", None)
        if isinstance(cache, dict) and len(cache) > limit:
            cache.clear()
            emptied += 1
    return emptied


def memory_zone(nlp):
    """``nlp.memory_zone()`` where spaCy has it (3.8+), else a no-op context."""
    zone = getattr(nlp, "memory_zone", None)
    return zone() if zone is not None else contextlib.nullcontext()


def sized_batches(articles: Iterable[Article], n: int = BATCH,
                  chars: int = BATCH_CHARS) -> Iterator[list[Article]]:
    """Consecutive batches of at most ``n`` articles and at most ``chars`` characters.

    Args:
        articles: ingested articles (an iterator is read lazily).
        n: most articles in a batch (>= 1).
        chars: most characters of ``Article.text`` in a batch (>= 1); an
            article longer than this is a batch of its own.

    Returns:
        Iterator of non-empty lists that together hold every article once,
        in input order.

    Raises:
        ValueError: ``n`` or ``chars`` is below 1.
    """
    if n < 1 or chars < 1:
        raise ValueError(f"batch limits must be at least 1 (n={n}, chars={chars})")
    batch: list[Article] = []
    size = 0
    for art in articles:
        length = len(art.text or "")
        if batch and (len(batch) >= n or size + length > chars):
            yield batch
            batch, size = [], 0
        batch.append(art)
        size += length
    if batch:
        yield batch


def failure(article: Article, exc: BaseException) -> Rejection:
    """The E113 rejection for an article whose processing raised ``exc``."""
    where = traceback.extract_tb(exc.__traceback__)[-1:] if exc.__traceback__ else []
    at = f" at {where[0].filename.rsplit('/', 1)[-1]}:{where[0].lineno}" if where else ""
    return Rejection(
        article.origin or "?",
        E_PROCESS,
        f"processing raised {type(exc).__name__}: {exc}{at}; the article is logged and the run goes on "
        "(please report it with the article)",
        article.id,
    )


def code_one(article: Article, pipeline: Pipeline) -> Record | Rejection:
    """Process one article; bad input and crashes come back as Rejections.

    Args:
        article: an ingested article.
        pipeline: the loaded pipeline of this process.

    Returns:
        Record, or Rejection (the cleaner's input code, or E113 when
        processing raised).
    """
    try:
        return pipeline.process(article)
    except InputError as exc:
        return Rejection(article.origin or "?", exc.code, exc.reason, article.id)
    except Exception as exc:  # a bug on one article must not lose the batch
        return failure(article, exc)


def code_batch(articles: list[Article], pipeline: Pipeline) -> list[Record | Rejection]:
    """Process a batch in order with ``nlp.pipe``; isolate failures per article.

    Args:
        articles: ingested articles (any number; they go to ``nlp.pipe`` in
            ``sized_batches``, at most ``BATCH`` articles and ``BATCH_CHARS``
            characters each).
        pipeline: the loaded pipeline of this process.

    Returns:
        One Record or Rejection per article, in input order.

    The batch runs inside ``nlp.memory_zone()`` (see the module docstring):
    it must not run while another thread uses the same ``nlp``.  Afterwards
    lemma caches past ``LEMMA_CACHE_MAX`` entries are emptied and freed heap
    is handed back, so a long run's memory does not creep up with its length.
    """
    try:
        with memory_zone(pipeline.nlp):
            try:
                out = []
                for part in sized_batches(articles):  # one nlp.pipe batch each
                    out.extend(pipeline.process_many(part, batch_size=len(part)))
            except Exception:  # find the article that raised; keep the others
                out = [code_one(a, pipeline) for a in articles]
    finally:
        trim_caches(pipeline.nlp)
        release_memory()
    if len(out) != len(articles):  # process_many yields one item per article
        raise RuntimeError(f"process_many gave {len(out)} results for {len(articles)} articles")
    return out


def prune_stats(stats: SourceLineStats | None) -> SourceLineStats | None:
    """A copy of ``stats`` with only the lines that count as repeated.

    Cleaning asks only ``is_repeated``, so the copy cleans exactly alike and
    is what engines ship to workers (far smaller than the full counts).
    """
    if stats is None:
        return None
    small = SourceLineStats(stats.min_articles)
    for source, counts in stats._counts.items():
        small._counts[source] = {k: n for k, n in counts.items() if n >= stats.min_articles}
    small._articles.update(stats._articles)
    return small


def code_local(articles: Iterable[Article], pipeline: Pipeline) -> Iterator[Record | Rejection]:
    """The in-process engine: batches through ``code_batch`` in this process."""
    for chunk in sized_batches(articles, BATCH * 4, BATCH_CHARS * 4):
        yield from code_batch(chunk, pipeline)
