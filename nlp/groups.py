"""Actors no list names, found by the way the text names an organisation.

Gangs, cults, companies and coalitions come and go faster than any list; the
model tags them ORG or PERSON only some of the time, cuts them ("Kings" of "the
Kings Romans group") or calls them places. A capitalised name is taken as an
actor only inside a construction that makes it one:

* an organisation noun after it ("the Kokorat Ville gang", "the Sea Lords cult group");
* an organisation noun before it ("la coalition Kanaval", "the ransomware group Black Owl");
* an apposition ("a shipping firm, Blue Anchor", "Red Delta, a Chinese-run company").

As for the places of nlp/sites.py a name alone is never enough, and a month, a
title, a people, a known place or a publication is never a name. The actor gets
a ``named:<actor type>:<slug>`` id: the type is what its noun says it is, the
slug its name in lower-case ASCII, so the same name gives the same id in every
document.
"""

from __future__ import annotations

import unicodedata

from spacy.tokens import Doc, Span

from ocwatch.nlp import config
from ocwatch.nlp.spans import name_end

MAX_WORDS = 4
# Words inside a name: "Trans-Neretva", "Ahlu Sunna wal Jamaa", "Clan del Golfo".
_JOINERS = frozenset({"-", "de", "del", "da", "du", "des", "al", "el", "wal", "'", "’", "&"})
# A person's noun after an organisation noun makes the name a person's: "the gang leader X",
# "X, a company director", "le chef de gang X"; titles are never an organisation's name.
_PERSON_NOUNS = frozenset({
    "leader", "leaders", "boss", "chief", "head", "member", "members", "director", "owner", "manager", "founder",
    "executive", "employee", "official", "spokesman", "spokeswoman", "spokesperson", "commander", "lawyer",
    "chef", "chefs", "membre", "membres", "directeur", "directrice", "patron", "gérant", "fondateur", "dirigeant",
    "responsable", "employé", "porte-parole", "commandant", "avocat",
})
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "sir", "lord", "m.", "mme", "mlle", "monsieur", "madame", "maître"})
# "de" of a French complement between the noun and the name: "collectif de pirates X".
_COMPLEMENT = frozenset({"de", "d'", "d’"})
_INDEFINITE = frozenset({"a", "an", "un", "une"})
# Articles that may open the construction: "the X gang", "a shipping firm, X", "la société X".
_ARTICLES = frozenset({"the", "a", "an", "le", "la", "les", "l'", "l’", "un", "une"})


