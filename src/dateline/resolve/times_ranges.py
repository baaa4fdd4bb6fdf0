"""Ranges for the TIME normalizer: "March 3-5", "from 3 to 5 March", "2014-2016".

The two ends share what only one of them states (month, year); each end is
otherwise any expression the normalizer understands ("Monday to Wednesday").
"""

from __future__ import annotations

import re

from . import times_calendar as cal
from .times_calendar import Date, Normalized
from .times_text import Ctx, full, infer_year, month_no, compiled



def _partial(s: str) -> list | None:
    """[year, month, day] with None for what the text leaves out."""
    s = compiled(r"^(?:{WD}) ").sub("", s).strip()
    pats = (
        (r"(\d{1,2})(?:st|nd|rd|th)?", ("d",)),
        (r"(\d{4})", ("y",)),
        (r"({MONTH})", ("m",)),
        (r"({MONTH})(?: of)? (\d{4})", ("m", "y")),
        (r"({MONTH}) (\d{1,2})(?:st|nd|rd|th)?(?: (\d{4}))?", ("m", "d", "y")),
        (r"(\d{1,2})(?:st|nd|rd|th)? (?:of )?({MONTH})(?: (\d{4}))?", ("d", "m", "y")),
        (r"(\d{1,2})(?:st|nd|rd|th)? (\d{4})", ("d", "y")),
    )
    for pat, names in pats:
        m = full(pat, s)
        if m:
            got = dict(zip(names, m.groups()))
            y = int(got["y"]) if got.get("y") else None
            mon = month_no(got["m"]) if got.get("m") else None
            d = int(got["d"]) if got.get("d") else None
            if d is not None and not 1 <= d <= 31:
                return None
            return [y, mon, d]
    return None


def _partial_bounds(p: list) -> tuple[Date, Date]:
    y, mon, d = p
    if d is not None:
        x = Date(y, mon, d)
        return x, x
    if mon is not None:
        return Date(y, mon, 1), Date(y, mon, cal.last_day(y, mon))
    return Date(y, 1, 1), Date(y, 12, 31)


def _range_of_partials(left: str, right: str, ctx: Ctx) -> Normalized | None:
    lp = _partial(left)
    if lp is None:
        return None
    if lp[0] is not None and lp[1] is None and lp[2] is None and re.fullmatch(r"\d{2}", right):
        rp = [lp[0] // 100 * 100 + int(right), None, None]  # 2015-16, 1957-58
        if rp[0] <= lp[0]:
            return None
    else:
        rp = _partial(right)
    if rp is None:
        return None
    if rp[2] is not None and rp[1] is None:
        rp[1] = lp[1]
    if lp[2] is not None and lp[1] is None:
        lp[1] = rp[1]
    if (lp[2] is not None or rp[2] is not None) and (lp[1] is None or rp[1] is None):
        return None
    lp[0] = lp[0] if lp[0] is not None else rp[0]
    rp[0] = rp[0] if rp[0] is not None else lp[0]
    inferred = lp[0] is None
    if inferred:
        if rp[1] is None:
            return None
        y = infer_year(rp[1], rp[2], ctx)
        lp[0] = rp[0] = y
    a, _ = _partial_bounds(lp)
    _, b = _partial_bounds(rp)
    if a > b and inferred:
        lp[0] -= 1
        a, _ = _partial_bounds(lp)
    if a > b:
        return None
    return cal.interval(a, b)


_CONNECTORS = re.compile(r" to | through | thru | until | till |-| and ")


def rule_range(s, ctx, depth, parse):
    lead = re.match(r"(from|between) ", s)
    body = s[lead.end():] if lead else s
    for m in _CONNECTORS.finditer(body):
        if m.group() == " and " and not (lead and lead.group(1) == "between"):
            continue
        left, right = body[: m.start()].strip(), body[m.end():].strip()
        if not left or not right:
            continue
        r = _range_of_partials(left, right, ctx)
        if r is None:
            a, b = parse(left, ctx, depth + 1), parse(right, ctx, depth + 1)
            if a is not None and b is not None and a.start_date <= b.end_date:
                r = cal.interval(a.start_date, b.end_date)
        if r is not None:
            return r
    return None
