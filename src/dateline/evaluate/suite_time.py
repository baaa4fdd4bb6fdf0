"""Time suite ``tempeval3``: TIMEX3 extraction and normalization on the TempEval-3 platinum test set.

Each ``.tml`` file gives a document creation time (the publication date) and
inline ``<TIMEX3>`` tags.  Dateline reads the tag-stripped text with the md
model and calls :func:`dateline.resolve.times.resolve_times` against the
creation date.  Scores, as in TempEval-3 (UzZaman et al. 2013):

* ``timex_strict_f1`` — extents that match exactly;
* ``timex_relaxed_f1`` — extents that overlap (one-to-one);
* ``value_f1`` — F1 where a true positive is a relaxed match whose value is
  right.  A value is right when it denotes the same days as the gold value
  (``2013-03`` = 2013-03-01..2013-03-31, ``2013-W12`` = that ISO week,
  ``PRESENT_REF`` = the creation day); with a gold ``mod`` (START, END, MID,
  EARLY, LATE, APPROX) a value inside the gold period is right.  A duration
  ("three years") is right when its ISO-8601 length equals the gold one
  (P1DE and P10Y are the same length).  A window Dateline anchors on the
  creation day ("the past two years" -> the two years up to it) is right
  against a gold duration of its exact length (TimeML writes it P2Y).  A set
  ("every morning") is right when its value equals the gold one
  (``XXXX-XX-XXTMO``, ``P1D``).
* ``date_value_accuracy`` — among gold DATE expressions, the share Dateline
  finds (relaxed) and normalizes right.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import time
from collections import Counter
from pathlib import Path

from . import register

_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
_MODS = ("START", "END", "MID", "EARLY", "LATE", "APPROX")


def gold_interval(value: str, dct: dt.date) -> tuple[dt.date, dt.date] | None:
    """The days a TIMEX3 value denotes, or None for durations, sets and vague references."""
    from ..resolve import times_calendar as cal

    v = value.strip()
    if v == "PRESENT_REF":
        return dct, dct
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?", v)
    if m:
        d = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return d, d
    if re.fullmatch(r"\d{4}-\d\d", v):
        n = cal.month(int(v[:4]), int(v[5:]))
        return n.start_date, n.end_date
    if re.fullmatch(r"\d{4}", v):
        n = cal.year(int(v))
        return n.start_date, n.end_date
    m = re.fullmatch(r"(\d{4})-W(\d\d)", v)
    if m:
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return monday, monday + dt.timedelta(days=6)
    m = re.fullmatch(r"(\d{4})-Q(\d)", v)
    if m:
        n = cal.quarter(int(m[1]), int(m[2]))
        return n.start_date, n.end_date
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v)
    if m:
        y = int(m[1])
        a, b = _SEASONS[m[2]]
        ey = y + (1 if b < a else 0)
        return dt.date(y, a, 1), dt.date(ey, b, cal.last_day(ey, b))
    m = re.fullmatch(r"(\d{3})X", v)
    if m:
        n = cal.decade(int(m[1]) * 10)
        return n.start_date, n.end_date
    m = re.fullmatch(r"(\d\d)", v)
    if m:
        n = cal.century(int(m[1]) * 100)
        return n.start_date, n.end_date
    return None


def parse_tml(path: Path) -> tuple[dt.date, str, list[tuple[int, int, str, dict]]]:
    """(creation date, plain text of <TEXT>, gold TIMEX3s as (start, end, text, attributes))."""
    raw = path.read_text(encoding="utf-8")
    dct_m = re.search(r'<DCT>\s*<TIMEX3[^>]*value="(\d{4}-\d\d-\d\d)', raw)
    dct = dt.date.fromisoformat(dct_m[1])
    body = raw[raw.index("<TEXT>") + len("<TEXT>"): raw.index("</TEXT>")]
    parts: list[str] = []
    gold = []
    pos = 0
    for m in re.finditer(r"<TIMEX3([^>]*)>(.*?)</TIMEX3>|<[^>]+>|[^<]+", body, re.S):
        if m.group(1) is not None:
            attrs = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
            t = html.unescape(re.sub(r"<[^>]+>", "", m.group(2)))
            gold.append((pos, pos + len(t), t, attrs))
        elif m.group(0).startswith("<"):
            continue
        else:
            t = html.unescape(m.group(0))
        parts.append(t)
        pos += len(t)
    return dct, "".join(parts), gold


def canonical_duration(value: str) -> str:
    """A TIMEX3 duration in one spelling: decades and centuries as years (P1DE = P10Y)."""
    def unit(m: re.Match) -> str:
        n, u = m[1], m[2]
        if u in ("DE", "CE"):
            mult = 10 if u == "DE" else 100
            return ("X" if n == "X" else f"{int(n) * mult}") + "Y"
        return n + u

    return re.sub(r"(X|\d+)(DE|CE|[YMWDHS])", unit, value.strip())


_DURATION_UNITS = {"D": "day", "W": "week", "M": "month", "Y": "year"}


def _window_is(gold: str, start: dt.date, end: dt.date, dct: dt.date) -> bool:
    """Our window ending or starting on the creation day ("the past two
    years" -> the two years up to it) is TimeML's anchored duration (P2Y)
    when it is exactly that long."""
    from ..resolve import times_calendar as cal

    m = re.fullmatch(r"P(\d+)([DWMY])", canonical_duration(gold))
    if m is None or dct not in (start, end):
        return False
    n, unit = int(m[1]), _DURATION_UNITS[m[2]]
    one = dt.timedelta(days=1)
    return cal.shift(end + one, -n, unit) == start


def _value_right(pred, attrs: dict, dct: dt.date) -> bool:
    if pred.granularity == "duration" and pred.value:
        gold = attrs.get("value", "")
        return gold.startswith("P") and canonical_duration(gold) == canonical_duration(pred.value)
    if pred.granularity == "set":
        gold = attrs.get("value", "")
        return bool(pred.value) and canonical_duration(gold) == canonical_duration(pred.value)
    if not pred.resolved or pred.start is None:
        return False
    if pred.granularity == "interval" and attrs.get("value", "").startswith("P"):
        return _window_is(attrs["value"], dt.date.fromisoformat(pred.start), dt.date.fromisoformat(pred.end), dct)
    gold = gold_interval(attrs.get("value", ""), dct)
    if gold is None:
        return False
    ours = (dt.date.fromisoformat(pred.start), dt.date.fromisoformat(pred.end))
    if ours == gold:
        return True
    return attrs.get("mod") in _MODS and gold[0] <= ours[0] and ours[1] <= gold[1]


def _f1(tp: int, npred: int, ngold: int) -> float:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def run_tempeval3(shared: Path, limit: int | None = None, **options) -> dict:
    """Score time expressions on TempEval-3 platinum.

    Args:
        shared: the shared data folder (with data/tempeval3/te3-platinum).
        limit: score only the first ``limit`` documents (sorted by name).

    Returns:
        ``timex_strict_f1``, ``timex_relaxed_f1``, ``value_f1`` (and their
        precision/recall), ``date_value_accuracy``, plus ``details`` with
        missed, spurious and wrongly normalized expressions.
    """
    from ..annotate import load_nlp
    from ..resolve.times import resolve_times

    files = sorted((shared / "data" / "tempeval3" / "te3-platinum").glob("*.tml"))[:limit]
    nlp = load_nlp(options.get("model", "md"))
    t0 = time.perf_counter()
    c: Counter = Counter()
    missed, spurious, wrong = [], [], []
    for f in files:
        dct, text, gold = parse_tml(f)
        pred = resolve_times(nlp(text), dct.isoformat())
        c["pred"] += len(pred)
        c["gold"] += len(gold)
        used: set[int] = set()
        for p in pred:
            gi = next((i for i, g in enumerate(gold) if i not in used and p.span[0] < g[1] and g[0] < p.span[1]), None)
            if gi is None:
                spurious.append(p.text)
                continue
            used.add(gi)
            s, e, gtext, attrs = gold[gi]
            c["relaxed"] += 1
            c["strict"] += (s, e) == tuple(p.span)
            ok = _value_right(p, attrs, dct)
            c["value"] += ok
            if attrs.get("type") == "DATE":
                c["date_right"] += ok
            if not ok:
                wrong.append([gtext, attrs.get("value"), p.value, dct.isoformat()])
        missed.extend(g[2] for i, g in enumerate(gold) if i not in used)
        c["date_gold"] += sum(1 for g in gold if g[3].get("type") == "DATE")
    return {
        "documents": len(files),
        "gold_timex": c["gold"],
        "predicted_timex": c["pred"],
        "timex_strict_precision": round(c["strict"] / c["pred"], 4) if c["pred"] else 0.0,
        "timex_strict_recall": round(c["strict"] / c["gold"], 4) if c["gold"] else 0.0,
        "timex_strict_f1": round(_f1(c["strict"], c["pred"], c["gold"]), 4),
        "timex_relaxed_precision": round(c["relaxed"] / c["pred"], 4) if c["pred"] else 0.0,
        "timex_relaxed_recall": round(c["relaxed"] / c["gold"], 4) if c["gold"] else 0.0,
        "timex_relaxed_f1": round(_f1(c["relaxed"], c["pred"], c["gold"]), 4),
        "value_f1": round(_f1(c["value"], c["pred"], c["gold"]), 4),
        "date_value_accuracy": round(c["date_right"] / c["date_gold"], 4) if c["date_gold"] else 0.0,
        "seconds": round(time.perf_counter() - t0, 1),
        "details": {"missed": missed[:40], "spurious": spurious[:40], "wrong_value": wrong[:40]},
    }


register("tempeval3", "suite_time:run_tempeval3")
