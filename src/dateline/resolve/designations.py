"""Designations: the UN Security Council Consolidated List, matched to actors.

Users download the list themselves (``consolidated.xml`` from
https://scsanctions.un.org/resources/xml/en/consolidated.xml, schema
``https://www.un.org/sc/resources/sc-sanctions.xsd``) and point Dateline at it
with ``--designations FILE`` or ``Config(designations=FILE)``.

``load_designations(path)`` reads the whole file (once per process and file
version) into a :class:`DesignationList`; a malformed or truncated file raises
``ConfigError`` [E204] naming the file and line, and nothing is kept.
``apply_designations(actors, text, published, dlist)`` sets
``Actor.designations`` on people matching a listed individual and on groups,
organisations and businesses matching a listed entity, by name or alias
(see docs/actors.md, "Designations").
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from xml.parsers import expat

from ..errors import E_DESIGNATIONS, ConfigError
from ..model import Actor, Designation

__all__ = ["Listing", "DesignationList", "load_designations", "apply_designations", "normalize_name",
           "fold_name"]

#: Actor kinds never matched against listed entities (states and their organs,
#: IGOs, generic populations): the list names groups, firms and people.
_NOT_ENTITY_KINDS = {"person", "country", "government", "military", "police", "legislature",
                     "judiciary", "igo", "civilians", "refugees", "media"}

_ROOT = "CONSOLIDATED_LIST"
_RECORDS = {"INDIVIDUAL": "individual", "ENTITY": "entity"}
_ALIASES = {"INDIVIDUAL_ALIAS", "ENTITY_ALIAS"}
_FIELDS = {"FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME", "UN_LIST_TYPE",
           "REFERENCE_NUMBER", "LISTED_ON", "NAME_ORIGINAL_SCRIPT"}
# UN "Low quality" aliases are, in the UN's words, not sufficient to identify
# a person; they are kept in the listing but never matched.
_LOW = {"low"}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Listing:
    """One individual or entity on the list."""

    kind: str  # "individual" | "entity"
    name: str  # the listed name, e.g. "AL-NUSRAH FRONT FOR THE PEOPLE OF THE LEVANT"
    aliases: tuple[str, ...]  # names usable for matching (good-quality a.k.a./f.k.a.)
    regime: str  # UN_LIST_TYPE, e.g. "Al-Qaida", "DPRK"
    reference: str  # e.g. "QDe.137"
    listed_on: str | None  # ISO date
    line: int  # line of the record in the XML file

    def designation(self) -> Designation:
        """The ``model.Designation`` value an actor carries for this listing."""
        return Designation(list=f"UN Security Council Consolidated List ({self.regime})",
                           reference=self.reference, listed_on=self.listed_on)


def normalize_name(name: str) -> str:
    """A matching key: accents, case, apostrophes, hyphens and a leading "the" ignored.

    Args:
        name: a name as written ("Jabhat Fateh Al-Sham", "Hay’at Tahrir al-Sham").

    Returns:
        Lower-case words separated by single spaces ("jabhat fateh al sham").
    """
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()
    s = re.sub(r"['’‘`´ʼʻ]", "", s)
    s = re.sub(r"[^\w]+", " ", s).strip()
    s = re.sub(r"^the ", "", s)
    return s


_FOLD_VOWELS = str.maketrans({"e": "a", "o": "u", "y": "i"})


def fold_name(key: str) -> str:
    """A looser key for transliterations of Arabic and Persian names.

    Folds the spellings newswires and the UN list disagree on: a final "h"
    after a vowel (Nusrah/Nusra), e/a, o/u, y/i, "ee"/i, "ou"/u and doubled
    letters (Jabhet/Jabhat, Mohammed/Muhammad).  Used only when the exact key
    finds nothing.

    Args:
        key: a :func:`normalize_name` key.

    Returns:
        The folded key.
    """
    words = []
    for w in key.split():
        w = re.sub(r"(?<=[aeiou])h$", "", w)
        w = w.replace("ee", "i").replace("ou", "u").translate(_FOLD_VOWELS)
        words.append(re.sub(r"(.)\1+", r"\1", w))
    return " ".join(words)


def _variants(text: str) -> list[str]:
    """Every name written in one list field.

    The list packs several spellings into one alias:
    ``جبهة النصرة (the Victory Front; Jabhat al-Nusrah; Al-Nusra Front)``
    and acronyms into names: ``AL-QAIDA IN THE ARABIAN PENINSULA (AQAP)``.
    """
    text = " ".join(text.split())
    text = re.sub(r"\((?:original script)\)", "", text, flags=re.I)
    text = re.sub(r"\s+-\s+sub-unit name", "", text, flags=re.I)
    out = [text]
    parts = [p.strip(" ,") for p in re.split(r"[();]", text)]
    out += [p for p in parts if p]
    whole = re.sub(r"\s*\([^()]*\)", "", text).strip()
    if whole:
        out.append(whole)
    return out


class DesignationList:
    """A loaded list with a name index.

    Args:
        listings: the records of the list.
        source: the file they came from.
        generated: the list's ``dateGenerated`` attribute, if any.
    """

    def __init__(self, listings: list[Listing], source: str = "", generated: str | None = None):
        self.listings = tuple(listings)
        self.source = source
        self.generated = generated
        self._index: dict[tuple[str, str], list[Listing]] = {}
        self._folded: dict[tuple[str, str], list[Listing]] = {}
        for li in self.listings:
            for n in (li.name, *li.aliases):
                for v in _variants(n):
                    key = normalize_name(v)
                    if not _usable(key, li.kind, primary=n is li.name):
                        continue
                    for index, k in ((self._index, key), (self._folded, fold_name(key))):
                        hits = index.setdefault((li.kind, k), [])
                        if li not in hits:
                            hits.append(li)

    def __len__(self) -> int:
        return len(self.listings)

    def match(self, name: str, kind: str) -> list[Listing]:
        """Listings of ``kind`` ("individual" or "entity") with this name or alias.

        The exact key (case, accents, apostrophes, hyphens ignored) is tried
        first, then the transliteration-folded key (:func:`fold_name`).
        """
        key = normalize_name(name)
        if not _usable(key, kind, primary=True):
            return []
        hits = self._index.get((kind, key)) or self._folded.get((kind, fold_name(key)), ())
        if kind == "individual" and len({fold_name(normalize_name(li.name)) for li in hits}) > 1:
            return []  # a name shared by several listed people identifies none of them
        return list(hits)

    def by_reference(self, reference: str) -> Listing | None:
        """The listing with this reference number ("QDe.137"), if any."""
        return next((li for li in self.listings if li.reference == reference), None)


def _usable(key: str, kind: str, primary: bool = False) -> bool:
    """Keys precise enough to match on.  People: the listed name with at least
    two words, an alias with at least three ("Abu Ubaida" or "Abdul Rahman"
    alone identifies nobody); entities: three characters."""
    if not key:
        return False
    if kind == "individual":
        return len(key.split()) >= (2 if primary else 3) and len(key) >= 6
    return len(key) >= 3


# --- loading ------------------------------------------------------------------

def _fail(path: str, line: int | None, what: str) -> ConfigError:
    where = f"{path} line {line}" if line else path
    return ConfigError(
        f"{where}: {what}. Designations are not loaded; give the UN Security Council "
        f"Consolidated List XML (consolidated.xml) as downloaded from scsanctions.un.org",
        E_DESIGNATIONS,
    )


def _parse(path: str, data: bytes) -> tuple[list[Listing], str | None]:
    parser = expat.ParserCreate()
    stack: list[str] = []
    texts: list[list[str]] = []
    listings: list[Listing] = []
    state: dict = {"cur": None, "alias": None, "generated": None}

    def start(name, attrs):
        if not stack and name != _ROOT:
            raise _fail(path, parser.CurrentLineNumber, f"the root element is <{name}>, not <{_ROOT}>")
        if not stack:
            state["generated"] = attrs.get("dateGenerated")
        stack.append(name)
        texts.append([])
        if name in _RECORDS and len(stack) == 3:
            state["cur"] = {"kind": _RECORDS[name], "line": parser.CurrentLineNumber, "aliases": []}
        elif name in _ALIASES and state["cur"] is not None:
            state["alias"] = {}

    def end(name):
        text = "".join(texts.pop()).strip()
        stack.pop()
        cur = state["cur"]
        if cur is None:
            return
        parent = stack[-1] if stack else ""
        if name in _FIELDS and parent in _RECORDS:
            cur[name] = text
        elif name in ("QUALITY", "ALIAS_NAME") and state["alias"] is not None:
            state["alias"][name] = text
        elif name in _ALIASES and state["alias"] is not None:
            a = state["alias"]
            if a.get("ALIAS_NAME") and a.get("QUALITY", "").lower() not in _LOW:
                cur["aliases"].append(a["ALIAS_NAME"])
            state["alias"] = None
        elif name in _RECORDS and len(stack) == 2:
            listings.append(_listing(path, cur))
            state["cur"] = None

    def chars(data):
        if texts:
            texts[-1].append(data)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    try:
        parser.Parse(data, True)
    except expat.ExpatError as e:
        raise _fail(path, e.lineno, f"malformed or truncated XML ({expat.ErrorString(e.code)}, column {e.offset})") from None
    if not listings:
        raise _fail(path, None, "no INDIVIDUAL or ENTITY records found")
    return listings, state["generated"]


def _listing(path: str, cur: dict) -> Listing:
    line = cur["line"]
    ref = cur.get("REFERENCE_NUMBER", "")
    if not ref:
        raise _fail(path, line, "a listed record without REFERENCE_NUMBER")
    names = [cur.get(k, "") for k in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
    name = " ".join(" ".join(n.split()) for n in names if n)
    if not name:
        raise _fail(path, line, f"record {ref} has no FIRST_NAME")
    listed = cur.get("LISTED_ON") or None
    if listed is not None:
        listed = listed[:10]
        if not _DATE.match(listed):
            raise _fail(path, line, f"record {ref} has LISTED_ON {cur.get('LISTED_ON')!r}, not a date")
    aliases = list(cur["aliases"])
    if cur.get("NAME_ORIGINAL_SCRIPT"):
        aliases.append(cur["NAME_ORIGINAL_SCRIPT"])
    return Listing(kind=cur["kind"], name=name, aliases=tuple(aliases),
                   regime=cur.get("UN_LIST_TYPE") or "unknown", reference=ref,
                   listed_on=listed, line=line)


def load_designations(path: str | os.PathLike) -> DesignationList:
    """Read a UN Security Council Consolidated List XML file (cached per process).

    The file is read again only when its size or modification time changes.

    Args:
        path: the ``consolidated.xml`` file.

    Returns:
        The loaded :class:`DesignationList`.

    Raises:
        ConfigError: [E204] when the file is missing, unreadable, malformed,
            truncated or holds no records; the message names the file and line.
    """
    p = Path(path).expanduser().resolve()
    try:
        st = p.stat()
    except OSError as e:
        raise _fail(str(path), None, f"cannot read the file ({e.strerror})") from None
    return _load(str(p), st.st_size, st.st_mtime_ns)


@functools.lru_cache(maxsize=4)
def _load(path: str, size: int, mtime: int) -> DesignationList:
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise _fail(path, None, f"cannot read the file ({e.strerror})") from None
    listings, generated = _parse(path, data)
    return DesignationList(listings, source=path, generated=generated)


# --- matching -----------------------------------------------------------------

def _actor_names(actor: Actor, text: str | None) -> list[str]:
    from . import actors_dict as D

    names = [actor.name]
    if actor.ref:
        if actor.ref in D.persons():
            names += D.persons()[actor.ref][0].aliases
        elif actor.ref in D.groups():
            names += D.groups()[actor.ref].aliases
    if text:
        names += [text[s:e] for s, e in actor.mentions]
    return names


def apply_designations(actors: list[Actor], text: str | None, published: str | None,
                       dlist: DesignationList) -> list[Actor]:
    """Set ``designations`` on actors that the list names.

    People are matched against listed individuals, armed groups, organisations,
    businesses and other non-state actors against listed entities; a match is
    the actor's name, a dictionary alias or the text of one of its mentions
    equal to a listed name or good-quality alias (ignoring case, accents,
    apostrophes and hyphens).  A listing dated after ``published`` is not
    applied (the actor was not designated when the article was written).

    Args:
        actors: the output of ``resolve_actors`` (changed in place).
        text: the article text the mention spans point into (or None).
        published: the article's ISO publication date, or None.
        dlist: a loaded list (see :func:`load_designations`).

    Returns:
        The same list of actors.
    """
    day = (published or "")[:10] or None
    for a in actors:
        if a.kind == "person":
            kind = "individual"
        elif a.kind in _NOT_ENTITY_KINDS or (a.country and a.code in (a.country, f"{a.country}{a.sector}")):
            continue
        else:
            kind = "entity"
        found: list[Listing] = []
        for n in _actor_names(a, text):
            for li in dlist.match(n, kind):
                if li not in found:
                    found.append(li)
        have = {d.reference for d in a.designations}
        for li in sorted(found, key=lambda li: li.reference):
            if day and li.listed_on and li.listed_on > day:
                continue
            if li.reference not in have:
                a.designations.append(li.designation())
                have.add(li.reference)
    return actors
