"""People no list names, found by the way the text introduces a person of the trade.

Traffickers, traders and fixers are named once, in apposition to what they do,
or by a nickname; the small models tag such a name a place as often as a person
("un commerçant de Katsina, Alhaji Musa Danbaba," came out as a village of Niger)
or miss it inside quotes. A capitalised name is taken as a person only inside
one of these constructions:

* an indefinite noun of a trade, a comma, the name, then a comma or the end of
  the clause: "un opérateur de Vohémar, Jean-Luc Rakotobe, fait transporter",
  "An ephedra trader, Mullah Abdul Sattar, said", "a Vietnamese national, Nguyen Van Duc,";
* a nickname: "un passeur surnommé « Papis Lamine »", "a smuggler nicknamed 'Hamma'",
  "connue sous le nom de Mama Joy", "alias Izo";
* the name first, then what the person is: "appartenant à Mahamat Abakar Issa, un grossiste
  d'Abéché", "Dragan Milić, a trader from Bijeljina";
* a person the text does not know: "dirigé par un certain « Toto »", "a certain Papa Lomé";
* a release's naming word, the name ending its phrase: "a man identified as Emeka Nwosu, 38,", "un
  commerçant nommé Oumarou Tchiana, qui";
* a band named for its head's full name: "le réseau d'Anli Momade Saide", "the network of Hassan Abakar".

The person gets the id the model's PERSON would get (``unknown:<name>``), so the
same person found either way is one actor. A name the gazetteer knows as a place
is never a person; a place only the text made up (``context:``) gives way.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ocwatch.nlp import config, gazetteer
from ocwatch.nlp.spans import capitalised, name_end

MAX_WORDS = 4
# Nouns of a trade or of a person a story introduces by what they are.
TRADE_NOUNS = frozenset({
    "trader", "businessman", "businesswoman", "dealer", "smuggler", "trafficker", "operator", "broker",
    "wholesaler", "merchant", "middleman", "national", "hotelier", "fixer", "financier", "exporter", "importer",
    "buyer", "supplier", "recruiter", "commerçant", "commerçante", "négociant", "négociante", "trafiquant",
    "trafiquante", "passeur", "passeuse", "opérateur", "opératrice", "grossiste", "hôtelier", "hôtelière",
    "ressortissant", "ressortissante", "intermédiaire", "courtier", "exportateur", "importateur", "acheteur",
    "fournisseur", "recruteur", "recruteuse", "footballeur", "affaires", "tenancière", "tenancier",
    "transporter", "trucker", "transporteur", "transporteuse", "camionneur", "collector", "collecteur", "suspect",
    # who police and customs releases name by their part in the trade
    "contrebandier", "contrebandière", "revendeur", "revendeuse", "receleur", "receleuse", "convoyeur",
    "convoyeuse", "mareyeur", "mareyeuse", "coxeur", "poacher", "braconnier", "courier", "shipper", "forwarder",
    # whom NGOs' and researchers' reports name by their past or rank: "a group led by a former militant, X,"
    "militant", "officer", "commander", "warlord", "tycoon", "officier", "commandant",
})
_INDEFINITE = frozenset({"a", "an", "un", "une"})
# A part in a case a release names the holder of right after: "The driver, X,", "Le gérant, X,".
_CASE_ROLES = frozenset({"driver", "captain", "pilot", "courier", "owner", "director", "manager", "suspect", "consignee",
                         "chauffeur", "conducteur", "capitaine", "pilote", "passeur", "propriétaire", "gérant",
                         "gérante", "directeur", "directrice", "destinataire", "convoyeur"})
_NICKNAME_CUES = (("nicknamed",), ("known", "as"), ("alias",), ("dubbed",), ("surnommé",), ("surnommée",),
                  ("connu", "sous", "le", "nom", "de"), ("connue", "sous", "le", "nom", "de"),
                  # with the namers as subject: "a woman they called Madam Joy", "a dealer they named as X",
                  # "un passeur qu'ils appelaient « Tchiro »"
                  ("they", "called"), ("they", "call"), ("they", "named", "as"), ("they", "knew", "as"),
                  ("they", "know", "as"), ("we", "call"), ("qu'", "ils", "appelaient"), ("qu'", "elles", "appelaient"),
                  ("qu'", "ils", "appellent"), ("qu'", "elles", "appellent"), ("qu'", "ils", "surnomment"))
# How releases name whom they do not describe further: "a man identified as Emeka Nwosu", "a trader named Abdi
# Farah", "un homme identifié comme Driton Shala". These words also appoint and describe ("un commerçant nommé
# Président de la Chambre", "a woman identified as Red Cross staff"): the name must end its phrase.
_NAMED_CUES = (("identified", "as"), ("identified", "only", "as"), ("named",), ("nommé",), ("nommée",),
               ("prénommé",), ("prénommée",), ("identifié", "comme"), ("identifiée", "comme"))
# A nickname is a person's only after a noun for one: "a madam known as 'Mama Joy'", "une de ces
# tenancières, connue sous le nom de"; not "an area known as Little Haiti", "dubbed Operation X".
PERSON_NOUNS = TRADE_NOUNS | frozenset({
    "man", "woman", "men", "women", "madam", "boss", "leader", "chief", "commander", "suspect", "individual",
    "homme", "femme", "chef", "patron", "commandant", "individu", "tenancières", "passeurs",
    "trafiquants", "smugglers", "traffickers", "traders", "commerçants", "gérant", "gérante", "affiliate",
    "hacker", "pirate",
    # who a release names by a nickname: "un pêcheur de Kerkennah surnommé « Hamma »"
    "pêcheur", "fisherman", "chauffeur", "driver", "pilote", "pilot", "boatman", "guide", "coordinator",
    "coordinateur", "coordinatrice"})
# "dirigé par un certain « Toto »", "a certain Papa Lomé": the text names a person it does not know.
# Not English "a certain" ("a certain Gallic flair", "Un Certain Regard"); the French one needs its quotes.
_CERTAIN = (("un", "certain", "«"), ("une", "certaine", "«"), ("un", "certain", '"'), ("une", "certaine", '"'),
            ("a", "man", "called"), ("a", "woman", "called"), ("un", "homme", "appelé"), ("une", "femme", "appelée"))
_BANDS_OF = frozenset({"network", "ring", "réseau", "gang", "filière"})
# Plural nouns of people a band is made of: "traders", "volunteers", "footballers", "trafiquants", "passeurs".
_PEOPLE_ENDINGS = (*config.PEOPLE_PLURAL_ENDINGS, "eurs", "istes", "iers")
_OF_NAME = frozenset({"of", "de", "d'", "d’"})
_QUOTES = frozenset({"«", "»", '"', "'", "‘", "’", "“", "”"})
_JOINERS = frozenset({"-", "ag", "ben", "bin", "ould", "van", "de", "da", "dos", "el", "al"})
_TITLES = frozenset({"chief", "alhaji", "mr", "mrs", "ms", "dr", "general", "gen", "colonel", "col", "major",
                     "captain", "sheikh", "pastor", "m.", "mme", "général", "commandant", "capitaine"})
_NAME_OF = frozenset({"of", "del", "de", "du", "des", "do", "da", "la"})
_CLAUSE_END = frozenset({",", ".", ";", ":", ")", "qui", "who", "which", "a", "has", "had", "is", "was"})
# ... and where a name after a release's naming word may end: a clause's end, a preposition of place, a verb
_NAME_ENDS = _CLAUSE_END | {"(", "in", "at", "from", "and", "à", "au", "en", "et", "said", "avait", "est", "était"}


class PersonFinder:
    """Finds the person constructions of a text, on words no list has taken."""

    def __init__(self, not_words: frozenset[str]) -> None:
        self.not_words = not_words  # peoples, months, titles: never a word of a person's name
        self.peoples = gazetteer.demonym_forms()

    def _name(self, doc: Doc, start: int, taken: set[int]) -> Span | None:
        if start >= len(doc) or start in taken or not capitalised(doc[start].text):
            return None
        end = name_end(doc, start, MAX_WORDS, stops=lambda i: i in taken,
                       capital=lambda i: capitalised(doc[i].text), joins=lambda i: doc[i].lower_ in _JOINERS)
        end = self._place_word_last(doc, start, end, taken)
        name = doc[start:end]
        if name[0].is_stop or any(t.lower_ in self.not_words or t.like_num for t in name):
            return None
        return name

    @staticmethod
    def _place_word_last(doc: Doc, start: int, end: int, taken: set[int]) -> int:
        """A person's last name may be a town's ("Alhaji Sani Dan Kano", "Musa Katsina"): a taken capitalised
        word right after two or more words of the name ends it when the clause ends there."""
        if end - start < 2 or end + 1 >= len(doc) or end not in taken or not capitalised(doc[end].text):
            return end
        return end + 1 if doc[end + 1].lower_ in _CLAUSE_END else end

    def _introduced(self, doc: Doc, comma: int) -> bool:
        """A trade noun opened by an indefinite article ends within eight words before the comma ("Un braconnier
        arrêté en avril à N'Guigmi, Abba Kiari,": the French tokenizer makes "N'" a word), or a noun of one's
        part in a case right after a definite one ("The driver, Valdecir Pinheiro, 52, said")."""
        for i in range(comma - 1, max(-1, comma - 9), -1):
            if doc[i].lower_ in _CASE_ROLES and i == comma - 1 and i > 0 and doc[i - 1].lower_ in config.DEFINITE_ARTICLES:
                return True
            # "a Bosaso-based broker": the hyphen's parts count; "Un Kosovar de 34 ans, X,", "A 41-year-old
            # Ukrainian, X,": a person named by the people they belong to
            if doc[i].lower_ in TRADE_NOUNS or (doc[i].lower_ in self.peoples and doc[i].is_title):
                return any(t.lower_ in _INDEFINITE for t in doc[max(0, i - 5):i])
            if doc[i].is_punct:
                return False
        return False

    def _apposed(self, doc: Doc, taken: set[int]) -> list[Span]:
        out = []
        for t in doc:
            if t.text != "," or not self._introduced(doc, t.i):
                continue
            name = self._name(doc, t.i + 1, taken)
            if name is not None and len(name) >= 2 and (name.end == len(doc) or doc[name.end].lower_ in _CLAUSE_END):
                out.append(name)
        return out

    def _described_after(self, doc: Doc, taken: set[int]) -> list[Span]:
        """"appartenant à Mahamat Abakar Issa, un grossiste d'Abéché": a name of two words or more, then a
        comma and an indefinite trade noun within three words."""
        out = []
        for t in doc:
            if t.text != "," or t.i < 2:
                continue
            after = [w.lower_ for w in doc[t.i + 1:t.i + 6]]
            if not after or after[0] not in _INDEFINITE or not TRADE_NOUNS.intersection(after[1:5]):
                continue
            # "Kanyabayonga Depot, an army officer's warehouse": what the person owns, not the person
            noun = next(k for k, w in enumerate(after) if k and w in TRADE_NOUNS)
            if noun + 1 < len(after) and after[noun + 1] in ("'s", "’s"):
                continue
            start = t.i
            while start > 0 and t.i - start < MAX_WORDS and (
                    capitalised(doc[start - 1].text) or (doc[start - 1].lower_ in _JOINERS and start - 1 < t.i - 1)):
                start -= 1
            while start < t.i and (doc[start].lower_ in _JOINERS or doc[start].lower_ in _TITLES):
                start += 1  # "Chief Adewale Ogunleye, a businessman": the title is no part of the name
            # "Maderas del Oriente Amazónico, a timber trader": the end of a longer name is no person's
            inside = start > 1 and doc[start - 1].lower_ in _NAME_OF and capitalised(doc[start - 2].text)
            name = None if inside else self._name(doc, start, taken)
            if name is not None and len(name) >= 2 and name.end == t.i and not doc[start].is_sent_start:
                out.append(name)
        return out

    @staticmethod
    def _person_before(words: list[str], i: int) -> bool:
        """A person's noun within four words before ``i``, or a people's name taken as one ("un
        Sierra-Léonais surnommé « Big Sesay »", "a Kosovar known as")."""
        window = words[max(0, i - 4):i]
        if PERSON_NOUNS.intersection(window):
            return True
        # "Sierra-Léonais" is three tokens, "Franco-Marocain" one
        people = {window[-1], "".join(window[-3:]), window[-1].split("-")[-1]} if window else set()
        return bool({"un", "une", "a", "an"}.intersection(window)) and bool(people & gazetteer.demonym_forms())

    def _after_cues(self, doc: Doc, words: list[str], taken: set[int], cues: tuple[tuple[str, ...], ...],
                    person_noun: bool) -> list[Span]:
        """The name right after a cue, past any quotes; with ``person_noun`` only after a person's noun
        within four words before the cue. ``words`` are the doc's lower-case words, read once a doc."""
        out = []
        firsts = {cue[0] for cue in cues}
        for i in range(len(doc)):
            if words[i] not in firsts:  # no cue starts here: skip building each cue's slice
                continue
            for cue in cues:
                if tuple(words[i:i + len(cue)]) != cue or (person_noun and not self._person_before(words, i)):
                    continue
                start = i + len(cue)
                while start < len(doc) and doc[start].text in _QUOTES:
                    start += 1
                name = self._name(doc, start, taken)
                # "a fisherman named Desmond "Scoopa" Reid": a nickname inside the name, which the model reads whole
                quoted = start > i + len(cue) or cue[-1] in _QUOTES
                if name is not None and (quoted or not (name.end < len(doc) and doc[name.end].text in _QUOTES)):
                    out.append(name)
        return out

    def _band_of(self, doc: Doc, words: list[str], taken: set[int]) -> list[Span]:
        """"le réseau d'Anli Momade Saide", "the network of Hassan Abakar": a band named by its head's full name
        (two words or more: "le réseau de Kinshasa" is a town's; not before the people it is made of: "a network
        of West African traders", "the gang of Red Cross volunteers")."""
        out = []
        for i in range(1, len(words)):
            if words[i] not in _OF_NAME or words[i - 1] not in _BANDS_OF:
                continue
            name = self._name(doc, i + 1, taken)
            if name is None or len(name) < 2 or any(w.text in _QUOTES for w in name):
                continue
            after = doc[name.end].lower_ if name.end < len(doc) else ""
            if not (after in PERSON_NOUNS or after.endswith(_PEOPLE_ENDINGS)):
                out.append(name)
        return out

    def _named(self, doc: Doc, words: list[str], taken: set[int]) -> list[Span]:
        """The name after a release's naming word, when the name ends its phrase."""
        return [n for n in self._after_cues(doc, words, taken, _NAMED_CUES, person_noun=True)
                if n.end < len(doc) and (doc[n.end].lower_ in _NAME_ENDS or doc[n.end].like_num)]

    def persons(self, doc: Doc, taken: set[int]) -> list[Span]:
        """Names in a person construction, on no ``taken`` word (known actors, listed places)."""
        words = [t.lower_ for t in doc]  # each token read once: making spaCy's tokens is what costs here
        found = {(s.start, s.end): s for s in [*self._apposed(doc, taken), *self._described_after(doc, taken),
                                               *self._after_cues(doc, words, taken, _NICKNAME_CUES, person_noun=True),
                                               *self._after_cues(doc, words, taken, _CERTAIN, person_noun=False),
                                               *self._band_of(doc, words, taken), *self._named(doc, words, taken)]}
        return list(found.values())
