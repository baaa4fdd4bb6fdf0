"""Reported (indirect) speech: "X said (that) ...", "according to X, ...",
"in a statement, X ...".

Each finder returns :class:`IndirectCandidate` values; ``quotes.py`` turns
them into ``Quote`` records after removing overlaps with direct quotes.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Span
from .quotes_lexicon import QuoteLexicon
from ..annotate.view import text_of, tokens_of

_TRIM_LEAD_LOWER = {"that"}
_QUESTION_MARKS = {"whether", "if"}
_QUOTE_CHARS = set('"“”„«»‘’')


@dataclass
class IndirectCandidate:
    """One reported-speech reading: the cue, the subject-bearing token and the content."""

    cue: object  # Token: the cue word (verb, "according", or speech noun)
    subject_from: object  # Token whose subject (or agent) is the speaker
    span: Span
    mixed: bool = False  # the content holds a direct quote ("said the plan was “a disaster”")


def _inside(pos: int, spans: list[Span]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _overlaps(span: Span, spans: list[Span]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in spans)


def _mixed_ok(span: Span, toks: list, blocked: list[Span]) -> bool:
    """A complement that holds quoted words is a mixed quote when it starts
    outside the marks, wraps every quote it touches whole, and has at least
    two words of its own outside them."""
    if _inside(span[0], blocked):
        return False
    text = text_of(toks[0].doc)
    for s, e in blocked:
        if s < span[1] and span[0] < e:
            if s < span[0] or any(ch.isalnum() for ch in text[span[1] : e]):
                return False
    own = [t for t in toks if not t.is_punct and not t.is_space and not _inside(t.idx, blocked)
           and span[0] <= t.idx < span[1]]
    return len(own) >= _MIXED_MIN_OWN


#: Words of its own a mixed complement needs outside the quotation marks.
_MIXED_MIN_OWN = 2


def _para_of(pos: int, paras: list[Span]) -> Span | None:
    for s, e in paras:
        if s <= pos < e:
            return (s, e)
    return None


def _trimmed(tokens: list) -> Span | None:
    """Span of ``tokens`` without a leading "that", punctuation, quote marks and spaces."""
    toks = [t for t in tokens if not t.is_space]
    while toks and (toks[0].is_punct or toks[0].text in _QUOTE_CHARS
                    or (toks[0].lower_ in _TRIM_LEAD_LOWER and toks[0].dep_ == "mark")):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].text in _QUOTE_CHARS):
        if toks[-1].text in (")", "]") and any(t.text in ("(", "[") for t in toks):
            break
        toks = toks[:-1]
    if len([t for t in toks if not t.is_punct]) < 2:
        return None
    return (toks[0].idx, toks[-1].idx + len(toks[-1].text))


def _clause_tokens(head, para: Span, exclude: set[int]) -> list:
    """Tokens of ``head``'s subtree inside ``para``, as one contiguous run, minus ``exclude``."""
    sub = list(head.subtree)
    toks = [t for t in sub if para[0] <= t.idx < para[1] and t.i not in exclude]
    if not toks:
        return []
    lo, hi = toks[0].i, toks[-1].i
    doc = head.doc
    if head.sent.end_char > para[1]:
        # The parser ran this sentence on into the next paragraph (headlines,
        # captions), so attachments near the break are unreliable: a clause
        # that stops a few words short of its paragraph's end takes them in.
        rest = []
        k = hi + 1
        while k < len(doc) and doc[k].idx < para[1]:
            rest.append(doc[k])
            k += 1
        if rest and len(rest) <= 6 and not any(t.is_punct or t.text in _QUOTE_CHARS for t in rest[:-1]) \
                and rest[-1].text not in _QUOTE_CHARS:
            hi = rest[-1].i
    return [doc[i] for i in range(lo, hi + 1) if i not in exclude]


