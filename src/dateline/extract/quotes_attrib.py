"""Who said it: cue words, their subjects, and the actors behind the subjects.

Speaker rule (documented for users of the quotes):

1. The speaker is the grammatical subject (``nsubj``/``nsubjpass``) of the cue
   verb.  A participle or infinitive without its own subject ("He defended
   the plan, saying ...", "he was quoted as saying ...") takes the subject of
   the clause it hangs from.  For "according to X" the speaker is X.
2. The subject is mapped to an actor through the actors' mentions: the
   tightest mention overlapping the subject's head word, else the tightest
   overlapping the subject phrase.
   An apposition of the subject counts too ("a Foreign Ministry spokeswoman,
   Maria Zakharova").
3. When no mention covers the subject and the subject is a singular personal
   pronoun ("he", "she") or a singular person title ("the minister", "the top
   diplomat") without a name of its own, the speaker is the person actor
   mentioned most recently before the quote (mentions inside direct quotes do
   not count).
4. When the subject is a definite organisation noun ("the ministry", "the
   campaign"; ``body`` rows of the lexicon) without a name, the speaker is the
   non-person actor last mentioned before the quote whose name or mention
   holds that word ("Russia's foreign ministry").  Otherwise the speaker is
   None (the span is still given).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Actor, Span
from .quotes_lexicon import QuoteLexicon
from ..annotate.view import text_of

_SENT_FINAL = {".", "!", "?"}
_SUBJ_DEPS = ("nsubj", "nsubjpass")
#: Dependencies through which a subject-less cue takes its governor's subject.
_CLIMB_DEPS = ("advcl", "xcomp", "conj", "pcomp", "prep", "acl", "dobj", "pobj", "relcl")
_PRONOUNS = {"he", "she"}
_REL_PRONOUNS = {"who", "that", "which"}
_ADDRESSEE_VERBS = {"tell", "inform", "assure", "remind", "warn", "brief"}
_SPAN_DROP_DEPS = ("relcl", "acl", "appos", "punct")


@dataclass
class Attribution:
    """A cue and what it says about the speaker."""

    cue: object  # spaCy Token of the cue word
    subject: object | None  # spaCy Token heading the speaker phrase
    speaker_span: Span | None
    addressee: str | None
    #: the cue's characters when they are not one whole token (a dash stuck to a mark)
    cue_chars: Span | None = None


def is_cue(tok, lex: QuoteLexicon) -> bool:
    """Whether ``tok`` is a speech cue: a speech verb, or the "according" of "according to".

    Args:
        tok: a spaCy Token.
        lex: the quote lexicon.

    Returns:
        True for a cue word.
    """
    if _is_phrase_start(tok, lex):
        return True
    return tok.tag_.startswith("VB") and tok.lemma_.lower() in lex.verbs


def _is_phrase_start(tok, lex: QuoteLexicon) -> bool:
    doc = tok.doc
    for words in lex.phrases:
        if tok.i + len(words) > len(doc):
            continue
        if all(doc[tok.i + k].lower_ == w for k, w in enumerate(words)):
            return True
    return False


def _phrase_agent(tok):
    """The X of "according to X"."""
    doc = tok.doc
    for child in tok.children:
        if child.lower_ == "to":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    # Parse did not attach it: the first noun after "to".
    for t in doc[tok.i + 2 : tok.i + 8]:
        if t.pos_ in ("PROPN", "NOUN", "PRON"):
            # take the head of its noun phrase
            while t.head.i != t.i and t.dep_ in ("compound", "amod", "det", "poss") and t.head.i < tok.i + 10:
                t = t.head
            return t
        if t.is_punct:
            break
    return None


def subject_of(cue, lex: QuoteLexicon, quoted: list[Span] = ()):
    """The token heading the speaker phrase of ``cue``, or None.

    Args:
        cue: the cue Token.
        lex: the quote lexicon.
        quoted: direct quote contents; a subject inside one is never the
            speaker (the climb goes on past it).

    Returns:
        A spaCy Token or None.
    """
    if _is_phrase_start(cue, lex):
        return _phrase_agent(cue)
    tok = cue
    for _ in range(6):
        subs = [c for c in tok.children if c.dep_ in _SUBJ_DEPS
                and not any(s <= c.idx < e for s, e in quoted)]
        if subs:
            subj = subs[0]
            if subj.lower_ in _REL_PRONOUNS and tok.dep_ == "relcl":
                return tok.head
            return subj
        if tok.dep_ == "relcl":
            return tok.head
        inside = any(s <= tok.idx < e for s, e in quoted)
        if (tok.dep_ in _CLIMB_DEPS or inside) and tok.head.i != tok.i:
            tok = tok.head
            continue
        break
    # Inverted attribution: ", said Kerry." / ", said the minister."
    nxt = cue.nbor(1) if cue.i + 1 < len(cue.doc) else None
    if nxt is not None and cue.lemma_.lower() not in _ADDRESSEE_VERBS:
        head = nxt
        while head.dep_ in ("compound", "det", "amod", "poss") and head.head.i > head.i:
            head = head.head
        if (head.pos_ in ("PROPN", "NOUN") and head.head.i == cue.i and head.dep_ != "npadvmod"
                and head.ent_type_ not in ("DATE", "TIME")):
            return head
    return None


def phrase_span(tok) -> Span:
    """Character span of the phrase headed by ``tok``, without relative clauses and appositions."""
    drop: set[int] = set()
    for child in tok.children:
        if child.dep_ in _SPAN_DROP_DEPS:
            drop.update(t.i for t in child.subtree)
    keep = [t for t in tok.subtree if t.i not in drop and not t.is_space]
    keep = [t for t in keep if not t.is_punct] or [tok]
    return _span_in_paragraph(tok, keep)


def _span_in_paragraph(tok, keep: list) -> Span:
    """Span of ``keep`` limited to the paragraph (line) of ``tok``."""
    text = text_of(tok.doc)
    keep = [
        t for t in keep
        if "\n" not in text[min(t.idx, tok.idx) : max(t.idx, tok.idx)]
    ] or [tok]
    first, last = min(keep, key=lambda t: t.i), max(keep, key=lambda t: t.i)
    return (first.idx, last.idx + len(last.text))


def addressee_of(cue) -> str | None:
    """The object of "told"/"informed" ("reporters"), as text."""
    if cue.lemma_.lower() not in _ADDRESSEE_VERBS:
        return None
    for child in cue.children:
        if child.dep_ in ("dobj", "dative") and child.pos_ in ("NOUN", "PROPN", "PRON"):
            s, e = phrase_span_without_preps(child)
            return text_of(cue.doc)[s:e]
    return None


def phrase_span_without_preps(tok) -> Span:
    """Like :func:`phrase_span` but also without prepositional modifiers."""
    drop: set[int] = set()
    for child in tok.children:
        if child.dep_ in _SPAN_DROP_DEPS or child.dep_ == "prep":
            drop.update(t.i for t in child.subtree)
    keep = [t for t in tok.subtree if t.i not in drop and not t.is_space and not t.is_punct] or [tok]
    return _span_in_paragraph(tok, keep)


def attribution(cue, lex: QuoteLexicon, quoted: list[Span] = ()) -> Attribution:
    """Read the speaker phrase and addressee off a cue token.

    Args:
        cue: the cue Token.
        lex: the quote lexicon.
        quoted: direct quote contents (subjects inside them are skipped).

    Returns:
        The Attribution (subject None when the cue has none).
    """
    subj = subject_of(cue, lex, quoted)
    return Attribution(
        cue=cue,
        subject=subj,
        speaker_span=phrase_span(subj) if subj is not None else None,
        addressee=addressee_of(cue),
    )


def _tightest(actors: list[Actor], s: int, e: int) -> str | None:
    best: tuple[int, int, str] | None = None
    for actor in actors:
        for ms, me in actor.mentions:
            if ms < e and me > s:
                cand = (me - ms, ms, actor.id)
                if best is None or cand < best:
                    best = cand
    return best[2] if best else None


def _falls_back(subj, lex: QuoteLexicon, span: Span) -> bool:
    """Whether an unlinked subject is a pronoun or bare title standing for a person."""
    if subj.lower_ in _PRONOUNS:
        return True
    if subj.lemma_.lower() in lex.titles and subj.tag_ in ("NN", "NNP"):
        names = [t for t in subj.doc.char_span(*span, alignment_mode="expand") if t.pos_ == "PROPN"]
        # "Foreign Minister Lavrov" names someone: do not guess another person.
        return not any(t.ent_type_ == "PERSON" for t in names) and not any(
            t.i > subj.i for t in names
        )
    return False


def last_person_before(pos: int, actors: list[Actor], excluded: list[Span], doc=None) -> str | None:
    """The person actor mentioned most recently at or before ``pos``.

    A mention that is the subject of its clause is preferred (in "He said he
    would meet Lavrov." the next "he" is more likely the sayer than Lavrov);
    without any subject mention, the latest mention of any kind counts.

    Args:
        pos: a character offset.
        actors: the document's actors.
        excluded: spans whose mentions do not count (direct quote contents).
        doc: the spaCy Doc, to tell subject mentions; None to skip that preference.

    Returns:
        An actor id, or None when no person was mentioned before.
    """
    best: tuple[int, str] | None = None
    best_subj: tuple[int, str] | None = None
    for actor in actors:
        if actor.kind != "person":
            continue
        for ms, me in actor.mentions:
            if me > pos or any(xs <= ms and me <= xe for xs, xe in excluded):
                continue
            if best is None or ms > best[0]:
                best = (ms, actor.id)
            if doc is not None and (best_subj is None or ms > best_subj[0]):
                span = doc.char_span(ms, me, alignment_mode="expand")
                if span is not None and len(span) and span.root.dep_ in _SUBJ_DEPS:
                    best_subj = (ms, actor.id)
    chosen = best_subj or best
    return chosen[1] if chosen else None


def speaker_id(
    att: Attribution,
    actors: list[Actor],
    lex: QuoteLexicon,
    before: int,
    excluded: list[Span],
) -> tuple[str | None, bool]:
    """Map an attribution's subject to an actor id.

    Args:
        att: the attribution.
        actors: the document's resolved actors.
        lex: the quote lexicon.
        before: start of the quote (for the last-person fallback).
        excluded: direct quote contents (their mentions are not speakers).

    Returns:
        ``(actor id or None, whether the last-person fallback was used)``.
    """
    subj = att.subject
    if subj is None or att.speaker_span is None:
        return None, False
    found = _tightest(actors, subj.idx, subj.idx + len(subj.text))
    if found is None:
        found = _tightest(actors, *att.speaker_span)
    if found is None:
        # "a Foreign Ministry spokeswoman, Maria Zakharova": the name is an apposition
        for child in subj.children:
            if child.dep_ == "appos":
                sub = list(child.subtree)
                found = found or _tightest(actors, sub[0].idx, sub[-1].idx + len(sub[-1].text))
    if found is not None:
        return found, False
    pos = min(before, att.speaker_span[0])
    if _falls_back(subj, lex, att.speaker_span):
        return last_person_before(pos, actors, excluded, subj.doc), True
    if _is_body(subj, lex):
        body = last_body_before(subj.lower_, pos, actors, excluded, text_of(subj.doc))
        return body, body is not None
    return None, False


def _is_body(subj, lex: QuoteLexicon) -> bool:
    """A definite organisation noun without a name of its own ("the ministry")."""
    if subj.lemma_.lower() not in lex.bodies or subj.tag_ not in ("NN", "NNS"):
        return False
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children):
        return False
    return not any(t.pos_ == "PROPN" for t in subj.subtree)


def last_body_before(word: str, pos: int, actors: list[Actor], excluded: list[Span], text: str) -> str | None:
    """The non-person actor last mentioned before ``pos`` with ``word`` in its name or mention.

    Args:
        word: the organisation noun, lower case ("ministry").
        pos: a character offset.
        actors: the document's actors.
        excluded: spans whose mentions do not count (direct quote contents).
        text: the document text.

    Returns:
        An actor id, or None when no such organisation was named before.
    """
    best: tuple[int, str] | None = None
    for actor in actors:
        if actor.kind == "person":
            continue
        named = word in actor.name.lower()
        for ms, me in actor.mentions:
            if me > pos or any(xs <= ms and me <= xe for xs, xe in excluded):
                continue
            if (named or word in text[ms:me].lower()) and (best is None or ms > best[0]):
                best = (ms, actor.id)
    return best[1] if best else None
