"""The nouns a band or a firm is named with, so that "the group", "the militia", "the company" of a later
sentence can find it (coref.named_by_noun): the noun the parse hangs the name on ("the BlackMoth
ransomware group"), the noun a naming verb gives it ("a militia known as X"), the word before it ("the
paramilitary X"), the name's own first and last words ("Katiba Tinzaouatène", "Jalisco New Generation
Cartel"), and for sentences left unparsed the same read on the words."""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Span

from ocwatch.nlp.gazetteer import fold
from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.bands import NAMING_VERBS
from ocwatch.nlp.links.mask import PLACEHOLDERS
from ocwatch.nlp.links.tree import is_word
from ocwatch.nlp.links.tree import low as _low

Row = dict[str, Any]


def stem(word: str) -> str:
    return word[:-1] if word.endswith(("s", "x")) and len(word) > 3 else word


def naming_nouns(a: Span, surface: str, names: frozenset[int] = frozenset()) -> frozenset[str]:
    """The common nouns a name is given with: "the BlackMoth ransomware group" (group), "a cell of
    the Tren de Aragua" (cell), "Los Chapitos, a faction of" (faction), "Jalisco New Generation
    Cartel" (cartel, the name's own last word: the parsed sentence holds a placeholder for the name),
    "la confraternité Black Axe" (confraternité). A word of another masked name (``names``: the sentence's
    actor tokens) is no noun: "its financial operator, Mariela Fernanda Zambrano Loor," split in two names
    masked "group group" did not make her "the group" of the next sentence."""
    h = a.root
    words = surface.lower().replace("’", "'").split()
    # the name's last word ("Jalisco New Generation Cartel") or its first ("Cártel de la Sierra Roja",
    # "Brigade Al-Nasr"), the accent gone as in "the cartel"
    nouns = {words[-1], fold(words[0])} if len(words) > 1 else set()
    if _low(h) in lx.COMPANY_NOUNS or (stem(_low(h)) in GROUP_NOUNS and _low(h) not in PLACEHOLDERS):
        nouns.add(_low(h))  # the name masked behind its noun: "la société [Kivu Bois]", "le clan [Lučić]"
    for _ in range(3):  # "the BlackMoth ransomware group": BlackMoth -> ransomware -> group
        head = h.head.head if h.dep_ == "pobj" and _low(h.head) in ("of", "de", "du", "des") else h.head
        nouns |= {_low(c) for c in h.children if c.dep_ == "appos" and c.pos_ == "NOUN"}
        if head.i == h.i or head.pos_ != "NOUN" or h.dep_ not in (
                "compound", "nmod", "appos", "flat", "flat:name", "pobj", "amod"):
            break
        if head.i not in names:
            nouns.add(_low(head))
        h = head
    if words and words[-1] in lx.LEGAL_FORMS:
        nouns.add("company")
    nouns |= _noun_naming(a, names)
    return _as_company(frozenset(stem(n) for n in nouns if n.isalpha()))


def _noun_naming(a: Span, names: frozenset[int] = frozenset()) -> set[str]:
    """The noun a name is given to when the parse does not hang the name on it: "the paramilitary Quwat
    al-Nasr" (the word before the name), "a militia known as the Ngbaluku Rangers" (the noun the naming
    verb describes)."""
    doc, h = a.doc, a.root
    before = doc[a.start - 1] if a.start > 0 else None
    nouns = {_low(before)} if before is not None and before.pos_ in ("NOUN", "ADJ") and before.i not in names \
        else set()
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


_APPOSED = re.compile(r"\s*,\s+(?:an?|une?|la|le|l')\s*((?:[\w'’-]+\s+){0,2}[\w'’-]+)")


_CRIMINAL = frozenset({"armed", "criminal", "rebel", "insurgent", "jihadist", "militia", "gang", "cartel", "smuggling",
                       "trafficking", "separatist", "armé", "criminel", "criminelle", "rebelle", "djihadiste",
                       "jihadiste", "insurgé", "milice", "mafieux", "mafieuse"})


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
    # "Ansar al-Gourma, an armed group": the noun of an apposition after the name
    apposed = _APPOSED.match(text[mention["end_char"] - start:])
    if apposed and not _CRIMINAL.intersection(apposed.group(1).lower().split()):
        apposed = None  # "Amnesty International, a human rights group": no band the group's men act for
    words = [*(([found.group(1)]) if found else []), *right_before, *after, last, fold(first),
             *(apposed.group(1).lower().split() if apposed else []),
             *(["company"] if last in lx.LEGAL_FORMS else [])]
    return _as_company(frozenset(stem(w) for w in words if stem(w) in GROUP_NOUNS))


GROUP_NOUNS = frozenset(stem(w) for w in lx.ANAPHORS | lx.KIND_NOUNS | lx.GROUP_NOUNS_FOR_LEAD | lx.COMPANY_NOUNS)
