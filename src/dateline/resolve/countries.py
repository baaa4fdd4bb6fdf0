"""Country names, alternate names, demonyms and capitals (ISO 3166-1).

The table is ``data/countries.tsv`` (generated once by
``tools/gen_actor_countries.py`` and then maintained by hand); it is read
lazily on first use.  Lookups are case-sensitive on purpose: "US" is the
United States, "us" is a pronoun.
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
    return idx


@functools.lru_cache(maxsize=1)
def demonym_index() -> dict[str, str]:
    """Every demonym / adjective (singular and plural) -> ISO3."""
    idx: dict[str, str] = {}
    for c in countries().values():
        for d in c.demonyms:
            idx.setdefault(d, c.iso3)
    return idx


@functools.lru_cache(maxsize=1)
def capital_index() -> dict[str, str]:
    """Capital city name -> ISO3 (for metonymy: "Moscow said")."""
    idx: dict[str, str] = {}
    for c in countries().values():
        if c.capital:
            idx.setdefault(c.capital, c.iso3)
    return idx


def country_name(iso3: str) -> str:
    """The short English name of a country, or the code itself if unknown."""
    c = countries().get(iso3)
    return c.name if c else iso3


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
