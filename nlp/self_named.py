"""Organisations whose own name says what they are.

nlp/groups.py needs a lower-case organisation noun next to a name ("the X gang",
"la société X"). Many armed groups and firms carry that noun inside their name,
capitalised, and report writers then use the name bare:

* the noun first, French style, then a complement that ends on a capitalised word:
  "la Coalition des Résistants de Masisi", "l'Union des patriotes de l'Ouham",
  "les Forces d'autodéfense du Mbomou", "la Brigade du Corridor";
* the noun last: "the Central Equatoria Patriotic Movement", "the Egbema Boys",
  "the Bui Warriors"; for firms a trade word: "Jiangsu Senlin Timber", "Tian Long Timber".

A band the text says is called something is nlp/called_bands.py's.

Each is an actor ``named:<actor type>:<slug>`` like those of nlp/groups.py, and wins over
a place inside its name ("Masisi" of the coalition is no place of the trade). A name with a
word of a state force ("Forces de défense et de sécurité", "Maritime Police Force") is the
state's, which the reference list or the model names: none is made here. A band's own name
counts only if its sentence names fighters, arms or a crime of theirs once in the document:
clubs, parties, charities and armies carry the same nouns ("The Beach Boys", "the Salvation
Army", "Israel Defense Forces", "le Mouvement Patriotique du Salut"). The entity stage has
no part-of-speech tags, so a stop word ends a name.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ocwatch.nlp.groups import FIGHTERS, slug
from ocwatch.nlp.spans import capitalised

ARMED, FIRM, NETWORK = "mafia_style_groups", "private_sector_actors", "criminal_networks"
# Capitalised nouns that open a name and say what it is: "Coalition des Résistants de Masisi".
HEADS_FIRST: dict[str, str] = {
    **dict.fromkeys(("Coalition", "Forces", "Force", "Front", "Mouvement", "Movement", "Alliance", "Armée", "Army",
                     "Brigade", "Brigades", "Bouclier", "Rassemblement", "Résistance", "Légion", "Bataillon",
                     "Milice", "Militia", "Katiba", "Union"), ARMED),
    **dict.fromkeys(("Société", "Compagnie", "Établissements", "Etablissements", "Coopérative"), FIRM),
    # "Cártel de Valle Oscuro", "Clan del Golfo", "Katibat Tummo", "Autodefensas del Darién", "Pandilla 26":
    # a crime band's noun, no context needed
    **dict.fromkeys(("Cartel", "Cártel", "Clan", "Katibat", "Autodefensas", "Pandilla", "Sindicato"), NETWORK),
    "Frente": ARMED,  # "Frente 33 Bis", with fighters in the sentence ("Frente Amplio" is a party)
    # Spanish and Portuguese firms open on their trade: "Importadora Atlántico Global", "Maderera Río Tamaya"
    **dict.fromkeys(_IBERIAN_FIRMS := ("Importadora", "Exportadora", "Comercializadora", "Distribuidora",
                                       "Inversiones", "Maderera", "Minera", "Mineradora", "Frutera", "Naviera",
                                       "Pesquera", "Agropecuaria", "Constructora", "Transportadora"), FIRM),
}
# Capitalised nouns that close a name: "Central Equatoria Patriotic Movement", "Tian Long Timber".
HEADS_LAST: dict[str, str] = {
    **dict.fromkeys(("Movement", "Front", "Coalition", "Army", "Brigade", "Brigades", "Militia",
                     "Boys", "Warriors", "Commandos", "Defenders", "Forces", "Force", "Guards",
                     "Lords", "Cartel", "Gang", "Mafia", "Confraternity", "Posse"), ARMED),
    # not "Network" nor "Alliance": "Tax Justice Network", "Turtle Survival Alliance" are NGOs
    **dict.fromkeys(("Syndicate", "Ring"), NETWORK),  # not "Crew": "Columbus Crew" is a football club
    **dict.fromkeys(("Mining", "Minerals", "Metals", "Resources", "Timber", "Hardwoods", "Forestry", "Logging",
                     "Trading", "Industries", "Holdings", "Logistics", "Shipping", "Petroleum", "Energy", "Exports",
                     "Export", "Import", "Imports", "Distribution", "Freight",
                     "Enterprises", "Investments", "Ventures", "Pharmaceuticals", "Pharma", "Fisheries", "Seafood",
                     "Transport", "Pay", "Company", "Corporation", "Group", "Traders", "Casino", "Logistique",
                     "Logistik", "Transports", "Négoce"), FIRM),
}
# Words between a first noun and the end of its name: "des", "d'", "pour la", "of the".
# Not "for": "Alliance for American Manufacturing", "Coalition for Justice" are lobbies and NGOs.
_JOINERS = frozenset({"de", "du", "des", "d'", "d’", "pour", "la", "le", "les", "l'", "l’", "of", "the", "and", "et",
                      "-", "del", "los", "las"})
# A state's forces and bodies, and words no band's name opens on ("Artisanal Mining", "Working Group").
_STATE_WORDS = frozenset({"police", "sécurité", "security", "national",
                          "nationale", "nationales", "gendarmerie", "douane", "douanes", "customs", "navy", "maritime",
                          "air", "armées", "armed", "republican", "républicaine", "presidential", "présidentielle",
                          "ministry", "ministère", "government", "gouvernement", "african", "européenne",
                          "european", "nations", "unies", "united"})
_NOT_OPENERS = frozenset({"artisanal", "illegal", "illicit", "industrial", "small", "large", "global", "international",
                          "local", "natural", "mineral", "human", "working", "crisis", "contact", "support", "task",
                          "world", "private", "public", "state", "new", "old", "big", "chinese", "foreign"})
# Function words a sentence may open on before a name: "The Egbema Boys", "In Tian Long Timber's yard".
_FUNCTION_OPENERS = frozenset({"the", "a", "an", "in", "at", "of", "and", "or", "but", "for", "from", "on", "by",
                               "with", "as", "after", "before", "le", "la", "les", "l'", "l’"})
# Words in the sentence that make a self-named "Front", "Army" or "Coalition" an armed band (its fighters, as
# nlp/groups.py names them, and more), not a party, a club, a charity or a state's army: "fighters of the Central Equatoria Patriotic Movement", "des hommes
# armés de l'Union des patriotes de l'Ouham".
ARMED_CUES = FIGHTERS | frozenset({
    "militia", "militias", "rebel", "armed", "separatists", "milice", "milices", "armé", "armés", "armée", "armées",
    "séparatistes", "éléments", "elements", "poachers", "braconniers", "bandits", "checkpoints", "barrières",
    "barrages", "roadblocks",
    # or a crime of theirs: "l'ONG accuse les « Bui Warriors » de rançonner les fonctionnaires"
    "rançonner", "rançonnent", "racketter", "rackettent", "extort", "extorts", "extortion", "kidnap", "kidnapped",
    "kidnapping", "enlèvent", "enlevés", "enlevées", "ransom", "rançon", "taxent", "smuggling", "trafficking",
    "trafic", "contrebande", "safe"})
NOT_NAME_OPENERS = frozenset({"Operation", "Opération", "Operação", "Operación"})
# Firm nouns that may open a sentence and be followed by a name: "Établissements Zoumandji a importé".
_FIRM_FIRST = frozenset({"Société", "Compagnie", "Établissements", "Etablissements", "Coopérative", *_IBERIAN_FIRMS})
# First nouns a name may follow with no joiner: "Brigade Al-Nasr", "Forces Nouvelles" (not "Force Headquarters").
# Band nouns that take a number for a name, as gangs and fronts are numbered: "Pandilla 26", "Frente 33 Bis".
_NUMBERED = frozenset({"Pandilla", "Frente"})
_NAME_NEXT = _FIRM_FIRST | {"Brigade", "Katiba", "Katibat", "Forces", "Front", "Mouvement", "Coalition"}
# A jihadist unit's noun no club, party or army takes: "Katiba Tinzaouatène" is a band with no word of fighters
# in its sentence, and wins over the town its name holds.
_ALWAYS_ARMED = frozenset({"Katiba"})
MAX_WORDS = 8



class SelfNamedFinder:
    """Finds names that carry their own organisation noun."""

    def __init__(self, stop_words: frozenset[str], not_words: frozenset[str], not_names: frozenset[str]):
        # the entity stage has no part-of-speech tags: a stop word ("ont", "in", "a") ends a name
        self.stop_words = stop_words
        self.not_words, self.not_names = not_words, not_names  # peoples, months; places, media

    def _state(self, name: Span) -> bool:
        return any(t.lower_ in _STATE_WORDS for t in name)

    def _ok(self, name: Span, taken: set[int]) -> bool:
        return (len(name) >= 2 and not any(i in taken for i in range(name.start, name.end))
                and name.text.lower() not in self.not_names and not self._state(name)
                and (name[0].text in _NUMBERED or not any(t.like_num for t in name)))

    def _first(self, doc: Doc, i: int) -> Span | None:
        """"Coalition des Résistants de Masisi", "Société Forestière de la Mbaéré", "Brigade Al-Nasr": the
        noun, then capitalised words, joiners and at most two other lower-case words in a row up to the last
        capitalised word; a stop word, a number or a mark ends it. A firm's noun may open a sentence; a
        band's takes a joiner there."""
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        numbered = doc[i].text in _NUMBERED
        if nxt is None or not (nxt.lower_ in _JOINERS or (numbered and nxt.like_num) or (
                capitalised(nxt.text) and doc[i].text in _NAME_NEXT and (
                    doc[i].text in _FIRM_FIRST or not doc[i].is_sent_start))):
            return None
        if numbered and nxt.like_num:  # "Pandilla 26", "Frente 33 Bis": the number and capitalised words only
            end = i + 2
            while end < len(doc) and end - i < 4 and (capitalised(doc[end].text) or doc[end].like_num):
                end += 1
            return doc[i:end]
        end, lower_run = None, 0
        for k in range(i + 1, min(i + MAX_WORDS, len(doc))):
            t = doc[k]
            if capitalised(t.text):
                end, lower_run = k + 1, 0
            elif t.lower_ in _JOINERS:
                lower_run = 0
            elif t.is_lower and t.is_alpha and t.lower_ not in self.stop_words and lower_run < 2:
                lower_run += 1  # "des patriotes", "de commandement militaire"
            else:
                break
        return doc[i:end] if end else None

    @staticmethod
    def _armed_context(name: Span) -> bool:
        """A word of fighters or arms in the name's sentence, outside the name ("L'Armée de Terre" is none)."""
        return any(w.lower_ in ARMED_CUES for w in name.sent if not name.start <= w.i < name.end)

    @staticmethod
    def _inside_longer(doc: Doc, name: Span) -> bool:
        """"the Somalia and Eritrea Monitoring Group", "Ministry of Fisheries and Marine Resources", "la
        Société civile": the end of a longer name, or civil society."""
        before = doc[name.start - 2:name.start] if name.start > 1 else None
        joined = before is not None and before[1].lower_ in ("and", "of", "&", "et", "de") and capitalised(
            before[0].text) and not before[0].is_sent_start  # "Fighters of Katibat Tummo" opens a sentence
        return joined or (len(name) > 1 and name[1].lower_ in ("civile", "civil"))

    def _last(self, doc: Doc, i: int) -> Span | None:
        """"the Central Equatoria Patriotic Movement": capitalised words before the noun, at least one."""
        start = i
        while start > 0 and i - start < 4 and (capitalised(doc[start - 1].text) or doc[start - 1].text == "-"):
            start -= 1
        if start > 0 and doc[start - 1].lower_ in ("'s", "’s"):
            return None  # "People's Liberation Army": the end of a longer name
        while start < i and (doc[start].text == "-" or doc[start].lower_ in _FUNCTION_OPENERS):
            start += 1
        if start == i or any(t.lower_ in _NOT_OPENERS for t in doc[start:i]) or doc[start].lower_ in self.not_words:
            return None
        # one word at a sentence's start may be a heading's ("Illegal Mining"), or a plain opener
        if start == i - 1 and doc[start].is_sent_start and doc[start].ent_iob_ == "O":
            return None
        return doc[start:i + 1]

    @staticmethod
    def _spanish_band(doc: Doc, i: int) -> Span | None:
        """"Los Tiburones del Guayas": a Spanish plural article opening two or more capitalised words, in
        English and French text, is a band's name where, as for the other bands, a sentence of the document
        names fighters, arms or a crime of theirs. One word after the article is as often a town the
        gazetteer does not know ("Police in Las Vegas arrested a man trafficking fentanyl")."""
        end = i + 1
        while end < len(doc) and end - i < MAX_WORDS and (capitalised(doc[end].text) or (
                doc[end].lower_ in ("de", "del", "la", "los", "las") and end + 1 < len(doc)
                and capitalised(doc[end + 1].text))):
            end += 1
        return doc[i:end] if end > i + 2 else None

    def _candidate(self, doc: Doc, t: Token) -> tuple[Span | None, str | None]:
        if t.text in ("Los", "Las"):
            return self._spanish_band(doc, t.i), ARMED  # with a crime in a sentence, as bands are
        prev = doc[t.i - 1] if t.i else None  # inside a longer name unless an article: "La Société X"
        first = t.text in HEADS_FIRST and (prev is None or not capitalised(prev.text) or prev.lower_ in _FUNCTION_OPENERS)
        name = self._first(doc, t.i) if first else None
        if name is not None:
            return name, HEADS_FIRST[t.text]
        if t.text in HEADS_LAST and not self._name_goes_on(doc, t.i):
            return self._last(doc, t.i), HEADS_LAST[t.text]
        return None, None

    @staticmethod
    def _name_goes_on(doc: Doc, i: int) -> bool:
        """A capitalised word follows, or a hyphen and one: "Caraïbes Import-Export" ends on Export."""
        nxt = doc[i + 1: i + 3]
        return bool(nxt) and (capitalised(nxt[0].text) or (
            nxt[0].text == "-" and len(nxt) == 2 and capitalised(nxt[1].text)))

    def named(self, doc: Doc, taken: set[int]) -> list[Span]:
        """Names whose own first or last word is an organisation noun, on no ``taken`` word. A band's name
        needs fighters or arms in its sentence once in the document ("The Beach Boys played", "the
        Salvation Army", "Israel Defense Forces struck" have none); its other mentions then count too."""
        found: list[tuple[Span, str]] = []
        for t in doc:
            if found and t.i < found[-1][0].end:
                continue
            name, kind = self._candidate(doc, t)
            if name is not None and kind and self._ok(name, taken) and not self._inside_longer(doc, name):
                found.append((name, kind))
        armed = {slug(n.text) for n, kind in found
                 if kind == ARMED and (n[0].text in _ALWAYS_ARMED or self._armed_context(n))}
        return [Span(doc, n.start, n.end, label="actor", kb_id=f"named:{kind}:{slug(n.text)}", span_id="construction")
                for n, kind in found if kind != ARMED or slug(n.text) in armed]
