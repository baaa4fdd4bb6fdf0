"""The Spark engine: ``code_batch`` in ``mapPartitions``, files in, files out.

``run_spark`` reads JSONL/Parquet (any path Spark reads) and local text, HTML
and WARC files (see ``spark_read``), counts each source's repeated lines for
cleaning across the whole input (as ``dateline run`` does), keeps the first
copy of each article id (later copies go to the log as E109), codes the
articles with the model loaded once per Python worker, and writes

    OUTPUT/records/month=YYYY-MM/...   one row per article (Parquet), or one
                                       ``dateline/1`` JSON record per line (JSONL)
    OUTPUT/ingest_log/...              every input not coded, with code and reason
    OUTPUT/links/...                   with ``near_duplicates``: one row per article
                                       linked to an earlier story (``article_links``
                                       columns, see ``spark_links``), not coded

Both are overwritten as a whole, so a re-run over the same input writes the
same output (no duplicates).  Needs the ``[spark]`` extra (pyspark) and Java 17.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from ..clean import SourceLineStats
from ..config import Config
from ..errors import E_CONFIG, E_DUPLICATE, E_NEAR_DUPLICATE, ConfigError
from ..model import Article, Record, Rejection
from .core import BATCH, BATCH_CHARS, code_batch, sized_batches

MIN_ARTICLES = SourceLineStats().min_articles
RECORD_COLUMNS = ("month", "id", "origin", "published", "source", "title", "url", "events", "quotes", "record")
LOG_COLUMNS = ("origin", "code", "reason", "article_id")


def spark_session(master: str | None = None, app: str = "dateline"):
    """Get or start a SparkSession.

    Under ``spark-submit`` the master comes from there; otherwise ``master``
    or ``local[*]``.  Workers run this Python (``PYSPARK_PYTHON``).

    Raises:
        ConfigError: [E202] when pyspark is not installed (``pip install 'dateline[spark]'``).
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise ConfigError("the Spark engine needs pyspark: pip install 'dateline[spark]' (and Java 17)",
                          E_CONFIG) from exc
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app)
    if master:
        builder = builder.master(master)
    elif "PYSPARK_GATEWAY_PORT" not in os.environ:  # not started by spark-submit
        builder = builder.master("local[*]")
    return (builder.config("spark.ui.enabled", "false")
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate())


def _line_counts(items):
    """One partition's (source, line key) → article counts, and articles per source."""
    stats = SourceLineStats(MIN_ARTICLES)
    for _, art in items:
        stats.observe(art.source, art.text)
    for source, counts in stats._counts.items():
        for k, n in counts.items():
            yield (source, k), n
        yield (source, None), stats._articles[source]


def line_stats(articles) -> SourceLineStats:
    """Count repeated lines per source over an RDD of (order, Article), pruned to the repeated ones."""
    totals = articles.mapPartitions(_line_counts).reduceByKey(lambda a, b: a + b)
    kept = totals.filter(lambda kv: kv[0][1] is None or kv[1] >= MIN_ARTICLES).collect()
    stats = SourceLineStats(MIN_ARTICLES)
    for (source, k), n in kept:
        if k is None:
            stats._articles[source] = n
        else:
            stats._counts[source][k] = n
    return stats


def _first_copies(group):
    """Of the copies of one article id, keep the first in input order; log the others (E109)."""
    _, copies = group
    copies = sorted(copies, key=lambda kv: kv[0])
    first_key, first = copies[0]
    yield first_key, first
    for key, art in copies[1:]:
        yield key, Rejection(art.origin or "?", E_DUPLICATE,
                             f"same article as {first.origin} (id {art.id}); stored once", art.id)


def _row(item: Record | Rejection) -> tuple[str, tuple]:
    if isinstance(item, Rejection):
        return "log", (item.origin, item.code, item.reason, item.article_id)
    a = item.article
    return "record", ((a.published or "unknown")[:7], a.id, a.origin, a.published, a.source, a.title, a.url,
                      len(item.events), len(item.quotes), json.dumps(item.to_dict(), ensure_ascii=False))


def _coder(config: Config, stats_b, links_b=None):
    def code_partition(items):
        from ..pipeline import Pipeline
        from .dedupe import near_duplicate_rejection
        from .spark_links import link_row

        pipe = Pipeline(config, stats=stats_b.value)  # the model is cached per Python worker
        links = links_b.value if links_b is not None else {}
        pending = []
        for key, item in items:
            if isinstance(item, Rejection):
                yield _row(item)
            elif item.id in links:  # a near-duplicate: linked, not coded
                yield _row(near_duplicate_rejection(item, *links[item.id]))
                yield "link", link_row(item, *links[item.id])
            else:
                pending.append(item)
        for chunk in sized_batches(pending, BATCH * 4, BATCH_CHARS * 4):
            for result in code_batch(chunk, pipe):
                yield _row(result)

    return code_partition


