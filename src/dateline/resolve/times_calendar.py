"""Calendar arithmetic and the ``Normalized`` value of the TIME stage.

Everything here works on ``datetime.date`` and returns ``Normalized`` values
whose ``start``/``end`` are ISO days, ``end`` inclusive.

Part-of-period conventions (documented choice, used by ``part_of``):

- month: early = days 1-10, mid = 11-20, late = 21-end
- week (Monday..Sunday): early = Mon-Wed, mid = Tue-Thu, late = Thu-Sun
- year: early = Jan-Apr, mid = May-Aug, late = Sep-Dec
- decade: early = years 0-3, mid = 4-6, late = 7-9
- anything else: the first, middle or last third of its days
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import json
from dataclasses import dataclass
from importlib import resources

from ..errors import E_DATA, ConfigError

Date = dt.date


@dataclass(frozen=True)
class Normalized:
    """A time expression resolved to the calendar.

    Attributes:
        value: "2016-07-22", "2015-09", "2016", "199X", or "start/end" for
            weeks and intervals.
        start: first day covered (ISO date).
        end: last day covered, inclusive (ISO date).
        granularity: "day", "week", "weekend", "month", "quarter", "season",
            "year", "decade", "century" or "interval".
    """

    value: str
    start: str
    end: str
    granularity: str

    @property
    def start_date(self) -> Date:
        return Date.fromisoformat(self.start)

    @property
    def end_date(self) -> Date:
        return Date.fromisoformat(self.end)


@functools.lru_cache(maxsize=1)
def lexicon() -> dict:
    """The word lists of ``data/times_lexicon.json`` (loaded once, lazily).

    Raises:
        ConfigError: [E203] when the data file is missing or malformed.
    """
    try:
        raw = resources.files("dateline.resolve").joinpath("data/times_lexicon.json").read_text("utf-8")
        data = json.loads(raw)
    except (OSError, ValueError) as exc:
        raise ConfigError(f"times_lexicon.json could not be read ({exc}); reinstall the package.", E_DATA) from exc
    for key in ("months", "weekdays", "numbers", "ordinals", "seasons", "report_verbs"):
        if key not in data:
            raise ConfigError(f"times_lexicon.json lacks the {key!r} table.", E_DATA)
    return data


# --- constructors ---------------------------------------------------------


def day(d: Date) -> Normalized:
    """One calendar day."""
    iso = d.isoformat()
    return Normalized(iso, iso, iso, "day")


def last_day(year: int, month: int) -> int:
    """Number of days in the month."""
    return calendar.monthrange(year, month)[1]


def month(year: int, mon: int) -> Normalized:
    """One calendar month, value "YYYY-MM"."""
    return Normalized(
        f"{year:04d}-{mon:02d}",
        Date(year, mon, 1).isoformat(),
        Date(year, mon, last_day(year, mon)).isoformat(),
        "month",
    )


def year(y: int) -> Normalized:
    """One calendar year, value "YYYY"."""
    return Normalized(f"{y:04d}", f"{y:04d}-01-01", f"{y:04d}-12-31", "year")


def monday_of(d: Date) -> Date:
    """The Monday of the Monday..Sunday week holding ``d``."""
    return d - dt.timedelta(days=d.weekday())


def week(d: Date) -> Normalized:
    """The Monday..Sunday week holding ``d``; value "monday/sunday"."""
    mon = monday_of(d)
    return interval(mon, mon + dt.timedelta(days=6), "week")


def weekend(d: Date) -> Normalized:
    """Saturday and Sunday of the Monday..Sunday week holding ``d``."""
    sat = monday_of(d) + dt.timedelta(days=5)
    return interval(sat, sat + dt.timedelta(days=1), "weekend")


def quarter(y: int, q: int) -> Normalized:
    """Calendar quarter ``q`` (1-4) of year ``y``."""
    first = 3 * (q - 1) + 1
    return interval(Date(y, first, 1), Date(y, first + 2, last_day(y, first + 2)), "quarter")


def decade(first_year: int) -> Normalized:
    """The decade starting at ``first_year`` (a multiple of ten); value "199X"."""
    d0 = first_year - first_year % 10
    return Normalized(f"{d0 // 10:03d}X", f"{d0:04d}-01-01", f"{d0 + 9:04d}-12-31", "decade")


def century(first_year: int) -> Normalized:
    """The hundred years starting at ``first_year``; value "19XX"."""
    c0 = first_year - first_year % 100
    return Normalized(f"{c0 // 100:02d}XX", f"{c0:04d}-01-01", f"{c0 + 99:04d}-12-31", "century")


def interval(a: Date, b: Date, granularity: str = "interval") -> Normalized:
    """Days ``a``..``b`` inclusive; value "a/b" (a single day collapses to "day")."""
    if a == b and granularity == "interval":
        return day(a)
    return Normalized(f"{a.isoformat()}/{b.isoformat()}", a.isoformat(), b.isoformat(), granularity)


# --- arithmetic -----------------------------------------------------------


def add_months(d: Date, k: int) -> Date:
    """``d`` moved by ``k`` months, the day clipped to the month's length."""
    idx = d.year * 12 + (d.month - 1) + k
    y, m = divmod(idx, 12)
    m += 1
    return Date(y, m, min(d.day, last_day(y, m)))


