"""Writing rows and records to the terminal: table, JSONL, CSV; and the marked-up article."""

from __future__ import annotations

import csv
import json
import sys
from typing import Any, TextIO

from ..model import Record


def write_rows(rows: list[dict[str, Any]], fmt: str, out: TextIO = sys.stdout, columns: list[str] | None = None) -> None:
    """Write query rows as a table, JSONL or CSV."""
    if fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
        return
    columns = columns or (list(rows[0].keys()) if rows else [])
    if fmt == "csv":
        w = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({k: _cell(r.get(k), 10_000) for k in columns})
        return
    if not rows:
        out.write("(no rows)\n")
        return
    cells = [[_cell(r.get(c), 40) for c in columns] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    out.write("  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for row in cells:
        out.write("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() + "\n")


def _cell(v: Any, width: int) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        v = f"{v:g}"
    if isinstance(v, (list, dict)):
        v = json.dumps(v, ensure_ascii=False, default=str)
    s = " ".join(str(v).split())
    return s if len(s) <= width else s[: width - 1] + "…"


def mark_up(record: Record) -> str:
    """The article text with every fact marked: [text]{label}.

    Actors are labelled with their code, places with their country, times with
    their value, event triggers with their PLOVER type; direct quotes are
    wrapped in «…».
    """
    labels: list[tuple[int, int, str]] = []
    for a in record.actors:
        for s, e in a.mentions:
            labels.append((s, e, f"{a.id} {a.code or a.name}"))
    for p in record.places:
        for s, e in p.mentions:
            labels.append((s, e, f"{p.id} {p.country or ''}".strip()))
    for t in record.times:
        labels.append((t.span[0], t.span[1], f"{t.id} {t.value or 'unresolved'}"))
    for ev in record.events:
        for s, e in ev.mentions or [ev.trigger_span]:
            labels.append((s, e, f"{ev.id} {ev.type}"))
    text = record.article.text
    # Keep non-overlapping labels, longest first at each position.
    labels.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    kept, last_end = [], -1
    for s, e, lab in labels:
        if s >= last_end:
            kept.append((s, e, lab))
            last_end = e
    opens = {q.span[0] for q in record.quotes if q.kind == "direct"}
    closes = {q.span[1] for q in record.quotes if q.kind == "direct"}
    out, pos = [], 0
    for s, e, lab in kept:
        out.append(_quote_marks(text, pos, s, opens, closes))
        out.append(f"[{text[s:e]}]{{{lab}}}")
        pos = e
    out.append(_quote_marks(text, pos, len(text), opens, closes))
    return "".join(out)


def _quote_marks(text: str, a: int, b: int, opens: set[int], closes: set[int]) -> str:
    chars = []
    for i in range(a, b):
        if i in closes:
            chars.append("»")
        if i in opens:
            chars.append("«")
        chars.append(text[i])
    if b in closes and b == len(text):
        chars.append("»")
    return "".join(chars)


def summary(record: Record) -> list[str]:
    """Readable lines for one record: events, quotes, places."""
    name = {a.id: a for a in record.actors}
    places = {p.id: p for p in record.places}
    lines = [f"{record.article.title or '(untitled)'}  [{record.article.id}, {record.article.published or 'undated'}]"]
    for ev in record.events:
        src = name.get(ev.source)
        tgt = name.get(ev.target)
        who = f"{src.name} ({src.code})" if src else "?"
        whom = f"{tgt.name} ({tgt.code})" if tgt else "-"
        when = ev.date.start if ev.date.start == ev.date.end else f"{ev.date.start}/{ev.date.end}"
        where = places[ev.place].name if ev.place in places else ""
        lines.append(
            f"  event  {ev.type:<9} {ev.cameo or '':<4} {who} -> {whom}  {ev.modality}, {when}"
            + (f", {where}" if where else "")
        )
    for q in record.quotes:
        if q.kind != "direct":
            continue
        sp = name.get(q.speaker)
        text = q.text if len(q.text) < 70 else q.text[:67] + "..."
        lines.append(f"  quote  {sp.name if sp else '?'}: \"{text}\"")
    if record.places:
        lines.append("  places " + ", ".join(f"{p.name} ({p.country})" for p in record.places))
    return lines
