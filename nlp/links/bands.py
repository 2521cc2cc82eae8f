"""The noun a name acts through: the band a person leads ("rifles moved by a network run by X"),
the men said to belong to a group ("men believed to belong to the ADF"), the hands a boss hires
("collectors working for the 3R"), the person a name is given to ("a trader known as X").
roles.actor_head climbs from the name to that noun, whose place in the clause says the role.
"""

from __future__ import annotations

from spacy.tokens import Token

from ocwatch.nlp.called_bands import BAND_NOUNS
from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.mask import PLACEHOLDERS
from ocwatch.nlp.links.tree import in_event, is_word, low, prep_of, subject_of
from ocwatch.nlp.persons import PERSON_NOUNS

# "men believed to belong to the ADF", "éléments affiliés au FPRC", "des pirates se réclamant du groupe
# RansomHub": the members act for the group.
_MEMBER_VERBS = frozenset({"belong", "affiliate", "loyal", "answer", "link", "tie", "connect", "appartenir",
                           "affilier", "affilié", "fidèle", "proche", "lier", "lié", "liés", "liées", "relier",
                           "réclamer", "réclamant"})
_LEAD_VERBS = frozenset({"run", "lead", "head", "operate", "command", "control", "work", "diriger", "dirigé",
                         "dirigée", "mener", "mené", "menée", "commander", "commandé", "commandée", "contrôler",
                         "contrôlé", "contrôlée", "travailler", "piloter", "piloté", "pilotée", "animer", "animé",
                         # who directs, manages or pays for a band's work takes part in it as its leader does
                         "direct", "manage", "oversee", "coordinate", "finance", "fund", "gérer", "superviser",
                         "coordonner", "financer", "chapeauter"})
_LEAD_PREPS = frozenset({"by", "par", "for", "pour"})
# "collectors working for the 3R", "drivers working for a transporter known as X": the hands a
# group or a boss hires act for it when they are who does the activity (subject or agent)
# ... and so do the hands a boss pays or hires: "loggers paid by X are felling", "des pêcheurs recrutés par X"
_WORK = frozenset({"work", "travailler", "pay", "hire", "employ", "recruit", "payer", "employer", "recruter",
                   "engager", "rémunérer"})
_LEADING = _LEAD_VERBS | _WORK
_HIRED = frozenset({"collectors", "collector", "drivers", "driver", "couriers", "courier", "agents", "middlemen",
                    "smugglers", "traders", "buyers", "chauffeurs", "convoyeurs", "collecteurs", "passeurs",
                    "intermédiaires", "rabatteurs", "négociants", "acheteurs",
                    # the crews NGOs find at work: "loggers working for Maderera X cut the trees", "guides
                    # working for a network charge migrants", "hunters working for Kassim"
                    # (not porters nor boatmen: they carry anything, seized goods too)
                    "loggers", "crews", "guides", "hunters", "gunmen", "recruiters", "brokers", "bûcherons",
                    "chasseurs", "recruteurs", "équipes"})


def _leading(h: Token) -> Token | None:
    """The participle of leading (or working) on a noun whose agent the name is: "a network run by X",
    "collectors working for X"."""
    v = h.head.head if h.dep_ == "pobj" else h.head
    return v if is_word(v, _LEADING) and prep_of(h) in _LEAD_PREPS and v.dep_ in ("acl", "amod") else None


def led_band(h: Token) -> Token | None:
    """The band an actor leads, when the band is who acts: "rifles moved by a network run by X", "a
    syndicate led by X had bought the scales", "un réseau dirigé par X achemine". Not a band the goods
    belong to ("belonged to a network run by X, who distributes heroin in Vienna"): there the relative
    clause on the name says what X does, and the band is no subject or agent."""
    v = _leading(h)
    if v is None:
        return None
    band = v.head
    if band.pos_ not in ("NOUN", "PROPN") or not (is_word(band, lx.GROUP_NOUNS_FOR_LEAD) or (
            is_word(v, _WORK) and low(band) in _HIRED)):
        return None
    return band if band.dep_ in lx.SUBJECT or band.dep_ == "obl:agent" or prep_of(band) in ("by", "par") else None


def bands_named_by_leader(h: Token) -> list[Token]:
    """The band nouns a leader's name stands for in a later sentence: "a cocaine network led by X ... the
    network had imported", "le groupe, dirigé par X", "X heads a network that holds migrants ... women held
    by the network". Not a band X works for: its boss is another."""
    lead = _leading(h)
    if lead is not None and not is_word(lead, _WORK) and prep_of(h) in ("by", "par"):
        return [lead.head] if lead.head.pos_ == "NOUN" and is_word(lead.head, lx.GROUP_NOUNS_FOR_LEAD) else []
    # "X heads a network", "X, an Eritrean national who heads a network", "X, qui dirige un réseau"
    verbs = [h.head] if h.dep_ in lx.SUBJECT else []
    verbs += [c for t in (h, *(a for a in h.children if a.dep_ == "appos")) for c in t.children
              if c.dep_ in lx.RELATIVE and relative_subject(c) is not None]
    return [b for x in verbs for b in _bands_led(x) if is_word(b, lx.GROUP_NOUNS_FOR_LEAD)]


