"""A present-tense verb of the trades that the small English parser reads as a noun, parsed again.

en_core_web_sm reads "Fighters of the CODECO tax gold mined in Djugu" with "tax" a compound of "gold" and no
verb in the clause at all, and so "Commanders of the FDLR trade charcoal", "Dissidents of the FARC export
cocaine", "Gunmen of the gang ransom travellers": nobody is anybody's subject. The mends of english.py each
read one shape of that error after the fact; here the sentence is parsed once more with a word that can
only be a verb ("sell", "sells") in the homograph's place, and when that parse gives the stand-in a
subject, the sentence takes its tree. The words stay the text's ("tax", lemma "tax"), so the roles read
the verb the text wrote.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Token

# The homographs (verb and noun) of the trades, each form with its lemma; a plural-subject form takes
# "sell", a third-person one "sells" (of the verbs tried, the one the model most often reads as a verb with a
# subject in these sentences).
_BASES = ("tax", "trade", "export", "import", "ship", "guard", "ransom", "traffic", "control", "supply", "fund",
          "finance", "transport", "levy", "escort", "recruit", "exploit", "launder", "market", "source", "process",
          "poach", "protect", "move", "run")


def _third_person(base: str) -> str:
    if base.endswith(("x", "sh", "ch", "s")):
        return base + "es"
    return base[:-1] + "ies" if base.endswith("y") and base[-2] not in "aeiou" else base + "s"


HOMOGRAPHS: dict[str, tuple[str, str]] = {
    **{b: (b, "sell") for b in _BASES}, **{_third_person(b): (b, "sells") for b in _BASES}}
_SUBJECT_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_OBJECT_POS = frozenset({"DET", "NOUN", "PROPN", "ADJ", "NUM", "PRON"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def misread(doc: Doc) -> Token | None:
    """The first homograph read as a noun right after a noun and before its object, with no verb above it."""
    for t in doc[1:-1]:
        if t.lower_ not in HOMOGRAPHS or t.pos_ in ("VERB", "AUX"):
            continue
        before, after = doc[t.i - 1], doc[t.i + 1]
        if before.tag_ in _SUBJECT_TAGS and after.pos_ in _OBJECT_POS and \
                not any(a.pos_ in ("VERB", "AUX") for a in t.ancestors):
            return t
    return None


def _with_tree(doc: Doc, tree: Doc, at: int) -> Doc:
    """The text's words with the stand-in parse's tags and tree; the homograph keeps its own lemma."""
    lemmas = [t.lemma_ for t in tree]
    lemmas[at] = HOMOGRAPHS[doc[at].lower_][0]
    return Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
               tags=[t.tag_ for t in tree], pos=[t.pos_ for t in tree], morphs=[str(t.morph) for t in tree],
               lemmas=lemmas, heads=[t.head.i for t in tree], deps=[t.dep_ for t in tree])


def reparsed(docs: Iterable[Doc], parse: Callable[[list[Doc]], Iterable[Doc]]) -> list[Doc]:
    """Each parsed sentence, or its parse with a stand-in verb where the homograph was misread and the stand-in
    gets a subject."""
    docs = list(docs)
    todo = {k: t.i for k, d in enumerate(docs) if (t := misread(d)) is not None}
    if not todo:
        return docs
    variants = []
    for k, at in todo.items():
        words = [t.text for t in docs[k]]
        words[at] = HOMOGRAPHS[docs[k][at].lower_][1]
        variants.append(Doc(docs[k].vocab, words=words, spaces=[bool(t.whitespace_) for t in docs[k]]))
    for (k, at), tree in zip(todo.items(), parse(variants), strict=True):
        if tree[at].pos_ == "VERB" and any(c.dep_ in _SUBJECTS and c.i < at for c in tree[at].children):
            docs[k] = _with_tree(docs[k], tree, at)
    return docs
