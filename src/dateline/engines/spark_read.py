"""Spark engine, input side: files and folders → an RDD of (order, Article | Rejection).

JSONL and Parquet are read by Spark itself, so any path Spark reads works
(``s3a://``, ``hdfs://``, ``file:``); each line or row keeps its file and line
(row) number, so origins are the same as a local run's (``file.jsonl:12``).
Other files (text, HTML, WARC) are read in the tasks with the local readers
(``ingest.iter_inputs``), one file per task: their paths must be readable by
every executor (a local or shared file system).

The order key ``(file index, file, line)`` is the input order of a local run;
the engine uses it to decide which copy of a duplicated article is kept.
"""

from __future__ import annotations

import os
from urllib.parse import unquote, urlparse

from ..config import Config
from ..model import Article, Rejection

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
PARQUET_SUFFIXES = (".parquet",)


def _remote(path: str) -> bool:
    scheme = urlparse(path).scheme
    return len(scheme) > 1 and scheme != "file"


def _kind(name: str) -> str:
    low = name.lower()
    if low.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if low.endswith(PARQUET_SUFFIXES):
        return "parquet"
    return "file"


def _local_files(path: str) -> list[str]:
    """Files under a local path, in the local reader's order (sorted, no hidden names)."""
    if not os.path.isdir(path):
        return [path]
    out = []
    for name in sorted(n for n in os.listdir(path) if not n.startswith(".")):
        out.extend(_local_files(os.path.join(path, name)))
    return out


def plan_inputs(paths: list[str]) -> list[tuple[str, str]]:
    """The (kind, path) list to read, kind in "jsonl", "parquet", "file".

    Local folders are walked here; a remote folder is read as Parquet unless
    its name ends in a JSONL suffix.
    """
    plan = []
    for path in paths:
        if _remote(path):
            kind = _kind(path.rstrip("/"))
            plan.append(("parquet" if kind == "file" else kind, path))
        else:
            local = path[len("file://"):] if path.startswith("file://") else path
            plan.extend((_kind(f), f) for f in _local_files(local))
    return plan


def _key_of(uri: str) -> str:
    """A file URI as Spark reports it → a comparable key (absolute path for local files)."""
    u = urlparse(uri)
    if u.scheme in ("", "file"):
        return os.path.abspath(unquote(u.path))
    return uri


def with_meta(item, published: str | None, source: str | None):
    """Fill ``published``/``source`` of an Article that lacks them (as ``dateline run`` does)."""
    if isinstance(item, Article):
        if published and not item.published:
            item.published = published
            item.published_from = "given"
        if source and not item.source:
            item.source = source
    return item


def read_inputs(spark, paths: list[str], config: Config, published: str | None = None,
                source: str | None = None):
    """Read inputs into an RDD of ``((file index, file, line), Article | Rejection)``.

    Args:
        spark: the SparkSession.
        paths: files and folders (local or any URI Spark reads for JSONL/Parquet).
        config: settings (size limit, languages).
        published: publication date for articles without one.
        source: outlet name for articles without one.

    Returns:
        pyspark RDD.
    """
    from pyspark.sql import functions as F

    plan = plan_inputs(paths)
    names = {_key_of(p) if not _remote(p) else p: (i, p) for i, (_, p) in enumerate(plan)}
    sc = spark.sparkContext
    parts = []
    for kind in ("jsonl", "parquet"):
        files = [p for k, p in plan if k == kind]
        if not files:
            continue
        reader = spark.read.text if kind == "jsonl" else spark.read.parquet
        df = reader(*files).withColumn("_file", F.input_file_name())
        parts.append(_numbered(df, kind, names, config, published, source))
    files = [(i, p) for i, (k, p) in enumerate(plan) if k == "file"]
    if files:
        def read_file(pair):
            from ..ingest import iter_inputs

            i, p = pair
            for n, item in enumerate(iter_inputs([p], config), start=1):
                yield (i, p, n), with_meta(item, published, source)

        parts.append(sc.parallelize(files, max(1, len(files))).flatMap(read_file))
    if not parts:
        return sc.emptyRDD()
    return parts[0] if len(parts) == 1 else sc.union(parts)


def _numbered(df, kind: str, names: dict, config: Config, published, source):
    """Rows of a DataFrame with ``_file`` → ((index, file, line), item), line numbers per file."""
    indexed = df.rdd.zipWithIndex()  # global position; a file's rows are contiguous and in order
    first = indexed.map(lambda ri: (ri[0]["_file"], ri[1])).reduceByKey(min).collectAsMap()
    names_b = indexed.context.broadcast(names)
    first_b = indexed.context.broadcast(first)

    def to_item(ri):
        from ..errors import E_TOO_LARGE
        from ..ingest import record_to_article

        row, pos = ri
        uri = row["_file"]
        index, label = names_b.value.get(_key_of(uri), (len(names_b.value), uri))
        line = pos - first_b.value[uri] + 1
        origin = f"{label}:{line}"
        if kind == "jsonl":
            text = row["value"]
            if not text.strip():
                return None
            size = len(text.encode("utf-8"))
            if size > config.max_bytes:
                item = Rejection(origin, E_TOO_LARGE, f"line {line} of {label} is {size} bytes, over the limit "
                                 f"of {config.max_bytes} bytes (Config.max_bytes / --max-bytes)")
            else:
                item = record_to_article(text, origin, config)
        else:
            from ..ingest.parquet import row_to_article

            item = row_to_article(row.asDict(), origin, config)
        return (index, label, line), with_meta(item, published, source)

    return indexed.map(to_item).filter(lambda x: x is not None)
