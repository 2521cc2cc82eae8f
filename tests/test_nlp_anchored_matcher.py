"""The market component's gapped Matchers skip a document lacking their words, and find the same."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.matcher import Matcher

from ocwatch.nlp import counterfeits, exploitation, laundering, smuggling, sums, tolls
from ocwatch.nlp.anchored import AnchoredMatcher, requirements
from ocwatch.nlp.evaluate import load_gold
from ocwatch.nlp.pipeline import get_nlp

GOLD = Path(__file__).parent / "gold"
BUILDERS = (sums.demanded_sums, tolls.phrases, exploitation.phrases, smuggling.phrases, laundering.phrases,
            counterfeits.phrases)


def _plain(anchored: AnchoredMatcher) -> Matcher:
    # the same rules in a spaCy Matcher that walks every document
    plain = Matcher(anchored.vocab)
    for key, greedy in anchored.greedy.items():
        plain.add(key, anchored.matcher.get(key)[1], greedy=greedy)
    return plain


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_gapped_matcher_finds_what_a_plain_matcher_finds_on_the_gold_texts(lang: str) -> None:
    nlp = get_nlp(lang)
    texts = [r["text"] for r in load_gold(GOLD / "gold.jsonl") if r["lang"] == lang]
    texts += [r["text"] for r in load_gold(GOLD / "links") if r["lang"] == lang][:400]
    docs = list(nlp.pipe(texts, disable=["ocw_markets", "ocw_places", "ocw_actors"]))
    skipped = found = 0
    for build in BUILDERS:
        anchored = build(nlp.vocab, lang)
        if anchored is None:
            continue
        plain = _plain(anchored)
        for doc in docs:
            skipped += not anchored.could_match(doc)
            got = anchored(doc)
            found += len(got)
            assert sorted(got) == sorted(plain(doc)), (build.__module__, doc.text[:80])
    assert found > 0 and skipped > 0  # both paths were taken


def test_a_document_without_a_patterns_words_is_not_walked() -> None:
    nlp = get_nlp("en")
    matcher = smuggling.phrases(nlp.vocab, "en")
    assert not matcher.could_match(nlp.make_doc("The council approved the school budget after a long debate."))
    assert matcher.could_match(nlp.make_doc("Smugglers organised crossings of the Adriatic from Vlorë."))


def test_a_pattern_requires_one_word_of_each_required_token_that_names_words() -> None:
    pattern = [{"LOWER": {"IN": ["pay", "paid"]}}, {"IS_PUNCT": False, "OP": "{0,6}"}, {"LOWER": "To"},
               {"LOWER": {"IN": ["a", "the"]}, "OP": "?"}, {"ORTH": {"IN": ["Smugglers", "passeur"]}, "OP": "+"}]
    assert requirements(pattern) == ({"pay", "paid"}, {"to"}, {"smugglers", "passeur"})
    nlp = get_nlp("en")
    matcher = AnchoredMatcher(nlp.vocab)
    matcher.add("X", [pattern])
    assert not matcher.could_match(nlp.make_doc("They paid the smugglers."))  # no "to"
    assert matcher.could_match(nlp.make_doc("They paid 500 dollars to smugglers."))


@pytest.mark.parametrize("pattern", [
    [{"LIKE_NUM": True}, {"IS_TITLE": True}],  # shapes only
    [{"LOWER": "fake", "OP": "?"}, {"IS_ALPHA": True}],  # an optional word
    [{"LOWER": {"IN": ["de", "du"]}, "OP": "{0,2}"}, {"IS_ALPHA": True}],  # a word that may be left out
    [{"LOWER": {"NOT_IN": ["police"]}}],  # a word that must not be there
])
def test_a_pattern_that_requires_no_word_makes_the_matcher_walk_every_document(pattern: list[dict]) -> None:
    nlp = get_nlp("en")
    matcher = AnchoredMatcher(nlp.vocab)
    matcher.add("X", [[{"LOWER": "toll"}], pattern])
    assert matcher.needs is None
    assert matcher.could_match(nlp.make_doc("Nothing here."))
