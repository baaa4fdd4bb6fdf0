"""Event rules of issue 3's fifth round (parties attached across clauses): one
behaviour each, on hand-written sentences (none taken from a gold set)."""

from __future__ import annotations

from event_rows import coded as events
from event_rows import typed


def test_a_deed_stands_for_its_doer():
    # "investigating crimes by X": the investigation aims at X
    evs = events("Peru is investigating abuses by Chilean soldiers at the border.")
    assert ("PER", "CHL") in typed(evs, "ACCUSE")


def test_a_state_organ_acting_at_home_targets_its_own_country():
    evs = events("The Kenyan government declared martial law on Monday.")
    assert ("KEN", "KEN") in typed(evs, "COERCE")


def test_a_country_acting_at_home_is_not_its_own_target():
    # a country actor cannot be its own target: the event keeps no target
    evs = events("Kenya declared martial law on Monday.")
    assert typed(evs, "COERCE") == [("KEN", None)]


def test_a_protest_aims_at_the_party_its_demand_is_made_of():
    evs = events("Ghanaian nurses began a strike to demand the dismissal of the Ghanaian health minister.")
    assert any(t == "GHA" for _, t in typed(evs, "PROTEST"))
    assert not typed(evs, "REQUEST")  # the demand is the protest's aim, not a second event


def test_multiword_pattern_word_may_modify_the_object():
    # "end mediation" matches "ended its mediation role"; one event, not a CONSULT too
    evs = events("Qatar ended its mediation role between Chad and Sudan.")
    assert [ty for ty, *_ in evs] == ["SANCTION", "SANCTION"]
    assert {c for _, c, *_ in evs} == {"165"}


def test_halting_talks_is_halt_negotiations():
    evs = events("Serbia suspended talks with Kosovo on Friday.")
    assert ("SANCTION", "164", "SRB", "XKX", "asserted") in evs or ("SANCTION", "164", "SRB", "SRB", "asserted") in evs


def test_subject_reaches_through_a_prepositional_gerund():
    # "resorted to blocking": the gerund's subject is the governing verb's
    evs = events("Kenyan students resorted to blocking roads in Nairobi.")
    assert ("KEN", "KEN") in typed(evs, "PROTEST")


def test_a_statement_issued_speaks_for_its_issuer():
    evs = events("Hamas issued a statement demanding that Egypt open the border.")
    assert ("PSE", "EGY") in typed(evs, "REQUEST")


def test_light_verb_with_an_up_particle_keeps_its_subject():
    evs = events("Russia stepped up its offensive against Ukraine.")
    assert ("RUS", "UKR") in typed(evs, "ASSAULT")


def test_each_other_makes_conjoined_subjects_a_dyad():
    evs = events("Armenia and Azerbaijan accused each other of shelling.")
    assert {s for s, _ in typed(evs, "ACCUSE")} | {t for _, t in typed(evs, "ACCUSE")} == {"ARM", "AZE"}
    assert all(t is not None for _, t in typed(evs, "ACCUSE"))


def test_a_threat_aims_at_the_party_of_its_condition():
    evs = events("Turkey threatened to halt talks if Greece continues the drilling.")
    threats = typed(evs, "THREATEN") + [(s, t) for ty, c, s, t, m in evs if m == "intended" and c.startswith("13")]
    assert ("TUR", "GRC") in threats


def test_infinitive_hung_as_adverbial_clause_is_still_a_complement():
    # the parser often hangs "today to impose" on the verb as an advcl
    evs = events("A Spanish official threatened on Friday to slap tariffs on Moroccan tomatoes.")
    assert ("ESP", "MAR") in typed(evs, "THREATEN") or any(
        m == "intended" and s == "ESP" and t == "MAR" for _, _, s, t, m in evs)
    assert not any(m == "asserted" and ty == "COERCE" for ty, _, _, _, m in evs)


def test_a_demand_object_names_its_target_by_its_doer():
    evs = events("Poland demanded an apology by Belarus.")
    assert ("POL", "BLR") in typed(evs, "REQUEST")


def test_complaint_over_an_act_targets_its_doer():
    evs = events("Cyprus complained to the European Union about Turkish naval drills.")
    assert ("CYP", "TUR") in typed(evs, "ACCUSE")


def test_police_firing_with_no_named_target_aim_at_their_country():
    evs = events("Zambian police fired on opposition supporters on Friday.")
    assert ("ZMB", "ZMB") in typed(evs, "ASSAULT")


def test_a_noun_trigger_aims_at_the_first_party_its_phrases_name():
    evs = events("Poland ordered a suspension of trade with Belarus.")
    assert ("POL", "BLR") in typed(evs, "SANCTION")


def test_a_passive_subject_phrase_names_the_party_attacked():
    evs = events("A refugee camp for Sudanese civilians was attacked by Chadian rebels.")
    assert ("TCD", "SDN") in typed(evs, "ASSAULT")


def test_opposed_to_names_the_party_opposed():
    evs = events("Portugal is opposed to Spanish control of the river.")
    assert ("PRT", "ESP") in typed(evs, "REJECT")


def test_an_aimed_object_lends_the_party_its_phrases_name():
    evs = events("Iran tried to hack the servers of the Israeli navy.")
    assert ("IRN", "ISR") in typed(evs, "COERCE")


def test_a_state_organ_at_home_targets_a_country_named_as_a_place():
    # no country actor but "Uganda" named as a place: the country actor gets that mention
    evs = events("President Museveni lifted the curfew imposed in Uganda.")
    assert ("UGA", "UGA") in typed(evs, "CONCEDE")


def test_a_topic_phrase_is_not_searched_for_a_target():
    # "over its dispute with X": X is the topic's party, not the one criticised
    evs = events("Chile criticized Peru over its dispute with Bolivia.")
    assert ("CHL", "PER") in typed(evs, "ACCUSE")
    assert ("CHL", "BOL") not in typed(evs, "ACCUSE")


def test_a_country_named_as_a_place_deep_in_the_phrase_is_the_target():
    # "from Panama" hangs from "forces", not from "withdrawal"
    evs = events("France completed the withdrawal of its forces from Mali.")
    assert ("FRA", "MLI") in typed(evs, "RETREAT")


def test_an_owner_two_modifiers_away_owns_the_noun():
    # "US Tomahawk attacks": "US" modifies "Tomahawk", which modifies "attacks"
    evs = events("US Tomahawk attacks destroyed a Syrian airbase.")
    assert any(s == "USA" for s, _ in typed(evs, "ASSAULT"))
