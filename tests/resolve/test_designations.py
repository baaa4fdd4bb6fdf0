"""Designations: the UN Security Council Consolidated List loader and matcher.

The real list is read from ../shared/data/un-sc-consolidated-list at test time
(skipped when absent); malformed lists are short synthetic files.
"""

from __future__ import annotations

import json

import pytest
from shared_data import SHARED, need_shared

from dateline.cli.main import main
from dateline.config import Config
from dateline.errors import ConfigError
from dateline.model import Actor
from dateline.resolve.actors import resolve_actors
from dateline.resolve.designations import (
    DesignationList,
    apply_designations,
    load_designations,
    normalize_name,
)

UN_LIST = SHARED / "data" / "un-sc-consolidated-list" / "consolidated.xml"

SMALL = """<?xml version='1.0' encoding='UTF-8'?>
<CONSOLIDATED_LIST dateGenerated='2024-01-01T00:00:00Z'>
  <INDIVIDUALS>
    <INDIVIDUAL>
      <DATAID>1</DATAID>
      <FIRST_NAME>JOHN</FIRST_NAME>
      <SECOND_NAME>EXAMPLE</SECOND_NAME>
      <UN_LIST_TYPE>Testland</UN_LIST_TYPE>
      <REFERENCE_NUMBER>TEi.001</REFERENCE_NUMBER>
      <LISTED_ON>2010-05-05</LISTED_ON>
      <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Johnny Lee Example</ALIAS_NAME></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Jon Ex</ALIAS_NAME></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Big John</ALIAS_NAME></INDIVIDUAL_ALIAS>
    </INDIVIDUAL>
  </INDIVIDUALS>
  <ENTITIES>
    <ENTITY>
      <DATAID>2</DATAID>
      <FIRST_NAME>EXAMPLE FRONT (EXF)</FIRST_NAME>
      <UN_LIST_TYPE>Testland</UN_LIST_TYPE>
      <REFERENCE_NUMBER>TEe.001</REFERENCE_NUMBER>
      <LISTED_ON>2012-01-02</LISTED_ON>
      <ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>جبهة (the Sample Front; Jabhat al-Mithal)</ALIAS_NAME></ENTITY_ALIAS>
    </ENTITY>
  </ENTITIES>
</CONSOLIDATED_LIST>
"""


@pytest.fixture(scope="module")
def un_list():
    return load_designations(need_shared(UN_LIST))


