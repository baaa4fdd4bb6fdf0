"""The TIME stage: find, normalize and attach time expressions.

Public surface (the implementation lives in the ``times_*`` modules):

- ``normalize(text, published, *, tense=None, anchor=None) -> Normalized | None``
- ``resolve_times(doc, published) -> list[TimeExpr]``
- ``time_for_event(doc, trigger_i, times) -> TimeExpr | None``
- ``clause_tense(token) -> "past" | "present" | "future" | None``
"""

from __future__ import annotations

from .times_attach import time_for_event
from .times_calendar import Normalized
from .times_find import clause_tense, resolve_times
from .times_normalize import normalize

__all__ = ["Normalized", "clause_tense", "normalize", "resolve_times", "time_for_event"]
