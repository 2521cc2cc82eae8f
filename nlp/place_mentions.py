"""The place component (``ocw_places``): places from the gazetteers and the model's place entities,
resolved by the document's country; towns, sites and roads the text names by construction.

It appends spans to ``doc.spans[SPAN_KEY]`` (nlp/spans.py): ``label_`` "location", ``kb_id_`` the
place id (country:, admin1:, geonames:, region:, domain:, context:), ``id_`` how it was found.
Coordinates are looked up from the ids when the rows are written (nlp/rows.py).
"""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ocwatch.nlp import config, gazetteer, homonyms, patterns, sites, towns
from ocwatch.nlp.institutions import in_institution_name, portfolio
from ocwatch.nlp.spans import add as _add
from ocwatch.nlp.spans import name_words
from ocwatch.nlp.spans import overlaps as _overlaps
from ocwatch.nlp.spans import span as _span
from ocwatch.nlp.spans import spans as _spans
from ocwatch.nlp.spans import words as _words

Places = tuple[gazetteer.Place, ...]
# Labels the small models give town names they misread, besides PERSON/ORG: a town the text places
# may be taken back from these ("recruited in Maracaibo" as PRODUCT, "routes de Cotonou" as MISC)
MISREAD_NAME_LABELS = frozenset({"PRODUCT", "MISC", "WORK_OF_ART", "EVENT", "LAW"})


_REGION_WORDS = config.PLACE_NOUNS | config.PLACE_NOUNS_AFTER_NAME | config.REGION_NOUNS_AFTER


