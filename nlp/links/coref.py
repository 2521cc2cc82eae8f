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

from ocwatch.nlp.gazetteer import fold
from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.bands import NAMING_VERBS
from ocwatch.nlp.links.concerned import concerned, decided_on
from ocwatch.nlp.links.custody import ARREST_VERBS, ARREST_WORD, armed, arrested_by_the_state
from ocwatch.nlp.links.kinds import WRITER_KINDS, kind_of, source_body
from ocwatch.nlp.links.mask import PLACEHOLDERS
from ocwatch.nlp.links.named_again import goods_named_again, victims_named_again
from ocwatch.nlp.links.roles import actor_head
from ocwatch.nlp.links.select import is_market
from ocwatch.nlp.links.story_places import not_a_site
from ocwatch.nlp.links.tree import is_word
from ocwatch.nlp.links.tree import low as _low

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

    def enter(self, paragraph: int) -> None:
        if paragraph != self.paragraph:
            self.paragraph, self.actors, self.places, self.markets, self.named, self.decided = (
                paragraph, [], [], [], [], [])

    def last_market(self) -> Row | None:
        return self.markets[-1] if self.markets else None

    def last_actor(self) -> Row | None:
        return self.actors[-1] if self.actors else None

    def last_place(self) -> Row | None:
        return self.places[-1] if self.places else None


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


def _stem(word: str) -> str:
    return word[:-1] if word.endswith(("s", "x")) and len(word) > 3 else word


def naming_nouns(a: Span, surface: str) -> frozenset[str]:
    """The common nouns a name is given with: "the BlackMoth ransomware group" (group), "a cell of
    the Tren de Aragua" (cell), "Los Chapitos, a faction of" (faction), "Jalisco New Generation
    Cartel" (cartel, the name's own last word: the parsed sentence holds a placeholder for the name),
    "la confraternité Black Axe" (confraternité)."""
    h = a.root
    words = surface.lower().replace("’", "'").split()
    # the name's last word ("Jalisco New Generation Cartel") or its first ("Cártel de la Sierra Roja",
    # "Brigade Al-Nasr"), the accent gone as in "the cartel"
    nouns = {words[-1], fold(words[0])} if len(words) > 1 else set()
    if _low(h) in lx.COMPANY_NOUNS or (_stem(_low(h)) in _GROUP_NOUNS and _low(h) not in PLACEHOLDERS):
        nouns.add(_low(h))  # the name masked behind its noun: "la société [Kivu Bois]", "le clan [Lučić]"
    for _ in range(3):  # "the BlackMoth ransomware group": BlackMoth -> ransomware -> group
        head = h.head.head if h.dep_ == "pobj" and _low(h.head) in ("of", "de", "du", "des") else h.head
        nouns |= {_low(c) for c in h.children if c.dep_ == "appos" and c.pos_ == "NOUN"}
        if head.i == h.i or head.pos_ != "NOUN" or h.dep_ not in (
                "compound", "nmod", "appos", "flat", "flat:name", "pobj", "amod"):
            break
        nouns.add(_low(head))
        h = head
    if words and words[-1] in lx.LEGAL_FORMS:
        nouns.add("company")
    nouns |= _noun_naming(a)
    return _as_company(frozenset(_stem(n) for n in nouns if n.isalpha()))


def _noun_naming(a: Span) -> set[str]:
    """The noun a name is given to when the parse does not hang the name on it: "the paramilitary Quwat
    al-Nasr" (the word before the name), "a militia known as the Ngbaluku Rangers" (the noun the naming
    verb describes)."""
    doc, h = a.doc, a.root
    before = doc[a.start - 1] if a.start > 0 else None
    nouns = {_low(before)} if before is not None and before.pos_ in ("NOUN", "ADJ") else set()
    v = h.head.head if h.dep_ == "pobj" else h.head
    if is_word(v, NAMING_VERBS) and v.dep_ in ("acl", "amod") and v.head.pos_ == "NOUN":
        nouns.add(_low(v.head))
    return nouns


def _as_company(nouns: frozenset[str]) -> frozenset[str]:
    """"firm", "société", "entreprise" all name a company again."""
    return nouns | {"company"} if nouns & lx.COMPANY_NOUNS else nouns


