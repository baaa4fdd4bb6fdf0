"""``dateline bench``: articles/s and words/s of the pipeline, and of bare spaCy on the same texts.

Both are measured in the same run, on the same texts, with the same loaded
model, in alternating chunks (spaCy on a chunk, then Dateline on the same
chunk), so load from other processes on the machine hits both alike.  Model
loading and pool start-up are excluded.
"""

from __future__ import annotations

import datetime as dt
import resource
import subprocess
import time
from pathlib import Path

from ..config import Config
from ..model import Record
from ..pipeline import Pipeline
from .corpus import corpus_articles

#: Default corpus: the Reuters-21578 bodies in ../shared beside the checkout.
DEFAULT_CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "reuters21578"
CHUNK = 100
WARMUP = 5


def _commit() -> str | None:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, timeout=10,
                             cwd=Path(__file__).resolve().parent)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


def _rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)  # KiB on Linux


def bench(corpus: str | Path | None = None, limit: int | None = 2000, config: Config | None = None,
          workers: int | None = None) -> dict:
    """Measure Dateline and bare spaCy on one corpus.

    Args:
        corpus: a Reuters-21578 folder (default ``DEFAULT_CORPUS``) or any
            files/folder Dateline reads.
        limit: at most this many articles (None: all).
        config: settings (model).
        workers: also measure the process pool with this many workers.

    Returns:
        dict with articles, words, seconds, articles_per_s, words_per_s,
        peak_rss_mb, startup_seconds, spacy_seconds, spacy_words_per_s, ratio_to_spacy, events,
        quotes, rejected, model, date, commit; with ``workers`` also
        pool_workers, pool_seconds, pool_articles_per_s, pool_speedup.

    Raises:
        InputError: [E110] when the corpus folder does not exist.
    """
    from ..engines.core import code_batch
    from ..errors import E_UNREADABLE, InputError

    config = config or Config()
    corpus = Path(corpus or DEFAULT_CORPUS)
    if not corpus.exists():
        raise InputError(f"no corpus at {corpus}; give --corpus DIR (Reuters-21578 or files Dateline reads)",
                         E_UNREADABLE)
    articles, unread = corpus_articles(corpus, limit, config)
    pipe = Pipeline(config)
    nlp = pipe.nlp  # loaded before the clock starts
    # Start-up, reported apart: the stages load their dictionaries and the
    # gazetteer on first use (once per process, like the model).
    t0 = time.perf_counter()
    code_batch(articles[:WARMUP], pipe)
    startup = time.perf_counter() - t0
    words = sum(len(a.text.split()) for a in articles)
    ours = spacy = 0.0
    events = quotes = rejected = 0
    for i in range(0, len(articles), CHUNK):
        chunk = articles[i:i + CHUNK]
        t0 = time.perf_counter()
        for _ in nlp.pipe([a.text for a in chunk]):
            pass
        t1 = time.perf_counter()
        results = code_batch(chunk, pipe)
        t2 = time.perf_counter()
        spacy += t1 - t0
        ours += t2 - t1
        for r in results:
            if isinstance(r, Record):
                events += len(r.events)
                quotes += len(r.quotes)
            else:
                rejected += 1
    n = len(articles)
    out = {
        "articles": n,
        "words": words,
        "seconds": round(ours, 3),
        "articles_per_s": round(n / ours, 2) if ours else None,
        "words_per_s": round(words / ours, 1) if ours else None,
        "peak_rss_mb": _rss_mb(),
        "startup_seconds": round(startup, 3),
        "spacy_seconds": round(spacy, 3),
        "spacy_words_per_s": round(words / spacy, 1) if spacy else None,
        "ratio_to_spacy": round(spacy / ours, 3) if ours else None,
        "events": events,
        "quotes": quotes,
        "rejected": rejected + unread,
        "model": config.model,
        "corpus": str(corpus),
        "date": dt.date.today().isoformat(),
        "commit": _commit(),
    }
    if workers:
        out.update(_bench_pool(articles, config, workers, ours))
    return out


def _bench_pool(articles, config: Config, workers: int, single_seconds: float) -> dict:
    from ..engines.pool import PoolEngine

    with PoolEngine(config, workers) as engine:
        # Start-up, not timed: every worker starts, loads the model and codes one
        # article (first-use loading).  Workers start on demand, so a short
        # warm-up batch alone would leave the later workers' start-up in the clock.
        engine.warm_up()
        t0 = time.perf_counter()
        n = sum(1 for _ in engine.process(articles))
        seconds = time.perf_counter() - t0
    return {
        "pool_workers": workers,
        "pool_seconds": round(seconds, 3),
        "pool_articles_per_s": round(n / seconds, 2) if seconds else None,
        "pool_speedup": round(single_seconds / seconds, 3) if seconds else None,
        "pool_peak_rss_mb_per_worker": _rss_mb(resource.RUSAGE_CHILDREN),
    }
