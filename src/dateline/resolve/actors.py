"""The ACTORS stage: who acts or speaks in an article, with codes and every mention.

``resolve_actors(doc, published)`` finds people, governments, militaries, armed
groups, IGOs/NGOs and country-level actors in a spaCy Doc, links their mentions
(names, surnames, titles, "his Russian counterpart", pronouns) and codes them
(ISO3 country, CAMEO sector, CAMEO-style code, role as of the publication date).
The rules and data files are documented in docs/actors.md.
"""

from __future__ import annotations

from ..model import Actor
from . import actors_coref as coref
from .actors_described import place_described_persons
from . import actors_find as find
from .actors_ctx import Ctx, country_proto, country_sector_proto
from .actors_dyads import find_dyads
from .actors_evidence import evidence_for
from .actors_fuzzy import find_misspelt_countries
from .actors_targets import find_place_targets
from .actors_participants import find_nationals, find_participant_countries
from .actors_ethnic import find_ethnic_groups
from .countries import country_at

__all__ = ["resolve_actors", "actor_at"]


def resolve_actors(doc, published: str | None = None) -> list[Actor]:
    """Find and code the actors of one article.

    Args:
        doc: a spaCy ``Doc`` of the cleaned article text (md or sm English model).
        published: the article's publication date (``YYYY-MM-DD``); roles such as
            "the Secretary of State" resolve to the holder on this date.  None
            disables date-dependent resolution.

    Returns:
        Actors with ids "a1", "a2", ... in order of first mention; every mention is
        a ``(start, end)`` character span into ``doc.text``.
    """
    ctx = Ctx(doc, (published or "")[:10] or None)
    find.find_titled_names(ctx)
    find.find_dictionary_names(ctx)
    find.find_groups(ctx)
    find_ethnic_groups(ctx)
    find.find_person_entities(ctx)
    coref.merge_surnames(ctx)
    coref.find_role_descriptions(ctx)
    find.find_sector_phrases(ctx)
    find_nationals(ctx)
    find.find_countries(ctx)
    find_place_targets(ctx)
    find_participant_countries(ctx)
    find_misspelt_countries(ctx)
    find.find_organisation_entities(ctx)
    find.assign_fallback_countries(ctx)
    place_described_persons(ctx)
    coref.resolve_pronouns(ctx)
    coref.resolve_collective_pronouns(ctx)
    _states_on_date(ctx)
    find_dyads(ctx)
    return _build(ctx)


def _states_on_date(ctx: Ctx) -> None:
    """Country words mean the state of the publication date: "Moscow" and
    "Russian troops" in 1987 are the Soviet Union (SUN, SUNMIL), "Serbia" in
    1999 is Yugoslavia (see ``countries.country_at``).  Dictionary people keep
    the country of their office."""
    if not ctx.published:
        return
    for key, p in list(ctx.protos.items()):
        if not p.country or (p.kind == "person" and p.ref):
            continue
        new = country_at(p.country, ctx.published)
        if new == p.country:
            continue
        if p.kind == "country" and key == p.country:
            repl = country_proto(new)
        elif p.sector and key == f"{p.country}{p.sector}":
            repl = country_sector_proto(new, p.sector, p.kind)
        else:
            if p.code and p.code.startswith(p.country):
                p.code = new + p.code[len(p.country):]
            p.country = new
            continue
        ctx.protos.setdefault(repl.key, repl)
        ctx.rekey(key, repl.key)


def _build(ctx: Ctx) -> list[Actor]:
    by_key: dict[str, list[tuple[int, int]]] = {}
    made_by: dict[str, list] = {}  # the Mention behind each output span
    for m in sorted(ctx.mentions, key=lambda m: (m.start, m.end)):
        spans = by_key.setdefault(m.key, [])
        if (m.start, m.end) not in spans:
            spans.append((m.start, m.end))
            made_by.setdefault(m.key, []).append(m)
    order = sorted(by_key, key=lambda k: by_key[k][0])
    actors = []
    for n, key in enumerate(order, 1):
        p = ctx.protos[key]
        actors.append(Actor(
            id=f"a{n}", name=p.name, code=p.code, country=p.country, sector=p.sector,
            role=p.role, kind=p.kind, mentions=by_key[key], ref=p.ref,
            organisation=p.organisation, evidence=evidence_for(p, made_by[key]),
        ))
    return actors


def actor_at(actors: list[Actor], start: int, end: int) -> Actor | None:
    """The actor with a mention in or overlapping ``[start, end)``.

    Mentions contained in the range win over ones that only overlap it.  Among
    contained mentions the one covering most of the range wins (the range is
    usually a phrase: "forces loyal to Assad" is the forces, not Assad); among
    overlapping ones the tightest around the range wins (a token inside "his
    Russian counterpart" is the counterpart).  Ties go to the earliest mention.

    Args:
        actors: the output of :func:`resolve_actors`.
        start: first character of the range.
        end: character after the range.

    Returns:
        The best matching actor, or None when no mention touches the range.
    """
    best, best_rank = None, None
    for a in actors:
        for s, e in a.mentions:
            overlap = min(e, end) - max(s, start)
            if overlap <= 0:
                continue
            if start <= s and e <= end:
                rank = (0, (end - start) - (e - s), s)
            else:
                rank = (1, (e - s) - overlap, s)
            if best_rank is None or rank < best_rank:
                best, best_rank = a, rank
    return best
