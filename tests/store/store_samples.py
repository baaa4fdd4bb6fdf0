"""Hand-built records for the store tests: short synthetic text, spans that slice it."""

from __future__ import annotations

from dateline.model import (
    Actor,
    Article,
    Designation,
    Event,
    EventDate,
    Place,
    Quote,
    Record,
    Removal,
    TimeExpr,
)

# (name, code, country, sector, kind)
KERRY = ("John Kerry", "USAGOV", "USA", "GOV", "person")
LAVROV = ("Sergei Lavrov", "RUSGOV", "RUS", "GOV", "person")
RUS_MIL = ("Russian forces", "RUSMIL", "RUS", "MIL", "military")
SYR_REB = ("Syrian rebels", "SYRREB", "SYR", "REB", "armed_group")
BAN = ("Ban Ki-moon", "IGOUNO", None, "IGO", "person")


def _spans(text: str, needle: str) -> list[tuple[int, int]]:
    out, i = [], text.find(needle)
    while i >= 0:
        out.append((i, i + len(needle)))
        i = text.find(needle, i + 1)
    return out


def make_record(
    article_id: str,
    *,
    published: str | None = "2016-07-25",
    source: tuple = KERRY,
    target: tuple = LAVROV,
    verb: str = "met",
    event_type: str = "CONSULT",
    cameo: str | None = "040",
    goldstein: float | None = 1.0,
    place: tuple = ("Vientiane", "LAO", 17.96667, 102.6, "geonames:1651944"),
    quote: str = "We made progress",
    n_events: int = 1,
) -> Record:
    """A record of ``n_events`` events of ``source`` → ``target`` and one quote by ``source``.

    Every event's span is its own sentence; mentions, times and the quote slice
    the text exactly.
    """
    pname = place[0]
    sentences = [f"{source[0]} {verb} {target[0]} in {pname} on Monday." for _ in range(n_events)]
    body = " ".join(sentences) + f' "{quote}," {source[0]} said.'
    title = f"{source[0]} {verb} {target[0]}"
    text = body
    actors = []
    for i, (name, code, country, sector, kind) in enumerate((source, target), start=1):
        actors.append(Actor(
            id=f"A{i}", name=name, code=code, country=country, sector=sector,
            role="Secretary of State" if name == KERRY[0] else None, kind=kind,
            designations=[Designation("UNSC", "QDi.1", "2001-10-06")] if sector == "REB" else [],
            mentions=_spans(text, name),
        ))
    places = [Place("P1", pname, place[1], place[2], place[3], place[4], "city",
                    mentions=_spans(text, pname))]
    mon = _spans(text, "Monday")
    times = [TimeExpr(f"T{i + 1}", "Monday", published, published, published, "day", span)
             for i, span in enumerate(mon)]
    events, pos = [], 0
    for i, sent in enumerate(sentences):
        start = text.index(sent, pos)
        end = start + len(sent)
        pos = end
        trig = text.index(verb, start)
        events.append(Event(
            id=f"E{i + 1}", type=event_type, mode=None, cameo=cameo, goldstein=goldstein,
            source="A1", target="A2", modality="asserted",
            date=EventDate(published, published, "Monday", "text", f"T{i + 1}"),
            place="P1", trigger=verb, span=(start, end), trigger_span=(trig, trig + len(verb)),
            confidence=0.75,
        ))
    qstart = text.index(quote)
    said = text.rindex("said")
    quotes = [Quote("Q1", "A1", "direct", quote, "said", (qstart, qstart + len(quote)),
                    cue_span=(said, said + 4), speaker_span=_spans(text, source[0])[-1])]
    article = Article(id=article_id, text=text, title=title, source="Synthetic Wire",
                      url=f"https://example.org/{article_id}", published=published,
                      language="en", removed=[Removal("boilerplate", "Share this story")],
                      published_from="given", origin=f"test:{article_id}")
    return Record(article=article, actors=actors, places=places, times=times,
                  events=events, quotes=quotes)
