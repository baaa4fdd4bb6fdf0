"""A quote that expresses an event links to it; "we" in a quote is its speaker."""

from __future__ import annotations

import dateline


def test_first_person_quote_expresses_an_intended_meeting_by_its_speaker():
    rec = dateline.process('Talks set\n\n"We will meet next week," Russian Foreign Minister Sergei Lavrov said on Friday.',
                           published="2016-07-22")
    (quote,) = [q for q in rec.quotes if q.kind == "direct"]
    lavrov = rec.actor(quote.speaker)
    assert lavrov is not None and lavrov.name == "Sergei Lavrov"
    meet = [e for e in rec.events if e.type == "CONSULT"]
    assert meet, rec.events
    e = meet[0]
    assert e.source == lavrov.id and e.modality == "intended" and e.quote == quote.id
    assert (e.date.start, e.date.end) == ("2016-07-25", "2016-07-31")


def test_quote_naming_both_parties_reports_the_event_by_the_speaker():
    rec = dateline.process('Talks set\n\n"Russia will meet the United States next week," '
                           'Russian Foreign Minister Sergei Lavrov said.', published="2016-07-22")
    q = [q for q in rec.quotes if q.kind == "direct"][0]
    e = [e for e in rec.events if e.type == "CONSULT"][0]
    assert e.quote == q.id and e.reported_by == q.speaker


def test_a_meeting_with_no_second_party_outside_a_quote_is_not_coded():
    rec = dateline.process("Talks\n\nThe Association of Southeast Asian Nations meetings opened in Vientiane on Monday.",
                           published="2016-07-22")
    assert not [e for e in rec.events if e.type == "CONSULT"]
