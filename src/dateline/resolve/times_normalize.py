"""Normalizing one English time expression against a publication date.

Our own rules, because the general parsers get news phrasing wrong: dateparser
returns nothing for "early next week", "late February" or "last September",
and parsedatetime puts "on Friday" and "late February" in the future.  News is
mostly written in the past tense, so an expression without "next"/"coming"
means its most recent occurrence on or before the publication date unless
the caller says the clause is in the future tense.

The rules are tried in order on a cleaned, lower-cased string; each must match
the whole string.  Anything no rule understands gives ``None``.
"""

from __future__ import annotations

import datetime as dt
import re

from . import times_calendar as cal
from .times_calendar import Date, Normalized
from .times_ranges import rule_range
from .times_text import Ctx, alt, full, infer_year, month_no, number, compiled, unit_name, weekday_no

TENSES = ("past", "present", "future")


def normalize(
    text: str,
    published: dt.date | str,
    *,
    tense: str | None = None,
    anchor: dt.date | None = None,
) -> Normalized | None:
    """Resolve a time expression to calendar days.

    Args:
        text: the expression, e.g. "early next week", "on Friday", "since March 2011".
        published: the article's publication date (a date or "YYYY-MM-DD").
        tense: "past", "present" or "future" for the clause the expression is in,
            or None (treated like past: news reports what happened).  It decides
            which occurrence a bare "Friday", "February" or "July 15" means.
        anchor: the date that "the day before", "the following week" or
            "two days later" count from (the previously mentioned date);
            the publication date when None.

    Returns:
        A ``Normalized`` (value, start, end inclusive, granularity), or None
        when the expression cannot be resolved (durations, sets, "recently").
    """
    if isinstance(published, str):
        published = Date.fromisoformat(published[:10])
    if isinstance(published, dt.datetime):
        published = published.date()
    if tense is not None and tense not in TENSES:
        raise ValueError(f"tense must be one of {TENSES} or None, got {tense!r}")
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    ctx = Ctx(published, tense, anchor or published)
    try:
        return _parse(clean(text), ctx, 0)
    except (ValueError, OverflowError):
        # An impossible calendar date ("February 30") is unresolvable text.
        return None


def clean(text: str) -> str:
    """Lower-case, unify dashes/quotes, drop punctuation that does not carry time."""
    s = text.lower()
    s = re.sub("[\u2010-\u2015\u2212]", "-", s)
    s = re.sub("[\u2018\u2019\u02bc`]", "'", s)
    s = re.sub(r"(\d)'s\b", r"\1s", s)  # 1990's -> 1990s
    s = re.sub(r"'s\b", "", s)  # Friday's -> friday
    s = re.sub(r"(?<=[a-z])\.", "", s)  # a.m. -> am, sept. -> sept
    s = re.sub(r"[,;:!?\"()\[\]\u201c\u201d]", " ", s)
    s = re.sub(r"\s*-\s*", "-", s)
    s = re.sub(r"\s+", " ", s)
    return s.strip(" .-")


def _weekday_date(wd: int, mod: str | None, ctx: Ctx) -> Date:
    pub = ctx.pub
    back = (pub.weekday() - wd) % 7  # days back to the most recent such weekday (0 = today)
    ahead = (wd - pub.weekday()) % 7
    if mod in ("last", "past", "previous", "this past"):
        return pub - dt.timedelta(days=back or 7)
    if mod in ("next", "coming", "this coming"):
        return pub + dt.timedelta(days=ahead or 7)
    if mod == "this":
        if ctx.tense == "future":
            return pub + dt.timedelta(days=ahead)
        if ctx.tense == "past":
            return pub - dt.timedelta(days=back)
        return cal.monday_of(pub) + dt.timedelta(days=wd)
    if ctx.tense == "future":  # "is expected to ... on Friday", written on that Friday
        return pub + dt.timedelta(days=ahead)
    return pub - dt.timedelta(days=back)


# --- the rules ---------------------------------------------------------------

_FILLER = (
    r"(?:the|on|in|at|during|by|of|as of|for the|around|about|some|nearly|almost|roughly|approximately|"
    r"circa|just|just over|over|more than|less than|sometime in|some time in|as early as|as late as|"
    r"starting|beginning in|starting in|effective|earlier on|later on) (.+)"
)


