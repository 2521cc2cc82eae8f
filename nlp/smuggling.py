"""Migrant smuggling told by the carrying of migrants, with words in between.

The fixed phrases of reference/activities.csv ("people smugglers", "passeurs")
miss the commonest way reports tell it: who moves the migrants.

* a verb of moving with migrants for its object: "packing Ethiopian migrants
  into boats", "moved migrants from Preševo", "carrying migrants from Agadez",
  "embark migrants", "transportent des exilés";
* a vehicle laden with them: "pickup trucks loaded with migrants", "des
  camions bondés de migrants" (a building "packed with migrants" is no smuggling);
* migrants charged to be taken: "charges migrants €3,000 to take them";
* made to cross a border: "fait franchir la frontière à des centaines
  d'Érythréens" (a demonym or a noun for migrants after "à");
* crossings, boats' departures or the migrants' transfer that smugglers organise,
  and migrants driven by smugglers: "smugglers ... organised crossings of the
  Adriatic", "sont conduits jusqu'à Tabanovce par des trafiquants" (a ferry
  line, the IOM or the Red Cross's drivers move people too: a "network" or
  "drivers" is not enough);
* a sum paid to a smuggler or for the crossing, in a sentence about migrants: "had
  paid $4,500 each to a smuggler", "pay between $350 and $1,000 each for boat
  crossings", "avaient payé 1 500 dinars à un réseau ... pour rejoindre Lampedusa"
  (a fee "for passage" with no migrant in the sentence is a toll: nlp/tolls.py);
* migrants paying a named band, paying to cross or before being guided across, and a price a person to take
  them: "were forced to pay the Jalisco New Generation Cartel (CJNG) $1,500 each before being guided across the
  border wall", "migrants who have paid the Clan del Golfo ... a 'fee'", "charge between 250 and 400 dollars a
  person to take them" (only with migrants named before the payment, as every fare).

Refugees are left out: agencies move refugees to camps; so are verbs that rescue
and return people as often as smugglers move them ("bring", "take", "guide",
"conduire", "débarquer"). One token Matcher on
lower-case words, as nlp/exploitation.py does for trafficking; the mention is
cut to the verb, so that its clause says who moved them and where.
"""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from ocwatch.nlp.anchored import AnchoredMatcher
from ocwatch.nlp.exploitation import MIGRANT_WORDS
from ocwatch.nlp.tolls import cut_to_word, gap, kept_as, one_of

SMUGGLING = "activity:human_smuggling"
_PAID = "paid for the crossing"  # a match key of its own: kept only in a sentence about migrants

