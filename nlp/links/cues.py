"""Assertion status read on the words alone, for sentences the parser was not run on, and the
denials that dispute a sentence from the one after it (a short sentence of its own, which the
parse of the claim does not hold). The parse-based reading is nlp/links/status.py.
"""

from __future__ import annotations

import datetime as dt
import re

_LEX = {
    "disputed": re.compile(r"\b(den(y|ies|ied)|reject(s|ed)?|refute[sd]?|dément\w*|démenti|ni(e|ent|é)|rejett?\w*)\b", re.I),
    "negated": re.compile(r"\b(not|n't|never|no longer|pas|jamais|aucune?|plus|halted|ceased|(has|have|had) stopped"
                          r"|(a|ont|avait|avaient) cessé|(est|sont) (suspendu|interrompu)e?s?)\b", re.I),
    "hypothetical": re.compile(r"\b(if|could|might|would|may|si|pourr\w+|risque\w*|menace\w*)\b", re.I),
    # "a network once protected by X" (not "Once smuggled into Rwanda, the ore ...": a "when")
    "historical": re.compile(r"\b(used to|formerly|previously|autrefois|jadis|naguère|auparavant)\b"
                             r"|(?<=[a-z] )once \w+ed\b", re.I),
}


_CLAIM = re.compile(r"\b(accus\w*|alleg\w*|charges?|claims?|allégations?|affirmations?)\b", re.I)


def is_denial(text: str) -> bool:
    """A short sentence of denial: "Les FDLR ont nié dans un communiqué toute activité économique"."""
    return len(text.split()) <= 25 and bool(_LEX["disputed"].search(text))


def denies_previous(text: str, following: str) -> bool:
    """A short sentence of denial after an accusation ("X accuse Y d'acheminer des armes. Y a toujours
    démenti.", "L'entreprise rejette ces accusations") disputes the sentence before it."""
    if len(following.split()) > 25 or not _LEX["disputed"].search(following):
        return False
    return bool(_CLAIM.search(following) or _CLAIM.search(text))


# An earlier period named outright: "Until 2017 the mines were held by ...", "Jusqu'en 2019",
# "In the 1990s the movement's faction taxed ...", "Dans les années 2000, c'est X qui tenait cette filière".
_PAST_PERIOD = re.compile(r"\b(?:until|till|up to|jusqu'(?:en|à)|in the|during the|dans les années|durant les années"
                          r"|pendant les années)\s+((?:19|20)\d\d)(s?)\b", re.I)


def _past_period(text: str, ref_year: int) -> bool:
    for m in _PAST_PERIOD.finditer(text.replace("’", "'")):
        year = int(m.group(1))
        if year + (9 if m.group(2) or m.group(0).lower().startswith(("dans", "durant", "pendant")) else 0) < ref_year:
            return True
    return False


def lexical_status(text: str, ref_year: int | None = None) -> str:
    """Status from cue words alone, for sentences the parser was not run on."""
    for status, rx in _LEX.items():
        if rx.search(text):
            return status
    if _past_period(text, ref_year or dt.date.today().year):
        return "historical"
    return "asserted"
