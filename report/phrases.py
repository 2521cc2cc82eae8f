"""The pieces of a finding's sentence: what happens, where, against what is usual.

English noun phrases carry no article ("illicit gold trading"); French ones
carry theirs ("le commerce illicite d'or"), so ``de()`` and ``a()`` can make
the contractions ("du", "au", "d'") a French reader expects.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from ocwatch.report.i18n import country_name

MARKET_NP = {
    "en": {"human_trafficking": "human trafficking", "human_smuggling": "migrant smuggling",
           "extortion_and_protection_racketeering": "extortion and protection racketeering",
           "arms_trafficking": "arms trafficking", "trade_in_counterfeit_goods": "trade in counterfeit goods",
           "illicit_trade_in_excise_goods": "illicit trade in excise goods",
           "flora_crimes": "illegal logging and timber or charcoal trading",
           "fauna_crimes": "poaching and wildlife trafficking",
           "non_renewable_resource_crimes": "illicit mining and mineral trading",
           "heroin_trade": "heroin trafficking", "cocaine_trade": "cocaine trafficking",
           "cannabis_trade": "cannabis trafficking", "synthetic_drug_trade": "synthetic drug trafficking",
           "cyber_dependent_crimes": "cybercrime", "financial_crimes": "financial crime"},
    "fr": {"human_trafficking": "la traite des êtres humains", "human_smuggling": "le trafic de migrants",
           "extortion_and_protection_racketeering": "l'extorsion et le racket",
           "arms_trafficking": "le trafic d'armes", "trade_in_counterfeit_goods": "le commerce de contrefaçons",
           "illicit_trade_in_excise_goods": "le commerce illicite de produits soumis à accise",
           "flora_crimes": "l'exploitation et le commerce illicites de bois ou de charbon de bois",
           "fauna_crimes": "le braconnage et le trafic d'espèces sauvages",
           "non_renewable_resource_crimes": "l'exploitation et le commerce illicites de minerais",
           "heroin_trade": "le trafic d'héroïne", "cocaine_trade": "le trafic de cocaïne",
           "cannabis_trade": "le trafic de cannabis", "synthetic_drug_trade": "le trafic de drogues de synthèse",
           "cyber_dependent_crimes": "la cybercriminalité", "financial_crimes": "la criminalité financière"},
}
VOWELS = "aeiouyhâàéèêëîïôöûüœAEIOUYHÂÀÉÈÊËÎÏÔÖÛÜŒ"
# French countries taking "aux" (plural) or "au" although their name ends in -e.
FR_AUX = ("Émirats", "États", "Pays-Bas", "Philippines", "Comores", "Seychelles", "Maldives", "Bahamas", "Îles")
FR_AU_IN_E = ("Mexique", "Mozambique", "Cambodge", "Zimbabwe", "Belize", "Royaume-Uni")
EN_THE = ("Democratic", "Republic", "United", "Central African", "Dominican", "Netherlands", "Philippines",
          "Gambia", "Comoros", "Bahamas", "Czech", "Russian", "Syrian", "Lao", "Holy")


def _each(np: str, one: Callable[[str], str]) -> str:
    # "l'exploitation et le commerce" -> "de l'exploitation et du commerce": each article contracts
    return " et ".join(one(part) for part in np.split(" et "))


def _de(np: str) -> str:
    for article, joined in (("le ", "du "), ("les ", "des ")):
        if np.startswith(article):
            return joined + np[len(article):]
    return ("d'" if np[:1] in VOWELS and not np.startswith(("la ", "l'")) else "de ") + np


def _a(np: str) -> str:
    for article, joined in (("le ", "au "), ("les ", "aux ")):
        if np.startswith(article):
            return joined + np[len(article):]
    return "à " + np


def de(np: str) -> str:
    """'le commerce' -> 'du commerce', 'l'or' -> 'de l'or', 'or' -> 'd'or'."""
    return _each(np, _de) if np.startswith(("le ", "la ", "l'", "les ")) else _de(np)


def a(np: str) -> str:
    """'le commerce' -> 'au commerce', 'la traite' -> 'à la traite'."""
    return _each(np, _a) if np.startswith(("le ", "la ", "l'", "les ")) else _a(np)


