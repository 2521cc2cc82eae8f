"""Words that name goods again without naming their market (named_again.py), and the cues that pick the
sentences worth parsing for them (select.py): "the drugs", "les comprimés", "the bales", "les animaux",
"shipments are concealed", "deux kilos par semaine"."""

from __future__ import annotations

import re

PILL_WORDS = frozenset({"pills", "tablets", "comprimés", "cachets"})
# Goods named again by what they are packed or shipped in: "the bales are flown out", "les bidons sont
# stockés à Mora", "the container had arrived from Cartagena" (named_again.py: not "the sacks of maize").
PACKS = frozenset({"bales", "sacks", "bags", "jerrycans", "jerricans", "drums", "barrels", "crates", "boxes",
                   "parcels", "packages", "packets", "containers", "container", "products", "ballots", "sacs",
                   "bidons", "fûts", "barils", "caisses", "boîtes", "colis", "paquets", "conteneurs", "conteneur"})
# Goods named again by their part, each only after the one market whose goods it is: "the scales are believed
# to have come from Cameroon", "les écailles provenaient du Cameroun"; cigarettes by their pack, "the cartons are
# sold without excise stamps", "les cartouches" (named_again.py).
PARTS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("scales", "écailles", "horns", "cornes", "skins", "peaux", "fins", "ailerons", "bladders",
                     "vessies"), frozenset({"fauna_crimes"})),
    **dict.fromkeys(("cartons", "cartouches"), frozenset({"illicit_trade_in_excise_goods"}))}
# Goods named again by their kind, each only after the markets whose goods it can be (named_again.py):
# "the animals", "les rondins", "the resin", "the harvest".
_CROPS = frozenset({"cannabis_trade", "heroin_trade", "cocaine_trade"})
GOODS_KINDS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("animals", "animaux", "birds", "oiseaux", "tusks", "meat", "viande"), frozenset({"fauna_crimes"})),
    **dict.fromkeys(("logs", "rondins", "grumes", "planks", "planches"), frozenset({"flora_crimes"})),
    **dict.fromkeys(("resin", "résine", "herbe"), frozenset({"cannabis_trade"})),
    **dict.fromkeys(("paste", "pâte"), frozenset({"cocaine_trade"})),
    **dict.fromkeys(("crude", "brut"), frozenset({"non_renewable_resource_crimes"})),
    **dict.fromkeys(("harvest", "crop", "crops", "récolte", "récoltes"), _CROPS)}
# A commodity named again by a general noun ("the ore", "le minerai"): the paragraph's last market.
COMMODITY_ANAPHORS = frozenset({"ore", "metal", "stones", "gems", "minerals", "cargo", "shipment", "consignment",
                                "load", "minerai", "minerais", "métal", "pierres", "cargaison", "marchandise",
                                "chargement", "produit",
                                # the goods named again by what they are to the trade, not by their name:
                                # "the drug is still sold openly", "la drogue repart", "the contraband"
                                "drug", "drugs", "goods", "contraband", "haul", "consignments", "shipments",
                                "loads", "cargoes", "drogue", "drogues", "marchandises", "cargaisons",
                                "chargements", "produits", "contrebande",
                                # a drug named again by its form: "smuggles the pills into Iraq"
                                *PILL_WORDS,
                                # goods named by their part, what they are packed in, their kind (named_again.py)
                                *PARTS, *PACKS, *GOODS_KINDS})
# "The drug", "les drogues" name again only drugs, or fake medicines: not ivory seized before ("Police seized ivory
# in Mombasa. The drugs were hidden in sacks of charcoal").
DRUG_WORDS = frozenset({"drug", "drugs", "drogue", "drogues"})
DRUG_MARKETS = frozenset({"cannabis_trade", "cocaine_trade", "heroin_trade", "synthetic_drug_trade"})
DRUG_WORD_MARKETS = DRUG_MARKETS | {"trade_in_counterfeit_goods"}
# English plurals that name the goods again with no article at all ("From there, shipments are concealed in
# banana containers", "Consignments are then flown to Dubai"): a bare plural with no word of its own goods.
BARE_GOODS = frozenset({"shipments", "consignments", "loads", "cargoes", "pills", "tablets", "stones", "gems", "bales",
                        "jerrycans", "scales"})
BARE_GOODS_CUE = re.compile(r"(?<![A-Za-zÀ-ÿ0-9] )(?<![A-Za-zÀ-ÿ0-9]-)\b(" + "|".join(sorted(BARE_GOODS))
                            + r")\b(?!\s+(?:of|from)\b)", re.I)
# ... "l'herbe", "l’herbe": the French article elided before a vowel
ANAPHOR_CUE = re.compile(r"(\b(the|this|these|that|le|la|les|ce|cette|ces)\s+|\bl['’])("
                         + "|".join(sorted(COMMODITY_ANAPHORS)) + r")\b", re.I)
# A weight with no goods named ("le clan écoulait jusqu'à deux kilos par semaine", "sold about 20 kilograms
# a month"): of the goods the paragraph spoke of last (coref.py), and a reason to parse the sentence (select.py).
WEIGHTS = frozenset({"kilo", "kilos", "kilogram", "kilograms", "kilogramme", "kilogrammes", "kg", "tonne", "tonnes",
                     "ton", "tons", "gram", "grams", "gramme", "grammes"})
WEIGHT_CUE = re.compile(r"\b(\d[\d.,]*|one|two|three|four|five|ten|twenty|a few|several|un|une|deux|trois|quatre|"
                        r"cinq|dix|vingt|quelques|plusieurs)\s+(" + "|".join(sorted(WEIGHTS)) + r")\b"
                        r"(?!\s+(of|de|d'|d’|du|des)\b)", re.I)
# Money, which a sentence may name again as goods are named ("the proceeds are laundered in Dubai",
# named_again.py) and which a pronoun after it stands for instead of goods ("moves the money; it then sends it on",
# goods_pronouns.py).
MONEY = frozenset({"money", "funds", "proceeds", "cash", "takings", "profits", "argent", "fonds", "bénéfices",
                   "recettes", "gains"})
# Goods sold, shipped or certified lawfully: "reaches Dubai, where it is sold legally after being certified"
# (relay.py), "the cooperative sells it legally in Bukavu", "des négociants agréés le revendent" (goods_pronouns.py).
LAWFUL = frozenset({"legally", "lawfully", "legitimately", "officially", "licensed", "certified", "certification",
                    "légalement", "licitement", "officiellement", "agréé", "agréés", "certifié", "certifiée",
                    "certifiés", "certifiées"})
# Goods named again by a pronoun after a verb that sends them on (goods_pronouns.py): "trucks it to Johannesburg",
# "en écoulerait plusieurs tonnes", "le font passer au Soudan", "les ont ensuite exportés", "pour les faire passer".
PRONOUN_CUE = re.compile(r"\b(?:(?:ship|truck|smuggl|export|sell|sold|resell|resold|deliver|transport|fl[yie]|flown|"
                         r"mov|send|sent|rout|traffick?|suppl|carr|refin)\w*\s+(?:it|them)\b|"
                         r"(?:les|le|la|l['’]|en)\s*(?:y\s+)?(?:(?:a|ont|avait|avaient|aurait|auraient|va|vont|allait|"
                         r"allaient)\s+(?:\w+\s+)?)?(?:achemin|transport|expédi|export|réexport|vend|revend|écoul|livr|"
                         r"convoi|convoy|envoi|envoy|enverr|transf[eéè]r|fourni|f(?:ai|on|er)\w*\s+passer)\w*)", re.I)
