"""Reading a word as the verb of a noun before it: what every mend of a misread clause shares."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ocwatch.nlp.links.lexicon import FRENCH_OF as OF

_FR_ENDINGS = ("e", "es", "ent", "ait", "aient", "ont", "it", "ient")


NOMINAL = ("NOUN", "PROPN", "PRON")


_VERBISH_DEPS = ("amod", "xcomp", "acl", "compound", "appos", "nmod", "flat:name", "conj", "advmod", "fixed")


def roots(doc: Doc) -> list[Token]:
    """The tokens the parse makes roots, in order: one a sentence, more where the parser split one."""
    return [t for t in doc if t.dep_ in ("ROOT", "root")]


def looks_verbal(t: Token, lang: str) -> bool:
    if t.pos_ in ("VERB", "AUX") or t.dep_ in ("xcomp", "acl"):
        return True
    if t.lower_.endswith("ment") and not t.lower_.endswith("rment") and t.lower_ not in ("dément", "ment"):
        return False  # adverbs: "notamment", "récemment"; not "affirment", "dément"
    return lang == "fr" and t.pos_ in ("ADJ", "NOUN", "ADV") and t.lower_.endswith(_FR_ENDINGS) and t.is_lower


def _complement_end(r: Token) -> tuple[Token | None, int]:
    """The noun's "de" complement right after it ("miliciens de la groupe") and the index after it."""
    doc = r.doc
    first = next((c for c in r.children if c.i > r.i), None)
    if first is None or first.dep_ != "nmod" or doc[r.i + 1].lower_ not in OF:
        return None, r.i + 1
    last, end = first, first.i + 1
    while end < len(doc):
        while end < len(doc) and doc[end].head.i == last.i and doc[end].dep_ in ("flat:name", "fixed", "compound"):
            end += 1
        if end < len(doc) and doc[end].text == "(":  # "de l'Unité pour la paix (UPC)": its acronym
            close = next((w.i for w in doc[end:] if w.text == ")"), None)
            if close is not None and all(w.head.i == last.i or end <= w.head.i <= close for w in doc[end:close + 1]):
                end = close + 1
                continue
        # a complement of the complement, or a second one: "les éléments de l'UPC d'Ali Darassa continuent"
        nested = next((c for c in (*last.children, *r.children) if c.i > end and c.dep_ == "nmod"
                       and doc[end].lower_ in OF and all(w.head.i == c.i for w in doc[end:c.i])), None)
        if nested is None:
            break
        last, end = nested, nested.i + 1
    return first, end


def verb_after(r: Token, lang: str) -> tuple[Token | None, Token | None]:
    """The word after the noun (or after its "de" complement, hung anywhere) if it reads as its verb."""
    comp, nxt = _complement_end(r)
    if nxt >= len(r.doc):
        return None, None
    v, doc = r.doc[nxt], r.doc
    adjectives = set()
    # "Le groupe armé dément participer": the adjectives of the noun before a word that reads as a verb
    while v.pos_ == "ADJ" and v.head.i == r.i and v.i + 1 < len(doc) and doc[v.i + 1].pos_ in ("VERB", "ADV") \
            and looks_verbal(doc[v.i + 1], lang):
        adjectives.add(v.i)
        v = doc[v.i + 1]
    # "Le groupe dément participer": the verb read as the adverb of its infinitive
    infinitive = v.dep_ == "advmod" and v.head.i == v.i + 1 and v.head.head.i == r.i
    if comp is None and v.head.i != r.i and v.head.i not in adjectives and not infinitive:
        return None, None
    if v.dep_ not in _VERBISH_DEPS or not looks_verbal(v, lang):
        return None, None
    return v, comp


def move_later(nouns: list[Token], v: Token, lang: str) -> None:
    first = True
    for n in nouns:
        for c in [c for c in n.children if c.i > v.i]:
            c.head = v
            has_case = any(g.dep_ == "case" for g in c.children)
            if c.dep_ in ("nmod", "obj", "dobj", "appos", "flat:name") and not has_case and first:
                c.dep_ = "obj" if lang == "fr" else "dobj"
                first = False
            elif c.dep_ == "nmod":
                c.dep_ = "obl"
            elif c.dep_ == "acl" and c.pos_ == "VERB" and c.i == v.i + 1:
                c.dep_ = "xcomp"  # "dément participer": the infinitive right after the verb is its complement


ACCORDING = ("selon", "according", "d'après", "d’après")


def after_comma(y: Token) -> bool:
    """A comma right before the noun phrase of ``y`` (its article included, the comma itself may hang on it)."""
    first = next(w for w in y.subtree if not w.is_punct or w.i == y.i)
    return first.i > 0 and y.doc[first.i - 1].text == ","


def as_french_verb(t: Token) -> None:
    """A word the mends make a French verb is tagged one, and, where the tagger left it unlemmatised
    ("contrôlent" as an adjective), given the infinitive of the first conjugation its ending says, so the
    verb lists (contrôler, taxer) know it: "où les groupes contrôlent la production"."""
    t.pos_ = "VERB"
    w = t.lower_
    if t.lemma_.lower() != w or not w.isalpha():
        return
    for ending in ("aient", "ait", "ent", "es", "e"):
        if w.endswith(ending) and len(w) - len(ending) >= 3:
            stem = w[: -len(ending)]
            t.lemma_ = stem[:-2] + stem[-2:].replace("è", "e") + "er"  # "prélèvent" -> "prélever"
            return
