"""Mends of clauses the English model misreads (nlp/links/repair/__init__.py says which)."""

from __future__ import annotations

from spacy.tokens import Doc


def reduced_relative(doc: Doc) -> None:
    """"Ivory poached in Garamba is carried to Yei by X": the English model reads the participle as the
    noun's verb and the passive verb as its conjunct, so X is nobody's agent. A bare participle (no
    auxiliary) whose conjunct is a passive with no subject and no "and" is the noun's modifier, and the
    passive is the clause, with the noun its subject."""
    for v in doc:
        subj = next((c for c in v.children if c.dep_ == "nsubj" and c.i < v.i), None)
        if subj is None or v.tag_ not in ("VBN", "VBD") or any(c.dep_ in ("aux", "auxpass", "cc") for c in v.children):
            continue
        conj = next((c for c in v.children if c.dep_ == "conj" and c.tag_ == "VBN"), None)
        if conj is None or not any(c.dep_ == "auxpass" for c in conj.children) or any(
                c.dep_ in ("nsubj", "nsubjpass", "cc") for c in conj.children):
            continue
        # "Ahmed Kamara smuggled gold to Dubai, was arrested": an active verb with its object is the
        # subject's own clause ("Ivory poached in Garamba, across the border, is carried" has none)
        if any(c.dep_ == "dobj" for c in v.children):
            continue
        conj.head, conj.dep_ = (conj, v.dep_) if v.head.i == v.i else (v.head, v.dep_)
        subj.head, subj.dep_ = conj, "nsubjpass"
        v.head, v.dep_ = subj, "acl"
        return


def verb_as_compound(doc: Doc) -> None:
    """"Group taxes cigarettes smuggled across the border": a present or past verb tagged as one, with its
    own subject before it, read as a compound of the next noun: the verb takes the noun's place, the noun
    is its object."""
    for v in doc:
        h = v.head
        if v.dep_ != "compound" or v.tag_ not in ("VBZ", "VBP", "VBD") or h.i != v.i + 1 or h.pos_ != "NOUN":
            continue
        if not any(c.dep_ == "nsubj" and c.i < v.i for c in v.children):
            continue
        if h.head.i == h.i:
            v.head, v.dep_ = v, "ROOT"
        else:
            v.head, v.dep_ = h.head, "ccomp" if h.dep_ == "dep" else h.dep_
        h.head, h.dep_ = v, "dobj"


def verb_as_noun_head(doc: Doc) -> None:
    """"The group taxes coltan in Rubaya": a verb the tagger tagged as one, parsed as the head of a noun
    phrase, its subject a compound before it and its object an adjective or a compound after it. The
    compound is its subject, the word after its object."""
    for v in doc:
        if v.dep_ != "ROOT" or v.tag_ not in ("VBZ", "VBP", "VBD"):
            continue
        subject = [c for c in v.children if c.dep_ == "compound" and c.i == v.i - 1 and c.pos_ in ("NOUN", "PROPN")]
        if not subject:
            continue
        subject[0].dep_ = "nsubj"
        for c in v.children:
            if c.i == v.i + 1 and c.dep_ in ("amod", "compound") and c.tag_ in ("JJ", "NN", "NNS", "NNP"):
                c.dep_ = "dobj"


_TAXING = frozenset({"tax", "levy"})
_BEFORE_VERB = frozenset({"also", "still", "now", "reportedly", "allegedly", "routinely", "to", "often", "then"})


def tax_as_compound(doc: Doc) -> None:
    """"Gunmen ... killed 12 people and still tax lorries on Road 1": "tax" after an adverb, tagged a noun
    and hung on the plural noun after it, is the verb and the noun its object ("tax collectors", with no
    adverb before it, stays a noun)."""
    for v in doc:
        h = v.head
        if v.lower_ not in _TAXING or v.dep_ != "compound" or h.i != v.i + 1 or h.tag_ != "NNS" or v.i == 0:
            continue
        if doc[v.i - 1].lower_ not in _BEFORE_VERB:
            continue
        if h.head.i == h.i:
            v.head, v.dep_ = v, "ROOT"
        else:
            v.head, v.dep_ = h.head, h.dep_
        v.pos_, v.tag_ = "VERB", "VBP"
        h.head, h.dep_ = v, "dobj"
        if doc[v.i - 1].dep_ == "advmod":
            doc[v.i - 1].head = v


def repair_english(doc: Doc) -> None:
    reduced_relative(doc)
    verb_as_compound(doc)
    verb_as_noun_head(doc)
    tax_as_compound(doc)
