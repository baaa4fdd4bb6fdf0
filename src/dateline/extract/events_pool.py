"""The actors an event's noun phrases stand for (used by :mod:`.events`).

:class:`Pool` looks actors up by token: a phrase's own actor, its owners
("Russia's central bank", "Ukrainian and Russian officials"), the group a
partitive noun names ("a member of the Syrian parliament"), the speaker of a
direct quote for "I"/"we" inside it, and country actors created for
nationality words that own an event ("the Turkish offensive").
"""

from __future__ import annotations

from ..model import Actor, Place, Quote

#: nouns that stand for (part of) the group named by their of-phrase
PARTITIVE = {"member", "group", "delegation", "team", "contingent", "unit", "band", "number",
             "some", "one", "many", "dozen", "hundred", "thousand", "majority",
             # those who act for the group: "leaders of Romania's new government"
             "leader", "leadership", "official", "representative", "head", "chief", "envoy",
             "spokesman", "spokeswoman", "spokesperson", "faction", "wing"}
#: people nouns that stand for the group they are said to belong to
#: ("supporters of Ben Bella", "doctors from two American aid groups",
#: "workers affiliated with the Serbian union", "militants loyal to Zarqawi")
FOLLOWERS = {"supporter", "follower", "loyalist", "activist", "militant", "fighter", "worker",
             "employee", "doctor", "volunteer", "partisan", "sympathizer", "sympathiser", "adherent",
             "cadre", "gunman", "guerrilla", "rebel", "soldier", "troop", "force", "people", "youth",
             "student", "protester", "demonstrator"}
#: modifiers that tie a people noun to its group ("affiliated with", "loyal to")
AFFILIATION = {"affiliate", "affiliated", "loyal", "link", "linked", "belong", "allied", "attach",
               "attached", "close"}
FIRST_PERSON = {"i", "we", "me", "us"}
#: prepositions that say where people are ("farmers throughout Kenya")
WHERE_PREPS = {"in", "throughout", "across", "within", "inside"}
#: groups often found abroad, whose place says nothing of their country
#: ("troops in Syria", "journalists in Kabul")
OFTEN_ABROAD_SECTORS = {"MIL", "SPY", "REF", "IGO", "NGO", "JRN", "HLH"}
OFTEN_ABROAD_NOUNS = {"soldier", "troop", "force", "delegation", "envoy", "team", "contingent", "unit", "doctor",
                      "volunteer"}


