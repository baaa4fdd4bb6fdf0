"""``dateline evaluate FILE.jsonl``: events against a gold file in our own schema.

Each line is a ``dateline/1`` record (see docs/codes.md): ``article.text`` (and
optionally ``article.published``), ``actors`` with ``country``/``code``, and the
gold ``events`` whose ``source``/``target`` name those actors' ids.  Dateline
codes each article's text and its events are scored against the gold ones per
article, exactly like ``plover-gsr`` (items = PLOVER type, source country,
target country; a side the gold leaves null is not compared; negated events
are left out on both sides; see :mod:`dateline.evaluate.suite_events_score`).
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import E_CONFIG, ConfigError
from . import register
from .suite_events_score import Item, score

register("jsonl", "suite_events_jsonl:run")


def gold_items_of(record: dict) -> list[Item]:
    """The scored items of a gold ``dateline/1`` record (a dict)."""
    from .suite_events_gsr import NON_STATE

    actors = {a["id"]: a for a in record.get("actors", [])}

    def key(aid):
        a = actors.get(aid)
        if a is None:
            return None
        if a.get("country"):
            return a["country"]
        code = (a.get("code") or "").upper()
        return code[:3] if code[:3] in NON_STATE else None

    return [Item(e["type"], key(e.get("source")), key(e.get("target")))
            for e in record.get("events", []) if e.get("modality") != "negated"]


def run(shared: Path, limit: int | None = None, path: str | None = None, **options) -> dict:
    """Score the event coder on a JSONL gold file in our own schema.

    Args:
        shared: unused (the gold file is given by ``path``).
        limit: score only the first N records.
        path: the JSONL file.

    Raises:
        ConfigError: [E202] when the file is missing or a line is not a record.
    """
    from ..ingest import article_from_text
    from ..pipeline import default_pipeline
    from .suite_events_gsr import actor_key

    if not path or not Path(path).is_file():
        raise ConfigError(f"gold file {path!r} not found", E_CONFIG)
    gold = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            text = rec["article"]["text"]
        except (json.JSONDecodeError, KeyError, TypeError) as e:
            raise ConfigError(f"{path}:{n}: not a dateline/1 record with article.text ({e})", E_CONFIG) from e
        gold.append((rec, text))
    if limit:
        gold = gold[:limit]
    pipe = default_pipeline()
    articles = [article_from_text(t, published=r["article"].get("published")) for r, t in gold]
    units = []
    for (rec, _), out in zip(gold, pipe.process_many(articles)):
        events = [e for e in getattr(out, "events", []) if e.modality != "negated"]
        pred = list(dict.fromkeys(Item(e.type, actor_key(out.actor(e.source)), actor_key(out.actor(e.target)))
                                  for e in events))
        units.append((gold_items_of(rec), pred))
    return {"suite": "jsonl", "path": str(path), **score(units)}
