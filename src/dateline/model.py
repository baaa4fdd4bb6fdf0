"""The typed values that pass between Dateline's stages.

Every stage takes one of these and returns one of these; the spaCy ``Doc``
never leaves annotation/extraction.  All offsets are ``[start, end)``
character offsets into ``Article.text`` (the cleaned text).

A ``Record`` is the whole result for one article; ``Record.to_dict()`` gives
the JSON object of schema ``dateline/1`` (see ``schema/dateline-1.schema.json``)
and ``Record.from_dict()`` reads it back.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

SCHEMA = "dateline/1"

Span = tuple[int, int]

#: PLOVER event modalities used on every event.
MODALITIES = ("asserted", "intended", "negated", "hypothetical", "reported")


@dataclass
class Removal:
    """A piece of the raw text that cleaning took out, and why."""

    kind: str  # "boilerplate" | "caption" | "share" | "repeated" | "url" | "headline" ...
    text: str


@dataclass
class Mark:
    """A part of the cleaned text that is not story prose (e.g. a photo caption)."""

    kind: str  # "caption"
    span: Span


@dataclass
class Article:
    """One news article after ingest (and, after cleaning, with ``removed`` filled)."""

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD
    language: str | None = None
    removed: list[Removal] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    # Where ``published`` came from: "given" (caller/metadata), "html",
    # "dateline" (from the story's dateline), or None when unknown.
    published_from: str | None = None
    # Where the input came from (file path, "file.jsonl:12", "-"): provenance only.
    origin: str | None = None


@dataclass
class Designation:
    """A listing of an actor, e.g. on the UN Security Council Consolidated List."""

    list: str
    reference: str | None = None
    listed_on: str | None = None


@dataclass
class Evidence:
    """How an actor was resolved, so that a wrong one can be traced.

    ``method`` is the kind of evidence ("dictionary", "role", "grammar",
    "coreference", "fallback", "unresolved"), ``rule`` the resolver rule that
    decided the actor, ``entry`` the data-file row it used ("roles:kerry_john",
    "groups:isis", "countries:RUS", "sectors:troops") and ``confidence`` a
    score in [0, 1] fixed per rule.  ``mentions`` gives the rule of each of the
    actor's mentions, in the order of ``Actor.mentions``.  The values are listed
    in docs/codes.md.
    """

    method: str
    rule: str
    entry: str | None = None
    confidence: float = 0.5
    mentions: list[str] = field(default_factory=list)


@dataclass
class Actor:
    """A person, organisation, government or group that acts or speaks."""

    id: str
    name: str
    code: str | None = None  # CAMEO-style combined code, e.g. "USAGOV"
    country: str | None = None  # ISO 3166-1 alpha-3
    sector: str | None = None  # CAMEO agent code: GOV, MIL, REB, IGO, ...
    role: str | None = None  # e.g. "Secretary of State"
    kind: str | None = None  # person, government, military, armed_group, igo, ...
    designations: list[Designation] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    ref: str | None = None  # stable dictionary id where the actor is known
    organisation: str | None = None  # e.g. "United Nations" for a UN envoy
    evidence: Evidence | None = None  # how the actor was resolved (rule, entry, confidence)


@dataclass
class Place:
    """A location resolved to a gazetteer entry."""

    id: str
    name: str
    country: str | None = None  # ISO3
    lat: float | None = None
    lon: float | None = None
    gazetteer_id: str | None = None  # e.g. "geonames:1651944" or "country:LAO"
    feature_class: str | None = None  # "country", "city", "admin1", "region", ...
    admin1: str | None = None
    mentions: list[Span] = field(default_factory=list)


@dataclass
class TimeExpr:
    """A time expression normalized against the publication date."""

    id: str
    text: str
    # "2016-07-22", "2015-09", "2016-07-25/2016-07-27"; for a duration its ISO 8601
    # length ("P5Y", resolved=False); None when unresolved
    value: str | None
    start: str | None  # first day covered, ISO date
    end: str | None  # last day covered (inclusive), ISO date
    granularity: str | None  # "day", "week", "month", "year", "decade", "interval", ...
    span: Span = (0, 0)
    resolved: bool = True


@dataclass
class EventDate:
    """When an event happened, as precise as the text allows."""

    start: str | None = None
    end: str | None = None
    text: str | None = None
    # "text": from a time expression governing the event; "published": the
    # publication date stands in (reported on, not happened on); None: unknown.
    basis: str | None = None
    time: str | None = None  # id of the TimeExpr used, if any


@dataclass
class Event:
    """Who did what to whom, when and where."""

    id: str
    type: str  # PLOVER type, e.g. "CONSULT"
    mode: str | None
    cameo: str | None
    goldstein: float | None
    source: str | None  # actor id
    target: str | None  # actor id
    modality: str  # one of MODALITIES
    date: EventDate = field(default_factory=EventDate)
    place: str | None = None  # place id
    trigger: str = ""
    span: Span = (0, 0)  # the sentence (or clause) the event was read from
    trigger_span: Span = (0, 0)
    confidence: float = 0.5
    reported_by: str | None = None  # actor id of whoever reported it
    quote: str | None = None  # quote id if the event is expressed inside a quote
    # Trigger spans of every mention of this same event in the article (merged).
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Quote:
    """Something someone said, attributed to a speaker."""

    id: str
    speaker: str | None  # actor id
    kind: str  # "direct" | "indirect"
    text: str
    cue: str | None = None
    span: Span = (0, 0)  # the quoted content
    cue_span: Span | None = None
    speaker_span: Span | None = None
    addressee: str | None = None
    flags: list[str] = field(default_factory=list)  # e.g. "unbalanced", "capped"
    # When and where it was said: the value of the time expression governing
    # the cue ("2016-07-22", "2016-07-25/2016-07-27"), the place id of the cue's
    # locative phrase; None when the text does not say.
    date: str | None = None
    place: str | None = None


@dataclass
class Record:
    """Everything Dateline found in one article."""

    article: Article
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    schema: str = SCHEMA

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready ``dateline/1`` object (tuples become lists)."""
        d = _plain(asdict(self))
        return {
            "schema": d["schema"],
            "article": d["article"],
            "actors": d["actors"],
            "places": d["places"],
            "times": d["times"],
            "events": d["events"],
            "quotes": d["quotes"],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Record":
        """Read a ``dateline/1`` object back into a ``Record``."""
        art = dict(d["article"])
        art["removed"] = [Removal(**r) for r in art.get("removed", [])]
        art["marks"] = [Mark(kind=m["kind"], span=tuple(m["span"])) for m in art.get("marks", [])]
        actors = []
        for a in d.get("actors", []):
            a = dict(a)
            a["designations"] = [Designation(**x) for x in a.get("designations", [])]
            a["mentions"] = [tuple(m) for m in a.get("mentions", [])]
            if a.get("evidence") is not None:
                a["evidence"] = _build(Evidence, a["evidence"])
            actors.append(_build(Actor, a))
        places = []
        for p in d.get("places", []):
            p = dict(p)
            p["mentions"] = [tuple(m) for m in p.get("mentions", [])]
            places.append(_build(Place, p))
        times = []
        for t in d.get("times", []):
            t = dict(t)
            t["span"] = tuple(t["span"])
            times.append(_build(TimeExpr, t))
        events = []
        for e in d.get("events", []):
            e = dict(e)
            e["date"] = _build(EventDate, e.get("date") or {})
            e["span"] = tuple(e["span"])
            e["trigger_span"] = tuple(e.get("trigger_span") or (0, 0))
            e["mentions"] = [tuple(m) for m in e.get("mentions", [])]
            events.append(_build(Event, e))
        quotes = []
        for q in d.get("quotes", []):
            q = dict(q)
            q["span"] = tuple(q["span"])
            for k in ("cue_span", "speaker_span"):
                if q.get(k) is not None:
                    q[k] = tuple(q[k])
            quotes.append(_build(Quote, q))
        return cls(
            article=_build(Article, art),
            actors=actors,
            places=places,
            times=times,
            events=events,
            quotes=quotes,
            schema=d.get("schema", SCHEMA),
        )

    # Small conveniences for users and tests.
    def actor(self, actor_id: str | None) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def place(self, place_id: str | None) -> Place | None:
        return next((p for p in self.places if p.id == place_id), None)


@dataclass
class Rejection:
    """An input that was not turned into a record, with a stable code and reason."""

    origin: str
    code: str
    reason: str
    article_id: str | None = None


def _build(cls, d: dict[str, Any]):
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in d.items() if k in names})


def _plain(x: Any) -> Any:
    if isinstance(x, dict):
        return {k: _plain(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_plain(v) for v in x]
    return x
