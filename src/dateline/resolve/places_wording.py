"""Wording that marks a story as US or British local news (place resolution).

Local news rarely names its own country or state: a story about a town
council or a county road names the town and takes the rest for granted.  Its
wording, though, is national: a sheriff's office, an Interstate and "Dayton,
Ohio" are written only in American copy; a pound sum, a borough council and
the NHS only in British copy.  :func:`us_local_text` and :func:`gb_local_text`
read those cues from ``data/places_us_cues.json`` and
``data/places_gb_cues.json``.  Each file has two groups of patterns:

* ``specific`` kinds, written that way in one country only;
* ``support`` kinds, common to the whole English-language press (dollars,
  "7 p.m.", a city council and a police chief in Canada, Australia, New
  Zealand, Kenya, India...; British spelling, "Mr Smith" and "pupils" across
  the Commonwealth), which only add to a specific kind.

A story is local news of that country when it has at least one specific
kind and ``min_kinds`` kinds in all.  The resolver
(:mod:`dateline.resolve.places`) then lets a town of that country outweigh a
foreign namesake city, under the limits of :func:`us_over_abroad` and
:func:`gb_over_abroad`; it never applies the US wording when the story names
a country other than the US or a province or state abroad
(:func:`names_abroad`).
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from importlib import resources

#: British wording lifts a British town over a namesake abroad at most this many times bigger.
GB_RATIO = 12


@functools.lru_cache(maxsize=4)
def _cues(name: str) -> tuple[int, tuple, tuple]:
    with resources.files("dateline.resolve").joinpath("data", name).open(encoding="utf-8") as fh:
        data = json.load(fh)
    return (int(data["min_kinds"]), tuple(re.compile(p) for p in data["specific"].values()),
            tuple(re.compile(p) for p in data["support"].values()))


def cue_kinds(text: str, name: str) -> tuple[int, int]:
    """How many specific and how many supporting kinds of the cues in ``data/<name>`` occur.

    Args:
        text: the article text.
        name: the cue file ("places_us_cues.json" or "places_gb_cues.json").

    Returns:
        ``(specific kinds found, supporting kinds found)``.
    """
    _, specific, support = _cues(name)
    return sum(1 for p in specific if p.search(text)), sum(1 for p in support if p.search(text))


def _local(text: str, name: str) -> bool:
    need = _cues(name)[0]
    specific, support = cue_kinds(text, name)
    return specific >= 1 and specific + support >= need


def us_local_text(text: str) -> bool:
    """Whether the wording marks a story as US local news: at least one
    US-only kind of cue (a sheriff's office, a state legislator, an
    Interstate, "Dayton, Ohio", a ZIP code, county commissioners...) and at
    least ``min_kinds`` kinds in all in ``data/places_us_cues.json``.

    Args:
        text: the article text.

    Returns:
        True when the cues are there.  The caller must still check that the
        story names no country or province abroad (:func:`names_abroad`).
    """
    return _local(text, "places_us_cues.json")


def gb_local_text(text: str) -> bool:
    """Whether the wording marks a story as British local news: at least one
    UK-only kind of cue (a pound sum, a borough or parish council, the NHS, a
    constabulary, "MP for", GCSEs...), at least ``min_kinds`` kinds in all in
    ``data/places_gb_cues.json``, and no kind of US cue.

    Args:
        text: the article text.

    Returns:
        True when the British cues are there and no US cue is.
    """
    return _local(text, "places_gb_cues.json") and cue_kinds(text, "places_us_cues.json") == (0, 0)


def names_abroad(names: list[list], home: str) -> bool:
    """Whether the story names a country other than ``home``, or a province
    or state outside it ("Ontario", "New South Wales").

    A name that is a country and also a state or province of ``home``
    ("Georgia" for the US) does not count.

    Args:
        names: the primary candidate entries of each place name of the story.
        home: ISO3 code of the country whose local wording was found.

    Returns:
        True when some name can only be read as a country or region abroad.
    """
    for entries in names:
        home_region = any(e.country == home and e.feature_class == "admin1" for e in entries)
        if home_region:
            continue
        if any(e.feature_class in ("country", "admin1") and e.country not in (None, home) for e in entries):
            return True
    return False


def _foreign_cities(cands: list, home: str) -> list:
    return [c.entry for c in cands if c.primary and c.entry.feature_class == "city"
            and c.entry.country not in (None, home)]


def us_over_abroad(cands: list, support: Counter) -> bool:
    """Whether US local wording may lift a name's US towns: the name has a
    namesake city abroad, and the story names the country of none of its
    namesake cities abroad (a story that says "Canada" keeps "Windsor" in
    Ontario, however American its wording).

    Args:
        cands: the name's candidates (``Candidate`` values).
        support: ISO3 -> how often the story's other names point to that country.

    Returns:
        True when the US towns may gain.
    """
    rivals = _foreign_cities(cands, "USA")
    return bool(rivals) and not any(support[e.country] for e in rivals)


def gb_over_abroad(cands: list, extra: list, support: Counter) -> bool:
    """Whether British wording may lift a British namesake town: the name has
    one; it has namesake cities abroad, none of them in a country the story
    names (by name, by one of its cities or by a demonym), none a national
    capital, and none more than :data:`GB_RATIO` times the British town's
    size ("Wellington" stays New Zealand's, "Perth" Australia's).

    Args:
        cands: the name's candidates (``Candidate`` values).
        extra: its namesakes recognition left out.
        support: ISO3 -> how often the story's other names point to that country.

    Returns:
        True when the British town may gain.
    """
    ours = max((c.entry.population for c in cands + extra if c.entry.country == "GBR"
                and c.entry.feature_class == "city"), default=None)
    rivals = _foreign_cities(cands, "GBR")
    return (ours is not None and bool(rivals) and not any(support[e.country] for e in rivals)
            and not any(e.capital for e in rivals)
            and max(e.population for e in rivals) <= GB_RATIO * max(ours, 1))
