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
                          "condamner", "inculper", "arrêter", "interpeller", "écrouer", "juger", "poursuivre",
                          # a sanctions listing gives its reasons the same way: "designated X for procuring
                          # firearms", "inscrit X sur sa liste pour avoir financé"
                          "designate", "sanction", "list", "blacklist", "désigner", "sanctionner", "inscrire"})
# What introduces the charge: "of laundering", "for smuggling", "pour trafic", "pour avoir organisé".
_CHARGE_PREPS = frozenset({"of", "for", "pour"})
# Police releases say it on a noun of suspicion: "arrested X on suspicion of smuggling", "on charges of".
_SUSPICION = frozenset({"suspicion", "suspicions", "charge", "charges", "accusation", "accusations", "allegation",
                        "allegations", "soupçon", "soupçons", "soupcon", "soupcons"})


def _charge_phrase(c: Token) -> bool:
    if low(c) in _CHARGE_PREPS and c.dep_ == "prep":  # English: the preposition hangs on the verb
        return True
    if prep_of(c) in _CHARGE_PREPS:  # French: "pour trafic" (obl with its case)
        return True
    if low(c) in ("on", "sous") and c.dep_ == "prep" and any(is_word(p, _SUSPICION) for p in c.children):
        return True  # "on suspicion of smuggling", "on charges of"
    # "pour avoir produit du captagon", which the French model may also read as an oblique
    return c.dep_ in ("advcl", "xcomp", "obl:mod") and any(low(g) in _CHARGE_PREPS for g in c.children
                                                            if g.dep_ == "mark")


# What may stand between the charge's preposition and the goods: the activity's own words ("of smuggling
# cobalt", "pour trafic de cassitérite", "pour avoir organisé des traversées"); a relative or adverbial
# clause, or a noun of another deed ("for the murder of a journalist who exposed smuggling") may not.
_CHAIN_DEPS = frozenset({"prep", "pobj", "pcomp", "dobj", "obj", "nmod", "compound", "amod", "obl", "obl:arg", "obl:mod", "xcomp",
                         "conj", "advmod", "case"})


# Amounts and loads of the goods: "of buying dozens of rifles", "pour trafic de 300 kilos de cannabis".
_AMOUNTS = lx.QUANTITY_NOUNS


# One's part in the deed: "pour son rôle dans le trafic de bois de rose", "for his involvement in".
_PART_NOUNS = frozenset({"role", "rôle", "involvement", "implication", "participation", "part"})


def _inside_charge(c: Token, m: Token) -> bool:
    t = m
    for _ in range(5):
        if t.i == c.i and any(g.dep_ in ("mark", "aux", "aux:tense") for g in t.children):
            return True  # a verb's clause, even tagged a noun ("pour avoir produit du captagon")
        if t.i != m.i and t.pos_ == "NOUN" and not is_word(t, lx.ACTIVITY_NOUNS | _AMOUNTS | _PART_NOUNS | _SUSPICION):
            return False  # "pour le meurtre d'un orpailleur": another deed
        if t.i == c.i:
            return True
        if t.dep_ not in _CHAIN_DEPS:
            return False
        t = t.head
    return False


_MEMBERS = frozenset({"member", "members", "fighter", "fighters", "militant", "militants", "affiliate", "affiliates",
                      "leader", "leaders", "associate", "associates", "operative", "operatives", "commander",
                      "commanders"})


# Adding to a list is a listing only with the list named: "added to its list X for producing captagon".
_ADDING = frozenset({"add", "ajouter"})
_LISTS = frozenset({"list", "lists", "liste", "listes"})


def charging(v: Token) -> bool:
    """A verb that convicts, charges, arrests or lists somebody (adding to a list named as one)."""
    return is_word(v, CHARGE_VERBS) or (is_word(v, _ADDING) and any(
        low(w) in _LISTS for c in v.children if c.dep_ not in lx.SUBJECT for w in c.subtree))


def listed_by(h: Token) -> Token | None:
    """The verb of listing whose listed one the name at ``h`` is when the parser hangs the name on the list:
    "added to its list [X]" (X the object of "to"), "a inscrit sur sa liste [X]" (X the list's nmod)."""
    if low(h) in _LISTS and h.head.i != h.i and charging(h.head):
        return h.head  # the name's head climbed to the list it hangs on
    t = h.head
    if h.dep_ == "pobj" and low(t) == "to" and is_word(t.head, _ADDING) and charging(t.head):
        return t.head
    if low(t) in _LISTS and h.dep_ in ("nmod", "appos", "compound") and t.head.i != t.i and charging(t.head):
        return t.head
    return None


