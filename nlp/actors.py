"""The actor component: known actors from the reference list, and the model's other
ORG and PERSON entities kept untyped (``unknown:<name>``), never places or peoples.
Runs last, so a known actor wins an overlap (docs/NLP.md)."""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ocwatch.nlp import (
    acronym_pairs,
    called_bands,
    config,
    dateline,
    gazetteer,
    groups,
    patterns,
    persons,
    self_named,
)
from ocwatch.nlp.names_again import named_again
from ocwatch.nlp.spans import overlaps as _overlaps
from ocwatch.nlp.spans import span as _span
from ocwatch.nlp.spans import spans as _spans
from ocwatch.nlp.spans import words as _words
from ocwatch.reference import taxonomy
from ocwatch.reference.names import without_accents

_DETERMINERS = ("the", "le", "la", "les", "l'", "l’")
# "a Kosovar", "un Malien", "une Nigériane": one capitalised word after an indefinite article
# describes a person by origin; a name takes no indefinite article.
_INDEFINITE = ("a", "an", "un", "une")
# The last word of a name the model tagged ORG that makes it an area, not a body.
_AREA_NOUNS = frozenset({"zone", "park", "reserve", "province", "district", "county", "corridor", "valley",
                         "territory", "parc", "réserve", "territoire"})
# ... unless a force's word says it is a unit: "the National Police Reserve"
_FORCE_WORDS = frozenset({"police", "army", "defence", "defense", "military", "armée", "forces", "guard", "garde"})


# A name the model tags ORG or PERSON before a noun of a place is that place's: "the Las Claritas mining
# area", "the Lodjo pit", "the Bouroum-Yalgo site near Kaya" is no band ("the Kondor Locker leak site" is
# why "site" needs a word of mining before it).
# (not "market": "Hydra market", "AlphaBay market" are darknet markets, actors themselves)
_AREA_AFTER = _AREA_NOUNS | {"area", "region", "sanctuary", "forest", "river", "crossing", "pit", "pits", "mine",
                             "mines", "mills", "airport", "région", "forêt", "rivière", "fleuve", "aéroport"}
_AREA_MODIFIERS = frozenset({"mining", "gold", "artisanal", "border", "diamond", "wildlife", "forest", "national"})


# The word that says a name is a brand: before it in both languages ("de marque « Ameer »"), after it only in
# English ("the Fénix brand"; French "marque" after a name is the verb, "X marque un tournant").
_BRAND_AFTER = frozenset({"brand", "brands"})
_BRAND_BEFORE = _BRAND_AFTER | {"marque", "marques"}
# Words between a make and its goods that say which model: "AK-pattern rifles", "PKM machine guns".
_MODEL_WORDS = frozenset({"-", "pattern", "type", "style", "model", "series", "machine", "assault", "sniper",
                          "automatic", "semi-automatic", "heavy", "light"})


def _names_an_area(doc: Doc, ent: Span) -> bool:
    after = [t.lower_ for t in doc[ent.end:ent.end + 2]]
    return bool(after) and (after[0] in _AREA_AFTER or (
        len(after) == 2 and after[0] in _AREA_MODIFIERS and after[1] in _AREA_AFTER | {"site", "sites"}))


# Words a faction's name does not run on into: titles and the nouns of a group's parts.
_NAME_BREAKERS = frozenset({
    "governor", "commander", "spokesman", "spokesperson", "leader", "chief", "deputy", "officer", "emir", "sheikh",
    "mayor", "minister", "secretary", "chairman", "founder", "gouverneur", "commandant", "chef", "porte-parole", "émir",
    "cheikh", "maire", "fondateur", "cells", "cell", "members", "fighters", "faction", "wing"})


def _norm_name(text: str) -> str:
    words = text.lower().replace("’", "'").split()
    while words and words[0] in _DETERMINERS:
        words = words[1:]
    return " ".join(words).removesuffix("'s").strip(" '\"")


def _spellings(name: str) -> set[str]:
    # Writers drop accents ("Skaljari clan", "Forces democratiques alliees"): a listed name is found
    # without them too, as the gazetteer finds towns.
    return gazetteer.apostrophe_variants(name) | gazetteer.apostrophe_variants(without_accents(name))