def write(tmp_path, text, name="consolidated.xml"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


# --- loading the real list --------------------------------------------------------

def test_real_list_loads_every_individual_and_entity(un_list):
    kinds = [li.kind for li in un_list.listings]
    # counts stated in the list's SOURCE.md
    assert kinds.count("individual") == 682 and kinds.count("entity") == 193
    assert un_list.generated.startswith("2024-09-26")
    nusra = un_list.by_reference("QDe.137")
    assert nusra.kind == "entity" and nusra.regime == "Al-Qaida" and nusra.listed_on == "2014-05-14"


@pytest.mark.parametrize("name, ref", [
    ("al-Nusra Front", "QDe.137"),
    ("Jabhat al-Nusra", "QDe.137"),
    ("Jabhat Fateh al-Sham", "QDe.137"),
    ("Hay'at Tahrir al-Sham", "QDe.137"),
    ("HTS", "QDe.137"),
    ("Islamic State in Iraq and the Levant", "QDe.115"),
    ("Al-Qaida", "QDe.004"),
    ("al Qaeda", "QDe.004"),
    ("Al-Shabab", "SOe.001"),
])
def test_real_list_entity_names_and_packed_aliases_match(un_list, name, ref):
    assert [li.reference for li in un_list.match(name, "entity")] == [ref]


def test_real_list_individual_matches_full_name_not_single_words(un_list):
    assert [li.reference for li in un_list.match("Abu Mohammed al-Jawlani", "individual")] == ["QDi.317"]
    assert un_list.match("Jawlani", "individual") == []
    assert un_list.match("Abu Mohammed al-Jawlani", "entity") == []


def test_load_is_cached_per_file_version(un_list):
    assert load_designations(UN_LIST) is un_list


# --- matching actors ---------------------------------------------------------------

def test_resolved_group_and_person_get_designations(nlp, un_list):
    text = ("Fighters of Jabhat Fateh al-Sham attacked a checkpoint near Aleppo on Monday, "
            "and Abu Mohammed al-Jawlani said the group would fight on. "
            "US Secretary of State John Kerry condemned the attack.")
    actors = resolve_actors(nlp(text), "2016-08-15")
    apply_designations(actors, text, "2016-08-15", un_list)
    by_ref = {d.reference: a for a in actors for d in a.designations}
    assert "QDe.137" in by_ref and by_ref["QDe.137"].kind == "armed_group"
    assert "QDi.317" in by_ref and by_ref["QDi.317"].kind == "person"
    d = by_ref["QDe.137"].designations[0]
    assert (d.list, d.listed_on) == ("UN Security Council Consolidated List (Al-Qaida)", "2014-05-14")
    kerry = next(a for a in actors if a.name == "John Kerry")
    assert kerry.designations == []
    assert all(not a.designations for a in actors if a.kind in ("country", "government"))


def test_listing_after_the_article_date_is_not_applied(nlp, un_list):
    text = "Fighters of the al-Nusra Front attacked a checkpoint near Aleppo."
    before = resolve_actors(nlp(text), "2013-01-10")
    apply_designations(before, text, "2013-01-10", un_list)
    assert all(not a.designations for a in before)
    after = resolve_actors(nlp(text), "2014-06-01")
    apply_designations(after, text, "2014-06-01", un_list)
    assert any(d.reference == "QDe.137" for a in after for d in a.designations)


def test_apply_is_idempotent_and_skips_state_actors(tmp_path):
    dl = load_designations(write(tmp_path, SMALL))
    actors = [
        Actor(id="a1", name="Sample Front", kind="armed_group", sector="REB", code="REB"),
        Actor(id="a2", name="John Example", kind="person"),
        Actor(id="a3", name="Big John", kind="person"),
        Actor(id="a4", name="Example Front", kind="government", country="SYR", sector="GOV", code="SYRGOV"),
    ]
    apply_designations(actors, None, "2020-01-01", dl)
    apply_designations(actors, None, "2020-01-01", dl)
    assert [d.reference for d in actors[0].designations] == ["TEe.001"]
    assert [d.reference for d in actors[1].designations] == ["TEi.001"]
    assert actors[2].designations == []  # low-quality aliases never match
    assert actors[3].designations == []


def test_small_list_parses_names_acronyms_and_packed_aliases(tmp_path):
    dl = load_designations(write(tmp_path, SMALL))
    assert isinstance(dl, DesignationList) and len(dl) == 2
    for name in ("Example Front", "EXF", "the Sample Front", "Jabhat al-Mithal", "جبهة"):
        assert [li.reference for li in dl.match(name, "entity")] == ["TEe.001"], name
    assert [li.reference for li in dl.match("Johnny Lee Example", "individual")] == ["TEi.001"]
    assert dl.match("Jon Ex", "individual") == []  # a two-word alias is not enough
    assert normalize_name("Hay’at Tahrir AL-Sham") == normalize_name("Hayat Tahrir al Sham")


# --- bad input ---------------------------------------------------------------------

def test_truncated_list_names_file_and_line_and_loads_nothing(tmp_path):
    cut = SMALL[: SMALL.index("<ENTITIES>") + 40]
    p = write(tmp_path, cut, "truncated.xml")
    with pytest.raises(ConfigError) as e:
        load_designations(p)
    msg = str(e.value)
    assert e.value.code == "E204" and "truncated.xml" in msg and " line " in msg


def test_malformed_xml_names_the_line(tmp_path):
    bad = SMALL.replace("<LISTED_ON>2012-01-02</LISTED_ON>", "<LISTED_ON>2012-01-02</LISTED>")
    with pytest.raises(ConfigError) as e:
        load_designations(write(tmp_path, bad, "bad.xml"))
    line = bad.splitlines().index(next(x for x in bad.splitlines() if "</LISTED>" in x)) + 1
    assert f"bad.xml line {line}" in str(e.value)


@pytest.mark.parametrize("mutate, what", [
    (lambda s: s.replace("CONSOLIDATED_LIST", "SANCTIONS"), "root element"),
    (lambda s: s.replace("<REFERENCE_NUMBER>TEe.001</REFERENCE_NUMBER>", ""), "REFERENCE_NUMBER"),
    (lambda s: s.replace("2012-01-02", "02/01/2012"), "not a date"),
    (lambda s: s.split("<INDIVIDUALS>")[0] + "</CONSOLIDATED_LIST>", "no INDIVIDUAL or ENTITY"),
])
def test_wrong_structure_is_a_clear_error(tmp_path, mutate, what):
    with pytest.raises(ConfigError) as e:
        load_designations(write(tmp_path, mutate(SMALL), "odd.xml"))
    assert e.value.code == "E204" and what in str(e.value) and "odd.xml" in str(e.value)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(ConfigError, match=r"\[E204\].*nothere\.xml"):
        load_designations(tmp_path / "nothere.xml")


# --- CLI and pipeline --------------------------------------------------------------

def test_cli_extract_with_designations(tmp_path, capsys):
    need_shared(UN_LIST)
    art = write(tmp_path, "Nusra attack\n\nFighters of the al-Nusra Front attacked a checkpoint near Aleppo.\n",
                "story.txt")
    assert main(["extract", str(art), "--published", "2016-07-22", "--designations", str(UN_LIST)]) == 0
    rec = json.loads(capsys.readouterr().out.splitlines()[0])
    refs = [d["reference"] for a in rec["actors"] for d in a["designations"]]
    assert refs == ["QDe.137"]


def test_cli_bad_designations_file_exits_1_before_work(tmp_path, capsys):
    art = write(tmp_path, "Headline\n\nSomething happened.\n", "story.txt")
    bad = write(tmp_path, "<CONSOLIDATED_LIST><INDIVIDUALS>", "cut.xml")
    assert main(["extract", str(art), "--designations", str(bad)]) == 1
    err = capsys.readouterr()
    assert "[E204]" in err.err and "cut.xml line" in err.err and err.out == ""


def test_pipeline_applies_config_designations():
    import dateline

    need_shared(UN_LIST)
    rec = dateline.process("Clashes\n\nAl-Shabaab fighters attacked a base in Somalia on Tuesday.",
                           published="2019-03-01", config=Config(designations=str(UN_LIST)))
    refs = [d.reference for a in rec.actors for d in a.designations]
    assert refs == ["SOe.001"]
    plain = dateline.process("Clashes\n\nAl-Shabaab fighters attacked a base in Somalia on Tuesday.",
                             published="2019-03-01")
    assert all(not a.designations for a in plain.actors)


def test_transliteration_variants_match_but_common_two_word_aliases_do_not(un_list):
    # "Jabhat al-Nusra" is written "Jabhat al-Nusrah" / "Jabhet al-Nusra" in the list
    assert [li.reference for li in un_list.match("Jabhat al-Nusra", "entity")] == ["QDe.137"]
    assert [li.reference for li in un_list.match("Abu Muhammad al-Jawlani", "individual")] == ["QDi.317"]
    # two-word aliases of listed people are common names: never enough on their own
    assert un_list.match("Abdul Rahman", "individual") == []
    assert un_list.match("Abu Ubaida", "individual") == []


def test_one_person_listed_under_two_regimes_keeps_both(un_list):
    refs = sorted(li.reference for li in un_list.match("Hassan Dahir Aweys", "individual"))
    assert refs == ["QDi.042", "SOi.002"]
