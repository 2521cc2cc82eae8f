"""The role a verb gives the name it governs in a market's activity: a participant when the verb is
the activity or is done inside it, an author when it reports, an investigator, an enforcer, a victim
of a kidnapping, a captor of a town or a checkpoint (roles.role decides what a captor is), or
mentioned when the verb works against the trade ("a cell that fights cocaine trafficking")."""

from __future__ import annotations

from spacy.tokens import Token

from ocwatch.nlp import config
from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.arrest import caught_with, searching_for
from ocwatch.nlp.links.bands import led_band_deed
from ocwatch.nlp.links.charges import charged_with
from ocwatch.nlp.links.goods_steps import carries_goods
from ocwatch.nlp.links.negation import negated
from ocwatch.nlp.links.tree import claims_a_deed, in_event, is_word, low, prep_of

# What role() turns into a participant or, for a state force or a peace operation, an enforcer.
CAPTOR = "captor"
_ACCUSE = frozenset({"accuse", "accuser"})
KIDNAP = frozenset({"kidnap", "abduct", "enlever", "kidnapper", "séquestrer", "rançonner", "extort", "racketter"})
# Seizing a town or a mine is taking it, not enforcement: "CODECO fighters have seized the gold pits at
# Mabanga", "the M23 captured the mining town of Rubaya".
_CAPTURE = frozenset({"seize", "capture"})
# Working against a trade, or for its victims: no part in it ("heads a cell that fights cocaine trafficking",
# "dirige un réseau qui accompagne les victimes de la traite", "who helped expose the network").
_AGAINST = frozenset({"fight", "combat", "counter", "tackle", "curb", "prevent", "expose", "denounce",
                      "clear", "campaign", "lutter", "combattre", "accompagner", "prévenir",
                      "dénoncer", "démanteler", "indict", "inculper",
                      # "lawyers who defend smugglers", "is believed to oppose the timber trade", "qui traque le
                      # trafic", "qui soigne les victimes"
                      "defend", "oppose", "track", "hunt", "défendre", "traquer", "traque", "traquent", "soigner",
                      "soigne", "treat"})
# Coordinating is fighting only when what is coordinated is the fight: "coordinates the response to
# trafficking", not "coordinates the reception of the cocaine shipments".
_COORDINATE = frozenset({"coordinate", "coordonner"})
_FIGHT_NOUNS = frozenset({"fight", "response", "effort", "efforts", "operation", "operations", "campaign", "crackdown",
                          "lutte", "riposte", "opération", "opérations", "répression", "campagne", "seizure",
                          "seizures", "saisie", "saisies", "arrest", "arrests", "raid", "raids", "interception",
                          "investigation", "investigations", "enquête", "enquêtes", "arrestation", "arrestations"})
_VICTIM_NOUNS = frozenset({"victim", "victims", "victime", "victimes"})
_CHECKPOINT = frozenset({"stop", "search", "fouiller"})
# What a checkpoint stops: vehicles and travellers ("stop boats", "fouillent les camions"), not a trade or
# smugglers ("stopped the charcoal trade", "stopped opium smugglers"), nor a search for something.
_TRAFFIC = frozenset({"boat", "boats", "truck", "trucks", "lorry", "lorries", "vehicle", "vehicles", "car", "cars",
                      "bus", "buses", "motorbike", "motorbikes", "motorcycle", "motorcycles", "canoe", "canoes",
                      "traveller", "travellers", "traveler", "travelers", "passenger", "passengers", "driver",
                      "drivers", "camion", "camions", "véhicule", "véhicules", "moto", "motos", "pirogue",
                      "pirogues", "bateau", "bateaux", "voyageur", "voyageurs", "passager", "passagers",
                      "chauffeur", "chauffeurs"})


def _stops_traffic(v: Token) -> bool:
    objects = [c for c in v.children if c.dep_ in lx.OBJECT]
    looking = any(w.lower_ in ("recherche", "searching", "looking", "respecter", "enforce", "enforcing", "appliquer")
                  for w in v.subtree)
    return not looking and any(is_word(c, _TRAFFIC) for c in objects)
_RETAKEN_FROM = frozenset({"from"})  # "seized the town of Rubaya from the M23": a recapture
_TAKEN_PLACES = frozenset({"town", "towns", "city", "village", "villages", "mine", "mines", "pit", "pits", "site",
                           "sites", "area", "locality", "territory", "hill", "hills", "base", "camp", "airstrip",
                           "airport", "crossing", "checkpoint", "road", "highway", "quarry", "quarries",
                           "concession", "concessions", "field", "fields", "district", "port"})


