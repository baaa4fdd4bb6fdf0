"""People placed by the description beside their name (resolve/actors_described.py);
hand-written sentences, the real spaCy md model (the session ``nlp`` fixture)."""

from __future__ import annotations

from dateline.resolve.actors import resolve_actors


def _person(nlp, text: str, name: str):
    actors = resolve_actors(nlp(text), "2020-01-01")
    return next(a for a in actors if a.kind == "person" and a.name == name)


def test_an_apposition_naming_a_country_places_the_person(nlp):
    p = _person(nlp, "Ali Hassan, Kenya's best-known rights lawyer, spoke on Monday.", "Ali Hassan")
    assert p.country == "KEN" and p.code == "KEN"


def test_a_nationality_in_the_apposition_places_the_person(nlp):
    p = _person(nlp, "Maria Lopez, a Chilean economist, spoke on Monday.", "Maria Lopez")
    assert p.country == "CHL"


def test_an_igo_in_the_description_makes_the_person_its_official(nlp):
    p = _person(nlp, "Jane Doe, the United Nations relief coordinator, spoke on Monday.", "Jane Doe")
    assert p.country is None and p.code == "IGOUNO" and p.sector == "IGO"


def test_the_mention_records_the_description_rule(nlp):
    p = _person(nlp, "Maria Lopez, a Chilean economist, spoke on Monday.", "Maria Lopez")
    assert p.evidence.rule == "described_person" and p.evidence.method == "grammar", p.evidence


def test_a_description_naming_two_countries_places_nobody(nlp):
    p = _person(nlp, "Maria Lopez, a Chilean-born Peruvian economist, spoke on Monday.", "Maria Lopez")
    assert p.country is None


def test_an_organisation_named_an_association_is_an_ngo(nlp):
    actors = resolve_actors(nlp("The Kenya Human Rights Association accused the police of torture."), "2020-01-01")
    org = next(a for a in actors if a.name == "Kenya Human Rights Association")
    assert org.code == "KENNGO" and org.evidence.rule == "organisation_kind", (org.code, org.evidence)


def test_an_organisation_named_a_party_is_a_political_party(nlp):
    actors = resolve_actors(nlp("The Wafd party announced a march in the capital."), "2020-01-01")
    org = next(a for a in actors if a.name.startswith("Wafd"))
    assert org.sector == "PTY" and org.kind == "party", (org.code, org.kind)
