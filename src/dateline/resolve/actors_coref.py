"""In-document coreference for actors, by documented rules (see docs/actors.md).

1. Surnames: a one-word person mention joins the person in the document whose
   full name ends with it (or whose dictionary aliases include it); failing that,
   the only dictionary person with that surname who holds a listed role on the
   publication date.
2. Role descriptions without a name ("the Secretary of State", "the president
   of the United States", "The US top diplomat", "the minister"): the person in
   the document holding that office (and country, when given); otherwise the
   dictionary holder on the publication date.
3. Pronouns he/she/his/her/him outside quotations: the most recent compatible
   person mentioned as a subject in the same sentence (never one inside the
   pronoun's own reported clause), else the subject of the previous sentences,
   looking back at most two sentences.
4. "his Russian counterpart": the person holding the same kind of office as the
   possessor, in the named country - from the document or the dictionary.
5. "it"/"they" as the subject of a clause reported or intended by a collective
   actor ("Hungary said it will support", "the rebels said they would
   release"): that actor -- the non-person subject of the nearest governing
   verb up the clause chain (ccomp, xcomp, conj) in the same sentence.
"""

from __future__ import annotations

import re

from . import actors_dict as D
from .actors_ctx import Ctx, Mention, person_proto
from .actors_find import _alt, _modifier_words, scope_of
from ..annotate.view import tokens_of

_MALE = {"he", "him", "his", "himself"}
_FEMALE = {"she", "her", "hers", "herself"}
_SPEECH = {"say", "tell", "add", "state", "note", "announce", "explain", "insist", "stress",
           "warn", "claim", "argue", "write", "reply", "respond", "confirm", "deny", "declare"}
_WINDOW = 2  # sentences a pronoun may look back
# rules of a lone name that becomes a coreference once joined to a full name
_NAME_RULES = {"person_entity", "honorific_name", "titled_name", "dictionary_surname"}


def merge_surnames(ctx: Ctx) -> None:
    """Rule 1: link one-word person mentions to a full name (document, then dictionary)."""
    persons = [k for k in ctx.protos if k.startswith("person:")]
    for key in persons:
        p = ctx.protos.get(key)
        if p is None or " " in p.name:
            continue
        word = p.name
        target = None
        for other in ctx.protos.values():
            if other.key == key or other.kind != "person" or " " not in other.name:
                continue
            aliases = D.persons()[other.ref][0].aliases if other.ref else ()
            if other.name.split()[-1] == word or word in aliases:
                target = other.key
                break
        if target is None and not p.ref:
            cands = D.person_surnames().get(word, frozenset())
            active = [c for c in cands if D.role_at(c, ctx.published)]
            if len(active) == 1:
                new = person_proto(active[0], word, ctx)
                ctx.protos.setdefault(new.key, new)
                target = new.key
                via = "dictionary_surname"
            else:
                via = None
        else:
            via = "surname_coref"
        if target:
            for m in ctx.mentions:
                if m.key == key and via and m.via in _NAME_RULES:
                    m.via = via
            ctx.rekey(key, target)


def _title_re():
    titles = _alt(t for t in D.titles() if D.titles()[t].office not in ("military_officer", "minister", "governor", "mayor", "legislator", "envoy", "ambassador"))
    mods = _alt(_modifier_words())
    return re.compile(
        rf"(?<![\w-])(?:(?P<det>[Tt]he|[Hh]is|[Hh]er|[Tt]heir)[ \t]+)?"
        rf"(?:(?P<mod>{mods})(?:['’]s)?[ \t]+)?(?P<title>(?i:{titles}|minister))"
        rf"(?:[ \t]+of[ \t]+(?:the[ \t]+)?(?P<of>{mods}))?(?![\w-])"
    )


_TITLE_RE = None


