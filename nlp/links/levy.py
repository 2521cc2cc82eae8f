"""Verbs of taking a cut with no market named: "taxes coltan", "collect a fee", "rançonnent", and a
recurring payment ("demand a gram of gold a week", "verser chaque semaine cinq grammes d'or aux
miliciens", "pay rebels for protection"). Extortion by whoever takes it (roles.py says who).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ocwatch.nlp import config
from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.tree import low
from ocwatch.nlp.links.verb_roles import asks_a_sum, lawful_charge
from ocwatch.nlp.tolls import in_quotes

# A payment that comes back every week or month is a cut, whatever it is paid in.
RECURRING = frozenset({"week", "month", "day", "weekly", "monthly", "daily", "semaine", "mois", "jour",
                       "hebdomadaire", "hebdomadaires", "mensuel", "mensuelle", "mensuels", "mensuelles",
                       "quotidien", "quotidienne"})
# "pay X for protection", "payer pour leur protection": what the payment buys is being left alone.
PROTECTION = frozenset({"protection", "sécurité", "security"})


def _recurring_or_protection(t: Token) -> bool:
    """Below the verb, outside its subject: a period ("a week", "chaque semaine") or protection bought."""
    for c in t.children:
        if c.dep_ in lx.SUBJECT:
            continue
        for w in c.subtree:
            if low(w) in RECURRING or (low(w) in PROTECTION and low(w.head) in ("for", "pour", "contre")):
                return True
            if low(w) == "passage" and low(w.head) == "for" and any(low(c) == "safe" for c in w.children):
                return True  # "pays the KPC for safe passage"; not "paid smugglers for passage"
    return False


# Letting others work for a share: "JNIM lets miners reopen the sites in exchange for a share of the gold".
LET_VERBS = frozenset({"let", "allow", "permit", "authorise", "authorize", "tolerate", "laisser", "laisse",
                       "laissent", "autoriser", "autorise", "autorisent", "permettre", "permet", "permettent",
                       "tolérer", "tolère", "tolèrent"})
_EXCHANGE = frozenset({"exchange", "return", "échange", "contrepartie"})
SHARE_NOUNS = frozenset({"share", "cut", "part", "percentage", "portion", "pourcentage", "quote-part"})


def _for_a_share(t: Token) -> bool:
    """A verb of letting whose complements hold a share given in exchange: the one who lets takes a cut."""
    if not (t.lemma_.lower() in LET_VERBS or t.lower_ in LET_VERBS):
        return False
    words = {low(w) for c in t.children if c.dep_ not in lx.SUBJECT for w in c.subtree}
    return bool(words & _EXCHANGE) and bool(words & SHARE_NOUNS)


def _taken(c: Token) -> bool:
    """The verb's object; also "des droits" that fr_core_news_md reads as a phrase with the preposition
    "des" ("encaissent des droits de passage", "exigent des taxes"): the partitive article, misread."""
    return c.dep_ in lx.OBJECT or (c.dep_ == "obl:arg" and any(
        g.dep_ == "case" and low(g) in ("des", "du", "de") for g in c.children))


def _levy_object(c: Token) -> bool:
    """What is taken names a cut: "a fee", or a noun a cut's name qualifies before it ("« droits de
    passage »", where the English model hangs "droits" on "passage")."""
    if c.lower_ in lx.LEVY_NOUNS:
        return not _bare_part(c)
    return any(m.i < c.i and m.dep_ in ("nmod", "compound") and m.lower_ in lx.LEVY_NOUNS - SHARE_NOUNS
               for m in c.children)


_EACH = frozenset({"per", "each", "every", "par", "chaque"})


def _charges_a_sum(t: Token) -> bool:
    """A sum asked of each payer, whatever the object: "charges drivers up to 1,000 gourdes per trip",
    "charges each team around $500 per trip". Only verbs of asking (not "pay"): the payer names no taker."""
    if t.lemma_.lower() not in lx.SUM_VERBS or any(low(c) == "with" for c in t.children):
        return False  # "charged the commander with stealing $5,000 from each family": a court's charge
    words = [w for c in t.children if c.dep_ not in lx.SUBJECT for w in c.subtree]
    money = any(low(w) in config.CURRENCY_WORDS or w.text in config.CURRENCY_SIGNS for w in words)
    return money and any(low(w) in _EACH for w in words if w.pos_ in ("ADP", "DET"))


