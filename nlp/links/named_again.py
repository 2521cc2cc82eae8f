"""Goods and victims a sentence names again without naming their market: "the ore", "the drugs",
"les comprimés", "the scales" after pangolin scales, a weight a band sells ("le clan écoulait deux kilos
par semaine"), "the rifles were hidden in trucks", "the women were recruited in Maracaibo", goods named by
their pack ("the bales are flown out", "les bidons sont stockés à Mora") or their kind ("les animaux",
"the resin"). Each is of the goods the paragraph spoke of last (coref.Memory keeps them)."""

from __future__ import annotations

from typing import Any, Protocol

from spacy.tokens import Doc, Span, Token

from ocwatch.nlp.links import goods_words as gw
from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.goods_pronouns import goods_pronoun
from ocwatch.nlp.links.kinds import listed_band
from ocwatch.nlp.links.mask import PLACEHOLDERS
from ocwatch.nlp.links.relay import takes_goods_on
from ocwatch.nlp.links.tree import clause_head, is_word, low, prep_of
from ocwatch.nlp.links.victims_again import PEOPLE_MARKETS, victims_moved_again

Row = dict[str, Any]


class Memory(Protocol):
    """What these rules read of the paragraph's memory (coref.Memory): the markets it named, the last."""

    markets: list[Row]

    def last_market(self) -> Row | None: ...


def goods_named_again(subject: Token | None, market: Span, memory: Memory, market_row: Row | None) -> bool:
    """"X sold rifles to gangs in Accra. The rifles were hidden in trucks from Lomé": goods the paragraph
    has traded already, named again with "the" as the subject of a passive with no agent, are moved or
    hidden by whoever traded them; a new agent ("seized by police") or a new market starts a new story."""
    if subject is None or market_row is None or subject.i not in range(market.start, market.end):
        return False
    if subject.dep_ not in lx.PASSIVE_SUBJECT or not any(low(c) in lx.DEMONSTRATIVES for c in subject.children):
        return False
    if any(c.dep_ in ("agent", "obl:agent") for c in subject.head.children):
        return False
    return any(m.get("market") == market_row.get("market") for m in memory.markets)


# Money named again ("the money", "les fonds", "l'argent"), whole or in part ("much of the money").
_FINANCIAL = "financial_crimes"


def money_named_again(subject: Token | None, market: Span, memory: Memory, market_row: Row | None) -> bool:
    """"Al-Shabaab collected $150 million in 'zakat'. Much of the money is moved through hawala agents": the
    money of the paragraph's crime, named again with "the" as the subject of the verb that moves it, with
    no agent, is moved by whoever made it (nlp/laundering.py reads that it is a crime's money)."""
    if subject is None or market_row is None or market_row.get("market") != _FINANCIAL:
        return False
    if subject.head.i != market.root.i or subject.dep_ not in lx.SUBJECT:
        return False
    money = subject if low(subject) in gw.MONEY else next(
        (g for c in subject.children if c.dep_ in ("prep", "nmod") for g in (c, *c.children) if low(g) in gw.MONEY),
        None)
    if money is None or not any(low(c) in lx.DEMONSTRATIVES for c in money.children):
        return False
    # and only a band moves it: a bank that froze the accounts or a donor named since is no launderer (the review)
    last = memory.last_actor()
    return not any(c.dep_ in ("agent", "obl:agent") for c in subject.head.children) and last is not None \
        and listed_band(last)


# A weight sold or moved, with no goods named, is of the goods the paragraph spoke of last (lexicon.WEIGHTS).
_SELLING_BANDS = frozenset({"clan", "family", "famille", "gang", "network", "réseau", "cartel", "ring", "bande",
                            "cell", "cellule", "group", "groupe"})
_SOLD = frozenset({"sell", "vendre", "écouler", "revendre", "distribute", "distribuer", "supply", "fournir",
                   "ship", "smuggle", "move", "expédier", "acheminer", "import", "importer", "export", "exporter"})


