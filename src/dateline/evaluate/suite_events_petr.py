"""``dateline evaluate petrarch2`` and ``petr2-gsr``: the PETRARCH validation records.

``petrarch2``: the unit-test records with codes revised for PETRARCH2
(``data/petrarch2-validation/PETR.UnitTest.records.parsing_parsed_udpipe_2.0.xml``).
Their actors are fictional, so the sentences are coded with that folder's
dictionaries, imported by :mod:`dateline.extract.petrarch`: the actor and agent
dictionaries replace the actor resolver, ``PETR.Validate.verbs.2.0.txt``
replaces the trigger patterns, and the Dateline extractor does the rest (its
parse rules for subjects, objects, passives, conjoined actors, clauses).  The
text is parsed by our spaCy model, not the records' own parses.

* Items: (full CAMEO code, source code, target code), a missing side being
  None (gold ``---`` too).  ``event_*`` compare exact triples, every side
  strict (the measure behind PETRARCH2's published figures);
  ``root_precision``/``root_recall``/``root_f1`` compare (root code, source,
  target).  ``noevents`` records have no gold items; ``error`` codings are left
  out.  ``per_type`` is per root code.  As PETRARCH2 does, a statement code
  (01x, from "said") is kept only when the sentence has no other event.

``petr2-gsr``: ``data/petr2-gsr-validation/PETR2_GSR_validation.xml`` (real
sentences, real actor codes).  The whole Dateline pipeline codes each sentence;
items are (PLOVER type of the gold CAMEO code, source country, target country)
scored like ``plover-gsr`` (a side the gold leaves as ``---``/country-less is
not compared).  Gold codings of CAMEO 01x (public statements) have no PLOVER
type and are left out (``skipped_statement_codings`` says how many).
``root_*`` compare (CAMEO root, source country, target country) against the
root of our CAMEO code.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import register
from .suite_events_score import Item, score

register("petrarch2", "suite_events_petr:run_petrarch2")
register("petr2-gsr", "suite_events_petr:run_petr2_gsr")


def read_records(path: Path) -> list[dict]:
    """PETRARCH validation records: id, date, text, codings [(code, src, tgt)].

    Works for both layouts (nested ``<Sentence>`` and the self-closing one of
    the GSR file) by reading the file sequentially from one ``<Sentence`` to the next.
    """
    text = Path(path).read_text(encoding="utf-8")
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    out = []
    for chunk in re.split(r"<Sentence\s", text)[1:]:
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', chunk.split(">", 1)[0]))
        m = re.search(r"<Text>(.*?)</Text>", chunk, re.S)
        if not m or not m.group(1).strip():
            continue
        codings = []
        for c in re.findall(r"<EventCoding\s([^>]*)/?>", chunk):
            a = dict(re.findall(r'(\w+)\s*=\s*"([^"]*)"', c))
            if "eventcode" in a and "error" not in a:
                codings.append((a["eventcode"].strip(), _side(a.get("sourcecode")), _side(a.get("targetcode"))))
        out.append({"id": attrs.get("id", ""), "date": attrs.get("date"),
                    "text": " ".join(m.group(1).split()), "codings": codings})
    return out


def _side(code: str | None) -> str | None:
    code = (code or "").strip()
    return None if code in ("", "---") else code


def _prf_keys(prefix: str, s: dict) -> dict:
    return {f"{prefix}_precision": s["event_precision"], f"{prefix}_recall": s["event_recall"],
            f"{prefix}_f1": s["event_f1"]}


def run_petrarch2(shared: Path, limit: int | None = None, **options) -> dict:
    """Code the PETRARCH2 unit-test records with their own dictionaries and score.

    Returns:
        ``event_*`` on exact triples, ``root_*`` on root-code triples, ``per_type`` per root.
    """
    from ..annotate import load_nlp
    from ..extract.events import extract_events
    from ..extract.petrarch import (dictionary_actors, discarded, fill_sides, load_actors, load_agents, load_discards,
                                    load_verbs)

    folder = Path(shared) / "data" / "petrarch2-validation"
    recs = read_records(folder / "PETR.UnitTest.records.parsing_parsed_udpipe_2.0.xml")
    if limit:
        recs = recs[:limit]
    actors = load_actors(folder / "PETR.Validate.actors.txt")
    agents = load_agents(folder / "PETR.Validate.agents.txt")
    verbs = load_verbs(folder / "PETR.Validate.verbs.2.0.txt")
    discards = load_discards(folder / "PETR.Validate.discards.txt")
    nlp = load_nlp("md")
    exact, root, details = [], [], []
    for rec, doc in zip(recs, nlp.pipe([r["text"] for r in recs])):
        found = dictionary_actors(doc, actors, agents, rec["date"])
        events = [] if discarded(doc, discards) else extract_events(doc, found, [], [], patterns=verbs)
        fill_sides(doc, events, found)
        code = {a.id: a.code for a in found}
        pred = list(dict.fromkeys((e.cameo, code.get(e.source), code.get(e.target)) for e in events
                                  if e.modality != "negated"))
        if any(not p[0].startswith("01") for p in pred):
            # PETRARCH2 convention: a statement (01x, "said") is coded only
            # when the sentence has no more specific event
            pred = [p for p in pred if not p[0].startswith("01")]
        gold = rec["codings"]
        exact.append(([Item(*g) for g in gold], [Item(*p) for p in pred]))
        root.append(([Item(g[0][:2], g[1], g[2]) for g in gold], [Item(p[0][:2], p[1], p[2]) for p in pred]))
        details.append({"id": rec["id"], "gold": gold, "pred": pred})
    s_exact = score(exact, strict_sides=True)
    s_root = score(root, strict_sides=True)
    result = {"suite": "petrarch2", **{k: v for k, v in s_exact.items() if k != "per_type"}}
    result.update(_prf_keys("root", s_root))
    result["records_fully_right"] = sum(1 for g, p in exact if {(x.type, x.source, x.target) for x in g}
                                        == {(x.type, x.source, x.target) for x in p})
    result["per_type"] = s_root["per_type"]
    result["details"] = details
    return result


def run_petr2_gsr(shared: Path, limit: int | None = None, **options) -> dict:
    """Code the PETRARCH-2 GSR validation sentences with the full pipeline and score.

    Returns:
        PLOVER-type metrics (as plover-gsr) plus ``root_*`` on CAMEO roots.
    """
    from ..extract.lexicon import cameo_info
    from ..ingest import article_from_text
    from ..pipeline import default_pipeline
    from .suite_events_gsr import actor_key

    recs = read_records(Path(shared) / "data" / "petr2-gsr-validation" / "PETR2_GSR_validation.xml")
    if limit:
        recs = recs[:limit]
    pipe = default_pipeline()
    articles = [article_from_text(r["text"], published=_iso(r["date"])) for r in recs]
    typed, rooted, details = [], [], []
    skipped = 0
    for rec, out in zip(recs, pipe.process_many(articles)):
        gold_t, gold_r = [], []
        for code, src, tgt in rec["codings"]:
            info = cameo_info(code)
            plover = info.plover if info else ("REQUEST" if code.startswith("02") else None)
            if plover is None:
                skipped += 1
                continue
            s, t = _country(src), _country(tgt)
            gold_t.append(Item(plover, s, t))
            gold_r.append(Item(code[:2], s, t))
        events = [e for e in getattr(out, "events", []) if e.modality != "negated"]
        pred_t = list(dict.fromkeys(Item(e.type, actor_key(out.actor(e.source)), actor_key(out.actor(e.target)))
                                    for e in events))
        pred_r = list(dict.fromkeys(Item((e.cameo or "")[:2], actor_key(out.actor(e.source)),
                                         actor_key(out.actor(e.target))) for e in events))
        typed.append((gold_t, pred_t))
        rooted.append((gold_r, pred_r))
        details.append({"id": rec["id"], "gold": rec["codings"], "pred": [(p.type, p.source, p.target) for p in pred_t]})
    result = {"suite": "petr2-gsr", **score(typed)}
    result.update(_prf_keys("root", score(rooted)))
    result["skipped_statement_codings"] = skipped
    result["details"] = details
    return result


def _country(code: str | None) -> str | None:
    if not code or len(code) < 3 or not code[:3].isalpha():
        return None
    return code[:3]


def _iso(d: str | None) -> str | None:
    if d and len(d) == 8 and d.isdigit():
        return f"{d[:4]}-{d[4:6]}-{d[6:]}"
    return None
