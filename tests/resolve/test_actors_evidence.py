"""Every actor records how it was resolved: method, rule, data-file entry, confidence."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from dateline.model import Evidence, Record
from dateline.resolve import actors_evidence as EV
from dateline.resolve.actors import resolve_actors
from dateline.store import Store

SRC = Path(__file__).resolve().parents[2] / "src" / "dateline" / "resolve"
CODES = Path(__file__).resolve().parents[2] / "docs" / "codes.md"


def _actors(nlp, text, date="2016-07-22"):
    acts = resolve_actors(nlp(text), date)
    return {text[s:e]: a for a in acts for s, e in a.mentions}


def test_every_rule_has_a_known_method_and_a_confidence_in_unit_range():
    table = EV.rules()
    assert len(table) >= 20
    for r in table.values():
        assert r.method in EV.METHODS and 0.0 <= r.confidence <= 1.0 and r.description


def test_every_rule_used_in_the_code_is_in_the_table_and_documented():
    """A rule id assigned as ``via`` in the resolver must be listed and documented
    (a rule passed straight to ``ctx.add`` and missing from the table makes
    ``evidence_for`` raise KeyError in every test that resolves it)."""
    used = set()
    for path in SRC.glob("actors*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r'via\s*=\s*"([a-z_]+)"', text))
    assert len(used) >= 8, used
    assert used <= set(EV.rules()), used - set(EV.rules())
    codes = CODES.read_text(encoding="utf-8")
    for rule in EV.rules():
        assert f"`{rule}`" in codes, f"{rule} is not documented in docs/codes.md"
    for method in EV.METHODS:
        assert f"`{method}`" in codes


def test_dictionary_person_with_title_is_traced_to_its_roles_row(nlp):
    a = _actors(nlp, "US Secretary of State John Kerry toured a refugee camp in Jordan.")
    ev = a["US Secretary of State John Kerry"].evidence
    assert (ev.method, ev.rule, ev.entry) == ("dictionary", "titled_dictionary", "roles:kerry_john")
    assert ev.confidence == EV.rules()["titled_dictionary"].confidence


def test_role_description_resolved_on_the_date_says_so(nlp):
    a = _actors(nlp, "The Secretary of State arrived in Geneva on Friday.")["Secretary of State"]
    assert a.ref == "kerry_john"
    assert (a.evidence.method, a.evidence.rule) == ("role", "role_on_date")
    assert a.evidence.entry == "roles:kerry_john"


def test_pronoun_and_surname_mentions_are_marked_as_coreference(nlp):
    text = "Russian Foreign Minister Sergei Lavrov arrived on Monday. Lavrov said he would stay."
    acts = resolve_actors(nlp(text), "2016-07-22")
    lav = next(a for a in acts if a.ref == "lavrov_sergei")
    rules = dict(zip((text[s:e] for s, e in lav.mentions), lav.evidence.mentions))
    assert rules["Russian Foreign Minister Sergei Lavrov"] == "titled_dictionary"
    assert rules["Lavrov"] == "surname_coref"
    assert rules["he"] == "pronoun"
    assert EV.rules()["pronoun"].method == "coreference"
    # the actor as a whole keeps its strongest evidence
    assert lav.evidence.rule == "titled_dictionary"


def test_grammar_rules_name_the_data_row(nlp):
    a = _actors(nlp, "Russian troops shelled the town while Syria protested.")
    troops = a["Russian troops"].evidence
    assert (troops.method, troops.rule, troops.entry) == ("grammar", "sector_phrase", "sectors:troops")
    syria = a["Syria"].evidence
    assert (syria.rule, syria.entry) == ("country_name", "countries:SYR")


def test_group_alias_is_a_dictionary_resolution(nlp):
    ev = _actors(nlp, "Daesh fighters attacked the village.")["Daesh fighters"].evidence
    assert ev.method == "dictionary" and ev.rule == "group_alias" and ev.entry.startswith("groups:")


def test_unknown_person_is_unresolved_with_low_confidence(nlp):
    a = _actors(nlp, "Zorblat Vanek said the talks had failed.")["Zorblat Vanek"]
    assert a.country is None and a.code is None
    assert a.evidence.method == "unresolved" and a.evidence.rule == "person_entity"
    assert a.evidence.confidence <= 0.5


def test_fallback_country_is_the_weakest_evidence(nlp):
    a = _actors(nlp, "President Zorblat Vanek ordered troops into Oran after unrest spread through Algeria.",
                "2005-06-01")["President Zorblat Vanek"]
    assert a.country == "DZA"
    assert (a.evidence.method, a.evidence.rule) == ("fallback", "fallback_country")
    assert a.evidence.confidence == min(r.confidence for r in EV.rules().values())


def test_evidence_has_one_rule_per_mention_for_every_actor(seed_record):
    assert seed_record.actors
    for a in seed_record.actors:
        assert a.evidence is not None
        assert len(a.evidence.mentions) == len(a.mentions)
        assert a.evidence.rule in a.evidence.mentions


def test_evidence_round_trips_through_json_and_duckdb(seed_record, tmp_path):
    d = seed_record.to_dict()
    assert Record.from_dict(d) == seed_record
    assert isinstance(Record.from_dict(d).actors[0].evidence, Evidence)
    with Store(tmp_path / "x.duckdb") as db:
        db.add(seed_record)
        rows = db.query("SELECT id, evidence_method, evidence_rule, evidence_entry, confidence, mention_rules"
                        " FROM actors ORDER BY id")
        assert db.get_record(seed_record.article.id) == seed_record
    by_id = {r["id"]: r for r in rows}
    for a in seed_record.actors:
        r = by_id[a.id]
        assert (r["evidence_method"], r["evidence_rule"], r["evidence_entry"]) == (
            a.evidence.method, a.evidence.rule, a.evidence.entry)
        assert r["confidence"] == pytest.approx(a.evidence.confidence)
        assert r["mention_rules"] == a.evidence.mentions


def test_a_record_without_evidence_still_reads():
    d = {"schema": "dateline/1", "article": {"id": "0" * 16, "text": "x"},
         "actors": [{"id": "a1", "name": "X", "mentions": [[0, 1]]}]}
    assert Record.from_dict(d).actors[0].evidence is None


def test_a_store_written_before_evidence_gets_the_new_columns(tmp_path, seed_record):
    path = tmp_path / "old.duckdb"
    with Store(path) as db:  # make a store, then drop the new columns as an older Dateline wrote it
        pass
    con = duckdb.connect(str(path))
    for col in ("evidence_method", "evidence_rule", "evidence_entry", "confidence", "mention_rules"):
        con.execute(f"ALTER TABLE actors DROP COLUMN {col}")
    con.close()
    with Store(path, read_only=True) as db:  # read-only: not altered, still opens
        assert db.counts()["actors"] == 0
    with Store(path) as db:  # writable: the columns are added and filled for new rows
        db.add(seed_record)
        n = db.query("SELECT count(*) AS n FROM actors WHERE evidence_rule IS NOT NULL")[0]["n"]
    assert n == len(seed_record.actors)


# --- countries written as places that take part, and nationality plurals -----

@pytest.mark.parametrize("text, mention, code", [
    ("The Syrian prime minister travelled to Amman for a two-day visit.", "Amman", "JORGOV"),
    ("The minister visited Amman on Monday.", "Amman", "JORGOV"),
    ("South Korea will deliver rice and medicine to Liberia in March.", "Liberia", "LBR"),
    ("The premier turned down a new proposal from Afghanistan for a prisoner swap.", "Afghanistan", "AFG"),
    ("Two Dutch aid workers were detained in Lebanon last week.", "Lebanon", "LBN"),
])
def test_country_or_capital_taking_part_is_an_actor(nlp, text, mention, code):
    a = _actors(nlp, text, "2000-01-01")[mention]
    assert a.code == code and a.evidence.rule == "country_participant"


@pytest.mark.parametrize("text, mention", [
    ("The summit was held in Amman on Monday.", "Amman"),
    ("He returned from Moscow on Friday.", "Moscow"),
    ("Rebels clashed with troops near the border, according to Syria.", None),
])
def test_places_that_take_no_part_stay_places(nlp, text, mention):
    acts = _actors(nlp, text, "2000-01-01")
    if mention:
        assert mention not in acts


def test_counted_nationality_plural_is_civilians(nlp):
    a = _actors(nlp, "Inspectors checked on some 3,000 Libyans stranded in border camps.")["Libyans"]
    assert a.code == "LBYCVL" and a.evidence.rule == "nationals"


def test_bare_nationality_plural_as_subject_is_the_nation(nlp):
    a = _actors(nlp, "Palestinians accused Israel of cutting the water supply.")["Palestinians"]
    assert a.code == "PSE"


def test_conjoined_nationalities_each_get_their_forces(nlp):
    acts = resolve_actors(nlp("French and Belgian troops will guard the airport."), "2003-04-01")
    assert {"FRAMIL", "BELMIL"} <= {a.code for a in acts}


def test_dictionary_person_out_of_every_office_is_an_elite(nlp):
    # Carlos Menem left the Argentine presidency in December 1999
    a = _actors(nlp, "Carlos Menem criticised the new government.", "2001-06-01")["Carlos Menem"]
    assert a.country == "ARG" and a.sector == "ELI"