def _weight_sold(t: Token) -> bool:
    # "jusqu'à deux kilos" is an oblique to the French model; "deux kilos d'or" names its own goods; only a
    # band sells the weight ("le clan", "the family"), not a federation's members or a paper mill
    return t.lower_ in gw.WEIGHTS and t.dep_ in lx.OBJECT | {"obl", "obl:mod"} and is_word(t.head, _SOLD) and not any(
        c.lower_ == "of" or any(g.dep_ == "case" and g.lower_ in lx.FRENCH_OF for g in c.children)
        for c in t.children if c.dep_ in ("prep", "nmod")) and any(
        c.dep_ in lx.SUBJECT and (c.lower_ in _SELLING_BANDS or c.lower_ in PLACEHOLDERS) for c in t.head.children)


def _bare(t: Token) -> bool:
    """"Shipments are concealed in banana containers": an English plural with no word before it in its
    phrase, nor goods of its own after it ("shipments of maize"), that a verb of the trade moves or hides.
    Not the port's traffic ("Shipments through San Pedro resumed", "Cargoes arriving at Port Sudan are
    checked") nor goods the sentence names as other ("carry only coffee", "limited to humanitarian aid")."""
    if t.lower_ not in gw.BARE_GOODS or any(c.i < t.i or low(c) in ("of", "from", "through") for c in t.children):
        return False
    if t.i > 0 and t.nbor(-1).is_alpha and t.nbor(-1).head.i == t.i:
        return False
    v = t.head
    return is_word(v, _MOVED) and t.dep_ in lx.SUBJECT | lx.PASSIVE_SUBJECT | lx.OBJECT and not any(
        low(w) in ("only", "limited", "humanitarian", "seulement") for w in t.doc)


# What goods named again bare are said to undergo: moved, hidden, sold.
_MOVED = frozenset({"conceal", "hide", "ship", "smuggle", "move", "truck", "fly", "transport", "load", "offload",
                    "unload", "land", "enter", "cross", "transit", "reach", "send", "export", "import", "traffic", "aggregate",
                    "collect", "stockpile",
                    "route", "divert", "repackage", "sell", "deliver", "store", "stash", "carry", "take", "leave"})


def markets_named_again(doc: Doc, memory: Memory) -> list[tuple[Row, Span]]:
    """"The ore", "le minerai" with no market named in the sentence: the paragraph's last market; "the
    drugs", "les marchandises" (a plural): every market of the last sentence that named one ("seized
    heroin and methamphetamine ... had the drugs loaded in Helmand")."""
    last = memory.last_market()
    if last is None:
        return []
    words = (t for t in doc if t.lower_ in gw.COMMODITY_ANAPHORS and t.pos_ in ("NOUN", "PROPN")
             and (any(c.lower_ in lx.DEMONSTRATIVES for c in t.children) or _bare(t)))
    for word in words:
        # "The sacks of cement hid the drugs": a word that names other goods gives way to the next
        found = _named_again_by(word, memory, last)
        if found:
            return found
    pronoun = goods_pronoun(doc, last.get("surface") or "")
    # "moves them through Turkey" after migrants, "re-exported it" after laundering: people or money, not goods;
    # after ivory and cannabis found together, "it" may be either
    if pronoun is not None and not any(m.get("market") in _NOT_PACKED for m in memory.markets) and len(
            {m.get("market") for m in memory.markets if m["sent_idx"] == last["sent_idx"]}) == 1:
        return [(last, doc[pronoun.i: pronoun.i + 1])]
    weight = next((t for t in doc if _weight_sold(t)), None)
    if weight is not None:
        return [(last, doc[weight.i: weight.i + 1])]
    return victims_moved_again(doc, memory)


class _Sentence:
    """This sentence's own goods, read as the memory the rules on goods named again read."""

    def __init__(self, markets: list[Row]) -> None:
        self.markets = markets

    def last_market(self) -> Row | None:
        return self.markets[-1] if self.markets else None


