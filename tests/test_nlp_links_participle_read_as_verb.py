"""A participle after the goods read as their verb, the passive after it left with no subject ("Methamphetamine
cooked in Bakwa district is smuggled into Iran"): the goods' way on is their own again (repair/__init__.py)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ocwatch.nlp.links.repair import repair
from tests.support.links_read import counted

pytestmark = pytest.mark.slow

METH, ARMS, MINING = "synthetic_drug_trade", "arms_trafficking", "non_renewable_resource_crimes"


@pytest.mark.parametrize(("text", "lang", "market", "places"), [
    ("Methamphetamine cooked from ephedra in Khash Rod district is instead smuggled into Iran through Zaranj, "
     "the report found.", "en", METH, {"Khash Rod", "Iran", "Zaranj"}),
    ("Captagon pressed in workshops near Qusayr is instead smuggled into Jordan through Ramtha, the study found.",
     "en", METH, {"Qusayr", "Jordan", "Ramtha"}),
    ("Investigators found that hand grenades taken from old army depots in Serbia are being sold to gangs in "
     "Denmark through a courier network.", "en", ARMS, {"Serbia", "Denmark"}),
    ("Depuis la prise du site par les rebelles, le coltan extrait sur ce site du Masisi est acheminé vers "
     "Gisenyi puis Kigali, selon le rapport.", "fr", MINING, {"Masisi", "Gisenyi", "Kigali"}),
])
def test_the_goods_way_after_a_participle_read_as_their_verb_is_theirs(
        text: str, lang: str, market: str, places: set[str]) -> None:
    assert {(None, market, p) for p in places} <= counted(text, lang)


def _doc(lang: str, rows: list[tuple[str, str, int, str, str, str]]) -> Doc:
    """Words with (word, lemma, head, dep, pos, tag-or-morph): the parse as the small models give it."""
    words = [r[0] for r in rows]
    morphs = [r[5] if lang == "fr" else "" for r in rows]
    return Doc(Vocab(), words=words, lemmas=[r[1] for r in rows], heads=[r[2] for r in rows],
               deps=[r[3] for r in rows], pos=[r[4] for r in rows],
               tags=[r[5] if lang == "en" else "" for r in rows], morphs=morphs)


def _parse(doc: Doc) -> list[tuple[str, str, str]]:
    return [(t.text, t.dep_, t.head.text) for t in doc]


def test_a_participle_hung_as_the_passives_subject_becomes_the_nouns_modifier() -> None:
    doc = _doc("en", [("Timber", "timber", 1, "nsubj", "NOUN", "NN"), ("cut", "cut", 5, "nsubjpass", "VERB", "VBD"),
                      ("in", "in", 1, "prep", "ADP", "IN"), ("Mayombe", "Mayombe", 2, "pobj", "PROPN", "NNP"),
                      ("is", "be", 5, "auxpass", "AUX", "VBZ"), ("loaded", "load", 5, "ROOT", "VERB", "VBN"),
                      ("at", "at", 5, "prep", "ADP", "IN"), ("Pemba", "Pemba", 6, "pobj", "PROPN", "NNP")])
    parse = _parse(repair(doc, "en"))
    assert ("Timber", "nsubjpass", "loaded") in parse and ("cut", "acl", "Timber") in parse


def test_a_passive_hung_under_the_participle_takes_its_place_in_the_tree() -> None:
    doc = _doc("en", [("Girls", "girl", 1, "nsubj", "NOUN", "NNS"), ("recruited", "recruit", 8, "ccomp", "VERB", "VBD"),
                      ("in", "in", 1, "prep", "ADP", "IN"), ("Edo", "Edo", 2, "pobj", "PROPN", "NNP"),
                      ("are", "be", 5, "auxpass", "AUX", "VBP"), ("sold", "sell", 1, "ccomp", "VERB", "VBN"),
                      (",", ",", 8, "punct", "PUNCT", ","), ("police", "police", 8, "nsubj", "NOUN", "NNS"),
                      ("said", "say", 8, "ROOT", "VERB", "VBD")])
    parse = _parse(repair(doc, "en"))
    assert ("sold", "ccomp", "said") in parse and ("Girls", "nsubjpass", "sold") in parse
    assert ("recruited", "acl", "Girls") in parse


@pytest.mark.parametrize("rows", [
    # "Les colis transitent par Jacmel avant d'être livrés": a finite plural the model calls a participle, and a
    # passive under a conjunction ("avant d'être") that makes it the verb's own later step
    [("Les", "le", 1, "det", "DET", ""), ("colis", "colis", 2, "nsubj", "NOUN", ""),
     ("transitent", "transiter", 2, "ROOT", "VERB", "VerbForm=Part"), ("par", "par", 4, "case", "ADP", ""),
     ("Jacmel", "Jacmel", 2, "obl:arg", "PROPN", ""), ("avant", "avant", 8, "mark", "ADP", ""),
     ("d'", "de", 8, "mark", "ADP", ""), ("être", "être", 8, "aux:pass", "AUX", ""),
     ("livrés", "livrer", 2, "advcl", "VERB", "VerbForm=Part")],
    # "Le conteneur avait transité par Kingston, être déchargé": a participle with its own auxiliary is a verb
    [("Le", "le", 1, "det", "DET", ""), ("conteneur", "conteneur", 3, "nsubj", "NOUN", ""),
     ("avait", "avoir", 3, "aux:tense", "AUX", ""), ("transité", "transiter", 7, "advcl", "VERB", "VerbForm=Part"),
     ("par", "par", 5, "case", "ADP", ""), ("Kingston", "Kingston", 3, "obl:mod", "PROPN", ""),
     ("est", "être", 7, "aux:pass", "AUX", ""), ("déchargé", "décharger", 7, "ROOT", "VERB", "VerbForm=Part")],
    # "Le conteneur transité par Kingston et est déchargé": "et" hangs on the second verb, a clause of its own
    [("Le", "le", 1, "det", "DET", ""), ("conteneur", "conteneur", 2, "nsubj", "NOUN", ""),
     ("transité", "transiter", 2, "ROOT", "VERB", "VerbForm=Part"), ("par", "par", 4, "case", "ADP", ""),
     ("Kingston", "Kingston", 2, "obl:mod", "PROPN", ""), ("et", "et", 7, "cc", "CCONJ", ""),
     ("est", "être", 7, "aux:pass", "AUX", ""), ("déchargé", "décharger", 2, "advcl", "VERB", "VerbForm=Part")],
])
def test_a_french_verb_of_its_own_keeps_its_subject(rows: list[tuple[str, str, int, str, str, str]]) -> None:
    doc = _doc("fr", rows)
    before = _parse(doc)
    assert _parse(repair(doc, "fr")) == before


def test_an_english_verb_with_its_own_object_or_a_speakers_verb_keeps_its_subject() -> None:
    # "Kamara smuggled gold, is accused": an active verb with its object is the subject's own clause
    doc = _doc("en", [("Kamara", "Kamara", 1, "nsubj", "PROPN", "NNP"), ("smuggled", "smuggle", 4, "ccomp", "VERB", "VBD"),
                      ("gold", "gold", 1, "dobj", "NOUN", "NN"), ("is", "be", 4, "auxpass", "AUX", "VBZ"),
                      ("accused", "accuse", 4, "ROOT", "VERB", "VBN")])
    assert ("Kamara", "nsubj", "smuggled") in _parse(repair(doc, "en"))
    # "Survivors said ..., were flown to Mae Sot": the speakers' verb stays theirs
    doc = _doc("en", [("Survivors", "survivor", 1, "nsubj", "NOUN", "NNS"), ("said", "say", 1, "ROOT", "VERB", "VBD"),
                      ("were", "be", 3, "auxpass", "AUX", "VBD"), ("flown", "fly", 1, "ccomp", "VERB", "VBN"),
                      ("to", "to", 3, "prep", "ADP", "IN"), ("Sot", "Sot", 4, "pobj", "PROPN", "NNP")])
    assert ("Survivors", "nsubj", "said") in _parse(repair(doc, "en"))


@pytest.mark.parametrize("text", [
    "Black Axe sex traffickers travelled from Benin City to Palermo, were arrested in Turin.",
    "The Sinaloa Cartel trafficked heavily through Guayaquil, is alleged.",
])
def test_a_clause_before_a_comma_or_a_speakers_passive_keeps_its_subject(text: str) -> None:
    from ocwatch.nlp.pipeline import get_parser

    doc = get_parser("en")(text)
    before = _parse(doc)
    assert _parse(repair(doc, "en")) == before


def test_the_words_after_a_passive_hung_under_the_participle_go_with_the_passive() -> None:
    # "Cocaine landed in Guinea-Bissau is flown to Mali via Niger", "via Niger" hung on "landed"
    doc = _doc("en", [("Cocaine", "cocaine", 1, "nsubj", "NOUN", "NN"), ("landed", "land", 1, "ROOT", "VERB", "VBD"),
                      ("in", "in", 1, "prep", "ADP", "IN"), ("Bissau", "Bissau", 2, "pobj", "PROPN", "NNP"),
                      ("is", "be", 5, "auxpass", "AUX", "VBZ"), ("flown", "fly", 1, "ccomp", "VERB", "VBN"),
                      ("via", "via", 1, "prep", "ADP", "IN"), ("Niger", "Niger", 6, "pobj", "PROPN", "NNP")])
    parse = _parse(repair(doc, "en"))
    assert ("flown", "ROOT", "flown") in parse and ("via", "prep", "flown") in parse
    assert ("in", "prep", "landed") in parse
