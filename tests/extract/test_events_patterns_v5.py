"""Trigger rows added in pattern file version 5 (invented sentences)."""

from __future__ import annotations

import pytest
from event_rows import coded as events


@pytest.mark.parametrize("text, row", [
    ("Peru lodged a formal complaint with Chile over the border incident.", ("ACCUSE", "114", "PER", "CHL")),
    ("Sudanese smugglers shipped arms to Libyan militias.", ("AID", "072", "SDN", "LBY")),
    ("The Swiss government froze the bank assets of two Libyan ministers.", ("COERCE", "163", "CHE", "LBY")),
    ("Norway froze trade with Iran.", ("COERCE", "163", "NOR", "IRN")),
    ("Turkey opened its frontier to Syrian refugees.", ("RETREAT", "086", "TUR", "SYR")),
    ("Russia will deliver weapons to Serbia.", ("AID", "0332", "RUS", "SRB")),
    ("Pakistan closed the Torkham crossing with Afghanistan.", ("COERCE", "191", "PAK", "AFG")),
    ("Egypt shut its border with Gaza.", ("COERCE", "191", "EGY", "PSE")),
    ("Turkey blocked Sweden's NATO membership.", ("REJECT", "120", "TUR", "SWE")),
    ("China vowed to retaliate against Japan.", ("ASSAULT", "138", "CHN", "JPN")),
    ("Israel retaliated against Hezbollah with air strikes on Monday.", ("ASSAULT", "190", "ISR", "LBN")),
    ("Chinese warships held naval drills off Taiwan on Monday.", ("MOBILIZE", "150", "CHN", "TWN")),
    ("The US held joint naval exercises with Japan.", ("COOPERATE", "062", "USA", "JPN")),
    ("Kenyan judges signed an arrest warrant against the exiled Ugandan general.", ("COERCE", "173", "KEN", "UGA")),
])
def test_version_5_rows(text, row):
    evs = events(text)
    assert row in [e[:4] for e in evs], evs


def test_declining_to_comment_is_no_refusal():
    assert events("Kenya refused to comment on the report.") == []
    assert events("Kenya refused to give details of the deal.") == []
    assert ("REJECT", "122", "KEN", "SOM", "asserted") in events("Kenya refused to give aid to Somalia.")


def test_a_road_blocked_is_still_a_protest_and_a_measure_blocked_is_not():
    assert ("PROTEST", "144", "PER", "PER", "asserted") in events("Protesters blocked the road to the airport in Lima.")
    evs = events("Hungary blocked an EU aid package for Ukraine.")
    assert [e[:2] for e in evs] == [("REJECT", "120")], evs


def test_seeking_to_act_is_no_request():
    assert events("Peru sought to calm tensions with Chile.") == []
    assert events("Peru sought to meet Chilean officials.") == [("CONSULT", "036", "PER", "CHL", "intended")]
    assert ("REQUEST", "100", "KEN", "UGA", "asserted") in events("Kenya sought help from Uganda.")
