"""Counterfeit goods named by the goods and a word for fake: "falsified antimalarial tablets",
"fake luxury handbags", "de faux antibiotiques", "fausses pièces détachées", "médicaments falsifiés".

reference/activities.csv holds the general words ("counterfeit goods", "contrefaçon"); reports name
the goods themselves, with an adjective of fakery before them or, in French, after. The goods are
the ones counterfeiters copy (medicines, branded wear, parts, spirits), so "fake news" or "fausses
déclarations" are not matched. One token Matcher on lower-case words, as nlp/exploitation.py.
"""

from __future__ import annotations

from spacy.vocab import Vocab

from ocwatch.nlp.anchored import AnchoredMatcher
from ocwatch.nlp.tolls import one_of

COUNTERFEITING = "activity:counterfeiting"

_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "fake": ("fake", "falsified", "forged", "knock-off", "knockoff", "imitation", "replica",
                 "bogus", "pirated", "copycat"),
        "goods": ("medicines", "medicine", "drugs", "pills", "tablets", "antibiotics", "antimalarials",
                  "antimalarial", "vaccines", "handbags", "bags", "watches", "perfume", "perfumes", "cosmetics",
                  "shoes", "trainers", "sneakers", "clothes", "clothing", "garments", "jerseys", "parts",
                  "pesticides", "spirits", "whisky", "vodka", "alcohol", "toys", "electronics", "phones",
                  "chargers", "batteries", "tyres", "brands", "labels", "logos", "lubricant", "lubricants",
                  "fertiliser", "fertilizer", "seeds", "milk"),
    },
    "fr": {
        "fake": ("faux", "fausses", "fausse", "falsifiés", "falsifiées", "falsifié", "falsifiée", "contrefaits",
                 "contrefaites", "imités", "imitées"),
        "goods": ("médicaments", "médicament", "antibiotiques", "antipaludiques", "antipaludéens", "comprimés",
                  "vaccins", "sacs", "montres", "parfums", "cosmétiques", "chaussures", "baskets", "vêtements",
                  "maillots", "pesticides", "alcools", "whisky", "vodka", "jouets", "téléphones",
                  "chargeurs", "batteries", "pneus", "marques", "étiquettes", "logos"),
    },
}


def phrases(vocab: Vocab, lang: str) -> AnchoredMatcher | None:
    """A Matcher of fakes named with their goods, or None for a language without words."""
    w = _WORDS.get(lang)
    if w is None:
        return None
    # describing words only ("antimalarial", "luxury"): no function word, so "fake news about vaccines" and
    # "fake passports and drugs" stay out
    describing = {"IS_ALPHA": True, "IS_TITLE": False, "IS_STOP": False, "OP": "{0,2}"}
    # or a brand: "fake Rolex watches", "replica Louis Vuitton handbags", "knock-off Samsung phones"
    brand = {"IS_ALPHA": True, "IS_TITLE": True, "IS_STOP": False, "OP": "{1,2}"}
    fake = [one_of(w["fake"])]
    knock_off = [one_of(("knock",)), one_of(("-",)), one_of(("off",))]  # "knock-off" is three tokens
    patterns = [[*f, describing, one_of(w["goods"])] for f in (fake, knock_off)] + \
               [[*f, brand, one_of(w["goods"])] for f in (fake, knock_off)]
    if lang == "fr":  # "fausses pièces détachées", not "fausses pièces d'identité"; "médicaments falsifiés"
        patterns += [[one_of(w["fake"]), one_of(("pièces",)), one_of(("détachées", "automobiles"))],
                     [one_of(w["goods"]), describing, one_of(w["fake"])],
                     # "pièces détachées de fausse marque", "des boîtes imitant des marques connues"
                     [one_of(("de",)), one_of(("fausse", "fausses")), one_of(("marque", "marques"))],
                     [one_of(("imitant", "imitent", "imitaient")), one_of(("des", "les", "la", "le"), "?"),
                      one_of(("marques", "marque", "emballages", "emballage", "logos"))]]
    matcher = AnchoredMatcher(vocab)
    matcher.add(COUNTERFEITING, patterns, greedy="LONGEST")
    return matcher
