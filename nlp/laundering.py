"""Money laundering told by the moving of criminal money, with words in between.

The fixed phrases of reference/activities.csv ("money laundering", "blanchiment")
miss the way panels and financial-intelligence units tell it: where the money
went. "The proceeds were routed to accounts in Dubai", "the stolen funds were
cashed out through brokers in Phnom Penh", "les fonds extorqués transitent par
des plateformes d'échange enregistrées à Tbilissi".

A sum moved into accounts, banks, wallets or brokers is laundering only in a
sentence that says the money is a crime's (takings, stolen, extorted, ransom,
illicit): aid agencies move funds to accounts too, and "the proceeds of the sale"
are a trader's. One token Matcher on lower-case words, as nlp/exploitation.py does
for trafficking; the mention is cut to the verb, so that its clause says where the
money went.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from ocwatch.nlp.anchored import AnchoredMatcher
from ocwatch.nlp.tolls import cut_to_word, gap, in_quotes, in_sentence, kept_as, one_of

LAUNDERING = "activity:money_laundering"
_MOVED = "criminal money moved"  # a match key of its own: kept only in a sentence that says the money is a crime's

_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "money": ("money", "funds", "proceeds", "takings", "payments", "cash", "loot", "ransom", "ransoms",
                  "profits", "earnings", "revenue", "revenues"),
        "moved": ("moved", "routed", "rerouted", "transferred", "wired", "funnelled", "funneled", "channelled",
                  "channeled", "cashed", "laundered", "deposited", "split", "move", "moves", "route", "routes",
                  "transfer", "transfers", "wire", "wires", "launder", "launders", "moving", "transferring",
                  "wiring", "routing", "channelling", "channeling", "laundering", "converts", "converted",
                  "converting", "invests", "invested", "investing"),
        "into": ("accounts", "account", "wallets", "wallet", "banks", "bank", "exchanges", "exchange", "brokers",
                 "hawala", "hawaladars", "agents", "platforms", "casinos", "casino", "bureaux", "bureaus",
                 "mixers", "mixing", "property", "properties", "hotels", "estate"),
    },
    "fr": {
        "money": ("fonds", "argent", "produits", "produit", "recettes", "paiements", "butin", "rançons", "rançon",
                  "bénéfices", "gains", "sommes", "revenus"),
        "moved": ("transitent", "transité", "transitait", "transitaient", "transféré", "transférés", "transférées",
                  "virés", "virées", "viré", "blanchis", "blanchi", "blanchie", "blanchies", "déposés", "déposé",
                  "transfèrent", "blanchissent", "recyclés", "recyclé", "placés", "placé", "transfère", "transférer",
                  "transférait", "transféraient", "vire", "virent", "virer", "blanchit", "blanchir", "blanchissait",
                  "blanchissaient", "investit", "investissent", "réinvestit", "réinvestissent"),
        "into": ("comptes", "compte", "banques", "banque", "plateformes", "portefeuilles", "bureaux", "hawala",
                 "agents", "casinos", "casino", "courtiers", "changeurs", "hôtels", "immobilier", "biens"),
    },
}
# What makes moved money a crime's: said in the same sentence, or the money is a band's ("the network's
# cash", "les profits du clan"), or it is "these funds" after a sentence of the cut they come from.
_CRIMINAL = frozenset({"takings", "stolen", "extorted", "extortion", "ransom", "ransoms", "illicit",
                       "illegal", "dirty", "embezzled", "laundered", "laundering", "fraud", "scam",
                       "scams", "smuggling", "smuggled", "trafficking", "trafficked", "loot", "looted", "criminal",
                       "volés", "volées", "extorqués", "extorquées", "extorsion", "rançon", "rançons", "illicites",
                       "illicite", "illégaux", "détourné", "détournée", "détournés", "détournées", "launders",
                       "blanchi", "blanchis", "blanchit", "blanchissait", "blanchiment", "fraude", "escroquerie",
                       "trafic", "contrebande", "butin", "pillés", "criminels", "criminelles"})


# Money recovered, not laundered: "ordered that the money be transferred into the accounts of the state
# treasury", "les fonds saisis ont été restitués aux victimes".
_RECOVERED = frozenset({"treasury", "trésor", "returned", "restituted", "restitués", "restituées", "repatriated",
                        "rapatriés", "confiscated", "confisqués", "seized", "saisis", "frozen", "gelés", "ordered",
                        "ordonné", "refunded", "remboursés"})


# Bands whose money is a crime's by what they are ("network", "group" and "organisation" are also charities').
_BANDS = frozenset({"cartel", "clan", "gang", "militia", "syndicate", "ring", "faction", "milice", "bande",
                    "mafia", "confraternity", "confraternité"})
# the money named again: "these funds", and "the money", "les fonds", "l'argent" (a definite refers back too)
_THESE = frozenset({"these", "those", "such", "ces", "ses", "leurs", "the", "les", "le", "la", "l'", "l’"})
_CUT_WORDS = frozenset({"taxes", "tax", "zakat", "fees", "levies", "taxe", "prélèvements", "droits", "ransom",
                        "ransoms", "rançon", "rançons"})


def phrases(vocab: Vocab, lang: str) -> AnchoredMatcher | None:
    """A Matcher of criminal money moved into accounts, or None for a language without words: the money
    named before its verb ("the proceeds were routed to") or after it ("transfèrent ces fonds par des
    bureaux de change", "moving the network's cash through hawaladars")."""
    w = _WORDS.get(lang)
    if w is None:
        return None
    matcher = AnchoredMatcher(vocab)
    matcher.add(_MOVED, [[one_of(w["money"]), gap(6), one_of(w["moved"]), gap(5), one_of(w["into"])],
                         [one_of(w["moved"]), gap(4), one_of(w["money"]), gap(6), one_of(w["into"])]])
    return matcher


_VERBS = frozenset(v for lang in _WORDS.values() for v in lang["moved"])


def _criminal(doc: Doc, start: int) -> bool:
    if in_sentence(doc, start, _RECOVERED):
        return False
    if in_sentence(doc, start, _CRIMINAL):
        return True
    sent = doc[start].sent
    money = [t for t in sent if t.lower_ in _MONEY]
    if any(_bands_money(t) for t in money):
        return True
    # the money named again refers back to the sentence before, where a report tells the crime ("...
    # laundering. The money transited through accounts in Monaco"); not further: three sentences let a
    # lawful payment told in between be laundered (the thirty-second session's review)
    before = doc[sent.start - 1].sent if sent.start > 0 else None
    return before is not None and any(t.lower_ in _CRIMINAL or _quoted_cut(t) for t in before) and any(
        doc[t.i - 1].lower_ in _THESE for t in money if t.i > 0)


def _quoted_cut(t: Token) -> bool:
    """A cut in scare quotes ("des « taxes » imposées aux pêcheurs"): a tax the state raises has none."""
    return t.lower_ in _CUT_WORDS and in_quotes(t)


_MONEY = frozenset(m for lang in _WORDS.values() for m in lang["money"])


def _bands_money(t: Token) -> bool:
    """"the network's cash", "its proceeds" of a band, "les profits du clan"."""
    doc = t.doc
    owner = [doc[i].lower_ for i in range(max(0, t.i - 3), t.i)]
    after = [doc[i].lower_ for i in range(t.i + 1, min(len(doc), t.i + 4))]
    return ("'s" in owner and any(w in _BANDS for w in owner)) or (
        bool(after) and after[0] in ("du", "de", "of") and any(w in _BANDS for w in after[1:]))


def at_verb(doc: Doc, matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Each match of criminal money cut to its verb ("routed", "transitent")."""
    return cut_to_word(doc, kept_as(doc, matches, LAUNDERING, {_MOVED: _criminal}), _VERBS)