def _rule_in_n(s, ctx, depth):
    m = full(r"(in|within) (?:the next )?({NUM}) ({UNIT})(?: time)?", s)
    if not m:
        return None
    n = number(m.group(2))
    unit = unit_name(m.group(3))
    if n is None:
        return None
    target = cal.shift(ctx.pub, n, unit)
    if m.group(1) == "within":
        return cal.interval(ctx.pub, target)
    return cal.unit_period(target, unit if unit not in ("hour", "minute") else "day")


def _rule_filler(s, ctx, depth):
    m = full(_FILLER, s)
    return _parse(m.group(1), ctx, depth + 1) if m else None


def _rule_since_until(s, ctx, depth):
    m = full(r"(ever since|since|until|till|til|up to|up until|through) (.+)", s)
    if not m:
        return None
    inner = _parse(m.group(2), ctx, depth + 1)
    if inner is None:
        return None
    if m.group(1) in ("since", "ever since"):
        if inner.start_date > ctx.pub:
            return None
        return cal.interval(inner.start_date, ctx.pub)
    if inner.end_date < ctx.pub:
        return None
    return cal.interval(ctx.pub, inner.end_date)


_RELATIVE_DAYS = {
    "today": 0, "tonight": 0, "now": 0, "right now": 0, "currently": 0, "at present": 0,
    "this morning": 0, "this afternoon": 0, "this evening": 0, "earlier today": 0, "later today": 0,
    "yesterday": -1, "last night": -1, "last evening": -1, "overnight": 0,
    "tomorrow": 1, "day before yesterday": -2, "day after tomorrow": 2,
}


def _rule_relative_day(s, ctx, depth):
    if s in _RELATIVE_DAYS:
        return cal.day(ctx.pub + dt.timedelta(days=_RELATIVE_DAYS[s]))
    m = full(r"(.+) (?:{TOD})", s)
    if m and m.group(1) in _RELATIVE_DAYS:
        return cal.day(ctx.pub + dt.timedelta(days=_RELATIVE_DAYS[m.group(1)]))
    return None


def _rule_anchored(s, ctx, depth):
    m = full(r"(?:(previous|preceding|prior|next|following|same|that|subsequent) (day|week|month|year)"
              r"|(day|week|month|year) (before|earlier|after|later))", s)
    if not m:
        return None
    if m.group(1):
        word, unit = m.group(1), m.group(2)
        if word == "next" and unit != "day":
            return None  # "next week" counts from publication (a later rule)
        k = {"previous": -1, "preceding": -1, "prior": -1, "same": 0, "that": 0}.get(word, 1)
    else:
        unit, k = m.group(3), (-1 if m.group(4) in ("before", "earlier") else 1)
    return cal.unit_period(cal.shift(ctx.anchor, k, unit), unit)


def _rule_ago(s, ctx, depth):
    m = full(r"({NUM}) ({UNIT}) (ago|back|earlier|before|later|after|from now|hence)", s)
    if not m:
        return None
    n = number(m.group(1))
    if n is None:
        return None
    unit, how = unit_name(m.group(2)), m.group(3)
    base = ctx.pub if how in ("ago", "back", "from now", "hence") else ctx.anchor
    sign = -1 if how in ("ago", "back", "earlier", "before") else 1
    period = "day" if unit in ("hour", "minute") else unit
    return cal.unit_period(cal.shift(base, sign * n, unit), period)


def _rule_window(s, ctx, depth):
    m = full(r"(past|last|previous|next|coming|following) (?:({NUM}) )?({UNIT})", s)
    if not m:
        return None
    word, num, unit_word = m.groups()
    if num is None and (word != "past" or unit_word.endswith("s")):
        return None
    n = number(num) if num is not None else 1
    if n is None:
        return None
    unit = unit_name(unit_word)
    # "the past two weeks" = the 14 days ending on the publication day.
    one = dt.timedelta(days=0 if unit in ("hour", "minute") else 1)
    if word in ("past", "last", "previous"):
        base = ctx.anchor if word == "previous" else ctx.pub
        return cal.interval(cal.shift(base, -n, unit) + one, base)
    base = ctx.anchor if word == "following" else ctx.pub
    return cal.interval(base, cal.shift(base, n, unit) - one)


