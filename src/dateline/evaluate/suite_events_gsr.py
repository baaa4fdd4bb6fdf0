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
* Eras: every sentence carries the placeholder date 2000-01-01 while the
  sentences come from the 1980s to the 2000s and the gold codes them with
  today's ISO codes, so both sides are compared through
  :func:`dateline.resolve.countries.modern_code` (SUN compares as RUS, YUG and
  SCG as SRB, DDR as DEU) -- the era comparison the historical codes are made
  for.  Three gold codes that are not ISO 3166 (JAP, ITL, VTN, older CAMEO
  spellings) are read as the countries they name (JPN, ITA, VNM).
* Matching and metrics: :mod:`dateline.evaluate.suite_events_score`.

Actor metrics (issue 4), over every actor of the gold ``source`` and
``target`` lists (a sentence's actor listed twice counts twice):

* ``actor_country_accuracy``: share of gold actors for which the sentence's
  record holds *some* actor (any actor the resolver found in it, event
  participant or not) with the same key -- its country, or for actors of no
  country the first three letters of its code (IGO, NGO, IMG ...), as
  :func:`actor_key` reduces it.
* ``actor_code_accuracy``: the same, and the sector agrees too: the first three
  letters of the gold ``sector`` equal the actor's sector (CAMEO agent code,
  e.g. GOV, MIL, REB; an IGO/NGO actor whose sector is just IGO/NGO is the
  organisation itself and counts as having no sector).  A gold actor with no sector (the state itself:
  "Syria") or the placeholder ``***`` needs an actor of that key with no
  sector.  ``CIV`` in the gold is read as CAMEO's ``CVL``.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..resolve.countries import modern_code
from . import register
from .suite_events_score import Item, score

OLD_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}

#: code prefixes of actors that belong to no country (IGOs, NGOs, transnational militants)
NON_STATE = {"IGO", "NGO", "IMG", "MNC", "NGM"}

register("plover-gsr", "suite_events_gsr:run")


#: non-ISO country codes in the gold and the ISO3 codes they stand for
GOLD_CODE_FIXES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def _gold_key(code: str) -> str:
    key = code[:3].upper()
    return GOLD_CODE_FIXES.get(key, key)


def _actors(v) -> list[str]:
    if not isinstance(v, list):
        return []
    return [_gold_key(a["code"]) for a in v if isinstance(a, dict) and a.get("code")]


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
        return modern_code(actor.country)
    code = (actor.code or "").upper()
    return code[:3] if code[:3] in NON_STATE else None


def _sector3(sector: str | None) -> str | None:
    s = (sector or "").strip().upper()[:3]
    if not s or s == "***":
        return None
    return "CVL" if s == "CIV" else s


def gold_actors(rec: dict) -> list[tuple[str, str | None]]:
    """(key, sector) of every gold source and target actor of a record."""
    out = []
    for side in ("source", "target"):
        for a in rec.get(side) or []:
            if isinstance(a, dict) and a.get("code"):
                out.append((_gold_key(a["code"]), _sector3(a.get("sector"))))
    return out


def predicted_actors(record) -> set[tuple[str, str | None]]:
    """(key, sector) of every actor of a record that has a key (see :func:`actor_key`)."""
    out = set()
    for a in getattr(record, "actors", None) or []:
        key = actor_key(a)
        if key is None:
            continue
        sector = a.sector
        if not a.country and key in NON_STATE and sector == key:
            sector = None  # "the UN": the organisation itself, as the gold's IGO with no sector
        out.add((key, _sector3(sector)))
    return out


def actor_hits(gold: list[tuple[str, str | None]], pred: set[tuple[str, str | None]]) -> tuple[int, int]:
    """(country hits, country+sector hits) of a sentence's gold actors against its predicted ones."""
    keys = {k for k, _ in pred}
    return sum(1 for k, _ in gold if k in keys), sum(1 for g in gold if g in pred)


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
        The metrics of :func:`suite_events_score.score`, ``actor_country_accuracy``,
        ``actor_code_accuracy``, suite name and per-sentence details.
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
    n_actors = country_hits = code_hits = 0
    for rec, out in zip(recs, pipe.process_many(articles)):
        gold = gold_items(rec)
        pred = predicted_items(out) if hasattr(out, "events") else []
        units.append((gold, pred))
        g_act, p_act = gold_actors(rec), predicted_actors(out)
        c_hit, k_hit = actor_hits(g_act, p_act)
        n_actors, country_hits, code_hits = n_actors + len(g_act), country_hits + c_hit, code_hits + k_hit
        details.append({"id": rec["id"], "gold": [tuple(g.__dict__.values())[:3] for g in gold],
                        "pred": [(p.type, p.source, p.target) for p in pred],
                        "gold_actors": g_act, "pred_actors": sorted(p_act, key=str)})
    result = {"suite": "plover-gsr", **score(units)}
    result["gold_actors"] = n_actors
    result["actor_country_accuracy"] = round(country_hits / n_actors, 4) if n_actors else 0.0
    result["actor_code_accuracy"] = round(code_hits / n_actors, 4) if n_actors else 0.0
    result["details"] = details
    return result
