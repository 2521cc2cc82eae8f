"""The market component (``ocw_markets``): commodity names and activity phrases of the taxonomy.

It appends spans to ``doc.spans[SPAN_KEY]`` (nlp/spans.py): ``label_`` "commodity", ``kb_id_`` the
commodity or activity id, ``id_`` how it was found (ruler, lemma). Markets are looked up from the
ids when the rows are written (nlp/rows.py).
"""

from __future__ import annotations

import numpy
from spacy.attrs import LOWER, NORM
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans
from spacy.vocab import Vocab

from ocwatch.nlp import (
    config,
    counterfeits,
    exploitation,
    forms,
    laundering,
    patterns,
    smuggling,
    sums,
    tolls,
)
from ocwatch.nlp.spans import add as _add
from ocwatch.nlp.spans import span as _span


def _carried_before(doc: Doc, at: int, reach: int = 5) -> bool:
    """A verb of carrying or selling among the few words before ``at``, in the same clause."""
    for t in reversed(doc[max(0, at - reach): at]):
        if t.is_punct:
            return False
        if t.lower_.startswith(config.SMUGGLED_BEFORE_EN):
            return True
    return False


class MarketMatcher:
    """Market activities matched on word families (nlp/forms.py), commodity names as nouns.

    For activities each token's NORM is set to its word-family key (a dict
    lookup) and one PhraseMatcher matches the phrases' keys: inflections count
    ("extorted", "rançonnent") without running the tagger and lemmatizer, and
    no phrase is expanded into every combination of its words' forms. We run
    after the model, so nothing downstream reads NORM. Commodity names match
    on lower-case singular and plural only: "fuelled" is not fuel.
    """

    def __init__(self, nlp: Language, name: str):
        self.lang = nlp.lang
        self.family = patterns.families(self.lang)
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")  # activity phrases, on families
        self.names = PhraseMatcher(nlp.vocab, attr="LOWER")  # commodity names, singular or plural
        self.exact: dict[str, set[str]] = {}
        phrases: dict[str, list[Doc]] = {}
        names: dict[str, set[tuple[str, ...]]] = {}
        for term in patterns.market_terms(self.lang):
            words = [t.lower_ for t in nlp.make_doc(term.phrase)]
            if term.kind == "activity":
                keys = [self._key(w) for w in words]
                phrases.setdefault(term.entity_id, []).append(self._norms(Doc(nlp.vocab, words=keys)))
            else:
                names.setdefault(term.entity_id, set()).update(patterns.name_surfaces(words, self.lang))
            self.exact.setdefault(term.entity_id, set()).add(term.phrase.lower())
        for entity, docs in phrases.items():
            self.matcher.add(entity, docs)
        self.hashes = self._hash_map(nlp.vocab, {t.text for docs in phrases.values() for d in docs for t in d})
        for entity, surfaces in names.items():
            typographic = {tuple(x.replace("'", "’") for x in w) for w in surfaces}
            self.names.add(entity, [Doc(nlp.vocab, words=list(w)) for w in sorted(surfaces | typographic)])
        # "demand 5,000 gourdes", "charging 2,000 gourdes per crossing", "encrypted the records": phrases with gaps
        self.gapped = [m for m in (sums.demanded_sums(nlp.vocab, self.lang), tolls.phrases(nlp.vocab, self.lang)) if m]
        self.exploitation = exploitation.phrases(nlp.vocab, self.lang)
        self.smuggling = smuggling.phrases(nlp.vocab, self.lang)
        self.laundering = laundering.phrases(nlp.vocab, self.lang)
        self.counterfeits = counterfeits.phrases(nlp.vocab, self.lang)
        self.guards = {form: guard for (code, word), guard in config.GUARDED_TERMS.items()
                       if code == self.lang for form in forms.noun_forms(word, self.lang)}

    def _key(self, lower: str) -> str:
        lower = lower.replace("’", "'")
        return self.family.get(lower, lower)

    def _hash_map(self, vocab: Vocab, words: set[str]) -> dict[int, int]:
        # LOWER hash -> family-key hash, so the NORM column is rewritten without making Token objects.
        strings = vocab.strings
        pairs = {**self.family, **{w.replace("'", "’"): w for w in words if "'" in w}}
        return {strings.add(form): strings.add(self._key(key)) for form, key in pairs.items()}

    @staticmethod
    def _norms(doc: Doc) -> Doc:
        for token in doc:  # a pattern's words are family keys already
            token.norm_ = token.text
        return doc

    def _keyed(self, doc: Doc) -> Doc:
        lower = doc.to_array(LOWER)
        get = self.hashes.get
        doc.from_array([NORM], numpy.fromiter((get(h, h) for h in lower.tolist()), dtype=numpy.uint64,
                                              count=len(lower)))
        return doc

    def _guarded_out(self, doc: Doc, start: int, end: int) -> bool:
        guard = self.guards.get(doc[start].lower_) if end - start == 1 else None
        if guard is None:
            return False
        prev = doc[start - 1].lower_ if start > 0 else ""
        nxt = doc[end].lower_ if end < len(doc) else ""
        return prev not in guard["prev"] and nxt not in guard["next"]

    @staticmethod
    def _in_an_idiom(doc: Doc, start: int, end: int) -> bool:
        """A word of a market inside an idiom that says something else: "écoule en fraude" is smuggling
        (the goods' market), not fraud; "tusks hacked off" were cut, not a computer."""
        if end - start != 1:
            return False
        word = doc[start].lower_
        before, after = config.NOT_AFTER.get(word), config.NOT_BEFORE.get(word)
        if before is not None and start > 1 and doc[start - 1].lower_ in before:
            # "écoulent en fraude", also a few words on ("sortent du pays en fraude vers Garoua-Boulaï",
            # "entrent chaque nuit en fraude depuis Arua"); not "spécialisé en fraude", "poursuivi en fraude"
            return _carried_before(doc, start - 1)
        following = [t.lower_ for t in doc[end: end + 2]]
        return after is not None and any(following[:len(words)] == list(words) for words in after)

    @staticmethod
    def _in_a_name(doc: Doc, start: int, end: int) -> bool:
        """A goods word that opens a capitalised name is the name's ("Ruby Princess", "Emerald Coast",
        "Gold Falcon cigarettes"), not the goods; so is one that closes a name the model found ("la marque
        Sahara Gold", "Royal Gold cigarettes", "Marlboro Gold"; not "Tax Coltan" in a headline, which is
        no name)."""
        if end - start != 1 or not doc[start].is_title:
            return False
        if end < len(doc) and doc[end].is_title:
            return True
        return doc[start].ent_iob_ == "I" and doc[start - 1].is_title

    def __call__(self, doc: Doc) -> Doc:
        found = []
        names = [m for m in self.names(doc) if not self._in_a_name(doc, m[1], m[2])]
        gapped = tolls.before_names(doc, [match for matcher in self.gapped for match in matcher(doc)], names)
        if self.exploitation is not None:
            gapped += exploitation.at_verb(doc, self.exploitation(doc))
        phrases = list(self.matcher(self._keyed(doc)))
        if self.smuggling is not None:
            gapped += smuggling.at_verb(doc, self.smuggling(doc), phrases)
        if self.counterfeits is not None:
            gapped += self.counterfeits(doc)
        if self.laundering is not None:
            gapped += laundering.at_verb(doc, self.laundering(doc))
        for key, start, end in [*phrases, *names, *gapped]:
            if self._guarded_out(doc, start, end) or self._in_an_idiom(doc, start, end):
                continue
            entity = doc.vocab.strings[key]
            method = "ruler" if doc[start:end].text.lower() in self.exact[entity] else "lemma"
            found.append(_span(doc, start, end, "commodity", entity, method))
        _add(doc, filter_spans(found))
        return doc


@Language.factory("ocw_markets")
def make_markets(nlp: Language, name: str) -> MarketMatcher:
    return MarketMatcher(nlp, name)
