"""BENCH: Dateline's throughput against the bare spaCy pipeline it is built on."""

from .corpus import corpus_articles, reuters_records
from .measure import bench

__all__ = ["bench", "corpus_articles", "reuters_records"]
