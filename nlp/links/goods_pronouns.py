"""Goods a sentence names again by a pronoun alone: "The Cabo Norte network then trucks it to Johannesburg",
"the brothers ship them to Yemen by dhow", "des négociants le font passer au Soudan", "un grossiste en écoulerait
plusieurs tonnes vers Bouaké".

The sentence names no market, so no market word marks its clause; the pronoun is the paragraph's last goods when
it is the object of a verb that sends, sells or carries goods on (relay.py reads the same pronouns within one
sentence). The pronoun stands for the market as "the ore" does (named_again.py). Not read: a French clitic the
parser takes for an article before a noun ("la société les achemine vers Douala" comes out as "les achemine", a
noun phrase).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ocwatch.nlp.links import goods_words as gw
from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.arrest import nearest_verb
from ocwatch.nlp.links.tree import is_word, lemma, low, prep_of, subject_of
from ocwatch.nlp.links.victims_again import STOPPERS, VICTIM_NOUNS

_PRONOUNS = frozenset({"it", "them", "le", "la", "les", "l'", "en"})
_PLURAL = frozenset({"them", "les"})
# Verbs that send, sell or carry goods on; not "take", "drive", "bring", "conduire", "emmener", which take people
# ("police drove them to Kampala") as often as goods, nor "launder", "blanchir", whose "it" is money.
_SENT_ON = frozenset({"ship", "truck", "smuggle", "export", "re-export", "sell", "resell", "deliver", "transport",
                      "fly", "move", "send", "route", "traffic", "supply", "carry", "refine",
                      "acheminer", "transporter", "expédier", "exporter", "réexporter", "vendre", "revendre",
                      "écouler", "livrer", "convoyer", "envoyer", "transférer", "passer", "fournir"})
# The French model reads the partitive "en" of "en vendent à Abidjan" as an expletive or a bare dependent, and
# of "en écoule plusieurs tonnes" as an indirect object (or a preposition).
_EN_DEPS = frozenset({"expl:comp", "dep"})

# Who handles seized goods: those who move people without trafficking them (victims_again.py), customs,
# inquirers, the forces, rangers and the courts.
_STATE = STOPPERS | {"customs", "douane", "douanes", "douaniers", "investigators", "enquêteurs", "army", "military",
                     "troops", "marines", "gendarmerie", "rangers", "écogardes", "prosecutors", "parquet", "court",
                     "tribunal", "armée", "judge", "juge", "ministry", "ministère", "charity", "association"}
# Nouns before the pronoun that offer it no other antecedent: time, and the source of the words.
_TIME = frozenset({"year", "years", "month", "months", "week", "weeks", "day", "days", "night", "time", "times", "an",
                   "ans", "année", "années", "mois", "semaine", "semaines", "jour", "jours", "nuit", "fois"})
_SOURCE = frozenset({"according", "selon", "d'après"})
# What the state sends seized goods for: "flew it to Maputo for destruction", "sent it to its laboratory for
# testing", "l'a transportée à Thiès pour la détruire" (a named agency is masked, so its name says nothing).
_STATE_ENDS = frozenset({"destruction", "destroy", "evidence", "exhibit", "testing", "analysis", "incineration",
                         "incinerate", "burn", "détruire", "analyse", "expertise", "incinération", "incinérer",
                         "brûler", "scellés"})
# What an object before the pronoun names that the pronoun then stands for: a vehicle, a document, money, a site,
# a deed or people ("bought a speedboat and sent it to Dakar", "moves the money to Baidoa; it then sends it on").
_OTHER_THINGS = lx.CARRIER_NOUNS | VICTIM_NOUNS | lx.VIOLENCE_NOUNS | gw.MONEY | frozenset({
    "speedboat", "canoe", "vehicle", "car", "cars", "pickup", "voiture", "voitures", "véhicule",
    "certificate", "certificates", "permit", "permits", "licence", "license", "document", "documents", "papers",
    "passport", "passports", "certificat", "certificats", "permis", "passeport", "passeports",
    "mine", "mines", "concession", "concessions", "company", "firm", "société", "robbery", "operation",
    "couriers", "recruits", "men", "hommes", "recrues"})


def goods_pronoun(doc: Doc, goods: str) -> Token | None:
    """The first pronoun object of a verb that sends goods on, done by somebody other than the state; "them" and
    "les" only after goods named in the plural ("the network moves them" after gold is the men it recruited)."""
    plural = goods.lower().rstrip().endswith(("s", "x"))
    return next((t for t in doc if _sent_on(t) and (plural or low(t) not in _PLURAL) and not _named_before(t)),
                None)


def _sent_on(t: Token) -> bool:
    if not _object_pronoun(t):
        return False
    v = nearest_verb(t.head) if t.head.pos_ not in ("VERB", "AUX") else t.head
    if v is None or not is_word(v, _SENT_ON) or _not_sending(v):
        return False
    return not _seized(v) and not _by_the_state(v) and not any(low(w) in gw.LAWFUL for w in t.doc)


def _object_pronoun(t: Token) -> bool:
    if low(t) == "en":
        return t.dep_ in lx.OBJECT or (t.pos_ == "PRON" and t.dep_ in _EN_DEPS)
    return low(t) in _PRONOUNS and t.dep_ in lx.OBJECT and t.pos_ == "PRON"


def _not_sending(v: Token) -> bool:
    """"carried it out" is a deed done, "supplies them with fuel" supplies people, "le fait passer pour de
    l'étain légal" passes the goods off as others (cover.py)."""
    return any((c.dep_ == "prt" and low(c) == "out") or (c.dep_ == "prep" and low(c) == "with") or (
        lemma(v) == "passer" and prep_of(c) == "pour") for c in v.children)


