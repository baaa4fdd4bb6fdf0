"""People described by a common-noun phrase that names their country or organisation.

"Ali Hassan, Kenya's leading rights lawyer", "Jane Doe, the United Nations
relief coordinator", "U.N. mediator John Doe": a person of no dictionary entry
and no title from actors_titles.tsv is still placed by the description written
beside the name -- an apposition, or a common-noun title in front of the name
-- when that description names a country (name, adjective, possessive) or an
international organisation of groups.tsv.  The person then belongs to that
country, or works for that organisation (sector IGO); the name mentions are
recorded with ``via="described_person"`` (data/actors_evidence.tsv).

A description naming two different countries or organisations, or one that is
itself a name (another person), places nobody.
"""

from __future__ import annotations

from .actors_ctx import Ctx
from .actors_sectors import country_of_token

#: the mention rules of a person found by name only, whose country the description may give
_NAME_ONLY = {"person_entity", "honorific_name"}


def place_described_persons(ctx: Ctx) -> None:
    """Give unplaced people the country or organisation of their description.

    Args:
        ctx: the document's working state (protos changed in place).
    """
    for key, p in ctx.protos.items():
        if p.kind != "person" or p.country or p.organisation or p.ref:
            continue
        ms = ctx.mentions_of(key)
        if not ms or any(m.via not in _NAME_ONLY for m in ms):
            continue
        found = set()
        for m in ms:
            head = ctx.head_tok(m.start, m.end)
            if head is None:
                continue
            for d in _descriptions(head, m.start, m.end):
                found |= _named_in(ctx, d, m.start, m.end)
        if len(found) != 1:
            continue
        kind, value, code = found.pop()
        if kind == "country":
            p.country = value
            p.code = f"{value}{p.sector}" if p.sector else value
        else:
            p.organisation, p.sector, p.code = value, "IGO", code
        for m in ms:
            m.via = "described_person"


def _descriptions(head, start: int, end: int) -> list:
    """Description phrases of a name: its appositions (or the phrase it is in
    apposition to) not headed by a person's name, and a common-noun title compound in
    front of the name ("mediator" in "U.N. mediator John Doe")."""
    out = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        out.append(head.head)
    out = [d for d in out if d.pos_ in ("NOUN", "PROPN") and d.ent_type_ != "PERSON"]
    out += [c for c in head.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.idx < start]
    return out


def _named_in(ctx: Ctx, desc, start: int, end: int) -> set[tuple[str, str, str | None]]:
    """("country", ISO3, None) and ("igo", organisation, code) named inside a description."""
    out: set[tuple[str, str, str | None]] = set()
    toks = [t for t in desc.subtree if not (start <= t.idx < end)]
    if any(t.ent_type_ == "PERSON" for t in toks):
        return set()
    for t in toks:
        for m in ctx.mentions:
            if m.start <= t.idx < m.end:
                q = ctx.protos.get(m.key)
                if q is not None and q.kind == "igo" and q.organisation:
                    out.add(("igo", q.organisation, q.code))
                elif q is not None and q.kind == "country" and q.country:
                    out.add(("country", q.country, None))
                break
        else:
            iso = country_of_token(t, ctx) if t.text[:1].isupper() else None
            if iso:
                out.add(("country", iso, None))
    return out
