"""Market phrases with words in between, that no fixed phrase list can hold.

* a fee per vehicle or crossing, charged by whoever stops it: "charging up to
  2,000 gourdes per crossing", "perçoivent 2 000 francs congolais par moto";
  a levy on every vehicle: "a levy on every motorbike", "charges each motorbike", "collects 'zakat' on
  every lorry", "un péage sur chaque camion" (extortion). A price per kilo, a
  fare per trip or per passenger is a trade's price, not a toll: only passage
  units count; a tax is a state's as often as not, and is left out;
* a payment to armed men: "verser chaque semaine cinq grammes d'or aux miliciens",
  "paid a share of the catch to the militiamen" (extortion); not to "fighters" or
  "combattants", whom states pay to demobilise. "Pay X for protection"
  is left out until the link rules take the payee X as the participant: without
  it every such sentence gave a link with its actor lost (dev_f);
* a levy named as such on people or goods, taken by whoever holds them: "levied
  weekly 'contributions' on diggers", "collect levies from fishermen", "pay the
  group 'zakat'", "prélèvent la zakat sur les troupeaux", "prélever une taxe sur
  chaque tête de bétail"; a plain "tax" only per head of livestock, as a state's
  tax on every lorry or import is no levy; fees paid at checkpoints, and a payment
  "in exchange for their safety" / "en échange de leur sécurité";
* a charge per trip next to a checkpoint ("checkpoints where they charge drivers
  5,000 gourdes per trip"): a plain fare per trip stays out;
* a cut of the goods or from every payer: a fraction or a percentage taken ("takes a
  third of every gram", "perçoit 20 % de l'or"), a fee or a road tax taken from every
  vehicle ("took a further 'road tax' from every truck"; a plain tax "on every import"
  stays out), a sum demanded from each driver, trader or miner;
* data encrypted or locked for a ransom: "encrypted the patient records",
  "chiffré les serveurs de la mairie" (cyber-dependent crime).

One token Matcher on lower-case words, as nlp/sums.py does for demanded sums.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from ocwatch.nlp import config
from ocwatch.nlp.anchored import AnchoredMatcher
from ocwatch.nlp.sums import (
    ENTITY as EXTORTION,  # one id for the extortion activity, as sums.py spells it
)

CYBER = "activity:cybercrime"

_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "levy_verbs": ("charge", "charges", "charged", "charging", "collect", "collects", "collected", "collecting",
                       "levy", "levies", "levied", "levying", "take", "takes", "took", "taking", "exact", "exacts",
                       "impose", "imposes", "imposed", "imposing", "extract", "extracts", "demand", "demands",
                       "demanded", "demanding"),
        "levy_nouns": ("levy", "levies", "toll", "tolls", "zakat"),
        # charging a vehicle itself, with no sum said ("charges each motorbike"; not "takes every car across")
        "charge_verbs": ("charge", "charges", "charged", "charging", "levy", "levies", "levied", "taxed", "taxing",
                         "exact", "exacts"),
        "per": ("per", "a", "for", "on", "from"), "every": ("every", "each"),
        "units": ("crossing", "crossings", "vehicle", "vehicles", "lorry", "lorries", "truck", "trucks",
                  "motorbike", "motorbikes", "motorcycle", "motorcycles", "bus", "buses", "car", "cars", "boat",
                  "boats", "canoe", "canoes", "passage", "convoy", "convoys", "minibus", "taxi"),
        "pay": ("pay", "pays", "paid", "paying", "payment", "payments"), "to": ("to",), "det": ("the", "their", "local"),
        "armed": ("militiamen", "militia", "militias", "rebels", "gunmen", "insurgents", "gangs", "jihadists",
                  "militants", "armed"),
        "named_levies": ("contributions", "contribution", "levies", "zakat"),
        "heads": ("head", "animal", "cow", "goat", "sheep", "camel"),
        "from": ("on", "from"), "tax": ("tax", "taxes", "levy", "fee", "fees"),
        "fees": ("fees", "fee", "payments", "levies", "tolls", "bribes"), "at": ("at",),
        "posts": ("checkpoint", "checkpoints", "roadblock", "roadblocks", "barrier", "barriers"),
        "trip": ("trip", "trips", "journey", "run"),
        "exchange": ("exchange", "return"), "safety": ("safety", "security", "protection"),
        "a": ("a", "an"), "share": ("share", "cut", "percentage", "portion"), "of": ("of",),
        "fractions": ("third", "tenth", "fifth", "quarter", "twentieth"), "percent": ("%", "percent"),
        "payers": ("driver", "drivers", "trader", "traders", "motorist", "motorists", "passenger", "passengers",
                   "miner", "miners", "digger", "diggers", "herder", "herders", "fisherman", "fishermen",
                   "farmer", "farmers", "trucker", "truckers", "shopkeeper", "shopkeepers"),
        "sum_from": ("from",),
        "encrypt": ("encrypt", "encrypts", "encrypted", "encrypting"),
        "data": ("records", "files", "data", "servers", "systems", "computers", "databases", "network"),
    },
    "fr": {
        "levy_verbs": ("perçoivent", "perçoit", "percevoir", "percevaient", "prélèvent", "prélève", "prélever", "payer",
                       "prélevaient", "encaissent", "encaisse", "imposent", "impose", "exigent", "exige",
                       "imposant", "prélevant", "percevant", "lèvent", "lever", "imposé", "prélevé"),
        "levy_nouns": ("droit", "droits", "péage", "péages", "prélèvement", "prélèvements", "zakat"),
        "charge_verbs": ("taxent", "taxaient", "rançonnent", "rançonne", "perçoivent", "perçoit", "prélèvent",
                         "prélève"),
        "per": ("par", "pour", "sur"), "every": ("chaque",),
        "units": ("passage", "camion", "camions", "moto", "motos", "véhicule", "véhicules", "bus", "voiture",
                  "voitures", "pirogue", "pirogues", "barrière", "traversée", "convoi", "taxi-moto",
                  "minibus", "charrette"),
        "pay": ("verser", "versent", "verse", "versé", "versaient", "payer", "paient", "payent", "paie", "payé",
                "payaient", "remettre", "remettent", "versement", "paiement"),
        "to": ("aux", "à"), "det": ("des", "les", "ces", "leurs"),
        "armed": ("miliciens", "milices", "rebelles", "insurgés", "jihadistes", "djihadistes", "gangs", "bandits"),
        "named_levies": ("zakat", "contributions", "cotisations"),
        "heads": ("tête", "animal", "bête", "vache", "chèvre", "mouton", "chameau", "bœuf"),
        "from": ("sur", "auprès"), "tax": ("taxe", "taxes", "impôt", "redevance", "prélèvement"),
        "fees": ("frais", "droits", "paiements", "taxes"), "at": ("aux", "au"),
        "posts": ("barrage", "barrages", "barrière", "barrières", "checkpoint", "checkpoints", "postes"),
        "trip": ("trajet", "voyage", "rotation"),
        "exchange": ("échange",), "safety": ("sécurité", "protection"),
        "a": ("une",), "share": ("part", "partie", "quote-part", "pourcentage"), "of": ("de", "sur"),
        "fractions": ("tiers", "dixième", "cinquième", "quart", "vingtième"), "percent": ("%",),
        "make": ("fait", "font", "faisait", "faisaient", "faire"),
        "payers": ("migrants", "commerçants", "commerçantes", "chauffeurs", "transporteurs", "creuseurs",
                   "orpailleurs", "pêcheurs", "éleveurs", "habitants", "villageois", "passagers", "voyageurs",
                   "automobilistes", "motocyclistes", "camionneurs", "agriculteurs", "paysans", "producteurs",
                   "marchands", "vendeurs", "vendeuses", "exilés"),
        "encrypt": ("chiffré", "chiffrés", "chiffrer", "chiffrent", "crypté", "cryptés", "crypter"),
        "data": ("données", "fichiers", "serveurs", "systèmes", "ordinateurs", "dossiers", "réseau"),
    },
}


def one_of(words: tuple[str, ...], op: str = "") -> dict:
    """A Matcher token: one of these lower-case words (``op`` as the Matcher's)."""
    return {"LOWER": {"IN": list(words)}, **({"OP": op} if op else {})}


def cut_to_word(doc: Doc, matches: list[tuple[int, int, int]], words: frozenset[str]) -> list[tuple[int, int, int]]:
    """Each match cut to its first word in ``words`` (its verb), or to its first token: what is named in
    between keeps its own mention, and the verb's clause says who and where (nlp/exploitation.py,
    nlp/smuggling.py)."""
    out = []
    for key, start, end in matches:
        verb = next((i for i in range(start, end) if doc[i].lower_ in words), start)
        out.append((key, verb, verb + 1))
    return out


def in_quotes(t: Token) -> bool:
    """The word stands alone between quotes, as a scare-quoted cut does ("la « zakat »", "'taxes'"): a tax a
    state or a charity raises is not written so (nlp/laundering.py, nlp/links/levy.py)."""
    doc = t.doc
    return 0 < t.i < len(doc) - 1 and doc[t.i - 1].is_quote and doc[t.i + 1].is_quote


def in_sentence(doc: Doc, start: int, words: frozenset[str]) -> bool:
    """Whether the sentence of the token at ``start`` holds one of ``words`` (lower case): what a guarded
    match key's test reads (nlp/exploitation.py, nlp/laundering.py)."""
    return any(t.lower_ in words for t in doc[start].sent)


def kept_as(doc: Doc, matches: list[tuple[int, int, int]], key: str,
            conditions: dict[str, Callable[[Doc, int], bool]]) -> list[tuple[int, int, int]]:
    """Matches under a key of their own (one ``conditions`` names) kept only where its test of the
    match's start holds, then filed under ``key``, the market's: "held until relatives pay" only in a
    sentence about migrants and pay (nlp/exploitation.py, nlp/smuggling.py). Other matches pass as they are."""
    strings = doc.vocab.strings
    tests = {strings[name]: test for name, test in conditions.items()}
    market = strings[key]
    return [(market if k in tests else k, s, e) for k, s, e in matches if k not in tests or tests[k](doc, s)]


def gap(most: int) -> dict:
    # Up to ``most`` words, no sentence punctuation: "verser [chaque semaine cinq grammes d'or] aux miliciens".
    return {"IS_PUNCT": False, "OP": f"{{0,{most}}}"}


def _toll_patterns(w: dict[str, tuple[str, ...]]) -> list[list[dict]]:
    lead = {"LOWER": {"IN": sorted(config.SUM_LEAD_WORDS)}, "OP": "*"}
    number = {"LIKE_NUM": True, "OP": "+"}
    per = [one_of(w["per"]), one_of(w["every"], "?"), one_of(w["units"])]
    money = [number, one_of(tuple(sorted(config.CURRENCY_WORDS))), {"IS_ALPHA": True, "OP": "?"}]
    sign = [one_of(tuple(sorted(config.CURRENCY_SIGNS))), number]
    quote = {"IS_QUOTE": True, "OP": "?"}
    # "charges each motorbike carrying ore 5,000 francs", "prélève sur chaque camion": the unit is the toll's
    each = [one_of(w["charge_verbs"]), one_of(w["per"], "?"), one_of(w["every"]), one_of(w["units"])]
    return [[one_of(w["levy_verbs"]), lead, *money, *per], [one_of(w["levy_verbs"]), lead, *sign, *per], each,
            [one_of(w["levy_nouns"]), quote, one_of(w["per"]), one_of(w["every"]), one_of(w["units"])]]


def _payment_patterns(w: dict[str, tuple[str, ...]]) -> list[list[dict]]:
    return [[one_of(w["pay"]), gap(8), one_of(w["to"]), one_of(w["det"], "?"), one_of(w["armed"])]]


def _levy_patterns(w: dict[str, tuple[str, ...]]) -> list[list[dict]]:
    quote = {"IS_QUOTE": True, "OP": "?"}
    return [[one_of(w["levy_verbs"]), gap(3), quote, one_of(w["named_levies"]), quote, one_of(w["from"])],
            # a payee's name may hold a hyphen: "pay al-Shabaab 'zakat'"
            [one_of(w["pay"]), {"TEXT": {"NOT_IN": [".", ",", ";", ":"]}, "OP": "{0,4}"}, one_of(("zakat",))],
            [one_of(w["levy_verbs"]), gap(4), one_of(w["tax"]), one_of(w["per"]), one_of(w["every"]), one_of(w["heads"])],
            [one_of(w["pay"]), gap(2), one_of(w["fees"]), one_of(w["at"]), gap(1), one_of(w["posts"])],
            [one_of(w["pay"] + w["levy_verbs"]), gap(8), one_of(("in", "en")), one_of(w["exchange"]),
             one_of(("for", "de", "d'")), one_of(w["det"], "?"), one_of(("its", "leur", "sa", "their"), "?"),
             one_of(w["safety"])],
            # a share of every unit taken: "take a share of every gram", "prélèvent une part de chaque sac"
            [one_of(w["levy_verbs"]), gap(3), one_of(w["a"]), one_of(w["share"]), one_of(w["of"]),
             one_of(w["every"])],
            # a fraction or a percentage of the goods: "takes a third of every gram", "perçoit 20 % de l'or"
            [one_of(w["levy_verbs"]), gap(2), one_of(w["fractions"]), one_of(w["of"])],
            [one_of(w["levy_verbs"]), {"LIKE_NUM": True}, one_of(w["percent"]), one_of(w["of"])],
            # a fee taken from every one who passes: "took a further 'road tax' from every truck" (a plain tax
            # "on every import" is the state's)
            [one_of(w["levy_verbs"]), {"TEXT": {"NOT_IN": [".", ",", ";", ":"]}, "OP": "{0,4}"},
             one_of(w["fees"]), {"IS_QUOTE": True, "OP": "?"}, one_of(w["from"]), one_of(w["every"])],
            [one_of(w["levy_verbs"]), {"TEXT": {"NOT_IN": [".", ",", ";", ":"]}, "OP": "{0,4}"},
             one_of(("road", "route")), one_of(w["tax"]), {"IS_QUOTE": True, "OP": "?"}, one_of(w["from"]),
             one_of(w["every"])],
            # a sum demanded of every payer: "demand between 20,000 and 50,000 gourdes from each driver"
            *([[one_of(w["levy_verbs"]), {"LOWER": {"IN": sorted(config.SUM_LEAD_WORDS)}, "OP": "*"},
                {"LIKE_NUM": True, "OP": "+"}, one_of(("and", "to"), "?"), {"LIKE_NUM": True, "OP": "*"},
                one_of(tuple(sorted(config.CURRENCY_WORDS))),
                one_of(w["sum_from"]), one_of(w["every"]), one_of(w["payers"])]] if "sum_from" in w else [])]


def _made_to_pay(w: dict[str, tuple[str, ...]]) -> list[list[dict]]:
    # "fait payer les migrants et les commerçants", "prélèvent un droit d'accès": French only
    if "make" not in w:
        return []
    # made to pay by armed men ("la guérilla fait aussi payer les migrants", "les rebelles font payer les
    # commerçants"), not by a town hall; an access fee to mining sites, not to a park's tourists
    armed = one_of(tuple(sorted(_PAYEES)))
    return [[armed, one_of(w["make"]), gap(1), one_of(("payer",)), one_of(("les", "des", "aux", "chaque")),
             one_of(w["payers"])],
            [one_of(w["levy_verbs"]), gap(2), one_of(("droit", "droits")), one_of(("d'",)),
             one_of(("accès", "entrée")), one_of(("aux", "à", "au", "sur")), gap(1),
             one_of(("gisements", "gisement", "sites", "site", "puits", "mines", "mine", "chantiers", "chantier"))]]


def _checkpoint_trip(w: dict[str, tuple[str, ...]]) -> list[list[dict]]:
    # The fare is a toll only when the text puts it at a checkpoint: "checkpoints ... where they charge".
    number = {"LIKE_NUM": True, "OP": "+"}
    money = [number, one_of(tuple(sorted(config.CURRENCY_WORDS)))]
    return [[one_of(w["posts"]), gap(8), one_of(w["levy_verbs"]), gap(4), *money, one_of(w["per"]), one_of(w["trip"])]]


def phrases(vocab: Vocab, lang: str) -> AnchoredMatcher | None:
    """A Matcher of tolls, levies and payments to armed men (extortion) and of encrypted data (cyber)."""
    w = _WORDS.get(lang)
    if w is None:
        return None
    matcher = AnchoredMatcher(vocab)
    matcher.add(EXTORTION, [*_toll_patterns(w), *_payment_patterns(w), *_levy_patterns(w), *_checkpoint_trip(w),
                            *_made_to_pay(w)])
    matcher.add(CYBER, [[one_of(w["encrypt"]), gap(4), one_of(w["data"])]])
    return matcher


Match = tuple[int, int, int]


_POSTS = frozenset(w for lang in _WORDS.values() for w in lang["posts"])
_PAYEES = frozenset((*_WORDS["fr"]["armed"], "guérilla", "groupe", "gang", "milice", "combattants", "ils"))
_VERBS = frozenset(w for lang in _WORDS.values() for w in lang["levy_verbs"])


def _head_start(doc: Doc, start: int, end: int) -> int:
    # "checkpoints on Road 2 near X where they charge ...": the phrase starts at the verb, so the
    # road and the town inside the gap stay places; "pay al-Shabaab 'zakat'" is cut to "zakat",
    # so the payee stays an actor.
    if doc[end - 1].lower_ == "zakat":
        return end - 1
    if doc[start].lower_ in _PAYEES:  # "la guérilla fait payer": the payee stays out of the phrase
        return start + 1
    if doc[start].lower_ not in _POSTS:
        return start
    return next((i for i in range(start + 1, end) if doc[i].lower_ in _VERBS), start)


def before_names(doc: Doc, gapped: list[Match], names: list[Match]) -> list[Match]:
    """Gapped phrases cut before a commodity name inside them, so the name keeps its own mention:
    "versent cinq grammes d'or aux miliciens" is extortion and still names gold."""
    out = []
    for key, start, end in gapped:
        start = _head_start(doc, start, end)
        end = min((s for _, s, _ in names if start < s < end), default=end)
        out.append((key, start, end))
    return out
