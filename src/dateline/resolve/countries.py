"""Country names, alternate names, demonyms and capitals (ISO 3166-1), and
the historical states (Soviet Union, Yugoslavia, Czechoslovakia, East and West
Germany, ...) with their successors.

The tables are ``data/countries.tsv`` (generated once by
``tools/gen_actor_countries.py`` and then maintained by hand) and
``data/actors_historical.tsv``; both are read lazily on first use.  Lookups are
case-sensitive on purpose: "US" is the United States, "us" is a pronoun.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass, field
from importlib import resources

from ..errors import E_DATA, ConfigError


@dataclass(frozen=True)
class Country:
    """One ISO 3166-1 country with the names news text uses for it."""

    iso3: str
    iso2: str
    name: str
    alt_names: tuple[str, ...] = field(default=())
    demonyms: tuple[str, ...] = field(default=())
    capital: str = ""


def _data_path(name: str):
    return resources.files("dateline.resolve").joinpath("data", name)


@functools.lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """All countries keyed by ISO3.

    Returns:
        dict mapping ISO 3166-1 alpha-3 code to :class:`Country`.

    Raises:
        ConfigError: [E203] when the data file is malformed.
    """
    out: dict[str, Country] = {}
    with _data_path("countries.tsv").open(encoding="utf-8") as f:
        for i, row in enumerate(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE), 2):
            iso3 = (row.get("iso3") or "").strip()
            if len(iso3) != 3 or not row.get("name"):
                raise ConfigError(f"countries.tsv line {i}: bad row {row!r}", E_DATA)
            out[iso3] = Country(
                iso3=iso3,
                iso2=row["iso2"],
                name=row["name"],
                alt_names=tuple(x for x in (row["alt_names"] or "").split("|") if x),
                demonyms=tuple(x for x in (row["demonyms"] or "").split("|") if x),
                capital=row["capital"] or "",
            )
    return out


@dataclass(frozen=True)
class HistoricalState:
    """A state that no longer exists, with its code and successors.

    ``code`` is the ISO 3166-1 alpha-3 code the state had (SUN, YUG, CSK, DDR,
    SCG, YMD) or, for West Germany and North Yemen, the code their continuing
    state still uses (DEU, YEM).  ``end`` is the first day it no longer existed.
    """

    code: str
    name: str
    alt_names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str
    start: str
    end: str
    successors: tuple[str, ...]
    continuator: str  # the successor that continues the state ("" if none)
    iso3166_3: str
    note: str = ""


@functools.lru_cache(maxsize=1)
def historical_states() -> dict[str, HistoricalState]:
    """Historical states keyed by name (codes can repeat: DEU is West Germany and Germany).

    Raises:
        ConfigError: [E203] when the data file is malformed.
    """
    out: dict[str, HistoricalState] = {}
    with _data_path("actors_historical.tsv").open(encoding="utf-8") as f:
        for i, row in enumerate(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE), 2):
            if len(row) != 11 or None in row.values() or len(row["code"]) != 3:
                raise ConfigError(f"actors_historical.tsv line {i}: bad row {row!r}", E_DATA)
            split = lambda v: tuple(x for x in v.split("|") if x)  # noqa: E731
            out[row["name"]] = HistoricalState(
                code=row["code"], name=row["name"], alt_names=split(row["alt_names"]),
                demonyms=split(row["demonyms"]), capital=row["capital"], start=row["start"],
                end=row["end"], successors=split(row["successors"]), continuator=row["continuator"],
                iso3166_3=row["iso3166_3"], note=row["note"],
            )
    return out


def historical_state(code: str) -> HistoricalState | None:
    """The historical state with this code that is not a current country (SUN, YUG, ...)."""
    if code in countries():
        return None
    return next((h for h in historical_states().values() if h.code == code), None)


def successors(code: str) -> tuple[str, ...]:
    """The ISO3 codes of the states that succeeded a historical state.

    Args:
        code: a historical code ("SUN", "YUG", "CSK", "DDR", "SCG", "YMD").

    Returns:
        The successor states (``("CZE", "SVK")`` for CSK); a current country's
        own code alone for any other code.
    """
    h = historical_state(code)
    return h.successors if h else (code,)


def modern_code(code: str | None) -> str | None:
    """The current country that continues a historical state, for comparing eras.

    A 1987 "SUN" and a 2017 "RUS" compare as RUS; "DDR" as DEU; "YUG" and
    "SCG" as SRB.  Czechoslovakia has no continuing state and maps to None.
    Current codes map to themselves.
    """
    if not code:
        return code
    h = historical_state(code)
    if h is None:
        return code
    return h.continuator or None


def country_at(code: str | None, date: str | None) -> str | None:
    """The state a country word meant on ``date``.

    Before a union ended, the words of the member that continues it stood for it:
    "Russia", "Moscow" or "the Kremlin" in 1987 are the Soviet Union (SUN);
    "Serbia" before 2003-02-04 is Yugoslavia (YUG), then Serbia and Montenegro
    (SCG) until 2006-06-05.

    Args:
        code: an ISO3 country code.
        date: ISO date (the article's publication date); None changes nothing.

    Returns:
        The code of the state on that date.
    """
    if not code or not date:
        return code
    for h in historical_states().values():
        # only unions that the continuing state was part of (not DDR -> DEU)
        if (h.continuator == code and len(h.successors) > 1 and h.code not in countries()
                and h.start <= date < h.end):
            return h.code
    return code


def _strip_the(s: str) -> str:
    return s[4:] if s.lower().startswith("the ") else s


@functools.lru_cache(maxsize=1)
def name_index() -> dict[str, str]:
    """Every country name and alternate name (as written) -> ISO3."""
    idx: dict[str, str] = {}
    for c in countries().values():
        for n in (c.name, *c.alt_names):
            n = _strip_the(n)
            if len(n) >= 2:
                idx.setdefault(n, c.iso3)
    # short names win over alternate spellings of other countries
    for c in countries().values():
        idx[c.name] = c.iso3
    for h in historical_states().values():
        for n in (h.name, *h.alt_names):
            idx.setdefault(_strip_the(n), h.code)
    return idx


@functools.lru_cache(maxsize=1)
def demonym_index() -> dict[str, str]:
    """Every demonym / adjective (singular and plural) -> ISO3."""
    idx: dict[str, str] = {}
    for c in countries().values():
        for d in c.demonyms:
            idx.setdefault(d, c.iso3)
    for h in historical_states().values():
        for d in h.demonyms:
            idx.setdefault(d, h.code)
    return idx


@functools.lru_cache(maxsize=1)
def capital_index() -> dict[str, str]:
    """Capital city name -> ISO3 (for metonymy: "Moscow said")."""
    idx: dict[str, str] = {}
    for c in countries().values():
        if c.capital:
            idx.setdefault(c.capital, c.iso3)
    for h in historical_states().values():
        if h.capital:
            idx.setdefault(h.capital, h.code)
    return idx


def country_name(iso3: str) -> str:
    """The short English name of a country or historical state, or the code itself if unknown."""
    c = countries().get(iso3)
    if c:
        return c.name
    h = historical_state(iso3)
    return h.name if h else iso3


def lookup_country(text: str) -> str | None:
    """ISO3 for a country name, alternate name or demonym ("Laotian" -> "LAO").

    Args:
        text: the surface string; a leading "the " and a trailing "'s" are ignored.

    Returns:
        The ISO3 code, or None when the string is not a country word.
    """
    t = _strip_the(text.strip())
    for suf in ("'s", "’s", "'", "’"):
        if t.endswith(suf):
            t = t[: -len(suf)]
            break
    return name_index().get(t) or demonym_index().get(t)
