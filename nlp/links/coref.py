"""References back to a named actor or a place within one paragraph: "the group", "ils", "its fighters", "there", "y".

Deliberately narrow: only the subject of an activity that names no actor is
resolved, to the last actor of the same paragraph that was a subject and took
no author, enforcer or investigator role; a commodity named again by a general
noun ("the ore", "le minerai") is the paragraph's last market. A paragraph break
ends every reference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.band_nouns import GROUP_NOUNS, naming_nouns, nouns_around, stem
from ocwatch.nlp.links.bands import bands_named_by_leader
from ocwatch.nlp.links.concerned import concerned, decided_on
from ocwatch.nlp.links.custody import ARREST_VERBS, ARREST_WORD, armed, arrested_by_the_state
from ocwatch.nlp.links.kinds import reporter
from ocwatch.nlp.links.named_again import goods_named_again, money_named_again
from ocwatch.nlp.links.roles import actor_head
from ocwatch.nlp.links.select import is_market
from ocwatch.nlp.links.story_places import not_a_site
from ocwatch.nlp.links.tree import is_word
from ocwatch.nlp.links.tree import low as _low
from ocwatch.nlp.links.victims_again import victims_named_again

Row = dict[str, Any]


@dataclass
class Memory:
    """What a paragraph has named so far."""
    ref_year: int = 0
    paragraph: int = -1
    actors: list[Row] = field(default_factory=list)
    places: list[Row] = field(default_factory=list)
    markets: list[Row] = field(default_factory=list)
    # each actor named so far with the nouns the text named it by ("the BlackMoth ransomware group": group)
    named: list[tuple[Row, frozenset[str]]] = field(default_factory=list)
    decided: list[Row] = field(default_factory=list)  # persons a freeze, a listing or a sanction names
    # (sentence, place) of the document's places named only to locate another (nested_places.located_pairs)
    locators: frozenset[tuple[int, str]] = frozenset()

    def enter(self, paragraph: int) -> None:
        if paragraph != self.paragraph:
            self.paragraph, self.actors, self.places, self.markets, self.named, self.decided = (
                paragraph, [], [], [], [], [])

    def locates_another(self, place: Row) -> bool:
        """The place is named only to say where another is: no later sentence happens there."""
        return (place["sent_idx"], place.get("entity_id")) in self.locators

    def last_market(self) -> Row | None:
        return self.markets[-1] if self.markets else None

    def last_actor(self) -> Row | None:
        return self.actors[-1] if self.actors else None

    def last_band(self) -> Row | None:
        """The last actor named with a band's noun ("a criminal organization") or listed as a band."""
        bands = {id(r) for r, nouns in self.named if nouns & _BAND_STEMS} | {
            id(r) for r in self.actors if r.get("actor_type") in _BAND_TYPES}
        return next((r for r in reversed(self.actors) if id(r) in bands), None)

    def last_place(self) -> Row | None:
        return self.places[-1] if self.places else None


# The nouns of an armed or criminal band, and the actor types of bands.
_BAND_STEMS = frozenset(stem(w) for w in ("group", "gang", "militia", "network", "cartel", "faction", "syndicate",
                                          "crew", "clan", "organisation", "organization", "movement", "ring", "cell",
                                          "groupe", "bande", "milice", "réseau", "mouvement", "cellule", "filière",
                                          *lx.KIND_NOUNS))
_BAND_TYPES = frozenset({"mafia_style_groups", "criminal_networks"})


# The group's own people or parts, after a possessive: "its fighters", "ses cellules", "leurs hommes".
MEMBER_NOUNS = frozenset({"troops", "soldiers", "men", "members", "cells", "units", "commanders", "combatants",
                          "elements", "networks", "éléments", "hommes", "troupes", "membres", "cellules", "unités",
                          "commandants", "réseaux", "soldats", "partisans",
                          # a boss's hands: "his couriers fly the tusks", "ses convoyeurs"
                          "couriers", "drivers", "associates", "accomplices", "henchmen", "lieutenants",
                          "convoyeurs", "chauffeurs", "complices", "passeurs"})


