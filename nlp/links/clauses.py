"""The clauses hung on an actor's noun phrase that say what the actor does: a relative clause whose
subject is the relative pronoun ("un passeur qui organisait les traversées"), or a participle of
accusing ("a Black Axe cell accused of running scams")."""

from __future__ import annotations

from spacy.tokens import Token

from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.bands import WHO, led_band_deed, relative_subject, whose_members
from ocwatch.nlp.links.tree import in_event, is_word, low


def _next_appositions(t: Token) -> list[Token]:
    """Appositions right after the noun: the small parser also hangs a later sentence's noun phrase on
    a far subject ("Researchers from X, posing as buyers, were offered logs by Y, a company that ...")."""
    return [a for a in t.children if a.dep_ == "appos" and not any(
        w.pos_ in ("VERB", "AUX") for w in t.doc[t.i + 1: a.left_edge.i])]


def _plural(v: Token) -> bool:
    """A verb, or its auxiliary, in the plural: "who ship", "qui acheminent", "who have shipped"."""
    return any(x.tag_ == "VBP" or "Plur" in x.morph.get("Number") for x in (v, *(
        a for a in v.children if a.dep_ in ("aux", "aux:tense", "aux:pass"))))


def _carriers(t: Token) -> list[tuple[Token, bool]]:
    """The words a clause on the name may hang on, and whether it must be plural to be the name's: the noun
    itself, its appositions, and the last of the names joined to it ("A and his brother B, who ship the
    sacks": the parser hangs the clause on B; a plural verb says it is both's)."""
    joined = [c for c in t.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
    return [(t, False), *((a, False) for a in _next_appositions(t)), *((c, True) for c in joined)]


def relative_clause_of(name: Token, h: Token, m: Token, band: bool = False) -> Token | None:
    """A relative clause on the actor's noun phrase (from the name up to its head) whose subject is
    the relative pronoun, holding the activity ("combattants de l'UPC qui transportaient des diamants"), or
    the members of a ``band`` ("the Front populaire de la Vakaga, whose elements levy fees")."""
    t = name
    for _ in range(4):
        # "Rekan Aziz, un passeur qui organisait les traversées": the clause may hang on the apposition
        # (or on the last of the names joined to it, _carriers)
        for c, both in ((c, both) for x, both in _carriers(t) for c in x.children):
            if c.dep_ not in lx.RELATIVE or (both and not _plural(c)):
                continue
            said = _said_of_it(c)
            if said is not None and not _others_between(name, said):
                c = said
            if (relative_subject(c) is not None or whose_members(c, band)) and (in_event(m, c) or led_band_deed(c, m)):
                return c
        if t.i == h.i or t.head.i == t.i:
            break
        t = t.head
    return None


def _said_of_it(c: Token) -> Token | None:
    """"Lwin Brothers Trading, which sources say buys scales from poachers": the relative pronoun is the
    subject of the clause a verb of saying reports, and that clause says what the antecedent does."""
    if not is_word(c, lx.REPORT_VERBS | lx.SAY_VERBS) or any(low(g) in WHO for g in c.children):
        return None
    return next((x for x in c.children if x.dep_ == "ccomp" and relative_subject(x) is not None), None)


def _others_between(name: Token, clause: Token) -> bool:
    """Another noun phrase coordinated after the name, before the relative pronoun: the parser hangs a far
    "which" on the first noun ("names an exporter, X, and its partner, Y, which it says buys the logs")."""
    who = relative_subject(clause)
    return who is not None and any(t.dep_ in ("conj", "cc") for t in name.doc[name.i + 1:who.i])


def accused_in_phrase(name: Token, h: Token, m: Token) -> bool:
    """A participle of accusing on the actor's noun phrase (from the name up to its head) whose
    clause holds the activity: "a Black Axe cell accused of running scams", "éléments soupçonnés de"."""
    t = name
    for _ in range(4):
        if any(c.dep_ in ("acl", "amod") and is_word(c, lx.ACCUSE_VERBS) and in_event(m, c) for c in t.children):
            return True
        if t.i == h.i or t.head.i == t.i:
            return False
        t = t.head
    return False
