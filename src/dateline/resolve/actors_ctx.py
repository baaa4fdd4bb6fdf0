"""Working state of actor resolution for one document.

``Ctx`` holds the spaCy Doc, the publication date, the actors found so far
(``Proto``, keyed by a stable string) and their mentions.  The finder and
coreference modules add to it; ``actors.resolve_actors`` turns it into
``model.Actor`` values.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from . import actors_dict as D
from .countries import countries, country_name, historical_state
from ..annotate.view import text_of, tokens_of

# Opening/closing quotation marks; straight quotes toggle.
_QUOTE_OPEN = "“«"
_QUOTE_CLOSE = "”»"


@dataclass
class Proto:
    """An actor being built."""

    key: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    office: str | None = None
    organisation: str | None = None
    ref: str | None = None
    gender: str = ""
    code: str | None = None


@dataclass
class Mention:
    start: int
    end: int
    key: str
    via: str  # the rule that made the mention: an id of data/actors_evidence.tsv
    head: int = -1  # token index of the mention's syntactic head
    entry: str | None = None  # the data-file row used ("sectors:troops"), when not the actor's own


@dataclass
class Ctx:
    doc: object
    published: str | None
    protos: dict[str, Proto] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    claimed: list[tuple[int, int]] = field(default_factory=list)
    titled_without_country: set[str] = field(default_factory=set)  # keys for the fallback pass
    misspelt: set[int] = field(default_factory=set)  # token indices read by the spelling matcher
    country_counts: dict[str, int] | None = None  # actors_find.country_counts, once per document

    def __post_init__(self) -> None:
        self.text: str = text_of(self.doc)
        self._tok_starts = [t.idx for t in tokens_of(self.doc)]
        self._quote = _quote_mask(self.text)
        self.sent_of: list[int] = [0] * len(self.doc)
        for si, s in enumerate(self.doc.sents):
            self.sent_of[s.start:s.end] = [si] * (s.end - s.start)

    # --- tokens and offsets -------------------------------------------------
    def tok_at(self, char: int) -> int:
        """Index of the token containing (or starting nearest before) ``char``."""
        return max(0, bisect.bisect_right(self._tok_starts, char) - 1)

    def toks(self, start: int, end: int) -> list:
        """Tokens overlapping [start, end)."""
        i, j = self.tok_at(start), self.tok_at(max(start, end - 1))
        return tokens_of(self.doc)[i:j + 1]

    def head_tok(self, start: int, end: int):
        """The syntactic head of the tokens in [start, end)."""
        ts = self.toks(start, end)
        ids = {t.i for t in ts}
        for t in ts:
            if t.head.i not in ids or t.head.i == t.i:
                return t
        return ts[-1]

    def in_quote(self, char: int) -> bool:
        return 0 <= char < len(self._quote) and self._quote[char]

    # --- claims -------------------------------------------------------------
    def is_claimed(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.claimed)

    def claim(self, start: int, end: int) -> None:
        self.claimed.append((start, end))

    # --- actors and mentions ------------------------------------------------
    def add(self, proto: Proto, start: int, end: int, via: str, claim: bool = True,
            entry: str | None = None) -> Proto:
        """Register ``proto`` (merging with an existing one of the same key) and a mention.

        ``via`` is the id of the rule that found the mention (``actors_evidence.tsv``)
        and ``entry`` the data-file row it used when that is not the actor's own.
        """
        start, end = _trim(self.text, start, end)
        if end <= start:
            return proto
        cur = self.protos.get(proto.key)
        if cur is None:
            self.protos[proto.key] = cur = proto
        else:
            for f in ("country", "sector", "role", "office", "organisation", "ref", "code"):
                if getattr(cur, f) is None and getattr(proto, f) is not None:
                    setattr(cur, f, getattr(proto, f))
            if not cur.gender:
                cur.gender = proto.gender
        if not any(m.start == start and m.end == end and m.key == cur.key for m in self.mentions):
            self.mentions.append(Mention(start, end, cur.key, via, self.head_tok(start, end).i, entry))
        if claim:
            self.claim(start, end)
        return cur

    def rekey(self, old: str, new: str) -> None:
        """Merge actor ``old`` into ``new`` (moving its mentions)."""
        if old == new or old not in self.protos:
            return
        src = self.protos.pop(old)
        dst = self.protos.setdefault(new, src)
        for f in ("country", "sector", "role", "office", "organisation", "ref", "code"):
            if getattr(dst, f) is None and getattr(src, f) is not None:
                setattr(dst, f, getattr(src, f))
        for m in self.mentions:
            if m.key == old:
                m.key = new

    def mentions_of(self, key: str) -> list[Mention]:
        return sorted((m for m in self.mentions if m.key == key), key=lambda m: m.start)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip spaces, a leading article and a trailing possessive from a span."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    m = re.match(r"(?:the|The|THE)\s+", text[start:end])
    if m and m.end() < end - start:
        start += m.end()
    for suf in ("'s", "’s"):
        if text[start:end].endswith(suf) and end - start > len(suf):
            end -= len(suf)
            break
    return start, end


def _quote_mask(text: str) -> list[bool]:
    """True for characters inside a quotation (curly or straight quotes).

    An opening mark starts a quotation and a closing one ends it (both marks
    count as inside), a straight quote toggles (and counts as inside), and a
    blank line ends any quotation (quotes never run across paragraphs here).
    Only those characters change the state, so the mask is filled run by run.
    """
    mask = [False] * len(text)
    inside, run = False, 0  # the state since position ``run``
    for m in _QUOTE_EVENT.finditer(text):
        i, ch = m.start(), m.group()
        if inside:
            mask[run:i] = [True] * (i - run)
        if ch in _QUOTE_OPEN:
            inside = True
            mask[i] = True
        elif ch in _QUOTE_CLOSE:
            inside = False
            mask[i] = True
        elif ch == '"':
            inside = not inside
            mask[i] = True
        else:  # the first newline of a blank line
            inside = False
        run = i + 1
    if inside:
        mask[run:] = [True] * (len(text) - run)
    return mask


_QUOTE_EVENT = re.compile(rf'[{_QUOTE_OPEN}{_QUOTE_CLOSE}"]|\n(?=\n)')


# --- building protos --------------------------------------------------------

def person_proto(pid: str | None, name: str, ctx: Ctx, title: D.Title | None = None,
                 scope: str | None = None, for_scope: str | None = None) -> Proto:
    """A person actor from the dictionary (``pid``) or from the text alone."""
    if pid:
        rows = D.persons()[pid]
        row = D.role_at(pid, ctx.published, prefer=title.role if title else None)
        if row is None and title is None:
            row = None
        base = row or rows[-1]
        p = Proto(key=f"person:{pid}", name=rows[0].name, kind="person", ref=pid,
                  gender=rows[0].gender)
        p.country = base.country or None
        p.sector = base.sector or None
        p.organisation = base.organisation or None
        if row is None and title is None and ctx.published and not p.organisation:
            p.sector = "ELI"  # in no listed office on the date: an elite (CAMEO ELI)
            if all(r.end and r.end <= ctx.published for r in rows):
                p.role = f"former {base.role}"
        elif row is None and title is not None and title.sector and not p.organisation \
                and ctx.published:
            p.sector = title.sector  # out of office, the title written decides ("General Michel Aoun")
        if row is not None:
            p.role, p.office = row.role, row.office
        elif title is not None:
            p.role, p.office = title.role, title.office
        p.code = code_for(p.country, p.sector, p.organisation)
        return p
    p = Proto(key=f"person:{name.lower()}", name=name, kind="person")
    if title is not None:
        sc = scope or title.scope or None
        org = sc if sc and len(sc) != 3 else None
        country = sc if sc and len(sc) == 3 else None
        p.country, p.organisation = country, org
        if org and _is_igo(org):  # the head of an IGO is its executive (GOV); its envoys are IGO
            p.sector = "GOV" if title.office in _IGO_EXECUTIVE_OFFICES else "IGO"
        else:
            p.sector = title.sector
        role = title.role
        if for_scope:
            role = f"{role} for {country_name(for_scope)}" if len(for_scope) == 3 else f"{role} to the {for_scope}"
        p.role, p.office = role, (f"{title.office}:{for_scope}" if title.office == "envoy" and for_scope else title.office)
        p.code = code_for(p.country, p.sector, p.organisation)
    return p


_IGO_EXECUTIVE_OFFICES = {"secretary_general", "commission_president"}


def _is_igo(org: str) -> bool:
    gid = D.organisation_index().get(org.lower())
    return bool(gid and D.groups()[gid].kind == "igo")


def code_for(country: str | None, sector: str | None, organisation: str | None = None) -> str | None:
    """CAMEO-style combined code: country + sector, or the organisation's code."""
    if organisation:
        gid = D.organisation_index().get(organisation.lower())
        if gid:
            return D.groups()[gid].code
    if country and sector:
        return f"{country}{sector}"
    return country or sector or None


