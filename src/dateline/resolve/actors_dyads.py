"""Plural coreference: "the two sides", "both countries", "the two leaders".

A phrase that refers to two parties at once becomes a *dyad* actor: kind
``dyad``, name "A and B", no country or code of its own, and ``ref``
``dyad:<A>|<B>`` naming its members by their dictionary id (or actor key:
ISO3 for a country, ``RUSGOV`` for a government, ``person:<name>`` for an
unlisted person).  The members are the two parties mentioned last before the
phrase, within three sentences, of the kind the noun asks for
("countries" -> countries or governments, "leaders" -> people).
"""

from __future__ import annotations

import re

from .actors_ctx import Ctx, Proto

_WINDOW = 3  # sentences a dyad phrase may look back

# noun -> kinds of actor it can stand for (None: any non-generic actor)
_NOUNS: dict[str, frozenset[str] | None] = {
    "sides": None, "parties": None, "delegations": None,
    "countries": frozenset({"country", "government"}),
    "nations": frozenset({"country", "government"}),
    "governments": frozenset({"country", "government"}),
    "states": frozenset({"country", "government"}),
    "capitals": frozenset({"country", "government"}),
    "leaders": frozenset({"person"}), "ministers": frozenset({"person"}),
    "foreign ministers": frozenset({"person"}), "presidents": frozenset({"person"}),
    "diplomats": frozenset({"person"}), "men": frozenset({"person"}),
    "women": frozenset({"person"}), "officials": frozenset({"person"}),
    "armies": frozenset({"military"}), "militaries": frozenset({"military"}),
    "groups": frozenset({"armed_group", "opposition", "organisation"}),
}

_DYAD_RE = re.compile(
    r"(?<![\w-])(?:[Tt]he[ \t]+two|[Bb]oth|[Tt]he[ \t]+two[ \t]+rival)[ \t]+(?P<noun>"
    + "|".join(sorted((re.escape(n) for n in _NOUNS), key=len, reverse=True))
    + r")(?![\w-])"
)


def _ident(p: Proto) -> str:
    return p.ref or p.key


def find_dyads(ctx: Ctx) -> None:
    """Add a dyad actor for every "the two sides" phrase with two clear parties."""
    for m in _DYAD_RE.finditer(ctx.text):
        s, e = m.start(), m.end()
        if ctx.is_claimed(s, e) or re.match(r"[ \t]+of\b", ctx.text[e:e + 4]):
            continue  # "on both sides of the border" is a place, not two parties
        kinds = _NOUNS[m.group("noun")]
        members = _last_two(ctx, s, kinds)
        if members is None:
            continue
        a, b = members
        key = "dyad:" + "|".join(sorted((a.key, b.key)))
        proto = ctx.protos.get(key) or Proto(
            key=key, name=f"{a.name} and {b.name}", kind="dyad",
            ref=f"dyad:{_ident(a)}|{_ident(b)}",
        )
        ctx.add(proto, s, e, "dyad")


def _last_two(ctx: Ctx, before: int, kinds: frozenset[str] | None) -> tuple[Proto, Proto] | None:
    """The two distinct parties mentioned last before ``before`` (in text order)."""
    si = ctx.sent_of[ctx.tok_at(before)]
    last: dict[str, int] = {}
    for mention in ctx.mentions:
        if mention.end > before or mention.via == "dyad":
            continue
        if not (si - _WINDOW <= ctx.sent_of[mention.head] <= si):
            continue
        p = ctx.protos.get(mention.key)
        if p is None or p.kind == "dyad" or p.key.startswith("sector:"):
            continue
        if kinds is not None and p.kind not in kinds:
            continue
        last[p.key] = max(last.get(p.key, -1), mention.start)
    if len(last) < 2:
        return None
    ordered = sorted(last, key=lambda k: last[k], reverse=True)
    first = ctx.protos[ordered[0]]
    # "sides" with people and countries around: pair like with like
    same = [k for k in ordered[1:] if (ctx.protos[k].kind == "person") == (first.kind == "person")]
    second = ctx.protos[(same or ordered[1:])[0]]
    pair = sorted((first, second), key=lambda p: min(m.start for m in ctx.mentions_of(p.key)))
    return pair[0], pair[1]
