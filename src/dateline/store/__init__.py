"""Store stage: records into an embedded DuckDB file, and questions back out.

``Store`` is the public API; ``docs/storage.md`` documents its tables.
"""

from .duckdb_store import Store
from .schema import STORE_SCHEMA

__all__ = ["Store", "STORE_SCHEMA"]
