"""The JSON Schema of the ``dateline/1`` record, and a validator for it."""

from __future__ import annotations

import functools
import json
from importlib import resources


@functools.lru_cache(maxsize=1)
def record_schema() -> dict:
    """The JSON Schema (draft 2020-12) of a ``dateline/1`` record."""
    text = resources.files("dateline.schema").joinpath("dateline-1.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def validate_record(obj: dict) -> None:
    """Raise ``jsonschema.ValidationError`` unless obj is a valid dateline/1 record,
    and ``ValueError`` unless every span slices back inside ``article.text``
    and every id it refers to exists."""
    import jsonschema

    jsonschema.validate(obj, record_schema(), cls=jsonschema.Draft202012Validator)
    n = len(obj["article"]["text"])

    def check(span, what):
        s, e = span
        if not (0 <= s <= e <= n):
            raise ValueError(f"{what}: span {span} outside text of length {n}")

    for kind in ("actors", "places"):
        for x in obj[kind]:
            for m in x["mentions"]:
                check(m, f"{kind} {x['id']}")
    for t in obj["times"]:
        check(t["span"], f"time {t['id']}")
    for q in obj["quotes"]:
        check(q["span"], f"quote {q['id']}")
    for ev in obj["events"]:
        check(ev["span"], f"event {ev['id']}")
    ids = {a["id"] for a in obj["actors"]}
    places = {p["id"] for p in obj["places"]}
    for ev in obj["events"]:
        for ref in ("source", "target", "reported_by"):
            if ev.get(ref) is not None and ev[ref] not in ids:
                raise ValueError(f"event {ev['id']}: {ref} {ev[ref]!r} is not an actor id")
        if ev["place"] is not None and ev["place"] not in places:
            raise ValueError(f"event {ev['id']}: place {ev['place']!r} is not a place id")
    for q in obj["quotes"]:
        if q["speaker"] is not None and q["speaker"] not in ids:
            raise ValueError(f"quote {q['id']}: speaker {q['speaker']!r} is not an actor id")
