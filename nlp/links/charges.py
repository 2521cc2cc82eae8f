"""What a court, a charge or an arrest says a person did, and what an apposition says a person is.

"convicted Peter Hollis of laundering £14 million", "X was arrested in Goma for smuggling gold",
"a condamné Jean Mutombo pour trafic de cassitérite": the one convicted, charged or arrested for an
activity is named as its participant, as "accused of" already is (the court or the police enforce).
"Ahmed Bako, a gold smuggler from Kano", "Rekan Aziz, un passeur qui organisait les traversées": a name
apposed to the activity's own agent noun is who does it.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.tree import is_word, low, prep_of

# Verbs whose object (or passive subject) a charge phrase says did something.
CHARGE_VERBS = frozenset({"convict", "sentence", "arrest", "detain", "jail", "indict", "prosecute", "fine",
                          "condamner", "inculper", "arrêter", "interpeller", "écrouer", "juger", "poursuivre"})
# What introduces the charge: "of laundering", "for smuggling", "pour trafic", "pour avoir organisé".
_CHARGE_PREPS = frozenset({"of", "for", "pour"})


def _charge_phrase(c: Token) -> bool:
    if low(c) in _CHARGE_PREPS and c.dep_ == "prep":  # English: the preposition hangs on the verb
        return True
    if prep_of(c) in _CHARGE_PREPS:  # French: "pour trafic" (obl with its case)
        return True
    return c.dep_ in ("advcl", "xcomp") and any(low(g) in _CHARGE_PREPS for g in c.children if g.dep_ == "mark")


def charged_with(v: Token, m: Token) -> bool:
    """``v`` convicts, charges or arrests somebody for the activity at ``m``: the market is inside
    the verb's charge phrase ("of laundering", "pour trafic de", "pour avoir organisé")."""
    if not is_word(v, CHARGE_VERBS):
        return False
    return any(_charge_phrase(c) and m.i in {w.i for w in c.subtree} for c in v.children)


def _agent_noun(m: Token, market: Span) -> bool:
    """The market mention names those who do it ("passeur", "gold smuggler", "trafiquant d'ivoire")."""
    return is_word(m, lx.OFFENDER_NOUNS) or (
        m.pos_ == "NOUN" and low(m).endswith(("er", "ers", "eur", "eurs", "ant", "ants", "ier", "iers")))


def apposed_agent(actor: Span, market: Span) -> bool:
    """The name and the market's agent noun are each other's apposition: "Ahmed Bako, a gold smuggler",
    "a barge operator, X" is not (an operator is no market), "X, un passeur qui organisait"."""
    m, a = market.root, actor.root
    if not _agent_noun(m, market):
        return False
    if (m.dep_ == "appos" and m.head.i == a.i) or (a.dep_ == "appos" and a.head.i == m.i):
        return True
    # "Un passeur sénégalais, X, a été arrêté": the small parsers make the name a conjunct, with no "et"
    return a.dep_ == "conj" and a.head.i == m.i and a.i > 0 and a.doc[a.i - 1].text == "," and not any(
        c.dep_ == "cc" for c in a.children)
