"""``dateline evaluate plover-gsr``: events against the PLOVER gold-standard records.

Gold: ``data/plover-gsr/PLOVER_GSR_CAMEO.json`` (322 sentences edited from the
CAMEO manual, one coded event each, PLOVER 0.5b1 type names).  Each sentence is
run through the whole Dateline pipeline as a one-sentence article.

* Old type names map onto PLOVER 2.0 (docs/codes.md): DEMAND -> REQUEST,
  DISAPPROVE -> ACCUSE, INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT.
* Gold items: every (source, target) pair of the record's actor lists, each
  actor reduced to its code's first three letters (ISO3 country, or IGO/NGO/
  IMG...).  A record with no target gives items with target None (not coded:
  matches any predicted target).  Actors marked ``SRC/TAR`` in the markup with
  no separate target are reciprocal: their pairs are the items, in either order.
* Predicted items: every event of the record, typed by the PLOVER type of its
  CAMEO code when the event is intended (so "will meet", CAMEO 036, counts as
  AGREE, as the CAMEO->PLOVER conversion that produced the gold does), else
  by its own type, except negated events; each actor
  reduced to its country, else its code's first three letters when those name
  a non-state kind (IGO, NGO, IMG, MNC, NGM), else None.
* Matching and metrics: :mod:`dateline.evaluate.suite_events_score`.
"""

from __future__ import annotations

import json
from pathlib import Path

from . import register
from .suite_events_score import Item, score

OLD_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}

#: code prefixes of actors that belong to no country (IGOs, NGOs, transnational militants)
NON_STATE = {"IGO", "NGO", "IMG", "MNC", "NGM"}

register("plover-gsr", "suite_events_gsr:run")


def _actors(v) -> list[str]:
    if not isinstance(v, list):
        return []
    return [a["code"][:3].upper() for a in v if isinstance(a, dict) and a.get("code")]


def gold_items(rec: dict) -> list[Item]:
    """The gold items of one PLOVER GSR record (see the module docstring)."""
    typ = OLD_TYPES.get(rec["event"], rec["event"])
    src, tgt = _actors(rec.get("source")), _actors(rec.get("target"))
    info = rec.get("textInfo")
    markup = info.get("markup", "") if isinstance(info, dict) else ""
    if not tgt and len(src) > 1 and "SRC/TAR" in markup:
        return [Item(typ, a, b, mutual=True) for i, a in enumerate(src) for b in src[i + 1:] if a != b] or \
            [Item(typ, src[0], None)]
    return [Item(typ, s, t) for s in (src or [None]) for t in (tgt or [None])]


def actor_key(actor) -> str | None:
    """An actor reduced to the key the PLOVER gold uses: ISO3 or a 3-letter code."""
    if actor is None:
        return None
    if actor.country:
        return actor.country
    code = (actor.code or "").upper()
    return code[:3] if code[:3] in NON_STATE else None


def predicted_items(record, skip_modalities=("negated",)) -> list[Item]:
    """A Dateline record's events as scored items (PLOVER type of the CAMEO code)."""
    from ..extract.lexicon import cameo_info

    out = []
    for e in record.events:
        if e.modality in skip_modalities:
            continue
        info = cameo_info(e.cameo) if e.cameo and e.modality == "intended" else None
        typ = info.plover if info and info.plover else e.type
        out.append(Item(typ, actor_key(record.actor(e.source)), actor_key(record.actor(e.target))))
    return list(dict.fromkeys(out))


def run(shared: Path, limit: int | None = None, **options) -> dict:
    """Score the event coder on the PLOVER GSR (see the module docstring).

    Args:
        shared: the shared data folder.
        limit: score only the first N records.

    Returns:
        The metrics of :func:`suite_events_score.score`, suite name and per-sentence details.
    """
    from ..ingest import article_from_text
    from ..pipeline import default_pipeline

    path = Path(shared) / "data" / "plover-gsr" / "PLOVER_GSR_CAMEO.json"
    recs = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("event") and r.get("text")]
    if limit:
        recs = recs[:limit]
    pipe = default_pipeline()
    articles = [article_from_text(r["text"], published="2000-01-01") for r in recs]
    units, details = [], []
    for rec, out in zip(recs, pipe.process_many(articles)):
        gold = gold_items(rec)
        pred = predicted_items(out) if hasattr(out, "events") else []
        units.append((gold, pred))
        details.append({"id": rec["id"], "gold": [tuple(g.__dict__.values())[:3] for g in gold],
                        "pred": [(p.type, p.source, p.target) for p in pred]})
    result = {"suite": "plover-gsr", **score(units)}
    result["details"] = details
    return result
