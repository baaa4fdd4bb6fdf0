"""Spatial context for place resolution: namesakes that lie near each other.

Local news names places that are close together: a story that names "Paris"
and "Henry County" is about Paris, Tennessee, which lies in Henry County,
Tennessee; "Jordan" beside "Shakopee" is the Minnesota town 17 km away, not
the country.  :func:`nearness` gives, for each candidate entry of each name,
how strongly the article's other names support it by having a namesake
within :data:`NEAR_KM`.

Only towns and counties take part (countries, states and regions are
centroids, and their own rules in :mod:`dateline.resolve.places` handle
them), and only names whose every namesake is a small place (a county or a
town under 100,000) lend support: "Damascus" beside "Lebanon" is the Syrian
capital, not a Pennsylvania village that happens to lie near a Lebanon.  The support a name ``n`` gives a candidate ``c`` of name ``m`` is
``1 / k``, where ``k`` is the number of ``m``'s candidates that have a
namesake of ``n`` nearby: a name that lies near only one of the "Paris"
towns says much, a name with namesakes everywhere ("Washington",
"Springfield") says little.  Candidates are bucketed in a one-degree grid,
so the work grows with the number of candidates, not with their square.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

#: Two places this close (km) are taken to be in the same local area.
NEAR_KM = 60.0
_LOCAL_CLASSES = ("city", "admin2")
_MAX_CANDIDATES = 400  # names with more namesakes than this are too common to place anything
_BIG_CITY = 100_000
_HAMLET = 5_000  # a country's name points to the country over namesake hamlets this small
#: The dominant state holds at least this many of an article's other names ...
DOMINANT_MIN = 3
#: ... and this share of those placed in any US state.
DOMINANT_SHARE = 0.6


def _supports(entries: list) -> bool:
    """A name lends support only when all its namesakes are small places:
    "Damascus" or "Kingston" could be the big city, and a country's or
    state's name says nothing of a town."""
    return all(e.feature_class == "admin2" or (e.feature_class == "city" and e.population < _BIG_CITY)
               for e in entries)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points (degrees)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return int(math.floor(lat)), int(math.floor(lon))


def nearness(names: dict[str, list], chosen: dict | None = None) -> dict[tuple[str, str], float]:
    """Support from the other names of an article for each local candidate.

    Args:
        names: name key -> its candidate ``Entry`` values (one list per
            distinct name of the article).
        chosen: name key -> the entry a first pass chose for it; a name
            with a big namesake, chosen as a town or county, then lends
            support from that one point, so "Paris", once read as Paris,
            Tennessee, places "Henry County" in Tennessee.

    Returns:
        ``(name key, entry id) -> support``: the sum over the other names
        that have a namesake within :data:`NEAR_KM` of the entry of
        ``1 / k`` (``k``: how many of this name's candidates that other name
        lies near).  Candidates without support are absent.
    """
    local: dict[str, list] = {}
    grid: dict[tuple[int, int], list] = defaultdict(list)
    for key, entries in names.items():
        pts = [e for e in entries if e.feature_class in _LOCAL_CLASSES and e.lat is not None]
        if not pts or len(pts) > _MAX_CANDIDATES:
            continue
        local[key] = pts
        pick = (chosen or {}).get(key)
        if _supports(entries):
            support = pts
        elif pick is not None and pick.feature_class in _LOCAL_CLASSES and pick.lat is not None:
            support = [pick]
        else:
            support = []
        for e in support:
            grid[_cell(e.lat, e.lon)].append((key, e))
    out: dict[tuple[str, str], float] = {}
    if len(local) < 2:
        return out
    for key, pts in local.items():
        near_by: dict[str, set[str]] = defaultdict(set)  # other name -> ids of our candidates near it
        for e in pts:
            la, lo = _cell(e.lat, e.lon)
            for dla in (-1, 0, 1):
                for dlo in (-1, 0, 1):
                    for other, f in grid.get((la + dla, lo + dlo), ()):
                        if other == key or e.id in near_by[other]:
                            continue
                        if km(e.lat, e.lon, f.lat, f.lon) <= NEAR_KM:
                            near_by[other].add(e.id)
        for other, ids in near_by.items():
            for eid in ids:
                out[(key, eid)] = out.get((key, eid), 0.0) + 1.0 / len(ids)
    return out


def dominant_country(entries: list) -> str | None:
    """The country a name points to: the only one its namesakes lie in, a
    country whose other namesakes are hamlets under 5,000 ("Canada" beside
    the Mexican "Cañada"s), the
    country of its state or province ("Virginia"), or the country of a city of 100,000 or more that is ten times the size of
    every namesake in another country ("Dallas": the United States, whatever
    hamlets share the name abroad).

    Args:
        entries: the name's primary candidate entries.

    Returns:
        An ISO3 code, or None when the name is split between countries.
    """
    isos = {e.country for e in entries}
    if len(isos) == 1:
        return next(iter(isos))
    nations = {e.country for e in entries if e.feature_class == "country"}
    if len(nations) == 1 and all(e.feature_class == "country" or (e.feature_class == "city" and e.population < _HAMLET)
                                 for e in entries):
        return next(iter(nations))  # "Canada", whatever hamlets are called "Cañada"
    if None in isos or any(e.feature_class not in ("city", "admin1", "admin2") for e in entries):
        return None
    regions = {e.country for e in entries if e.feature_class == "admin1"}
    if len(regions) == 1:  # a state's or province's name ("Virginia") means that state first
        return next(iter(regions))
    biggest: dict[str, int] = {}
    for e in entries:
        biggest[e.country] = max(biggest.get(e.country, 0), e.population)
    ranked = sorted(biggest.items(), key=lambda kv: -kv[1])
    if ranked[0][1] >= _BIG_CITY and ranked[0][1] >= 10 * ranked[1][1]:
        return ranked[0][0]
    return None


def dominant_state(chosen_states: dict, key: str | None) -> str | None:
    """The US state most of the article's other names were placed in: at
    least :data:`DOMINANT_MIN` names and :data:`DOMINANT_SHARE` of those
    placed in any US state ("Madison" in a story whose other names are
    eight Ohio places is Ohio's).

    Args:
        chosen_states: name key -> the US state a first pass placed it in.
        key: the name being resolved (its own placement does not count), or None.

    Returns:
        The state's code, or None.
    """
    counts = Counter(code for k, code in chosen_states.items() if k != key)
    if not counts:
        return None
    code, n = counts.most_common(1)[0]
    if n >= DOMINANT_MIN and n >= DOMINANT_SHARE * sum(counts.values()):
        return code
    return None
