"""The people a trafficking or smuggling story is about, named again in a sentence that names no market.

"Forced into prostitution in Kéniéba ... The women had been brought overland from Cúcuta through Peru",
"Les victimes sont recrutées dans l'État d'Edo et acheminées par car via Cotonou", "ils avaient été recrutés
à Ouangolodougou par un intermédiaire", "moving victims to brothels in Mumbai": the victims' route and where
they were recruited are the trade's places, as "the drugs" carry a drug trade on (named_again.py). Only what
is done to them in the trade counts: recruited, moved, sold, held, exploited; not rescued, freed, treated or
interviewed, nor anything the police or a shelter did.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any, Protocol

from spacy.tokens import Doc, Span, Token

from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.bands import TRADE_MEMBERS
from ocwatch.nlp.links.mask import PLACEHOLDERS
from ocwatch.nlp.links.tree import is_word, low

Row = dict[str, Any]
PEOPLE_MARKETS = frozenset({"human_trafficking", "human_smuggling"})


class Memory(Protocol):
    """What these rules read of the paragraph's memory (coref.Memory): the markets it named."""

    markets: list[Row]


# The people a trafficking or smuggling story is about, named again: "The women were recruited in Maracaibo".
VICTIM_NOUNS = frozenset({"women", "girls", "children", "boys", "victims", "migrants", "workers", "passengers",
                          "femmes", "filles", "enfants", "victimes", "travailleurs", "passagers", "jeunes"})
# ... and, when something done to them in the trade is said of them, more of their names and their pronouns
# (not "mineurs": miners as often as minors)
_MORE_VICTIMS = frozenset({"teenagers", "minors", "exilés", "ouvriers", "mineures", "adolescentes", "adolescents",
                           "garçons", "fillettes"})
_PASSIVE_PRONOUNS = frozenset({"they", "ils", "elles"})
_OBJECT_PRONOUNS = frozenset({"them", "les", "leur"})
# "Some of the victims had been recruited in Yangon", "Plusieurs des femmes": the part stands for the victims
# (not "none of the women").
_PART_OF = frozenset({"some", "many", "most", "several", "all", "one", "two", "three", "dozens", "hundreds",
                      "plusieurs", "certaines", "certains", "beaucoup", "dizaines", "centaines", "plupart"})
# What is done to them in the trade: recruited, moved, sold, held, made to work.
_TRADE_DONE = frozenset({
    "recruit", "lure", "traffic", "smuggle", "bring", "take", "move", "transport", "ferry", "drive", "convoy",
    "send", "ship", "transfer", "sell", "resell", "buy", "hold", "keep", "lock", "confine", "exploit", "force",
    "carry", "route", "deliver", "transit",
    "recruter", "attirer", "amener", "emmener", "transporter", "acheminer", "convoyer", "conduire", "envoyer",
    "transférer", "vendre", "revendre", "acheter", "séquestrer", "enfermer", "retenir", "exploiter", "contraindre",
    "forcer", "livrer", "transiter", "embarquer",
    # the small French model's forms it does not lemmatise
    "recrutées", "recrutés", "recrutée", "recruté", "acheminées", "acheminés", "convoyées", "convoyés",
    "conduites", "conduits", "emmenées", "emmenés", "vendues", "vendus", "séquestrées", "séquestrés"})
# ... of which these make it trafficking, not smuggling: a smuggling story's migrants "recruited" are no victims
# of a smuggling at that place ("recrute des jeunes femmes à Renk" after smugglers' fares); smugglers hold and
# move migrants as traffickers do ("had kept them in a farmhouse outside Sabratha").
_RECRUIT_OR_EXPLOIT = frozenset({"recruit", "lure", "sell", "resell", "buy", "exploit", "force", "recruter", "attirer",
                                 "vendre", "revendre", "acheter", "exploiter", "contraindre", "forcer", "recrutées",
                                 "recrutés", "recrutée", "recruté", "vendues", "vendus"})
_TRAFFICKING = "human_trafficking"
# A pronoun in a passive refers to the victims only under a verb that is done to victims alone: "They were
# recruited in Kumasi", not "They were transferred to Abuja" of traffickers just arrested (nor "bought").
_ONLY_TO_VICTIMS = _RECRUIT_OR_EXPLOIT - {"buy", "acheter"} | {"traffic", "transit", "transiter"}
# ... of which these are said of the victims as subjects of an active verb: "elles transitent par la Roumanie"
_THEY_GO = frozenset({"transit", "transiter", "transitent", "transité"})
# A sentence about their rescue, their care, the coast guard, an arrest or a prison: "were taken to a shelter in
# Agadez", "a reception centre in Pozzallo", "freed", "conduits au centre de rétention de Pamandzi", "sent to
# Belmarsh prison" (of smugglers convicted).
_CARE = frozenset({"hospital", "shelter", "shelters", "detention", "custody", "rescued", "freed", "released",
                   "repatriated", "returned", "hôpital", "refuge", "foyer", "libérés", "libérées", "secourus", "secourues",
                   "rapatriés", "rapatriées", "accueillis", "accueillies", "interpellés", "arrêtés", "arrested",
                   "detained", "rétention", "retention", "reception", "accueil", "prison", "prisons", "jail",
                   "court", "tribunal", "commissariat",
                   # moved by those who stop them: "taken by the coast guard to Pozzallo"
                   "coastguard", "coastguards", "garde-côtes", "gardes-côtes"})

