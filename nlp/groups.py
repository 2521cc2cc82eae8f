"""Actors no list names, found by the way the text names an organisation.

Gangs, cults, companies and coalitions come and go faster than any list; the
model tags them ORG or PERSON only some of the time, cuts them ("Kings" of "the
Kings Romans group") or calls them places. A capitalised name is taken as an
actor only inside a construction that makes it one:

* an organisation noun after it ("the Kokorat Ville gang", "the Sea Lords cult group");
* an organisation noun before it ("la coalition Kanaval", "the ransomware group Black Owl");
* an apposition ("a shipping firm, Blue Anchor", "Red Delta, a Chinese-run company", "Le groupe criminel
  local, Los Cuervos del Sur,");
* a name that opens on a town's word, beside its noun ("la société tchadienne Tibesti Logistique", "le
  clan Kaya");
* a company's legal form after its name ("Savannah Beverages Ltd", "Bozoum Mining SARL"), which
  wins over a place or goods word inside the name;
* an acronym no list holds, named as the band its fighters belong to ("rebels of the CCMSR",
  "les combattants du FPRC", "the CCMSR rebels", "le groupe armé CPJP"): an armed group.

As for the places of nlp/sites.py a name alone is never enough, and a month, a
title, a people, a known place or a publication is never a name. The actor gets
a ``named:<actor type>:<slug>`` id: the type is what its noun says it is, the
slug its name in lower-case ASCII, so the same name gives the same id in every
document.
"""

from __future__ import annotations

import unicodedata

from spacy.tokens import Doc, Span, Token

from ocwatch.nlp import config, gazetteer
from ocwatch.nlp.spans import capitalised, name_end

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
# Words after "the X clan" that make the clan what the clause is about (a verb, a relative, an auxiliary).
_CLAN_NEXT = frozenset({"which", "who", "that", "is", "was", "has", "had", "have", "are", "were", "and", "'s", "’s",
                        "also", "still", "now", "allegedly", "reportedly"})
# Nouns of a state's units as well as of bands: after them a town's name is the unit's post.
_UNIT_NOUNS = frozenset({"brigade", "bureau", "column", "colonne", "unit", "unité"})
# What a group works at when it is no band: "a human rights group", "an environmental group", "une ONG".
_CIVIC_WORDS = frozenset({"rights", "advocacy", "conservation", "environmental", "research", "watchdog", "campaign",
                          "campaigning", "humanitarian", "monitoring", "lobby", "pressure", "civil", "charity",
                          "droits", "environnementale", "recherche", "plaidoyer"})
# Articles that may open the construction: "the X gang", "a shipping firm, X", "la société X".
_ARTICLES = frozenset({"the", "a", "an", "le", "la", "les", "l'", "l’", "un", "une"})
# Fighters named by the band they belong to: "rebels of the X", "combattants du X", "the X fighters".
# Not "elements", "hommes" or "militants": police units, parties and services have them too.
FIGHTERS = frozenset({"rebels", "fighters", "militiamen", "combatants", "insurgents", "gunmen", "jihadists",
                      "rebelles", "combattants", "miliciens", "insurgés", "jihadistes", "djihadistes", "assaillants"})
_NAME_JOINERS = frozenset({"de", "du", "des", "of", "del", "da", "do", "dos", "das", "di", "y", "e"})
_LOCATIVE = frozenset({"in", "at", "from", "near", "au", "à", "en", "dans", "près"})
_TIME_WORDS = frozenset({"yesterday", "today", "tonight", "hier", "aujourd'hui", "demain", "tomorrow", "meanwhile",
                         "also", "then", "now"})
# Legal forms that are also common abbreviations or words
_SHORT_FORMS = frozenset({"SA", "AG", "SAS", "BV", "Co.", "Corp", "Limited"})
LEGAL_FORMS = config.LEGAL_FORMS
# Marks a company's name may hold besides its words: legal forms ("Co. Ltd"), "&", "-".
_NAME_MARKS = LEGAL_FORMS | {"&", "-"}
_OF_ARTICLES = frozenset({"the", "la", "l'", "l’"})
# Capitals that are no band: institutions, countries and titles the lists may not hold.
_NOT_ACRONYMS = frozenset({"UN", "ONU", "NGO", "ONG", "EU", "UE", "AU", "UA", "US", "USA", "UK", "CEO", "TV",
                           "ID", "AFP", "HRW", "UNHCR", "UNICEF", "ICC", "CPI", "OK", "II", "III", "IV"})