class Pool:
    """The document's actors, looked up by token; country actors are added for
    nationality words that own an event ("the Turkish offensive")."""

    def __init__(self, actors: list[Actor], text: str, quotes: list[Quote] | None = None,
                 places: list[Place] | None = None):
        self.actors = actors
        self.text = text
        self.quotes = [q for q in (quotes or []) if q.kind == "direct" and q.speaker]
        self.places = [p for p in (places or []) if p.country]

    def at(self, tok) -> Actor | None:
        """The actor a noun phrase's head token is a mention of; inside a direct
        quote, "I"/"we" are its speaker ("We will meet next week," he said)."""
        from ..resolve.actors import actor_at

        if tok.lower_ in FIRST_PERSON:
            q = next((q for q in self.quotes if q.span[0] <= tok.idx < q.span[1]), None)
            if q is not None:
                return next((a for a in self.actors if a.id == q.speaker), None)
        hit = actor_at(self.actors, tok.idx, tok.idx + len(tok))
        if hit is None:
            # "The UN envoy for Sudan, Volker Perthes,": the apposition names it
            for c in tok.children:
                if c.dep_ == "appos":
                    hit = actor_at(self.actors, c.idx, c.idx + len(c))
                    if hit is not None:
                        break
        return hit

    def country(self, tok) -> Actor | None:
        """A country actor for a nationality or country word, created if new."""
        from ..resolve.countries import country_name, lookup_country

        if tok.pos_ not in ("ADJ", "PROPN", "NOUN"):
            return None
        iso = lookup_country(tok.text)
        if iso is None:
            return None
        return self.country_actor(iso, (tok.idx, tok.idx + len(tok)))

    def place_country(self, tok) -> Actor | None:
        """The country actor of a place named at ``tok`` ("shelled Juba" -> Sudan).

        The document's actor of that country, else a new one whose mention is
        the place's; CAMEO codes an act aimed at a town by the town's country.
        """
        for p in self.places:
            for s, e in p.mentions:
                if s <= tok.idx < e:
                    return self.country_actor(p.country) or self.country_actor(p.country, (s, e))
        return None

    def country_actor(self, iso: str, span: tuple[int, int] | None = None) -> Actor | None:
        """The document's country actor for ``iso`` (created if new), with ``span`` as a mention.

        A new actor needs a mention span; without one only an existing actor is returned.
        """
        from ..resolve.countries import country_name

        for a in self.actors:
            if a.kind == "country" and a.country == iso:
                if span is not None and span not in a.mentions:
                    a.mentions.append(span)
                    a.mentions.sort()
                return a
        if span is None:
            return None
        a = Actor(id=f"a{len(self.actors) + 1}", name=country_name(iso), code=iso, country=iso,
                  kind="country", mentions=[span])
        self.actors.append(a)
        return a

    def phrase(self, tok) -> list[Actor]:
        """The actors a noun phrase stands for: its head's, else its owners
        ("Russia's central bank", "Ukrainian and Russian officials")."""
        a = self.at(tok)
        shared = any(c.dep_ in ("amod", "compound") and c.conjuncts for c in tok.children)
        if a is not None and not shared:
            return [a]
        owners = self.owners(tok)
        if a is None and not owners and tok.lemma_.lower() in PARTITIVE:
            # "a member of the Syrian parliament", "a group of Moroccan diplomats"
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    owners = [x for p in c.children if p.dep_ == "pobj" for x in self.phrase(p)]
        if a is None and not owners and tok.lemma_.lower() in PARTITIVE | FOLLOWERS:
            owners = self.affiliation(tok)
        if a is None and not owners and tok.pos_ == "NOUN":
            # "war crimes by Croatian extremists", "an admission by Moscow": a deed
            # stands for its doer
            owners = self.agents(tok)
        if a is not None:
            # keep the resolver's richer actor ("Russian officials" -> RUSGOV)
            owners = [a if o.country == a.country else o for o in owners]
            if all(o.id != a.id for o in owners):
                owners.insert(0, a)
        found = dedupe(owners)
        lemma = tok.lemma_.lower()
        if all(_unplaced(x) for x in found) and (found or lemma in PARTITIVE | FOLLOWERS) \
                and lemma not in OFTEN_ABROAD_NOUNS:
            # "angry farmers throughout Kenya", "opposition leaders in
            # Baku": people of no known country stand for the country they are in
            where = self.located(tok)
            if where is not None:
                return [where]
        return found

    def located(self, tok) -> Actor | None:
        """The country actor of the place a people noun is said to be in
        ("farmers throughout Kenya"), through :data:`WHERE_PREPS`.

        Args:
            tok: the head noun of a people phrase.

        Returns:
            The country actor (created if new), or None.
        """
        if any(c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP" for c in tok.children):
            return None  # "Tamil protesters in London": a people word, not the place, says who they are
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in WHERE_PREPS:
                for p in c.children:
                    if p.dep_ == "pobj":
                        got = self.place_country(p)
                        if got is not None:
                            return got
        return None

    def affiliation(self, tok) -> list[Actor]:
        """The group a people noun is said to belong to: its of- or from-phrase
        ("supporters of X", "doctors from X") or a modifier of belonging
        ("workers affiliated with X", "militants loyal to X", "linked to X").

        Args:
            tok: the head noun of a phrase with no actor of its own.

        Returns:
            The group's actors, or an empty list.
        """
        preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "from")]
        for m in tok.children:
            if m.dep_ in ("acl", "amod", "relcl") and (m.lemma_.lower() in AFFILIATION or m.lower_ in AFFILIATION):
                preps += [c for c in m.children if c.dep_ == "prep" and c.lower_ in ("with", "to")]
        return dedupe([x for c in preps for p in c.children if p.dep_ == "pobj" for x in self.phrase(p)])

    def agents(self, noun) -> list[Actor]:
        """The doers a noun names with "by" ("an attack by Osgiliath soldiers").

        Args:
            noun: a noun token.

        Returns:
            The actors of the by-phrase (with conjuncts), or an empty list.
        """
        return dedupe([a for c in noun.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"
                       for p in c.children if p.dep_ == "pobj" for a in self.with_conjuncts(p)])

    def owners(self, tok) -> list[Actor]:
        """Actors that own a noun: "a Russian demand", "Turkey's offensive"."""
        out: list[Actor] = []
        head = (tok.idx, tok.idx + len(tok))
        for c in tok.children:
            if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i < tok.i:
                for m in (c, *c.conjuncts):
                    if stance_word(m):
                        continue  # "an anti-Syria journalist" is not Syria's
                    a = self.at(m)
                    if a is not None and any(s <= head[0] and head[1] <= e for s, e in a.mentions
                                             if s <= m.idx < e):
                        a = None  # that mention is the whole phrase, not this modifier
                    a = a or self.country(m)
                    if a is None and m.dep_ == "compound":
                        # "US Predator attacks", "Israeli F-16 strikes": the owner
                        # modifies the compound that modifies the noun
                        a = next((x for g in m.children if g.dep_ in ("amod", "compound") and g.i < m.i
                                  if (x := self.at(g) or self.country(g)) is not None), None)
                    if a is not None:
                        out.append(a)
        return dedupe(out)

    def with_conjuncts(self, tok) -> list[Actor]:
        out: list[Actor] = []
        for t in (tok, *tok.conjuncts):
            for a in self.phrase(t):
                if all(a.id != b.id for b in out):
                    out.append(a)
        return out


#: prefixes that make a country word a stance ("anti-Syria", "pro-Iranian")
STANCE_PREFIXES = {"anti", "pro"}


def stance_word(tok) -> bool:
    """Whether a token is the country of an anti-/pro- stance, not an owner."""
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text in ("-", "–") and doc[tok.i - 2].lower_ in STANCE_PREFIXES


def _unplaced(a: Actor) -> bool:
    """A group actor of no country, no organisation and no person ("students",
    "the opposition"), of a kind found at home rather than abroad."""
    return (not a.country and a.kind not in ("person", "igo", "ngo", "organisation", "organization", "company")
            and (a.code or "")[:3] not in ("IGO", "NGO", "IMG", "MNC", "NGM")
            and (a.sector or "")[:3] not in OFTEN_ABROAD_SECTORS)


def dedupe(actors: list[Actor]) -> list[Actor]:
    """Actors in order, each once (by id)."""
    seen: set[str] = set()
    out = []
    for a in actors:
        if a.id not in seen:
            seen.add(a.id)
            out.append(a)
    return out
