"""Quote extraction: who said what, direct and reported, with character offsets.

``extract_quotes(doc, actors)`` reads a spaCy ``Doc`` of the cleaned article
text and the actors resolved for it and returns ``Quote`` records:

- direct quotes are found by their quotation marks (``quotes_marks``), then
  attributed to a cue verb after the quote (`"…," Kerry said`), before it
  (`Kerry said: "…"`, `saying "…"`), or to "according to X"; a quote with no
  cue of its own takes the attribution of the other paragraphs of the same
  multi-paragraph quote, or of the previous quote in its paragraph
  (`"…," he said. "…"`, flagged ``"inherited"``);
- short scare quotes (1-3 words, no verb, no cue) are dropped;
- indirect quotes come from speech verbs with a complement clause, from
  "according to X" and from "in a statement, X ..." (``quotes_indirect``);
- speakers are mapped to actors as described in ``quotes_attrib``.

Every ``Quote.text`` equals ``doc.text[span[0]:span[1]]``; ids are ``q1``,
``q2``, … in text order.
"""

from __future__ import annotations

import bisect
import re

from ..model import Actor, Place, Quote, Span, TimeExpr
from . import quotes_indirect as indirect
from .quotes_attrib import Attribution, attribution, is_cue, speaker_id
from .quotes_lexicon import QuoteLexicon, load_lexicon
from .quotes_marks import RawQuote, find_quoted, paragraphs
from ..annotate.view import text_of, tokens_of

__all__ = ["extract_quotes"]

_SENT_FINAL = {".", "!", "?"}
#: Cue words looked at after a quote ending in a comma (or before one).
_AFTER_REACH = 12
_AFTER_REACH_FULL_STOP = 6
_BEFORE_REACH = 8
_AFTER_MAX = 40
_SCARE_MAX_WORDS = 3
_DASHES = {"―", "—", "–", "-", "--"}
#: Verb tags that make a short quote a statement rather than a scare quote.
_FINITE = {"VB", "VBD", "VBP", "VBZ", "MD"}


class _Tokens:
    """Fast lookup of the tokens inside a character window."""

    def __init__(self, doc):
        self.doc = doc
        self.starts = [t.idx for t in tokens_of(doc)]

    def window(self, a: int, b: int) -> list:
        lo = bisect.bisect_left(self.starts, a)
        hi = bisect.bisect_left(self.starts, b)
        return [t for t in self.doc[lo:hi] if not t.is_space]


def _cue_after(toks: list, lex: QuoteLexicon, content_end_char: str, content_toks: list):
    """A cue in the text right after a closing mark, or None.

    Near cues (a few words on) are taken directly; a farther one
    (`"…," Scott Pruitt, the attorney general of Oklahoma, said`) only when
    the parse hangs the quote on it.
    """
    full_stop = content_end_char == "."
    reach = _AFTER_REACH_FULL_STOP if full_stop else _AFTER_REACH
    for k, tok in enumerate(toks[:_AFTER_MAX]):
        if tok.text in _SENT_FINAL:
            return None
        if is_cue(tok, lex):
            if full_stop and any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children):
                return None  # a new reported statement, not this quote's attribution
            if k <= reach or any(tok in t.ancestors for t in content_toks):
                return tok
            return None
        if full_stop and tok.pos_ == "VERB":
            return None
    return None


def _names_after(toks: list, k: int) -> list:
    """The run of proper-noun tokens starting at ``toks[k]`` (initials' dots kept inside)."""
    names = []
    for tok in toks[k:]:
        if tok.pos_ == "PROPN" or (names and tok.text == "."):
            names.append(tok)
        else:
            break
    while names and names[-1].text == ".":
        names.pop()
    return names


def _dash_attribution(toks: list, text: str, close: int) -> Attribution | None:
    """`"…" ― Jane Doe` (a quote signed with a dash and a name)."""
    if not toks:
        return None
    gap = text[close + 1 : toks[0].idx]
    if gap.strip()[:1] in _DASHES:
        # the dash stuck to the mark ("”―") is not a token of its own
        at = close + 1 + gap.index(gap.strip()[0])
        k, chars = 0, (at, at + 1)
    elif toks[0].text in _DASHES:
        k, chars = 1, (toks[0].idx, toks[0].idx + len(toks[0].text))
    else:
        return None
    names = _names_after(toks, k)
    if not names:
        return None
    head = names[-1]
    return Attribution(cue=toks[0], subject=head, speaker_span=(names[0].idx, head.idx + len(head.text)),
                       addressee=None, cue_chars=chars)


