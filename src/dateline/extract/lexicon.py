"""The event coder's data: trigger patterns and the CAMEO code table.

Both are TSV files in ``extract/data`` (documented in their headers and in
docs/codes.md), read once per process.  Users extend the coder with a file of
their own in the same format, named by the ``DATELINE_PATTERNS`` environment
variable or passed to :func:`load_patterns`.
"""

from __future__ import annotations

import csv
import functools
import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..errors import E_DATA, ConfigError


@dataclass(frozen=True)
class CameoCode:
    code: str
    plover: str
    mode: str | None
    context: str | None
    goldstein: float | None
    description: str


@dataclass(frozen=True)
class Pattern:
    """One trigger: a head lemma plus the lemmas of children it needs."""

    head: str
    extra: tuple[str, ...]  # lemmas that must appear among the head's children
    pos: str  # "VERB" | "NOUN"
    cameo: str
    plover: str
    targets: tuple[str, ...]
    intent: str | None
    sides: int = 1  # 2: a two-sided event that needs both parties
    #: words that must appear, in order, before / after the trigger in its
    #: sentence; each is a tuple of alternatives (objects with ``matches(word)``).
    #: Used by imported PETRARCH patterns (extract/petrarch.py).
    before: tuple = ()
    after: tuple = ()

    @property
    def text(self) -> str:
        words = (self.head, *self.extra) if self.pos == "VERB" else (*self.extra, self.head)
        return " ".join(words)


def _rows(text: str, origin: str):
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t")
    for n, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise ConfigError(f"{origin}: row {n} has the wrong number of columns: {row}", E_DATA)
        yield row


def _data(name: str) -> str:
    return resources.files("dateline.extract").joinpath("data", name).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoCode]:
    """CAMEO code -> its PLOVER type, mode, Goldstein score and description."""
    table: dict[str, CameoCode] = {}
    for row in _rows(_data("cameo.tsv"), "cameo.tsv"):
        code = row["cameo"].strip()
        if code in table:  # the source table lists a few codes twice; first wins
            continue
        gold = row["goldstein"].strip()
        table[code] = CameoCode(
            code=code,
            plover=row["plover"].strip(),
            mode=row["mode"].strip() or None,
            context=row["context"].strip() or None,
            goldstein=float(gold) if gold else None,
            description=row["description"].strip(),
        )
    return table


def cameo_info(code: str) -> CameoCode | None:
    """The table entry of a CAMEO code, falling back to its parent codes."""
    table = cameo_table()
    for n in range(len(code), 1, -1):
        hit = table.get(code[:n])
        if hit is not None:
            return hit
    return None


def _parse_patterns(text: str, origin: str) -> list[Pattern]:
    out = []
    for row in _rows(text, origin):
        words = row["pattern"].strip().lower().split()
        pos = row["pos"].strip().upper()
        if not words or pos not in ("VERB", "NOUN"):
            raise ConfigError(f"{origin}: bad pattern row {row}", E_DATA)
        cameo = row["cameo"].strip()
        info = cameo_info(cameo)
        plover = row["plover"].strip() or (info.plover if info else "")
        if not plover:
            raise ConfigError(f"{origin}: CAMEO code {cameo!r} has no PLOVER type; give one", E_DATA)
        head, extra = (words[0], tuple(words[1:])) if pos == "VERB" else (words[-1], tuple(words[:-1]))
        out.append(
            Pattern(
                head=head,
                extra=extra,
                pos=pos,
                cameo=cameo,
                plover=plover,
                targets=tuple(t for t in row["targets"].strip().lower().split(";") if t),
                intent=row["intent"].strip() or None,
                sides=int(row.get("sides") or 1),
            )
        )
    return out


@functools.lru_cache(maxsize=4)
def load_patterns(extra_file: str | None = None) -> dict[tuple[str, str], list[Pattern]]:
    """Trigger patterns indexed by (pos, head lemma), most specific first.

    Args:
        extra_file: a user TSV in the same format, read after the packaged one.
    """
    patterns = _parse_patterns(_data("event_patterns.tsv"), "event_patterns.tsv")
    extra_file = extra_file or os.environ.get("DATELINE_PATTERNS") or None
    if extra_file:
        path = Path(extra_file)
        if not path.is_file():
            raise ConfigError(f"pattern file {extra_file} does not exist", E_DATA)
        patterns += _parse_patterns(path.read_text(encoding="utf-8"), str(path))
    index: dict[tuple[str, str], list[Pattern]] = {}
    for p in patterns:
        index.setdefault((p.pos, p.head), []).append(p)
    for plist in index.values():
        plist.sort(key=lambda p: -len(p.extra))
    return index
