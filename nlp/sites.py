"""Places no reference list names, found by the way the text names a place.

Markets, ports, mining sites, forests, parks and villages are mostly missing
from GeoNames and from the model's entities ("the Adjamé market", "the port of
Bar", "le marché de Tabarre", "à Pibor"). A capitalised name is taken as such a
place only inside a construction that makes it one:

* a site noun after it ("the Marange fields", "the Baidoa livestock market");
* a site or place noun and "of"/"de" before it ("the port of Gioia Tauro", "la
  route de Nyabiondo", "le site aurifère de Kalsaka", "le parc de la Pendjari");
* a locative word before it ("near Nimule", "à Pibor", "dans le Catatumbo").

A name alone is never enough: unknown capitalised words were publication
names, function words and peoples when they all became places (docs/NLP.md).
The place gets a ``context:`` id (its country from the document, no
coordinates). Only capitalised words are looked at, and every test is a set
lookup, so the scan adds little to a document's time.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc, Span

from ocwatch.nlp import config
from ocwatch.nlp.spans import name_end

MAX_WORDS = 4
# Numbered roads: "National Route 1", "Highway 9", "route nationale 2", "la nationale 4", "RN5", "RN 27".
_ROAD_NUMBER = re.compile(r"^\d{1,3}[A-Z]?$")
_ROAD_POINT = frozenset({"near", "at", "outside", "in", "près", "à", "au", "aux", "vers"})
_ROAD_CODE = re.compile(r"^R[NRP]\d{1,3}[A-Z]?$")
_ROAD_WORDS = (("national", "route"), ("national", "road"), ("national", "highway"), ("Route",), ("Highway",),
               ("route", "nationale"), ("route", "régionale"), ("route", "provinciale"), ("nationale",), ("RN",))
_APOSTROPHES = ("'", "’")
# Words that may join the parts of a name: "Mocímboa da Praia", "Birni N'Konni", "Pointe-Noire".
_JOINERS = frozenset({"-", "da", "do", "dos", "del", "di", "du", "al", "el", "ar", *_APOSTROPHES})
# An elided "de" joins only after a hyphen: "Anse-d'Hainault", not "Kigoma d'abord".
_ELISIONS = frozenset({"d'", "d’"})


_CONJUNCTIONS = frozenset({"et", "and", "&"})
_REACHING = frozenset({"reach", "reaches", "reached", "reaching", "atteindre", "atteint", "atteignent", "rejoindre"})
_ROUTE_FROM = frozenset({"from", "de", "d'", "d’", "depuis"})
_ROUTE_TO = frozenset({"to", "à", "jusqu'à", "jusqu’à", "vers", "towards", "toward"})
# Site nouns read only after a name ("the Kabusanga gold site", "the Las Claritas mining area"), not in
# config.SITE_NOUNS: the link rules read that list too, where "the site" or "the area" alone names no place
_SITE_AFTER_NAME = frozenset({"site", "sites", "area", "areas"})


def after_motion(doc: Doc, par: int, motion: frozenset[str], window: int) -> bool:
    """A word of ``motion`` in the clause before "par" at ``par`` (no punctuation between, at most ``window``
    words back): "continuent d'entrer en Centrafrique par Am Dafok"."""
    for t in reversed(doc[max(0, par - window):par]):
        if t.is_punct:
            return False
        if t.lower_ in motion:
            return True
    return False


def list_goes_on(doc: Doc, ent: Span, placed: set[int]) -> bool:
    """After a comma, a name is one of a list of places only if the list goes on past it: "Uvira, Fizi et
    Baraka", "via Kufra, Um al-Araneb, Koui". After an opening phrase the comma ends, the name is the
    clause's subject: "In Goma, Jean Bosco sold gold", "Selon Ottawa, X et sa sœur livrent des armes"."""
    if ent.start == 0 or doc[ent.start - 1].text != ",":
        return True
    nxt = ent.end + 1
    return (ent.end < len(doc) and doc[ent.end].lower_ in config.LIST_WORDS and nxt < len(doc)
            and (nxt in placed or doc[nxt].text[:1].isupper()))


def town_on_a_route(doc: Doc, ent: Span) -> bool:
    """A town's name at one end of a route or where travellers arrive: "de Zouérate à Tindouf", "from
    Zuwara to the Ras Jedir crossing", "before reaching Bani Walid". For a GeoNames town the model took for
    a person only: a name no gazetteer knows after "reaching" or between "de" and "à" may be a person's."""
    prev = doc[ent.start - 1].lower_ if ent.start else ""
    if prev in _REACHING:
        return True
    nxt = ent.end + 1 < len(doc) and doc[ent.end].lower_ in _ROUTE_TO and (
        doc[ent.end + 1].text[:1].isupper() or doc[ent.end + 1].lower_ in config.DEFINITE_ARTICLES)
    return prev in _ROUTE_FROM and nxt


