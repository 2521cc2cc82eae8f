"""Mend one systematic error of the small parsers before roles are read.

fr_core_news_sm (and, less often, the English model) reads a short present-tense
clause as a noun phrase: "Le groupe exploite l'or" comes out with "groupe" as
root and "exploite" as its adjective, so nothing is anybody's subject; so does
"Les miliciens de la groupe contrôlent les sites", the verb tagged as an adverb
after the noun's "de" complement. When a root noun is followed at once, or right
after its "de" complement, by a word that is a verb or looks like a French finite
verb, that word becomes the root, the noun its subject, and the later dependents
of the noun and of its complement the verb's. And a subject right after an
attribution ("Selon X, Y utilisent") read as a second source becomes the verb's subject.
In English, a participle after a noun read as its verb, with the real (passive) verb as its
conjunct ("Ivory poached in Garamba is carried to Yei by X"), is made the noun's modifier; and a
finite verb with a subject of its own read as a compound of the noun after it ("Group taxes
cigarettes smuggled across ...": taxes/compound of cigarettes) becomes the clause's verb, the noun its
object; so does a verb read as the head of a noun phrase ("The group taxes coltan": group/compound,
coltan/amod). In French, a form of "faire" right before an infinitive ("fait passer l'or") is the
infinitive's causative auxiliary, not a noun.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ocwatch.nlp.links.tree import low

_FR_ENDINGS = ("e", "es", "ent", "ait", "aient", "ont", "it", "ient")
_NOMINAL = ("NOUN", "PROPN", "PRON")
_VERBISH_DEPS = ("amod", "xcomp", "acl", "compound", "appos", "nmod", "flat:name", "conj", "advmod", "fixed")
_OF = ("de", "du", "des", "d'", "d’")


def _looks_verbal(t: Token, lang: str) -> bool:
    if t.pos_ in ("VERB", "AUX") or t.dep_ in ("xcomp", "acl"):
        return True
    if t.lower_.endswith("ment"):  # adverbs: "notamment", "récemment"
        return False
    return lang == "fr" and t.pos_ in ("ADJ", "NOUN", "ADV") and t.lower_.endswith(_FR_ENDINGS) and t.is_lower


def _complement_end(r: Token) -> tuple[Token | None, int]:
    """The noun's "de" complement right after it ("miliciens de la groupe") and the index after it."""
    doc = r.doc
    first = next((c for c in r.children if c.i > r.i), None)
    if first is None or first.dep_ != "nmod" or doc[r.i + 1].lower_ not in _OF:
        return None, r.i + 1
    end = first.i + 1
    while end < len(doc) and doc[end].head.i == first.i and doc[end].dep_ in ("flat:name", "fixed", "compound"):
        end += 1
    return first, end


def _verb_after(r: Token, lang: str) -> tuple[Token | None, Token | None]:
    """The word after the noun (or after its "de" complement, hung anywhere) if it reads as its verb."""
    comp, nxt = _complement_end(r)
    if nxt >= len(r.doc):
        return None, None
    v = r.doc[nxt]
    if comp is None and v.head.i != r.i:
        return None, None
    if v.dep_ not in _VERBISH_DEPS or not _looks_verbal(v, lang):
        return None, None
    return v, comp


def _move_later(nouns: list[Token], v: Token, lang: str) -> None:
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


_ACCORDING = ("selon", "according", "d'après", "d’après")


def _source_conjunct(doc: Doc) -> None:
    """"Selon groupe, groupe utilisent le port": the small parsers read the subject after an attribution
    as a second source (conj, nmod or appos of the first, with no "et" and no preposition); it becomes the subject of the root verb after
    it when that verb has none."""
    root = next((t for t in doc if t.dep_ in ("ROOT", "root")), None)
    if root is None or root.pos_ not in ("VERB", "AUX") or any(c.dep_.startswith("nsubj") for c in root.children):
        return
    for y in doc[: root.i]:
        x = y.head
        if y.dep_ not in ("conj", "nmod", "appos") or x.i >= y.i or any(c.dep_ in ("cc", "case") for c in y.children):
            continue
        attributed = doc[x.i - 1].lower_ in _ACCORDING or any(
            a.lower_ in _ACCORDING for a in [*x.children, *x.ancestors] if a.i < x.i)
        if attributed and doc[y.i - 1].text == ",":
            y.head, y.dep_ = root, "nsubj"
            return


def _reduced_relative(doc: Doc) -> None:
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


def _verb_as_compound(doc: Doc) -> None:
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


def _verb_as_noun_head(doc: Doc) -> None:
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


_REFLEXIVE = frozenset({"se", "s'"})
_FAIRE = frozenset({"fait", "font", "faisait", "faisaient", "fera", "feront", "ferait", "feraient", "faire",
                    "faisant"})


def _causative(doc: Doc) -> None:
    """"Le M23 fait passer le coltan vers le Rwanda": fr_core_news_sm tags "fait" a noun, and the
    nominal-root mending below then made it the subject of "passer", so the M23 did nothing. A form
    of "faire" right before an infinitive is its causative auxiliary: the infinitive takes its place
    in the clause, and its subject."""
    for f in doc[:-1]:
        inf = doc[f.i + 1]
        if f.lower_ not in _FAIRE or inf.pos_ != "VERB" or not inf.lower_.endswith(("er", "ir", "re")):
            continue
        if any(low(t) in _REFLEXIVE for t in [*f.children, *inf.children, *doc[max(0, f.i - 3): f.i]]):
            continue  # "les creuseurs se font extorquer par les FDLR": a passive, the subject suffers it
        if inf.head.i == f.i:
            inf.head, inf.dep_ = (inf, f.dep_) if f.head.i == f.i else (f.head, f.dep_)
        elif f.head.i != inf.i:
            continue
        for c in [c for c in f.children if c.i != inf.i]:
            c.head = inf
        f.head, f.dep_, f.pos_ = inf, "aux:caus", "AUX"


def repair(doc: Doc, lang: str) -> Doc:
    _source_conjunct(doc)
    if lang == "fr":
        _causative(doc)
    if lang == "en":
        _reduced_relative(doc)
        _verb_as_compound(doc)
        _verb_as_noun_head(doc)
    roots = [t for t in doc if t.dep_ in ("ROOT", "root") and t.pos_ in _NOMINAL]
    for r in roots:
        if r.i + 1 >= len(doc):
            continue
        v, comp = _verb_after(r, lang)
        if v is None:
            continue
        v.head, v.dep_ = v, "ROOT"
        r.head, r.dep_ = v, "nsubj"
        _move_later([r] + ([comp] if comp is not None else []), v, lang)
    return doc
