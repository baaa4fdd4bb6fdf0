"""Parquet files → Articles, streamed a row group batch at a time.

Columns as in JSONL (``text`` or ``html``, and optional ``id``, ``title``,
``url``, ``source``, ``published``); other columns are ignored.  A date or
timestamp ``published`` column is fine.  Origins are ``path:ROW`` (1-based).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..config import Config
from ..errors import E_DAMAGED
from ..model import Article, Rejection

PARQUET_EXTENSIONS = (".parquet",)
COLUMNS = ("id", "title", "url", "source", "published", "text", "html")


def row_to_article(row: dict, origin: str, config: Config | None = None) -> Article | Rejection:
    """One row (a dict of column → value) → Article or Rejection, exactly as a JSONL record.

    Args:
        row: the row's values (None values are absent fields).
        origin: "file.parquet:ROW".
        config: settings.

    Returns:
        Article | Rejection (see ``ingest.record_to_article``).
    """
    from .files import record_to_article

    obj = {k: v for k, v in row.items() if k in COLUMNS and v is not None}
    return record_to_article(json.dumps(obj, default=str), origin, config)


def read_parquet(path: str, config: Config | None = None, batch_rows: int = 256) -> Iterator[Article | Rejection]:
    """Stream the articles of one Parquet file.

    Args:
        path: the file.
        config: settings; defaults to ``Config()``.
        batch_rows: rows read at a time (memory holds one batch).

    Returns:
        Iterator of Article or Rejection; a file that cannot be read (no
        footer, a broken page) ends with one E115 rejection after the rows
        read before the damage.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    config = config or Config()
    row = 0
    try:
        pf = pq.ParquetFile(path)
        names = [c for c in pf.schema_arrow.names if c in COLUMNS]
        for batch in pf.iter_batches(batch_size=batch_rows, columns=names):
            for values in batch.to_pylist():
                row += 1
                yield row_to_article(values, f"{path}:{row}", config)
    except (pa.ArrowException, OSError) as exc:
        yield Rejection(path, E_DAMAGED, f"{path}: damaged or not Parquet ({exc}); the {row} rows before "
                        "the damage were read")