def place_noun_after(doc: Doc, ent: Span) -> bool:
    """A lower-case place noun right after the name: "the Palimiú community", "Yanomami land"."""
    return ent.end < len(doc) and doc[ent.end].is_lower and doc[ent.end].text in config.PLACE_NOUNS_AFTER_NAME


class SiteFinder:
    """Finds the site and locative constructions of one language's text."""

    def __init__(self, lang: str, stop_words: frozenset[str], demonyms: frozenset[str], actor_names: set[str]):
        self.cues = config.SITE_CUES.get(lang, frozenset())
        self.articles = config.SITE_ARTICLES.get(lang, frozenset())
        self.noun_first = lang == "fr"
        self.stop_words, self.demonyms, self.actor_names = stop_words, demonyms, actor_names
        self.not_names = config.NOT_TOWN_WORDS | config.NOT_SITE_WORDS | config.ADMIN1_STOPWORDS | config.NATIONAL_WORDS

    @staticmethod
    def _capital(text: str) -> bool:
        # "Tabarre", "N'" of "Birni N'Konni"; not an acronym ("RED"), which is no village
        return text[:1].isupper() and (any(c.islower() for c in text) or (len(text) == 2 and text[1] in _APOSTROPHES))

    def _name_end(self, doc: Doc, start: int) -> int:
        """End of the capitalised name starting at ``start``: capitalised words and joiners,
        ending on a capitalised word, never over a site noun ("Bouba Ndjida Park")."""
        return name_end(
            doc, start, MAX_WORDS,
            stops=lambda i: doc[i].lower_ in config.SITE_NOUNS or doc[i].lower_ in config.NATIONAL_WORDS,
            capital=lambda i: self._capital(doc[i].text) and not doc[i].is_sent_start,
            joins=lambda i: doc[i].lower_ in _JOINERS or (doc[i].lower_ in _ELISIONS and doc[i - 1].text == "-"))

    def _valid(self, name: Span) -> bool:
        # Peoples, months, titles, stop words, publications and known actors are not places.
        words = [t.lower_ for t in name]
        text = name.text.lower().replace("’", "'")
        opener = words[0] in config.NAME_OPENERS and len(name) > 1 and name[0].is_title and name[1].is_title
        return ((words[0] not in self.stop_words or opener)
                and not any(w in self.demonyms or w in self.not_names for w in words)
                and not any(t.like_num for t in name) and text not in self.actor_names
                and text not in self.demonyms and len(name.text) > 2)

    def _site_after(self, doc: Doc, end: int) -> bool:
        # "the Marange fields", "the Baidoa livestock market", "Virunga National Park", "Lahj governorate"
        if end < len(doc) and doc[end].text in config.REGION_NOUNS_AFTER:
            return True
        for i in range(end, min(end + 2, len(doc))):
            if doc[i].lower_ in config.SITE_NOUNS or doc[i].lower_ in _SITE_AFTER_NAME:
                # "des Eaux et Forêts": a capitalised noun after "et" is an office's name
                return not doc[i].is_title or not any(t.lower_ in _CONJUNCTIONS for t in doc[end:i])
            if not (doc[i].lower_ in config.NATIONAL_WORDS or (doc[i].is_lower and doc[i].is_alpha)):
                return False
        return False

    def site_before(self, doc: Doc, start: int, through_goods: bool = False) -> bool:
        # "the port of Bar", "le site aurifère de Kalsaka", "la mine d'or de X", "le parc de la Pendjari"
        i = start - 1
        if i >= 0 and doc[i].lower_ in config.FEATURE_NOUNS_BEFORE:  # "la rivière Elila"
            return True
        if i >= 0 and self.noun_first and doc[i].is_lower and doc[i].lower_ in config.SITE_NOUNS:
            return True  # French puts a site's name after its noun: "le marché Dantokpa", "la mine Kibali"
        if i >= 0 and doc[i].lower_ in self.articles:
            i -= 1
        if i < 1 or doc[i].lower_ not in config.OF_WORDS:
            return False
        for j in range(i - 1, max(-1, i - 5), -1):  # "les mines de terres rares de X"
            if (doc[j].lower_ in config.SITE_NOUNS or doc[j].lower_ in config.PLACE_NOUNS) and (
                    not doc[j].is_title or not any(t.lower_ in _CONJUNCTIONS for t in doc[j + 1:i])):
                # "ministère des Forêts et de la Faune" is an office, "le Port autonome de Douala" a port, "la
                # Réserve partielle de faune de Pama" a reserve
                # ``through_goods``: a name the model took for a person or body is a place only with words
                # between the noun and "de" ("les puits d'or de X"; "les mines de X" may be a company's)
                return not through_goods or j < i - 1
            if not (doc[j].is_lower or doc[j].lower_ in config.OF_WORDS):
                return False
        return False

    def cue_before(self, doc: Doc, start: int, placed: set[int], articles: bool = True) -> bool:
        """Is the name at ``start`` after a locative word? "near Nimule", "à Pibor", "près de
        Kalunga", "en Casamance", "dans le Catatumbo"; not "according to X", "fighters from X"."""
        i = start - 1
        if articles and i >= 0 and doc[i].lower_ in self.articles and doc[i].is_lower:
            i -= 1
        if i > 0 and doc[i].lower_ in config.OF_WORDS and doc[i - 1].lower_ in self.cues:  # "près de"
            i -= 1
        if i < 0 or doc[i].lower_ not in self.cues:
            return False
        before = doc[i - 1].lower_ if i > 0 else ""
        if doc[i].lower_ == "to":
            return before in config.TO_MOTION or (i - 1) in placed
        if doc[i].lower_ == "par":  # "entrent en contrebande au Soudan du Sud par Nimule": the crossing before
            return after_motion(doc, i, config.PAR_MOTION, 7)
        return before not in config.NOT_CUE_BEFORE

    @staticmethod
    def _road_start(doc: Doc, i: int) -> int | None:
        """Start of the road whose number is ``doc[i]``, if the words before it name a road."""
        text = doc[i].text  # one Token, not two: this runs on every word of the document
        if _ROAD_CODE.match(text):
            return i
        if not _ROAD_NUMBER.match(text):
            return None
        for words in _ROAD_WORDS:
            start = i - len(words)
            # capitalised "Route", "Highway" alone; lower-case words match in any case
            if start >= 0 and all((t.text if w[0].isupper() else t.lower_) == w
                                  for t, w in zip(doc[start:i], words, strict=True)):
                return start
        return None

    def roads(self, doc: Doc, placed: set[int], blocked: set[int]) -> list[Span]:
        """Numbered roads: the place of a checkpoint or a toll ("on National Route 1", "sur la RN5",
        "la RN5 entre Uvira et Sange"). A road followed by a point on it ("on Route 9 near X", "sur
        la RN2 à X") is not: the point is the more specific place (tests/gold/links/README.md)."""
        out = []
        for i in range(len(doc)):
            start = self._road_start(doc, i)
            if start is None:  # the next word is read only after a road number, not after every word
                continue
            located = i + 1 < len(doc) and doc[i + 1].lower_ in _ROAD_POINT
            if not located and not any(k in placed or k in blocked for k in range(start, i + 1)):
                out.append(doc[start:i + 1])
                placed.update(range(start, i + 1))
        return out

    def sites(self, doc: Doc, placed: set[int], blocked: set[int]) -> list[Span]:
        """Names in a site or locative construction, on no ``placed`` or ``blocked`` word
        (commodities, known places). A locative word alone counts only on words the model
        left out of its entities: those it found are judged by the place linker."""
        out: list[Span] = self.roads(doc, placed, blocked)
        # Only words with a capital letter can start a name: found in one array pass, not word by word.
        cased = doc.to_array([ORTH, LOWER])
        i = -1
        for start in numpy.flatnonzero(cased[:, 0] != cased[:, 1]).tolist():
            if start < i or start in placed or start in blocked or not self._capital(doc[start].text) \
                    or doc[start].is_sent_start:
                continue
            i = start
            end = self._name_end(doc, i)
            name = doc[i:end]
            # "Mogadishu's Bakara market": the town already places it; the site adds no country
            inside_town = i > 1 and doc[i - 1].lower_ in ("'s", "’s") and (i - 2) in placed
            free = not inside_town and not any(k in placed or k in blocked for k in range(i, end))
            unnamed = all(t.ent_iob_ == "O" for t in name)
            if free and self._valid(name) and (self._site_after(doc, end) or self.site_before(doc, i)
                                               or (unnamed and self.cue_before(doc, i, placed))):
                out.append(name)
                placed.update(range(i, end))
            i = end
        return out
