"""Near-duplicate articles: the same wire story republished by many outlets.

``NearDuplicates`` keeps a MinHash LSH index (datasketch) over word 5-gram
shingles of the articles coded so far in a run.  An article whose estimated
Jaccard similarity to an earlier one reaches the threshold is *linked* to it
(table ``article_links``) instead of being coded again; its ingest_log row
says so (E114).  ``num_sources`` turns the links (and exact copies, E109) into
GDELT-style counts: how many copies and how many distinct outlets carried the
story, per stored article and per event.

Memory: one MinHash (``num_perm`` 64-bit values) per distinct story of the run.
"""

from __future__ import annotations

import re

from ..errors import E_DUPLICATE
from ..model import Article

_WORD = re.compile(r"\w+", re.UNICODE)

LINKS_DDL = """
CREATE TABLE IF NOT EXISTS article_links (
    article_id   VARCHAR NOT NULL,   -- the near-duplicate (not coded)
    duplicate_of VARCHAR NOT NULL,   -- the stored article it repeats
    origin       VARCHAR,
    source       VARCHAR,
    url          VARCHAR,
    similarity   DOUBLE,
    PRIMARY KEY (article_id, duplicate_of)
)"""


def shingles(text: str, k: int = 5) -> set[bytes]:
    """Word k-grams of the lower-cased text (the whole text when it is shorter)."""
    words = _WORD.findall(text.casefold())
    if len(words) <= k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


class NearDuplicates:
    """Finds, in input order, articles that repeat an earlier article of the run.

    Args:
        threshold: estimated Jaccard similarity of shingle sets at which two
            articles are the same story (0.8 by default: a republished wire
            story with a changed headline, byline or a trimmed last paragraph).
        num_perm: MinHash permutations (more: better estimates, more memory).
        k: words per shingle.
    """

    def __init__(self, threshold: float = 0.8, num_perm: int = 64, k: int = 5):
        from datasketch import MinHashLSH

        if not 0 < threshold <= 1:
            raise ValueError(f"threshold must be in (0, 1], got {threshold}")
        self.threshold, self.num_perm, self.k = threshold, num_perm, k
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._hashes: dict[str, object] = {}
        self._rank: dict[str, int] = {}  # insertion (input) order of the indexed stories

    def _minhash(self, text: str):
        from datasketch import MinHash

        m = MinHash(num_perm=self.num_perm, seed=1)
        m.update_batch(list(shingles(text, self.k)))
        return m

    def signature(self, text: str) -> tuple[int, ...]:
        """The MinHash values of ``text`` (what ``check`` compares), as plain ints."""
        return tuple(int(v) for v in self._minhash(text).hashvalues)

    def band_keys(self, signature: tuple[int, ...]) -> list[tuple[int, tuple[int, ...]]]:
        """The LSH band keys of a signature: two articles are candidates iff they share one.

        The bands are the index's own (``MinHashLSH.hashranges``), so the
        candidates are exactly those ``MinHashLSH.query`` would return.
        """
        return [(i, tuple(signature[start:end])) for i, (start, end) in enumerate(self._lsh.hashranges)]

    def similarity(self, sig_a: tuple[int, ...], sig_b: tuple[int, ...]) -> float:
        """Estimated Jaccard similarity of two signatures (``MinHash.jaccard``)."""
        from datasketch import MinHash

        scheme = MinHash(num_perm=self.num_perm, seed=1).scheme  # the scheme ``_minhash`` uses
        mk = lambda sig: MinHash(num_perm=self.num_perm, seed=1, hashvalues=list(sig), scheme=scheme)  # noqa: E731
        return mk(sig_a).jaccard(mk(sig_b))

    def check(self, article: Article) -> tuple[str, float] | None:
        """Link ``article`` to an earlier story, or remember it as a new one.

        Args:
            article: an ingested article.

        Returns:
            (id of the earlier article, estimated similarity), or None when
            the article is new (it is then indexed for later ones).
        """
        if article.id in self._hashes:
            return None
        m = self._minhash(article.text)
        best: tuple[str, float] | None = None
        cands = [(other, m.jaccard(self._hashes[other]), self._rank[other]) for other in self._lsh.query(m)]
        best = pick_earlier(cands, self.threshold)
        if best is None:
            self._lsh.insert(article.id, m)
            self._hashes[article.id] = m
            self._rank[article.id] = len(self._rank)
        return best

    def __len__(self) -> int:
        return len(self._hashes)