def goods_named_again_here(doc: Doc, goods: list[tuple[Row, Span]]) -> list[tuple[Row, Span]]:
    """"Methamphetamine found in Nadi had been bound for Australia, and that Justin Ho had stored the drug in
    a house in Legalega": goods named again with "the" in a clause of their own, after the sentence named
    them, are an activity of that clause. Each row is a copy, so the clause's actors get their own roles."""
    if any(low(w) in gw.LAWFUL for w in doc):
        return []  # nothing after a lawful sale ("vend légalement son coltan à Goma, et le minerai est exporté")
    heads = {clause_head(s.root).i for _, s in goods}
    out: list[tuple[Row, Span]] = []
    for word in doc:
        if word.lower_ not in gw.COMMODITY_ANAPHORS or word.pos_ not in ("NOUN", "PROPN") or not any(
                c.lower_ in lx.DEMONSTRATIVES for c in word.children):
            continue
        clause = clause_head(word)
        # goods words name no people, money or cut; a clause that sends the goods on after "and" or "then" is
        # relay.py's, with its limits (after a seizure, a cut, beside other goods)
        before = [m for m, s in goods if s.end <= word.i and m.get("market") not in _NOT_PACKED]
        if clause.i not in heads and before and not takes_goods_on(clause):
            out += [({**m}, span) for m, span in _named_again_by(word, _Sentence(before), before[-1])]
    return out


def _named_again_by(word: Token, memory: Memory, last: Row) -> list[tuple[Row, Span]]:
    span = word.doc[word.i: word.i + 1]
    if word.lower_ in gw.DRUG_WORDS:
        last = next((m for m in reversed(memory.markets) if m.get("market") in gw.DRUG_WORD_MARKETS), None)
        if last is None:
            return []
    if word.lower_ in _GEMS and _bare(word) and last.get("market") != "non_renewable_resource_crimes":
        return []
    if word.lower_ in gw.PARTS or word.lower_ in gw.GOODS_KINDS:
        return [(last, span)] if _part_or_kind_of(word, last) else []
    if word.lower_ in gw.PACKS and (_goods_of_its_own(word, _PACK_OWN) or not _traded(word)):
        return []  # "the sacks of maize", "les caisses de bière": other goods; "boxes distributed to victims"
    if "Plur" not in word.morph.get("Number"):
        return [(last, span)] if word.lower_ not in gw.PACKS or last["market"] not in _NOT_PACKED else []
    seen: dict[str, Row] = {}
    drugs_only = word.lower_ in gw.DRUG_WORDS
    for m in memory.markets:
        if m["sent_idx"] == last["sent_idx"] and (not drugs_only or m["market"] in gw.DRUG_WORD_MARKETS):
            seen.setdefault(m["market"], m)
    if word.lower_ in gw.PILL_WORDS and any(c.dep_ in ("compound", "nmod", "amod") for c in word.children):
        return []  # "les comprimés de paracétamol", "vitamin tablets": their own goods
    if word.lower_ in gw.PILL_WORDS and _SYNTHETIC in seen:
        return [(seen[_SYNTHETIC], span)]  # "the pills" after heroin and tramadol are the tramadol
    if word.lower_ in gw.PACKS:
        # a pack holds goods: "the bags were sold in Florence" after fake handbags made by trafficked workers
        # are the handbags, not the people nor their money
        return [(m, span) for m in seen.values() if m["market"] not in _NOT_PACKED]
    return [(m, span) for m in seen.values()]


def _part_or_kind_of(word: Token, last: Row) -> bool:
    """"the scales are believed to have come from Cameroon", "les cartouches sont écoulées": a part, a
    subject with no goods of its own, after goods of its market (not "the horns of their cattle", "retirent
    les écailles" of fish, "the cartons of medicines", "les peaux synthétiques", gems after opium); a kind
    ("the resin", "les animaux"), subject or object, under a verb of the trade ("sells the harvest to
    buyers", not "released the birds in Limbe", "drought ruined the harvest")."""
    if word.lower_ in gw.PARTS:
        own = _PART_OWN if word.lower_ in _NO_COMPOUND else _PART_OWN | {"compound"}  # "the swim bladders"
        return word.dep_ in lx.SUBJECT and not _goods_of_its_own(word, own) and \
            last.get("market") in gw.PARTS[word.lower_]
    return word.dep_ in lx.SUBJECT | lx.OBJECT and not _goods_of_its_own(word, _PACK_OWN) and _traded(word) \
        and last.get("market") in gw.GOODS_KINDS[word.lower_]