def _seized(v: Token) -> bool:
    """"Police seized it and flew it to Kinshasa": the verb, or one it is conjoined to, is the state's; not
    "arrested two traders who had smuggled it to Goma", where they took it."""
    chain = [v]
    while chain[-1].dep_ in ("conj", "xcomp") and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return any(is_word(a, lx.ENFORCE_VERBS) for a in (*chain, *v.children))


def _by_the_state(v: Token) -> bool:
    """"customs officers sent it back to the laboratory", "the navy towed the boat and moved it", "They then
    flew it to Maputo for destruction": the state's handling of a seizure, by its subject (shared along a
    conjunction) or by what the goods are sent for."""
    s = subject_of(v)
    if s is not None and any(low(w) in _STATE for w in (s, *(c for c in s.children if c.dep_ == "compound"))):
        return True
    return any(low(w) in _STATE_ENDS or lemma(w) in _STATE_ENDS for w in v.subtree)


def _named_before(t: Token) -> bool:
    """Something else named before the pronoun that it may stand for: an object that names no goods ("bought a
    speedboat and sent it"), or any noun outside the sender's own phrase ("its owner later sold it" after the
    dhow, "Maize is grown in Tete, and cooperatives truck it"); not after goods named again ("had bought the
    scales from hunters and meant to ship them")."""
    before = t.doc[:t.i]
    if any(w.dep_ in ("dobj", "obj") and low(w) in _OTHER_THINGS for w in before):
        return True
    if any(low(w) in gw.COMMODITY_ANAPHORS for w in before):
        return False
    # the doer of another deed is no thing sent on ("Police said the network then trucks it", "Police arrested two
    # traders who had smuggled it"); what was done to is ("The dhow was built in Lamu; its owner later sold it")
    doers = _doers(t.head)
    return any(w.pos_ == "NOUN" and w.dep_ != "nsubj" and w.i not in doers and low(w) not in _TIME and not _sourced(w)
               for w in before)


def _doers(v: Token) -> set[int]:
    """The sender's own words: its subject, and the antecedent of "who" ("a trader, X, who ships them")."""
    doers = {w.i for c in v.children if c.dep_ in lx.SUBJECT for w in c.subtree}
    if v.dep_ in lx.RELATIVE:
        doers |= {w.i for w in v.head.subtree if w.i < v.i}
    return doers


def _sourced(w: Token) -> bool:
    """The noun names the source of the words: "Selon l'enquête", "according to the indictment"."""
    return any(low(a) in _SOURCE or any(low(c) in _SOURCE for c in a.children) for a in (w, *w.ancestors))
