"""The actor dictionaries: role holders, groups, sector words and titles.

All four are TSV files under ``resolve/data`` (documented in docs/actors.md),
read lazily on first use.  Role rows use half-open date intervals: a person
holds a role on day ``d`` when ``start <= d < end`` (``end`` empty = ongoing).
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources

from ..errors import E_DATA, ConfigError


@dataclass(frozen=True)
class RoleRow:
    """One term of one person in one office."""

    pid: str
    name: str
    aliases: tuple[str, ...]
    gender: str  # "m", "f" or ""
    country: str  # ISO3 or "" for international posts
    role: str  # title as written, e.g. "Secretary of State"
    office: str  # normalised kind of office, e.g. "foreign_minister", "envoy:SYR"
    organisation: str  # e.g. "United Nations"; "" for national posts
    sector: str  # CAMEO agent code of the post (GOV, IGO, REB...)
    start: str  # ISO date, inclusive
    end: str  # ISO date, exclusive; "" = ongoing
    note: str = ""

    def active(self, date: str | None) -> bool:
        """True when the term covers ``date`` (an ISO date string)."""
        if not date:
            return False
        return self.start <= date and (not self.end or date < self.end)

    @property
    def scope(self) -> str:
        """The country (ISO3) or organisation the office belongs to."""
        return self.organisation or self.country


@dataclass(frozen=True)
class Group:
    """An armed group, IGO, NGO or national institution."""

    gid: str
    name: str
    aliases: tuple[str, ...]
    context_aliases: tuple[str, ...]
    kind: str
    country: str
    sector: str
    code: str
    note: str = ""


@dataclass(frozen=True)
class SectorWord:
    word: str
    sector: str
    kind: str
    label: str


@dataclass(frozen=True)
class Title:
    phrase: str
    role: str
    office: str
    scope: str  # default country/organisation when the text gives none
    sector: str


def _rows(name: str, ncols: int) -> list[dict[str, str]]:
    path = resources.files("dateline.resolve").joinpath("data", name)
    out = []
    with path.open(encoding="utf-8") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        for i, row in enumerate(reader, 2):
            if len(row) != ncols or None in row or any(v is None for v in row.values()):
                raise ConfigError(f"{name} line {i}: expected {ncols} columns", E_DATA)
            out.append({k: v.strip() for k, v in row.items()})
    return out


def _split(s: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in s.split("|") if x.strip())


@functools.lru_cache(maxsize=1)
def role_rows() -> tuple[RoleRow, ...]:
    """Every row of ``roles.tsv``.

    Raises:
        ConfigError: [E203] when a row is malformed.
    """
    rows = []
    for r in _rows("roles.tsv", 12):
        rows.append(
            RoleRow(
                pid=r["id"], name=r["name"], aliases=_split(r["aliases"]), gender=r["gender"],
                country=r["country"], role=r["role"], office=r["office"],
                organisation=r["organisation"], sector=r["sector"], start=r["start"],
                end=r["end"], note=r["note"],
            )
        )
    return tuple(rows)


@functools.lru_cache(maxsize=1)
def persons() -> dict[str, tuple[RoleRow, ...]]:
    """Role rows grouped by person id, in file order."""
    out: dict[str, list[RoleRow]] = {}
    for r in role_rows():
        out.setdefault(r.pid, []).append(r)
    return {k: tuple(v) for k, v in out.items()}


@functools.lru_cache(maxsize=1)
def person_names() -> dict[str, frozenset[str]]:
    """Multi-word names and aliases (as written) -> person ids."""
    idx: dict[str, set[str]] = {}
    for pid, rows in persons().items():
        for n in (rows[0].name, *rows[0].aliases):
            if " " in n or "-" in n:
                idx.setdefault(n, set()).add(pid)
    return {k: frozenset(v) for k, v in idx.items()}


@functools.lru_cache(maxsize=1)
def person_surnames() -> dict[str, frozenset[str]]:
    """Single-word aliases (surnames) and last words of names -> person ids."""
    idx: dict[str, set[str]] = {}
    for pid, rows in persons().items():
        names = [rows[0].name, *rows[0].aliases]
        for n in names:
            if " " not in n:
                idx.setdefault(n, set()).add(pid)
    return {k: frozenset(v) for k, v in idx.items()}


def role_at(pid: str, date: str | None, prefer: str | None = None) -> RoleRow | None:
    """The role a dictionary person holds on ``date``.

    Args:
        pid: person id from roles.tsv.
        date: ISO date; None gives None.
        prefer: a role title or office to prefer when several are held at once.

    Returns:
        The matching RoleRow or None when the person holds no listed role then.
    """
    rows = [r for r in persons().get(pid, ()) if r.active(date)]
    if not rows:
        return None
    if prefer:
        for r in rows:
            if prefer in (r.role, r.office):
                return r
    order = ["head_of_state", "head_of_government", "supreme_leader", "foreign_minister",
             "defence_minister", "secretary_general"]
    rows.sort(key=lambda r: order.index(r.office) if r.office in order else len(order))
    return rows[0]


def holders(scope: str, date: str | None, office: str | None = None,
            role: str | None = None) -> list[RoleRow]:
    """Who held an office in a country or organisation on a date.

    Args:
        scope: ISO3 country code or organisation name ("United Nations").
        date: ISO date.
        office: normalised office ("foreign_minister"); optional.
        role: title as written ("Secretary of State"); optional, checked first.

    Returns:
        Matching rows, substantive holders before acting ones.
    """
    out = []
    for r in role_rows():
        if r.scope != scope or not r.active(date):
            continue
        if role and r.role.lower() == role.lower():
            out.append((0, r))
        elif office and r.office == office:
            out.append((1, r))
    out.sort(key=lambda x: (x[0], "acting" in x[1].note))
    return [r for _, r in out]


@functools.lru_cache(maxsize=1)
def groups() -> dict[str, Group]:
    """Every row of ``groups.tsv`` keyed by group id."""
    out = {}
    for r in _rows("groups.tsv", 9):
        out[r["id"]] = Group(
            gid=r["id"], name=r["name"], aliases=_split(r["aliases"]),
            context_aliases=_split(r["context_aliases"]), kind=r["kind"],
            country=r["country"], sector=r["sector"], code=r["code"], note=r["note"],
        )
    return out


@functools.lru_cache(maxsize=1)
def organisation_index() -> dict[str, str]:
    """Lower-cased organisation names used in roles.tsv/titles -> group id."""
    idx = {}
    for g in groups().values():
        for n in (g.name, *g.aliases):
            idx.setdefault(n.lower(), g.gid)
    return idx


@functools.lru_cache(maxsize=1)
def sector_words() -> dict[str, SectorWord]:
    """Sector nouns (lower case) -> CAMEO sector."""
    return {
        r["word"].lower(): SectorWord(r["word"].lower(), r["sector"], r["kind"], r["label"])
        for r in _rows("actors_sectors.tsv", 4)
    }


@functools.lru_cache(maxsize=1)
def org_heads() -> dict[str, tuple[str, str]]:
    """Head words of organisation names (lower case) -> (sector, kind): "association"
    -> NGO, "party" -> PTY (data/actors_org_heads.tsv)."""
    return {r["word"].lower(): (r["sector"], r["kind"]) for r in _rows("actors_org_heads.tsv", 3)}


@functools.lru_cache(maxsize=1)
def titles() -> dict[str, Title]:
    """Role titles (lower case) -> Title."""
    return {
        r["phrase"].lower(): Title(r["phrase"], r["role"], r["office"], r["scope"], r["sector"])
        for r in _rows("actors_titles.tsv", 5)
    }


@dataclass(frozen=True)
class Ethnic:
    """An ethnic or religious community named as a group ("Kurds", "ethnic Albanians")."""

    word: str  # plural as written
    kin: str  # ISO3 of a kin state ("Albanians" -> ALB) or ""
    label: str
    adjectives: tuple[str, ...] = ()  # "Kurdish", "Serb": the community as a modifier
    homes: tuple[str, ...] = ()  # ISO3 of the countries where it mainly lives (none: anywhere)


@functools.lru_cache(maxsize=1)
def ethnic_groups() -> dict[str, Ethnic]:
    """Ethnic/religious community words (as written) -> Ethnic (actors_ethnic.tsv)."""
    return {r["word"]: Ethnic(r["word"], r["kin"], r["label"], _split(r["adjectives"]), _split(r["homes"]))
            for r in _rows("actors_ethnic.tsv", 5)}


@functools.lru_cache(maxsize=1)
def ethnic_adjectives() -> dict[str, Ethnic]:
    """Community adjectives as written ("Kurdish", "Serb", "Hutu") -> Ethnic (actors_ethnic.tsv)."""
    return {a: e for e in ethnic_groups().values() for a in e.adjectives}
