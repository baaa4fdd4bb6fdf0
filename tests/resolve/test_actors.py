"""Tests for the ACTORS stage (resolve/actors*.py, countries.py and their data files).

They run the real spaCy md model; the seed article is read from ../shared and
those tests skip when it is absent.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from importlib import resources

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.resolve import actors_dict as D
from dateline.resolve.actors import actor_at, resolve_actors
from dateline.resolve.countries import countries, lookup_country
from shared_data import SEED, SHARED


@pytest.fixture(scope="module")
def seed(nlp):
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED} (../shared is absent)")
    text = SEED.read_text(encoding="utf-8")
    return text, resolve_actors(nlp(text), "2016-07-22")


def by_name(actors, name):
    found = [a for a in actors if a.name == name]
    assert found, f"no actor named {name!r} in {[a.name for a in actors]}"
    return found[0]


def texts_of(text, actor):
    return [text[s:e] for s, e in actor.mentions]


def run(nlp, text, date):
    return resolve_actors(nlp(text), date)


def assert_spans_valid(text, actors):
    for a in actors:
        assert a.mentions, a
        for s, e in a.mentions:
            assert 0 <= s < e <= len(text), (a.name, s, e)
            assert text[s:e].strip(), (a.name, s, e)


# --- the seed article ---------------------------------------------------------

def test_seed_kerry_is_us_secretary_of_state(seed):
    text, actors = seed
    kerry = by_name(actors, "John Kerry")
    assert (kerry.country, kerry.sector, kerry.role, kerry.code) == ("USA", "GOV", "Secretary of State", "USAGOV")
    assert kerry.kind == "person" and kerry.ref == "kerry_john"
    assert "Kerry" in texts_of(text, kerry)  # the headline surname links to the full name


def test_seed_lavrov_is_russian_foreign_minister(seed):
    _, actors = seed
    lavrov = by_name(actors, "Sergei Lavrov")
    assert (lavrov.country, lavrov.sector, lavrov.role) == ("RUS", "GOV", "Foreign Minister")


def test_seed_obama_and_the_president_of_the_united_states(seed):
    text, actors = seed
    obama = by_name(actors, "Barack Obama")
    assert (obama.country, obama.sector, obama.role) == ("USA", "GOV", "President")
    start = text.index("the president of the United States")
    assert actor_at(actors, start, start + len("the president of the United States")) is obama


def test_seed_de_mistura_is_un_envoy(seed):
    _, actors = seed
    dm = by_name(actors, "Staffan de Mistura")
    assert dm.sector == "IGO" and dm.organisation == "United Nations"
    assert dm.role == "Special Envoy for Syria"


def test_seed_daesh_is_islamic_state_and_nusra_is_armed_group(seed):
    text, actors = seed
    isis = by_name(actors, "Islamic State")
    assert isis.kind == "armed_group" and "Daesh" in texts_of(text, isis)
    nusra = by_name(actors, "al-Nusra Front")
    assert nusra.kind == "armed_group" and nusra.sector in ("REB", "INS")


def test_seed_damascus_government_is_syrian_government(seed):
    text, actors = seed
    start = text.index("Damascus government")
    a = actor_at(actors, start, start + len("Damascus government"))
    assert a is not None and (a.country, a.sector, a.code) == ("SYR", "GOV", "SYRGOV")


def test_seed_his_russian_counterpart_is_lavrov(seed):
    text, actors = seed
    start = text.index("his Russian counterpart")
    lavrov = by_name(actors, "Sergei Lavrov")
    assert any(s <= start + 4 and e >= start + len("his Russian counterpart") for s, e in lavrov.mentions)
    # "his" itself is Kerry's
    assert actor_at(actors, start, start + 3).name == "John Kerry"


def test_seed_he_told_reporters_is_kerry(seed):
    text, actors = seed
    start = text.index("he told reporters")
    assert actor_at(actors, start, start + 2).name == "John Kerry"


def test_seed_he_said_after_reported_obama_clause_is_kerry(seed):
    text, actors = seed
    start = text.index("he said on Friday")
    assert actor_at(actors, start, start + 2).name == "John Kerry"


def test_seed_country_actor_is_one_actor(seed):
    text, actors = seed
    rus = [a for a in actors if a.code == "RUS"]
    assert len(rus) == 1
    assert {"Russia", "Russians"} <= set(texts_of(text, rus[0]))


def test_seed_places_are_not_country_actors(seed):
    text, actors = seed
    for where in ("Vienna, Austria", "Vientiane, Laos"):
        s = text.index(where)
        a = actor_at(actors, s, s + len(where))
        assert a is None or a.kind != "country", (where, a)


def test_seed_ids_in_order_of_first_mention_and_spans_valid(seed):
    text, actors = seed
    assert [a.id for a in actors] == [f"a{i}" for i in range(1, len(actors) + 1)]
    firsts = [a.mentions[0][0] for a in actors]
    assert firsts == sorted(firsts)
    assert_spans_valid(text, actors)


# --- synthetic articles -------------------------------------------------------

def test_secretary_of_state_without_name_resolves_by_date(nlp):
    text = "The Secretary of State met Chinese officials on Monday."
    assert by_name(run(nlp, text, "2018-06-01"), "Mike Pompeo").role == "Secretary of State"
    assert by_name(run(nlp, text, "2018-03-01"), "Rex Tillerson").country == "USA"
    assert by_name(run(nlp, text, "2016-07-22"), "John Kerry")


def test_named_person_gets_role_held_on_the_date(nlp):
    text = "Vladimir Putin met Chinese leaders in Beijing."
    assert by_name(run(nlp, text, "2010-05-01"), "Vladimir Putin").role == "Prime Minister"
    assert by_name(run(nlp, text, "2015-05-01"), "Vladimir Putin").role == "President"


def test_capital_as_subject_is_its_government(nlp):
    text = "Washington said the talks were useful, and Moscow on Friday rejected the claims."
    actors = run(nlp, text, "2018-06-01")
    assert {a.code for a in actors} >= {"USAGOV", "RUSGOV"}
    assert {a.evidence.rule for a in actors if a.code in ("USAGOV", "RUSGOV")} == {"capital_metonym"}
    assert texts_of(text, by_name(actors, "US government")) == ["Washington"]


def test_forces_loyal_to_assad_and_government_forces(nlp):
    text = ("Forces loyal to Assad shelled the town, while Syrian government forces advanced. "
            "Russian troops were deployed near the city.")
    actors = run(nlp, text, "2018-06-01")
    s = text.index("Forces loyal")
    a = actor_at(actors, s, s + len("Forces loyal to Assad"))
    assert a.country == "SYR" and a.sector in ("MIL", "GOV")
    s = text.index("Syrian government forces")
    assert actor_at(actors, s, s + len("Syrian government forces")).code in ("SYRMIL", "SYRGOV")
    s = text.index("Russian troops")
    assert actor_at(actors, s, s + len("Russian troops")).code == "RUSMIL"
    assert by_name(actors, "Bashar al-Assad").country == "SYR"


def test_metonyms_kremlin_pentagon_white_house(nlp):
    text = ("The Kremlin denied the report. The Pentagon said it had sent ships, "
            "and the White House declined to comment.")
    codes = {a.code for a in run(nlp, text, "2017-03-01")}
    assert {"RUSGOV", "USAMIL", "USAGOV"} <= codes


def test_counterpart_from_dictionary_and_pronoun_gender(nlp):
    text = ("German Chancellor Angela Merkel met the French president in Berlin. "
            "She said the European Union would stand firm. "
            "Lavrov said he had spoken to his American counterpart.")
    actors = run(nlp, text, "2017-03-01")
    merkel = by_name(actors, "Angela Merkel")
    assert merkel.role == "Chancellor" and "She" in texts_of(text, merkel)
    assert by_name(actors, "François Hollande").role == "President"
    assert "his American counterpart" in texts_of(text, by_name(actors, "Rex Tillerson"))
    assert by_name(actors, "European Union").sector == "IGO"


def test_groups_aliases_and_context_alias(nlp):
    text = ("The Islamic State group claimed the attack. IS militants later withdrew. "
            "Amnesty International said civilians were killed. It IS unclear who fired.")
    actors = run(nlp, text, "2019-05-01")
    isis = by_name(actors, "Islamic State")
    assert len(isis.mentions) == 2 and isis.code
    assert by_name(actors, "Amnesty International").sector == "NGO"


def test_unknown_titled_person_takes_country_and_role_from_text(nlp):
    text = "Lebanese Foreign Minister Gebran Bassil said on Monday that talks would resume."
    a = by_name(run(nlp, text, "2016-07-22"), "Gebran Bassil")
    assert (a.country, a.sector, a.role) == ("LBN", "GOV", "Foreign Minister")


def test_no_publication_date_still_codes_named_people(nlp):
    actors = run(nlp, "US Secretary of State John Kerry arrived in Geneva.", None)
    kerry = by_name(actors, "John Kerry")
    assert kerry.country == "USA" and kerry.role == "Secretary of State"


def test_actor_at_prefers_tightest_mention(nlp):
    text = "Forces loyal to Assad shelled the town."
    actors = run(nlp, text, "2018-06-01")
    s = text.index("Assad")
    assert actor_at(actors, s, s + 5).name == "Bashar al-Assad"
    assert actor_at(actors, 0, len("Forces loyal to Assad")).code == "SYRMIL"
    assert actor_at(actors, len(text) - 1, len(text)) is None


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from([
    "Kerry", "said", "he", "the Secretary of State", "Russia", "Russian troops", "his",
    "counterpart", "Daesh", "in Syria", ".", ",", "“", "”", "President", "Obama", "\u00a0",
    "the Kremlin", "IS", "militants", "she", "Washington", "\n\n", "de", "Mistura",
]), max_size=30))
def test_every_mention_slices_to_nonempty_text(nlp, words):
    text = " ".join(words)
    actors = run(nlp, text, "2016-07-22")
    assert_spans_valid(text, actors)
    assert [a.id for a in actors] == [f"a{i}" for i in range(1, len(actors) + 1)]


# --- data integrity -----------------------------------------------------------

def _date_ok(s: str) -> bool:
    from datetime import date

    try:
        return date.fromisoformat(s).isoformat() == s
    except ValueError:
        return False


def test_roles_rows_have_well_formed_dates():
    for r in D.role_rows():
        assert _date_ok(r.start), r
        assert r.end == "" or (_date_ok(r.end) and r.start <= r.end), r
        assert r.sector and r.office and r.role and r.name, r
        assert r.country or r.organisation, r


def test_single_holder_roles_do_not_overlap():
    single = {"head_of_state", "head_of_government", "foreign_minister", "secretary_general",
              "defence_minister", "vice_president", "envoy:SYR", "supreme_leader", "crown_prince"}
    terms = defaultdict(list)
    for r in D.role_rows():
        if r.office in single:
            terms[(r.scope, r.office, r.role)].append(r)
    assert ("USA", "foreign_minister", "Secretary of State") in terms
    assert ("United Nations", "secretary_general", "Secretary-General") in terms
    for key, rows in terms.items():
        rows.sort(key=lambda r: r.start)
        for a, b in zip(rows, rows[1:]):
            assert a.end and a.end <= b.start, (key, a.name, a.end, b.name, b.start)


def test_person_rows_agree_on_name_and_aliases():
    for pid, rows in D.persons().items():
        assert len({(r.name, r.aliases, r.gender) for r in rows}) == 1, pid


def test_groups_and_codes_are_well_formed():
    gs = D.groups()
    for name in ("islamic_state", "nusra_front", "hezbollah", "hamas", "taliban", "al_qaeda",
                 "pkk", "ypg", "sdf", "fsa", "un", "unsc", "nato", "eu", "au", "arab_league",
                 "asean", "opec", "iaea", "who", "icrc", "amnesty", "hrw", "msf"):
        assert name in gs, name
    assert gs["un"].code == "IGOUNO"
    for g in gs.values():
        assert g.code and g.code.isupper() and g.sector and g.kind, g
        assert not g.country or g.country in countries(), g


def test_countries_table_covers_iso_and_common_names():
    cs = countries()
    assert len(cs) >= 249
    assert len({c.iso2 for c in cs.values()}) == len(cs)
    for word, iso in [("US", "USA"), ("U.S.", "USA"), ("America", "USA"), ("Britain", "GBR"),
                      ("UK", "GBR"), ("American", "USA"), ("Russian", "RUS"), ("Syrian", "SYR"),
                      ("Lao", "LAO"), ("Laotian", "LAO"), ("the Russians", "RUS"),
                      ("Chinese", "CHN"), ("Britain's", "GBR")]:
        assert lookup_country(word) == iso, word
    assert cs["SYR"].capital == "Damascus" and cs["USA"].capital == "Washington"


def test_data_files_have_consistent_columns():
    for name in ("countries.tsv", "roles.tsv", "groups.tsv", "actors_sectors.tsv", "actors_titles.tsv"):
        path = resources.files("dateline.resolve").joinpath("data", name)
        with path.open(encoding="utf-8") as f:
            rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
        assert len({len(r) for r in rows}) == 1, name
