"""The seed article, end to end: the acceptance of the end-to-end issue, plus a golden file.

The golden file keeps the facts (codes, ids, offsets, dates) but not the
article's text, which is not ours to commit.  Regenerate it with
``pytest tests/test_seed_golden.py --update-golden`` and review the diff.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden" / "seed.facts.json"


def actor(record, name):
    hits = [a for a in record.actors if a.name == name]
    assert hits, f"no actor named {name!r}; actors: {[a.name for a in record.actors]}"
    return hits[0]


def mention_texts(record, a):
    return [record.article.text[s:e] for s, e in a.mentions]


def test_seed_record_validates_against_schema(seed_record, validate):
    validate(seed_record.to_dict())


def test_seed_record_round_trips_through_dict(seed_record):
    from dateline.model import Record

    d = seed_record.to_dict()
    assert Record.from_dict(json.loads(json.dumps(d))).to_dict() == d


def test_seed_boilerplate_removed_and_caption_marked(seed_record):
    art = seed_record.article
    assert art.title == "Kerry says will meet Lavrov on Syria"
    captions = [art.text[m.span[0]:m.span[1]] for m in art.marks if m.kind == "caption"]
    assert len(captions) == 1 and captions[0].endswith("(AFP Photo)")
    gone = " ".join(r.text for r in art.removed)
    for junk in ("alternate addresses", "www.presstv.co.uk", "SHARE THIS ARTICLE", "Press TV News Roku"):
        assert junk in gone
        assert junk not in art.text
    assert art.text.startswith(captions[0])
    assert "\n\nUS Secretary of State John Kerry says he will meet" in art.text
    assert art.text.rstrip().endswith("have been killed in the conflict.")


def test_seed_actors(seed_record):
    kerry = actor(seed_record, "John Kerry")
    assert (kerry.country, kerry.sector, kerry.role) == ("USA", "GOV", "Secretary of State")
    lavrov = actor(seed_record, "Sergei Lavrov")
    assert (lavrov.country, lavrov.sector, lavrov.role) == ("RUS", "GOV", "Foreign Minister")
    obama = actor(seed_record, "Barack Obama")
    assert (obama.country, obama.sector) == ("USA", "GOV")
    mistura = actor(seed_record, "Staffan de Mistura")
    assert mistura.sector == "IGO" and mistura.organisation == "United Nations"
    isis = actor(seed_record, "Islamic State")
    assert "Daesh" in mention_texts(seed_record, isis) and isis.kind == "armed_group"
    nusra = [a for a in seed_record.actors if "Nusra" in a.name]
    assert nusra and nusra[0].sector in ("REB", "INS")
    syr = [a for a in seed_record.actors if a.country == "SYR" and a.sector == "GOV"]
    assert syr and any("Damascus" in t for t in mention_texts(seed_record, syr[0]))
    assert "his Russian counterpart" in " ".join(mention_texts(seed_record, lavrov))


def test_seed_places(seed_record):
    by_name = {p.name: p for p in seed_record.places}
    vientiane = by_name["Vientiane"]
    assert vientiane.country == "LAO"
    assert abs(vientiane.lat - 17.97) < 0.2 and abs(vientiane.lon - 102.60) < 0.2
    assert by_name["Vienna"].country == "AUT"
    assert by_name["Moscow"].country == "RUS"
    for name, iso in (("Syria", "SYR"), ("Laos", "LAO"), ("Austria", "AUT")):
        assert by_name[name].country == iso
    text = seed_record.article.text
    damascus = text.index("Damascus government")
    for p in seed_record.places:
        assert all(not (s <= damascus < e) for s, e in p.mentions), "Damascus government is an actor, not a place"


def test_seed_times(seed_record):
    values = {t.text: t for t in seed_record.times}

    def value_of(fragment):
        hits = [t for t in seed_record.times if fragment in t.text]
        assert hits, f"no time expression with {fragment!r}: {list(values)}"
        return hits[0]

    assert value_of("early next week").value == "2016-07-25/2016-07-27"
    assert value_of("Friday").value == "2016-07-22"
    assert value_of("July 15, 2016").value == "2016-07-15"
    assert value_of("last September").value == "2015-09"
    late_feb = value_of("late February")
    assert late_feb.start.startswith("2016-02-") and late_feb.end.startswith("2016-02-")
    assert int(late_feb.start[-2:]) >= 15
    assert value_of("last week").start == "2016-07-11"


def test_seed_events(seed_record):
    rec = seed_record
    kerry = actor(rec, "John Kerry")
    lavrov = actor(rec, "Sergei Lavrov")
    place = {p.id: p.name for p in rec.places}

    meet = [e for e in rec.events if e.source == kerry.id and e.target == lavrov.id
            and e.modality == "intended" and (e.type == "CONSULT" or e.cameo == "036")]
    assert meet, "Kerry -> Lavrov intention to meet"
    assert any((e.date.start, e.date.end) == ("2016-07-25", "2016-07-27") and place.get(e.place) == "Vientiane"
               for e in meet), [(e.date, e.place) for e in meet]

    usa = {a.id for a in rec.actors if a.country == "USA"}
    rus = {a.id for a in rec.actors if a.country == "RUS"}
    consult = [e for e in rec.events if e.type == "CONSULT" and {e.source, e.target} & usa and {e.source, e.target} & rus
               and e.date.start == "2016-07-11" and place.get(e.place) == "Moscow"]
    assert consult, "a CONSULT between USA and RUS in Moscow in the week of 2016-07-11"

    isis = actor(rec, "Islamic State")
    assault = [e for e in rec.events if e.type == "ASSAULT" and e.source in rus and e.target == isis.id]
    assert assault and assault[0].cameo == "195" and assault[0].date.start == "2015-09-01"


def test_seed_quotes_all_attributed_to_kerry(seed_record):
    kerry = actor(seed_record, "John Kerry")
    direct = [q for q in seed_record.quotes if q.kind == "direct"]
    starts = ["I think our next meeting", "the president of the United States has authorized",
              "It is the president", "We’re going to test this very carefully"]
    for s in starts:
        hits = [q for q in direct if q.text.startswith(s)]
        assert hits, f"no direct quote starting {s!r}"
        assert hits[0].speaker == kerry.id


def facts(record) -> dict:
    """The record without the article's words: what the golden file keeps."""
    d = record.to_dict()
    text = d["article"].pop("text")
    d["article"]["text_sha256"] = hashlib.sha256(text.encode()).hexdigest()
    d["article"]["removed"] = [{"kind": r["kind"], "chars": len(r["text"])} for r in d["article"]["removed"]]
    for q in d["quotes"]:
        q["text"] = hashlib.sha256(q["text"].encode()).hexdigest()[:16]
    return d


def test_seed_matches_golden_facts(seed_record, request):
    got = facts(seed_record)
    if request.config.getoption("--update-golden"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n")
        pytest.skip("golden file rewritten; review the diff")
    if not GOLDEN.exists():
        pytest.fail(f"{GOLDEN} missing: run pytest --update-golden once and commit it")
    assert got == json.loads(GOLDEN.read_text())
