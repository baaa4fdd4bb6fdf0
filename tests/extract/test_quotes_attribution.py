"""Quote attribution beyond the basics: organisations and titles as speakers,
mixed quotes, colon introductions, date and place of a statement, quotes that
express events, the CLI query by speaker, and the PolNeAR suite."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from shared_data import SHARED, need_shared
from dateline.extract.quotes import extract_quotes
from dateline.model import Actor


def spans(text: str, pattern: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def quotes_of(nlp, text: str, actors=(), **kw):
    quotes = extract_quotes(nlp(text), list(actors), **kw)
    for q in quotes:
        assert q.text == text[q.span[0] : q.span[1]]
    return quotes


def resolved(nlp, text: str, published: str = "2016-07-22"):
    from dateline.resolve.actors import resolve_actors

    doc = nlp(text)
    actors = resolve_actors(doc, published)
    return doc, actors, extract_quotes(doc, actors)


# ---------------------------------------------------------------- organisations and titles


def test_the_ministry_is_the_ministry_named_before(nlp):
    text = ("Russia's foreign ministry summoned the ambassador on Monday. "
            "In a statement, the ministry said the strikes violated international law.")
    fm = Actor(id="a1", name="Russian Foreign Ministry", kind="government",
               mentions=spans(text, r"Russia's foreign ministry"))
    (q,) = quotes_of(nlp, text, [fm])
    assert q.kind == "indirect" and q.text == "the strikes violated international law"
    assert q.speaker == "a1" and "fallback_speaker" in q.flags
    assert text[slice(*q.speaker_span)] == "the ministry"


def test_the_ministry_without_a_named_ministry_stays_unknown(nlp):
    text = ("Kerry met Lavrov on Monday. "
            "In a statement, the ministry said the strikes violated international law.")
    kerry = Actor(id="a1", name="John Kerry", kind="person", mentions=spans(text, r"Kerry"))
    (q,) = quotes_of(nlp, text, [kerry])
    assert q.speaker is None  # never a person for an organisation noun


def test_spokesman_for_an_organisation_speaks_for_it_with_the_real_resolver(nlp):
    text = '"We have no plans to send more troops," a spokesman for the Pentagon said on Monday.'
    _, actors, quotes = resolved(nlp, text)
    (q,) = quotes
    speaker = next(a for a in actors if a.id == q.speaker)
    assert speaker.kind in ("military", "government") and speaker.country == "USA"
    assert text[slice(*q.speaker_span)] == "a spokesman for the Pentagon"


def test_title_with_a_named_apposition_is_that_person(nlp):
    text = '"The strikes must stop," said a Foreign Ministry spokeswoman, Maria Zakharova.'
    zakharova = Actor(id="a1", name="Maria Zakharova", kind="person", mentions=spans(text, r"Maria Zakharova"))
    (q,) = quotes_of(nlp, text, [zakharova])
    assert q.speaker == "a1" and q.cue == "said"


# ---------------------------------------------------------------- shapes of attribution


def test_mixed_quote_gives_the_clause_and_the_quoted_words(nlp):
    text = "He said the plan was “a disaster for the country” and would fail."
    he = Actor(id="a1", name="Jones", kind="person", mentions=spans(text, r"\bHe\b"))
    quotes = quotes_of(nlp, text, [he])
    mixed = [q for q in quotes if q.kind == "indirect"]
    direct = [q for q in quotes if q.kind == "direct"]
    assert [q.text for q in mixed] == ["the plan was “a disaster for the country” and would fail"]
    assert "mixed" in mixed[0].flags
    assert [q.text for q in direct] == ["a disaster for the country"]
    assert all(q.speaker == "a1" and q.cue == "said" for q in quotes)


def test_fully_quoted_complement_is_not_also_indirect(nlp):
    text = "Trump said, “We will win the election.”"
    quotes = quotes_of(nlp, text)
    assert [q.kind for q in quotes] == ["direct"]


def test_cue_ending_the_previous_paragraph_with_a_colon(nlp):
    text = "Trump answered the question.\n\nHe said:\n\n\"We have a situation in our inner cities.\""
    he = Actor(id="a1", name="Donald Trump", kind="person", mentions=spans(text, r"Trump|\bHe\b"))
    (q,) = quotes_of(nlp, text, [he])
    assert q.cue == "said" and q.speaker == "a1"


def test_sentence_initial_said_name_colon(nlp):
    text = "Said Ellis: “I don’t get the sense she is the least bit interested in tax reform.”"
    (q,) = quotes_of(nlp, text)
    assert q.cue == "Said" and text[slice(*q.speaker_span)] == "Ellis"


def test_dash_stuck_to_the_closing_mark_signs_the_quote(nlp):
    text = "“He is ignorant of our culture and of our lives.”― Pamela Padilla\n“Next one.”"
    padilla = Actor(id="a1", name="Pamela Padilla", kind="person", mentions=spans(text, r"Pamela Padilla"))
    q = quotes_of(nlp, text, [padilla])[0]
    assert q.speaker == "a1" and q.cue == "―"


def test_quoted_titles_are_not_quotes(nlp):
    text = "Flynn appeared on Fox News’s “Fox and Friends” and read from “How to Foster Long-Term Investment” twice."
    assert quotes_of(nlp, text) == []


def test_mid_sentence_fragment_after_another_sentence_does_not_inherit(nlp):
    text = ("“You winning?” she said, and Kevin slept. Trump went on about “how the system is rigged,” "
            "and the crowd cheered.")
    quotes = quotes_of(nlp, text)
    rigged = next(q for q in quotes if q.text.startswith("how the system"))
    assert "inherited" not in rigged.flags and rigged.cue is None


def test_fragment_in_the_same_sentence_inherits(nlp):
    text = "He is claiming that fraud is “a big, big problem in this country” but “nobody has the guts to talk about it.”"
    he = Actor(id="a1", name="Donald Trump", kind="person", mentions=spans(text, r"\bHe\b"))
    direct = [q for q in quotes_of(nlp, text, [he]) if q.kind == "direct"]
    assert [q.speaker for q in direct] == ["a1", "a1"]


# ---------------------------------------------------------------- date and place of the statement


def test_date_and_place_of_the_statement_come_from_the_cue_clause(nlp):
    from dateline.resolve.places import resolve_places
    from dateline.resolve.times import resolve_times

    text = ("US Secretary of State John Kerry arrived in Austria.\n\n"
            "\"We will meet next week,\" Kerry told reporters in Vienna on Friday.")
    doc = nlp(text)
    times, places = resolve_times(doc, "2016-07-22"), resolve_places(doc)
    (q,) = [q for q in extract_quotes(doc, [], places=places, times=times) if q.kind == "direct"]
    assert q.addressee == "reporters"
    assert q.date == "2016-07-22"  # the Friday on or before publication
    assert next(p for p in places if p.id == q.place).name == "Vienna"


def test_statement_without_date_or_place_says_none(nlp):
    from dateline.resolve.places import resolve_places
    from dateline.resolve.times import resolve_times

    text = '"We will not give up," the senator said.'
    doc = nlp(text)
    (q,) = extract_quotes(doc, [], places=resolve_places(doc), times=resolve_times(doc, "2016-07-22"))
    assert q.date is None and q.place is None


# ---------------------------------------------------------------- quotes inside events (whole pipeline)

ARTICLE = (
    "Kerry and Lavrov hold talks in Vienna\n\n"
    "VIENNA - US Secretary of State John Kerry met Russian Foreign Minister Sergei Lavrov in Vienna "
    "on Thursday to discuss the war in Syria.\n\n"
    "\"Russia will meet the United States again next week,\" the minister said.\n\n"
    "Kerry told reporters in Vienna on Friday that the two sides had made progress."
)


def test_event_expressed_in_a_quote_links_to_it_and_is_reported_by_the_speaker(validate):
    import dateline

    rec = dateline.process(ARTICLE, published="2016-07-22")
    validate(rec.to_dict())
    lavrov = next(a for a in rec.actors if a.name == "Sergei Lavrov")
    (q,) = [q for q in rec.quotes if q.kind == "direct"]
    assert q.speaker == lavrov.id
    (meet,) = [e for e in rec.events if e.quote == q.id]
    assert meet.type == "CONSULT" and meet.trigger == "meet"
    assert meet.reported_by == lavrov.id and meet.modality == "intended"
    assert meet.date.start == "2016-07-25"  # next week
    told = next(q for q in rec.quotes if q.cue == "told")
    kerry = next(a for a in rec.actors if a.name == "John Kerry")
    assert told.kind == "indirect" and told.speaker == kerry.id and told.addressee == "reporters"
    assert told.date == "2016-07-22" and rec.place(told.place).name == "Vienna"


def test_cli_quotes_finds_quotes_by_speaker(tmp_path):
    src = tmp_path / "vienna.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "q.duckdb"
    exe = [sys.executable, "-m", "dateline.cli.main"]
    run = subprocess.run([*exe, "run", str(src), "--db", str(db), "--published", "2016-07-22"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    out = subprocess.run([*exe, "quotes", "--speaker", "lavrov", "--db", str(db), "--format", "jsonl"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    assert rows and all(r["speaker_name"] == "Sergei Lavrov" for r in rows)
    assert any(r["text"].startswith("Russia will meet the United States") for r in rows)
    kerry = subprocess.run([*exe, "quotes", "--speaker", "Kerry", "--db", str(db), "--format", "jsonl"],
                           capture_output=True, text=True)
    krows = [json.loads(line) for line in kerry.stdout.splitlines() if line.strip()]
    assert krows and all(r["speaker_name"] == "John Kerry" for r in krows)
    assert not any(r["text"].startswith("Russia will meet") for r in krows)


# ---------------------------------------------------------------- the PolNeAR suite


def test_polnear_gold_reader_and_quotedness(tmp_path):
    from dateline.evaluate.suite_polnear import quoted_tokens, read_ann

    text = 'Title\nTrump said the vote is "rigged." He added: ``We will win.\'\''
    ann = tmp_path / "x.ann"
    s1, e1 = text.index("the vote"), text.index('."') + 2
    s2, e2 = text.index("``"), len(text)
    ann.write_text(
        f"T1\tSource 6 11\tTrump\nT2\tCue 12 16\tsaid\nT3\tContent {s1} {e1}\tx\n"
        f"T4\tAttribution 12 16\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
        f"T5\tContent {s2} {e2}\ty\nT6\tCue 44 49\tadded\nE2\tAttribution:T6 Content:T5 Cue:T6\n",
        encoding="utf-8")
    gold = read_ann(ann, text)
    assert [g.direct for g in gold] == [False, True]  # a mixed quote with one quoted word is indirect
    assert gold[1].source == []
    q = quoted_tokens(text)
    assert text.index("rigged") in q and text.index("vote") not in q and text.index("win") in q


def test_polnear_suite_reports_the_issue_metrics():
    need_shared(SHARED / "data" / "polnear" / "dev")
    from dateline.evaluate import run_suite

    result = run_suite("polnear-dev", shared=SHARED, limit=3)
    for key in ("direct_content_f1", "direct_speaker_accuracy", "indirect_content_f1",
                "indirect_speaker_accuracy", "content_exact_f1"):
        assert 0.0 <= result[key] <= 1.0
    assert result["articles"] == 3 and result["gold_direct"] > 0
    assert result["details"]["split"] == "dev"