_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "move": ("carry", "carries", "carried", "carrying", "move", "moves", "moved", "moving", "transport",
                 "transports", "transported", "transporting", "pack", "packs", "packed", "packing", "cram",
                 "crams", "crammed", "cramming", "embark", "embarks", "embarked", "embarking", "ferry", "ferries",
                 "ferried", "ferrying", "drive", "drives", "drove", "driving"),
        "migrants": ("migrants",),
        # whom smugglers take or bring is smuggled; whom an agency brings back is not
        "smugglers": ("smugglers", "traffickers", "networks", "gangs", "rings", "passeurs"),
        "take": ("take", "takes", "took", "taking", "bring", "brings", "brought", "bringing", "guide", "guides",
                 "guided", "guiding", "lead", "leads", "led", "leading"),
        "laden": ("loaded", "packed", "crammed", "filled", "laden", "overloaded", "full"),
        "vehicles": ("boat", "boats", "truck", "trucks", "lorry", "lorries", "pickup", "pickups", "pick-up",
                     "pick-ups", "vehicle", "vehicles", "bus", "buses", "van", "vans", "dinghy", "dinghies",
                     "dhow", "dhows", "canoe", "canoes", "vessel", "vessels"),
        "with": ("with", "of"),
        "charge": ("charge", "charges", "charged", "charging"),
        "to": ("to",), "carry_on": ("take", "bring", "carry", "ferry", "get", "move", "drive", "smuggle"),
        "head": ("head", "person", "passenger", "apiece"),
        "pay": ("pay", "pays", "paid", "paying"),
        # not "coyotes": a football club's name as often ("Fans paid tribute to the Coyotes")
        "smuggler": ("smuggler", "smugglers", "people-smuggler", "people-smugglers"),
        "go_between": ("facilitator", "facilitators", "guide", "guides", "network", "broker"),
        "for": ("for",), "crossing": ("crossing", "crossings", "journey", "passage", "trip", "seat", "ride"),
        "a": ("a", "an", "the", "one", "local", "their", "his"),
        "be_taken": ("driven", "taken", "smuggled", "guided", "carried", "ferried", "brought", "moved"),
        "passengers": ("passenger", "passengers", "migrant", "migrants", "person", "people", "head"),
        "them": ("them", "migrants"),
        "organise": ("organise", "organises", "organised", "organising", "organize", "organizes", "organized",
                     "organizing", "arrange", "arranges", "arranged", "arranging"),
        "crossings": ("crossing", "crossings"), "departures": ("departures",),
        "be": ("are", "were", "is", "was", "been"),
        "by": ("by",),
        "crowd": ("crowd", "crowds", "crowded", "crowding", "cram", "crams", "crammed", "pack", "packs", "packed",
                  "squeeze", "squeezed"),
    },
    "fr": {
        "move": ("transporte", "transportent", "transportait", "transportaient", "transporté", "transportés",
                 "transporter", "convoie", "convoient", "convoyé", "convoyer", "achemine", "acheminent",
                 "acheminé", "acheminer", "entasse", "entassent", "entassé", "entasser", "embarque", "embarqué",
                 "embarquer"),
        "migrants": ("migrants", "exilés", "clandestins"),
        "laden": ("chargé", "chargés", "chargée", "chargées", "bondé", "bondés", "bondée", "bondées", "rempli",
                  "remplis", "remplie", "remplies"),
        "vehicles": ("bateau", "bateaux", "camion", "camions", "pick-up", "pick-ups", "véhicule", "véhicules",
                     "bus", "pirogue", "pirogues", "embarcation", "embarcations", "canot", "canots", "barque",
                     "barques", "boutre", "boutres", "4x4", "kwassa", "kwassas"),
        "with": ("de", "d'"),
        "make": ("fait", "font", "faisait", "faisaient", "faire", "fera", "feront"),
        "cross": ("franchir", "traverser"), "to": ("à",), "some": ("des", "d'", "plus", "centaines", "dizaines",
                                                                  "milliers", "de"),
        "pay": ("payé", "payer", "paient", "paie", "payaient", "payait", "versé", "verser", "versent", "déboursé"),
        "smuggler": ("passeur", "passeurs"),
        "go_between": ("réseau", "réseaux", "intermédiaire", "intermédiaires", "guide", "guides"),
        "for": ("pour",), "crossing": ("rejoindre", "traverser", "atteindre", "traversée", "passage", "voyage"),
        "a": ("un", "une", "des", "leur", "leurs", "son", "ses"),
        "payer": ("payer",), "aux": ("aux", "à"),
        "pass": ("passer", "traverser", "franchir"),
        "people": ("personnes", "migrants", "exilés", "clandestins"),
        "organise": ("organise", "organisent", "organisait", "organisaient", "organisé", "organisés", "organisée",
                     "organisées", "organiser", "organisant", "organisera"),
        "crossings": ("traversée", "traversées"), "departures": ("départs",),
        "transfer": ("transfert", "transferts", "convoyage", "acheminement"),
        "be": ("sont", "étaient", "été", "seront"),
        "moved": ("conduits", "conduites", "transportés", "transportées", "acheminés", "acheminées", "convoyés",
                  "convoyées", "emmenés", "emmenées", "embarqués", "embarquées"),
        "by": ("par",),
    },
}


