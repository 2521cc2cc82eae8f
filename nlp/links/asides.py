"""Places a sentence names aside from the activity: whence a party comes or where it is based, where
a reporter sits, and a place named only to say where another lies. Read by the place rules
(nlp/links/places.py), which keep such a place out of an activity's places.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.mask import PLACEHOLDERS
from ocwatch.nlp.links.tree import is_word, low, prep_of
from ocwatch.nlp.persons import PERSON_NOUNS, TRADE_NOUNS

# People who tell the story: "our correspondent in Goma", "un journaliste de Bamako".
_REPORTERS = frozenset({"correspondent", "correspondents", "reporter", "reporters", "journalist", "journalists",
                        "spokesman", "spokeswoman", "spokesperson", "correspondant", "correspondante",
                        "correspondants", "journaliste", "journalistes", "envoyé", "porte-parole"})


# Those who govern, investigate or prosecute, named with their seat: "the new authorities in Damascus", "des
# enquêteurs à Kyiv", "le parquet financier de Beyrouth": where they sit, not where the trade is.
_SEATS = frozenset({"authorities", "autorités", "government", "gouvernement", "investigators", "enquêteurs",
                    "enquêtrices", "parquet", "prosecutors", "procureurs"})
# Where the sources were met is not where what they tell happened: "traders we interviewed in Quetta and Chaman",
# "des passeurs rencontrés à Faya-Largeau", "des orpailleurs interrogés à Bouar".
_MET = frozenset({"interview", "interviewed", "meet", "met", "interroger", "interrogé", "interrogés", "interrogée",
                  "interrogées", "rencontrer", "rencontré", "rencontrés", "rencontrée", "rencontrées"})
# Offices that speak of a trade from where they sit ("Judicial police in Bissau said they had found cocaine ... near
# Bafatá", "business associations in Tegucigalpa argue"), when they are the subject of a verb of saying
# (authorities are in _SEATS, speaking or not)
_OFFICES = frozenset({"police", "officials", "official", "customs", "douanes", "douane", "associations", "association",
                      "officers", "responsables", "ministry", "ministère", "agency", "agence"})
_ARGUE = frozenset({"argue", "argued", "report", "reported", "announce", "announced", "state", "stated", "indiquer",
                    "indique", "indiqué", "affirmé", "déclaré", "annoncé"})
# How a teller's seat hangs on the teller: "correspondant à Bamako", "authorities in Damascus", "parquet de Beyrouth"
_SEAT_PREPS = frozenset({"in", "at", "à", "au", "en", "de", "d'"})
_SEATED = frozenset({"based", "registered", "headquartered", "incorporated", "listed", "basé", "basée", "basés",
                     "basées"})
# Where smugglers, traffickers or their network are based or operate from is where they run the trade; a
# buyer's or a firm's seat is not (PARTY_NOUNS, and "a trading house based in Kampala").
_TRADE_SEAT = frozenset({"based", "operating", "basé", "basée", "basés", "basées", "installé", "installée",
                         "installés", "installées", "établi", "établie", "établis", "établies", "opérant"})
_DEALERS = lx.OFFENDER_NOUNS - {"men", "people", "hommes", "individus", "ressortissants"}
# A number of people said as a noun: "des milliers d'orpailleurs venus du Soudan" are miners.
_QUANTITIES = frozenset({"thousands", "hundreds", "dozens", "scores", "milliers", "centaines", "dizaines",
                         "millier", "centaine", "dizaine"})


def _listed_after(t: Token) -> Token | None:
    """The place a listed one follows: "du Soudan, du Tchad et du Nigeria" (conj, or the French
    parser's "du Tchad" hung on "Soudan" after a comma)."""
    if t.dep_ == "conj":
        return t.head
    prep = next((c for c in t.children if c.dep_ == "case"), None)
    if t.dep_ == "nmod" and t.head.pos_ == "PROPN" and prep is not None and prep.i > 0 and \
            t.doc[prep.i - 1].text == ",":
        return t.head
    return None


def _people(t: Token) -> Token:
    """Who a provenance word qualifies, past a number said as a noun."""
    if is_word(t, _QUANTITIES):
        return next((c for c in t.children if c.dep_ in ("nmod", "prep", "pobj")
                     and c.i > t.i and c.pos_ == "NOUN"), t)
    return t


def _people_from(t: Token) -> bool | None:
    """After a word of provenance, whether the place is people's origin (not goods'); None when no such
    word comes before it. The parser may hang the place on the noun, not on "originaires"
    ("commerçants originaires de Bujumbura")."""
    prep = next((c for c in t.children if c.dep_ == "case"), t.head if t.dep_ == "pobj" else None)
    before = t.doc[prep.i - 1] if prep is not None and prep.i > 0 else None
    if before is None or not is_word(before, lx.PROVENANCE_WORDS):
        # "des creuseurs venus du Niger, du Soudan": the French parser hangs each country on the verb
        # (not "installé des barrières à Kouki": only whence, "de", is a provenance)
        before = t.head if t.dep_ in ("obl", "obl:arg") and is_word(t.head, lx.PROVENANCE_WORDS) and \
            prep_of(t) in lx.ORIGIN | {"du", "des"} else None
    if before is None:
        return None
    # "l'essence venue du Nigeria" is carried from there; what "trafiquants qui les font venir du Niger"
    # make come is the goods
    who = before.head if before.head.i != before.i and before.dep_ not in ("ROOT", "root") else next(
        (c for c in before.children if c.dep_ in lx.SUBJECT), before)
    return is_word(_people(who), lx.TRADE_PEOPLE | lx.PARTY_NOUNS | lx.OFFENDER_NOUNS | lx.PAYER_PEOPLE) and not any(
        c.dep_ == "aux:caus" for c in before.children)


def _dealers_seat(t: Token) -> bool:
    """"les passeurs, basés à Domoni", "un réseau basé à Pattaya", "trafiquants opérant depuis Gonaïves": the
    place hangs on a participle of being based or operating that qualifies smugglers, traffickers or their
    network."""
    seat = t.head.head if t.dep_ == "pobj" else t.head
    return seat.i != t.i and is_word(seat, _TRADE_SEAT) and seat.head.i != seat.i and is_word(seat.head, _DEALERS)


def _from_people(t: Token) -> bool:
    """"traders from Mopti", "thousands of miners from Ghana": whence the people come."""
    head = t.head.head if t.dep_ == "pobj" else t.head
    return prep_of(t) == "from" and is_word(_people(head), lx.TRADE_PEOPLE | lx.PARTY_NOUNS)


def party_place(t: Token) -> bool:
    """The place says where a party comes from or is based, not where the activity happens:
    "traders from Mopti", "a trading house based in Kampala", "négociants venus d'Ouganda"."""
    if t.i + 2 < len(t.doc) and t.doc[t.i + 1].text == "-" and t.doc[t.i + 2].lower_ in _SEATED:
        return True  # "a Khartoum-registered company", "a Goma-based trader": where it sits
    first, hops = _listed_after(t), 0
    while first is not None and _listed_after(first) is not None and hops < 6:
        first, hops = _listed_after(first), hops + 1
    if _dealers_seat(first or t):
        return False  # "les passeurs, basés à Domoni et à Mutsamudu": where the trade is run from
    if first is not None and (_people_from(first) or _from_people(first)):
        return True  # "venus du Soudan, du Tchad et du Nigeria"
    head = t.head.head if t.dep_ == "pobj" else t.head
    if head.i == t.i:
        return False
    verdict = _people_from(t)
    if verdict is not None:
        return verdict
    if is_word(head, lx.PROVENANCE_WORDS) and head.dep_ in ("acl", "amod", "relcl", "acl:relcl", "appos"):
        return True
    if t.dep_ in ("poss", "nmod:poss") and is_word(t.head, lx.OFFENDER_NOUNS | lx.PARTY_NOUNS | lx.ANAPHORS):
        return True  # "Ecuador's largest gang": whose gang, not where it acts
    if head.dep_ == "appos" and is_word(head, lx.OFFENDER_NOUNS | lx.PARTY_NOUNS | lx.ANAPHORS):
        return True  # "the M23, the largest rebel movement in North Kivu, charges ...": where it is, not what it does
    if head.tag_ == "JJS" or (low(head) in ("one", "un", "une") and any(low(w) in ("most", "plus") for w in head.subtree)):
        return True  # "Tepito, one of the busiest in Mexico", "l'un des plus rentables de France": a ranking's scope
    if is_word(head, _REPORTERS | _SEATS) and prep_of(t) in _SEAT_PREPS:
        return True  # "rapporte notre correspondant à Bamako", "le parquet de Beyrouth": where the teller sits
    if is_word(head, _OFFICES) and prep_of(t) in _SEAT_PREPS and head.dep_ in lx.SUBJECT \
            and is_word(head.head, lx.SAY_VERBS | _ARGUE):
        return True  # "Judicial police in Bissau said", "business associations in Tegucigalpa argue": who speaks
    if is_word(head, _MET) and prep_of(t) in ("in", "at", "à", "au", "en", "dans"):
        return True  # "traders interviewed in Quetta", "des réfugiés rencontrés à Bol": where the sources were met
    if prep_of(t) in ("from", "of", "de", "d'", "du") and is_word(head, TRADE_NOUNS) and any(
            low(c) in ("a", "an", "un", "une") for c in head.children):
        # "un ancien footballeur d'Al Hoceïma, Karim Bensaïd": whence the one person (nlp/persons.py);
        # "les passeurs d'Agadez", "les négociants de Goma" are where the trade is
        return True
    return _from_people(t)


# ", au nord de Bambari", ", 30 km north of Bunia": a place named to say where the one before it lies,
# not where anything happens. Not "près de Gao": a mine near a town is the town's (dev).
_BEARING = re.compile(r",\s+(?:(?:à\s+)?(?:quelque\s+)?\d+\s*(?:km|kilom[eè]tres?|miles?)\s+)?(?:(?:au|in\s+the)\s+|à\s+l')?"
                      r"(?:north|south|east|west|nord|sud|est|ouest)(?:[- ]?(?:east|west|est|ouest))?\s+(?:of|de|d'|du)"
                      r"\s+(?:the\s+|la\s+|le\s+)?$", re.I)
# "Myawaddy, across the river from Mae Sot", "Goma, en face de Gisenyi": the town across only locates the other.
_ACROSS = re.compile(r",\s+(?:across\s+the\s+(?:river|border|lake)\s+from|en\s+face\s+de)\s+(?:the\s+)?$", re.I)


# ", on the Chad-Libya border", ", on the Pakistan border" (the border word after the place), ", near the border
# with Niger", ", à la frontière avec le Niger" (before it); not ", de l'autre côté de la frontière, à Kosti"
_ON_THE = r",\s+(?:on|along|near|at|sur|près\s+de)\s+(?:the|la)\s+"
_BORDER_AFTER = re.compile(_ON_THE + r"(?:[A-Z][\w-]*[-–]\s*)?$")
_BORDER_BEFORE = re.compile(r",\s+(?:on|along|near|at|sur|à|près\s+de)\s+(?:the|la)\s+(?:border|frontière)\s+"
                            r"(?:with|between|avec|entre)\s+(?:the\s+|le\s+|la\s+|l')?$")
_BORDER = frozenset({"border", "borders", "frontier", "frontière"})


def across_from(p: Span) -> bool:
    """"a compound in Myawaddy, across the river from Mae Sot": Mae Sot only says where Myawaddy lies."""
    return bool(_ACROSS.search(p.doc[max(0, p.start - 8): p.start].text + " "))


def bearing(p: Span) -> bool:
    """The place only says where the one before it lies: "Ndassima, au nord de Bambari", "Kouri Bougoudi,
    on the Chad-Libya border", "Banki, près de la frontière avec le Nigeria"."""
    before = p.doc[max(0, p.start - 8): p.start].text.replace("’", "'") + " "
    after = p.doc[p.end: p.end + 3]
    return across_from(p) or bool(_BEARING.search(before) or _BORDER_BEFORE.search(before) or (
        _BORDER_AFTER.search(before) and any(t.lower_ in _BORDER for t in after)))


# A site inside the town that owns it: "Mogadishu's Bakara market" happens in Mogadishu too.
_SITES = frozenset({"market", "markets", "port", "ports", "airport", "harbour", "harbor", "docks", "mine", "mines",
                    # a stretch of the country's own land or sea: "across Niger's northern desert"
                    "desert", "coast", "coastline", "border", "borders", "borderlands", "waters", "interior",
                    "hinterland", "forests", "jungle", "north", "south", "east", "west", "northern", "southern",
                    "eastern", "western", "northeast", "northwest", "southeast", "southwest"})


# A state's force named by its country before it: "the US Navy", "the Nigerian Navy", "Kenya Police".
_FORCES = frozenset({"navy", "army", "coastguard", "marines", "military"})


def possessor(p: Span) -> bool:
    """"Venezuela's Amazonas state", "Togo's customs directorate", "Ecuador's navy", "the US Navy": a place
    in the possessive, or naming a state's force, says whose the next noun is, not where anything happens;
    but a town's market or port is in the town, and a country's desert or coast in the country."""
    doc = p.doc
    if p.end < len(doc) and doc[p.end].lower_ in _FORCES and doc[p.end].text[:1].isupper() and \
            p.root.dep_ == "compound":
        return True
    if p.end >= len(doc) or doc[p.end].lower_ not in ("'s", "’s"):
        return False
    return not any(t.lower_ in _SITES for t in doc[p.end + 1: p.end + 4])


# Where a person lives or comes from, said of the person: "Nguyen Van Hoa, 41 ans, domicilié à Créteil", "a
# resident of Rawa", "Kevin Liang, 36, of Flushing", "a Vilnius resident"; not where the deed was done. Not
# where a firm is registered (shell companies registered in Cyprus launder there), nor "residents of Djugu
# say", who witness where they live.
# Not "living in", "habitant à" (payers living in Cité Soleil pay there) nor "originaire de" (goods too).
_LIVES = re.compile(r"(?:\b(?:domicilié|domiciliée|domiciliés|domiciliées|demeurant|résidant|résidante|"
                    r"lives|resident|native|natif)\s+"
                    r"(?:à|a|in|of|de|du|des|d'|au|aux|en)\s+(?:the\s+|la\s+|le\s+|l')?"
                    r"|\b\d{2}\s*(?:ans\s*)?,\s+(?:of|de|d')\s+)$", re.I)
_RESIDENT_AFTER = frozenset({"resident", "residents", "native", "natives", "man", "woman", "men", "women",
                             "businessman", "businesswoman"})


_PEOPLE_OR_BANDS = PERSON_NOUNS | frozenset({"femmes", "hommes", "filles", "garçons", "enfants", "jeunes", "migrants",
                                             "ressortissants", "travailleurs", "ouvriers", "clan", "gang", "groupe",
                                             "réseau", "bande", "famille", "confraternité", "milice", "cartel",
                                             "faction", "organisation"}) | PLACEHOLDERS  # a masked name


def lives_there(p: Span) -> bool:
    """The place says where a person lives or comes from."""
    before = p.doc[max(0, p.start - 6): p.start].text.replace("’", "'") + " "
    if _LIVES.search(before):
        return True
    # "un contrebandier originaire de Thala": whence a person, not goods ("le cannabis, originaire du Maroc")
    origin = next((w for w in p.doc[max(0, p.start - 3): p.start] if low(w) in ("originaire", "originaires")), None)
    if origin is not None and any(low(w) in _PEOPLE_OR_BANDS or (w.is_title and not w.is_sent_start)
                                  for w in p.doc[max(0, origin.i - 4): origin.i]):
        return True
    nxt = p.doc[p.end] if p.end < len(p.doc) else None
    # "a Vilnius resident", "two Brampton men": the place qualifies the person before its noun
    return nxt is not None and low(nxt) in _RESIDENT_AFTER and p.start > 0 and \
        low(p.doc[p.start - 1]) in ("a", "an", "two", "three", "four", "five", "the")