class ActorLinker:
    """Known actors (names, aliases, acronyms) and, kept untyped, the model's other ORG and PERSON."""

    def __init__(self, nlp: Language, name: str, ner_labels: list[str]):
        self.ner_labels = set(ner_labels)
        self.demonyms = gazetteer.demonym_forms()
        self.not_actors = self.demonyms | gazetteer.place_names_lower()
        # Publications and agencies write the news: never the name of a group found by construction.
        media_names = {n.lower() for a in taxonomy.actors() if a.kind == "media" for n in a.all_names}
        self.media = frozenset(a.actor_id for a in taxonomy.actors() if a.kind == "media")
        stop_words = frozenset(nlp.Defaults.stop_words)
        self.groups = groups.GroupFinder(stop_words, self.demonyms | config.NOT_TOWN_WORDS,
                                         self.not_actors | media_names | config.ACTOR_STOPWORDS)
        self.persons = persons.PersonFinder(self.demonyms | config.NOT_TOWN_WORDS)
        self.self_named = self_named.SelfNamedFinder(stop_words, self.demonyms | config.NOT_TOWN_WORDS,
                                                     self.not_actors | media_names | config.ACTOR_STOPWORDS)
        self.called = called_bands.CalledBandFinder(self.demonyms | config.NOT_TOWN_WORDS,
                                                    self.not_actors | media_names | config.ACTOR_STOPWORDS)
        # a faction's name stops at a title, a place, a person or goods: "Al-Shabaab Governor X", "Boko Haram
        # Kano-born commander", "Sinaloa Cartel Cocaine Shipments"
        self.name_stops = self.demonyms | config.NOT_TOWN_WORDS | config.ACTOR_STOPWORDS | _NAME_BREAKERS
        self.branded = frozenset(c.commodity_id for c in taxonomy.commodities() if c.market in config.BRANDED_MARKETS)
        self.acronyms = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.names = PhraseMatcher(nlp.vocab, attr="LOWER")
        by_id: dict[tuple[str, bool], list[str]] = {}
        for term in patterns.actor_terms():
            # Acronyms match case-sensitively: "ADF" is a group, "adf" is noise.
            acronym = not any(ch.islower() for ch in term.phrase)
            by_id.setdefault((term.entity_id, acronym), []).append(term.phrase)
        for (actor_id, acronym), texts in by_id.items():
            matcher = self.acronyms if acronym else self.names
            variants = sorted({v for t in texts for v in _spellings(t)})
            matcher.add(actor_id, list(nlp.tokenizer.pipe(variants)))
        # "the Chadian army", "l'armée tchadienne": an army no list names, unless one does ("Nigerian army")
        known = {t.phrase.lower() for t in patterns.actor_terms()}
        for army_id, phrases in gazetteer.national_armies().items():
            new = [p for p in phrases if p not in known]
            if new:
                self.names.add(army_id, list(nlp.tokenizer.pipe(new)))

    def _not_actor(self, ent: Span, name: str) -> bool:
        # Places and peoples are never actors: "Rwandan troops", "Congolais", a town the
        # model tagged ORG that the place linker did not take ("Birnin Gwari" without a cue).
        words = name.split()
        if name in self.not_actors or (len(words) <= 2 and any(w in self.demonyms for w in words)):
            return True
        if len(words) > 1 and words[-1] in _AREA_NOUNS and not _FORCE_WORDS & set(words):
            return True  # "the Golden Triangle Special Economic Zone", "Virunga National Park": an area
        # A town's own name, or a big town's other spelling, is a place: no actor list names it.
        cands = gazetteer.cities_named(ent.text)
        big = config.RECLAIM_CITY_MIN_POPULATION
        return len(ent) <= 2 and any(c.name == ent.text or c.population >= big for c in cands)

    def _credit(self, doc: Doc, span: Span) -> bool:
        # A wire credit, "MIAMI, 9 July (AP) -": the agency that wrote the story, in no clause of it.
        # (A medium inside a clause, "Selon RFI, ...", stays an actor span: the link rules read it.)
        return (span.kb_id_ in self.media and span.start > 0 and span.end < len(doc)
                and doc[span.start - 1].text == "(" and doc[span.end].text == ")")

    @staticmethod
    def _dateline(text: str, ent: Span) -> bool:
        # "LOMÉ – La police ...", "BOKEO, Laos – ...", "MAE SOT, Thailand -": the town a story was filed
        # from, which the models often tag ORG (or half of it: "SOT"), in the dateline opening its paragraph.
        # ``text`` is ``doc.text``, passed in: spaCy joins every token to build it on each access.
        line = text.rfind("\n", 0, ent.start_char) + 1
        end = dateline.dateline_end(text, line)
        # a span across the dash ("BUKAVU — La") starts in it all the same
        return end != line and ent.start_char < end

    def _make(self, ent: Span, taken: list[Span]) -> bool:
        # "Zastava pistols", "Kalashnikov rifles", "Gucci handbags": a make or a brand right before
        # goods that have makes names what they are, not who trades them ("X gold" may be X's gold); so
        # with a word of its model between ("AK-pattern rifles", "PKM machine guns")
        doc = ent.doc
        return any(s.label_ == "commodity" and s.kb_id_ in self.branded and ent.end <= s.start <= ent.end + 2
                   and all(t.lower_ in _MODEL_WORDS for t in doc[ent.end:s.start]) for s in taken)

    @staticmethod
    def _brand(doc: Doc, ent: Span) -> bool:
        # "cigarettes de marque « Ameer »", "the cigarettes were of the Fénix brand": a brand names goods
        before = [t.lower_ for t in doc[max(0, ent.start - 3):ent.start] if not t.is_quote]
        after = [t.lower_ for t in doc[ent.end:ent.end + 3] if not t.is_quote and t.text != "-"]
        return (bool(before) and before[-1] in _BRAND_BEFORE) or (bool(after) and after[0] in _BRAND_AFTER)

    @staticmethod
    def _described(doc: Doc, ent: Span) -> bool:
        return len(ent) == 1 and ent.start > 0 and doc[ent.start - 1].lower_ in _INDEFINITE

    def _unknown(self, doc: Doc, taken: list[Span]) -> list[Span]:
        out = []
        text = doc.text
        for ent in doc.ents:
            if ent.label_ not in self.ner_labels or _overlaps(ent, taken):
                continue
            name = _norm_name(ent.text)
            # a name has a capital after its article and quotes: "Le « zoua-zoua »" names the fuel
            if len(name) < 2 or name in config.ACTOR_STOPWORDS or not any(
                    c.isupper() for t in ent if t.lower_ not in _DETERMINERS and not t.is_quote for c in t.text):
                continue
            if self._not_actor(ent, name) or self._described(doc, ent) or self._dateline(text, ent) \
                    or self._make(ent, taken) or self._brand(doc, ent) or _names_an_area(doc, ent) \
                    or acronym_pairs.expands_acronym(doc, ent):
                continue
            start = ent.start + (doc[ent.start].lower_ in _DETERMINERS and len(ent) > 1)
            end = ent.end - (len(ent) > 1 and doc[ent.end - 1].lower_ in ("'s", "’s"))  # "Zhao Wei's" is Zhao Wei
            out.append(_span(doc, start, end, "actor", f"unknown:{name}", "ner"))
        return out

    def _name_goes_on(self, doc: Doc, end: int, goods: set[int]) -> int:
        """Where a listed name ends when the text goes on naming a faction of it: "Raia Mutomboki
        Kabazimya", "Maï-Maï Apa Na Pale", "Anonymous Sudan", "La Línea Fronteriza" (the list holds the
        movement; the model would mask the rest as a word of the sentence)."""
        if end < 1 or doc[end - 1].text.endswith(".") or doc[end - 1].is_upper:
            return end  # "Pacífico Export S.A. The company": a new sentence; "UN Security Council": another body
        k = end
        while k < len(doc) and k - end < 3 and doc[k].is_title and doc[k].is_alpha and not doc[k].is_sent_start \
                and doc[k - 1].whitespace_ and doc[k].lower_ not in self.name_stops and k not in goods \
                and doc[k].lower_ not in self.not_actors and doc[k].ent_type_ != "PERSON" and doc[k].ent_type_ != "PER":
            k += 1
        return k

    def __call__(self, doc: Doc) -> Doc:
        matches = [*self.acronyms(doc), *self.names(doc)]
        goods = _words([s for s in _spans(doc) if s.label_ == "commodity"])
        known = filter_spans([_span(doc, s, self._name_goes_on(doc, e, goods), "actor", doc.vocab.strings[k], "ruler")
                              for k, s, e in matches])
        known += self.groups.companies(doc, _words(known))  # "Savannah Beverages Ltd": over places and goods
        # "la Coalition des Résistants de Masisi", "Tian Long Timber", "a group known as the Icelanders"
        known += self.self_named.named(doc, _words(known))
        known += self.called.find(doc, _words(known))
        # A named organisation the text calls one ("the X gang") comes next; places keep their words.
        places = [p for p in _spans(doc) if p.label_ == "location"]
        # a place only a site noun made ("Wan Peng Forest") gives way to an organisation the text names as
        # one ("La société chinoise Wan Peng Forest")
        firm = [p for p in places if p.id_ != "site+context"]
        known += self.groups.groups(doc, _words([*known, *firm]), _words(firm) - _words(known))
        known += self.groups.acronyms(doc, _words([*known, *places]))
        # A person the text introduces by trade or nickname; a place only the text made up gives way.
        listed = _words([*known, *(p for p in places if not p.kb_id_.startswith("context:"))])
        known += [_span(doc, p.start, p.end, "actor", f"unknown:{_norm_name(p.text)}", "construction")
                  for p in self.persons.persons(doc, listed)]
        # A known actor wins an overlap: "Tren de Aragua" is a gang, not the state of Aragua.
        kept = [s for s in _spans(doc) if not _overlaps(s, known)]
        actors = [s for s in known if not self._credit(doc, s)]
        actors, added = acronym_pairs.paired(doc, actors + self._unknown(doc, kept + known))
        again, kept = named_again(doc, actors, kept, self.demonyms)
        doc.spans[config.SPAN_KEY] = [s for s in kept if not _overlaps(s, added)] + actors + again
        return doc


@Language.factory("ocw_actors", default_config={"ner_labels": []})
def make_actors(nlp: Language, name: str, ner_labels: list[str]) -> ActorLinker:
    return ActorLinker(nlp, name, ner_labels)
