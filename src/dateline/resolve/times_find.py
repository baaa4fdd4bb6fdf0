"""Finding time expressions in a parsed article and normalizing them.

Candidates are the model's DATE and TIME entities plus our own patterns for
what the model misses (a weekday or "yesterday" it leaves untagged, a month
after "since").  Overlapping candidates are merged, snapped to token
boundaries, extended over a meaning-changing "since" or a leading
"early/mid/late", then classified: ages and plain numbers are dropped,
durations (with their ISO-8601 length as value) and sets are kept unresolved, everything else is normalized with
the tense of the clause it sits in.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from ..model import TimeExpr
from . import times_calendar as cal
from .times_duration import duration_value
from .times_sets import set_value
from .times_normalize import normalize
from ..annotate.view import text_of

_LABELS = ("DATE", "TIME")


@functools.lru_cache(maxsize=1)
def _finder() -> re.Pattern:
    lex = cal.lexicon()
    months = [m.capitalize() for m in lex["months"] if len(m) > 3 or m == "may"]
    abbrevs = [m.capitalize() + r"\." for m in lex["months"] if len(m) <= 4 and m != "may"]
    month = "(?:" + "|".join(sorted(months, key=len, reverse=True) + abbrevs) + ")"
    wd = "(?:" + "|".join(sorted((w.capitalize() for w in lex["weekdays"] if len(w) > 4), key=len, reverse=True)) + ")"
    nums = "|".join(sorted((re.escape(n) for n in lex["numbers"]), key=len, reverse=True))
    tod = "|".join(lex["time_of_day"])
    rel = r"(?i:last|next|this|coming|this coming|this past|past|previous)"
    parts = (
        rf"(?:(?:{rel}|(?i:early|late))\s+)?{wd}(?:\s+(?i:{tod}))?",
        r"(?i:today|tonight|yesterday|tomorrow|last night|this (?:morning|afternoon|evening))",
        rf"(?:(?i:early|mid|late|earlier|later)[- ])?{rel}\s+(?i:week|weekend|month|year|decade|quarter)",
        rf"(?i:\d+|{nums})\s+(?i:days?|weeks?|months?|years?|decades?)\s+(?i:ago)",
        rf"(?<![$£€\d.,])(?i:\d+|{nums})[- ](?i:hours|days|weeks|months|years|decades)\b(?![- ]old)",
        rf"{month}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?",
        rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{month}(?:,?\s+\d{{4}})?",
        rf"{month},?\s+\d{{4}}",
        rf"(?:(?i:early|mid|late|last|next|this)[- ]){month}",
        rf"{_after('since', 'until')}{month}",
        _after("in", "since", "until", "by", "during", "from", "before", "after") + r"(?:1[89]|20)\d\d(?!\d|[,.-]\d|%| percent)",
        r"(?i:currently|at present|right now)|(?<![Ff]rom )now(?! that| on\b)|\bNow(?=,)",
        r"\d{4}-\d{2}-\d{2}",
        r"(?:(?i:early|mid|late)[- ])?(?:1[0-9]|20)\d0s",
    )
    return re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in parts) + r")\b")


def _after(*words: str) -> str:
    """A lookbehind for "<word> " in lower or title case (fixed width each)."""
    alts = [f"(?<=\\b{w} )" for word in words for w in (word, word.capitalize())]
    return "(?:" + "|".join(alts) + ")"


_AGE = re.compile(r"\d+[- ]years?[- ]old|\byears?[- ]old\b|\baged?\b|\bages\b|\bteens?\b", re.I)
_CUE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\b"
    r"|\b(?:day|week|month|year|decade|centur|quarter|season|spring|summer|autumn|fall|winter|weekend)"
    r"|\b(?:today|tonight|yesterday|tomorrow|now|currently|ago|morning|afternoon|evening|night|noon"
    r"|midnight|hours?|minutes?|seconds|am|pm|a\.m|p\.m|earlier|later|recent|past|since|decades?|years?)\b"
    r"|\b(?:1[0-9]|20)\d\d\b|\d{1,2}:\d\d|\d{1,2}/\d{1,2}|'\d0s|\d0s\b|nineties|eighties|seventies|sixties",
    re.I,
)


@functools.lru_cache(maxsize=1)
def _duration() -> re.Pattern:
    nums = "|".join(sorted((re.escape(n) for n in cal.lexicon()["numbers"]), key=len, reverse=True))
    amount = rf"(?:[\d.,]+|(?:{nums})(?:[- ](?:{nums}))?|several|a few|few|many|some|dozens of|hundreds of)"
    return re.compile(
        r"^(?:(?:for|over|about|nearly|almost|more than|less than|some|around|up to|at least|the|"
        r"another|just|roughly|only|past|last|first|next|coming|recent|an extra|full)\s+)*"
        rf"(?:{amount}[- ])?(?:and a half )?"
        r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|centuries|century)"
        r"(?:[- ]long)?$",
        re.I,
    )


_SET = re.compile(
    r"\b(?:every|each|daily|weekly|monthly|annual|annually|yearly|biennial|per (?:day|week|month|year)"
    r"|a (?:day|week|month|year)$|nightly|twice|once)\b",
    re.I,
)
_COMPARATIVE = re.compile(r"^(.+?)\s+(?:earlier|later|sooner|longer|shorter)$", re.I)
_UNIT_WORDS = {"second", "minute", "hour", "day", "night", "week", "fortnight", "month", "year", "decade", "century"}
_EXTEND_LEFT = {"since", "early", "mid", "late", "earlier", "later", "every", "each"}
_TRIM = {"'s", "’s", ",", ".", ";", ":", "(", ")", '"', "“", "”", "'", "-", "—", "–"}


def resolve_times(doc, published: str | None) -> list[TimeExpr]:
    """Find and normalize the time expressions of a parsed article.

    Args:
        doc: the spaCy ``Doc`` of ``article.text`` (with entities and parse).
        published: the publication date "YYYY-MM-DD", or None.  Without it,
            relative expressions ("last week") stay unresolved while absolute
            ones ("July 15, 2016", "March 2011") still resolve.

    Returns:
        ``TimeExpr`` values with ids "t1", "t2", ... in text order; ``span`` is
        ``[start, end)`` into ``doc.text`` and slices back to ``text``.
        Unresolved ones have ``resolved=False`` and start/end None, with
        granularity "duration" or "set" where that is what they are; a
        duration keeps its length as an ISO-8601 ``value`` ("P5Y", "PXM",
        "PT1H"), a set its TIMEX3 value where known ("every morning" ->
        "XXXX-XX-XXTMO", "daily" -> "P1D"; ``times_sets``), every other
        unresolved expression has value None.
    """
    pub = dt.date.fromisoformat(published[:10]) if published else None
    out: list[TimeExpr] = []
    anchor: dt.date | None = None
    for span in _candidate_spans(doc):
        text = span.text
        if _AGE.search(text) or not _CUE.search(text):
            continue
        tense = clause_tense(span.root)
        comparative = _COMPARATIVE.match(text)
        if comparative and span.end < len(span.doc) and span.doc[span.end].lower_ == "than":
            # "a month earlier than usual" compares lengths: a duration, no date
            out.append(TimeExpr(
                id="", text=text, value=duration_value(comparative[1]), start=None, end=None,
                granularity="duration", span=(span.start_char, span.end_char), resolved=False,
            ))
            continue
        norm = _normalize_known(text, pub, tense, anchor)
        if norm is not None:
            out.append(TimeExpr(
                id="", text=text, value=norm.value, start=norm.start, end=norm.end,
                granularity=norm.granularity, span=(span.start_char, span.end_char), resolved=True,
            ))
            if norm.granularity == "day":
                anchor = norm.start_date
            continue
        if re.fullmatch(r"[\d\s,.]+", text):
            continue  # a plain number the model called a date
        dur = duration_value(text)
        kind = "duration" if dur or _duration().match(text.strip()) else ("set" if _SET.search(text) else None)
        out.append(TimeExpr(
            id="", text=text, value=dur if kind == "duration" else (set_value(text) if kind == "set" else None),
            start=None, end=None, granularity=kind,
            span=(span.start_char, span.end_char), resolved=False,
        ))
    for i, t in enumerate(out, 1):
        t.id = f"t{i}"
    return out


def _normalize_known(text: str, pub: dt.date | None, tense: str | None, anchor: dt.date | None):
    """Normalize against ``pub``; without one, keep only what no publication date changes."""
    if pub is not None:
        return normalize(text, pub, tense=tense, anchor=anchor)
    probes = [normalize(text, p, tense=tense, anchor=anchor) for p in (dt.date(2001, 3, 14), dt.date(2012, 10, 3))]
    return probes[0] if probes[0] is not None and probes[0] == probes[1] else None


def _candidate_spans(doc):
    ranges = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in _LABELS]
    ranges += [(m.start(), m.end()) for m in _finder().finditer(text_of(doc))]
    ranges.sort()
    merged: list[list[int]] = []
    for s, e in ranges:
        if merged and s < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    spans = []
    for s, e in merged:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        a, b = span.start, span.end
        while a < b and doc[a].text in _TRIM:
            a += 1
        while b > a and doc[b - 1].text in _TRIM:
            b -= 1
        while a > 0 and doc[a - 1].lower_ in _EXTEND_LEFT and not doc[a].is_sent_start:
            a -= 1
        if b < len(doc) and doc[b].lower_ == "ago":
            b += 1
        if b - a == 1 and a > 0 and doc[a].lower_ in _UNIT_WORDS and doc[a - 1].lower_ in ("a", "an"):
            a -= 1  # "An hour before ..." is one hour, not "hour"
        if a >= b:
            continue
        if spans and a < spans[-1].end:
            a = spans[-1].start
            spans.pop()
        spans.append(doc[a:b])
    return spans


# --- tense of the clause an expression sits in ----------------------------

_MODALS = {"would", "could", "might", "may", "should", "must", "can", "ca"}
_PRESENT_BE = {"is", "are", "am", "'s", "'re", "'m", "’s", "’re", "’m"}


def clause_tense(tok) -> str | None:
    """"past", "present", "future" or None for the clause governing ``tok``.

    Args:
        tok: a token of the time expression (usually its root).

    Returns:
        The tense of the nearest verb above ``tok``: "future" for will/shall,
        going to, plans/expects/is due to, would/could + verb and the present
        progressive; "past" for a past form or present perfect; "present" for
        a present form; None when no verb governs it (a headline fragment).
    """
    lex = cal.lexicon()
    fut_aux = set(lex.get("future_auxiliaries", ()))
    fut_verbs = set(lex.get("future_verbs", ()))
    v = tok
    while v.pos_ not in ("VERB", "AUX") and v.head != v:
        v = v.head
    if v.pos_ not in ("VERB", "AUX"):
        return None
    chain = [v]
    while chain[-1].dep_ in ("xcomp", "conj") and chain[-1].head != chain[-1] and len(chain) < 4:
        chain.append(chain[-1].head)
    for x in chain:
        auxes = [c for c in x.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_.replace("\u2019", "'") in fut_aux or a.lemma_ in ("will", "shall") for a in auxes):
            return "future"
        present = x.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes)
        has_xcomp = any(c.dep_ == "xcomp" for c in x.children)
        if x != v and has_xcomp and (x.lemma_ in fut_verbs) and (present or x.tag_ == "VBG"):
            return "future"
        if x == v and x.lemma_ in fut_verbs and present:  # "is scheduled for", "plans to"
            return "future"
    auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    aux_words = {a.lower_ for a in auxes}
    if "to" in aux_words and v.tag_ in ("VB", "VBN") and v.head != v:
        # An infinitive looks ahead from its governor: "a program to run through
        # June", "is due to be published in May", "wants to leave on Friday";
        # after a past governor it stays in the past ("decided to leave on Friday").
        h = v.head
        if h.pos_ in ("VERB", "AUX") and h.lemma_ not in fut_verbs:
            return "past" if clause_tense(h) == "past" else "future"
        return "future"
    if aux_words & _MODALS:
        return "past" if "have" in aux_words else "future"
    if v.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if v.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return "past"
    if v.tag_ == "VBG" and aux_words & _PRESENT_BE:
        return "future"
    if v.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    if v.tag_ == "VBN":
        return "past"
    return None