def _bare_part(c: Token) -> bool:
    """"take part in the trade", "prendre part au trafic": a part with no article is no share taken."""
    return c.lower_ == "part" and not any(d.dep_ in ("det", "nummod", "amod") for d in c.children)


def _verb_form(t: Token) -> bool:
    """A French finite form of taxing, read as the verb when tagged one, or when the small model tags it a
    noun but gives it a subject and no article ("Les Wazalendo taxent le coltan": "taxent" a noun)."""
    if t.lower_ not in lx.TAX_VERB_FORMS:
        return False
    return t.pos_ == "VERB" or (any(c.dep_ in lx.SUBJECT for c in t.children)
                                and not any(c.dep_ == "det" for c in t.children))


_TRAVELLERS = frozenset({"head", "person", "passenger", "migrant", "traveller", "traveler"})
_FARES = frozenset({"trip", "journey", "crossing", "passage", "seat", "ride", "voyage", "traversée", "trajet"})


def _fare(t: Token) -> bool:
    """A payment for the trip is a fare ("fait payer aux migrants 8 000 dollars pour un voyage"), not a
    cut; "for safe passage" is protection, which _recurring_or_protection reads."""
    for w in (w for c in t.children if c.dep_ not in lx.SUBJECT for w in c.subtree):
        purpose = low(w.head) in ("for", "pour") or any(c.dep_ == "case" and low(c) == "pour" for c in w.children)
        if low(w) in _FARES and purpose and not any(low(c) == "safe" for c in w.children):
            return True
        # "charging 300 dollars a head", "per passenger": a price per traveller (not "a head of cattle")
        per = low(w.head) == "per" or any(low(c) in ("a", "an", "each") for c in w.children)
        if low(w) in _TRAVELLERS and per and not any(low(c) == "of" for c in w.children):
            return True
    return False


_TRAVELLING = frozenset({"migrants", "passengers", "travellers", "travelers", "refugees", "families", "clients",
                         "migrant", "passenger", "traveller", "traveler", "refugee"})


def _travellers_fare(t: Token) -> bool:
    """"charges migrants between €3,000 and €5,000 to take them across the border": what travellers are
    charged is a fare, unless a cut is named ("charges every migrant a fee", a levy noun)."""
    objects = [c for c in t.children if c.dep_ in lx.OBJECT or c.dep_ in ("dative", "iobj")]
    if any(low(w) in lx.LEVY_NOUNS - {"dollars", "francs"} for c in objects for w in c.subtree):
        return False
    # "charges Venezuelans $2,000 to cross into Chile", "were charged $3,000 each to reach the border": a
    # price for the journey, whoever pays it
    journey = any(c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in _JOURNEY for c in t.children)
    passengers = any(c.dep_ in lx.PASSIVE_SUBJECT and low(c) in _TRAVELLING for c in t.children)
    return journey or passengers or any(low(c) in _TRAVELLING for c in objects)


_JOURNEY = frozenset({"cross", "reach", "take", "travel", "go", "pass", "get", "board", "sail", "passer", "traverser",
                      "rejoindre", "gagner", "atteindre", "franchir", "embarquer"})


def _levies(t: Token) -> bool:
    lem, word = t.lemma_.lower(), t.lower_
    verb_form = _verb_form(t)
    taxes = (lem in lx.TAX_VERBS or word in lx.TAX_VERBS or verb_form) and t.dep_ not in (
        "pobj", "compound", "nmod", "obl")
    if taxes or _for_a_share(t):
        return True
    form = word in lx.PAY_VERB_FORMS  # "versent" tagged as an adverb
    if lem not in lx.LEVY_VERBS | lx.PAY_VERBS and not form:
        return False
    if (lem in lx.PAY_VERBS or form or lem in lx.LEVY_VERBS) and (_fare(t) or lawful_charge(t)):
        return False
    if any(_taken(c) and _levy_object(c) for c in t.children) or _charges_a_sum(t) or _after_the_payers(t) or \
            (asks_a_sum(t) and not _travellers_fare(t)) or \
            (lem in lx.PAY_VERBS and _at_checkpoints(t)):
        return True
    return (t.pos_ in ("VERB", "AUX") or form) and _recurring_or_protection(t)


_BARRIERS = frozenset({"checkpoint", "checkpoints", "roadblock", "roadblocks", "barrière", "barrières", "barrage",
                       "barrages", "poste", "postes"})


