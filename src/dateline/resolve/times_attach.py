"""Which time expression governs an event: attachment through the parse.

A time belongs to the clause it is attached in.  For an event trigger we take,
in order:

1. a time in the trigger's own clause: in its syntactic subtree without
   crossing into a subordinate clause of another verb (ccomp, advcl, xcomp,
   a coordinated verb, ...) or into a relative clause that modifies some
   other noun.  A relative clause on the trigger itself counts ("the deal,
   which took effect in February").  A nominal trigger ("an air campaign")
   also looks at the clause of the verb that governs it;
2. if the trigger heads the complement of a reporting verb ("said on Friday
   that Russia wants ..."), the time of that reporting verb -- unless the
   complement is in the future tense ("said on Friday he will meet ..."):
   a promised event does not take the date it was promised on;
3. if the trigger is a verb coordinated with another that has no subject of
   its own ("met on Friday and signed ..."), the time of that verb;
4. otherwise nothing.
"""

from __future__ import annotations

from ..model import TimeExpr
from . import times_calendar as cal
from .times_find import clause_tense

_CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "csubjpass", "parataxis", "pcomp"}
_VERBAL = ("VERB", "AUX")


def time_for_event(doc, trigger_i: int, times: list[TimeExpr]) -> TimeExpr | None:
    """The time expression that governs the event whose trigger is token ``trigger_i``.

    Args:
        doc: the parsed spaCy ``Doc`` the times were found in.
        trigger_i: token index of the event trigger (a verb or an event noun).
        times: the ``TimeExpr`` values of ``resolve_times`` for this doc.

    Returns:
        The governing ``TimeExpr`` (see the module docstring for the order
        of preference), or None when no time expression governs the event.
    """
    if not times or not 0 <= trigger_i < len(doc):
        return None
    roots = _time_roots(doc, times)
    trigger = doc[trigger_i]
    found = _own_clause_time(trigger, roots)
    if found is not None:
        return found
    # A future complement ("said on Friday he will meet ...") did not happen
    # when it was said, so it does not inherit the reporting verb's time.
    reporter = None if clause_tense(trigger) == "future" else _reporting_verb(trigger)
    hops = 0
    while reporter is not None and hops < 3:
        found = _own_clause_time(reporter, roots)
        if found is not None:
            return found
        reporter = _reporting_verb(reporter)
        hops += 1
    head = _coordinated_head(trigger)
    if head is not None:
        return _own_clause_time(head, roots)
    return None


def _time_roots(doc, times: list[TimeExpr]) -> list[tuple[object, TimeExpr]]:
    out = []
    for t in times:
        span = doc.char_span(t.span[0], t.span[1], alignment_mode="expand")
        if span is not None and len(span):
            out.append((span, t))
    return out


def _path_ok(tok, scope, trigger) -> int | None:
    """Steps from ``tok`` up to ``scope`` without leaving the clause, or None."""
    steps = 0
    x = tok
    while x != scope:
        if x.head == x:
            return None
        boundary = x.dep_ in _CLAUSE_DEPS or (x.dep_ == "conj" and x.pos_ in _VERBAL)
        if boundary and not (x.dep_ in ("relcl", "acl") and x.head == trigger):
            return None
        x = x.head
        steps += 1
    return steps


def _own_clause_time(trigger, roots) -> TimeExpr | None:
    scopes = [trigger]
    if trigger.pos_ not in _VERBAL:
        gov = _governing_verb(trigger)
        if gov is not None:
            scopes.append(gov)
    for scope in scopes:
        best = None
        for span, t in roots:
            if trigger.i in range(span.start, span.end):
                continue  # the trigger is itself inside the expression
            steps = _path_ok(span.root, scope, trigger)
            if steps is None:
                continue
            rank = (steps, abs(span.start - trigger.i))
            if best is None or rank < best[0]:
                best = (rank, t)
        if best is not None:
            return best[1]
    return None


def _governing_verb(tok):
    """The verb whose clause a nominal trigger sits in (not crossing a clause boundary)."""
    x = tok
    while x.head != x:
        if x.dep_ in _CLAUSE_DEPS:
            return x if x.pos_ in _VERBAL else None
        x = x.head
        if x.pos_ in _VERBAL:
            return x
    return None


def _clause_head(tok):
    x = tok
    if x.pos_ not in _VERBAL:
        x = _governing_verb(x) or x
    while x.dep_ in ("aux", "auxpass") and x.head != x:
        x = x.head
    return x


def _reporting_verb(trigger):
    """The reporting verb whose complement clause the trigger heads, if any."""
    verbs = set(cal.lexicon()["report_verbs"])
    x = _clause_head(trigger)
    # climb through verb chains inside the complement: "would meet", "wants to see"
    for _ in range(4):
        if x.dep_ in ("ccomp", "parataxis") and x.head.lemma_ in verbs:
            return x.head
        if x.dep_ in ("xcomp", "conj") and x.head != x and x.head.pos_ in _VERBAL:
            x = x.head
            continue
        break
    # a reporting verb inside the complement's own clause: "..., he said"
    for child in x.children:
        if child.dep_ in ("parataxis", "advcl") and child.lemma_ in verbs and not any(
            c.dep_ in ("ccomp",) for c in child.children
        ):
            return child
    return None


def _coordinated_head(trigger):
    x = _clause_head(trigger)
    if x.dep_ == "conj" and x.pos_ in _VERBAL and x.head.pos_ in _VERBAL:
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in x.children):
            return x.head
    return None