def activity(lang: str, market: str, market_label: str, commodity: str | None, same_market: bool) -> str:
    """What happens: 'illicit gold trading' / 'le commerce illicite d'or' when the commodity belongs to
    the market, else the market's own phrase, with the commodity in brackets."""
    if commodity and same_market:
        name = commodity.lower()
        return f"illicit {name} trading" if lang == "en" else f"le commerce illicite {de(name)}"
    phrase = MARKET_NP[lang].get(market) or (market_label.lower() if lang == "en" else f"« {market_label} »")
    return f"{phrase} ({commodity.lower()})" if commodity else phrase


def country_in(lang: str, iso3: str | None) -> str:
    """'in the Democratic Republic of the Congo', 'en Ouganda', 'au Mali', 'aux Émirats arabes unis'."""
    name = country_name(iso3, lang)
    if lang == "en":
        return f"in the {name}" if name.startswith(EN_THE) else f"in {name}"
    if name.startswith(FR_AUX):
        return f"aux {name}"
    head = name.replace("-", " ").split(" ")[0]  # the head noun decides: "la République ...", "le Soudan du Sud"
    if name[:1] in VOWELS or (head.endswith("e") and not name.startswith(FR_AU_IN_E)):
        return f"en {name}"
    return f"au {name}"


def region_in(lang: str, region: str) -> str:
    """A first-level division: 'in Ituri' / 'dans l'Ituri', 'dans le Nord-Kivu'."""
    if lang == "en":
        return f"in {region}"
    return f"dans l'{region}" if region[:1] in VOWELS else f"dans le {region}"


def join_and(lang: str, items: list[str]) -> str:
    word = " and " if lang == "en" else " et "
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + word + items[-1]


@dataclass(frozen=True)
class Where:
    """Places of one country a finding names: precise places, their shared region, the country."""
    iso3: str | None
    places: tuple[str, ...] = ()
    region: str | None = None

    def phrase(self, lang: str, near: bool) -> str:
        """'around Bunia and Mahagi (Ituri, Democratic Republic of the Congo)' (near), 'at Rubaya (...)',
        'in Ituri (...)', or the country alone."""
        country = country_name(self.iso3, lang)
        if self.places:
            inside = f"{self.region}, {country}" if self.region else country
            return f"{self._at(lang, near)} {join_and(lang, list(self.places))} ({inside})"
        if self.region:
            return f"{region_in(lang, self.region)} ({country})"
        return country_in(lang, self.iso3)

    def local(self, lang: str) -> str:
        """Inside the country only: 'around Bunia and Mahagi (Ituri)', 'in Ituri', or ''."""
        if self.places:
            inside = f" ({self.region})" if self.region else ""
            return f"{self._at(lang, True)} {join_and(lang, list(self.places))}{inside}"
        return region_in(lang, self.region) if self.region else ""

    @staticmethod
    def _at(lang: str, near: bool) -> str:
        return ("around" if near else "at") if lang == "en" else ("autour de" if near else "à")


def chiefly(lang: str, commodity: str | None, where: Where) -> str:
    """', chiefly gold around Bunia (Ituri),' / ', surtout d'or autour de Bunia (Ituri),': what most
    of the reports are about, or '' when nothing stands out."""
    what = " ".join(x for x in ((commodity or "").lower() if lang == "en" else de(commodity.lower())
                                if commodity else "", where.local(lang)) if x)
    return f", {'chiefly' if lang == 'en' else 'surtout'} {what}," if what else ""


def country_the(lang: str, iso3: str | None) -> str:
    """A country as a sentence's object: 'the United Arab Emirates', 'l'Ouganda', 'le Mali'."""
    name = country_name(iso3, lang)
    if lang == "en":
        return f"the {name}" if name.startswith(EN_THE) else name
    prep = country_in(lang, iso3).split(" ")[0]
    article = {"aux": "les ", "au": "le "}.get(prep) or ("l'" if name[:1] in VOWELS else "la ")
    return article + name


def usual_range(lang: str, counts: list[int]) -> str:
    """'1 or 2', '2 to 4', '3', 'none': the middle half of the usual weeks' report counts."""
    if not counts:
        return "?"
    ordered = sorted(counts)
    # nearest-rank quartiles: one odd week does not widen what is called usual
    lo, hi = ordered[math.ceil(0.25 * len(ordered)) - 1], ordered[math.ceil(0.75 * len(ordered)) - 1]
    if hi == 0:
        return "none" if lang == "en" else "aucun"
    if lo == hi:
        return str(lo)
    word = ("or" if lang == "en" else "ou") if hi == lo + 1 else ("to" if lang == "en" else "à")
    return f"{lo} {word} {hi}"