def refers_back(subject: Token | None) -> bool:
    """A subject that points back to a named actor: a pronoun, "the group", "its fighters"."""
    if subject is None:
        return False
    if _low(subject) in lx.ANAPHORS and (subject.pos_ == "PRON" or any(
            _low(c) in lx.DEMONSTRATIVES | {"its", "their", "ses", "leurs", "son", "sa"} for c in subject.children)):
        return True
    return any(c.dep_ in ("poss", "nmod:poss", "det") and _low(c) in (
        "its", "their", "his", "her", "ses", "leurs", "son", "sa") for c in subject.children) and _low(
        subject) in lx.ANAPHORS | MEMBER_NOUNS


def payee_named_again(pay: Token) -> Token | None:
    """Whom a verb of paying pays, when it refers back: "pay the group", "paient aux combattants du groupe"."""
    for c in pay.children:
        for t in (c, *(g for g in c.children if g.dep_ in ("pobj", "nmod"))):
            if (c.dep_ in ("dobj", "obj", "iobj", "obl:arg", "dative") or _low(c) in ("to", "à", "aux", "au")) and \
                    refers_back(t):
                return t
    return None


_DEFINITE = frozenset({"the", "this", "that", "same", "le", "la", "l'", "ce", "cette", "cet", "même"})


def _members_of(subject: Token) -> Token | None:
    """"The militia's men", "the gang's fighters": the band the members belong to, by a band's own noun
    ("the group's men" may be an NGO's, which the text called "a human rights group")."""
    if _low(subject) not in MEMBER_NOUNS | {"fighters", "combattants"}:
        return None
    return next((c for c in subject.children if c.dep_ in ("poss", "nmod:poss") and c.pos_ == "NOUN"
                 and _low(c) not in ("group", "groupe", "organisation", "organization")), None)


def named_by_noun(memory: Memory, subject: Token | None) -> Row | None:
    """"The group", "the same cell", "la guérilla": the last actor the paragraph named with that noun
    (a noun for a group: "the lab" or "the members" are no name's)."""
    # "The paramilitary controls": the model may tag a group noun an adjective
    if subject is None or subject.pos_ not in ("NOUN", "ADJ") or not any(
            _low(c) in _DEFINITE for c in subject.children):
        return None
    noun = stem(_low(subject))
    noun = "company" if noun in lx.COMPANY_NOUNS else noun
    if noun not in GROUP_NOUNS:
        return None
    row = next((row for row, nouns in reversed(memory.named) if noun in nouns), None)
    return row or None  # {}: a company the text introduced without a name ("a local firm") came last


def points_to_place(tokens: list[Token]) -> bool:
    """'there', French 'y', 'in the area': the activity is where the paragraph last said."""
    for t in tokens:
        low = _low(t)
        if low in ("there", "y") and t.dep_ in ("advmod", "expl", "obl", "obl:mod", "iobj", "expl:comp"):
            return True
        if low in lx.PLACE_ANAPHORS - {"there", "y"} and any(_low(c) in lx.DEMONSTRATIVES for c in t.children):
            return True
    return False


# Verbs whose subject does not act in the activity: who seized, said or investigated it.
_NOT_ACTING = lx.ENFORCE_VERBS | lx.REPORT_VERBS | lx.INVESTIGATE_VERBS | lx.SANCTION_WORDS


def earlier_subject(actors: list[tuple[Row, Span]], subject: Token | None) -> Row | None:
    """"Le JNIM n'a pas imposé de blocus, mais ses combattants rançonnent...": a subject that refers
    back in a later clause of the sentence points to the subject of an earlier clause first."""
    if subject is None:
        return None
    for am, a in reversed([(am, a) for am, a in actors if a.end <= subject.i]):
        h, _ = actor_head(a, set())
        # not who seized, said or investigated; the group that was dismantled still has its cells
        if h.dep_ in lx.PASSIVE_SUBJECT or (h.dep_ in lx.SUBJECT and not is_word(h.head, _NOT_ACTING)):
            return am
        if _speaks_of_itself(h, subject):
            return am
    return None