def _rule_earlier_later(s, ctx, depth):
    m = full(r"(earlier|later) (?:in )?(?:(this|the|last|next) )?(week|month|year|decade)", s)
    if not m:
        return None
    word, rel, unit = m.groups()
    if rel in ("last", "next"):
        return cal.unit_period(cal.shift(ctx.pub, -1 if rel == "last" else 1, unit), unit)
    whole = cal.unit_period(ctx.pub, unit)
    if word == "earlier":
        return cal.interval(whole.start_date, ctx.pub)
    return cal.interval(ctx.pub, whole.end_date)


_PARTS = {
    "early": "early", "beginning of": "early", "start of": "early", "early part of": "early",
    "first part of": "early", "mid": "mid", "middle of": "mid", "late": "late", "end of": "late",
    "latter part of": "late", "last part of": "late", "close of": "late",
    "first half of": "first_half", "second half of": "second_half", "latter half of": "second_half",
}


def _rule_part(s, ctx, depth):
    m = full(r"(" + alt(_PARTS) + r")[- ](.+)", s)
    if not m:
        return None
    inner = _parse(m.group(2), ctx, depth + 1)
    if inner is None:
        return None
    if inner.granularity in ("day", "weekend"):
        return inner
    part = cal.part_of(inner, _PARTS[m.group(1)])
    bare = full(r"(?:the )?(week|month|year|quarter)", m.group(2))
    if bare and ctx.tense in ("past", "future"):
        # "peaked by the end of year" (told in March): the part not yet reached
        # in a past clause is the previous year's, a passed one in a future
        # clause the next year's
        k = -1 if ctx.tense == "past" and part.start_date > ctx.pub else (
            1 if ctx.tense == "future" and part.end_date < ctx.pub else 0)
        if k:
            unit = bare.group(1)
            part = cal.part_of(cal.unit_period(cal.shift(ctx.pub, k, unit), unit), _PARTS[m.group(1)])
    return part


def _rule_rel_unit(s, ctx, depth):
    m = full(r"(?:(last|previous|this past|next|coming|this coming|this|current|present) )?"
              r"(?:fiscal |financial )?(week|weekend|month|year|quarter|decade|century)", s)
    if not m:
        return None  # a fiscal year is taken as its calendar year (they mostly overlap)
    word, unit = m.groups()
    k = {"last": -1, "previous": -1, "this past": -1, "next": 1, "coming": 1, "this coming": 1}.get(word, 0)
    if unit == "weekend":
        if word is None:  # "the weekend": the nearest one in the clause's direction
            if ctx.tense == "future":
                k = 1 if ctx.pub.weekday() == 6 else 0
            else:
                k = 0 if ctx.pub.weekday() >= 5 else -1
        return cal.weekend(cal.shift(ctx.pub, k, "week"))
    return cal.unit_period(cal.shift(ctx.pub, k, unit), unit)


def _rule_weekday(s, ctx, depth):
    m = full(r"(?:(last|past|previous|this past|this coming|coming|next|this) )?({WD})"
              r"(?: (?:of )?(last|next|this) week)?(?: ({TOD}))?", s)
    if not m:
        return None
    mod, wd_word, week_word = m.group(1), m.group(2), m.group(3)
    wd = weekday_no(wd_word)
    if week_word:
        if mod:
            return None
        k = {"last": -1, "next": 1, "this": 0}[week_word]
        return cal.day(cal.monday_of(cal.shift(ctx.pub, k, "week")) + dt.timedelta(days=wd))
    return cal.day(_weekday_date(wd, mod, ctx))


def _rule_numeric(s, ctx, depth):
    m = full(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:t[\d:.z+-]*)?", s)
    if m:
        return cal.day(Date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
    m = full(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})", s)
    if m:
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        y = y + 2000 if y < 100 and y + 2000 <= ctx.pub.year + 1 else (y + 1900 if y < 100 else y)
        mon, dom = (a, b) if a <= 12 else (b, a)  # US order unless impossible
        return cal.day(Date(y, mon, dom))
    m = full(r"(\d{4})-(\d{2})", s)
    if m and 1 <= int(m.group(2)) <= 12:
        return cal.month(int(m.group(1)), int(m.group(2)))
    return None


