"""Import TABARI/PETRARCH dictionaries: actors, agents and verb patterns.

Users with curated CAMEO dictionaries bring them to Dateline with this module:

* :func:`load_actors` reads an actor dictionary (``NAME [CODE]`` entries,
  ``+SYNONYM`` lines, ``_`` joining words, date-restricted code lines such as
  ``[HOBGOV 19950601 - 19990815]``, ``[ONO <911226]``).
* :func:`load_agents` reads an agent dictionary (``NAME {PLURALS} [~GOV]``,
  ``!PERSON! = MAN, MEN`` substitution sets); ``~GOV`` is appended to the
  actor's code, ``NGO~`` put before it.
* :func:`load_verbs` reads a verb dictionary (``&SYNSET`` blocks, ``--- VERB
  [code] ---`` blocks with their verb forms and ``- before * after [code]``
  patterns) into Dateline :class:`~dateline.extract.lexicon.Pattern` objects
  that :func:`~dateline.extract.events.extract_events` takes as ``patterns``.
* :func:`load_discards` / :func:`discarded` read a discard list and tell
  whether a sentence holds one of its phrases (it is then not coded).
* :func:`fill_sides` fills an event's empty source or target from its verb
  phrase, as PETRARCH reads one (conjoined subjects with no target code each
  other).
* :func:`dictionary_actors` finds the dictionary's actors in a spaCy Doc and
  returns them as Dateline ``Actor`` values, the alternative actor lookup the
  event extractor is given instead of the resolver's.

Matching follows the TABARI conventions where they are cheap to follow: a
dictionary word ending in ``_`` must match a whole word, any other word matches
as a stem (a prefix: ``ARGENTIN`` matches "Argentina", "Argentinian").
Pattern words are matched in order in the trigger's sentence (before / after
the verb) as whole words or their plural, not stems (PETRARCH2 dropped TABARI
stemming for patterns); ``$`` ``+`` ``%`` ``^`` and brackets are positional marks in
PETRARCH and are dropped.  A ``[---]`` code blocks coding.

Raises ``ConfigError`` [E203] for an unreadable file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import E_DATA, ConfigError
from ..model import Actor
from .lexicon import Pattern, cameo_info

#: prepositions whose object is taken as the target of an imported verb
TARGET_SLOTS = ("obj", "with", "to", "against", "on", "at", "for", "from", "into", "in", "of", "over",
                "toward", "towards", "upon", "near")


@dataclass(frozen=True)
class DictWord:
    text: str  # upper case, without the trailing "_"
    exact: bool

    def matches(self, word: str) -> bool:
        w = word.upper()
        return w == self.text or (not self.exact and len(self.text) >= 3 and w.startswith(self.text))


@dataclass(frozen=True)
class PatternWord(DictWord):
    """A word of a verb pattern: the word itself or its plural, not a stem
    ("- * MEET [161]" is not "meeting")."""

    def matches(self, word: str) -> bool:
        w = word.upper()
        return w in (self.text, self.text + "S", self.text + "ES")


@dataclass
class ActorEntry:
    words: tuple[DictWord, ...]
    codes: list[tuple[str, str | None, str | None]]  # (code, from date, to date) dates YYYYMMDD inclusive

    def code_on(self, date: str | None) -> str | None:
        plain = None
        for code, lo, hi in self.codes:
            if lo is None and hi is None:
                plain = plain or code
                continue
            if date and (lo is None or date >= lo) and (hi is None or date <= hi):
                return code
        return plain


def _read(path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError as e:
        raise ConfigError(f"cannot read dictionary {path}: {e}", E_DATA) from e


def _lines(text: str):
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if line.strip():
            yield line


def _words(phrase: str) -> tuple[DictWord, ...]:
    out = []
    for w in re.split(r"[\s_]+(?=\S)", phrase.strip()):
        w = w.strip()
        if not w:
            continue
        exact = w.endswith("_")
        w = w.strip("_").upper()
        if w:
            out.append(DictWord(w, exact or len(w) < 4))
    # "ARNOR_" and "NAME_WORD_" end with "_": the last word is exact
    if phrase.strip().endswith("_") and out:
        out[-1] = DictWord(out[-1].text, True)
    return tuple(out)


def _date(s: str) -> str:
    s = s.strip()
    if len(s) == 6:  # YYMMDD
        s = ("19" if int(s[:2]) > 30 else "20") + s
    return s


def _code_spec(spec: str) -> tuple[str, str | None, str | None]:
    spec = spec.strip()
    m = re.match(r"^(\S*?)\s*([<>])\s*(\d{6,8})$", spec)
    if m:
        code, op, d = m.groups()
        return (code, None, _date(d)) if op == "<" else (code, _date(d), None)
    m = re.match(r"^(\S*?)\s*(\d{6,8})\s*-\s*(\d{6,8})$", spec)
    if m:
        code, a, b = m.groups()
        return code, _date(a), _date(b)
    return spec.split()[0] if spec.split() else "", None, None


def load_actors(path) -> list[ActorEntry]:
    """Read a PETRARCH/TABARI actor dictionary.

    Args:
        path: the dictionary file.

    Returns:
        One entry per name or synonym, longest names first.

    Raises:
        ConfigError: [E203] when the file cannot be read.
    """
    entries: list[ActorEntry] = []
    current: list[ActorEntry] = []
    for line in _lines(_read(path)):
        s = line.strip()
        if s.startswith("["):  # a code line of the entry above
            for spec in re.findall(r"\[([^\]]*)\]", s):
                for e in current:
                    e.codes.append(_code_spec(spec))
            continue
        if s.startswith("+"):
            name, codes = _split_entry(s[1:])
            e = ActorEntry(_words(name), [_code_spec(c) for c in codes] or (current[0].codes if current else []))
            if current:
                current.append(e)
            entries.append(e)
            continue
        name, codes = _split_entry(s)
        e = ActorEntry(_words(name), [_code_spec(c) for c in codes])
        current = [e]
        entries.append(e)
    entries = [e for e in entries if e.words]
    entries.sort(key=lambda e: -len(e.words))
    return entries


def _split_entry(s: str) -> tuple[str, list[str]]:
    codes = re.findall(r"\[([^\]]*)\]", s)
    name = re.sub(r"\[[^\]]*\]|\{[^}]*\}", " ", s).strip()
    return name, codes


@dataclass(frozen=True)
class AgentEntry:
    words: tuple[DictWord, ...]
    code: str  # "~GOV" (suffix) or "NGO~" (prefix)


def load_agents(path) -> list[AgentEntry]:
    """Read a PETRARCH agent dictionary (see the module docstring).

    Raises:
        ConfigError: [E203] when the file cannot be read.
    """
    subs: dict[str, list[str]] = {}
    out: list[AgentEntry] = []
    for line in _lines(_read(path)):
        s = line.strip()
        m = re.match(r"^(!\w+!)\s*=\s*(.+)$", s)
        if m:
            subs[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        codes = re.findall(r"\[([^\]]*)\]", s)
        if not codes:
            continue
        code = codes[0].replace(" ", "")
        plurals = re.findall(r"\{([^}]*)\}", s)
        name = re.sub(r"\[[^\]]*\]|\{[^}]*\}", " ", s).strip()
        names = [name] + (plurals[0].split() if plurals and plurals[0].strip() else [name + "S"])
        for n in names:
            for expanded in _expand_subs(n, subs):
                # agents are common nouns: whole words only ("DIPLOMAT" is not "diplomatic")
                out.append(AgentEntry(tuple(DictWord(w.text, True) for w in _words(expanded)), code))
    out.sort(key=lambda e: -len(e.words))
    return out


def _expand_subs(name: str, subs: dict[str, list[str]]) -> list[str]:
    m = re.search(r"!\w+!", name)
    if not m or m.group(0) not in subs:
        return [name]
    return [x for alt in subs[m.group(0)] for x in _expand_subs(name.replace(m.group(0), alt + "_", 1), subs)]


def load_discards(path) -> list[tuple[DictWord, ...]]:
    """Read a PETRARCH discard dictionary: phrases whose presence keeps a
    sentence from being coded ("+" marks story-level discards; a record here is
    one sentence, so both kinds discard it).

    Returns:
        One word tuple per phrase, matched like actor names.

    Raises:
        ConfigError: [E203] when the file cannot be read.
    """
    out = []
    for line in _lines(_read(path)):
        words = _words(line.strip().lstrip("+"))
        if words:
            out.append(words)
    return out


def discarded(doc, discards: list[tuple[DictWord, ...]]) -> bool:
    """Whether a discard phrase occurs in the Doc (consecutive words)."""
    words = [t.text for t in doc if not t.is_space]
    for phrase in discards:
        n = len(phrase)
        for i in range(len(words) - n + 1):
            if all(phrase[k].matches(words[i + k]) for k in range(n)):
                return True
    return False


def load_verbs(path) -> dict[tuple[str, str], list[Pattern]]:
    """Read a PETRARCH verb dictionary into trigger patterns indexed like
    :func:`~dateline.extract.lexicon.load_patterns`.

    Raises:
        ConfigError: [E203] when the file cannot be read.
    """
    lines = list(_lines(_read(path)))
    synsets: dict[str, list[str]] = {}
    i = 0
    name = None
    while i < len(lines) and not lines[i].startswith("---"):
        s = lines[i].strip()
        if s.startswith("&"):
            name = s.split()[0]
            synsets[name] = []
        elif s.startswith("+") and name:
            synsets[name].append(s[1:].strip())
        i += 1
    index: dict[tuple[str, str], list[Pattern]] = {}
    heads: list[tuple[str, tuple[str, ...]]] = []
    code = None
    for line in lines[i:]:
        s = line.strip()
        m = re.match(r"^---\s*(.+?)\s*\[([^\]]*)\]\s*---", s)
        if m:
            heads, code = [], m.group(2).strip()
            continue
        if s.startswith("-"):
            m = re.match(r"^-\s*(.*?)\[([^\]]*)\]", s)
            if m and heads:
                before, after = _pattern_words(m.group(1), synsets)
                for head, extra in heads:
                    _add(index, head, extra, m.group(2).strip(), before, after)
            continue
        if code is None:
            continue
        forms = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", s).split()
        for form in forms:
            words = [w for w in form.lstrip("+").lower().split("_") if w]
            if not words:
                continue
            head, extra = words[0], tuple(words[1:])
            heads.append((head, extra))
            _add(index, head, extra, code, (), ())
    for plist in index.values():
        plist.sort(key=lambda p: -(len(p.extra) + len(p.before) + len(p.after)))
    return index


def _pattern_words(text: str, synsets: dict[str, list[str]]):
    text = re.sub(r"[(){}$+%^]", " ", text)
    if "*" not in text:
        return (), ()
    pre, post = text.split("*", 1)

    def words(part: str):
        out = []
        for w in part.split():
            if w.startswith("&"):
                alts = [a.split()[0] for a in synsets.get(w, []) if a.split() and not a.startswith("&")]
                if alts:
                    out.append(tuple(PatternWord(_words(a)[0].text, True) for a in alts if _words(a)))
            else:
                dw = _words(w)
                if dw:
                    out.append((PatternWord(dw[0].text, True),))
        return tuple(out)

    return words(pre), words(post)


def _add(index, head, extra, code, before, after) -> None:
    code = code.split(":")[0].strip()
    if not code:
        return
    info = cameo_info(code) if code[:2].isdigit() else None
    index.setdefault(("VERB", head), []).append(Pattern(
        head=head, extra=extra, pos="VERB", cameo=code, plover=info.plover if info else "OTHER",
        targets=TARGET_SLOTS, intent=None, sides=1, before=before, after=after))


def dictionary_actors(doc, actors: list[ActorEntry], agents: list[AgentEntry] | None = None,
                      date: str | None = None) -> list[Actor]:
    """Find dictionary actors (and agents combined with them) in a Doc.

    An agent ("police", "human rights activists") takes the country of an actor
    named in the same noun phrase or its "of/in/from" phrase ("police in Arnor"
    -> ARNCOP); alone it is coded ``---`` plus the agent.

    Args:
        doc: a spaCy Doc.
        actors, agents: loaded dictionaries.
        date: the story date (YYYYMMDD or ISO) for date-restricted codes.

    Returns:
        Actors (one per code) with every mention span.
    """
    date = (date or "").replace("-", "") or None
    words = [t.text for t in doc]
    taken = [False] * len(doc)
    hits: list[tuple[int, int, str, str]] = []  # start tok, end tok, code, kind
    for kind, entries in (("actor", actors), ("agent", agents or [])):
        for i in range(len(doc)):
            for e in entries:
                n = len(e.words)
                if i + n > len(doc) or any(taken[i:i + n]):
                    continue
                if all(e.words[k].matches(words[i + k]) for k in range(n)):
                    code = e.code_on(date) if kind == "actor" else e.code
                    if code:
                        hits.append((i, i + n, code, kind))
                        for k in range(i, i + n):
                            taken[k] = True
                    break
    by_tok = {k: h for h in hits for k in range(h[0], h[1])}
    found: dict[str, list[tuple[int, int]]] = {}
    for start, end, code, kind in hits:
        if kind == "actor":
            if any(by_tok.get(t.i, (0, 0, "", ""))[3] == "agent" for t in _np_tokens(doc[start:end].root)):
                continue  # the agent phrase carries this actor
            final = code
        else:
            owner = _owner(doc[start:end].root, by_tok)
            final = _combine(owner[2] if owner else "---", code)
            if owner:
                start, end = min(start, owner[0]), max(end, owner[1])
        span = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
        found.setdefault(final, []).append(span)
    out = []
    for n, (code, spans) in enumerate(sorted(found.items(), key=lambda kv: kv[1][0]), start=1):
        country = code[:3] if len(code) >= 3 and code[:3].isalpha() else None
        out.append(Actor(id=f"a{n}", name=code, code=code, country=country,
                         sector=code[3:6] or None, kind="dictionary", mentions=sorted(spans)))
    return out


def _owner(root, by_tok):
    """The actor hit an agent belongs to: one in its noun phrase, else one in
    the phrase of the first conjunct ("Danish media and government": both DNK)."""
    head = root
    while True:
        hit = next((by_tok[t.i] for t in _np_tokens(head) if by_tok.get(t.i, (0, 0, "", ""))[3] == "actor"), None)
        if hit or head.dep_ != "conj" or head.head is head:
            return hit
        head = head.head


def _combine(base: str, agent: str) -> str:
    """An actor code with an agent code: ``~GOV`` after, ``NGO~`` before; a
    3-letter element the actor code already carries is not repeated
    ("White House" USAGOV + officials ~GOV -> USAGOV)."""
    pre, _, post = agent.partition("~") if "~" in agent else ("", "", agent)
    have = {base[k:k + 3] for k in range(3, len(base), 3)}
    post = "".join(c for c in _chunks(post) if c not in have)
    pre = "".join(c for c in _chunks(pre) if c not in have and c != base[:3])
    return pre + base + post


def _chunks(code: str) -> list[str]:
    return [code[k:k + 3] for k in range(0, len(code), 3)]


_NP_BLOCK = {"relcl", "acl", "ccomp", "advcl", "appos", "conj", "cc", "punct", "xcomp"}


def _np_tokens(head):
    """The tokens of a noun phrase: the head's subtree without clauses,
    appositions or conjuncts ("police in Arnor" keeps "in Arnor")."""
    if head.dep_ in ("compound", "amod", "poss", "nmod") and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head
    out = [head]
    stack = [c for c in head.children if c.dep_ not in _NP_BLOCK]
    while stack:
        t = stack.pop()
        out.append(t)
        stack += [c for c in t.children if c.dep_ not in _NP_BLOCK]
    return out


_SUBJ = ("nsubj", "nsubjpass", "csubj", "expl")


def fill_sides(doc, events, actors: list[Actor]) -> None:
    """Fill the empty side of dictionary-coded events the way PETRARCH reads a
    verb phrase: the first dictionary actor after the verb, anywhere in its
    phrase ("condemned an attack by Osgiliath soldiers" -> OSGMIL), is the
    target; a passive with no agent takes that actor as its source
    ("was criticized over its dispute with Eriador"); a verb with no subject
    of its own takes the actor subject of the verb it depends on ("Ethiopia
    indicated it would act" -> Ethiopia).  Events are changed in place.

    Args:
        doc: the spaCy Doc the events were read from.
        events: events whose ``source``/``target`` are ids of ``actors``.
        actors: the dictionary actors of the Doc.
    """
    at: dict[int, str] = {}
    for a in actors:
        for s, e in a.mentions:
            for t in doc.char_span(s, e, alignment_mode="expand") or ():
                at.setdefault(t.i, a.id)
    for ev in events:
        trig = doc.char_span(*ev.trigger_span, alignment_mode="expand")
        if trig is None or not len(trig):
            continue
        verb = trig.root
        taken = {ev.source, ev.target}
        if ev.target is None:
            ev.target = _phrase_actor(verb, at, taken)
            taken.add(ev.target)
    _pair_compound_subjects(events)
    for ev in events:
        trig = doc.char_span(*ev.trigger_span, alignment_mode="expand")
        if trig is None or not len(trig):
            continue
        verb = trig.root
        taken = {ev.source, ev.target}
        if ev.source is None:
            passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
            ev.source = (_phrase_actor(verb, at, taken) if passive else None) or _governor_subject(verb, at, taken)


def _pair_compound_subjects(events) -> None:
    """Conjoined sources of one verb with no target code each other
    ("Gondor and Osgiliath renewed ties" -> GON->OSG and OSG->GON): the
    events of one trigger and code are rewritten in place, one per ordered pair."""
    groups: dict[tuple, list] = {}
    for ev in events:
        if ev.target is None and ev.source is not None:
            groups.setdefault((ev.trigger_span, ev.cameo), []).append(ev)
    for group in groups.values():
        sources = list(dict.fromkeys(ev.source for ev in group))
        if len(sources) < 2:
            continue
        pairs = [(s, t) for s in sources for t in sources if s != t]
        template = group[0]
        for ev in group:
            events.remove(ev)
        for s, t in pairs:
            events.append(replace(template, source=s, target=t))


def _phrase_actor(verb, at: dict[int, str], taken: set) -> str | None:
    # a subordinate clause ("after a hafling was reported in X") is not the
    # verb's phrase; an infinitive of purpose ("to supply X") is
    clauses = {t.i for c in verb.children if c.dep_ == "advcl" and any(m.dep_ == "mark" for m in c.children)
               for t in c.subtree}
    subjects = {t.i for c in verb.children if c.dep_ in _SUBJ for t in c.subtree} | clauses
    for t in verb.subtree:
        if t.i > verb.i and t.i not in subjects and at.get(t.i) not in (None, *taken):
            return at[t.i]
    return None


def _governor_subject(verb, at: dict[int, str], taken: set) -> str | None:
    own = [c for c in verb.children if c.dep_ in _SUBJ]
    if own and not all(c.pos_ == "PRON" for c in own):
        return None
    head = verb
    while head.dep_ in ("xcomp", "ccomp", "advcl", "conj") and head.head is not head:
        head = head.head
        for c in head.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                hit = next((at[t.i] for t in c.subtree if at.get(t.i) not in (None, *taken)), None)
                if hit:
                    return hit
    return None