# What one is punished for that takes no part in the trade: "sanctioned Judge X for acquitting a trafficker",
# "pour avoir défendu un trafiquant", "for paying a ransom", "for reporting on arms trafficking".
_NOT_A_DEED = frozenset({"acquit", "defend", "represent", "pay", "report", "expose", "investigate", "denounce",
                         "release", "free", "welcome", "help", "rescue", "fight", "acquitter", "défendre",
                         "représenter", "payer", "dénoncer", "relâcher", "libérer", "accueillir", "aider",
                         "secourir", "lutter", "combattre", "enquêter",
                         # "on suspicion of killing a heroin trafficker": another deed
                         "kill", "murder", "assassinate", "shoot", "stab", "tuer", "assassiner", "poignarder"})


def _not_a_deed(c: Token) -> bool:
    """The charge's verb ("for acquitting", "pour avoir défendu") is no deed of the trade."""
    verbs = [c, *(g for g in c.children if g.dep_ in ("pcomp", "pobj") and not is_word(g, _SUSPICION))]
    return any(v.pos_ in ("VERB", "AUX", "NOUN") and is_word(v, _NOT_A_DEED | lx.ENFORCE_VERBS) for v in verbs)


def accusing_participle(c: Token) -> bool:
    """A participle of accusing on an arrest says its charge: "arrested X, accusing them of organising"."""
    return c.dep_ in ("advcl", "conj") and is_word(c, lx.ACCUSE_VERBS) and charging(c.head) and any(
        o.dep_ in lx.OBJECT and o.pos_ == "PRON" for o in c.children)


def charged_with(v: Token, m: Token) -> bool:
    """``v`` convicts, charges or arrests somebody for the activity at ``m``: the market is the verb's
    charge phrase ("of laundering", "pour trafic de", "pour avoir organisé"), which the small parsers also
    hang on the one charged ("convicted group of smuggling"), not a deed of others inside it."""
    if not charging(v):
        return False
    # the English model also hangs the charge on the sentence: "sentenced X to ten years for smuggling"
    terms = [p for c in v.children if c.dep_ == "prep" and low(c) == "to" for p in c.children if p.dep_ == "pobj"]
    # and the French model hangs it on the agent: "désigné par le Comité pour trafic d'armes"
    agents = [c for c in v.children if c.dep_ == "obl:agent"]
    accusing = [c for c in v.children if accusing_participle(c)]
    objects = [o for o in v.children if o.dep_ in lx.OBJECT]
    # ... or on the band the one charged belongs to: "convicted nine members of the clan of smuggling" (its
    # members, not its rivals, victims or killers, nor a truck's driver)
    bands = [b for o in objects if is_word(o, _MEMBERS) for p in o.children if p.dep_ == "prep" and low(p) == "of"
             for b in p.children if b.dep_ == "pobj"]
    heads = [v, *objects, *bands, *terms, *agents, *accusing]
    phrases = [c for h in heads for c in h.children if _charge_phrase(c)]
    return any(_inside_charge(c, m) and not is_word(c, lx.INVESTIGATE_VERBS | lx.REPORT_VERBS) and not _not_a_deed(c)
               and not _other_deed_between(c, m) for c in phrases)


def _other_deed_between(c: Token, m: Token) -> bool:
    """"on suspicion of killing a heroin trafficker": a verb of another deed between the charge and the goods."""
    for a in m.ancestors:
        if a.i == c.i:
            return False
        if a.pos_ == "VERB" and is_word(a, _NOT_A_DEED):
            return True
    return False


def _agent_noun(t: Token) -> bool:
    """Those who do it: "passeur", "smuggler", "trafiquant", "trader"."""
    return is_word(t, lx.OFFENDER_NOUNS) or (
        t.pos_ == "NOUN" and low(t).endswith(("er", "ers", "eur", "eurs", "ant", "ants", "ier", "iers")))


def apposed_agent(actor: Span, market: Span) -> bool:
    """The name and the market's agent noun are each other's apposition: "Ahmed Bako, a gold smuggler",
    "Omar Sheikh, a charcoal trader" (the goods word is the mention, the trader its head), "X, un passeur
    qui organisait"; not "a barge operator, X" (an operator is no market)."""
    m, a = market.root, actor.root
    if not _agent_noun(m) and m.dep_ in ("compound", "nmod", "amod") and _agent_noun(m.head):
        m = m.head
    elif not _agent_noun(m):
        return False
    if (m.dep_ == "appos" and m.head.i == a.i) or (a.dep_ == "appos" and a.head.i == m.i):
        return True
    # "Un passeur sénégalais, X, a été arrêté": the small parsers make the name a conjunct, with no "et"
    return a.dep_ == "conj" and a.head.i == m.i and a.i > 0 and a.doc[a.i - 1].text == "," and not any(
        c.dep_ == "cc" for c in a.children)