def _day_date(mon_word: str, dom: int, year_s: str | None, wd_word: str | None, ctx: Ctx) -> Normalized:
    mon = month_no(mon_word)
    if year_s:
        return cal.day(Date(int(year_s), mon, dom))
    if wd_word:  # "Friday, July 29": the nearby year in which that date is that weekday
        wd = weekday_no(wd_word)
        fits = [y for y in (ctx.pub.year, ctx.pub.year - 1, ctx.pub.year + 1)
                if dom <= cal.last_day(y, mon) and Date(y, mon, dom).weekday() == wd]
        if fits:
            return cal.day(Date(fits[0], mon, dom))
    return cal.day(Date(infer_year(mon, dom, ctx), mon, dom))


def _rule_month_forms(s, ctx, depth):
    m = full(r"(?:({WD}) )?({MONTH}) (\d{1,2})(?:st|nd|rd|th)?(?: (\d{4}))?", s)
    if m:
        return _day_date(m.group(2), int(m.group(3)), m.group(4), m.group(1), ctx)
    m = full(r"(?:({WD}) )?(?:the )?(\d{1,2})(?:st|nd|rd|th)? (?:of )?({MONTH})(?: (\d{4}))?", s)
    if m:
        return _day_date(m.group(3), int(m.group(2)), m.group(4), m.group(1), ctx)
    m = full(r"(?:({WD}) )?(?:the )?({ORD}) of ({MONTH})(?: (\d{4}))?", s)
    if m:
        return _day_date(m.group(3), cal.lexicon()["ordinals"][m.group(2)], m.group(4), m.group(1), ctx)
    m = full(r"(?:({WD}) )?({MONTH}) (?:the )?({ORD})(?: (\d{4}))?", s)
    if m:
        return _day_date(m.group(2), cal.lexicon()["ordinals"][m.group(3)], m.group(4), m.group(1), ctx)
    m = full(r"({MONTH})(?: of)? (\d{4})", s)
    if m:
        return cal.month(int(m.group(2)), month_no(m.group(1)))
    m = full(r"(?:(last|past|previous|this past|next|coming|this coming|this) )?({MONTH})"
              r"(?: (?:of )?(last|this|next) year)?", s)
    if not m:
        return None
    mod, mon, rel_year = m.group(1), month_no(m.group(2)), m.group(3)
    pub = ctx.pub
    if rel_year:
        if mod:
            return None
        y = pub.year + {"last": -1, "this": 0, "next": 1}[rel_year]
    elif mod in ("last", "past", "previous", "this past"):
        y = pub.year if mon < pub.month else pub.year - 1
    elif mod in ("next", "coming", "this coming"):
        y = pub.year if mon > pub.month else pub.year + 1
    elif mod == "this":
        y = pub.year
    else:
        y = infer_year(mon, None, ctx)
    return cal.month(y, mon)


def _rule_year_forms(s, ctx, depth):
    m = full(r"(?:year |fiscal |fiscal year |fy ?)?(\d{4})", s)
    if m and 1000 <= int(m.group(1)) <= 2999:
        return cal.year(int(m.group(1)))
    m = full(r"(\d{1,3})0s", s)
    if m:
        g = m.group(1)
        return cal.decade(_two_digit_decade(int(g), ctx) if len(g) == 1 else int(g) * 10)
    m = full(r"'(\d)0s", s)
    if m:
        return cal.decade(_two_digit_decade(int(m.group(1)), ctx))
    m = full(r"({DECADE})", s)
    if m:
        return cal.decade(1900 + 10 * cal.lexicon()["decade_words"][m.group(1)])
    m = full(r"(\d{1,2})(?:st|nd|rd|th) century|({ORD}) century", s)
    if m:
        n = int(m.group(1)) if m.group(1) else cal.lexicon()["ordinals"][m.group(2)]
        return cal.century((n - 1) * 100)
    return None


def _two_digit_decade(d: int, ctx: Ctx) -> int:
    """'90s -> 1990, '10s -> 2010 (the latest such decade not after publication)."""
    y = 2000 + 10 * d
    return y if y <= ctx.pub.year else 1900 + 10 * d


def _season_instance(name: str, y: int) -> tuple[Date, Date]:
    sm, em = cal.lexicon()["seasons"][name]
    ey = y if em >= sm else y + 1
    return Date(y, sm, 1), Date(ey, em, cal.last_day(ey, em))


