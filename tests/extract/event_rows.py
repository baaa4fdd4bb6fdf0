"""Events of a hand-written sentence as plain rows, for the event-rule tests."""

from __future__ import annotations

import dateline
from dateline.config import Config


def coded(text: str, published: str = "2020-01-01", background: bool = False) -> list[tuple]:
    """(type, cameo, source country, target country, modality) of each event of ``text``
    (``background``: keep acts the sentence only mentions in passing, Config.background_events)."""
    r = dateline.process(text, published=published, config=Config(background_events=background))
    out = []
    for e in r.events:
        src, tgt = r.actor(e.source), r.actor(e.target)
        out.append((e.type, e.cameo, src.country if src else None, tgt.country if tgt else None, e.modality))
    return out


def typed(rows: list[tuple], typ: str) -> list[tuple]:
    """(source country, target country) of the rows of one PLOVER type."""
    return [(s, t) for ty, _, s, t, _ in rows if ty == typ]