#: Inflected speech verbs the tagger reads as proper nouns at the start of a
#: sentence ("Said Ellis: ...").
_INVERTED_OPENERS = {"said", "says", "added", "adds", "asked", "asks", "wrote", "writes", "told", "tells"}


def _inverted_opener(toks: list) -> Attribution | None:
    """`Said Ellis: "…"` where the parse took "Said" for a name."""
    for k, tok in enumerate(toks):
        if tok.lower_ in _INVERTED_OPENERS and tok.is_title and (k == 0 or toks[k - 1].text in _SENT_FINAL):
            names = _names_after(toks, k + 1)
            if names and names[-1].i + 1 < len(tok.doc) and tok.doc[names[-1].i + 1].text in (":", ","):
                head = names[-1]
                return Attribution(cue=tok, subject=head,
                                   speaker_span=(names[0].idx, head.idx + len(head.text)), addressee=None)
    return None


def _colon_intro(tk, lex: QuoteLexicon, prev_para: Span | None):
    """A cue ending the previous paragraph with a colon (`He said:` / quote paragraph)."""
    if prev_para is None:
        return None
    toks = tk.window(*prev_para)
    if not toks or toks[-1].text != ":":
        return None
    for tok in reversed(toks[-_BEFORE_REACH:]):
        if tok.text in _SENT_FINAL:
            return None
        if is_cue(tok, lex):
            return tok
    return None


def _title_like(content_toks: list, before: list) -> bool:
    """A quoted title ("Fox and Friends", "How to Foster Innovation"), not speech.

    Every word is capitalised except short function words, at least two words
    are, no word is a finite verb in lower case, and the word before the mark
    is one that introduces a name (on, in, of, titled, a possessive, ...).
    """
    words = [t for t in content_toks if not t.is_punct and not t.is_space]
    if len(words) < 2 or len(words) > 10:
        return False
    caps = [t for t in words if t.text[:1].isupper() or t.text[:1].isdigit()]
    rest = [t for t in words if t not in caps]
    if len(caps) < 2 or any(t.lower_ not in _TITLE_SMALL for t in rest):
        return False
    prev = before[-1].lower_ if before else ""
    return prev in _TITLE_INTRO