def verb_complements(doc, lex: QuoteLexicon, paras: list[Span], blocked: list[Span],
                     used: set[int]) -> list[IndirectCandidate]:
    """Speech verbs with a complement clause ("Kerry said that he would ...").

    Args:
        doc: the spaCy Doc.
        lex: the quote lexicon.
        paras: paragraph spans.
        blocked: direct quote spans (marks included); cues inside and complements
            overlapping them are skipped.
        used: token indices already used as cues of direct quotes.

    Returns:
        Candidates in text order.
    """
    out = []
    for tok in tokens_of(doc):
        if tok.i in used or not tok.tag_.startswith("VB"):
            continue
        if tok.lemma_.lower() not in lex.indirect_verbs or _inside(tok.idx, blocked):
            continue
        if any(c.dep_ == "neg" for c in tok.children):
            continue  # "he did not say that ..." reports no statement
        para = _para_of(tok.idx, paras)
        if para is None:
            continue
        for comp in tok.children:
            if comp.dep_ != "ccomp" or not (para[0] <= comp.idx < para[1]):
                continue
            toks = _clause_tokens(comp, para, set())
            if not toks or toks[0].i <= tok.i <= toks[-1].i:
                continue
            marks = [c for c in comp.children if c.dep_ == "mark"]
            if any(m.lower_ in _QUESTION_MARKS for m in marks):
                continue
            span = _trimmed(toks)
            if span is None:
                continue
            mixed = _overlaps(span, blocked)
            if mixed and not _mixed_ok(span, toks, blocked):
                continue
            if mixed:  # a quote closing the clause keeps its closing mark
                span = (span[0], max([span[1]] + [e for s, e in blocked if span[0] <= s < span[1]]))
            out.append(IndirectCandidate(cue=tok, subject_from=tok, span=span, mixed=mixed))
            break
    return out


def according_to(doc, lex: QuoteLexicon, paras: list[Span], blocked: list[Span],
                 used: set[int]) -> list[IndirectCandidate]:
    """"According to X, ..." and "..., according to X." (cue = "according").

    Args:
        doc: the spaCy Doc.
        lex: the quote lexicon.
        paras: paragraph spans.
        blocked: direct quote spans (marks included).
        used: token indices already used as cues of direct quotes.

    Returns:
        Candidates in text order.
    """
    out = []
    for tok in tokens_of(doc):
        if tok.lower_ != "according" or tok.i in used or _inside(tok.idx, blocked):
            continue
        if tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
            continue
        para = _para_of(tok.idx, paras)
        if para is None:
            continue
        phrase = {t.i for t in tok.subtree} | {tok.i, tok.i + 1}
        head = tok.head if tok.head.i != tok.i else tok.sent.root
        while head.i in phrase and head.head.i != head.i:
            head = head.head
        if head.i in phrase:
            continue
        toks = _clause_tokens(head, para, set())
        toks = [t for t in toks if t.i not in phrase]
        if not toks:
            continue
        lo, hi = min(phrase), max(phrase)
        before = [t for t in toks if t.i < lo]
        after = [t for t in toks if t.i > hi]
        if before and after:
            side = before if len(before) >= len(after) else after
            # a sentence-initial/-final phrase sits at an edge; mid-sentence keeps both sides
            content = toks if min(len(before), len(after)) > 3 else side
        else:
            content = before or after
        span = _trimmed(content)
        if span is None or _overlaps(span, blocked):
            continue
        out.append(IndirectCandidate(cue=tok, subject_from=tok, span=span))
    return out


def statement_nouns(doc, lex: QuoteLexicon, paras: list[Span], blocked: list[Span],
                    used: set[int]) -> list[IndirectCandidate]:
    """"In a statement, the ministry condemned ..." (cue = the speech noun).

    Only when the governing verb is not itself a speech verb (that case is a
    verb complement and handled by :func:`verb_complements`).

    Args:
        doc: the spaCy Doc.
        lex: the quote lexicon.
        paras: paragraph spans.
        blocked: direct quote spans (marks included).
        used: token indices already used as cues of direct quotes.

    Returns:
        Candidates in text order.
    """
    out = []
    for tok in tokens_of(doc):
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in lex.nouns or _inside(tok.idx, blocked):
            continue
        prep = tok.head
        if tok.dep_ != "pobj" or prep.lower_ != "in" or prep.dep_ != "prep":
            continue
        verb = prep.head
        if not verb.tag_.startswith("VB") or verb.lemma_.lower() in lex.verbs or verb.i in used:
            continue
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        para = _para_of(tok.idx, paras)
        if para is None:
            continue
        phrase = {t.i for t in prep.subtree}
        toks = [t for t in _clause_tokens(verb, para, phrase)]
        span = _trimmed(toks)
        if span is None or _overlaps(span, blocked):
            continue
        out.append(IndirectCandidate(cue=tok, subject_from=verb, span=span))
    return out