def phrases(vocab: Vocab, lang: str) -> AnchoredMatcher | None:
    """A Matcher of migrants moved, or None for a language without words."""
    w = _WORDS.get(lang)
    if w is None:
        return None
    migrants = one_of(w["migrants"])
    patterns = [
        # not "packed with migrants": a building full of people (a vehicle's is the pattern below)
        [one_of(w["move"]), {"IS_PUNCT": False, "LOWER": {"NOT_IN": ["with", "de", "d'"]}, "OP": "{0,3}"},
         migrants],
        # a vehicle laden with them, not a detention centre "packed with migrants"
        [one_of(w["vehicles"]), gap(1), one_of(w["laden"]), one_of(w["with"]), gap(2), migrants],
    ]
    patterns += _organised(w) + _driven_by_smugglers(w, migrants)
    if lang == "en":
        patterns.append([one_of(w["smugglers"]), gap(2), one_of(w["take"]), gap(3), migrants])
        patterns.append([one_of(w["charge"]), gap(4), migrants, gap(6), one_of(w["to"]), one_of(w["carry_on"])])
        # a fare for the trip ("had charged each passenger about $400 for the trip"), a fee from every migrant
        # ("charges every migrant who sets off from Necoclí a fee"), paying to be taken ("paid up to 500,000
        # CFA francs to be taken to the Libyan border", "pay brokers 150,000 birr to be driven across")
        patterns.append([one_of(w["charge"]), one_of(("each", "every")), one_of(("migrant",))])
        # "pay brokers in Ouanaminthe to guide them across the river"
        patterns.append([one_of(w["pay"]), one_of(w["go_between"] + ("brokers",)), gap(4),
                         one_of(w["to"]), one_of(w["take"] + w["carry_on"]), one_of(("them", "him", "her"))])
        # "smugglers crowd them into fibreglass boats"
        patterns.append([one_of(w["smuggler"]), one_of(w["crowd"]), one_of(w["them"])])
        # a price a head to be taken ("smugglers charge up to $800 a head to drive them across"), and a
        # fee charged each migrant ("charges each migrant a 'crossing fee'")
        patterns.append([one_of(w["smugglers"]), gap(1), one_of(w["charge"]), gap(6), one_of(w["head"]),
                         one_of(w["to"]), one_of(w["carry_on"])])
        patterns.append([one_of(w["smugglers"] + ("cartel", "gang", "network", "group")), gap(1), one_of(w["charge"]),
                         one_of(("each", "every")), one_of(("migrant",))])
    else:
        # "fait franchir la frontière à des centaines d'Érythréens": whoever is made to cross is named after "à"
        patterns.append([one_of(w["make"]), one_of(w["cross"]), gap(6), one_of(w["to"]), one_of(w["some"], "+"),
                         {"IS_TITLE": True}])
        patterns.append([one_of(w["make"]), one_of(w["cross"]), gap(6), one_of(w["to"]), gap(3), migrants])
        # "fait payer aux migrants jusqu'à 8 000 dollars", "a fait passer plus de 1 500 personnes vers l'Autriche"
        patterns.append([one_of(w["make"]), one_of(w["payer"]), one_of(w["aux"]), gap(2), migrants])
        # only a number or an article before them: not "a fait passer une loi protégeant les femmes"
        count = {"LOWER": {"IN": ["des", "les", "plus", "de", "d'", "d’", "centaines", "dizaines", "milliers"]},
                 "OP": "*"}
        patterns.append([one_of(w["make"]), one_of(w["pass"]), count, {"LIKE_NUM": True, "OP": "*"}, count,
                         one_of(w["people"])])
        # "des intermédiaires font embarquer des Éthiopiens vers les côtes yéménites"
        patterns.append([one_of(w["make"]), one_of(("embarquer", "monter")), one_of(w["some"], "+"),
                         {"IS_TITLE": True}])
    matcher = AnchoredMatcher(vocab)
    matcher.add(SMUGGLING, patterns, greedy="FIRST")
    # a sum paid to a smuggler is smuggling; to a go-between or for a trip, only if migrants are in the sentence
    to = ("to",) if lang == "en" else ("à", "aux")
    # "to a smuggler", "to a people-smuggler", "à un passeur"; not "paid informants to infiltrate the smugglers"
    whom = [one_of(to), one_of(w["a"], "?"), one_of(("people",), "?"), one_of(("-",), "?")]
    matcher.add(SMUGGLING, [[one_of(w["pay"]), gap(6), *whom, one_of(w["smuggler"])],
                            # "have paid smugglers between $8,000 and $12,000"
                            [one_of(w["pay"]), one_of(w["smuggler"])]], greedy="FIRST")
    paid = [[one_of(w["pay"]), gap(6), *whom, one_of(w["go_between"])],
            [one_of(w["pay"]), gap(12), one_of(w["for"]), gap(2), one_of(w["crossing"])]]
    if lang == "en":
        # a fare, in a sentence about migrants (a bus company charges its passengers too): "charged each
        # passenger about $400 for the trip", "paid up to 500,000 CFA francs to be taken to the border"
        paid += [[one_of(w["charge"]), one_of(("each", "every", "all"), "?"), one_of(w["passengers"]), gap(6),
                  one_of(w["for"]), gap(2), one_of(w["crossing"])],
                 [one_of(w["pay"]), gap(8), one_of(w["to"]), one_of(("be",)), one_of(w["be_taken"])],
                 # "pay the Jalisco New Generation Cartel (CJNG) $1,500 each before being guided across",
                 # "pay up to $2,000 to cross", "charge between 250 and 400 dollars a person to take them"
                 [one_of(w["pay"]), _bracketed_gap(10), one_of(("before", "after")), one_of(("being",)),
                  one_of(w["be_taken"])],
                 [one_of(w["pay"]), gap(8), one_of(w["to"]), one_of(("cross",))],
                 [one_of(w["charge"]), gap(6), one_of(w["head"]), one_of(w["to"]), one_of(w["carry_on"])],
                 # "pay the same smugglers to take them north"; "migrants who have paid the Clan del Golfo"
                 [one_of(w["pay"]), one_of(("the", "same", "these", "those", "local"), "+"), one_of(w["smugglers"])],
                 [one_of(w["pay"]), one_of(("the",), "?"), {"IS_TITLE": True}]]
    matcher.add(_PAID, paid, greedy="FIRST")
    return matcher