# A passive that hands its subject on to the verb after "to": "is believed to run", "is said to buy", "is
# reported to control". The hedge is the writer's; what the subject does is the clause after it.
_RAISING = frozenset({"believe", "say", "think", "report", "allege", "know", "understand", "suspect", "consider",
                      "estimate", "rumour", "rumor", "presume", "reckon", "suppose", "thought", "said", "believed",
                      "reported", "alleged", "known"})


# A verb of saying that also means providing, when the activity is its object.
_PROVIDE = frozenset({"assurer", "assure", "assurent", "assurait", "assuraient"})
# ... what it provides is the trade's own work ("l'acheminement de la cocaïne"), not a protection against it,
# a port's handling or a convoy's security
_PROVIDED = frozenset({"acheminement", "transport", "convoyage", "écoulement", "vente", "livraison", "fourniture",
                       "exportation", "importation", "achat", "distribution", "passage", "trafic", "départs",
                       "traversées", "financement"})


_INFORM = frozenset({"inform", "informer", "informe", "informent"})


def _in_the_target(m: Token, v: Token) -> bool:
    """The activity is named inside what the claimed deed was aimed at or where it happened: "the attack on a
    bandit hideout where kidnapped farmers were held", "the raid against an illegal mine"."""
    for a in m.ancestors:
        if a.i == v.i:
            return False
        if low(a) in ("on", "against", "contre", "sur") or a.dep_ in ("relcl", "acl:relcl"):
            return True
    return False


def verb_role(v: Token, m: Token, rel: str) -> str:
    # the agent of a verb that takes the goods further down their clause: "were bought by X and exported"
    inside = carries_goods(m, v) if rel == "agent" else in_event(m, v)
    if rel == "passive":
        raised = next((c for c in v.children if c.dep_ == "xcomp" and in_event(m, c)), None)
        if raised is not None and is_word(v, _RAISING):
            # "the clan is believed to smuggle cannabis": the clan smuggles; "is said to have been robbed": passive
            own = "passive" if any(c.dep_ in ("auxpass", "aux:pass") for c in raised.children) else "subject"
            return verb_role(raised, m, own)
        if (is_word(v, lx.ACCUSE_VERBS) and inside) or caught_with(v, m) or \
                charged_with(v, m):
            return "participant"
        return "victim" if inside and (m.i == v.i or is_word(v, KIDNAP)) else "mentioned"
    if is_word(v, _VICTIM_NOUNS) or any(c.dep_ == "attr" and is_word(c, _VICTIM_NOUNS) for c in v.children):
        return "victim"  # "Amina Diop, qui a été victime de la traite", "X was the victim of extortion"
    if v.i == m.i:  # the verb is the activity itself ("who charge 20 dollars", "smuggle")
        return "participant"
    if is_word(v, _AGAINST) or (is_word(v, _COORDINATE) and any(
            c.dep_ in lx.OBJECT and is_word(c, _FIGHT_NOUNS) for c in v.children)):
        return "mentioned"  # "a cell that fights cocaine trafficking", "qui lutte contre la traite"
    deed = led_band_deed(v, m) if rel == "subject" else None
    if deed is not None:
        return verb_role(deed, m, "subject")
    said = next((c for c in v.children if c.dep_ == "xcomp" and _done_by(c, m)), None)
    if said is not None and is_word(v, lx.REPORT_VERBS | lx.SAY_VERBS) and not is_word(v, lx.ACCUSE_VERBS) and \
            not any(c.dep_ in lx.OBJECT for c in v.children):  # "accuse le M23 de faire passer": the M23 does
        # what the speaker says they do themselves decides: "affirme transporter des migrants" takes part,
        # "affirme avoir documenté la contrebande" investigates
        return verb_role(said, m, rel)
    if is_word(v, _PROVIDE) and any(c.dep_ in lx.OBJECT and is_word(c, _PROVIDED) and (
            m.i == c.i or m.head.i == c.i or (m.head.head.i == c.i and m.head.dep_ == "nmod")) for c in v.children):
        return "participant"  # "assure le transport de l'or", "assure des départs": provides it, says nothing
    own = _own_deed_told(v, m) if rel == "subject" else None
    if own is not None:
        return verb_role(own, m, "subject")
    if claims_a_deed(v) and not any(c.dep_ == "neg" for c in v.children):
        # "The group calling itself X claimed responsibility for the attack"; not the deed's target ("claimed the
        # raid on an illegal logging camp": who raided the loggers is no logger)
        return "mentioned" if _in_the_target(m, v) else "participant"
    if is_word(v, _INFORM) and any(c.dep_ in lx.OBJECT for c in v.children) and \
            not (v.i + 1 < len(v.doc) and low(v.doc[v.i + 1]) in ("que", "qu'", "that")):
        return "participant"  # "informe les passeurs des patrouilles": a tip-off, not a communiqué's "informe que"
    if is_word(v, lx.REPORT_VERBS - _ACCUSE) or (is_word(v, _ACCUSE) and any(c.dep_ in lx.OBJECT for c in v.children)):
        return "author"  # "X accuse Y d'acheminer des armes": the accuser is the claim's source, Y is accused
    objects = [c for c in v.children if c.dep_ in lx.OBJECT]
    if is_word(v, lx.INVESTIGATE_VERBS) or any(is_word(c, lx.INQUIRY_NOUNS) for c in objects):
        return "investigator"
    if is_word(v, lx.SANCTION_WORDS) or any(is_word(c, lx.SANCTION_WORDS) for c in objects):
        return "enforcer"
    if is_word(v, _CAPTURE) and any(c.dep_ in lx.OBJECT and low(c) in _TAKEN_PLACES for c in v.children) and \
            not any(prep_of(c) in _RETAKEN_FROM or low(c) in _RETAKEN_FROM for c in v.children):
        return CAPTOR if inside else "mentioned"  # role() decides: a state force retaking a town enforces
    if asks_a_sum(v):
        # a cut taken on the goods: "for every kilo of cocaine" is the cocaine trade's; "charge every digger
        # 10,000 CFA francs" says nothing of who sells the stones
        on_goods = any(w.i == m.i for c in v.children if c.dep_ in lx.OBJECT or low(c) in _LEVIED_ON
                       for w in c.subtree)
        # a state's office charging on the goods enforces (role() decides, as for a checkpoint)
        return CAPTOR if on_goods else "mentioned"
    if is_word(v, lx.ENFORCE_VERBS) and not searching_for(v):
        if is_word(v, lx.ESCORT) and inside and m.i != v.i and not is_word(m.head, lx.TRADE_PEOPLE):
            return "participant"
        # "fighters of the Mai-Mai Ebuela stop boats near Kazimia and demand contributions": a checkpoint
        # of an armed group is its racket, one of the police an enforcement (role() decides)
        return CAPTOR if is_word(v, _CHECKPOINT) and inside and _stops_traffic(v) else "enforcer"
    if is_word(v, lx.VIOLENCE_VERBS) and m.i != v.i and not (m.head.i == v.i and m.dep_ in lx.OBJECT):
        return "mentioned"  # but "abattent des éléphants", "abat des essences précieuses" is the activity
    return "participant" if inside else "mentioned"


