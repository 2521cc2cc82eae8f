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
coltan/amod), and a trade verb read as a plural noun after a band's noun or a masked name ("the cartel
imports precursor chemicals", "group imports firearms"), and a trade verb read as the noun subject of
the plural noun after it, read as a verb ("group charges traffickers 200,000 pesos"), or of the word before
the payers, read as a verb with the payers its object ("ISWAP taxes fish traders"). In French, a form of "faire" right before an
infinitive ("fait passer l'or") is the infinitive's causative auxiliary, not a noun.

fr_core_news_md (the French parser since the nineteenth round) errs otherwise: it makes an attributed
source the root ("Selon groupe, groupe vend"), a masked name after its verb a complement clause ("a
condamné groupe pour"), "dont X" a relative clause, a subject with its article part of a fixed adverb
("Depuis, le mouvement y taxe"), a relative clause after a comma the main verb's complement, a
coordinated clause's subject a conjunct of the verb before it, and it may give a "tandis que" clause a
root of its own; it reads the verb after a nickname ("Un passeur surnommé « X » réclame") as a clause on
the nickname, and a noun's second "de" complement or acronym ("les éléments de l'UPC d'Ali Darassa
continuent") as the end of its phrase. It also hangs the verb after a participle set off by commas under
the participle ("le clan, basé à Durrës, importe"), and tags a verb with its own subject as an adverb of
the noun after it ("Ses hommes braconnent les éléphants"). Each is mended to the reading the roles expect.

Here: the mends both languages need and the root-noun mend; french.py and english.py: each language's
own; verbs.py: reading a word as the verb of the noun before it, which they share.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ocwatch.nlp.links.mask import PLACEHOLDERS
from ocwatch.nlp.links.repair.english import repair_english
from ocwatch.nlp.links.repair.french import repair_french
from ocwatch.nlp.links.repair.verbs import (
    ACCORDING,
    NOMINAL,
    after_comma,
    as_french_verb,
    move_later,
    roots,
    verb_after,
)
from ocwatch.nlp.links.tree import attribution_case


def _attributed(x: Token) -> bool:
    """The word is what an attribution names: "Selon la police", "According to the indictment"."""
    return (x.i > 0 and x.doc[x.i - 1].lower_ in ACCORDING) or any(
        a.lower_ in ACCORDING for a in [*x.children, *x.ancestors] if a.i < x.i)


def _source_conjunct(doc: Doc) -> None:
    """"Selon groupe, groupe utilisent le port": the small parsers read the subject after an attribution
    as a second source (conj, nmod or appos of the first, with no "et" and no preposition); it becomes
    the subject of the root verb after it when that verb has none."""
    root = next(iter(roots(doc)), None)
    if root is None or root.pos_ not in ("VERB", "AUX") or any(c.dep_.startswith("nsubj") for c in root.children):
        return
    for y in doc[: root.i]:
        x = y.head
        # a "case" makes it a phrase of its own; a "cc" on it is its own pair ("X and his brother smuggled")
        if y.dep_ not in ("conj", "nmod", "appos") or x.i >= y.i or any(c.dep_ == "case" for c in y.children):
            continue
        if _attributed(x) and after_comma(y):  # "Selon la police, le groupe a piraté"
            passive = any(c.dep_ in ("auxpass", "aux:pass") for c in root.children)
            y.head, y.dep_ = root, ("nsubjpass" if doc.lang_ == "en" else "nsubj:pass") if passive else "nsubj"
            return


def _source_root(doc: Doc) -> None:
    """"D'après les enquêteurs de l'OCERTID, les faux antipaludéens, fabriqués en Inde, transitaient par le
    port de Lomé": the French model makes the source the root and hangs the clause after the comma on it
    (its verb an acl, its subject a conjunct of the source's complement). The first finite verb after the
    comma becomes the root, the source its oblique and the bare noun before that verb its subject."""
    root = next(iter(roots(doc)), None)
    if root is None or root.pos_ not in NOMINAL or not any(c.dep_ == "case" and attribution_case(c) for c in root.children):
        return
    comma = next((t for t in doc[root.i + 1:] if t.text == ","), None)
    # the verbs the parse hangs on the source after the comma; the finite one, else the last (the model
    # may tag "transitaient" a participle, and "fabriqués en Inde" before it is one)
    verbs = [c for c in root.children if comma is not None and c.i > comma.i and c.pos_ in ("VERB", "AUX") and
             "Inf" not in c.morph.get("VerbForm") and not any(g.dep_ in ("mark", "nsubj") for g in c.children)]
    verb = next((v for v in verbs if "Fin" in v.morph.get("VerbForm")), verbs[-1] if verbs else None)
    if verb is None:
        return
    subject = next((t for t in doc[comma.i + 1: verb.i] if t.pos_ in NOMINAL and t.head.i < comma.i + 1 and
                    not any(c.dep_ == "case" for c in t.children)), None)
    passive = any(c.dep_ in ("aux:pass", "auxpass") for c in verb.children)
    for c in [c for c in root.children if c.i > comma.i and c.i != verb.i]:
        c.head = subject if subject is not None and c.i < verb.i else verb
    verb.head, verb.dep_ = verb, "ROOT"
    root.head, root.dep_ = verb, "obl:mod"
    if subject is not None:
        subject.head, subject.dep_ = verb, "nsubj:pass" if passive else "nsubj"


def _source_then_pair(doc: Doc) -> None:
    """"According to the indictment, X and his brother smuggled": the English parser reads X as a second
    source (a conjunct of the first, holding the "and") and only the words after the "and" as the subject.
    X becomes the verb's subject and those words its conjunct."""
    root = next(iter(roots(doc)), None)
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return
    subjects = [c for c in root.children if c.dep_.startswith("nsubj")]
    if not subjects or any(n.i > root.i for n in subjects):
        return
    for y in doc[: root.i]:
        x = y.head
        # the "and" before the subject words, wherever the parser hangs it
        between = doc[y.i + 1: min(n.i for n in subjects)]
        if y.dep_ != "conj" or x.i >= y.i or not any(t.dep_ == "cc" for t in between) or not after_comma(y):
            continue
        if _attributed(x):
            y.head, y.dep_ = root, subjects[0].dep_  # "X and her sister were kidnapped": still the passive's
            for n in subjects:
                n.head, n.dep_ = y, "conj"
            return


def _placeholder_object(doc: Doc) -> None:
    """"a condamné groupe pour trafic", "a arrêté groupe à Douala": a masked name right after its verb,
    with no preposition, is the verb's object; the parsers, seeing a bare noun there, read it as the
    verb's complement clause (xcomp)."""
    for t in doc:
        if t.dep_ == "xcomp" and t.lower_ in PLACEHOLDERS and t.head.pos_ in ("VERB", "AUX") and t.head.i < t.i \
                and not any(c.dep_ in ("case", "mark", "cop") for c in t.children):
            t.dep_ = "obj" if doc.lang_ == "fr" else "dobj"


def _clause_root(doc: Doc) -> None:
    """"Groupe taxe le coltan à Rubaya, tandis que les groupes rackettent": the parser may end the
    sentence before a subordinate or coordinated clause and give it a root of its own (one sentence row is
    one sentence). It becomes the first verb's adverbial clause, or its conjunct after "et", "mais"; a
    phrase with a preposition (", selon un rapport de groupe") its oblique."""
    main, *later = roots(doc) or [None]
    for r in later:
        if r.pos_ in NOMINAL and any(c.dep_ == "case" and c.i < r.i for c in r.children):
            r.head, r.dep_ = main, "obl:mod"
        elif r.pos_ not in ("VERB", "AUX"):
            continue
        elif any(c.dep_ == "mark" for c in r.children):
            r.head, r.dep_ = main, "advcl"
        elif any(c.dep_ == "cc" for c in r.children):
            r.head, r.dep_ = main, "conj"


def repair(doc: Doc, lang: str) -> Doc:
    _source_conjunct(doc)
    if lang == "en":
        _source_then_pair(doc)
    _placeholder_object(doc)
    if lang == "fr":
        repair_french(doc)
    if lang == "en":
        repair_english(doc)
    for r in [t for t in roots(doc) if t.pos_ in NOMINAL]:
        if r.i + 1 >= len(doc):
            continue
        v, comp = verb_after(r, lang)
        if v is None:
            continue
        v.head, v.dep_ = v, "ROOT"
        r.head, r.dep_ = v, "nsubj"
        if lang == "fr":
            as_french_verb(v)
        move_later([r] + ([comp] if comp is not None else []), v, lang)
    _clause_root(doc)
    _source_root(doc)
    return doc