def slug(text: str) -> str:
    """Lower-case ASCII words joined by "-": "Bois Rouge" and "bois rouge" give "bois-rouge"."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join("".join(c if c.isalnum() else " " for c in plain).split())


def _indefinite(t: Token) -> bool:
    """An indefinite article; in French "a" is the verb ("Diakhaling, a indiqué la brigade")."""
    return t.lower_ in _INDEFINITE and not (t.lower_ == "a" and t.doc.lang_ == "fr")


class GroupFinder:
    """Finds the organisation constructions of one language's text."""

    def __init__(self, stop_words: frozenset[str], not_words: frozenset[str], not_names: frozenset[str]):
        # not_words: never a word of a name (peoples, months, titles); not_names: never a whole name (places, media)
        self.stop_words, self.not_words, self.not_names = stop_words, not_words, not_names
        self.heads = config.GROUP_HEADS

    def _end(self, doc: Doc, start: int, taken: set[int]) -> int:
        """End of the capitalised name at ``start`` (joiners inside only), never over a head noun
        or a place: "la société Bois Rouge de Bangui" is Bois Rouge."""
        return name_end(doc, start, MAX_WORDS, stops=lambda i: doc[i].lower_ in self.heads or i in taken,
                        capital=lambda i: capitalised(doc[i].text), joins=lambda i: doc[i].lower_ in _JOINERS)

    def _valid(self, name: Span) -> bool:
        # Peoples, places, months, titles, publications and stop words are not organisations.
        words = [t.lower_ for t in name]
        text = name.text.lower().replace("’", "'")
        single_opener = len(name) == 1 and name[0].is_sent_start and name[0].ent_iob_ == "O"
        return (capitalised(name[0].text) and words[0] not in self.stop_words and text not in self.not_names
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
        # "the Kokorat Ville gang", "the Sea Lords cult group", "the Kearney organised crime group" (not "the
        # Kings said the gang ...", nor "the Kalashnikov arms trafficking ring": a make before its trade)
        crime = [t.lower_ for t in doc[end:end + 2]] in (["organised", "crime"], ["organized", "crime"])
        return self._head(doc, end + 2 if crime else self._modifiers(doc, end, 1, 1))

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
                opened = _indefinite(doc[end + 1]) or any(t.lower_ in ("'s", "’s") for t in doc[end + 1:i])
                person = any(t.lower_ in _PERSON_NOUNS for t in doc[end + 1:i + 2])
                # "Amnesty International, a human rights group": a group of another work than fighting
                civic = any(t.lower_ in _CIVIC_WORDS for t in doc[end + 1:i])
                return self._head(doc, i) if opened and not person and not civic else None
            if doc[i].is_punct and doc[i].text != "-":
                return None
        return None

    def _apposed_before(self, doc: Doc, start: int, end: int) -> str | None:
        # "a shipping firm, Blue Anchor": an indefinite noun phrase, a comma, the name; or a definite one
        # whose apposition the name closes, "Le groupe criminel local, Los Cuervos del Sur, achète" (a name of
        # two words or more: "the gang, Police said," is no apposition)
        if start < 2 or doc[start - 1].text != ",":
            return None
        at = self._modifiers(doc, start - 2, -1, 2)
        head = self._head(doc, at) if at >= 0 else None
        i = self._modifiers(doc, at - 1, -1, 2)
        if not head or i < 0:
            return None
        closed = end - start >= 2 and end < len(doc) and doc[end].text in (",", ")")
        return head if _indefinite(doc[i]) or (closed and doc[i].lower_ in config.DEFINITE_ARTICLES) else None

    def _typed(self, doc: Doc, start: int, end: int) -> str | None:
        return (self._noun_after(doc, end) or self._noun_before(doc, start)
                or self._apposed_after(doc, end) or self._apposed_before(doc, start, end))

    def _acronym_band(self, doc: Doc, i: int) -> bool:
        """An all-capital word said to be the band of fighters before or after it, or after an armed noun."""
        j = i - 1 - (i > 0 and doc[i - 1].lower_ in _OF_ARTICLES)
        if j > 0 and doc[j].lower_ in config.OF_WORDS and doc[j - 1].lower_ in FIGHTERS:
            return True  # "rebels of the CCMSR", "combattants du FPRC"
        if i + 1 < len(doc) and doc[i + 1].lower_ in FIGHTERS:
            return True  # "the CCMSR rebels"
        return self.heads.get(doc[self._modifiers(doc, i - 1, -1, 2)].lower_ if i > 0 else "") == "mafia_style_groups"

    def _name_word(self, doc: Doc, i: int, known: set[int]) -> bool:
        """A word that can be part of a company's name: capitalised, a joiner between capitalised words
        ("Société Minière de Bisunzu"), not a known actor's, a people, a month or day or a time word
        ("Rwandan Kivu Gold SARL", "Yesterday Ruby Mining"). A place may be ("Bozoum Mining SARL")."""
        t = doc[i]
        if i in known or t.lower_ in self.not_words or t.lower_ in _TIME_WORDS:
            return False
        if t.lower_ in _NAME_JOINERS:
            return i > 0 and capitalised(doc[i - 1].text)
        return capitalised(t.text) or t.text in _NAME_MARKS

    def _name_start(self, doc: Doc, end: int, known: set[int]) -> int:
        """Where the name before a legal form at ``end`` starts (``end`` if none)."""
        start = end
        while start > 0 and end - start <= MAX_WORDS and self._name_word(doc, start - 1, known):
            start -= 1
        while start < end and (doc[start].text in _NAME_MARKS or doc[start].lower_ in self.stop_words
                               or doc[start].lower_ in _NAME_JOINERS):
            start += 1
        if start < end - 1 and start > 0 and doc[start].lower_ in self.not_names and doc[start - 1].lower_ in _LOCATIVE:
            start += 1  # "Au Sud-Kivu Kivu Gold SARL": the place the sentence opens on is no part of the name
        return start

    def companies(self, doc: Doc, known: set[int]) -> list[Span]:
        """Names before a legal form, as companies; words of ``known`` actors are kept. After a form that is
        also a common abbreviation ("SA", "AG": South Africa, an attorney general), the name needs two words
        and must not be a town's ("Police in Cape Town SA")."""
        out: list[Span] = []
        for t in doc:
            if t.text not in LEGAL_FORMS or t.i in known or (out and out[-1].end > t.i):
                continue
            start = self._name_start(doc, t.i, known)
            name = doc[start:t.i]
            if not name or (t.text in _SHORT_FORMS and (len(name) < 2 or gazetteer.cities_named(name.text))):
                continue
            stop = t.i + 1
            while stop < len(doc) and doc[stop].text in LEGAL_FORMS:
                stop += 1  # "Co. Ltd"
            out.append(Span(doc, start, stop, label="actor",
                            kb_id=f"named:private_sector_actors:{slug(name.text)}", span_id="construction"))
        return out

    def acronyms(self, doc: Doc, taken: set[int]) -> list[Span]:
        """Unlisted acronyms in a fighters' construction, as armed groups (``taken`` words are kept)."""
        out = []
        for t in doc:
            word = t.text
            if (t.i not in taken and 2 < len(word) <= 8 and word.isupper() and word.isalpha()
                    and word not in _NOT_ACRONYMS and word.lower() not in self.not_names
                    and self._acronym_band(doc, t.i)):
                out.append(Span(doc, t.i, t.i + 1, label="actor", kb_id=f"named:mafia_style_groups:{slug(word)}",
                                span_id="construction"))
        return out

    def _place_led(self, doc: Doc, i: int, taken: set[int]) -> tuple[int, str] | None:
        """Where a name that opens on a place's word ends, and what it is, when an organisation noun stands
        right before it (or after it) and its other words are no place's: "la société tchadienne Tibesti
        Logistique", "the firm Kasese General Traders"; a town's word alone only beside "clan", which names
        families ("le clan Kaya", "the Kaya clan"; not "le clan de Kaya", nor "the Goma gang")."""
        if not capitalised(doc[i].text) or (i > 0 and doc[i - 1].lower_ in _COMPLEMENT):
            return None
        end = self._end(doc, i, taken)
        before = self._modifiers(doc, i - 1, -1, 2)  # where _noun_before looks
        nouns = {doc[k].lower_ for k in (before, self._modifiers(doc, end, 1, 2)) if 0 <= k < len(doc)}
        if nouns & _UNIT_NOUNS:
            return None  # "La brigade Bunia-Centre a saisi": a police unit named after its town
        kind = self._head(doc, before) or self._noun_after(doc, end)
        if kind is None or any(k in taken for k in range(i + 1, end)):
            return None
        if end - i >= 2:
            return (end, kind) if self._valid(doc[i:end]) else None
        word = doc[i].lower_
        return (end, kind) if self._clan_named(doc, i, end) and word not in self.not_words \
            and word not in self.stop_words else None

    @staticmethod
    def _clan_named(doc: Doc, i: int, end: int) -> bool:
        """"le clan Kaya", or "the Kaya clan" where the clan is what the clause is about, not a word before the
        noun it qualifies ("the Mopti clan elders", "Kaya clan guard dogs")."""
        if i and doc[i - 1].lower_ == "clan":
            return True
        if end + 1 >= len(doc) or doc[end].lower_ != "clan":
            return False
        nxt = doc[end + 1]
        return nxt.is_punct or nxt.lower_ in _CLAN_NEXT or (nxt.is_lower and (nxt.lower_.endswith("ed") or (
            nxt.lower_.endswith("s") and not nxt.lower_.endswith((*config.PEOPLE_PLURAL_ENDINGS, "ies")))))

    def groups(self, doc: Doc, taken: set[int], places: set[int] | frozenset[int] = frozenset()) -> list[Span]:
        """Names in an organisation construction, on no ``taken`` word (places, known actors) but the first
        word of one that opens on a place's (``places``)."""
        out: list[Span] = []
        i = 0
        while i < len(doc):
            if i in places and (led := self._place_led(doc, i, taken)):
                end, kind = led
                out.append(Span(doc, i, end, label="actor", kb_id=f"named:{kind}:{slug(doc[i:end].text)}",
                                span_id="construction"))
                i = end
                continue
            if i in taken or not capitalised(doc[i].text) or doc[i].lower_ in _ARTICLES:
                i += 1
                continue
            end = self._end(doc, i, taken)
            name, actor_type = doc[i:end], self._typed(doc, i, end)
            if actor_type and self._valid(name) and not any(k in taken for k in range(i, end)):
                out.append(Span(doc, i, end, label="actor", kb_id=f"named:{actor_type}:{slug(name.text)}",
                                span_id="construction"))
            i = end
        return out
