"""Mend one systematic error of the small parsers before roles are read.

fr_core_news_sm (and, less often, the English model) reads a short present-tense
clause as a noun phrase: "Le groupe exploite l'or" comes out with "groupe" as
root and "exploite" as its adjective, so nothing is anybody's subject. When a
root noun is followed at once by a word that is a verb, or looks like a French
finite verb, that word becomes the root, the noun its subject, and the noun's
later dependents the verb's.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

_FR_ENDINGS = ("e", "es", "ent", "ait", "aient", "ont", "it", "ient")
_NOMINAL = ("NOUN", "PROPN", "PRON")
_VERBISH_DEPS = ("amod", "xcomp", "acl", "compound", "appos", "nmod", "flat:name", "conj")


def _looks_verbal(t: Token, lang: str) -> bool:
    if t.pos_ in ("VERB", "AUX") or t.dep_ in ("xcomp", "acl"):
        return True
    return lang == "fr" and t.pos_ in ("ADJ", "NOUN") and t.lower_.endswith(_FR_ENDINGS) and t.is_lower


def repair(doc: Doc, lang: str) -> Doc:
    roots = [t for t in doc if t.dep_ in ("ROOT", "root") and t.pos_ in _NOMINAL]
    for r in roots:
        if r.i + 1 >= len(doc):
            continue
        v = doc[r.i + 1]
        if v.head.i != r.i or v.dep_ not in _VERBISH_DEPS or not _looks_verbal(v, lang):
            continue
        later = [c for c in r.children if c.i > v.i]
        v.head, v.dep_ = v, "ROOT"
        r.head, r.dep_ = v, "nsubj"
        first = True
        for c in later:
            c.head = v
            has_case = any(g.dep_ == "case" for g in c.children)
            if c.dep_ in ("nmod", "obj", "dobj", "appos", "flat:name") and not has_case and first:
                c.dep_ = "obj" if lang == "fr" else "dobj"
                first = False
            elif c.dep_ == "nmod":
                c.dep_ = "obl"
    return doc