def slug(text: str) -> str:
    """Lower-case ASCII words joined by "-": "Bois Rouge" and "bois rouge" give "bois-rouge"."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join("".join(c if c.isalnum() else " " for c in plain).split())


class GroupFinder:
    """Finds the organisation constructions of one language's text."""

    def __init__(self, stop_words: frozenset[str], not_words: frozenset[str], not_names: frozenset[str]):
        # not_words: never a word of a name (peoples, months, titles); not_names: never a whole name (places, media)
        self.stop_words, self.not_words, self.not_names = stop_words, not_words, not_names
        self.heads = config.GROUP_HEADS

    @staticmethod
    def _capital(text: str) -> bool:
        return text[:1].isupper() and any(c.islower() for c in text)

    def _end(self, doc: Doc, start: int, taken: set[int]) -> int:
        """End of the capitalised name at ``start`` (joiners inside only), never over a head noun
        or a place: "la société Bois Rouge de Bangui" is Bois Rouge."""
        return name_end(doc, start, MAX_WORDS, stops=lambda i: doc[i].lower_ in self.heads or i in taken,
                        capital=lambda i: self._capital(doc[i].text), joins=lambda i: doc[i].lower_ in _JOINERS)

    def _valid(self, name: Span) -> bool:
        # Peoples, places, months, titles, publications and stop words are not organisations.
        words = [t.lower_ for t in name]
        text = name.text.lower().replace("’", "'")
        single_opener = len(name) == 1 and name[0].is_sent_start and name[0].ent_iob_ == "O"
        return (self._capital(name[0].text) and words[0] not in self.stop_words and text not in self.not_names
                and not any(w in self.not_words or w in self.heads or w in _TITLES for w in words)
                and not any(t.like_num for t in name) and not single_opener and len(name.text) > 2)

    def _modifiers(self, doc: Doc, i: int, step: int, limit: int) -> int:
        # Lower-case words between the name and its noun: "the X cult group", "le groupe armé X", and
        # before the name a French complement: "le collectif de pirates X", "le comptoir d'achat X"
        # (not "une société de X": a "de" right before the name makes it a place or a person).
        first = i
        while 0 <= i < len(doc) and limit and doc[i].lower_ not in self.heads and doc[i].lower_ not in _PERSON_NOUNS and (
                (doc[i].is_lower and doc[i].is_alpha and doc[i].lower_ not in self.stop_words)
                or (step < 0 and i != first and doc[i].lower_ in _COMPLEMENT)):
            i, limit = i + step, limit - 1
        return i

    def _head(self, doc: Doc, i: int) -> str | None:
        # A lower-case organisation noun that is not a person's: "chef de gang X" is a person, "membre du
        # gang X" a gang's member; a capitalised noun is part of a name ("the World Bank Group").
        if not 0 <= i < len(doc) or not doc[i].is_lower:
            return None
        person = i > 1 and doc[i - 1].lower_ in _COMPLEMENT and doc[i - 2].lower_ in _PERSON_NOUNS
        return None if person else self.heads.get(doc[i].lower_)

    def _noun_after(self, doc: Doc, end: int) -> str | None:
        # "the Kokorat Ville gang", "the Sea Lords cult group" (not "the Kings said the gang ...")
        return self._head(doc, self._modifiers(doc, end, 1, 1))

    def _noun_before(self, doc: Doc, start: int) -> str | None:
        # "la coalition Kanaval", "le groupe armé X", "the ransomware group Black Owl"
        return self._head(doc, self._modifiers(doc, start - 1, -1, 2))

    def _apposed_after(self, doc: Doc, end: int) -> str | None:
        # "Red Delta, a Chinese-run company", "X, Ecuador's largest gang": the noun within five words.
        # Not "the": "In Kwango, the gang ..." opens a clause after a place.
        if end >= len(doc) or doc[end].text != ",":
            return None
        for i in range(end + 1, min(end + 7, len(doc))):
            if doc[i].lower_ in self.heads:
                opened = doc[end + 1].lower_ in _INDEFINITE or any(t.lower_ in ("'s", "’s") for t in doc[end + 1:i])
                person = any(t.lower_ in _PERSON_NOUNS for t in doc[end + 1:i + 2])
                return self._head(doc, i) if opened and not person else None
            if doc[i].is_punct and doc[i].text != "-":
                return None
        return None

    def _apposed_before(self, doc: Doc, start: int) -> str | None:
        # "a shipping firm, Blue Anchor": an indefinite noun phrase, a comma, the name
        if start < 2 or doc[start - 1].text != ",":
            return None
        head = self._head(doc, start - 2)
        i = self._modifiers(doc, start - 3, -1, 2)
        return head if head and i >= 0 and doc[i].lower_ in _INDEFINITE else None

    def _typed(self, doc: Doc, start: int, end: int) -> str | None:
        return (self._noun_after(doc, end) or self._noun_before(doc, start)
                or self._apposed_after(doc, end) or self._apposed_before(doc, start))

    def groups(self, doc: Doc, taken: set[int]) -> list[Span]:
        """Names in an organisation construction, on no ``taken`` word (places, known actors)."""
        out: list[Span] = []
        i = 0
        while i < len(doc):
            if i in taken or not self._capital(doc[i].text) or doc[i].lower_ in _ARTICLES:
                i += 1
                continue
            end = self._end(doc, i, taken)
            name, actor_type = doc[i:end], self._typed(doc, i, end)
            if actor_type and self._valid(name) and not any(k in taken for k in range(i, end)):
                out.append(Span(doc, i, end, label="actor", kb_id=f"named:{actor_type}:{slug(name.text)}",
                                span_id="construction"))
            i = end
        return out