_NOUNS = sorted(VICTIM_NOUNS | _MORE_VICTIMS)
# A reason to parse a sentence with no market (select.py): the victims' names, a passive pronoun, or "les"/"them"
# after a word and before a verb of the trade.
# ("les faits" is no "les fait"; "les ont conduites" is)
VICTIMS_CUE = re.compile(
    r"\b(" + "|".join(_NOUNS) + r")\b|\b(they|ils|elles)\s+(\w+\s+){0,2}(been|été|were|are|sont|étaient)\b|\bthem\b|"
    r"\bles\s+((ont|avaient|a|avait)\s+)?((fait|font|faisait|faisaient)\b|emmèn|emmen|conduis|conduit|transport|"
    r"achemin|vend|revend|exploit|recrut|envoi|envoy|séquestr|enferm|livr|convoi|convoy)", re.I)
# Who moves people without trafficking them: the police, soldiers, rescuers, aid and social workers.
STOPPERS = frozenset({"police", "officers", "gendarmes", "policiers", "soldiers", "soldats", "militaires", "navy",
                      "coastguard", "rescuers", "volunteers", "bénévoles", "sauveteurs", "authorities", "autorités",
                      "officials", "agents", "ngo", "ong", "unhcr", "iom", "oim", "hcr"})
_HELPING = frozenset({"social", "aid", "humanitarian", "humanitaires", "sociaux"})
# A verb of enforcement the victims' verb hangs on ("a intercepté un minibus qui transportait onze garçons", "has
# been charged along with two men who recruited the women"); not a fare "charging 400,000 CFA francs a seat".
_ENFORCING = lx.ENFORCE_VERBS - {"charge"} | {"charged"}


def victims_named_again(subject: Token | None, market: Span, memory: Memory, market_row: Row | None) -> bool:
    """"X forced Venezuelan women into prostitution. The women were recruited in Maracaibo": the victims
    named again as the subject of a passive with no agent were moved by whoever traffics them."""
    if subject is None or market_row is None or market_row.get("market") not in PEOPLE_MARKETS:
        return False
    if subject.dep_ not in lx.PASSIVE_SUBJECT or low(subject) not in VICTIM_NOUNS:
        return False
    if not any(low(c) in lx.DEMONSTRATIVES for c in subject.children):
        return False
    if any(c.dep_ in ("agent", "obl:agent") for c in subject.head.children):
        return False
    return any(m.get("market") == market_row.get("market") for m in memory.markets)


def victims_moved_again(doc: Doc, memory: Memory) -> list[tuple[Row, Span]]:
    """The paragraph's last trafficking or smuggling, at the victims a sentence with no market names as
    undergoing the trade: each people market of the last sentence that named one."""
    people = [m for m in memory.markets if m.get("market") in PEOPLE_MARKETS and not _a_title(m.get("surface", ""))]
    if not people or _about_care(doc):
        return []
    word = next((t for t in doc if _done_to(t) and not _under_enforcement(t)), None)
    if word is None:
        return []
    last = people[-1]["sent_idx"]
    seen: dict[str, Row] = {}
    for m in people:
        if m["sent_idx"] == last:
            seen.setdefault(m["market"], m)
    if any(is_word(v, _RECRUIT_OR_EXPLOIT) for v in _verbs(word)):
        seen = {k: m for k, m in seen.items() if k == _TRAFFICKING}
    at = _standing(word)
    return [(m, doc[at.i: at.i + 1]) for m in seen.values()]


def _about_care(doc: Doc) -> bool:
    """The sentence is about the victims' rescue, care or custody, or the coast guard."""
    words = [low(t) for t in doc]
    return any(w in _CARE for w in words) or any(
        a == "coast" and b in ("guard", "guards") for a, b in pairwise(words))


def _under_enforcement(t: Token) -> bool:
    """The victims' verb is, or hangs on, a verb of enforcement: "a intercepté un minibus qui transportait onze
    garçons", "has been charged along with two men who recruited the women" (not "confisquait leurs passeports",
    a verb of the trade beside it)."""
    return any(v.pos_ in ("VERB", "AUX") and is_word(v, _ENFORCING) for v in (t.head, *t.head.ancestors))


def _verbs(t: Token) -> tuple[Token, ...]:
    """The verb the victims hang on and the verbs conjoined to it ("recrutées ... et acheminées", "logés dans
    des hangars puis transportés")."""
    v = t.head
    return (v, *(c for c in v.children if c.dep_ == "conj"), *((v.head,) if v.dep_ == "conj" else ()))