def group_proto(gid: str) -> Proto:
    """An actor for a groups.tsv row (generic institutions share the country-sector key)."""
    g = D.groups()[gid]
    generic = g.country and g.code == f"{g.country}{g.sector}"
    if generic:
        return country_sector_proto(g.country, g.sector, g.kind)
    return Proto(key=f"group:{gid}", name=g.name, kind=g.kind, country=g.country or None,
                 sector=g.sector or None, code=g.code or None, ref=gid,
                 organisation=g.name if g.kind == "igo" else None)


def igo_force_proto(gid: str, sector: str) -> Proto:
    """The forces of an IGO ("UN peacekeepers", "NATO troops"): the IGO's code + sector."""
    g = D.groups()[gid]
    label = _SECTOR_LABELS.get(sector, sector.lower())
    return Proto(key=f"group:{gid}:{sector}", name=f"{g.name} {label}", kind="military",
                 sector=sector, code=f"{g.code}{sector}", organisation=g.name)


def country_proto(iso3: str) -> Proto:
    return Proto(key=iso3, name=country_name(iso3), kind="country", country=iso3, code=iso3)


_SECTOR_LABELS = {"GOV": "government", "MIL": "military", "LEG": "legislature", "COP": "police",
                  "SPY": "intelligence", "REB": "rebels", "INS": "insurgents", "OPP": "opposition",
                  "JUD": "judiciary", "MED": "media", "BUS": "business", "CVL": "civilians",
                  "PTY": "party", "REF": "refugees", "LAB": "labour", "EDU": "education",
                  "REL": "religious", "AGR": "agriculture", "ELI": "elites", "UAF": "gunmen",
                  "CRM": "criminals", "JRN": "journalists", "HLH": "health workers",
                  "MOS": "Muslims", "CHR": "Christians", "JEW": "Jews", "HIN": "Hindus",
                  "BUD": "Buddhists", "SIK": "Sikhs"}


def country_sector_proto(iso3: str | None, sector: str, kind: str, label: str | None = None) -> Proto:
    if not label or sector in ("GOV", "MIL"):
        label = _SECTOR_LABELS.get(sector) or label or sector.lower()
    if iso3:
        c = countries().get(iso3) or historical_state(iso3)
        adj = next((d for d in (c.demonyms if c else ()) if not d.endswith("s") or d.endswith("ss")), None)
        if iso3 == "USA":
            adj = "US"
        return Proto(key=f"{iso3}{sector}", name=f"{adj or country_name(iso3)} {label}", kind=kind,
                     country=iso3, sector=sector, code=f"{iso3}{sector}")
    return Proto(key=f"sector:{sector}", name=label, kind=kind, sector=sector, code=sector)