_TITLE_SMALL = {"a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "at", "by", "from", "is"}
_TITLE_INTRO = {"on", "in", "of", "titled", "entitled", "named", "dubbed", "from", "at", "’s", "'s", "the",
                "his", "her", "its", "their", "show", "film", "book", "song", "program", "programme"}


def _same_sentence(text: str, prev: RawQuote, raw: RawQuote) -> bool:
    """Whether no sentence ends between two quotes of one paragraph."""
    between = text[(prev.close_mark if prev.close_mark is not None else prev.end) + 1 : raw.open_mark]
    return re.search(r"[.!?…][\"”’')]*\s", between) is None


def _starts_sentence(text: str, open_mark: int, para_start: int) -> bool:
    """Whether the quote opening at ``open_mark`` begins a sentence."""
    k = open_mark - 1
    while k >= para_start and (text[k].isspace() or text[k] in "\"”’'`"):
        k -= 1
    return k < para_start or text[k] in ".!?:…"


def _cue_before(toks: list, lex: QuoteLexicon, content_toks: list):
    """A cue in the text right before an opening mark (same sentence), or None.

    A cue the parse hangs the quote on wins ("told a woman who suggested
    that ... that "…"" → "told"); otherwise the nearest cue a few words
    before the mark.
    """
    near = None
    governing = []
    for k in range(len(toks) - 1, -1, -1):
        tok = toks[k]
        if tok.text in _SENT_FINAL:
            break
        if is_cue(tok, lex):
            if any(tok in t.ancestors for t in content_toks):
                governing.append(tok)
            gap = [t for t in toks[k + 1 :] if not t.is_punct]
            if near is None and len(gap) <= _BEFORE_REACH:
                near = tok
    if governing:
        # A cue in a relative clause ("a woman who suggested ...") yields to the main one.
        main = [t for t in governing if t.dep_ not in ("relcl", "acl")]
        return (main or governing)[0]
    return near


def _is_scare(content_toks: list) -> bool:
    words = [t for t in content_toks if not t.is_punct]
    return len(words) <= _SCARE_MAX_WORDS and not any(t.tag_ in _FINITE for t in words)


def _direct(doc, raws: list[RawQuote], paras: list[Span], lex: QuoteLexicon, tk: _Tokens):
    """Attribute each raw quote; returns [(raw, Attribution | None, inherited)]."""
    text = text_of(doc)
    quoted = [(r.start, r.end) for r in raws]
    own: list[Attribution | None] = []
    titles: set[int] = set()
    for n, raw in enumerate(raws):
        ps, pe = paras[raw.para]
        prev = raws[n - 1] if n > 0 and raws[n - 1].para == raw.para else None
        nxt = raws[n + 1] if n + 1 < len(raws) and raws[n + 1].para == raw.para else None
        before_a = (prev.close_mark + 1 if prev.close_mark is not None else prev.end) if prev else ps
        before = tk.window(before_a, raw.open_mark)
        after = []
        if raw.close_mark is not None:
            after = tk.window(raw.close_mark + 1, nxt.open_mark if nxt else pe)
        content = tk.window(raw.start, raw.end)
        last = text[raw.end - 1]
        trailing_open = last in ",?!—–-:;" or (after and after[0].text[:1].islower())
        cue_a = _cue_after(after, lex, last, content) if after else None
        cue_b = _cue_before(before, lex, content) if before else None
        order = [cue_a, cue_b] if trailing_open else [cue_b, cue_a]
        atts = [attribution(c, lex, quoted) for c in order if c is not None]
        # Prefer a cue whose speaker could be found.
        atts.sort(key=lambda a: a.subject is None)
        if not atts:
            intro = _colon_intro(tk, lex, paras[raw.para - 1] if raw.open_mark == ps and raw.para else None)
            if intro is not None:
                atts.append(attribution(intro, lex, quoted))
        if atts:
            own.append(atts[0])
        elif after and raw.close_mark is not None and _dash_attribution(after, text, raw.close_mark):
            own.append(_dash_attribution(after, text, raw.close_mark))
        else:
            own.append(_inverted_opener(before) if before else None)
        if _title_like(content, before) and not (cue_a is not None and last in ",?!"):
            titles.add(n)

    # One attribution per multi-paragraph group; then the previous quote of the paragraph.
    by_group: dict[int, Attribution] = {}
    for raw, att in zip(raws, own):
        if att is not None and raw.group not in by_group:
            by_group[raw.group] = att
    out = []
    for n, (raw, att) in enumerate(zip(raws, own)):
        if n in titles:
            continue
        inherited = False
        if att is None and raw.group in by_group:
            att = by_group[raw.group]
        elif (att is None and out and out[-1][0].para == raw.para and out[-1][1] is not None
              and (_starts_sentence(text, raw.open_mark, paras[raw.para][0])
                   or _same_sentence(text, out[-1][0], raw))):
            att, inherited = out[-1][1], True
        if att is None or inherited:
            if _is_scare(tk.window(raw.start, raw.end)) and "continued" not in raw.flags:
                continue
        out.append((raw, att, inherited))
    return out


def extract_quotes(doc, actors: list[Actor], places: list[Place] | None = None,
                   times: list[TimeExpr] | None = None) -> list[Quote]:
    """Find the direct and indirect quotes of an article and their speakers.

    Args:
        doc: the spaCy Doc of the cleaned article text (parsed, with sentences).
        actors: the actors resolved for this document; their ``mentions``
            (character spans, pronouns included when coreference linked them)
            are how a speaker phrase becomes an actor id.
        places: the resolved places; the place of the cue's locative phrase
            ("told reporters in Vienna") becomes ``Quote.place``.
        times: the resolved time expressions; the one governing the cue
            ("said on Friday") gives ``Quote.date`` (its normalized value).

    Returns:
        ``Quote`` records in text order with ids ``q1``, ``q2``, …; ``speaker``
        is an actor id or None, ``kind`` is "direct" or "indirect", ``text``
        is exactly ``doc.text[span[0]:span[1]]`` (without quote marks).
        Flags: "unbalanced" (no closing mark in the paragraph), "capped"
        (cut to a length or paragraph limit), "continued" (a later paragraph
        of a multi-paragraph quote), "inherited" (attribution taken from the
        previous quote of the paragraph), "fallback_speaker" (pronoun, title
        or organisation noun speaker taken to be the last one mentioned),
        "mixed" (an indirect quote holding quoted words).
    """
    text = text_of(doc)
    lex = load_lexicon()
    tk = _Tokens(doc)
    paras = paragraphs(text)
    raws = find_quoted(text)
    direct = _direct(doc, raws, paras, lex, tk)
    contents = [(r.start, r.end) for r, _, _ in direct]
    excluded = [(r.start, r.end) for r in raws]

    found: list[tuple[Span, Quote]] = []
    for raw, att, inherited in direct:
        q = Quote(id="", speaker=None, kind="direct", text=text[raw.start : raw.end],
                  span=(raw.start, raw.end), flags=list(raw.flags))
        if att is not None:
            _fill(q, att, actors, lex, excluded)
            if inherited:
                q.flags.append("inherited")
        found.append(((raw.start, raw.end), q))

    # Quote marks themselves block indirect readings too.
    blocked = [(r.open_mark, (r.close_mark + 1) if r.close_mark is not None else r.end) for r in raws]
    # A cue whose complement clause holds the direct quote ("says it was “unhinged”")
    # stays free for the mixed indirect reading of the whole clause.
    used = {att.cue.i for raw, att, _ in direct if att is not None and not _in_complement(att.cue, raw)}
    cands = (
        indirect.verb_complements(doc, lex, paras, blocked, used)
        + indirect.according_to(doc, lex, paras, blocked, used)
        + indirect.statement_nouns(doc, lex, paras, blocked, used)
    )
    taken: set[Span] = set(contents)
    for cand in cands:
        if cand.span in taken:
            continue
        taken.add(cand.span)
        q = Quote(id="", speaker=None, kind="indirect", text=text[cand.span[0] : cand.span[1]],
                  span=cand.span, flags=["mixed"] if cand.mixed else [])
        att = attribution(cand.subject_from, lex, excluded)
        att.cue = cand.cue
        if cand.subject_from is not cand.cue:
            att.addressee = None
        _fill(q, att, actors, lex, excluded)
        found.append((cand.span, q))

    found.sort(key=lambda item: (item[0][0], item[0][1]))
    quotes = []
    for n, (_, q) in enumerate(found, 1):
        q.id = f"q{n}"
        _when_where(doc, q, places or [], times or [])
        quotes.append(q)
    return quotes


def _when_where(doc, q: Quote, places: list[Place], times: list[TimeExpr]) -> None:
    """Date and place of the statement, read off the cue verb's clause."""
    if q.cue_span is None or not (places or times):
        return
    span = doc.char_span(q.cue_span[0], q.cue_span[1], alignment_mode="expand")
    if span is None or not len(span) or not span.root.tag_.startswith("VB"):
        return
    from ..resolve.places import place_for_event
    from ..resolve.times import time_for_event

    cue = span.root
    t = time_for_event(doc, cue.i, times) if times else None
    if t is not None and t.resolved:
        q.date = t.value
    p = place_for_event(doc, cue.i, places) if places else None
    if p is not None:
        q.place = p.id


def _fill(q: Quote, att: Attribution, actors: list[Actor], lex: QuoteLexicon,
          excluded: list[Span]) -> None:
    cue = att.cue
    if att.cue_chars is not None:
        q.cue_span = att.cue_chars
        q.cue = text_of(cue.doc)[att.cue_chars[0] : att.cue_chars[1]]
    else:
        q.cue = cue.text if not _is_according(cue) else cue.doc[cue.i : cue.i + 2].text
        q.cue_span = (cue.idx, cue.idx + len(q.cue))
    q.speaker_span = att.speaker_span
    q.addressee = att.addressee
    speaker, fell_back = speaker_id(att, actors, lex, q.span[0], excluded)
    q.speaker = speaker
    if fell_back and speaker is not None:
        q.flags.append("fallback_speaker")


def _in_complement(cue, raw: RawQuote) -> bool:
    """Whether the quote lies inside a complement clause of ``cue`` that starts before it."""
    for comp in cue.children:
        if comp.dep_ != "ccomp":
            continue
        sub = list(comp.subtree)
        if sub[0].idx < raw.open_mark and sub[0].idx > cue.idx and raw.start < sub[-1].idx + len(sub[-1].text):
            return True
    return False


def _is_according(tok) -> bool:
    return tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to"
