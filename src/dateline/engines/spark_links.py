"""Spark engine, near-duplicates: the local engine's links, found on the executors.

``find_links`` gives the same decisions as ``dateline run --near-duplicates``
(``dedupe.NearDuplicates.check`` in input order):

1. executors (``mapPartitions``): each article's MinHash signature (the same
   seed, permutations and word 5-gram shingles, ``NearDuplicates.signature``)
   and its LSH band keys (the bands of datasketch's ``MinHashLSH`` for the
   threshold), with its input-order key;
2. executors: articles grouped by band key; every pair in a group is a
   candidate pair (exactly the pairs ``MinHashLSH.query`` would return), with
   its estimated similarity; pairs below the threshold are dropped;
3. driver: the few remaining pairs are collected and decided in input order by
   ``dedupe.decide_links``: an article links to the most similar earlier article
   that is not itself linked (ties: the earliest), as the local index does
   (it only holds articles that were not linked).

Only the pairs at or above the threshold reach the driver, never the texts or
signatures.
"""

from __future__ import annotations

from .dedupe import NearDuplicates, decide_links

LINK_COLUMNS = ("article_id", "duplicate_of", "origin", "source", "url", "similarity")


def _signatures(threshold: float):
    def per_partition(items):
        nd = NearDuplicates(threshold)  # one MinHash/LSH setup per partition
        for order, art in items:
            sig = nd.signature(art.text)
            for band in nd.band_keys(sig):
                yield band, (order, art.id, sig)

    return per_partition


def _pairs(threshold: float):
    def per_partition(groups):
        nd = NearDuplicates(threshold)
        for _, members in groups:
            members = sorted(members, key=lambda m: m[0])
            for i, (order, aid, sig) in enumerate(members):
                for order_e, aid_e, sig_e in members[:i]:
                    sim = nd.similarity(sig, sig_e)
                    if sim >= threshold:
                        yield order, aid, order_e, aid_e, sim

    return per_partition


def find_links(articles, threshold: float, partitions: int) -> dict[str, tuple[str, float]]:
    """Decide which articles are near-duplicates of earlier ones.

    Args:
        articles: RDD of (input-order key, Article), article ids unique.
        threshold: similarity at which two articles are the same story.
        partitions: partitions of the band grouping.

    Returns:
        {id of a near-duplicate: (id of the earlier article, estimated similarity)}.
    """
    NearDuplicates(threshold)  # validates the threshold before any Spark job
    pairs = (articles.mapPartitions(_signatures(threshold))
             .groupByKey(partitions)
             .mapPartitions(_pairs(threshold))
             .distinct()  # a pair sharing several bands
             .collect())
    return decide_links(pairs, threshold)


def link_row(article, duplicate_of: str, similarity: float) -> tuple:
    """One row of the ``links/`` output (the columns of ``article_links``)."""
    return (article.id, duplicate_of, article.origin, article.source, article.url, round(similarity, 4))


def link_schema():
    """The Spark schema of ``links/``."""
    from pyspark.sql.types import DoubleType, StringType, StructField, StructType

    return StructType([StructField(c, DoubleType() if c == "similarity" else StringType(), True)
                       for c in LINK_COLUMNS])