def _bracketed_gap(most: int) -> dict:
    # a gap that spans a name's acronym in brackets and a sum ("the ... Cartel (CJNG) $1,500 each")
    return {"TEXT": {"NOT_IN": [".", ";", ":", "!", "?"]}, "OP": f"{{0,{most}}}"}


# the departures smugglers organise are boats'; a town organises its buses' too
_BOATS = ("boat", "boats", "dinghy", "dinghies", "vessel", "vessels", "canoe", "canoes", "bateau", "bateaux",
          "pirogue", "pirogues", "embarcation", "embarcations", "canot", "canots", "barque", "barques", "kwassa",
          "kwassas")
# who organises crossings or moves migrants as smugglers do: named as a smuggler, not a "network" or "drivers"
# (travel agencies, volunteers, the Red Cross and ferry lines have those too: the review). Not "passeur(s)": a
# phrase of the activity already, which drops any match that holds it (at_verb)
_SMUGGLERS = ("smugglers", "smuggler", "traffickers", "trafficker", "gang", "gangs", "cartel", "trafiquants",
              "trafiquant", "convoyeurs")


def _organised(w: dict[str, tuple[str, ...]]) -> list[list[dict]]:
    """Crossings, boats' departures and the migrants' transfer that smugglers organise ("des trafiquants qui
    organisaient des traversées vers Lampedusa", "the crossings were organised by smugglers", "les trafiquants
    organisent les départs de bateaux"): not a ferry company's crossings (round 25's review), a network of
    travel agencies' or volunteers', the IOM's transfer of migrants, a town's buses or a transfer of money."""
    organise, of, band = one_of(w["organise"]), one_of(("of", "de", "d'", "des")), one_of(_SMUGGLERS)
    patterns = [[band, gap(6), organise, gap(2), one_of(w["crossings"])],
                [one_of(w["crossings"]), gap(3), one_of(w["be"]), organise, one_of(w["by"]), gap(4), band],
                [band, gap(6), organise, gap(2), one_of(w["departures"]), of, gap(1), one_of(_BOATS)]]
    if "transfer" in w:
        patterns.append([band, gap(6), organise, gap(2), one_of(w["transfer"]), of, gap(3), one_of(w["migrants"])])
    return patterns


def _driven_by_smugglers(w: dict[str, tuple[str, ...]], migrants: dict) -> list[list[dict]]:
    """Migrants moved by those who smuggle them ("les migrants ... sont conduits jusqu'à Gevgelija par des
    trafiquants", "were driven to the border by smugglers"); not by ambulance drivers, the Red Cross's
    drivers, volunteers or the coast guard."""
    moved = one_of(w.get("moved") or w["be_taken"])
    return [[migrants, gap(5), one_of(w["be"]), moved, gap(8), one_of(w["by"]), gap(1), one_of(_SMUGGLERS)]]


_VERBS = frozenset(v for lang in _WORDS.values()
                   for k in ("move", "laden", "charge", "make", "take", "pay", "crowd", "organise", "be_taken", "moved")
                   for v in lang.get(k, ()))


def _migrants_pay(doc: Doc, start: int) -> bool:
    # the migrants are who pays: named before the payment ("the IOM paid for the journey of 300 migrants" is no fare)
    return any(t.lower_ in MIGRANT_WORDS for t in doc[doc[start].sent.start:start])


def at_verb(doc: Doc, matches: list[tuple[int, int, int]], named: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Each match cut to its verb ("packing", "loaded", "fait"): the migrants and the places named in
    between keep their own mentions, and the verb's clause says who moved them. A verb right after a
    phrase that already names the activity ("des passeurs conduisent des migrants") adds nothing, nor does
    one whose words overlap such a phrase ("organisé des traversées clandestines"): that phrase's clause is
    already read, and the verb's would add the places of a sentence about a trial."""
    matches = kept_as(doc, matches, SMUGGLING, {_PAID: _migrants_pay})
    matches = [(key, s, e) for key, s, e in matches if not any(k == key and ns < e and s < ne for k, ns, ne in named)]
    return [(key, verb, end) for key, verb, end in cut_to_word(doc, matches, _VERBS)
            if not any(k == key and verb - 3 <= e <= verb for k, _, e in named)]