_LEVIED_ON = frozenset({"for", "on", "per", "pour", "sur", "par"})


def asks_a_sum(v: Token) -> bool:
    """"charges traffickers 200,000 pesos for every kilo", "charges ranchers a monthly 'contribution'", "charge
    each sack of charcoal": a charge that asks money, or is laid on every unit of goods or every payer, is a
    cut taken, not a court's charge ("charged with smuggling $2 million", "charged every member arrested")
    nor a lawful one (a fine, bail, court costs, a licence or a permit)."""
    if not is_word(v, {"charge"}):
        return False  # before any walk: verb_role asks this of every verb it reads
    objects = [c for c in v.children if c.dep_ in lx.OBJECT]
    # "charged the boss with smuggling": the parser may hang "with" on the one charged
    if any(low(c) == "with" for c in (*v.children, *(g for o in objects for g in o.children))) or lawful_charge(v):
        return False
    if any(low(c) in _LEVIED_UNITS and any(low(d) in ("each", "every") for d in c.children) for c in objects):
        return True
    return any(low(w) in config.CURRENCY_WORDS or w.text in config.CURRENCY_SIGNS or low(w) in lx.LEVY_NOUNS
               for c in objects for w in c.subtree)


def lawful_charge(v: Token) -> bool:
    """What is charged or paid is a fine, bail, court costs, a licence or a permit: a state's or a court's,
    no cut ("charges motorists a fine of 50,000 francs", "charged each defendant a bail")."""
    return any(low(w) in _LAWFUL_CHARGES for c in v.children if c.dep_ in lx.OBJECT or low(c) in _LEVIED_ON
               or c.dep_ in ("dative", "iobj") for w in c.subtree)


# What a state or a court lawfully charges.
_LAWFUL_CHARGES = frozenset({"fine", "fines", "bail", "costs", "licence", "license", "licences", "licenses",
                             "permit", "permits", "plate", "plates", "damages", "amende", "amendes", "caution",
                             "permis", "frais"})
