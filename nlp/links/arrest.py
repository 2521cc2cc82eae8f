"""Places of arrests and seizures: when they are where the activity happens.

Read on the gold's labels: a place where goods were seized or intercepted is a place of their trade
("seized 22 kg of gold at Bunia airport", "intercepted a truck carrying cannabis near Mpondwe"), and so
is a place where somebody was caught with the goods on them ("arrested a national at Lusaka airport
carrying 6 kg of heroin"). A place where a person was arrested for an activity told in a clause of its
own ("a trader arrested in Bangui is suspected of supplying ammunition", "arrêté à Berberati trois
trafiquants qui opéraient entre Carnot et ...") is not, unless the sentence names no other place.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.charges import charged_with
from ocwatch.nlp.links.mask import PLACEHOLDERS
from ocwatch.nlp.links.tree import ancestors_and_self, is_word, low

# Having the goods on one: the seized person's place is the goods' place.
CARRY_VERBS = frozenset({"carry", "transport", "hold", "possess", "conceal", "hide", "smuggle", "transporter",
                         "porter", "détenir", "dissimuler", "cacher", "convoyer"})
# Nouns of people who can be arrested ("a Zambian national", "un homme", "deux suspects").
PERSON_NOUNS = lx.OFFENDER_NOUNS | lx.TRADE_PEOPLE | lx.PARTY_NOUNS | frozenset({
    "man", "woman", "national", "nationals", "suspects", "person", "persons", "individual",
    "individuals", "citizen", "citizens", "driver", "drivers", "homme", "femme", "femmes", "personne",
    "personnes", "individu", "ressortissant", "suspect", "chauffeur", "chauffeurs", "membre", "membres",
    "member", "members", "officer", "officers", "soldier", "soldiers", "soldat", "soldats", "officier",
    "officiers"})
_OWN_CLAUSE = lx.CLAUSE | {"acl", "xcomp", "advcl", "pcomp", "acl:relcl"}


def nearest_verb(t: Token) -> Token | None:
    for a in ancestors_and_self(t):
        if a.pos_ == "VERB":
            return a
    return None


def _carried(m: Token, v: Token) -> bool:
    """The commodity stands under a verb of carrying below the arrest: the goods were there ("Arrested in
    Goma, a trader is suspected of smuggling gold": the smuggling is not under the arrest)."""
    if not any(a.i == v.i for a in m.ancestors) or charged_with(v, m):
        return False  # "arrested in Goma for smuggling gold": the charge, not goods on them
    for a in ancestors_and_self(m):
        if a.i == v.i:
            return False
        if a.pos_ == "VERB" and is_word(a, CARRY_VERBS):
            return True
    return False


def arrest_place(t: Token, m: Token) -> bool:
    """The place hangs on an arrest or a seizure and the commodity stands in a clause of its own
    ("un commerçant soupçonné d'avoir acheté à Bria des diamants a été arrêté à Bangui"), unless the
    goods were carried there."""
    v = nearest_verb(t)
    if v is None or not is_word(v, lx.ENFORCE_VERBS) or v.i == m.i or _carried(m, v):
        return False
    attempt = _attempt(m)
    if attempt is not None and not _before_then(attempt):
        return False  # "arrêté à Makokou deux hommes qui tentaient de vendre de l'ivoire": caught in the act
    if v.dep_ in ("acl", "amod"):
        # "300 sacs de makala saisis à Kibati": the seized goods are the commodity, the place is theirs;
        # "a trader arrested in Bangui is suspected of supplying ammunition": the place is the suspect's
        return not any(a.i == v.head.i for a in ancestors_and_self(m))
    for a in ancestors_and_self(m):
        if a.head.i == v.i:
            return a.dep_ in _OWN_CLAUSE and a.i != m.i
        if a.dep_ in _OWN_CLAUSE and a.i != m.i:
            return any(x.i == v.i for x in a.ancestors)  # the market stands in a clause of its own
    return False


def _attempt(m: Token) -> Token | None:
    """The verb of trying the activity hangs on, if any: "qui tentaient de vendre 24 kilos d'ivoire"."""
    return next((a for a in list(m.ancestors)[:3] if is_word(a, lx.ATTEMPT_VERBS)), None)


def _before_then(v: Token) -> bool:
    """"who had tried to sell ivory in Arusha the previous year", "qui avaient tenté": an earlier attempt."""
    return any(c.dep_.startswith("aux") and (c.lower_ == "had" or (c.lemma_ == "avoir" and "Imp" in c.morph.get("Tense")))
               for c in v.children) or low(v) in ("tried", "attempted")


def caught_trying(t: Token, m: Token) -> bool:
    """The place of an arrest of people who were trying to trade: "ont arrêté à Makokou deux hommes qui
    tentaient de vendre 24 kilos d'ivoire", "arrested in Tema two men who were trying to smuggle"."""
    attempt = _attempt(m)
    if attempt is None or attempt.dep_ not in lx.RELATIVE or _before_then(attempt):
        return False
    v = nearest_verb(t)
    return v is not None and is_word(v, lx.ENFORCE_VERBS) and attempt.head.head.i == v.i


def person_arrest_place(t: Token, m: Token) -> bool:
    """The place is where a person was arrested or intercepted ("arrested a man in Goma", "a trader
    arrested in Bangui"), the goods not being carried there: the activity's place only when the
    sentence names no other."""
    v = nearest_verb(t)
    if v is None or not is_word(v, lx.ENFORCE_VERBS) or _carried(m, v) or caught_trying(t, m):
        return False
    if v.dep_ in ("acl", "amod"):
        return is_word(v.head, PERSON_NOUNS)
    # a masked name (PLACEHOLDERS) arrested is a person or a band arrested: "X was arrested in Goma"
    if v.dep_ == "advcl" and not any(c.dep_ in lx.SUBJECT for c in v.children):
        # "Arrested in Goma last week, a trader is suspected of ...": the main clause's subject was caught
        return any(c.dep_ in lx.SUBJECT and is_word(c, PERSON_NOUNS | PLACEHOLDERS) for c in v.head.children)
    return any(c.dep_ in lx.OBJECT | lx.PASSIVE_SUBJECT and is_word(c, PERSON_NOUNS | PLACEHOLDERS) for c in v.children)


def in_enforcer_phrase(t: Token, m: Token) -> bool:
    """The place qualifies who tried, charged or reported ("le tribunal de Bukavu a condamné X pour trafic",
    "Police in Goma arrested X for smuggling gold"), the activity standing outside that phrase: the
    court's seat, not the trade's. Who seized the goods is where they were ("Police in Kano seized")."""
    for a in ancestors_and_self(t):
        if a.dep_ in lx.SUBJECT and a.head.i != a.i:
            v = a.head
            return (is_word(v, lx.REPORT_VERBS) or charged_with(v, m)) and m.i not in {w.i for w in a.subtree}
    return False


# What enforcers do with people and goods after they stop them: "intercepted the boats ... and returned
# them to a detention centre in Tripoli", "a saisi ... et remis les suspects à la police de Dakar".
_AFTERWARDS = frozenset({"return", "repatriate", "deport", "release", "free", "rapatrier", "refouler", "reconduire",
                         "libérer", "relâcher", "expulser",
                         # what was seized handed on: "seized the gold and sent it to Kinshasa for analysis"
                         "send", "transfer", "hand", "envoyer", "transférer", "remettre", "confier"})


def taken_afterwards(t: Token, m: Token) -> bool:
    """The place hangs on what an enforcer did afterwards (a verb conjoined to its seizure), not on the
    activity: where the migrants were returned to is no place of their smuggling."""
    for a in ancestors_and_self(t):
        if a.i == m.i or any(w.i == m.i for w in a.children):
            return False
        if a.dep_ == "conj" and is_word(a, _AFTERWARDS) and is_word(a.head, lx.ENFORCE_VERBS):
            return m.i not in {w.i for w in a.subtree}
    return False


def unless_elsewhere(spans: list[Span], m: Token) -> list[Span]:
    """A person's arrest place gives way to any other place of the sentence ("a
    national arrested in Lubumbashi is accused of buying cobalt from sites in Kipushi")."""
    kept = [p for p in spans if not person_arrest_place(p.root, m)]
    return kept or spans


# The goods on whoever was caught: "interpellés à Douala en possession de 700 kilos d'écailles",
# "arrested at the airport with 6 kg of heroin", "stopped carrying 40 tusks".
_POSSESSION = frozenset({"possession", "with", "avec", "carrying", "transportant", "détenant"})


# What stands between the goods and "with": a quantity or a container, not "documents on arms trafficking".
_AMOUNTS = lx.QUANTITY_NOUNS | frozenset({"of", "de", "d'"})


def caught_with(v: Token, m: Token) -> bool:
    """Whoever was arrested or stopped with the goods on them takes part in their trade ("X was arrested at
    the airport with 6 kg of heroin", "Police arrested X at the airport with 6 kg of heroin")."""
    if not is_word(v, lx.ENFORCE_VERBS) or is_word(v, lx.ESCORT):
        return False
    between = []
    for a in m.ancestors:
        if a.i == v.i:
            return False
        if low(a) in _POSSESSION:
            return all(low(t) in _AMOUNTS or t.like_num for t in between) and any(x.i == v.i for x in a.ancestors)
        between.append(a)
    return False


def searching_for(v: Token) -> bool:
    # "dissidents searched for new cocaine routes": looking for something, not a search by police
    return is_word(v, {"search"}) and any(low(c) == "for" for c in v.children)
