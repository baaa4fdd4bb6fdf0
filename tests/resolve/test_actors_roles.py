"""The dated roles dictionary: coverage of the offices the issue names, and lookups by date."""

from __future__ import annotations

import pytest

from dateline.resolve import actors_dict as D
from dateline.resolve.actors import resolve_actors

G20 = ["ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "MEX", "RUS",
       "SAU", "ZAF", "KOR", "TUR", "GBR", "USA"]
MIDDLE_EAST = ["SYR", "IRN", "ISR", "IRQ", "EGY", "JOR", "QAT", "ARE"]


def _state(iso3, date):
    return "SUN" if iso3 == "RUS" and date < "1991-12-26" else iso3


@pytest.mark.parametrize("date", ["1987-06-01", "1995-06-01", "2005-06-01", "2016-07-22", "2024-06-01"])
def test_every_g20_and_middle_east_country_has_a_leader_on_the_date(date):
    missing = [c for c in G20 + MIDDLE_EAST
               if not (D.holders(_state(c, date), date, "head_of_state")
                       or D.holders(_state(c, date), date, "head_of_government"))]
    assert not missing, missing


@pytest.mark.parametrize("date", ["1987-06-01", "2003-03-20", "2016-07-22", "2024-06-01"])
def test_p5_have_foreign_ministers_and_un_a_secretary_general(date):
    for c in ("USA", "RUS", "GBR", "FRA", "CHN"):
        assert D.holders(_state(c, date), date, "foreign_minister"), (c, date)
    assert D.holders("United Nations", date, "secretary_general")


@pytest.mark.parametrize("scope, office, date, name", [
    ("USA", "defence_minister", "1990-06-01", "Dick Cheney"),
    ("SUN", "foreign_minister", "1987-06-01", "Eduard Shevardnadze"),
    ("SUN", "head_of_state", "1986-06-01", "Andrei Gromyko"),
    ("GBR", "head_of_government", "1989-01-01", "Margaret Thatcher"),
    ("DEU", "head_of_government", "1989-11-09", "Helmut Kohl"),
    ("JPN", "head_of_government", "2016-07-22", "Shinzo Abe"),
    ("IND", "head_of_government", "2016-07-22", "Narendra Modi"),
    ("BRA", "head_of_state", "2017-03-01", "Michel Temer"),
    ("IRQ", "head_of_government", "2016-07-22", "Haider al-Abadi"),
    ("EGY", "head_of_state", "2016-07-22", "Abdel Fattah el-Sisi"),
    ("ISR", "foreign_minister", "2022-09-01", "Yair Lapid"),
    ("ISR", "foreign_minister", "2013-05-01", "Benjamin Netanyahu"),
    ("SYR", "foreign_minister", "2024-10-15", "Bassam Sabbagh"),
    ("NATO", "secretary_general", "2001-09-12", "George Robertson"),
])
def test_holder_on_date(scope, office, date, name):
    assert D.holders(scope, date, office)[0].name == name


def test_title_and_country_in_text_resolve_by_date(nlp):
    text = "The Japanese prime minister met the Brazilian president in Tokyo."
    names = {a.name for a in resolve_actors(nlp(text), "2017-03-01") if a.kind == "person"}
    assert names == {"Shinzo Abe", "Michel Temer"}
    names = {a.name for a in resolve_actors(nlp(text), "2023-06-01") if a.kind == "person"}
    assert names == {"Fumio Kishida", "Luiz Inácio Lula da Silva"}