def find_role_descriptions(ctx: Ctx) -> None:
    """Rule 2: titles with no name, resolved in the document or the dictionary."""
    global _TITLE_RE
    if _TITLE_RE is None:
        _TITLE_RE = _title_re()
    for m in _TITLE_RE.finditer(ctx.text):
        s, e = m.start(), m.end()
        if ctx.is_claimed(m.start("title"), m.end("title")):
            continue
        det, mod = m.group("det"), m.group("mod")
        tword = m.group("title")
        if det and det.lower() in ("his", "her", "their"):
            continue  # "his minister" is not a holder description
        if not det and not mod and not tword[0].isupper():
            continue
        title = D.titles().get(tword.lower())
        if title is None:
            title = D.Title("minister", "Minister", "minister", "", "GOV")
        scope = scope_of(mod) or scope_of(m.group("of")) or (title.scope or None)
        key = _holder_in_doc(ctx, title, scope, s)
        via = "role_in_document"
        if key is None and scope and ctx.published:
            rows = D.holders(scope, ctx.published, title.office, title.role)
            if rows:
                proto = person_proto(rows[0].pid, rows[0].name, ctx, title)
                key = proto.key
                ctx.protos.setdefault(key, proto)
                via = "role_on_date"
        if key is None:
            continue
        start = m.start("mod") if mod else m.start("title")
        ctx.add(ctx.protos[key], start, e, via)


def _office_match(p, title: D.Title) -> bool:
    if p.office is None:
        return False
    if title.office == "minister":
        return "minister" in (p.role or "").lower() or p.office.endswith("minister")
    return p.office.split(":")[0] == title.office or (p.role or "").lower() == title.role.lower()


def _holder_in_doc(ctx: Ctx, title: D.Title, scope: str | None, before: int) -> str | None:
    best, best_pos = None, -1
    for p in ctx.protos.values():
        if p.kind != "person" or not _office_match(p, title):
            continue
        if scope and scope not in (p.country, p.organisation):
            continue
        ms = ctx.mentions_of(p.key)
        if not ms:
            continue
        pos = max((m.start for m in ms if m.start < before), default=-1)
        rank = pos if pos >= 0 else -2 - ms[0].start  # prefer the latest preceding
        if best is None or rank > best_pos:
            best, best_pos = p.key, rank
    return best


# --- pronouns and counterparts ----------------------------------------------

def _is_subject(ctx: Ctx, m: Mention) -> bool:
    return ctx.doc[m.head].dep_ in ("nsubj", "nsubjpass")


def _compatible(ctx: Ctx, key: str, pron: str) -> bool:
    g = ctx.protos[key].gender
    if pron in _MALE:
        return g != "f"
    if pron in _FEMALE:
        return g != "m"
    return True


def _reported_clause(tok) -> set[int]:
    """Token ids inside the reported clause of the verb ``tok`` is subject of."""
    verb = tok.head
    if tok.dep_ != "nsubj" or verb.lemma_.lower() not in _SPEECH:
        return set()
    out: set[int] = set()
    for c in verb.children:
        if c.dep_ in ("ccomp", "parataxis", "xcomp") or (c.dep_ == "dobj" and c.i < verb.i):
            out |= {t.i for t in c.subtree}
    if verb.dep_ in ("ccomp", "parataxis") and verb.head.i < verb.i:
        out |= {t.i for t in verb.head.subtree if t.i < verb.i and t.i not in {x.i for x in verb.subtree}}
    return out


def _antecedent(ctx: Ctx, tok, pron: str) -> str | None:
    si = ctx.sent_of[tok.i]
    hist = [m for m in ctx.mentions
            if m.key.startswith("person:") and m.end <= tok.idx and not ctx.in_quote(m.start)
            and si - _WINDOW <= ctx.sent_of[m.head] <= si and _compatible(ctx, m.key, pron)]
    if not hist:
        return None
    hist.sort(key=lambda m: m.start)
    excluded = _reported_clause(tok) if tok.dep_ == "nsubj" else set()
    same = [m for m in hist if ctx.sent_of[m.head] == si and m.head not in excluded]
    if pron in ("him",) or (pron == "her" and tok.dep_ in ("dobj", "pobj", "dative")):
        subj = {m.key for m in same if _is_subject(ctx, m)}
        rest = [m for m in hist if m.key not in subj and m.head not in excluded]
        return rest[-1].key if rest else None
    subj_same = [m for m in same if _is_subject(ctx, m)]
    if subj_same:
        return subj_same[-1].key
    for back in range(1, _WINDOW + 1):
        prev = [m for m in hist if ctx.sent_of[m.head] == si - back]
        if not prev:
            continue
        subs = [m for m in prev if _is_subject(ctx, m)]
        if subs:
            root_subs = [m for m in subs if ctx.doc[m.head].head.dep_ == "ROOT"]
            return (root_subs or subs)[0].key
        keys = {m.key for m in prev}
        return prev[-1].key if len(keys) == 1 else None
    return same[-1].key if same and len({m.key for m in same}) == 1 else None