_SYNTHETIC = "synthetic_drug_trade"
_NOT_PACKED = frozenset({*PEOPLE_MARKETS, "financial_crimes", lx.EXTORTION})
# ... no compound before these: "weighing scales", "cattle horns"
_NO_COMPOUND = frozenset({"scales", "écailles", "horns", "cornes"})
# Bare "stones", "gems" ("Stones bought from the garimpeiros are smuggled") name gems again, not opium.
_GEMS = frozenset({"stones", "gems"})
# What a word may carry and still name no goods of its own: a part its article (and a compound: "the swim
# bladders"); a pack or a kind also an adjective or a number ("the dried meat", "40 sacks"), an apposition
# ("Les oiseaux, une espèce protégée"); each a participle or a relative clause with no object ("Les écailles,
# achetées à des chasseurs de Lomié"), not "containers carrying bananas", "sacs contenant du maïs".
_PART_OWN = frozenset({"det", "punct"})
_PACK_OWN = frozenset({"det", "punct", "amod", "advmod", "nummod", "appos", "compound"})
_DESCRIBING = frozenset({"acl", "acl:relcl", "relcl"})


def _goods_of_its_own(word: Token, own: frozenset[str]) -> bool:
    """"The horns of their cattle", "les sacs de maïs", "cattle horns": the word names goods of its own."""
    return any(c.dep_ not in own and not (c.dep_ in _DESCRIBING and not any(map(_held, c.children)))
               for c in word.children)


def _held(g: Token) -> bool:
    """What a describing clause says the word holds: "carrying bananas", "which held bananas", "contenant du
    maïs" (the French model's oblique with "du"); not "achetées à des chasseurs", "which copy the packaging"."""
    return is_word(g.head, _HOLD) and (g.dep_ in ("dobj", "obj") or (
        g.dep_ == "obl:arg" and prep_of(g) in lx.FRENCH_OF))


_HOLD = frozenset({"carry", "contain", "hold", "have", "hide", "conceal", "transport", "load", "contenir",
                   "transporter", "renfermer", "cacher", "dissimuler", "avoir", "charger"})


# What goods named by a pack or a kind undergo in the trade: moved, hidden, kept, bought, sold or seized.
_TRADE_VERBS = _MOVED | frozenset({
    "sell", "resell", "buy", "come", "arrive", "originate", "go", "head", "pass", "carry", "bring", "receive",
    "process", "keep", "find", "seize", "intercept", "end", "vendre", "revendre", "acheter", "écouler", "acheminer",
    "transporter", "exporter", "importer", "réexporter", "expédier", "stocker", "entreposer", "livrer", "provenir",
    "venir", "arriver", "partir", "repartir", "transiter", "passer", "franchir", "traverser", "collecter",
    "rassembler", "évacuer", "embarquer", "débarquer", "charger", "décharger", "cacher", "dissimuler", "introduire",
    "convoyer", "sortir", "quitter", "rejoindre", "gagner", "saisir", "intercepter", "trouver", "découvrir",
    "transférer", "stock", "warehouse", "destine", "destiner",
    # where wildlife was killed or caught, timber felled, a crop grown, goods made
    "kill", "slaughter", "poach", "shoot", "catch", "trap", "capture", "fell", "cut", "log", "grow", "cultivate",
    "harvest", "produce", "make", "refine", "abattre", "tuer", "braconner", "capturer", "chasser", "couper",
    "cultiver", "récolter", "produire", "fabriquer", "raffiner"})


def _traded(word: Token) -> bool:
    """As an object, the word's verb, the verb a modal hands it to or a participle on the word ("Les paquets
    destinés à l'Argentine") is one of the trade's: "released the birds in Limbe", "drought ruined the harvest"
    are not. As a subject, whatever is said of goods is of the trade unless it says they were cared for or
    given away ("the boxes were distributed to flood victims", "les animaux sont protégés dans le parc"), or
    only what they are like ("these products are popular in Accra")."""
    v = word.head
    if word.dep_ in lx.SUBJECT:
        said_to_be = any(c.dep_ in ("acomp", "attr") for c in v.children)  # English "are popular"
        return v.pos_ in ("VERB", "AUX") and not is_word(v, _CARED_FOR) and not said_to_be
    verbs = (v, *(c for c in v.children if c.dep_ == "xcomp"), *(c for c in word.children if c.dep_ == "acl"))
    return any(is_word(x, _TRADE_VERBS) for x in verbs)


_CARED_FOR = frozenset({"protect", "distribute", "donate", "release", "treat", "rescue", "return", "free",
                        "destroy", "burn", "protéger", "distribuer", "donner", "relâcher", "libérer", "soigner",
                        "sauver", "restituer", "détruire", "brûler", "incinérer"})
