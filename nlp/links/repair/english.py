"""Mends of clauses the English model misreads (nlp/links/repair/__init__.py says which)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ocwatch.nlp import config
from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.mask import PLACEHOLDERS


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


def _verb_over_noun(v: Token, h: Token, tag: str, place: Token | None = None) -> None:
    """The verb read as a compound of the noun after it takes the place of the noun (or of ``place``) in
    the tree; the noun is its object."""
    place = h if place is None else place
    if place.head.i == place.i:
        v.head, v.dep_ = v, "ROOT"
    else:
        v.head, v.dep_ = place.head, place.dep_
    v.pos_, v.tag_ = "VERB", tag
    if tag == "VBZ":
        v.lemma_ = _third_person_base(v.lower_)  # a noun's lemma: "taxes" was "taxis"
    h.head, h.dep_ = v, "dobj"


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
        _verb_over_noun(v, h, "VBP")
        if doc[v.i - 1].dep_ == "advmod":
            doc[v.i - 1].head = v


_BANDS = frozenset({"cartel", "network", "group", "gang", "clan", "militia", "faction", "syndicate", "ring", "cell",
                    "brigade", "company", "firm", "organization", "organisation", "movement", "front", "unit"})


def band_then_verb(doc: Doc) -> None:
    """"According to OFAC, the cartel imports precursor chemicals": "the" and a band's noun, or a masked name
    ("According to the group, group imports firearms"), then a verb of a trade read as a plural noun compound
    of the next noun. The band is the verb's subject, the noun its object."""
    for v in doc:
        h = v.head
        # "the gang levies weekly payments": read as a noun modifier of the next noun too
        if v.lower_ not in lx.TRADE_VERBS_S or v.dep_ not in ("compound", "nmod") or h.i <= v.i or h.pos_ != "NOUN" \
                or v.i < 1:
            continue
        band, the = doc[v.i - 1], doc[v.i - 2] if v.i > 1 else None
        # a masked name needs no article where it opens its clause: "According to the group, group imports
        # firearms", not "An informant who betrayed group imports cocaine"
        opens = the is None or the.is_punct or the.lower_ in ("that", "and", "but")
        named = (band.lower_ in PLACEHOLDERS and opens) or (
            band.lower_ in _BANDS and the is not None and the.lower_ in ("the", "this"))
        if not named or band.head.i != v.i:
            continue
        while h.dep_ == "compound" and h.head.i > h.i and h.head.pos_ == "NOUN":
            h = h.head  # "imports precursor chemicals": the object is the whole noun phrase
        verb = h.head
        if h.dep_ == "nsubj" and verb.pos_ == "VERB" and verb.i > h.i:
            # "the cartel imports chemicals ... and moves the pills": the noun phrase made the subject of
            # the next verb, which is the first verb's conjunct
            _verb_over_noun(v, h, "VBZ", place=verb)
            verb.head, verb.dep_ = v, "conj"
        else:
            _verb_over_noun(v, h, "VBZ")
        band.head, band.dep_ = v, "nsubj"
        if band.lower_ not in PLACEHOLDERS:
            the.head = band  # a band's noun has its article; a masked name none
        for c in list(h.children):
            if c.dep_ not in ("compound", "amod", "det", "nummod", "poss"):
                c.head = v  # "According to OFAC", "from suppliers in China": the clause's, as parsed
        return


# Plural nouns of the ones a band charges or taxes, which the model reads as a verb after "charges" read as
# a noun: "group charges traffickers 200,000 pesos", "group charges ranchers a monthly 'contribution'".
_PAYER_ENDINGS = config.PEOPLE_PLURAL_ENDINGS


def verb_as_subject(doc: Doc) -> None:
    """"The ELN's Eastern War Front charges traffickers 200,000 pesos for every kilo": after a noun or a masked
    name, a verb of a trade read as a noun, the subject of the plural noun after it, read as a verb. The trade
    verb takes that word's place in the tree, with its dependents; the noun before is its subject and the
    plural noun its object. The same plural noun read as a verb under the right verb ("charges traffickers
    $100": traffickers/xcomp) is mended to its object too."""
    for v in doc:
        h = doc[v.i + 1] if v.i + 1 < len(doc) else None
        if v.lower_ not in lx.TRADE_VERBS_S or v.i < 1 or h is None or h.pos_ != "VERB" \
                or not h.lower_.endswith(_PAYER_ENDINGS):
            continue
        band = doc[v.i - 1]
        if v.dep_ == "nsubj" and v.head.i == h.i and band.head.i == v.i and band.pos_ in ("NOUN", "PROPN"):
            _verb_over_noun(v, h, "VBZ")
            band.dep_ = "nsubj"
        elif not (v.pos_ == "VERB" and h.head.i == v.i and h.dep_ in ("xcomp", "ccomp")):
            continue
        h.head, h.dep_, h.pos_, h.tag_ = v, "dobj", "NOUN", "NNS"
        for c in list(h.children):
            if c.i > h.i:
                c.head = v  # "200,000 pesos", "for every kilo": the verb's


def noun_as_verb(doc: Doc) -> None:
    """"ISWAP taxes fish traders near Kukawa": after a name, a verb of a trade read as a noun, the subject of
    the word after it read as a verb whose object is a plural noun of payers right after it ("fish" of "fish
    traders"). The trade verb takes that word's place, the payers are its object and the word their
    modifier, as in "taxes charcoal traders"."""
    for v in doc[1:-2]:
        h, payers = doc[v.i + 1], doc[v.i + 2]
        if v.lower_ not in lx.TRADE_VERBS_S or v.dep_ != "nsubj" or v.head.i != h.i or h.pos_ != "VERB" or \
                payers.head.i != h.i or payers.dep_ != "dobj" or not payers.lower_.endswith(_PAYER_ENDINGS):
            continue
        band = doc[v.i - 1]
        if band.head.i != v.i or band.pos_ not in ("NOUN", "PROPN"):
            continue
        _verb_over_noun(v, payers, "VBZ", place=h)
        band.dep_ = "nsubj"
        for c in list(h.children):
            c.head = v  # "on the shores near Kukawa": the clause's
        h.head, h.dep_, h.pos_, h.tag_ = payers, "compound", "NOUN", "NN"
        return


def _third_person_base(word: str) -> str:
    """"taxes" -> "tax", "levies" -> "levy", "charges" -> "charge": the base of a verb in TRADE_VERBS_S."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("xes", "shes", "sses")):
        return word[:-2]
    return word[:-1]


def repair_english(doc: Doc) -> None:
    verb_as_subject(doc)
    noun_as_verb(doc)
    band_then_verb(doc)
    reduced_relative(doc)
    verb_as_compound(doc)
    verb_as_noun_head(doc)
    tax_as_compound(doc)