# Verbs of holding the means the goods travel by (means.py reads the passive), and a fleet of them.
_HOLD_VERBS = lx.CHARTER_VERBS | {"own", "posséder"}
_FLEETS = frozenset({"fleet", "flotte", "flottille"})
# "X is the head of a network that", "est à la tête d'un réseau qui": a noun that makes its subject the leader.
_LEADER_NOUNS = frozenset({"head", "leader", "boss", "chief", "ringleader", "chef", "tête", "patron", "meneur"})
WHO = frozenset({"who", "which", "that", "qui"})


def relative_subject(clause: Token) -> Token | None:
    """The relative pronoun that is the clause's subject ("a network that buys cocaine", "qui achemine"):
    then the clause says what its antecedent does."""
    return next((g for g in clause.children if g.dep_ in lx.SUBJECT and low(g) in WHO), None)


def _bands_led(v: Token) -> list[Token]:
    """The bands the subject of ``v`` leads: the objects of a verb of leading ("runs a ring") or the
    "of"/"de" noun of a leader noun ("is the head of a gang", "à la tête d'un réseau")."""
    if is_word(v, _LEAD_VERBS - _WORK):
        found = [c for c in v.children if _object(c)]
    elif is_word(v, _HOLD_VERBS):  # "affrète des barges qui chargent du brut volé": the means, not a band
        return [c for c in v.children if _object(c) and is_word(c, lx.CARRIER_NOUNS)]
    else:
        leaders = [v] if is_word(v, _LEADER_NOUNS) else [c for c in v.children if c.dep_ == "attr"
                                                             and is_word(c, _LEADER_NOUNS)]
        found = [g for x in leaders for c in x.children for g in ([c] if c.dep_ == "nmod" else c.children)
                 if prep_of(g) in ("of", "de", "d'", "du", "des") and g.dep_ in ("pobj", "nmod")]
    # "runs a fleet of pickups that carries cigarettes": the fleet's vehicles do what the fleet does
    fleets = [g for b in found if is_word(b, _FLEETS) for c in b.children for g in [c, *c.children]
              if g.dep_ in ("pobj", "nmod") and is_word(g, lx.CARRIER_NOUNS)]
    return [b for b in found if is_word(b, lx.GROUP_NOUNS_FOR_LEAD | lx.CARRIER_NOUNS)] + fleets


# "the Black Axe confraternity, whose members smuggle women", "dont les combattants taxent": the members
# the clause's subject is act for the band it hangs on.
_BANDS = frozenset({"confraternity", "confraternité", "cult", "militia", "brigade", "katiba", "coalition"})
_MEMBERS = frozenset({"members", "fighters", "men", "militants", "agents", "elements", "membres", "combattants", "hommes",
                      "éléments", "miliciens", "affiliates", "affiliés"})


def whose_members(c: Token, listed: bool = False) -> bool:
    """A relative clause whose subject is the members of its antecedent; a masked name's only when the name
    is a ``listed`` band's."""
    subject = next((g for g in c.children if g.dep_ in lx.SUBJECT), None)
    band = c.head
    if subject is None or not is_word(subject, _MEMBERS) or not is_word(band, lx.GROUP_NOUNS_FOR_LEAD | _BANDS) or \
            (is_word(band, PLACEHOLDERS) and not listed):
        return False  # "Amnesty International, dont les membres ont rencontré des victimes": no band
    return any(low(g) == "whose" for g in subject.children) or any(
        low(g) == "dont" for g in (*c.children, *subject.children))


def _object(c: Token) -> bool:
    """The verb's object, also "des barges" that the French model reads as a phrase with "des"."""
    return c.dep_ in lx.OBJECT or (c.dep_ in ("nmod", "obl:arg") and prep_of(c) in ("des", "du"))


# The members a band of the trades is made of: "a network of importers", "un réseau de passeurs".
TRADE_MEMBERS = lx.TRADE_PEOPLE | _HIRED | frozenset({
    "importers", "exporters", "brokers", "smugglers", "traffickers", "suppliers", "wholesalers", "transporters",
    "courtiers", "passeurs", "trafiquants", "importateurs", "exportateurs", "fournisseurs", "grossistes",
    "transporteurs", "revendeurs", "dealers", "poachers", "braconniers"})


# ... or the band it is part of: "commands a unit of the FLA that escorts convoys of migrants"
_BAND_MEMBERS = TRADE_MEMBERS | PLACEHOLDERS | lx.GROUP_NOUNS_FOR_LEAD


def _other_members(band: Token) -> bool:
    """The band's "of"/"de" complement names people of another work than the trades: "a network of lawyers",
    "un réseau d'enquêteurs", "a network of informants"."""
    return any(m.pos_ == "NOUN" and m.lower_.endswith(("s", "x")) and not is_word(m, TRADE_MEMBERS | lx.CARRIER_NOUNS)
               for m in _complements(band))