def pick_earlier(candidates, threshold: float) -> tuple[str, float] | None:
    """The story an article links to: the most similar candidate at or above ``threshold``.

    Ties go to the earliest candidate in input order, so the choice does not
    depend on the order an index returns candidates in (the local engine and
    the Spark engine both decide with this function).

    Args:
        candidates: (article id, similarity, input rank) of earlier, not linked articles.
        threshold: the similarity at which two articles are the same story.

    Returns:
        (article id, similarity), or None when no candidate reaches the threshold.
    """
    best = None
    for other, sim, rank in candidates:
        if sim >= threshold and (best is None or sim > best[1] or (sim == best[1] and rank < best[2])):
            best = (other, sim, rank)
    return None if best is None else (best[0], best[1])


def decide_links(pairs, threshold: float) -> dict[str, tuple[str, float]]:
    """Link articles in input order from their candidate pairs, as ``NearDuplicates.check`` does.

    Args:
        pairs: (later rank, later id, earlier rank, earlier id, similarity) for
            articles sharing an LSH band (ranks: input order); pairs below the
            threshold may be left out, they never link.
        threshold: the similarity at which two articles are the same story.

    Returns:
        {id of a near-duplicate: (id of the earlier article it repeats, similarity)}.
    """
    earlier: dict[tuple, list] = {}
    for later_rank, later_id, rank, other, sim in pairs:
        earlier.setdefault((later_rank, later_id), []).append((other, sim, rank))
    links: dict[str, tuple[str, float]] = {}
    for key in sorted(earlier):
        later_id = key[1]
        cands = [c for c in earlier[key] if c[0] not in links]
        best = pick_earlier(cands, threshold)
        if best is not None:
            links[later_id] = best
    return links


def near_duplicate_rejection(article: Article, duplicate_of: str, similarity: float):
    """The E114 ``ingest_log`` row of a linked article."""
    from ..errors import E_NEAR_DUPLICATE
    from ..model import Rejection

    return Rejection(article.origin or "?", E_NEAR_DUPLICATE,
                     f"near-duplicate of article {duplicate_of} (similarity {similarity:.2f}); "
                     "linked to it, not coded again", article.id)


def record_link(con, article: Article, duplicate_of: str, similarity: float) -> None:
    """Store one link in ``article_links`` (the table is created when missing).

    Args:
        con: a writable DuckDB connection (``Store.connection``).
        article: the near-duplicate.
        duplicate_of: the id of the stored article it repeats.
        similarity: the estimated Jaccard similarity.
    """
    con.execute(LINKS_DDL)
    con.execute("INSERT INTO article_links VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [article.id, duplicate_of, article.origin, article.source, article.url, round(similarity, 4)])


def num_sources(con) -> list[dict]:
    """Per stored article: copies seen (itself, near-duplicates, exact copies) and distinct outlets.

    Args:
        con: a DuckDB connection to a Dateline store.

    Returns:
        rows {article_id, num_articles, num_sources}, largest first; an
        article nobody repeated has 1 and 1 (0 sources when its outlet is unknown).
    """
    has_links = bool(con.execute("SELECT count(*) FROM information_schema.tables "
                                 "WHERE table_name = 'article_links'").fetchone()[0])
    links = ("SELECT duplicate_of AS article_id, source FROM article_links" if has_links
             else "SELECT NULL::VARCHAR AS article_id, NULL::VARCHAR AS source WHERE false")
    rows = con.execute(f"""
        WITH copies AS (
            SELECT id AS article_id, source FROM articles
            UNION ALL {links}
            UNION ALL SELECT article_id, NULL FROM ingest_log WHERE code = '{E_DUPLICATE}' AND article_id IS NOT NULL
        )
        SELECT article_id, count(*) AS num_articles, count(DISTINCT source) AS num_sources
        FROM copies WHERE article_id IN (SELECT id FROM articles)
        GROUP BY article_id ORDER BY num_articles DESC, article_id""").fetchall()
    return [{"article_id": a, "num_articles": n, "num_sources": s} for a, n, s in rows]



def link_near_duplicate(store, article: Article, duplicate_of: str, similarity: float) -> None:
    """Record a near-duplicate: the link, and its E114 row in ``ingest_log``.

    Args:
        store: the run's writable ``Store``.
        article: the near-duplicate (not coded).
        duplicate_of: id of the earlier article of the same story.
        similarity: estimated Jaccard similarity.
    """
    record_link(store.connection, article, duplicate_of, similarity)
    store.reject(near_duplicate_rejection(article, duplicate_of, similarity))
