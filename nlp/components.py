"""spaCy components (registered factories) that add the taxonomy to the statistical NER.

Each component appends spans to ``doc.spans[SPAN_KEY]``: ``label_`` is the kind
(commodity, location, actor), ``kb_id_`` the taxonomy id and ``id_`` how it
was found (ruler, lemma, ner, ner+gazetteer). Only ids travel on the spans;
markets, actor types and coordinates are looked up from the ids when the
rows are written (nlp/rows.py), so the taxonomy is read in one place.
"""

from __future__ import annotations

from collections import Counter

import numpy
from spacy.attrs import LOWER, NORM
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from ocwatch.nlp import config, forms, gazetteer, patterns


def _spans(doc: Doc) -> list[Span]:
    return list(doc.spans[config.SPAN_KEY]) if config.SPAN_KEY in doc.spans else []


def _add(doc: Doc, new: list[Span]) -> None:
    doc.spans[config.SPAN_KEY] = _spans(doc) + new


def _span(doc: Doc, start: int, end: int, kind: str, entity_id: str, method: str) -> Span:
    return Span(doc, start, end, label=kind, kb_id=entity_id, span_id=method)


Places = tuple[gazetteer.Place, ...]


def _overlaps(span: Span, others: list[Span]) -> bool:
    return any(span.start < o.end and o.start < span.end for o in others)


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
            self.names.add(entity, [Doc(nlp.vocab, words=list(w)) for w in sorted(surfaces)])
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

    def __call__(self, doc: Doc) -> Doc:
        found = []
        for key, start, end in [*self.matcher(self._keyed(doc)), *self.names(doc)]:
            if self._guarded_out(doc, start, end):
                continue
            entity = doc.vocab.strings[key]
            method = "ruler" if doc[start:end].text.lower() in self.exact[entity] else "lemma"
            found.append(_span(doc, start, end, "commodity", entity, method))
        _add(doc, filter_spans(found))
        return doc


@Language.factory("ocw_markets")
def make_markets(nlp: Language, name: str) -> MarketMatcher:
    return MarketMatcher(nlp, name)


class PlaceLinker:
    """Places from the gazetteers and the model's place entities, resolved by the document's country."""

    def __init__(self, nlp: Language, name: str, ner_labels: list[str], actor_labels: list[str],
                 city_rules: bool):
        self.ner_labels, self.actor_labels = set(ner_labels), set(actor_labels)
        self.actor_names = {t.phrase.lower() for t in patterns.actor_terms()}
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        best = dict(gazetteer.place_terms())
        if city_rules:
            self._add_cities(best)
        by_id: dict[str, list[str]] = {}
        for text, place_id in best.items():
            by_id.setdefault(place_id, []).append(text)
        for place_id, texts in by_id.items():
            self.matcher.add(place_id, list(nlp.tokenizer.pipe(texts)))

    @staticmethod
    def _add_cities(best: dict[str, str]) -> None:
        # Without a model there is no NER to propose towns: match the big ones by name.
        for cands in gazetteer.city_lookup().values():
            city = cands[0]
            if city.population >= config.RULES_CITY_MIN_POPULATION:
                best.setdefault(city.name, city.place_id)

    def _reclaimed(self, ent: Span, cands: Places) -> bool:
        # The small models often tag an African town PERSON or ORG: take it back when the
        # text is a sizeable city's own name and not a known actor's.
        city = cands[0]
        return (ent.label_ in self.actor_labels and city.name == ent.text
                and city.population >= config.RECLAIM_CITY_MIN_POPULATION
                and ent.text.lower() not in self.actor_names)

    @staticmethod
    def _in_feature_name(doc: Doc, span: Span) -> bool:
        # "Lake Chad", "lac Kivu", "Tanganyika" in "Lake Tanganyika": a lake or river, not the country.
        return span.start > 0 and doc[span.start - 1].lower_ in config.NATURAL_FEATURES

    def _placelike(self, ent: Span) -> bool:
        # A place the model found but no gazetteer knows: a short proper name, not a lake,
        # river or range (those cross borders), not a known actor.
        words = [t.lower_ for t in ent]
        return (ent.label_ in self.ner_labels and ent.text[:1].isupper() and len(ent) <= 3
                and not any(t.like_num for t in ent) and ent.text.lower() not in self.actor_names
                and config.NATURAL_FEATURES.isdisjoint(words))

    def _candidates(self, doc: Doc, taken: list[Span]) -> tuple[list[tuple[Span, Places]], list[Span]]:
        found, unknown = [], []
        for ent in doc.ents:
            if _overlaps(ent, taken) or ent.text.lower() in config.NOT_PLACES:
                continue
            cands = gazetteer.city_lookup().get(ent.text.lower())
            if cands and (ent.label_ in self.ner_labels or self._reclaimed(ent, cands)):
                found.append((ent, cands))
            elif not cands and self._placelike(ent):
                unknown.append(ent)
        return found, unknown

    def __call__(self, doc: Doc) -> Doc:
        ruled = filter_spans([_span(doc, s, e, "location", doc.vocab.strings[k], "gazetteer")
                              for k, s, e in self.matcher(doc)])
        taken = [s for s in _spans(doc) if s.label_ == "commodity"] + ruled
        ruled = [s for s in ruled if not _overlaps(s, [t for t in taken if t.label_ == "commodity"])
                 and not self._in_feature_name(doc, s)]
        cands, unknown = self._candidates(doc, taken)
        votes = Counter(gazetteer.lookup(s.kb_id_).country_iso3 for s in ruled)
        votes.update(c[0].country_iso3 for _, c in cands if len({p.country_iso3 for p in c}) == 1)
        linked = []
        for ent, options in cands:
            # A town name found in several countries goes to the one the document is about.
            best = max(options, key=lambda p: (votes.get(p.country_iso3, 0), p is options[0]))
            linked.append(_span(doc, ent.start, ent.end, "location", best.place_id, "ner+gazetteer"))
        # Villages below GeoNames' cut: their country comes from the whole document (rows.resolve_context).
        linked += [_span(doc, e.start, e.end, "location", gazetteer.context_id("", e.text), "ner+context")
                   for e in unknown]
        _add(doc, ruled + linked)
        return doc


