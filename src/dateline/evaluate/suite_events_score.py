"""Scoring events against sentence-level gold: the matching shared by the event suites.

The unit scored is an *event item*: ``(type, source, target)`` where source and
target are actor keys (a country code for the PLOVER suites, a dictionary code
for the PETRARCH ones) or None.  Items are compared within one sentence (or
document) at a time:

* A predicted item matches a gold item when the types are equal and each side
  the gold gives is equal; a side the gold leaves empty (None) matches any
  predicted value (the gold did not code it).  With ``strict_sides`` every side
  must be equal, None included (the PETRARCH triple measure).
* A gold item marked ``mutual`` (reciprocal actors, "X and Y agreed") also
  matches with source and target swapped.
* Matching is one-to-one and greedy in gold order, so a sentence with two gold
  items needs two predicted ones.

From the matches: ``event_precision`` = matched predicted / predicted,
``event_recall`` = matched gold / gold, ``event_f1`` their harmonic mean;
``dyad_*`` the same ignoring type; ``per_type`` the same restricted to one
type (support = gold items of that type).  ``event_type_accuracy`` is the share
of gold *records* (one coded event each) whose type is among the types
predicted for its sentence.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Item:
    """One event of a sentence, reduced to what is scored."""

    type: str
    source: str | None
    target: str | None
    mutual: bool = False


def _side_ok(gold: str | None, pred: str | None, strict: bool) -> bool:
    if gold is None and not strict:
        return True
    return gold == pred


def item_matches(gold: Item, pred: Item, with_type: bool = True, strict_sides: bool = False) -> bool:
    """Whether a predicted item matches a gold one (see the module docstring)."""
    if with_type and gold.type != pred.type:
        return False
    if _side_ok(gold.source, pred.source, strict_sides) and _side_ok(gold.target, pred.target, strict_sides):
        return True
    return gold.mutual and _side_ok(gold.source, pred.target, strict_sides) and _side_ok(
        gold.target, pred.source, strict_sides)


def match(gold: list[Item], pred: list[Item], with_type: bool = True,
          strict_sides: bool = False) -> list[tuple[int, int]]:
    """Greedy one-to-one matching; returns (gold index, predicted index) pairs.

    Gold items that admit fewer predictions (fully specified ones) are matched
    first, so a lenient gold item cannot take a prediction a stricter one needs.
    """
    order = sorted(range(len(gold)), key=lambda i: (gold[i].source is None) + (gold[i].target is None))
    taken: set[int] = set()
    pairs = []
    for gi in order:
        for pi, p in enumerate(pred):
            if pi not in taken and item_matches(gold[gi], p, with_type, strict_sides):
                taken.add(pi)
                pairs.append((gi, pi))
                break
    return pairs


def _prf(tp_p: int, n_pred: int, tp_g: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_g / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f, 4)


def score(units: list[tuple[list[Item], list[Item]]], records: list[tuple[str, list[Item]]] | None = None,
          strict_sides: bool = False) -> dict:
    """Score (gold items, predicted items) per sentence.

    Args:
        units: one (gold, predicted) pair of item lists per sentence.
        records: for ``event_type_accuracy``: (gold type, predicted items of its
            sentence) per gold record; None derives one record per gold item.
        strict_sides: compare empty sides too (see the module docstring).

    Returns:
        The flat metrics dict (``n``, ``event_*``, ``dyad_*``,
        ``event_type_accuracy``) plus ``per_type``.
    """
    n_gold = n_pred = tp = dyad_tp = 0
    types: dict[str, list[int]] = {}  # type -> [tp, pred, gold]
    for gold, pred in units:
        n_gold += len(gold)
        n_pred += len(pred)
        pairs = match(gold, pred, strict_sides=strict_sides)
        tp += len(pairs)
        dyad_tp += len(match(gold, pred, with_type=False, strict_sides=strict_sides))
        for g in gold:
            types.setdefault(g.type, [0, 0, 0])[2] += 1
        for p in pred:
            types.setdefault(p.type, [0, 0, 0])[1] += 1
        for gi, _ in pairs:
            types[gold[gi].type][0] += 1
    if records is None:
        records = [(g.type, pred) for gold, pred in units for g in gold]
    hits = sum(1 for t, pred in records if any(p.type == t for p in pred))
    p, r, f = _prf(tp, n_pred, tp, n_gold)
    dp, dr, df = _prf(dyad_tp, n_pred, dyad_tp, n_gold)
    per_type = {}
    for t in sorted(types):
        ttp, tpred, tgold = types[t]
        tp_, tr_, tf_ = _prf(ttp, tpred, ttp, tgold)
        per_type[t] = {"precision": tp_, "recall": tr_, "f1": tf_, "support": tgold, "predicted": tpred}
    return {
        "n": len(units),
        "gold_events": n_gold,
        "predicted_events": n_pred,
        "event_type_accuracy": round(hits / len(records), 4) if records else 0.0,
        "event_precision": p,
        "event_recall": r,
        "event_f1": f,
        "dyad_precision": dp,
        "dyad_recall": dr,
        "dyad_f1": df,
        "per_type": per_type,
    }
