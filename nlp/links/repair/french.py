"""Mends of clauses the French models misread (nlp/links/repair/__init__.py says which)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.repair.verbs import (
    NOMINAL,
    after_comma,
    as_french_verb,
    looks_verbal,
    move_later,
    roots,
    verb_after,
)
from ocwatch.nlp.links.tree import is_word, low


def attributed_root(doc: Doc) -> None:
    """"Selon groupe, groupe vend des armes", "Selon plusieurs sources, les combattants du groupe contrôlent
    les sites", "Au Soudan du Sud, des officiers de groupe vendent": fr_core_news_md makes the fronted
    source or place the root and the clause's verb a modifier of the subject after the comma (or of its
    "de" complement). The verb becomes the root, that noun its subject and the fronted phrase an oblique
    of it, as the small model reads it."""
    x = next(iter(roots(doc)), None)
    if x is None or x.pos_ not in NOMINAL or not any(c.dep_ == "case" and c.i < x.i for c in x.children):
        return
    for y in _after_fronted(x):
        if not after_comma(y) or any(c.dep_ in ("cc", "case") for c in y.children):
            continue
        end = max(w.i for w in y.subtree)
        # the verb hangs on the subject, on its "de" complement, or, right after the subject's phrase,
        # on the fronted phrase itself ("Dans la province du Soum, les combattants du groupe contrôlent")
        v = next((t for t in doc[y.i + 1:] if t.dep_ in ("acl", "acl:relcl", "amod")
                  and (t.head.i == y.i or (t.head.dep_ == "nmod" and t.head.head.i == y.i)
                       or (t.head.i == x.i and t.i == end + 1))
                  and (t.pos_ in ("VERB", "AUX") or looks_verbal(t, "fr"))
                  and not any(g.dep_.startswith("nsubj") for g in t.children)), None)
        if v is None:
            continue
        holder = v.head
        v.head, v.dep_ = v, "ROOT"
        y.head, y.dep_ = v, "nsubj"
        x.head, x.dep_ = v, "obl:mod"
        as_french_verb(v)
        move_later([y] + ([holder] if holder.i not in (y.i, x.i) else []) + [x], v, "fr")
        return


def _after_fronted(x: Token) -> list[Token]:
    """The nouns after the fronted phrase that may be the clause's subject: its own complements, and a noun
    its relative clause swallowed as an object ("Selon trois témoins que nous avons interrogés à Culiacán,
    le groupe fabrique du fentanyl": "groupe" read as the object of "interrogés")."""
    own = [c for c in x.children if c.i > x.i + 1 and c.dep_ in ("conj", "appos", "nmod")]
    swallowed = [w for c in x.children if c.dep_ in ("acl:relcl", "acl") for w in c.subtree
                 if w.i > c.i and w.dep_ in ("obj", "obl:arg", "obl:mod", "nmod") and w.pos_ in NOMINAL]
    return own + swallowed


def que_clause(doc: Doc) -> None:
    """"La CENTIF estime dans son rapport que des fonds ont été blanchis": a verb with its "que" is
    a complement clause; hung on a noun (nmod), it becomes the complement of the verb that noun depends on."""
    for v in doc:
        if v.dep_ != "nmod" or v.pos_ not in ("VERB", "AUX") or not any(
                c.dep_ == "mark" and low(c) in ("que", "qu'", "qu’") for c in v.children):
            continue
        verb = next((a for a in v.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is not None:
            v.head, v.dep_ = verb, "ccomp"


def inverted_report(doc: Doc) -> None:
    """"La police a saisi ... dans un camion appartenant à groupe, un grossiste d'Abéché, a annoncé le
    ministère": the phrases before the comma of a trailing, inverted reporting clause are read as its
    own (the truck as where the ministry spoke, the wholesaler as its subject). They go back to the
    main verb; a subject among them is the apposition of the noun before its comma."""
    root = next((t for t in roots(doc) if t.pos_ in ("VERB", "AUX")), None)
    if root is None:
        return
    for v in doc:
        if v.head.i != root.i or v.i < 3 or v.i <= root.i or not is_word(v, lx.REPORT_VERBS) \
                or doc[v.i - 1].pos_ != "AUX" or doc[v.i - 2].text != ",":
            continue
        for c in [c for c in v.children if c.i < v.i - 2 and c.dep_ not in ("punct", "aux", "aux:tense")]:
            if c.dep_.startswith("nsubj"):
                before = next((w for w in reversed(doc[:c.left_edge.i - 1]) if w.pos_ in NOMINAL), None)
                if before is not None and doc[c.left_edge.i - 1].text == ",":
                    c.head, c.dep_ = before, "appos"
            else:
                c.head = root


def where_clause(doc: Doc) -> None:
    """"à Birao, où des combattants du groupe auraient reçu des fusils", "du parc des Virunga, où les groupes
    contrôlent la production": "où" hung on the clause's subject, not on its verb, and (the second) the
    verb read as the subject's adjective. "où" goes to the relative clause's verb, which hangs on the
    place before it, with that noun its subject."""
    for w in doc:
        if low(w) != "où" or w.head.pos_ in ("VERB", "AUX") or w.i < 2:
            continue
        v = next((a for a in w.ancestors if a.dep_ == "acl:relcl"), None)
        if v is None or v.pos_ not in ("VERB", "AUX"):  # the clause's subject read as the relative clause
            if v is not None:  # the subject read as the clause: the place is what it hangs on
                subject, place = v, v.head
            else:  # "où" on the subject: the place is the word before it (and its comma)
                subject, place = w.head, doc[w.i - 2] if doc[w.i - 1].is_punct else doc[w.i - 1]
            v = verb_after(subject, "fr")[0] if subject.pos_ in NOMINAL and subject.i > w.i else None
            if v is None or place.pos_ not in ("NOUN", "PROPN") or place.i in [d.i for d in v.subtree]:
                continue
            v.head, v.dep_ = place, "acl:relcl"
            as_french_verb(v)
            subject.head, subject.dep_ = v, "nsubj"
            move_later([subject], v, "fr")
        w.head, w.dep_ = v, "advmod"


_NAMING = frozenset({"surnommé", "surnommée", "surnommés", "dit", "dite", "nommé", "nommée", "appelé", "appelée",
                     "baptisé", "baptisée", "prénommé", "prénommée"})


def nickname_clause(doc: Doc) -> None:
    """"Un passeur surnommé « groupe » réclame 500 000 francs": the verb after a nickname is read as a
    clause on the nickname. It is the sentence's verb; the noun the nickname names is its subject."""
    for v in doc:
        name = v.head
        named = name.head
        if v.dep_ != "acl" or v.pos_ not in ("VERB", "AUX") or name.i >= v.i or name.dep_ not in ("xcomp", "obj") \
                or named.lower_ not in _NAMING or named.dep_ != "acl" or named.head.dep_ not in ("ROOT", "root") \
                or named.head.pos_ not in NOMINAL:
            continue
        subject = named.head
        v.head, v.dep_ = v, "ROOT"
        subject.head, subject.dep_ = v, "nsubj"
        move_later([subject], v, "fr")
        return


def dont_member(doc: Doc) -> None:
    """"Trois trafiquants présumés, dont groupe, ont été interpellés": a noun after "dont" with no verb
    of its own is one of the noun before it (an apposition: "among them"), not a relative clause."""
    for t in doc:
        if t.dep_ == "acl:relcl" and t.pos_ in NOMINAL and t.head.pos_ in NOMINAL and \
                any(c.lower_ == "dont" for c in t.children if c.i < t.i) and \
                not any(c.pos_ in ("VERB", "AUX") for c in t.children):
            t.dep_ = "appos"


def coordinated_clause(doc: Doc, lang: str) -> None:
    """"Groupe a été démantelé, mais ses cellules pratiquent l'extorsion": the subject of a clause
    coordinated to a verb is read as the verb's conjunct and its own verb as the noun's adjective; the
    verb becomes the conjunct, with that noun as its subject."""
    for r in [t for t in doc if t.dep_ == "conj" and t.pos_ in NOMINAL and t.head.pos_ in ("VERB", "AUX")
              and any(c.dep_ == "cc" for c in t.children)]:
        v, comp = verb_after(r, lang)
        if v is None or comp is not None:
            continue
        v.head, v.dep_ = r.head, "conj"
        as_french_verb(v)
        r.head, r.dep_ = v, "nsubj"
        for c in [c for c in r.children if c.dep_ == "cc"]:
            c.head = v
        move_later([r], v, lang)


def stray_fixed(doc: Doc) -> None:
    """"Depuis, le mouvement y taxe": fr_core_news_md reads the subject with its article as part of a
    fixed expression of the adverb before it. A noun with an article is no part of one: it becomes the
    subject of the verb after it when that verb has none."""
    for t in doc:
        if t.dep_ != "fixed" or t.pos_ not in ("NOUN", "PROPN") or not any(c.dep_ == "det" for c in t.children):
            continue
        verb = next((w for w in roots(doc) if w.i > t.i and w.pos_ in ("VERB", "AUX")), None)
        if verb is not None and not any(c.dep_.startswith("nsubj") for c in verb.children):
            t.head, t.dep_ = verb, "nsubj"


def relative_as_complement(doc: Doc) -> None:
    """"des éléphants pour leur ivoire, qu'ils revendent à Birao": a clause opening on "qu'" right after
    a comma and a noun is that noun's relative clause, not the main verb's complement clause (ccomp)."""
    for v in doc:
        if v.dep_ != "ccomp" or v.left_edge.i < 2:
            continue
        first, comma, noun = v.left_edge, doc[v.left_edge.i - 1], doc[v.left_edge.i - 2]
        if low(first) in ("qu'", "qu’", "que") and first.dep_ == "obj" and comma.text == "," and \
                noun.pos_ in ("NOUN", "PROPN") and v.head.i != noun.i and noun.i not in [a.i for a in v.ancestors] \
                and v.i not in [a.i for a in noun.ancestors]:
            v.head, v.dep_ = noun, "acl:relcl"


_REFLEXIVE = frozenset({"se", "s'"})


_FAIRE = frozenset({"fait", "font", "faisait", "faisaient", "fera", "feront", "ferait", "feraient", "faire",
                    "faisant"})


def causative(doc: Doc) -> None:
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


def participle_aside(doc: Doc) -> None:
    """"le clan, basé à Durrës, importe de l'héroïne": the model hangs the finite verb after a participle set
    off by commas under the participle, and the noun stays the root. The verb becomes the root, the noun its
    subject, and what the noun held after the verb ("puis la redistribue") the verb's."""
    for r in [t for t in roots(doc) if t.pos_ in NOMINAL]:
        p = next((c for c in r.children if c.dep_ == "acl" and c.i > r.i and doc[c.i - 1].text == ","
                  and "Part" in c.morph.get("VerbForm")), None)
        if p is None:
            continue
        v = next((w for w in p.subtree if w.i > p.i + 1 and doc[w.i - 1].text == "," and w.pos_ == "VERB"
                  and "Fin" in w.morph.get("VerbForm") and not any(c.dep_.startswith("nsubj") for c in w.children)),
                 None)
        if v is None:
            continue
        v.head, v.dep_ = v, "ROOT"
        r.head, r.dep_ = v, "nsubj"
        move_later([r], v, "fr")
        return


def verb_as_adverb(doc: Doc) -> None:
    """"Ses hommes braconnent les éléphants": a verb with its own subject tagged as an adverb of the noun after
    it, which the model makes the root. The verb takes the noun's place, the noun is its object."""
    for v in doc:
        h = v.head
        if v.dep_ != "advmod" or v.pos_ == "VERB" or h.i <= v.i or h.pos_ != "NOUN" or not looks_verbal(v, "fr"):
            continue
        if not any(c.dep_.startswith("nsubj") and c.i < v.i for c in v.children):
            continue
        v.head, v.dep_ = (v, "ROOT") if h.head.i == h.i else (h.head, h.dep_)
        h.head, h.dep_ = v, "obj"
        as_french_verb(v)
        return


_CLEFT_COPULAS = frozenset({"sont", "est", "était", "étaient"})
_CONTRAST = frozenset({"moins", "plutôt", "non", "pas", "mais", "que", "qu'", "qu’"})


def cleft(doc: Doc) -> None:
    """"ce sont les Archers de la Kotto, une milice locale, qui contrôlent les chantiers", "c'est le groupe
    qui taxe": the "qui" clause says what the clefted noun does; the small model hangs it on whatever noun
    comes last before it. It becomes the clefted noun's relative clause, as "les Archers qui contrôlent"."""
    for t in doc[:-3]:
        if low(t) not in ("ce", "c'", "c’") or low(doc[t.i + 1]) not in _CLEFT_COPULAS:
            continue
        x = next((w for w in doc[t.i + 2:t.i + 5] if w.pos_ in NOMINAL), None)
        who = next((w for w in doc[x.i + 1:x.i + 16] if low(w) == "qui"), None) if x is not None else None
        # "c'est moins la CODECO que les FARDC qui taxent", "ce sont les FARDC, et non la CODECO, qui": a
        # contrast names two, and the clefted noun may be the one that does not
        if who is not None and any(low(w) in _CONTRAST for w in doc[t.i + 2:who.i]):
            continue
        v = who.head if who is not None and who.dep_.startswith("nsubj") else None
        if v is None or v.i < who.i or v.is_ancestor(x) or v.head.i == x.i:
            continue
        v.head, v.dep_ = x, "acl:relcl"
        return


def repair_french(doc: Doc) -> None:
    attributed_root(doc)
    que_clause(doc)
    inverted_report(doc)
    where_clause(doc)
    nickname_clause(doc)
    dont_member(doc)
    stray_fixed(doc)
    relative_as_complement(doc)
    causative(doc)
    coordinated_clause(doc, "fr")
    participle_aside(doc)
    verb_as_adverb(doc)
    cleft(doc)
