"""The per-article pipeline every engine calls: clean → annotate → resolve → extract.

``process_article`` is the unit of work.  Engines decide only where it runs;
``Pipeline.process_many`` batches the spaCy step with ``nlp.pipe`` and gives
the same records as calling ``process_article`` one by one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator

from .annotate import load_nlp
from .clean import SourceLineStats, clean
from .clean.dateline import dateline_date
from .config import Config
from .extract.events import extract_events
from .extract.quotes import extract_quotes
from .ingest import article_from_text
from .errors import InputError
from .model import Actor, Article, Record, Rejection
from .resolve.actors import resolve_actors
from .resolve.designations import apply_designations, load_designations
from .resolve.places import resolve_places
from .resolve.times import resolve_times


class Pipeline:
    """A loaded pipeline: the model is loaded once, on first use.

    Args:
        config: settings (model, size limit, ...); defaults to ``Config()``.
    """

    def __init__(self, config: Config | None = None, stats: SourceLineStats | None = None):
        self.config = config or Config()
        #: per-source line counts from a first pass over a batch; lets cleaning
        #: drop lines a source repeats in many articles (see clean.SourceLineStats)
        self.stats = stats

    @property
    def nlp(self):
        return load_nlp(self.config.model)

    def process(self, article: Article) -> Record:
        """Process one ingested article (cleaning included) into a Record."""
        cleaned = clean(article, self.stats)
        return self._facts(cleaned, self.nlp(cleaned.text))

    def process_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Record | Rejection]:
        """Process articles in order, batching the model over them.

        An article that cleaning leaves empty comes out as a ``Rejection``
        (batch commands record it and go on); everything else as a ``Record``.
        """
        nlp = self.nlp
        batch: list[Article] = []
        for art in articles:
            try:
                batch.append(clean(art, self.stats))
            except InputError as e:
                if batch:
                    yield from self._run_batch(nlp, batch)
                    batch = []
                yield Rejection(art.origin or "?", e.code, e.reason, art.id)
                continue
            if len(batch) >= batch_size:
                yield from self._run_batch(nlp, batch)
                batch = []
        if batch:
            yield from self._run_batch(nlp, batch)

    def _run_batch(self, nlp, batch: list[Article]) -> Iterator[Record]:
        for art, doc in zip(batch, nlp.pipe([a.text for a in batch])):
            yield self._facts(art, doc)

    def _facts(self, article: Article, doc) -> Record:
        dateline = next((m.span for m in article.marks if m.kind == "dateline"), None)
        if article.published is None and (day := dateline_date(article.text, dateline)):
            article = dataclasses.replace(article, published=day, published_from="dateline")
        published = article.published
        times = resolve_times(doc, published)
        actors = _outside_datelines(resolve_actors(doc, published), article)
        if self.config.designations:  # read once per process (cached by path and file version)
            apply_designations(actors, article.text, published, load_designations(self.config.designations))
        places = resolve_places(doc, dateline)
        quotes = extract_quotes(doc, actors, places=places, times=times)
        events = extract_events(doc, actors, places, times, quotes, published=published,
                                background=self.config.background_events)
        return Record(article=article, actors=actors, places=places, times=times, events=events, quotes=quotes)


def _outside_datelines(actors: list[Actor], article: Article) -> list[Actor]:
    """Drop actor mentions inside the story's dateline ("SOCHI, Russia, Oct 23 -"):
    the dateline says where the story was filed, nobody acts there."""
    spans = [m.span for m in article.marks if m.kind == "dateline"]
    if not spans:
        return actors
    kept = []
    for a in actors:
        a.mentions = [m for m in a.mentions if not any(s <= m[0] and m[1] <= e for s, e in spans)]
        if a.mentions:
            kept.append(a)
    for n, a in enumerate(kept, start=1):
        a.id = f"a{n}"
    return kept


_DEFAULT: dict[tuple, Pipeline] = {}


def default_pipeline(config: Config | None = None) -> Pipeline:
    """One shared Pipeline per model name in this process (per worker)."""
    config = config or Config()
    key = (config.model, config.designations, config.background_events)
    if key not in _DEFAULT:
        _DEFAULT[key] = Pipeline(config)
    return _DEFAULT[key]


def process_article(article: Article, config: Config | None = None) -> Record:
    """The per-article function every engine calls."""
    return default_pipeline(config).process(article)


def process_text(
    text: str,
    published: str | None = None,
    source: str | None = None,
    *,
    title: str | None = None,
    url: str | None = None,
    config: Config | None = None,
) -> Record:
    """Ingest plain text and process it (see ``dateline.process``)."""
    article = article_from_text(text, published=published, source=source, title=title, url=url, config=config)
    return process_article(article, config)