def _rule_season(s, ctx, depth):
    m = full(r"(?:(last|past|this past|next|coming|this coming|this) )?({SEASON})"
              r"(?: (?:of )?(\d{4}|last year|this year|next year))?", s)
    if not m:
        return None
    mod, name, ys = m.groups()
    pub = ctx.pub
    if ys:
        y = int(ys) if ys[0].isdigit() else pub.year + {"last": -1, "this": 0, "next": 1}[ys.split()[0]]
        a, b = _season_instance(name, y)
        return cal.interval(a, b, "season")
    insts = [_season_instance(name, y) for y in range(pub.year - 2, pub.year + 2)]
    if mod in ("last", "past", "this past"):
        a, b = [i for i in insts if i[1] < pub][-1]
    elif mod in ("next", "coming", "this coming"):
        a, b = [i for i in insts if i[0] > pub][0]
    elif mod == "this":
        y = pub.year - 1 if name == "winter" and pub.month <= 2 else pub.year
        a, b = _season_instance(name, y)
    elif ctx.tense == "future":
        a, b = [i for i in insts if i[1] >= pub][0]
    else:
        a, b = [i for i in insts if i[0] <= pub][-1]
    return cal.interval(a, b, "season")


def _rule_quarter(s, ctx, depth):
    m = full(r"(?:(?:fiscal )?({ORD}|1st|2nd|3rd|4th)[- ]quarter|q([1-4]))(?: (?:of )?(\d{4}|last year|this year|next year))?", s)
    if not m:
        return None
    if m.group(2):
        q = int(m.group(2))
    else:
        q = cal.lexicon()["ordinals"].get(m.group(1)) or int(m.group(1)[0])
    if not 1 <= q <= 4:
        return None
    ys, pub = m.group(3), ctx.pub
    if ys:
        y = int(ys) if ys[0].isdigit() else pub.year + {"last": -1, "this": 0, "next": 1}[ys.split()[0]]
    else:
        cur = (pub.month - 1) // 3 + 1
        y = pub.year + (1 if ctx.tense == "future" and q < cur else 0) - (1 if ctx.tense != "future" and q > cur else 0)
    return cal.quarter(y, q)


def _rule_this_time(s, ctx, depth):
    m = full(r"(?:this time|same time|a year ago today|this time a year ago) ?(last year|a year ago)?", s)
    if not m or (s.startswith(("this time", "same time")) and not m.group(1)):
        return None
    return cal.day(cal.shift(ctx.pub, -1, "year"))


_CLOCK = (
    r"\b(?:at |around |about |by )?\d{1,2}(?:[:.]\d{2})? ?(?:am|pm|a m|p m)\b",
    r"\b(?:at |around )?\d{1,2}:\d{2}\b",
    r"\b(?:\d{4} )?(?:gmt|utc|local time|et|est|edt|cst|pst|pdt|bst|cet|cest)\b",
    r"\b(?:in the |on the |during the |that |early |late |\d{1,2}:\d{2} )?(?:{TOD})\b",
    r"\bo'clock\b",
)


def _rule_time_of_day(s, ctx, depth):
    out = s
    for pat in _CLOCK:
        out = compiled(pat).sub(" ", out)
    out = re.sub(r"\s+", " ", out).strip(" -")
    out = re.sub(r"^(?:on|at|in|of|the)\b ?|\b(?:on|at|in|of)$", "", out).strip()
    if out == s or not out:
        return None
    return _parse(out, ctx, depth + 1)


_RULES = (
    _rule_in_n,
    _rule_filler,
    _rule_since_until,
    _rule_relative_day,
    _rule_anchored,
    _rule_ago,
    _rule_window,
    _rule_earlier_later,
    _rule_numeric,
    _rule_rel_unit,
    _rule_weekday,
    _rule_month_forms,
    _rule_year_forms,
    _rule_season,
    _rule_quarter,
    _rule_this_time,
    lambda s, ctx, depth: rule_range(s, ctx, depth, _parse),
    _rule_part,
    _rule_time_of_day,
)


def _parse(s: str, ctx: Ctx, depth: int) -> Normalized | None:
    s = s.strip(" -")
    if not s or depth > 6:
        return None
    for rule in _RULES:
        r = rule(s, ctx, depth)
        if r is not None:
            return r
    return None