def _at_checkpoints(t: Token) -> bool:
    """Paying at a checkpoint is paying a cut: "lorries pay the group at checkpoints near Jilib", "paient
    aux barrières"."""
    return any(low(g) in _BARRIERS for c in t.children if low(c) in ("at", "à", "aux", "au") or c.dep_ in (
        "obl", "obl:mod", "obl:arg") for g in (c, *c.children))


def _after_the_payers(t: Token) -> bool:
    """"impose aux éleveurs une « taxe de pâturage »": the French model hangs the cut, after the payers,
    on them as their apposition; after a relative clause on the payers, on its last noun ("impose aux
    camionneurs qui empruntent la route nationale 8, à la frontière, un « péage »"), as an apposition or a
    conjunct."""
    return any((g.dep_ == "appos" or (g.dep_ == "conj" and not any(k.dep_ == "cc" for k in g.children)))
               and _levy_object(g)  # not "qui paient la patente et la taxe municipale, un couvre-feu"
               for c in t.children if c.dep_ in ("obl:arg", "iobj") for g in c.subtree if g.i != c.i)


# Taking a cut said as a noun: "la collecte des « taxes »", "la perception de la zakat", "the collection
# of the fees"; and a cut a participle says is taken: "des « taxes » imposées aux pêcheurs".
_COLLECTING = frozenset({"collecte", "perception", "prélèvement", "prélèvements", "collection", "collecting",
                         "levying", "recouvrement"})
_CUTS = frozenset({"taxe", "taxes", "zakat", "droits", "péage", "péages", "fee", "fees", "tolls", "levies",
                   "dîme", "tribut", "redevance", "redevances"})


def _taking_noun(t: Token) -> bool:
    if t.pos_ != "NOUN":
        return False
    if t.lower_ in _COLLECTING:
        # "collecte des « taxes »" (nmod) or "collection of illegal fees" (prep, then its pobj)
        cuts = [c for c in t.children if c.lower_ in _CUTS and c.dep_ == "nmod"] + [
            g for c in t.children for g in c.children if g.dep_ == "pobj" and g.lower_ in _CUTS]
        return any(_not_a_tax(c) for c in cuts)
    return t.lower_ in _CUTS and _not_a_tax(t) and any(
        c.dep_ in ("acl", "amod") and (c.lemma_.lower() in lx.LEVY_VERBS | lx.TAX_VERBS) and c.tag_ != "VBG"
        for c in t.children)


_ILLEGAL = frozenset({"illegal", "illicit", "illégale", "illégales", "illicite", "illicites", "so-called"})


def _not_a_tax(cut: Token) -> bool:
    """A cut a state or a charity does not take: in scare quotes ("la « zakat »") or called illegal; the tax
    office's "perception de la taxe foncière" is a tax."""
    return in_quotes(cut) or any(low(c) in _ILLEGAL for c in cut.children)


def levy_verbs(doc: Doc) -> list[Span]:
    """One-token spans of the verbs (or nouns) of taking (or paying) a cut in a sentence."""
    return [doc[t.i: t.i + 1] for t in doc if _levies(t) or _taking_noun(t)]


# Armed men no text names: "gunmen at checkpoints near Dirkou took a road tax", "des hommes armés non
# identifiés exigent", "Soldiers at the Joda checkpoint take 'tea money'". Their cut is an extortion with no
# named participant; a payer ("traders pay") is never one.
ARMED_PEOPLE = frozenset({"gunmen", "fighters", "militiamen", "militias", "rebels", "soldiers", "insurgents",
                          "jihadists", "combatants", "bandits", "policemen", "troops", "combattants", "miliciens",
                          "milices", "rebelles", "soldats", "militaires", "insurgés", "jihadistes", "djihadistes",
                          "policiers", "gendarmes", "douaniers"})
_ARMED_HEADS = frozenset({"men", "groups", "gangs", "hommes", "groupes", "bandes", "individus"})
_ARMED = frozenset({"armed", "armés", "armées"})
_OWNED = lx.POSSESSIVES | {"whose", "his", "dont"}


def armed_taker(subject: Token | None) -> bool:
    """The subject of a cut, or one of its conjuncts, is armed men the text does not name."""
    if subject is None or any(low(c) in _OWNED for c in subject.children):
        return False  # "whose fighters", "ses combattants": a group named before, for coref to find
    for t in (subject, *subject.conjuncts):
        if low(t) in ARMED_PEOPLE or (low(t) in _ARMED_HEADS and any(low(c) in _ARMED for c in t.children)):
            return True
    return False
