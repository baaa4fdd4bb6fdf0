"""What geoparsing and time normalization add to the per-article time.

Issue 5's speed criterion: places and times together add no more than 15% to
the per-article time of the pipeline without them.  This runs the stages of
``Pipeline._facts`` one by one on the same parsed articles and times each:

* without places and times: cleaning, the spaCy parse (``nlp.pipe``), actors,
  and quotes and events given no places and no times;
* with them: ``resolve_times`` and ``resolve_places``, and quotes and events
  given the places and times (attaching them has a cost too).

``added = times + places + (quotes + events with them) - (quotes + events
without them)``; ``share = added / without``.  Issue 4's speed criterion (actor
resolution adds no more than 10% to the per-article time of the pipeline without
it) is ``actors_share = actors / (clean + parse + times + places + quotes and
events with them)``.  Caches are warmed on the first
articles (model, gazetteer, dictionaries load once per process) before the
clock starts.  Run: ``python -m dateline.bench.geo_time [--corpus DIR]
[--limit N]`` (JSON on stdout).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
import time
from pathlib import Path

from ..annotate import load_nlp
from ..clean import clean
from ..config import Config
from ..errors import E_UNREADABLE, InputError
from ..extract.events import extract_events
from ..extract.quotes import extract_quotes
from ..resolve.actors import resolve_actors
from ..resolve.places import resolve_places
from ..resolve.times import resolve_times
from .corpus import corpus_articles
from .measure import DEFAULT_CORPUS, _commit

WARMUP = 5


def _parts(art, doc) -> dict[str, float]:
    from ..clean.dateline import dateline_date

    clock = time.perf_counter
    dateline = next((m.span for m in art.marks if m.kind == "dateline"), None)
    if art.published is None and (day := dateline_date(art.text, dateline)):
        art = dataclasses.replace(art, published=day, published_from="dateline")
    pub = art.published
    t0 = clock()
    times = resolve_times(doc, pub)
    t1 = clock()
    actors = resolve_actors(doc, pub)
    t2 = clock()
    places = resolve_places(doc, dateline)
    t3 = clock()
    quotes = extract_quotes(doc, actors, places=places, times=times)
    extract_events(doc, actors, places, times, quotes, published=pub)
    t4 = clock()
    quotes0 = extract_quotes(doc, actors, places=[], times=[])
    extract_events(doc, actors, [], [], quotes0, published=pub)
    t5 = clock()
    return {"times": t1 - t0, "actors": t2 - t1, "places": t3 - t2, "quotes_events_with": t4 - t3,
            "quotes_events_without": t5 - t4}


def measure(corpus: str | Path | None = None, limit: int = 300, config: Config | None = None) -> dict:
    """Time the pipeline's stages with and without places and times.

    Args:
        corpus: a Reuters-21578 folder (default: the bench corpus) or files Dateline reads.
        limit: at most this many articles.
        config: settings (model).

    Returns:
        dict of seconds per stage (summed over articles), ``without_ms`` and
        ``added_ms`` per article, ``share`` (added / without), ``actors_share`` (issue 4),
        articles, date, commit.

    Raises:
        InputError: [E110] when no article could be read.
    """
    config = config or Config()
    articles, _ = corpus_articles(Path(corpus or DEFAULT_CORPUS), limit, config)
    nlp = load_nlp(config.model)
    cleaned = []
    t0 = time.perf_counter()
    for a in articles:
        try:
            cleaned.append(clean(a))
        except InputError:
            continue
    clean_s = time.perf_counter() - t0
    for art, doc in zip(cleaned[:WARMUP], nlp.pipe([a.text for a in cleaned[:WARMUP]])):
        _parts(art, doc)
    t0 = time.perf_counter()
    docs = list(nlp.pipe([a.text for a in cleaned]))
    parse_s = time.perf_counter() - t0
    total: dict[str, float] = {}
    for art, doc in zip(cleaned, docs):
        for k, v in _parts(art, doc).items():
            total[k] = total.get(k, 0.0) + v
    n = len(cleaned)
    if not n:
        raise InputError(f"no readable articles in {corpus or DEFAULT_CORPUS}", E_UNREADABLE)
    without = clean_s + parse_s + total["actors"] + total["quotes_events_without"]
    added = total["times"] + total["places"] + total["quotes_events_with"] - total["quotes_events_without"]
    out = {"articles": n, "clean_s": round(clean_s, 3), "parse_s": round(parse_s, 3)}
    out.update({f"{k}_s": round(v, 3) for k, v in total.items()})
    out.update({
        "without_ms": round(1000 * without / n, 2), "added_ms": round(1000 * added / n, 2),
        "share": round(added / without, 4),
        "actors_share": round(total["actors"] / (clean_s + parse_s + total["times"] + total["places"]
                                                 + total["quotes_events_with"]), 4),
        "model": config.model, "corpus": str(corpus or DEFAULT_CORPUS),
        "date": dt.date.today().isoformat(), "commit": _commit(),
    })
    return out


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: print the measurement as JSON."""
    ap = argparse.ArgumentParser(prog="python -m dateline.bench.geo_time", description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=None)
    ap.add_argument("--limit", type=int, default=300)
    args = ap.parse_args(argv)
    print(json.dumps(measure(args.corpus, args.limit), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