_CLAUSE_DEPS = {"ccomp", "xcomp", "conj", "advcl", "parataxis"}


def resolve_collective_pronouns(ctx: Ctx) -> None:
    """Rule 5: subject "it"/"they" under a verb whose subject is a collective actor."""
    for tok in tokens_of(ctx.doc):
        if tok.lower_ not in ("it", "they") or tok.dep_ not in ("nsubj", "nsubjpass") or ctx.in_quote(tok.idx):
            continue
        verb, key = tok.head, None
        for _ in range(4):
            if verb.dep_ not in _CLAUSE_DEPS or verb.head.i == verb.i:
                break
            verb = verb.head
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i), None)
            if subj is None:
                continue
            m = next((m for m in ctx.mentions if m.start <= subj.idx < m.end and m.via != "pronoun"), None)
            if m is not None and ctx.protos[m.key].kind != "person":
                key = m.key
            break
        if key is not None:
            ctx.add(ctx.protos[key], tok.idx, tok.idx + len(tok), "pronoun", claim=False)


_COUNTERPART = None


def _counterpart_re():
    mods = _alt(_modifier_words())
    return re.compile(rf"\b(?P<poss>[Hh]is|[Hh]er)[ \t]+(?:(?P<mod>{mods})[ \t]+)?counterpart\b")


def resolve_pronouns(ctx: Ctx) -> None:
    """Rules 3 and 4, in text order (a resolved pronoun can anchor the next one)."""
    global _COUNTERPART
    if _COUNTERPART is None:
        _COUNTERPART = _counterpart_re()
    counterparts = {m.start(): m for m in _COUNTERPART.finditer(ctx.text)}
    for tok in tokens_of(ctx.doc):
        low = tok.lower_
        if low not in ("he", "she", "his", "her", "him") or ctx.in_quote(tok.idx):
            continue
        if tok.tag_ not in ("PRP", "PRP$"):
            continue
        key = _antecedent(ctx, tok, low)
        if key is None:
            continue
        ctx.add(ctx.protos[key], tok.idx, tok.idx + len(tok), "pronoun", claim=False)
        cm = counterparts.get(tok.idx)
        if cm is not None:
            _counterpart(ctx, key, cm)


def _counterpart(ctx: Ctx, owner_key: str, m) -> None:
    owner = ctx.protos[owner_key]
    if not owner.office:
        return
    scope = scope_of(m.group("mod"))
    office = owner.office.split(":")[0]
    target = None
    # a name right after the phrase ("his Russian counterpart Sergei Lavrov")
    for mm in ctx.mentions:
        if mm.key.startswith("person:") and m.end() <= mm.start <= m.end() + 2 and mm.key != owner_key:
            target = mm.key
    if target is None:
        for p in ctx.protos.values():
            if p.kind == "person" and p.key != owner_key and p.office and p.office.split(":")[0] == office \
                    and (scope is None or scope == p.country):
                target = p.key
                break
    if target is None and scope and ctx.published:
        rows = D.holders(scope, ctx.published, office)
        if rows:
            proto = person_proto(rows[0].pid, rows[0].name, ctx)
            ctx.protos.setdefault(proto.key, proto)
            target = proto.key
    if target is None:
        return
    p = ctx.protos[target]
    if p.country is None and scope and len(scope) == 3:
        p.country = scope
    ctx.add(p, m.start(), m.end(), "counterpart", claim=False)
