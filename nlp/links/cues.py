"""Assertion status read on the words alone, for sentences the parser was not run on, and the
denials that dispute a sentence from the one after it (a short sentence of its own, which the
parse of the claim does not hold). The parse-based reading is nlp/links/status.py.
"""

from __future__ import annotations

import datetime as dt
import re

_LEX = {
    "disputed": re.compile(r"\b(den(y|ies|ied)|reject(s|ed)?|refute[sd]?|réfut\w*|dément\w*|démenti|ni(e|ent|é)|rejett?\w*)\b", re.I),
    "negated": re.compile(r"\b(not|n't|never|no longer|pas|jamais|aucune?|plus|halted|ceased|(has|have|had) stopped"
                          r"|(a|ont|avait|avaient) cessé|(est|sont) (suspendu|interrompu)e?s?)\b", re.I),
    # "may" lower-case only: "since May" is the month
    "hypothetical": re.compile(r"\b(if|could|might|would|(?-i:may)|si|pourr\w+|risque\w*|menace\w*)\b", re.I),
    # "a network once protected by X" (not "Once smuggled into Rwanda, the ore ...": a "when")
    "historical": re.compile(r"\b(used to|formerly|previously|autrefois|jadis|naguère|auparavant)\b"
                             r"|(?<=[a-z] )once \w+ed\b", re.I),
}


# The writer's own doubt about a claim it reports, in the writer's voice and pointing back at it: "is said to
# tax this flow, but we found no evidence that it does so", "; we found little evidence for this", "an
# attribution we consider unproven", "ce que nos recherches n'ont pas pu confirmer". Not another's doubt ("a
# claim Reuters could not verify"), nor one about something else ("his alibi", "un bilan non confirmé").
UNCONFIRMED = re.compile(
    r"\b(?:we|our\s+\w+)\s+(?:\w+\s+){0,2}(?:no|little|scant)\s+evidence\s+(?:for\s+(?:this|it)\b|of\s+(?:this|it)\b"
    r"|that\s+(?:it|they|he|she)\s+(?:does|do|did)\s+so)"
    r"|\b(?:an?\s+(?:attribution|claim|allegation|accusation))\s+(?:that\s+)?we\s+(?:\w+\s+){0,2}(?:unproven|"
    r"unverified|unsubstantiated|(?:could|can)\s*(?:not|n't)\s+(?:verify|confirm|corroborate))\b"
    r"|\bce\s+que\s+(?:nous|nos\s+\w+)\s+(?:\w+\s+){0,2}n'(?:avons|ont)\s+(?:pas\s+)?pu\s+(?:vérifier|confirmer|"
    r"corroborer)\b", re.I)
# Forward, at the clause it governs: "found no evidence that licensed pharmacies were involved" (what came
# before it stands; status.py reads it up to a "but", an "although", a ";" or a ", and").
NO_EVIDENCE_THAT = re.compile(r"\b(?:(?:no|little|scant)\s+evidence\s+that|aucune\s+preuve\s+(?:que|qu'))", re.I)
_CLAIM = re.compile(r"\b(accus\w*|alleg\w*|charges?|claims?|allégations?|affirmations?)\b", re.I)


# What a denial of one's own part in a trade names: "toute activité économique", "any role", "tout lien",
# "toute taxation illégale", "les faits", "any knowledge of the cargo".
_OWN_PART = re.compile(r"\b(activit\w*|role|rôle|involvement|implication|participation|links?|liens?|trafic\w*|"
                       r"traffick\w*|smuggl\w*|trade|commerce|contrebande|wrongdoing|tax\w*|racket\w*|extor\w*|"
                       r"faits|knowledge|connaissance|contenu|contents|cargaison|chargement|"
                       # being there, and the deliveries ("denied operating in the CAR", "nié toute livraison")
                       r"operat\w*|opér\w*|presence|présence|deliver\w*|livr\w*|launder\w*|blanchi\w*|"
                       # the deeds themselves, and the report that told them ("rejected the report")
                       r"b(?:uy|uys|ought)|s(?:ell|ells|old)|export\w*|import\w*|revenues?|profit\w*|"
                       r"production|achet\w*|achat\w*|vend\w*|revenus?|bénéfices?|reports?|rapports?)\b", re.I)

# An actor's own word that it had no part ("The RSF told the Panel that it draws no revenue from the trade",
# "said his firm had exported only cashew", "affirme n'acheter qu'à des coopératives agréées"): a say verb,
# then a negation or a restriction, in a short sentence that names a part in the trade.
_SAYS = re.compile(r"\b(said|says|told|insist\w*|maintain\w*|affirm\w*|assur\w*|déclar\w*|soutien\w*|"
                   r"expliqu\w*)\b", re.I)
