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

import numpy
from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc, Span

from ocwatch.nlp import config

MAX_WORDS = 4
_APOSTROPHES = ("'", "’")
# Words that may join the parts of a name: "Mocímboa da Praia", "Birni N'Konni", "Pointe-Noire".
_JOINERS = frozenset({"-", "da", "do", "dos", "del", "di", "du", "al", "el", "ar", *_APOSTROPHES})


class SiteFinder:
    """Finds the site and locative constructions of one language's text."""

    def __init__(self, lang: str, stop_words: frozenset[str], demonyms: frozenset[str], actor_names: set[str]):
        self.cues = config.SITE_CUES.get(lang, frozenset())
        self.articles = config.SITE_ARTICLES.get(lang, frozenset())
        self.stop_words, self.demonyms, self.actor_names = stop_words, demonyms, actor_names
        self.not_names = config.NOT_TOWN_WORDS | config.NOT_SITE_WORDS | config.ADMIN1_STOPWORDS | config.NATIONAL_WORDS

    @staticmethod
    def _capital(text: str) -> bool:
        # "Tabarre", "N'" of "Birni N'Konni"; not an acronym ("RED"), which is no village
        return text[:1].isupper() and (any(c.islower() for c in text) or (len(text) == 2 and text[1] in _APOSTROPHES))

    def _name_end(self, doc: Doc, start: int) -> int:
        """End of the capitalised name starting at ``start``: capitalised words and joiners,
        ending on a capitalised word, never over a site noun ("Bouba Ndjida Park")."""
        end, i = start + 1, start + 1
        while i < len(doc) and i - start < MAX_WORDS:
            word = doc[i]
            if word.lower_ in config.SITE_NOUNS or word.lower_ in config.NATIONAL_WORDS:
                break
            if self._capital(word.text) and not word.is_sent_start:
                end = i + 1
            elif word.lower_ not in _JOINERS:
                break
            i += 1
        return end

    def _valid(self, name: Span) -> bool:
        # Peoples, months, titles, stop words, publications and known actors are not places.
        words = [t.lower_ for t in name]
        text = name.text.lower().replace("’", "'")
        return (words[0] not in self.stop_words and not any(w in self.demonyms or w in self.not_names for w in words)
                and not any(t.like_num for t in name) and text not in self.actor_names
                and text not in self.demonyms and len(name.text) > 2)

    def _site_after(self, doc: Doc, end: int) -> bool:
        # "the Marange fields", "the Baidoa livestock market", "Virunga National Park"
        for i in range(end, min(end + 2, len(doc))):
            if doc[i].lower_ in config.SITE_NOUNS:
                return True
            if not (doc[i].lower_ in config.NATIONAL_WORDS or (doc[i].is_lower and doc[i].is_alpha)):
                return False
        return False

    def _site_before(self, doc: Doc, start: int) -> bool:
        # "the port of Bar", "le site aurifère de Kalsaka", "la mine d'or de X", "le parc de la Pendjari"
        i = start - 1
        if i >= 0 and doc[i].lower_ in self.articles:
            i -= 1
        if i < 1 or doc[i].lower_ not in config.OF_WORDS:
            return False
        for j in range(i - 1, max(-1, i - 4), -1):
            if doc[j].lower_ in config.SITE_NOUNS or doc[j].lower_ in config.PLACE_NOUNS:
                return True
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
        return before not in config.NOT_CUE_BEFORE

    def sites(self, doc: Doc, placed: set[int], blocked: set[int]) -> list[Span]:
        """Names in a site or locative construction, on no ``placed`` or ``blocked`` word
        (commodities, known places). A locative word alone counts only on words the model
        left out of its entities: those it found are judged by the place linker."""
        out: list[Span] = []
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
            if free and self._valid(name) and (self._site_after(doc, end) or self._site_before(doc, i)
                                               or (unnamed and self.cue_before(doc, i, placed))):
                out.append(name)
                placed.update(range(i, end))
            i = end
        return out
