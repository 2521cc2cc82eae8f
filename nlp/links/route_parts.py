"""A place's part of the route (origin, transit, destination or site), read from its preposition and
the noun it qualifies: "the mines of Rubaya" is a site, "sent to the markets of Maiduguri" a destination,
"on the road to Saint-Marc" transit."""

from __future__ import annotations

from spacy.tokens import Token

from ocwatch.nlp import config
from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.tree import clause_head, in_event, is_word, low, prep_of

# Words that make "de" locative: "près de Baalbek", "au large de Lagos", "au nord de Goma", "aux abords de
# Bunia" say where, not whence (the medium French model hangs "près" on the verb, leaving "de" alone).
_NEAR = frozenset({"près", "proche", "loin", "autour", "auprès", "large", "nord", "sud", "ouest", "abords",
                   "environs", "alentours", "portes"})


def before_de(t: Token) -> Token | None:
    """The word before the French "de" that introduces a noun ("près de Baalbek" -> près, "auprès de soldats" ->
    auprès), which the small French model may hang elsewhere."""
    case = next((c for c in t.children if c.dep_ == "case"), None)
    if case is None or low(case) not in lx.FRENCH_OF or case.i == 0:
        return None
    return t.doc[case.i - 1]


def _near_de(t: Token) -> bool:
    before = before_de(t)
    if before is None:
        return False
    east = before.lower_ == "est" and before.i > 0 and t.doc[before.i - 1].lower_ in ("l'", "l’")  # "à l'est de"
    return before.lower_ in _NEAR or east


def place_role(t: Token) -> str:
    if _near_de(t):
        return "site"
    prep, node = prep_of(t), t
    if not prep and t.head.i != t.i and t.dep_ in ("compound", "nmod"):
        node = t.head  # "le marché Dantokpa": the preposition of the noun the name qualifies
        prep = prep_of(node)
    if prep in ("of", "de", "d'", "du", "des") and node.head.pos_ in ("NOUN", "PROPN") and node.head.i != node.i \
            and node.head.lower_ != "provenance":  # "en provenance du parc Masoala" is where it came from
        # "the mines of Rubaya", "les mines de Rubaya"; but "sent to the markets of Maiduguri" goes there
        return "destination" if _goes_to(node.head) else "site"
    if prep == "of" and node.dep_ == "pobj" and _goes_to(node.head.head):
        return "destination"
    if prep in lx.ORIGIN or prep in ("du", "des"):  # "des fusils venus du Soudan"
        return "origin"
    if prep in lx.DESTINATION:
        # "on the road to Saint-Marc", "the road linking Afgooye to Baidoa": the road is the site
        return "transit" if _on_a_road(node) else "destination"
    if prep in lx.TRANSIT:
        return "transit"
    return "site"


_ROADS = frozenset({"road", "roads", "highway", "route", "routes", "axe", "axis", "track", "tracks", "piste", "pistes",
                    "corridor", "way", "stretch", "tronçon"})


_SITE_OR_PLACE = config.SITE_NOUNS | config.PLACE_NOUNS


def _goes_to(outer: Token) -> bool:
    """The noun a place qualifies is where the goods go: "sent to the markets of Maiduguri"."""
    return outer.lower_ in _SITE_OR_PLACE and outer.dep_ in ("pobj", "obl", "obl:arg", "nmod") \
        and prep_of(outer) in lx.DESTINATION and not _on_a_road(outer)


def _on_a_road(t: Token) -> bool:
    """The place ends a road named by where it leads: its preposition hangs on the road noun, directly or
    through the verb of a reduced clause ("the road linking Afgooye to Baidoa")."""
    prep = t.head if t.dep_ == "pobj" else next((c for c in t.children if c.dep_ == "case"), None)
    above = (t.head.head if t.dep_ == "pobj" else t.head) if prep is not None else None
    for _ in range(2):
        if above is None:
            return False
        if is_word(above, _ROADS):
            return True
        above = above.head if above.dep_ in ("acl", "relcl", "prep", "nmod", "conj") else None
    return False


def goods_route(noun: Token, m: Token) -> bool:
    """The road or route the goods go by, in the activity's clause: "Cocaine moves from Tumaco along a route
    controlled by X", "Timber is trucked from Yei to Kaya on a road run by X": who runs it takes part."""
    return noun.lower_ in _ROADS and noun.dep_ in ("pobj", "appos", "obl", "dobj", "obj") and \
        in_event(m, clause_head(noun))