_NO_PART = re.compile(r"\b(no|not|never|n't|aucune?|pas|jamais)\b"
                      # not knowing what one carried: "avoir loué le véhicule sans connaître son contenu"
                      r"|\b(?:without|sans)\s+(?:\w+\s+)?(?:know\w*|knew|conna\w*|sav\w*)\b", re.I)
# ... or a restriction: "only", "n'importe que", "n'achète qu'à"
_RESTRICTION = re.compile(r"\b(only|solely|exclusively|uniquement|seulement)\b|\bn['’]\w+\s+(?:\w+\s+){0,2}qu(?:e\b|['’])",
                          re.I)
# ... of lawfulness: "allowed by law", "licensed suppliers", "produits enregistrés", "distributeurs agréés"
_LAWFUL = re.compile(r"\b(legal\w*|lawful\w*|law|licen[cs]\w*|permit\w*|allowed|authori[sz]\w*|certified|registered|"
                     r"genuine|declared|compl(?:y|ies|ied)|conformes?|règle|"
                     r"légal\w*|licit\w*|agréé\w*|autoris\w*|enregistré\w*|permis|certifié\w*|déclaré\w*)\b", re.I)
# ... or all of its trade: "said all its purchases are legal", "toutes ses cargaisons étaient déclarées" (not all
# the ivory, all its drivers, staff or permits: a confession or another matter), with no word against the law
_ALL_TRADE = re.compile(r"\b(?:all|tous|toutes)\s+(?:(?:its|their|his|her|our|the|ses|leurs|nos|les)\s+)?(?:\w+\s+)?"
                        r"(?:purchases|goods|exports|imports|shipments|consignments|cargoes|products|sales|transactions|"
                        r"achats|marchandises|exportations|importations|cargaisons|produits|ventes)\b", re.I)
_AGAINST_LAW = re.compile(r"\b(without|sans|breach|violation|illegal\w*|illégal\w*|unlicen[cs]ed|revoked|révoqu\w*)\b", re.I)
# ... not a promise or a refusal to stop ("would not stop taxing", "ne renoncerait jamais"), nor an admission
# after a "but" ("produced no gold in 2023 but exports resumed")
_NOT_A_DENIAL = re.compile(r"\b(would|will|shall|stop|cease|renounce|give up|but|mais|however|cependant|cesser\w*|"
                           r"renonc\w*|arrêter\w*|\w+(?:rait|raient)|sera|seront|aura|auront|pourra|pourront|fera|"
                           r"feront)\b", re.I)


# A claim called false or dismissed: "an FPRC spokesman called the claims 'lies invented in Bangui'", "the PMF
# commission called the allegation baseless", "a qualifié ces accusations de mensonges", "dismissed the report".
_CLAIMS = (r"\s+(?:the|these|those|such|this|that|les|ces|cette|ses|leurs?)\s+(?:claims?|allegations?|accusations?|reports?|"
           r"charges?|allégations?|affirmations?)\b"
           # the claims against it, not "the claims of police brutality", "the reports of a truce" (French "de"
           # also says what they are called: "qualifié ces accusations de mensonges")
           r"(?!\s+(?:of|about|on|regarding|sur|concernant|(?:de|des|du|d'|d’)(?!\s*(?:mensong|fauss|infond|calomn|"
           r"sans fondement)))\b)")
_CALLED_FALSE = re.compile(
    r"\b(?:dismiss(?:ed|es)?|balay\w*)" + _CLAIMS + r"|\b(?:call(?:ed|s)?|qualifi\w*)" + _CLAIMS +
    r"\s+(?:as\s+|de\s+|d'|d’)?['\"‘“«]?\s*(?:baseless|lies?|false|unfounded|untrue|fabricat\w*|groundless|"
    r"mensong\w*|fausses?|infondée?s?|sans fondement|calomni\w*)", re.I)


def is_denial(text: str) -> bool:
    """A short sentence of denial: "Les FDLR ont nié dans un communiqué toute activité économique", "called
    the claims lies"."""
    return len(text.split()) <= 25 and bool(_LEX["disputed"].search(text) or _CALLED_FALSE.search(text))


_NEXT_CLAUSE = re.compile(r",\s+(?:and|but|et|mais)\b|;")


def denial_span(text: str) -> tuple[int, int] | None:
    """Where a sentence's denial runs, from its word of denial to the end of its clause ("The Border Guard
    Force denied any involvement, and the freed workers were handed to officers in Mae Sot")."""
    m = _LEX["disputed"].search(text)
    if m is None:
        return None
    end = _NEXT_CLAUSE.search(text, m.end())
    return m.start(), end.start() if end else len(text)


def denies_own_part(text: str) -> bool:
    """A short denial of a part in the trade or of a claim, not of anything ("The M23 rejected peace
    talks in Doha" disputes none of its taxes)."""
    return is_denial(text) and bool(_OWN_PART.search(text) or _CLAIM.search(text))