def shift(d: Date, n: float, unit: str) -> Date:
    """``d`` moved by ``n`` units (day, week, fortnight, month, quarter, year, decade, century)."""
    if unit in ("hour", "minute"):
        per_day = 24 if unit == "hour" else 24 * 60
        return d + dt.timedelta(days=int(n / per_day))
    if unit == "day":
        return d + dt.timedelta(days=round(n))
    if unit == "week":
        return d + dt.timedelta(days=round(7 * n))
    if unit == "fortnight":
        return d + dt.timedelta(days=round(14 * n))
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[unit]
    return add_months(d, round(n * months))


def unit_period(d: Date, unit: str) -> Normalized:
    """The calendar period of kind ``unit`` holding ``d``."""
    if unit == "day" or unit in ("hour", "minute"):
        return day(d)
    if unit in ("week", "fortnight"):
        return week(d)
    if unit == "weekend":
        return weekend(d)
    if unit == "month":
        return month(d.year, d.month)
    if unit == "quarter":
        return quarter(d.year, (d.month - 1) // 3 + 1)
    if unit == "year":
        return year(d.year)
    if unit == "decade":
        return decade(d.year)
    if unit == "century":
        return century(d.year)
    raise ValueError(f"unknown calendar unit {unit!r}")


_THIRDS = {"early": 0, "mid": 1, "late": 2}


def part_of(n: Normalized, which: str) -> Normalized:
    """The early/mid/late part (or "first half"/"second half") of a period.

    Args:
        n: a resolved period (month, week, year, decade, ...).
        which: "early", "mid", "late", "first_half" or "second_half".

    Returns:
        An "interval" Normalized inside ``n`` (see the module docstring).
    """
    a, b = n.start_date, n.end_date
    g = n.granularity
    if which in ("first_half", "second_half"):
        total = (b - a).days + 1
        if g == "year":
            return interval(Date(a.year, 1, 1), Date(a.year, 6, 30)) if which == "first_half" else interval(
                Date(a.year, 7, 1), Date(a.year, 12, 31))
        half = total // 2
        if which == "first_half":
            return interval(a, a + dt.timedelta(days=half - 1))
        return interval(a + dt.timedelta(days=half), b)
    k = _THIRDS[which]
    if g == "month":
        spans = [(1, 10), (11, 20), (21, last_day(a.year, a.month))]
        lo, hi = spans[k]
        return interval(Date(a.year, a.month, lo), Date(a.year, a.month, hi))
    if g == "week":
        lo, hi = [(0, 2), (1, 3), (3, 6)][k]
        return interval(a + dt.timedelta(days=lo), a + dt.timedelta(days=hi))
    if g == "year":
        lo, hi = [(1, 4), (5, 8), (9, 12)][k]
        return interval(Date(a.year, lo, 1), Date(a.year, hi, last_day(a.year, hi)))
    if g == "decade":
        lo, hi = [(0, 3), (4, 6), (7, 9)][k]
        return interval(Date(a.year + lo, 1, 1), Date(a.year + hi, 12, 31))
    total = (b - a).days + 1
    third = max(total // 3, 1)
    starts = [a, a + dt.timedelta(days=third), a + dt.timedelta(days=2 * third)]
    ends = [starts[1] - dt.timedelta(days=1), starts[2] - dt.timedelta(days=1), b]
    return interval(max(starts[k], a), min(max(ends[k], starts[k]), b))