def moved_by_unnamed(t: Token) -> bool:
    """The victims named again at ``t`` were moved by somebody the sentence names only by a noun: "recrutées
    à Bangkok par des agences", "two men who recruited the women": no doer from the paragraph (paragraph.py)."""
    if low(t) not in VICTIM_NOUNS | _MORE_VICTIMS | _PASSIVE_PRONOUNS | _OBJECT_PRONOUNS | _PART_OF:
        return False
    v = t.head
    if t.dep_ in lx.PASSIVE_SUBJECT:
        doers = [g for c in v.children if c.dep_ in ("agent", "obl:agent") for g in (c, *c.children)
                 if g.pos_ in ("NOUN", "PROPN")]
    elif t.dep_ in lx.OBJECT:
        doers = [c for c in v.children if c.dep_ in lx.SUBJECT and c.pos_ in ("NOUN", "PROPN")]
        if v.dep_ in lx.RELATIVE and any(c.dep_ in lx.SUBJECT and c.pos_ == "PRON" for c in v.children):
            doers.append(v.head)  # "two men who recruited the women"
    else:
        return False
    # "Le réseau qui les exploite, dirigé par [X], les fait transiter": a band its leader's name stands for
    return bool(doers) and not any(low(g) in PLACEHOLDERS for d in doers for g in d.subtree)


# Words a name may hold in lower case: "Office Against Trafficking", "Comité contre la traite".
_FUNCTION_WORDS = frozenset({"against", "with", "from", "into", "pour", "contre", "avec", "dans", "sans", "entre"})


def _a_title(surface: str) -> bool:
    """The market's words are a name's ("the Global Irregular Migration and Trafficking in Persons regime", "the
    Anti-Trafficking Unit"): two capitalised words or more, none in lower case but short function words."""
    words = [re.sub(r"^[dl]['’]", "", w) for w in re.findall(r"[^\W\d_][\w'’-]*", surface)]
    words = [w for w in words if len(w) > 3 and w.lower() not in _FUNCTION_WORDS]
    return len(words) >= 2 and all(w[0].isupper() for w in words)



def _standing(word: Token) -> Token:
    """The word that stands in the clause for the victims: "Some" of "Some of the victims", else the word."""
    of = word.head
    if word.dep_ == "pobj" and low(of) == "of" and low(of.head) in _PART_OF:
        return of.head
    french = word.dep_ == "nmod" and low(of) in _PART_OF and any(low(c) in ("de", "des", "d'") for c in word.children)
    return of if french else word


def _done_to(word: Token) -> bool:
    """The victims, named or by a pronoun, undergo the trade's verb (or the verb it is conjoined to)."""
    w = low(word)
    noun = w in VICTIM_NOUNS | _MORE_VICTIMS and word.pos_ in ("NOUN", "PROPN", "ADJ")
    if not (noun or w in _PASSIVE_PRONOUNS | _OBJECT_PRONOUNS):
        return False
    t = _standing(word)
    v = t.head
    if not any(is_word(x, _TRADE_DONE) for x in _verbs(t)):
        return False
    if t.dep_ in lx.PASSIVE_SUBJECT:
        return noun or (w in _PASSIVE_PRONOUNS and (any(is_word(x, _ONLY_TO_VICTIMS) for x in _verbs(t))
                                                    or _by_the_trade(v)))
    if t.dep_ in lx.SUBJECT:
        return is_word(v, _THEY_GO) and (noun or w in _PASSIVE_PRONOUNS)
    return t.dep_ in lx.OBJECT and (noun or w in _OBJECT_PRONOUNS) and not _moved_by_stoppers(v)


# The bands of the trade an agent may name (not "unit", "team", "équipe": the police have those too).
_BANDS = frozenset({"network", "networks", "réseau", "réseaux", "gang", "gangs", "ring", "rings", "syndicate",
                    "cartel", "filière", "filières", "bande", "bandes", "clan"})


def _by_the_trade(v: Token) -> bool:
    """The passive's agent is of the trade, so its subject is who they moved: "Elles sont envoyées à Lagos par des
    intermédiaires", "They were driven to the border by smugglers" (not "transferred to Abuja by police")."""
    agents = [c for c in v.children if c.dep_ in ("agent", "obl:agent")]
    if any(low(w) in STOPPERS or "trafficking" in low(w) or "traite" in low(w) for c in agents for w in c.subtree):
        return False  # "driven back to Benin City by an anti-trafficking unit"
    return any(low(g) in TRADE_MEMBERS | _BANDS for c in agents for g in (c, *c.children))


def _moved_by_stoppers(v: Token) -> bool:
    """"Officers took them to Abuja", "Social workers later drove the girls back to Cotonou": the verb's subject
    (or a relative clause's antecedent) is the police, soldiers, rescuers or aid workers."""
    subjects = [c for c in v.children if c.dep_ in lx.SUBJECT]
    if v.dep_ in lx.RELATIVE or v.dep_ == "acl":  # the French model hangs "les ont conduites" on "policiers"
        subjects.append(v.head)
    return any(low(d) in STOPPERS or any(low(c) in _HELPING for c in d.children) for d in subjects)