def _speaks_of_itself(h: Token, subject: Token) -> bool:
    """"The group said on its leak site that it had encrypted the records": "it" in what a speaker says
    is the speaker, when the verb is not one of seizing or inquiring."""
    say = h.head
    return h.dep_ in lx.SUBJECT and is_word(say, lx.REPORT_VERBS | lx.SAY_VERBS) and _low(subject) in (
        "it", "il", "elle") and any(a.i == say.i for a in subject.ancestors) and not is_word(subject.head, _NOT_ACTING)


def referred_actor(actors: list[tuple[Row, Span]], subject: Token | None, market: Span, memory: Memory,
                   market_row: Row | None, named: set[int]) -> Row | None:
    """The earlier actor an activity with no named participant refers back to, if any: the group named
    with the subject's noun ("the same cell"), the antecedent of "the group", "ils", "its fighters",
    or the last actor when the goods or the victims are named again in an agentless passive."""
    if concerned(subject):
        return memory.decided[-1] if memory.decided else None
    if subject is not None and subject.i not in named:
        members = _members_of(subject)
        by_noun = named_by_noun(memory, members or subject)
        if members is not None and by_noun and reporter(by_noun):
            by_noun = None  # "Amnesty International, a human rights group ... the group's men": no band's men
        if by_noun is not None:
            return by_noun
        ante = earlier_subject(actors, subject) or memory.last_actor()
        if refers_back(subject) and ante is not None:
            return ante
    if memory.last_actor() is not None and (goods_named_again(subject, market, memory, market_row)
                                            or victims_named_again(subject, market, memory, market_row)
                                            or money_named_again(subject, market, memory, market_row)):
        return memory.last_actor()
    owner = owner_referred(market)
    if owner is not None:
        # "Their cobalt" after "Global Witness investigated ... suppliers" is the suppliers': a plural
        # possessive refers back by its noun or to a band (no reporter is one); "its", "ses" to the last actor
        by_noun = named_by_noun(memory, owner)
        if _low(owner) not in _PLURAL_POSSESSIVES:
            return by_noun or memory.last_actor()
        # "Une partie de leurs armes arrive du Nigeria" after a band: its goods; not "leurs ravisseurs" (an
        # activity's doers are the victims')
        goods = market_row is not None and not str(market_row.get("entity_id") or "").startswith("activity:")
        return by_noun or (memory.last_band() if goods else None)
    return None


_PLURAL_POSSESSIVES = frozenset({"their", "leurs", "leur"})


def owner_referred(market: Span) -> Token | None:
    """Goods whose owner is named again: "Its rifles", "Ses armes", "the gang's rifles", "les fusils du
    gang" (not "their" of people the rules do not read as a group: "the migrants' boats" is no possessive
    pronoun nor a group noun); "of the group" hangs on its preposition and is not read."""
    for c in market.root.children:
        if c.dep_ in ("poss", "nmod:poss", "det") and _low(c) in lx.POSSESSIVES:
            return c
        if c.dep_ in ("poss", "nmod:poss", "nmod") and _low(c) in lx.ANAPHORS - lx.POSSESSIVES and any(
                _low(d) in _DEFINITE | {"du", "des"} for d in c.children):
            return c
    return None


