"""How each actor was resolved: the rule, the data-file entry and a confidence.

Every mention the resolver adds carries the id of the rule that made it
(``Mention.via``).  The rules, their kind of evidence (``method``) and a fixed
confidence live in ``data/actors_evidence.tsv``; :func:`evidence_for` turns an
actor's mentions into one ``model.Evidence``: the strongest mention decides the
actor's method, rule, entry and confidence, and every mention's rule is kept
in mention order so a wrong link can be traced to the rule that made it.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources

from ..model import Evidence

#: The kinds of evidence, strongest first (docs/codes.md, "Actor evidence").
METHODS = ("dictionary", "role", "grammar", "coreference", "fallback", "unresolved")


@dataclass(frozen=True)
class Rule:
    """One row of ``actors_evidence.tsv``."""

    rule: str
    method: str
    confidence: float
    description: str


@functools.lru_cache(maxsize=1)
def rules() -> dict[str, Rule]:
    """The evidence rules, by id (read once from ``data/actors_evidence.tsv``).

    Returns:
        rule id -> ``Rule``.

    Raises:
        ValueError: a row with an unknown method or a confidence outside [0, 1]
            (a broken data file is a bug of the package, not of the input).
    """
    path = resources.files("dateline.resolve") / "data" / "actors_evidence.tsv"
    out: dict[str, Rule] = {}
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            conf = float(row["confidence"])
            if row["method"] not in METHODS or not 0.0 <= conf <= 1.0:
                raise ValueError(f"actors_evidence.tsv: bad row {row!r}")
            out[row["rule"]] = Rule(row["rule"], row["method"], conf, row["description"])
    return out


def default_entry(proto) -> str | None:
    """The data-file row an actor came from when its mention names none.

    Args:
        proto: the actor being built (``actors_ctx.Proto``).

    Returns:
        ``roles:<id>`` for dictionary people, ``groups:<id>`` for groups.tsv
        rows, ``countries:<ISO3>`` for country-level actors, else None.
    """
    if proto.ref:
        return f"roles:{proto.ref}" if proto.kind == "person" else f"groups:{proto.ref}"
    if proto.kind == "country" and proto.country:
        return f"countries:{proto.country}"
    return None


def evidence_for(proto, mentions: list) -> Evidence:
    """The evidence of one actor from its mentions (in the actor's mention order).

    Args:
        proto: the actor being built (``actors_ctx.Proto``).
        mentions: its ``actors_ctx.Mention`` values, one per output mention, in order.

    Returns:
        ``Evidence`` whose method, rule, entry and confidence are those of the
        strongest mention (ties: the first), and ``mentions`` the rule of each.

    Raises:
        KeyError: a mention made by a rule missing from ``actors_evidence.tsv``
            (a bug: every rule must be documented there).
    """
    table = rules()
    best = None
    for m in mentions:
        r = table[m.via]
        if best is None or r.confidence > table[best.via].confidence:
            best = m
    if best is None:
        return Evidence(method="unresolved", rule="person_entity", entry=default_entry(proto),
                        confidence=table["person_entity"].confidence, mentions=[])
    r = table[best.via]
    entry = getattr(best, "entry", None) or default_entry(proto)
    return Evidence(method=r.method, rule=r.rule, entry=entry, confidence=r.confidence,
                    mentions=[m.via for m in mentions])