# What a cut is laid on, one by one: units of goods, vehicles and the payers who work the trade.
_LEVIED_UNITS = frozenset({"bag", "sack", "kilo", "kilogram", "gram", "tonne", "ton", "load", "truck", "lorry",
                           "vehicle", "boat", "canoe", "motorbike", "motorcycle", "car", "bus", "head", "animal",
                           "cow", "pit", "shaft", "dredge", "excavator", "barrel", "jerrycan", "container", "crossing",
                           "digger", "miner", "trader", "driver", "fisherman", "farmer", "herder", "shopkeeper",
                           "team", "well", "sac", "camion", "puits"})


def _done_by(x: Token, m: Token) -> bool:
    """The activity is the clause's own verb, or its object's: "affirme transporter des migrants",
    "claims to sell gold"; not "claims to protect miners from smuggling networks"."""
    if is_word(m, lx.TRADE_PEOPLE):  # "assure protéger les creuseurs": the miners are no goods
        return False
    return m.i == x.i or (m.head.i == x.i and m.dep_ in lx.OBJECT) or (
        m.head.head.i == x.i and m.head.dep_ in lx.OBJECT and m.dep_ in ("compound", "nmod", "amod"))



# Who tells investigators what they did themselves takes part in it: "told officers they had bought the
# tortoises near Toliara", "told police he had smuggled the gold", "a expliqué qu'il avait acheté l'ivoire".
# The pronoun must be the speaker's number: "the mayor said they had bought" is another's deed.
_TELL = frozenset({"tell", "say", "admit", "confess", "explain", "state", "declare", "acknowledge", "dire",
                   "avouer", "reconnaître", "expliquer", "déclarer"})
_HE, _THEY = frozenset({"he", "she", "il", "elle"}), frozenset({"they", "ils", "elles"})
_PAIRS = frozenset({"pair", "couple", "duo", "trio", "men", "women", "brothers", "sisters", "suspects"})


# Who speaks for another ("Defence lawyer X told the court he had carried"): the deed is the client's.
_FOR_ANOTHER = frozenset({"lawyer", "lawyers", "counsel", "attorney", "spokesman", "spokeswoman", "spokesperson",
                          "avocat", "avocate", "avocats", "porte-parole", "mother", "father", "brother", "sister",
                          "wife", "husband", "mère", "père", "frère", "sœur", "épouse", "mari"})
# A deed refused or denied in the telling is none: "told police she had refused to smuggle".
_REFUSED = frozenset({"refuse", "decline", "deny", "refuser", "nier", "décliner"})


def _own_deed_told(v: Token, m: Token) -> Token | None:
    speaker = next((c for c in v.children if c.dep_ in ("nsubj", "csubj")), None)
    if speaker is None or not is_word(v, _TELL) or any(low(w) in _FOR_ANOTHER for w in (speaker, *(
            c for c in speaker.children if c.dep_ in ("compound", "amod", "appos", "nmod")))):
        return None
    # "X and his wife", not "Le chauffeur, X," which the parsers also read as a conjunct
    plural = any(c.dep_ == "cc" and low(c) in ("and", "et") for c in speaker.subtree) or \
        "Plur" in speaker.morph.get("Number") or low(speaker) in _PAIRS
    for c in _told_clauses(v):
        subject = next((s for s in c.children if s.dep_ in ("nsubj", "nsubj:pass")), None)
        if subject is None or low(subject) not in (_THEY if plural else _HE) or is_word(c, _REFUSED) or negated(c):
            continue
        # "they had bought the ivory", "he had been promised 5,000 dollars to deliver the pills"
        deed = next((x for x in (c, *c.children) if (x.i == c.i or x.dep_ == "xcomp" or (x.dep_ == "advcl" and any(
            low(a) in ("to", "pour") for a in x.children))) and _done_by(x, m)), None)
        if deed is not None:
            return deed
    return None


def _told_clauses(v: Token) -> list[Token]:
    """What the verb says: its complement clause, or the clause the parsers hang on the hearer as a relative
    one ("told officers they had bought", "a expliqué aux gendarmes qu'il avait acheté")."""
    hearers = [c for c in v.children if c.dep_ in ("dobj", "iobj", "obj", "obl", "obl:arg", "dative")]
    hearers += [g for c in v.children if c.dep_ == "prep" and low(c) == "to" for g in c.children if g.dep_ == "pobj"]
    return [c for c in v.children if c.dep_ == "ccomp"] + [
        c for h in hearers for c in h.children if c.dep_ in ("relcl", "acl:relcl") and c.i > h.i]