def remember(actors: list[tuple[Row, Span]], locations: list[tuple[Row, Span]], spans: list[tuple[Row, Span]],
             memory: Memory, roles_of: dict) -> None:
    """What a parsed sentence leaves for the next ones to refer back to: its acting actors (a subject or
    a participant; never a source, investigator, enforcer or victim), its sites and its markets."""
    memory.decided += decided_on(actors[0][1].doc.text, [(am, a.start_char) for am, a in actors]) if actors else []
    bad = {a for (a, _), (r, _) in roles_of.items() if r in ("author", "investigator", "enforcer", "victim")}
    roles_of_ids = {a for a, _ in roles_of}
    named = {i for _, a in actors for i in range(a.start, a.end)}
    for am, a in actors:
        # a panel, an agency or a newspaper is never "the armed group" of a later sentence
        if id(am) in bad or reporter(am):
            continue
        # "a network led by X ... the network": the leader, unless the band has a name of its own
        led = frozenset(stem(_low(b)) for b in bands_named_by_leader(a.root) if b.i not in named)
        others = frozenset(named - set(range(a.start, a.end)))
        memory.named.append((am, naming_nouns(a, am.get("surface") or "", others) | led))
        h, _ = actor_head(a, set())
        if h.dep_ in lx.SUBJECT and h.head.lemma_.lower() in lx.REPORT_VERBS and id(am) not in roles_of_ids:
            continue  # "..., the Hiraal Institute said": a source with no part of its own is no antecedent
        if h.dep_ in lx.SUBJECT and is_word(h.head, ARREST_VERBS) and not armed(am):
            continue  # "les agents ... ont arrêté un trafiquant": who arrests is not who "il" is next
        # not whom the goods were bought from: "the weapons" next are the buyers'
        if arrested_by_the_state(a.root, actors) or h.dep_ in lx.SUBJECT | {"ROOT", "root"} or any(
                k[0] == id(am) and v[0] == "participant" and v[1] != "seller" for k, v in roles_of.items()):
            memory.actors.append(am)
    memory.places += [m for m, s in locations if not not_a_site(s) and not memory.locates_another(m)]
    memory.markets += [m for m, _ in spans if is_market(m)]


_INDEFINITE = frozenset({"a", "an", "another", "un", "une", "autre"})


_UNNAMED_COMPANY = re.compile(r"\b(?:an?|another|une?|autre)\s+(?:[a-zé-]+\s+){0,2}(?:company|firm|société|entreprise|"
                              r"firme|compagnie)\b(?!,?\s+(?-i:[A-Z]))", re.I)


def note_unnamed_text(text: str, memory: Memory) -> None:
    """note_unnamed on words alone, for text no parse holds."""
    if _UNNAMED_COMPANY.search(text):
        memory.named.append(({}, frozenset({"company"})))


def note_unnamed(doc: Doc, memory: Memory) -> None:
    """A company introduced without a name ("a Lebanese firm whose name was withheld", "une société locale")
    is what "the company" names next, not the last company with a name."""
    for t in doc:
        if t.lower_ in lx.COMPANY_NOUNS and any(_low(c) in _INDEFINITE for c in t.children) and not any(
                c.dep_ in ("appos", "flat", "flat:name", "compound", "nmod") and c.pos_ == "PROPN" for c in t.children):
            memory.named.append(({}, frozenset({"company"})))


def remember_unparsed(sentence: Row, ms: list[Row], memory: Memory) -> None:
    """What a sentence left unparsed leaves: the first-named actor is most often the subject, so the
    likeliest antecedent, and is remembered last; not a place named only to locate another
    (Memory.locates_another), as a parsed sentence does not remember one (story_places.not_a_site)."""
    actors = [m for m in ms if m["kind"] == "actor" and not reporter(m)]
    memory.decided += decided_on(sentence["text"], [(m, m["start_char"] - sentence["start_char"]) for m in actors])
    note_unnamed_text(sentence["text"], memory)
    arrest = ARREST_WORD.search(sentence["text"])
    at = sentence["start_char"] + arrest.start() if arrest is not None else 0
    if arrest is not None and not any(armed(m) for m in actors if m["start_char"] < at):
        # the arrested, named after the word, are remembered; the police who arrest are not (an armed group
        # that detains someone stays the one the next sentence tells of)
        actors = [m for m in actors if m["start_char"] > at]
    memory.actors += actors[::-1]
    memory.named += [(m, nouns_around(sentence, m)) for m in actors]
    memory.places += [m for m in ms if m["kind"] == "location" and not memory.locates_another(m)]
    memory.markets += [m for m in ms if is_market(m)]
