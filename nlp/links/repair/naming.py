"""A noun, the participle that names it, the (masked) name, then the clause's verb.

"A trader named Ali Musa exports gold through Bunia", "Un commerçant nommé Ali Musa contrôle le trafic
d'or à Bunia", "A smuggler known as Wad Hamid moves migrants to Kufra": both small parsers make the
naming participle the sentence's verb, and the real verb a noun of the name or of the goods, so the
one named does nothing. The word right after the name that reads as a finite verb is the clause's
verb; the noun is its subject, the participle the noun's modifier, the name the participle's.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.mask import PLACEHOLDERS
from ocwatch.nlp.links.repair.verbs import NOMINAL, as_french_verb, looks_verbal

_NAMING_EN = frozenset({"named", "called", "dubbed", "nicknamed", "alias"})
_NAMING_FR = frozenset({"nommé", "nommée", "nommés", "surnommé", "surnommée", "surnommés", "appelé", "appelée",
                        "dit", "dite", "alias", "prénommé", "prénommée"})
_QUOTES = frozenset({"«", "»", '"', "“", "”", "'", "‘", "’"})


def _name_after(n: Token) -> Token | None:
    """The masked name the participle gives ("named group", "known as group", "surnommé « groupe »")."""
    doc, i = n.doc, n.i + 1
    if n.lower_ == "known":
        if i >= len(doc) or doc[i].lower_ != "as":
            return None
        i += 1
    while i < len(doc) and doc[i].text in _QUOTES:
        i += 1
    return doc[i] if i < len(doc) and doc[i].lower_ in PLACEHOLDERS else None


def _verb_after(p: Token, lang: str) -> Token | None:
    """The word after the name (past a closing quote) when it reads as a finite verb."""
    doc, i = p.doc, p.i + 1
    while i < len(doc) and doc[i].text in _QUOTES:
        i += 1
    if i >= len(doc) or not doc[i].is_lower or doc[i].dep_.startswith("aux"):
        return None  # "surnommé « groupe » fait payer": the causative, which french.causative reads
    v = doc[i]
    if lang == "en":
        # a past form read as a participle needs its object right after it: "named group smuggled cocaine",
        # not "a gang called group based in Goma"
        obj = i + 1 < len(doc) and doc[i + 1].pos_ in ("DET", "NOUN", "NUM", "ADJ", "PRON")
        return v if v.lower_ in lx.TRADE_VERBS_S or v.tag_ in ("VBZ", "VBD") or (v.tag_ == "VBN" and obj) else None
    return v if v.pos_ in ("VERB", "AUX") or looks_verbal(v, lang) else None


def _acyclic(heads: dict[int, int]) -> bool:
    for i in heads:
        seen = set()
        while heads[i] != i:
            if i in seen:
                return False
            seen.add(i)
            i = heads[i]
    return True


def _plan(noun: Token, n: Token, p: Token, v: Token, lang: str) -> dict[int, tuple[int, str]]:
    """The new head and relation of each word that changes."""
    doc = v.doc
    place = n if noun.head.i == n.i else noun  # the phrase's top word, whose place the verb takes
    above = {place.head.i, *(a.i for a in place.head.ancestors)} if place.head.i != place.i else set()
    if not above:
        plan = {v.i: (v.i, "ROOT")}
    else:  # "In 2024, a trader called group ships gold to Dubai, the report says": the report's clause
        plan = {v.i: (place.head.i, "ccomp" if place.dep_.startswith("nsubj") else place.dep_)}
    plan[noun.i] = (v.i, "nsubj")
    plan[n.i] = (noun.i, "acl")
    plan[p.i] = (n.i, "oprd" if lang == "en" else "xcomp")
    if doc[p.i - 1].lower_ == "as":  # "known as group"
        plan[p.i - 1], plan[p.i] = (n.i, "prep"), (p.i - 1, "pobj")
    first = True
    for t in doc[v.i + 1:]:
        if (t.head.i > v.i and t.head.i != t.i) or t.i in above:
            continue
        dep = t.dep_  # what hung on the participle, the name or a root of its own is the verb's
        if t.pos_ in NOMINAL and first and not any(c.dep_ in ("case", "prep") for c in t.children):
            dep, first = ("dobj" if lang == "en" else "obj"), False
        elif t.dep_ in ("ROOT", "root", "oprd", "compound", "nmod"):
            dep = "obl" if lang == "fr" else "prep" if t.pos_ == "ADP" else "npadvmod"
        plan[t.i] = (v.i, dep)
    return plan


def _restructure(noun: Token, n: Token, p: Token, v: Token, lang: str) -> None:
    plan = _plan(noun, n, p, v, lang)
    heads = {t.i: plan.get(t.i, (t.head.i, ""))[0] for t in v.doc}
    if not _acyclic(heads):
        return  # a parse this reading does not fit; left as it is
    for i, (head, dep) in plan.items():
        v.doc[i].head, v.doc[i].dep_ = v.doc[head], dep
    if lang == "fr":
        as_french_verb(v)
    v.pos_ = "VERB"


def named_then_verb(doc: Doc, lang: str) -> None:
    naming = _NAMING_EN if lang == "en" else _NAMING_FR
    for n in doc:
        if n.lower_ not in naming and not (lang == "en" and n.lower_ == "known"):
            continue
        noun = next((t for t in reversed(doc[:n.i]) if t.pos_ != "ADJ"), None)  # "Un passeur tunisien nommé"
        # the noun opens its clause: "A network run by a man known as group charges" names the network's head
        if noun is None or noun.pos_ != "NOUN" or (noun.head.i != n.i and not (
                n.head.i == noun.i and noun.dep_ in ("nsubj", "nsubjpass", "nsubj:pass", "ROOT", "root"))):
            continue
        p = _name_after(n)
        v = _verb_after(p, lang) if p is not None else None
        if v is None or (noun.head.i == v.i and noun.dep_.startswith("nsubj")):
            continue  # read right already: "where a trader named group repackaged fake antibiotics"
        _restructure(noun, n, p, v, lang)
        return