@Language.factory("ocw_places", default_config={"ner_labels": [], "actor_labels": [], "city_rules": False})
def make_places(nlp: Language, name: str, ner_labels: list[str], actor_labels: list[str],
                city_rules: bool) -> PlaceLinker:
    return PlaceLinker(nlp, name, ner_labels, actor_labels, city_rules)


_DETERMINERS = ("the", "le", "la", "les", "l'", "l’")


def _norm_name(text: str) -> str:
    words = text.lower().replace("’", "'").split()
    while words and words[0] in _DETERMINERS:
        words = words[1:]
    return " ".join(words).removesuffix("'s").strip(" '\"")


class ActorLinker:
    """Known actors (names, aliases, acronyms) and, kept untyped, the model's other ORG and PERSON."""

    def __init__(self, nlp: Language, name: str, ner_labels: list[str]):
        self.ner_labels = set(ner_labels)
        self.acronyms = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.names = PhraseMatcher(nlp.vocab, attr="LOWER")
        by_id: dict[tuple[str, bool], list[str]] = {}
        for term in patterns.actor_terms():
            # Acronyms match case-sensitively: "ADF" is a group, "adf" is noise.
            acronym = not any(ch.islower() for ch in term.phrase)
            by_id.setdefault((term.entity_id, acronym), []).append(term.phrase)
        for (actor_id, acronym), texts in by_id.items():
            matcher = self.acronyms if acronym else self.names
            matcher.add(actor_id, list(nlp.tokenizer.pipe(texts)))

    def _unknown(self, doc: Doc, taken: list[Span]) -> list[Span]:
        out = []
        for ent in doc.ents:
            if ent.label_ not in self.ner_labels or _overlaps(ent, taken):
                continue
            name = _norm_name(ent.text)
            if len(name) < 2 or name in config.ACTOR_STOPWORDS or not any(c.isupper() for c in ent.text):
                continue
            start = ent.start + (doc[ent.start].lower_ in _DETERMINERS and len(ent) > 1)
            out.append(_span(doc, start, ent.end, "actor", f"unknown:{name}", "ner"))
        return out

    def __call__(self, doc: Doc) -> Doc:
        matches = [*self.acronyms(doc), *self.names(doc)]
        known = filter_spans([_span(doc, s, e, "actor", doc.vocab.strings[k], "ruler") for k, s, e in matches])
        # A known actor wins an overlap: "Tren de Aragua" is a gang, not the state of Aragua.
        kept = [s for s in _spans(doc) if not _overlaps(s, known)]
        doc.spans[config.SPAN_KEY] = kept + known + self._unknown(doc, kept + known)
        return doc


@Language.factory("ocw_actors", default_config={"ner_labels": []})
def make_actors(nlp: Language, name: str, ner_labels: list[str]) -> ActorLinker:
    return ActorLinker(nlp, name, ner_labels)