def _complements(band: Token) -> list[Token]:
    """The nouns after the band's "of" / "de": "a network of importers", "un réseau de passeurs"."""
    return [*(m for g in band.children if low(g) in ("of", "de", "d'") for m in g.children if m.dep_ == "pobj"),
            *(m for m in band.children if m.dep_ == "nmod" and prep_of(m) in ("de", "d'"))]


def _clauses_on(band: Token) -> list[Token]:
    """The clauses on a band, also a "qui" clause right after it that the French model hangs on the verb."""
    after = [c for c in band.head.children if c.dep_ in lx.RELATIVE and c.left_edge.i == band.right_edge.i + 1]
    # "a network of importers that brings diesel": the clause on the band's members is the band's
    # (traders, brokers, smugglers: not a network of lawyers, informants, clinics or rangers)
    members = [c for m in _complements(band) if is_word(m, _BAND_MEMBERS) for c in m.children
               if c.dep_ in lx.RELATIVE]
    return [*band.children, *after, *members]


def led_band_deed(v: Token, m: Token) -> Token | None:
    """The clause of what a band does, when the subject of ``v`` leads it and that clause holds the
    market at ``m``: "X runs a network that buys cocaine", "dirige un réseau qui achemine l'or", "X
    heads a ring smuggling gold". The band is who acts; its leader takes part as in "a network run by X"."""
    for band in _bands_led(v):
        if _other_members(band):
            continue  # "coordonne un réseau d'enquêteurs qui traque le trafic": a band of another work
        for c in _clauses_on(band):
            relative = c.dep_ in lx.RELATIVE and relative_subject(c) is not None
            gerund = c.dep_ == "acl" and c.tag_ == "VBG" and not any(g.dep_ in lx.SUBJECT for g in c.children)
            if (relative or gerund) and in_event(m, c):
                return c
    return None


# The nouns of a person or a band that witnesses name: "a woman they called X", "a dealer they knew as X".
_NAMED_NOUNS = PERSON_NOUNS | frozenset(BAND_NOUNS) | {"businessman", "businesswoman", "buyer", "dealer"}
# "a man known as X", "un passeur surnommé X": the name is the person the noun introduced.
NAMING_VERBS = frozenset({"know", "call", "name", "nickname", "dub", "track", "surnommer", "surnommé", "appeler",
                          "appelé", "nommer", "nommé"})


def named_as(h: Token) -> Token | None:
    """The noun a name is given to ("a network run by an Afghan man known as Kaka Jan" -> man), so the
    name climbs on to what that noun does."""
    v = h.head.head if h.dep_ == "pobj" and low(h.head) in ("as", "comme") else h.head
    if v.dep_ == "pobj" and low(v.head) in ("by", "to") and h.head.i > v.i:
        v = v.head.head  # "the hackers, tracked by researchers as Cold Harbor": "as" hung on the namers
        if not is_word(v.head, _NAMED_NOUNS):
            return None  # "the route, known to locals as Tariq al-Mawt": a route's name
    # also with the namers as its subject: "a woman they called Madam Joy had recruited them"; not the band
    # itself naming someone ("the militia, who call X a traitor"), nor a tunnel or a port agents call X
    namers = v.dep_ in lx.RELATIVE and is_word(v.head, _NAMED_NOUNS) and any(
        c.dep_ in lx.SUBJECT and c.i < h.i and low(c) not in WHO | {"whom"} for c in v.children)
    # ... or the band naming itself: "the ransomware crew that calls itself Kondor Locker"
    namers = namers or (v.dep_ in lx.RELATIVE and any(low(c) in ("itself", "themselves") for c in v.children))
    if v.i == h.i or not is_word(v, NAMING_VERBS) or not (v.dep_ in ("acl", "amod") or namers):
        return None
    return v.head if v.head.pos_ in ("NOUN", "PROPN") and v.head.i < h.i else None


def member(h: Token) -> Token | None:
    """The noun whose members a group is said to be ("men believed to belong to the ADF" -> men)."""
    v = h.head.head if h.dep_ == "pobj" else h.head
    if not is_word(v, _MEMBER_VERBS) or v.i == h.i:
        return None
    if is_word(v, {"réclamer", "réclamant"}) and v.doc[v.i - 1].lower_ not in ("se", "s'", "s’"):
        return None  # "des jeunes réclamant le départ de la MONUSCO": a demand, not a membership
    if v.dep_ in ("acl", "amod") and is_word(v.head, lx.CARRIER_NOUNS):
        return None  # "des conteneurs appartenant au clan Lucic": owned, not members (means.py)
    if v.dep_ in ("acl", "amod") and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return v.head
    return subject_of(v)


def stands_for(h: Token) -> Token | None:
    """The noun the name at ``h`` acts through, if any."""
    return member(h) or led_band(h) or named_as(h)