_OF_BEFORE = re.compile(r"(\w+) (?:of|de|du|des) (?:the |la |le |les |l')?$")
# "a militia known as the Ngbaluku Rangers", "un groupe armé appelé X"
_KNOWN_AS = re.compile(r"(\w+) (?:armée? )?(?:known as|called|calling itself|dubbed|connue? sous le nom d[e'] ?|"
                       r"appelée?|baptisée?|surnommée?|se faisant appeler) (?:the |la |le |les |l')?$")


def nouns_around(sentence: Row, mention: Row) -> frozenset[str]:
    """The group nouns around a name in a sentence that was not parsed: "a cell of the Tren de Aragua",
    "the BlackMoth ransomware group", and the name's own last word."""
    text, start = sentence["text"], sentence["start_char"]
    before = text[: mention["start_char"] - start].lower()
    after = text[mention["end_char"] - start:].lower().split()[:2]
    found = _OF_BEFORE.search(before) or _KNOWN_AS.search(before)
    name = mention["surface"].lower().split() or [""]
    first, last = name[0], name[-1]
    # "du groupe armé Maï-Maï Kyaghanda", "the armed group X": the noun right before the name
    right_before = before.replace("’", "'").split()[-2:]
    words = [*(([found.group(1)]) if found else []), *right_before, *after, last, fold(first),
             *(["company"] if last in lx.LEGAL_FORMS else [])]
    return _as_company(frozenset(_stem(w) for w in words if _stem(w) in _GROUP_NOUNS))


_GROUP_NOUNS = frozenset(_stem(w) for w in lx.ANAPHORS | lx.KIND_NOUNS | lx.GROUP_NOUNS_FOR_LEAD | lx.COMPANY_NOUNS)


def named_by_noun(memory: Memory, subject: Token | None) -> Row | None:
    """"The group", "the same cell", "la guérilla": the last actor the paragraph named with that noun
    (a noun for a group: "the lab" or "the members" are no name's)."""
    # "The paramilitary controls": the model may tag a group noun an adjective
    if subject is None or subject.pos_ not in ("NOUN", "ADJ") or not any(_low(c) in _DEFINITE for c in subject.children):
        return None
    noun = _stem(_low(subject))
    noun = "company" if noun in lx.COMPANY_NOUNS else noun
    if noun not in _GROUP_NOUNS:
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
        by_noun = named_by_noun(memory, subject)
        if by_noun is not None:
            return by_noun
        ante = earlier_subject(actors, subject) or memory.last_actor()
        if refers_back(subject) and ante is not None:
            return ante
    if memory.last_actor() is not None and (goods_named_again(subject, market, memory, market_row)
                                            or victims_named_again(subject, market, memory, market_row)):
        return memory.last_actor()
    owner = owner_referred(market)
    if owner is not None:
        # "Their cobalt" after "Global Witness investigated ... suppliers" is the suppliers': a plural
        # possessive refers back only by its noun; "its", "ses" to the last actor
        by_noun = named_by_noun(memory, owner)
        return by_noun or (memory.last_actor() if _low(owner) not in _PLURAL_POSSESSIVES else None)
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
    for am, a in actors:
        # a panel, an agency or a newspaper is never "the armed group" of a later sentence
        if id(am) in bad or kind_of(am) in WRITER_KINDS or source_body(am):
            continue
        memory.named.append((am, naming_nouns(a, am.get("surface") or "")))
        h, _ = actor_head(a, set())
        if h.dep_ in lx.SUBJECT and h.head.lemma_.lower() in lx.REPORT_VERBS and id(am) not in roles_of_ids:
            continue  # "..., the Hiraal Institute said": a source with no part of its own is no antecedent
        if h.dep_ in lx.SUBJECT and is_word(h.head, ARREST_VERBS) and not armed(am):
            continue  # "les agents ... ont arrêté un trafiquant": who arrests is not who "il" is next
        if arrested_by_the_state(a.root, actors) or h.dep_ in lx.SUBJECT | {"ROOT", "root"} or any(
                k[0] == id(am) and v[0] == "participant" for k, v in roles_of.items()):
            memory.actors.append(am)
    memory.places += [m for m, s in locations if not not_a_site(s)]
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
    likeliest antecedent, and is remembered last."""
    actors = [m for m in ms if m["kind"] == "actor" and kind_of(m) not in WRITER_KINDS and not source_body(m)]
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
    memory.places += [m for m in ms if m["kind"] == "location"]
    memory.markets += [m for m in ms if is_market(m)]
