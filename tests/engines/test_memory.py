"""Streaming memory: coding more articles must not grow the model's shared vocabulary.

spaCy keeps every new string and lexeme it meets in ``nlp.vocab`` for the life of
the process; ``code_batch`` runs each batch inside ``nlp.memory_zone()`` so a long
run does not accumulate them (docs/scale.md, "Memory").  Not timed.
"""

from __future__ import annotations

import json

from engine_fixtures import REUTERS

from shared_data import need_shared

from dateline.config import Config
from dateline.engines.core import code_batch, sized_batches
from dateline.ingest import record_to_article
from dateline.model import Record
from dateline.pipeline import Pipeline


def _articles(n: int, skip: int = 0):
    from dateline.bench.corpus import reuters_records

    need_shared(REUTERS)
    config = Config()
    recs = list(reuters_records(REUTERS, limit=skip + n))[skip:]
    return [record_to_article(json.dumps(r), r["url"], config) for r in recs]


def test_vocabulary_does_not_grow_with_articles(nlp):
    pipe = Pipeline(Config())
    assert pipe.nlp is nlp  # the session's model is the one the pipeline codes with
    code_batch(_articles(16), pipe)  # first use: stages load their data
    before = len(nlp.vocab.strings)
    sizes = []
    for chunk in sized_batches(_articles(96, skip=16), 32, chars=10**9):
        out = code_batch(chunk, pipe)
        assert len(out) == len(chunk) and all(isinstance(r, Record) for r in out)
        sizes.append(len(nlp.vocab.strings))
    # 96 new wire stories hold hundreds of words the vocabulary has never seen;
    # inside the memory zone none of them stays.
    assert sizes == [before] * len(sizes)


def test_without_the_zone_the_vocabulary_grows(nlp):
    """The control: the same kind of articles coded outside ``code_batch`` do add strings,
    so the test above measures the zone, not a corpus without new words."""
    pipe = Pipeline(Config())
    before = len(nlp.vocab.strings)
    records = list(pipe.process_many(_articles(32, skip=400)))
    assert len(records) == 32
    assert len(nlp.vocab.strings) > before


def test_records_after_the_zone_are_plain_and_identical(nlp):
    """Records made inside the zone stay valid after it and equal the records made outside it."""
    pipe = Pipeline(Config())
    arts = _articles(16, skip=600)
    inside = [r.to_dict() for r in code_batch(arts, pipe)]
    outside = [r.to_dict() for r in pipe.process_many(arts)]
    assert json.dumps(inside, sort_keys=True) == json.dumps(outside, sort_keys=True)
    assert sum(len(r["events"]) + len(r["quotes"]) + len(r["actors"]) for r in inside) > 0


def test_lemma_cache_is_bounded_and_records_unchanged(nlp):
    """spaCy's rule lemmatizer caches every word it has seen; ``code_batch`` empties the
    cache once it passes its bound, and coding with an emptied cache gives the same records."""
    from dateline.engines.core import trim_caches

    lemmatizer = dict(nlp.pipeline).get("lemmatizer")
    assert lemmatizer is not None and isinstance(getattr(lemmatizer, "cache", None), dict)
    pipe = Pipeline(Config())
    arts = _articles(16, skip=800)
    warm = [r.to_dict() for r in pipe.process_many(arts)]  # outside code_batch: the cache fills
    assert len(lemmatizer.cache) > 100
    assert trim_caches(nlp, limit=100) >= 1 and lemmatizer.cache == {}
    cold = [r.to_dict() for r in pipe.process_many(arts)]
    assert json.dumps(cold, sort_keys=True) == json.dumps(warm, sort_keys=True)
    # code_batch itself trims: a cache already past the bound is emptied by one batch
    from dateline.engines.core import LEMMA_CACHE_MAX

    lemmatizer.cache.update({("filler", i, 0): ["filler"] for i in range(LEMMA_CACHE_MAX + 1)})
    out = code_batch(_articles(16, skip=900), pipe)
    assert all(isinstance(r, Record) for r in out)
    assert len(lemmatizer.cache) < LEMMA_CACHE_MAX and ("filler", 0, 0) not in lemmatizer.cache