class PlaceLinker:
    """Places from the gazetteers and the model's place entities, resolved by the document's country."""

    def __init__(self, nlp: Language, name: str, ner_labels: list[str], actor_labels: list[str],
                 city_rules: bool):
        self.ner_labels, self.actor_labels = set(ner_labels), set(actor_labels)
        self.misread = self.actor_labels | MISREAD_NAME_LABELS  # names the model did not tag as places
        self.actor_names = {t.phrase.lower().replace("’", "'") for t in patterns.actor_terms()}
        self.cues = config.LOCATIVE_CUES.get(nlp.lang, frozenset())
        self.stop_words = frozenset(nlp.Defaults.stop_words)
        self.demonyms = gazetteer.demonym_forms()
        self.sites = sites.SiteFinder(nlp.lang, self.stop_words, self.demonyms, self.actor_names)
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

    def _reclaimed(self, doc: Doc, ent: Span, cands: Places) -> bool:
        # The small models often tag an African town PERSON or ORG: take it back when the
        # text is a city's own name and not a known actor's, and the city is sizeable or
        # the text says it is a place ("in Kalehe", "près de Komanda").
        sizeable = any(c.population >= config.RECLAIM_CITY_MIN_POPULATION and c.name == ent.text for c in cands)
        # a big town written as people write it, not as GeoNames spells it (Misrata, Misratah)
        sizeable = sizeable or cands[0].population >= config.RECLAIM_CITY_MIN_POPULATION * 2
        return (ent.label_ in self.misread and (sizeable or self._strong_cue(doc, ent) or sites.place_noun_after(doc, ent)
                                                 or sites.town_on_a_route(doc, ent)) and not self._known_actor(ent))

    def _known_actor(self, ent: Span) -> bool:
        return ent.text.lower().replace("’", "'") in self.actor_names

    def _strong_cue(self, doc: Doc, ent: Span) -> bool:
        # "in Kalehe", "village de X", "près de Mocímboa da Praia", "the border at Metema", "depuis X"
        prev = doc[ent.start - 1].lower_ if ent.start > 0 else ""
        before = doc[ent.start - 2].lower_ if ent.start > 1 else ""
        strong = config.STRONG_LOCATIVE_CUES
        return prev in strong or prev in config.RECLAIM_CUES or (
            prev in config.OF_WORDS and (before in config.PLACE_NOUNS or before in strong))

    def _site_or_route(self, doc: Doc, ent: Span) -> bool:
        # "les mines de terres rares de Pangwa", "entrer en Centrafrique par Am Dafok": for a name no
        # gazetteer knows only (a GeoNames homonym abroad would win over the village the text means)
        prev = doc[ent.start - 1].lower_ if ent.start > 0 else ""
        return self.sites.site_before(doc, ent.start, through_goods=True) or (
            prev == "par" and sites.after_motion(doc, ent.start - 1, config.PAR_MOTION_FORMS, 8))

    def _cued(self, doc: Doc, start: int, placed: set[int]) -> bool:
        """Does the text say that what starts at ``start`` is a place? A locative word, a
        place noun and "of"/"de", or a list continuing a place ("Uvira and Fizi")."""
        prev = doc[start - 1].lower_ if start > 0 else ""
        before = doc[start - 2].lower_ if start > 1 else ""
        if prev in self.cues or prev in config.FEATURE_NOUNS_BEFORE or (  # "la rivière Elila"
                prev in config.OF_WORDS and before in config.PLACE_NOUNS):
            return True
        if prev in config.OF_WORDS and before in self.cues:  # "près de", "autour de"
            return True
        if self.sites.cue_before(doc, start, placed, articles=False):  # "en Casamance", "dans le Catatumbo", "trucked to X"
            return True
        return self._listed(doc, start, placed)

    def _town_cued(self, doc: Doc, start: int, placed: set[int]) -> bool:
        """_cued, or a cue only a town's own name may take (config.FOR_MOTION, DESTINATION_WORDS,
        OF_PLACE_NOUNS): "bound for Sharjah", "à destination de Kidal", "les éleveurs de Djibo"."""
        if self._cued(doc, start, placed):
            return True
        prev = doc[start - 1].lower_ if start > 0 else ""
        before = doc[start - 2].lower_ if start > 1 else ""
        if prev in config.OF_WORDS:
            cued = before in config.OF_PLACE_NOUNS or before in config.DESTINATION_WORDS
        else:
            window = doc[max(0, start - 9): start - 1]
            cued = prev == "for" and any(t.lower_ in config.FOR_MOTION for t in window) and not any(
                t.is_punct for t in window)
        # the cue first: the gazetteer lookup below would otherwise run on every capitalised word
        return cued and self._whole_town(doc, start)

    @staticmethod
    def _whole_town(doc: Doc, start: int) -> bool:
        """A capitalised run from ``start`` is a town's name only when the gazetteer names the whole of
        it: "à destination de Barry Callebaut" is a longer name, not the town "Barry"."""
        run = 1
        while start + run < len(doc) and run < 3 and doc[start + run].text[:1].isupper():
            run += 1
        return run == 1 or bool(gazetteer.cities_named(doc[start:start + run].text))

    def _listed(self, doc: Doc, start: int, placed: set[int]) -> bool:
        """Does the name at ``start`` continue a list of places? "Uvira and Fizi", "à Komanda et à
        Mambasa", "près de Kalunga et de Ngungu"."""
        prev = doc[start - 1].lower_ if start > 0 else ""
        before = doc[start - 2].lower_ if start > 1 else ""
        if prev in config.LIST_WORDS:
            return start - 2 in placed
        return (prev in self.cues or prev in config.OF_WORDS) and before in config.LIST_WORDS and start - 3 in placed

    def _not_a_name(self, ent: Span) -> bool:
        # Peoples, function words and acronyms are not villages: "Maliens", "Pourtant", "RED".
        words = [t.lower_ for t in ent]
        return (any(w in self.demonyms for w in words) or (len(ent) == 1 and words[0] in self.stop_words)
                or ent.text.isupper())

    @staticmethod
    def _in_feature_or_currency(doc: Doc, span: Span) -> bool:
        # "Lake Chad", "lac Kivu", "Tanganyika" in "Lake Tanganyika": a lake or river, not the country;
        # "US dollars", "Zimbabwe dollars", "dollars US": a currency, not a place of the deal
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        after = doc[span.end].lower_ if span.end < len(doc) else ""
        return before in config.NATURAL_FEATURES or after in config.CURRENCY_WORDS or (
            span.text.isupper() and before in config.CURRENCY_WORDS)

    @staticmethod
    def _in_group_name(doc: Doc, span: Span) -> bool:
        # "the Zaire group", "le groupe armé Zaïre", "la milice Zaïre": an armed group's name, not the place.
        after = doc[span.end].lower_ if span.end < len(doc) else ""
        before = [t.lower_ for t in doc[max(0, span.start - 2): span.start]]
        # "the Sahel Falcons militia": a name of two words before the group noun
        named = span.end + 1 < len(doc) and doc[span.end].is_title and doc[span.end + 1].lower_ in config.GROUP_NOUNS
        return after in config.GROUP_NOUNS or named or (bool(before) and before[-1] in config.GROUP_NOUNS) or (
            len(before) == 2 and before[0] in config.GROUP_NOUNS and before[1] in ("armé", "armée", "armed"))

    @staticmethod
    def _in_hyphened_name(doc: Doc, span: Span, placed: set[int]) -> bool:
        # "la société Pharma-Sahel Distribution": a place word hyphened to a capitalised word that is no
        # place, right after a company's noun, is the name's (not "la brigade Bunia-Centre"). Not "le Mayo-Kebbi Ouest" nor
        # "the Trans-Niger Pipeline" (places), nor "l'axe Rutshuru-Kiwanja" (two places).
        if span.start > 1 and doc[span.start - 1].text == "-" and doc[span.start - 2].is_title:
            first, other = span.start - 2, span.start - 2
        elif span.end + 1 < len(doc) and doc[span.end].text == "-" and doc[span.end + 1].is_title:
            first, other = span.start, span.end + 1
        else:
            return False
        return other not in placed and first > 0 and doc[first - 1].lower_ in config.COMPANY_NOUNS

    def _a_people_before_a_noun(self, doc: Doc, span: Span) -> bool:
        # "a network of Somali and Yemeni smugglers", "Somali traders": a region named as its people is, before
        # a common noun, the people's adjective, not the place ("the Somali region" is the place); never a
        # country ("Philippines" is also a French demonym), nor before a function word ("in Somali and Oromia")
        if span.text.lower() not in self.demonyms or span.kb_id_.startswith("country:"):
            return False
        i = span.end
        while i + 1 < len(doc) and doc[i].lower_ in ("and", "or", "et", "ou", ",") and doc[i + 1].lower_ in self.demonyms:
            i += 2
        return i < len(doc) and doc[i].is_lower and doc[i].is_alpha and doc[i].lower_ not in _REGION_WORDS \
            and doc[i].lower_ not in self.stop_words

    def _placelike(self, doc: Doc, ent: Span, placed: set[int]) -> bool:
        # A place the model found but no gazetteer knows: a short proper name that the text
        # calls a place, not a lake, river or range (those cross borders), not a known actor,
        # not a people or a function word. A PERSON or ORG needs a strong cue ("in", "près de").
        words = [t.lower_ for t in ent]
        if ent.label_ in self.ner_labels:
            cued = self._cued(doc, ent.start, placed)
        else:  # a town the model took for a person or group: "the border at Metema", "vers Birni N'Konni"
            # a list goes on naming places: "around El Callao and Tumeremo", "through Jikmir and Akobo"
            cued = ent.label_ in self.misread and name_words(ent) <= 3 and (
                self._strong_cue(doc, ent) or (self._listed(doc, ent.start, placed) and sites.list_goes_on(doc, ent, placed))
                or sites.place_noun_after(doc, ent)
                or self._site_or_route(doc, ent))
        return (cued and ent.text[:1].isupper() and name_words(ent) <= 3 and not self._not_a_name(ent)
                and not any(t.like_num for t in ent) and not self._known_actor(ent)
                and config.NATURAL_FEATURES.isdisjoint(words))

    def _blocks_towns(self, ent: Span) -> bool:
        # The model's other entities are not towns, but for its actors and its "NORP" that is
        # no people ("from Kasese" tagged NORP): those may still be a town the text places, but whole.
        if ent.label_ in self.misread or (ent.label_ == "NORP" and not self._not_a_name(ent)):
            return self._known_actor(ent) or towns.a_name_no_town_bears(ent)
        return True

    def _candidates(self, doc: Doc, taken: list[Span]) -> tuple[list[tuple[Span, Places]], list[Span]]:
        found, unknown = [], []
        placed = {i for s in taken if s.label_ == "location" for i in range(s.start, s.end)}
        # read only when the model found a lower-case entity, which is rare: not a walk of every document
        cased = any(e.text.islower() for e in doc.ents) and any(t.is_title and not t.is_sent_start for t in doc)
        for ent in doc.ents:
            # "Douze tonnes de tabac": the number, not the commune; "in the bush": a word, not Bush in Egypt
            # (in a text that writes names with capitals: "from kampala to dubai" may be all lower case)
            if _overlaps(ent, taken) or ent.text.lower() in config.NOT_PLACES or portfolio(doc, ent) or \
                    all(t.like_num for t in ent) or (ent.text.islower() and cased):
                continue
            cands = gazetteer.cities_named(ent.text)
            if cands and (ent.label_ in self.ner_labels or self._reclaimed(doc, ent, cands)):
                found.append((ent, cands))
            elif not any(c.name == ent.text for c in cands) and self._placelike(doc, ent, placed):
                # no town of that very name: an alternate name abroad ("Ber" for Véroia) is no reason to
                # drop the village the text places ("transitent par Ber")
                unknown.append(ent)
            else:
                continue
            placed.update(range(ent.start, ent.end))
        blocked = {i for s in [*taken, *(e for e in doc.ents if self._blocks_towns(e))] for i in range(s.start, s.end)}
        found += towns.cued_towns(doc, placed, blocked, self._town_cued, self.stop_words)
        # markets, ports, mines, parks and villages no list names, in a site or locative construction
        taken_words = _words(taken)
        unknown += [s for s in self.sites.sites(doc, placed, taken_words) if not self._known_actor(s)]
        return found, unknown

    def _settle(self, doc: Doc, ruled: list[Span], commodities: list[Span]) -> tuple[list[Span], list[Span]]:
        """Places against commodity words: a place name that holds a commodity word wins it
        ("Côte d'Ivoire" is not ivory), a commodity phrase that holds a place name wins it; a
        region inside a town or an organisation the model found is theirs ("Nioro du Sahel",
        "Great Lakes Resource Monitoring Panel")."""
        def inside(a: Span, b: Span) -> bool:
            return b.start <= a.start and a.end <= b.end and len(b) > len(a)

        lost = {c for c in commodities if any(inside(c, p) for p in ruled)}
        towns = [e for e in doc.ents if len(e) > 1
                 and (e.label_ in self.actor_labels or bool(gazetteer.cities_named(e.text)))]
        kept = [p for p in ruled if not any(p.start < c.end and c.start < p.end for c in commodities if c not in lost)
                and not (p.kb_id_.startswith("region:") and any(inside(p, t) for t in towns))]
        return kept, [c for c in commodities if c in lost]

    def __call__(self, doc: Doc) -> Doc:
        ruled = filter_spans([_span(doc, s, e, "location", doc.vocab.strings[k], "gazetteer")
                              for k, s, e in self.matcher(doc)])
        commodities = [s for s in _spans(doc) if s.label_ == "commodity"]
        ruled, lost = self._settle(doc, ruled, commodities)
        if lost:
            doc.spans[config.SPAN_KEY] = [s for s in _spans(doc) if s not in lost]
        taken = [s for s in commodities if s not in lost] + ruled
        placed = {i for s in ruled for i in range(s.start, s.end)}
        ruled = [s for s in ruled if not self._in_feature_or_currency(doc, s) and not self._in_group_name(doc, s)
                 and not self._in_hyphened_name(doc, s, placed) and not self._a_people_before_a_noun(doc, s)]
        ruled, longer = towns.longer_towns(doc, ruled)
        taken += [s for s, _ in longer]
        cands, unknown = self._candidates(doc, taken)
        cands += longer
        votes = Counter(gazetteer.lookup(s.kb_id_).country_iso3 for s in ruled if not s.kb_id_.startswith("region:"))
        votes.update(c[0].country_iso3 for _, c in cands if len({p.country_iso3 for p in c}) == 1)
        ruled = homonyms.resolved(doc, ruled, votes)
        linked = []
        for ent, options in cands:
            # A town name found in several countries goes to the one the document is about.
            best = max(options, key=lambda p: (votes.get(p.country_iso3, 0), p is options[0]))
            linked.append(_span(doc, ent.start, ent.end, "location", best.place_id, "ner+gazetteer"))
        # Villages below GeoNames' cut: their country comes from the whole document (rows.resolve_context).
        linked += [_span(doc, e.start, e.end, "location", gazetteer.context_id("", e.text),
                         "ner+context" if e.label_ else "site+context") for e in unknown]
        _add(doc, [s for s in ruled + linked if not in_institution_name(doc, s)])
        return doc


@Language.factory("ocw_places", default_config={"ner_labels": [], "actor_labels": [], "city_rules": False})
def make_places(nlp: Language, name: str, ner_labels: list[str], actor_labels: list[str],
                city_rules: bool) -> PlaceLinker:
    return PlaceLinker(nlp, name, ner_labels, actor_labels, city_rules)