def run_spark(paths: list[str], output: str, config: Config | None = None, *, published: str | None = None,
              source: str | None = None, output_format: str = "parquet", master: str | None = None,
              partitions: int | None = None, spark=None, near_duplicates: float | None = None) -> dict[str, int]:
    """Code inputs with Spark and write records and the ingest log under ``output``.

    Args:
        paths: files and folders (JSONL/Parquet on any path Spark reads; text,
            HTML and WARC files on a file system every executor sees).
        output: output folder (any path Spark writes); ``records/`` and
            ``ingest_log/`` inside it are replaced.
        config: pipeline settings.
        published: publication date for articles without one.
        source: outlet name for articles without one.
        output_format: "parquet" (columns ``RECORD_COLUMNS``) or "jsonl" (one
            ``dateline/1`` record per line).
        master: Spark master URL (default: spark-submit's, else ``local[*]``).
        partitions: partitions of the coding stage (default: Spark's default parallelism).
        spark: an existing SparkSession to use.
        near_duplicates: a similarity (e.g. 0.8): link articles that repeat an
            earlier story of the input instead of coding them (E114, counted
            as duplicates; ``links/`` in the output), with the decisions of
            ``dateline run --near-duplicates`` (see ``spark_links``).

    Returns:
        counts: articles, rejected, duplicates (exact copies and linked near-duplicates), events, quotes.

    Raises:
        ConfigError: [E202] unknown output format or pyspark missing.
    """
    if output_format not in ("parquet", "jsonl"):
        raise ConfigError(f"output format {output_format!r}: use parquet or jsonl", E_CONFIG)
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    from .spark_read import read_inputs

    config = config or Config()
    spark = spark or spark_session(master)
    sc = spark.sparkContext
    partitions = partitions or sc.defaultParallelism
    items = read_inputs(spark, paths, config, published, source).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        articles = items.filter(lambda kv: isinstance(kv[1], Article))
        stats_b = sc.broadcast(line_stats(articles))
        rejected = items.filter(lambda kv: isinstance(kv[1], Rejection))
        unique = (articles.map(lambda kv: (kv[1].id, kv)).groupByKey(partitions).flatMap(_first_copies))
        links_b = None
        if near_duplicates:
            from .spark_links import find_links

            unique = unique.persist(StorageLevel.MEMORY_AND_DISK)
            links_b = sc.broadcast(find_links(unique.filter(lambda kv: isinstance(kv[1], Article)),
                                              near_duplicates, partitions))
        rows = (unique.union(rejected).mapPartitions(_coder(config, stats_b, links_b))
                .persist(StorageLevel.MEMORY_AND_DISK))
        try:
            out = output.rstrip("/")
            records = spark.createDataFrame(rows.filter(lambda r: r[0] == "record").map(lambda r: r[1]),
                                            _record_schema())
            log = spark.createDataFrame(rows.filter(lambda r: r[0] == "log").map(lambda r: r[1]), _log_schema())
            records = records.repartition(partitions, "month").sortWithinPartitions("month", "id")
            log = log.coalesce(1).sortWithinPartitions("origin", "code")
            if output_format == "parquet":
                records.write.mode("overwrite").partitionBy("month").parquet(f"{out}/records")
                log.write.mode("overwrite").parquet(f"{out}/ingest_log")
            else:
                records.select("month", "record").write.mode("overwrite").partitionBy("month").text(f"{out}/records")
                log.write.mode("overwrite").json(f"{out}/ingest_log")
            if links_b is not None:
                from .spark_links import link_schema

                links = spark.createDataFrame(rows.filter(lambda r: r[0] == "link").map(lambda r: r[1]),
                                              link_schema()).coalesce(1).sortWithinPartitions("article_id")
                if output_format == "parquet":
                    links.write.mode("overwrite").parquet(f"{out}/links")
                else:
                    links.write.mode("overwrite").json(f"{out}/links")
            totals = records.agg(F.count("*"), F.sum("events"), F.sum("quotes")).first()
            codes = dict(log.groupBy("code").count().collect())
        finally:
            rows.unpersist()
            unique.unpersist()
    finally:
        items.unpersist()
    dup = codes.get(E_DUPLICATE, 0) + codes.get(E_NEAR_DUPLICATE, 0)
    return {"articles": totals[0], "events": totals[1] or 0, "quotes": totals[2] or 0,
            "rejected": sum(codes.values()) - dup, "duplicates": dup}


def _record_schema():
    from pyspark.sql.types import IntegerType, StringType, StructField, StructType

    ints = {"events", "quotes"}
    return StructType([StructField(c, IntegerType() if c in ints else StringType(), c not in ("month", "id"))
                       for c in RECORD_COLUMNS])


def _log_schema():
    from pyspark.sql.types import StringType, StructField, StructType

    return StructType([StructField(c, StringType(), True) for c in LOG_COLUMNS])


def read_records(output: str) -> list[dict]:
    """The ``dateline/1`` records a JSONL or Parquet Spark output holds (local folders), by id.

    Args:
        output: the ``--output`` folder of a finished run.

    Returns:
        list of record dicts sorted by article id.
    """
    base = Path(output) / "records"
    out = []
    for path in sorted(base.rglob("*")):
        if path.name.startswith((".", "_")) or not path.is_file():
            continue
        if path.suffix == ".parquet":
            import pyarrow.parquet as pq

            out.extend(json.loads(r) for r in pq.read_table(path, columns=["record"]).column("record").to_pylist())
        else:
            with open(path, encoding="utf-8") as fh:
                out.extend(json.loads(line) for line in fh if line.strip())
    return sorted(out, key=lambda r: r["article"]["id"])


def cmd_run_spark(args, config: Config) -> int:
    """``dateline run --engine spark``: print the counts; exit 2 without --output."""
    if not args.output:
        print("dateline: --engine spark writes files: give --output DIR (and --output-format parquet|jsonl)",
              file=sys.stderr)
        return 2
    counts = run_spark(args.paths, args.output, config, published=args.published, source=args.source,
                       output_format=args.output_format, master=args.master, partitions=args.partitions,
                       near_duplicates=getattr(args, "near_duplicates", None))
    print(f"articles {counts['articles']}  events {counts['events']}  quotes {counts['quotes']}  "
          f"rejected {counts['rejected']}  duplicates {counts['duplicates']}  output {args.output}")
    return 0