# An accusation the denial sentence makes itself, named by an indefinite noun before its denial:
# "Croatian police have been accused of pushing migrants back, an allegation Zagreb denies". A definite
# or demonstrative one refers back ("the alleged trafficking", "ce trafic", "these accusations").
_OWN_ACCUSATION = re.compile(r"\b(an? (?:allegation|accusation|charge|claim)|une (?:accusation|allégation)|"
                             r"des (?:accusations|allégations))\b", re.I)


def exculpates_self(text: str) -> bool:
    """A short sentence in which whoever speaks says it had no part: a denial without the word. A mere
    restriction ("only", "n'...que") exculpates only when it speaks of lawfulness ("exports only species
    allowed by law"), not of time or kind ("only began exporting last year", "only dried fins")."""
    says = _SAYS.search(text)
    if len(text.split()) > 30 or says is None or _NOT_A_DENIAL.search(text, says.end()):
        return False
    lawful = _LAWFUL.search(text, says.end())
    restricted = _RESTRICTION.search(text, says.end()) or (
        _ALL_TRADE.search(text, says.end()) and not _AGAINST_LAW.search(text, says.end()))
    if not (_NO_PART.search(text, says.end()) or (lawful and restricted)):
        return False
    # what it denies: a part in the trade, or its goods' lawfulness ("came from its legal concession and it had
    # never set foot in the reserve")
    return bool(_OWN_PART.search(text, says.end()) or lawful)


def denies_previous(text: str, following: str) -> bool:
    """A short sentence of denial after an accusation ("X accuse Y d'acheminer des armes. Y a toujours
    démenti.", "L'entreprise rejette ces accusations") disputes the sentence before it, unless what it
    denies is an accusation it makes itself."""
    if not is_denial(following):
        return False
    denial = _LEX["disputed"].search(following)
    own = _OWN_ACCUSATION.search(following)
    if own is not None and denial is not None and own.start() < denial.start():
        return False
    return bool(_CLAIM.search(following) or _CLAIM.search(text) or (
        len(following.split()) <= 8 and _BARE_DENIAL.search(following) and not _NOT_DENIED.search(following)))


# A short denial with nothing after its verb denies what was just said: "Les FDLR ont démenti.", "The company
# denies." (not "..., ce que son avocat dément catégoriquement", which denies its own sentence)
_BARE_DENIAL = re.compile(r"\b(?:den(?:y|ies|ied)|dément(?:ent)?|démenti|ni(?:e|ent|é))(?:\s+(?:it|this|cela|en bloc|"
                          r"formellement|fermement|strongly|firmly|categorically|catégoriquement))?\s*[.!]?\s*$", re.I)
# ... unless it is denied that it denies, or something was denied to someone ("The ADF did not deny.", "Le M23 n'a
# pas démenti.", "Bail was denied.")
_NOT_DENIED = re.compile(r"\b(?:not|n't|never|pas|jamais|was|were|been|été)\b", re.I)


# An earlier period named outright: "Until 2017 the mines were held by ...", "Jusqu'en 2019", a decade
# ("In the 1990s the movement's faction taxed ...", "Dans les années 2000, c'est X qui tenait cette
# filière"); not a report's year ("In the 2023 report, experts say").
_UNTIL_YEAR = re.compile(r"\b(?:until|till|jusqu'(?:en|à))\s+((?:19|20)\d\d)\b", re.I)
_DECADE = re.compile(r"\b(?:in the|during the)\s+((?:19|20)\d0)s\b|\b(?:dans|durant|pendant) les années\s+((?:19|20)\d0)\b",
                     re.I)


# A sentence that opens on a year two or more back tells of then ("En 2021, la même route avait été
# utilisée par ...", "In 2019, the group taxed ..."), as the parsed rule reads a past year.
_OPENING_YEAR = re.compile(r"^\W*(?:in|en|during|durant)\s+((?:19|20)\d\d)\b", re.I)


def _past_period(text: str, ref_year: int) -> bool:
    text = text.replace("’", "'")
    if any(int(m.group(1)) < ref_year for m in _UNTIL_YEAR.finditer(text)):
        return True
    opening = _OPENING_YEAR.match(text)
    if opening and int(opening.group(1)) <= ref_year - 2:
        return True
    return any(int(m.group(1) or m.group(2)) + 9 < ref_year for m in _DECADE.finditer(text))


def lexical_status(text: str, ref_year: int | None = None) -> str:
    """Status from cue words alone, for sentences the parser was not run on."""
    if UNCONFIRMED.search(text):
        return "disputed"
    for status, rx in _LEX.items():
        if rx.search(text):
            return status
    if _past_period(text, ref_year or dt.date.today().year):
        return "historical"
    return "asserted"
