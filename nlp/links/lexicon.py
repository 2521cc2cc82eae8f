"""Cue words for assertion status and roles, English and French, by lemma or lower-case form.

Lemmas come from the parser pipeline's lemmatizer; forms are listed too where
the small models lemmatise badly (French verbs tagged as nouns keep their form).
"""

from __future__ import annotations

import re

from ocwatch.nlp import config

# Negation: dependents that negate the clause they hang on.
NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without", "pas", "jamais", "aucun",
                      "aucune", "guère", "nullement", "sans", "ni"})
# "no longer", "ne ... plus": negated now (a past state may be implied, but it is not asserted).
NEG_PLUS = frozenset({"plus"})
NE = frozenset({"ne", "n'", "n’"})
# The second half of a French negation; the small parser often hangs it on the next noun
# ("il n'y exploite plus d'or": plus under "or"), so it is looked for in the words after "ne".
NE_PARTNERS = frozenset({"pas", "plus", "jamais", "guère", "aucun", "aucune", "rien", "point", "nullement"})

# Hypothesis: modal auxiliaries, conditional markers, verbs of plans and fears.
MODALS = frozenset({"could", "might", "would", "may", "should", "can", "must", "pouvoir", "devoir"})
CONDITION_MARKS = frozenset({"if", "unless", "whether", "si", "s'", "s’", "lorsque", "quand"})
PLAN_VERBS = frozenset({"threaten", "plan", "intend", "aim", "seek", "try", "attempt", "risk", "hope", "want", "expect",
                        "fear", "menacer", "envisager", "projeter", "risquer", "tenter", "chercher", "vouloir",
                        "espérer", "craindre", "viser"})
# Verbs of getting ready, a plan only before an infinitive: "had been preparing to move ten tonnes",
# "prepared the hashish" is done; not "s'apprêtaient à vendre", caught in the act.
PREPARE_VERBS = frozenset({"prepare", "préparer"})
# An attempt that was made is part of the trade, not a plan ("qui tentaient de vendre 24 kilos d'ivoire"),
# and it was caught where the arrest was: status.py, arrest.py.
ATTEMPT_VERBS = frozenset({"try", "attempt", "tenter", "essayer"})
# Fear and expectation govern a clause that has not happened: "civil society fears that X will seize the
# mines", "la société civile redoute que X ne s'empare des gisements".
FEAR_VERBS = frozenset({"fear", "dread", "worry", "expect", "anticipate", "craindre", "redouter", "appréhender",
                        "inquiéter", "attendre", "fears", "feared", "redoute", "redoutent", "craint", "craignent",
                        "appréhende", "appréhendent"})
# Opening a sentence, these put its main clause before a past event: "Before the Taliban banned poppy in
# 2022, ...", "Avant cela, le site était contrôlé par ...", "Until the fall of Assad in 2024, ...".
BEFORE_WORDS = frozenset({"before", "until", "till", "avant", "jusqu'à", "jusqu'au", "jusqu'en"})
HYPO_WORDS = frozenset({"possibly", "potentially", "perhaps", "peut-être", "éventuellement"})

# History: the activity is over ("used to", "formerly", a year well in the past).
HISTORY_ADVERBS = frozenset({"formerly", "previously", "once", "earlier", "autrefois", "jadis", "naguère",
                             "auparavant", "anciennement", "précédemment"})
SINCE = frozenset({"since", "depuis"})
DECADE_WORDS = frozenset({"années", "decade", "decades", "1990s", "2000s", "2010s", "1980s"})
# The present: "is still smuggled", "sont toujours convoyés", "now goes through Bolivia".
STILL_WORDS = frozenset({"still", "encore", "toujours", "today", "now", "currently", "aujourd'hui", "désormais",
                         "actuellement"})
NOW_WORDS = frozenset({"today", "now", "currently", "nowadays", "aujourd'hui", "désormais", "actuellement",
                       "maintenant"})
# A past told by its length: "was long produced", "for decades", "pendant des années", "until recently".
LONG_WORDS = frozenset({"long", "longtemps"})
SPAN_PREPS = frozenset({"for", "pendant", "durant"})
SPAN_NOUNS = frozenset({"years", "decades", "années", "décennies"})
RECENTLY = frozenset({"recently", "récemment"})

# An activity that has stopped is not asserted now ("gold trading has halted", "ont cessé de taxer").
STOP_VERBS = frozenset({"halt", "stop", "cease", "end", "quit", "suspend", "abandon", "cesser", "arrêter",
                        "interrompre", "suspendre", "abandonner", "renoncer"})

# Denial and dispute: the claim in their scope is disputed.
DENY = frozenset({"deny", "denies", "denied", "reject", "rejects", "refute", "dismiss", "démentir", "dément",
                  "démentent", "démenti", "nier", "nie", "nient", "nié", "niée", "niés", "niées", "rejeter", "rejette", "rejettent", "contester",
                  "conteste", "contestent", "récuser"})
CLAIM_NOUNS = frozenset({"charge", "charges", "allegation", "allegations", "accusation", "accusations", "claim",
                         "claims", "affirmation", "affirmations", "allégation", "allégations"})

# Roles of a named body that is the subject of these verbs.
REPORT_VERBS = frozenset({
    "say", "report", "write", "find", "state", "note", "tell", "publish", "warn", "allege", "claim", "conclude",
    "estimate", "describe", "add", "explain", "announce", "accuse", "denounce", "indicate", "show", "reveal",
    "dire", "affirmer", "indiquer", "écrire", "publier", "rapporter", "estimer", "constater", "conclure",
    "dénoncer", "accuser", "signaler", "souligner", "révéler", "expliquer", "déclarer", "annoncer", "ajouter",
    "préciser", "assurer", "avertir", "alerter", "noter", "observer", "relever", "condemn", "deplore",
    "déplorer", "fustiger", "detail", "détailler", "décrire", "documenter",
    # a communiqué's opening: "La Direction générale des Douanes informe que ..." (verb_roles.py: not
    # "informe les passeurs des patrouilles", a tip-off)
    "inform", "informer", "informe", "informent",
    # who reached or interviewed the sources: "des orpailleurs joints par RFI", "miners interviewed by Reuters"
    "interview", "interviewer", "interroger", "joindre", "contacter",
})
# French participles of reaching the sources, which the model tags as nouns with no verb lemma ("des
# artisans miniers joints par RFI"); read only right before "par", as "joints" is also English.
REACHED_PARTICIPLES = frozenset({"joint", "joints", "jointe", "jointes", "contacté", "contactés", "contactée",
                                 "contactées", "interrogé", "interrogés", "interrogée", "interrogées"})
# Verbs a government speaks with, read right after a place name ("Kigali says", "ce que Kigali dément").
SAY_VERBS = frozenset({"say", "said", "says", "claim", "insist", "dire", "dit", "affirmer", "affirme", "déclarer",
                       "déclare", "assurer", "assure", "estimer", "estime", "annoncer", "annonce", "insister"})
# Talking about an activity is not doing it: only the activity's own phrase places it
# ("met commanders in Goma to discuss coltan smuggling from Rubaya").
TOPIC_VERBS = frozenset({"discuss", "debate", "address", "raise", "discuter", "évoquer", "aborder", "débattre"})
# "impose sanctions on", "sanctionner": a sanctioning body is an enforcer.
SANCTION_WORDS = frozenset({"sanction", "sanctions", "blacklist", "embargo", "sanctionner"})
REPORT_NOUNS = frozenset({"report", "reports", "study", "inquiry", "investigation", "briefing", "statement",
                          "rapport", "enquête", "étude", "communiqué", "conférence"})
# "open an inquiry into", "ouvrir une enquête sur": the subject investigates.
INQUIRY_NOUNS = frozenset({"investigation", "inquiry", "probe", "enquête", "enquêtes", "audit"})
INVESTIGATE_VERBS = frozenset({
    "investigate", "document", "trace", "probe", "monitor", "examine", "track", "study", "research", "audit",
    "enquêter", "enquête", "enquêtent", "documenter", "documente", "tracer", "examiner", "suivre", "étudier", "surveiller", "analyser", "recenser",
})
ENFORCE_VERBS = frozenset({
    "seize", "arrest", "intercept", "dismantle", "destroy", "confiscate", "free", "rescue", "raid", "detain",
    "capture", "recover", "find", "discover", "convict", "sentence", "charge", "prosecute", "ban", "stop",
    "saisir", "arrêter", "intercepter", "démanteler", "détruire", "confisquer", "libérer", "interpeller",
    "découvrir", "trouver", "condamner", "juger", "poursuivre", "démantèler", "appréhender", "récupérer",
    "escort", "escorter", "search", "perquisitionner", "fouiller",
})
# Escorting aid is not trade; escorting ore is: escort counts as enforcement only when no commodity is its object.
ESCORT = frozenset({"escort", "escorter"})
VIOLENCE_VERBS = frozenset({
    "kill", "attack", "ambush", "shoot", "burn", "massacre", "murder", "tuer", "attaquer", "massacrer",
    "incendier", "abattre", "assassiner", "chase", "drive", "chasser", "expel", "expulser",
})
# Verbs that put a named body in the activity they are said of ("accused of smuggling").
ACCUSE_VERBS = frozenset({"accuse", "suspect", "charge", "link", "implicate", "involve", "tie", "connect", "accuser",
                          "soupçonner", "impliquer", "lier", "associer", "suspecter"})
# the French "of" in its forms: the parse mends and the place roles read the same words
FRENCH_OF = frozenset({"de", "du", "des", "d'", "d’"})
# "its fighters", "ses combattants": a group named before owns the noun (coref finds it; levy.armed_taker
# leaves it to coref)
POSSESSIVES = frozenset({"its", "their", "ses", "leurs", "son", "sa", "leur"})
ACCORDING = frozenset({"according", "selon", "d'après", "d’après", "per", "citing", "cited"})

# Taking a cut: a participant who is the subject of these verbs with such an object extorts.
TAX_VERBS = frozenset({"tax", "levy", "extort", "racketeer", "taxer", "prélever", "rançonner", "racketter",
                       "ranconner"})
# French finite forms the small model leaves unlemmatised ("le mouvement y taxe chaque kilo": lemma "taxe");
# read as the verb only when tagged VERB, since "une taxe" is the noun.
TAX_VERB_FORMS = frozenset({"taxe", "taxent", "prélève", "prélèvent", "rançonne", "rançonnent", "rackette",
                            "rackettent", "taxait", "taxaient", "prélevait", "prélevaient", "rançonnait",
                            "rançonnaient", "rackettait", "rackettaient"})
LEVY_VERBS = frozenset({"collect", "impose", "charge", "demand", "run", "man", "set", "exact", "extract",
                        "percevoir", "imposer", "exiger", "réclamer", "tenir", "ériger", "installer", "collecter",
                        "prélever", "lever", "encaisser", "instaurer",
                        # "took a further road tax", "prennent une part de l'or", "perçoit 20 % de l'or"
                        "take", "prendre", "toucher"})
# Paying a cut: the one paid takes it ("pay a monthly fee to Raia Mutomboki fighters"), the payer is its victim.
PAY_VERBS = frozenset({"pay", "payer", "verser", "remettre"})
# French finite forms the small model tags as adverbs or nouns ("les creuseurs versent chaque semaine").
PAY_VERB_FORMS = frozenset({"verse", "versent", "paie", "paient", "payent", "remet", "remettent"})
PAYEE_PREPS = frozenset({"to", "à", "au", "aux"})
LEVY_NOUNS = frozenset({"tax", "taxes", "levy", "levies", "fee", "fees", "toll", "tolls", "zakat", "checkpoint",
                        "checkpoints", "roadblock", "roadblocks", "ransom", "ransoms", "dues", "taxe", "péage", "péages", "droit", "droits", "barrière", "barrières", "rançon", "rançons",
                        "redevance", "redevances", "dîme", "tribut", "impôt", "impôts", "dollars", "francs",
                        # a "contribution" or "cotisation" an armed group is paid; "vacuna", the
                        # Andean word for the protection fee
                        "contribution", "contributions", "cotisation", "cotisations", "vacuna", "vacunas",
                        # a cut of the goods: "takes a third of every gram", "prélèvent une part de la production"
                        "share", "cut", "percentage", "third", "tenth", "fifth", "quarter", "part", "pourcentage",
                        "tiers", "dixième", "cinquième", "quart", "%",
                        # money by its currency: "demand 20,000 gourdes from each driver", "collect 400,000 kyat"
                        "gourdes", "kyat", "naira", "shillings", "pesos", "rupees", "cedis", "birr", "livres",
                        "dinars", "dirhams", "afghanis", "fcfa", "cfa", "euros", "usd"})
# Verbs of asking a sum of each payer ("charges drivers 1,000 gourdes per trip").
SUM_VERBS = frozenset({"charge", "demand", "collect", "exiger", "réclamer", "percevoir", "collecter"})
EXTORTION = "extortion_and_protection_racketeering"
# Word forms that can only be a cut being taken: a sentence holding one with an actor or a place is
# parsed even with no market mention ("ISWAP taxes fishermen on Lake Chad").
LEVY_CUE = re.compile(r"\b(tax(e|es|ed|ing)?|charg(e|es|ed|ing)\s+(\w+\W+){0,3}?(\d+|fees?|tolls?|taxes|levies|dollars|francs|each|every)|taxent|levy|levies|levied|extort\w*|racket\w*|zakat|tolls?|fees?"
                      r"|checkpoints?|roadblocks?|ransoms?|préle?v\w*|prélèv\w*|perçoiv\w*|percevoir|rançon\w*"
                      r"|péages?|droits? de passage|barrières?|dîme|tribut|redevances?|contributions?|cotisations?|vacunas?"
                      r"|for (their |its )?protection|pour (leur |sa )?protection"
                      r"|in (exchange|return) for an? (share|cut|part)|en échange d'une (part|partie)|impôts?"
                      # a sum asked of each payer: "charges drivers up to 1,000 gourdes per trip", "collected
                      # weekly 'rent'"
                      r"|(collect|charg|demand|exig|réclam)\w*\s+(\S+\s+){0,8}?(\$|€|£|\d[\d,.]*\s*(?:"
                      + "|".join(sorted(config.CURRENCY_WORDS)) + r"))"
                      r"|collect\w*\s+(weekly|monthly|daily)"
                      # payments asked of the payers: "extract monthly payments from traders", "demand a weekly
                      # payment", "prélèvent des paiements illégaux" (not collected: a firm collects its bills)
                      r"|(demand|extract|exact|impos|prélev|prélèv|exig|réclam)\w*\s+(\S+\s+){0,3}?"
                      r"(payments?|paiements?)"
                      # a bare sum paid every week or month: "pay a monthly sum to Al-Shabaab", "versent chaque mois
                      # une somme" (not a monthly rent to a landlord)
                      r"|pa(y|ys|id|ying)\s+(a|an)\s+(weekly|monthly|daily)\s+(sum|amount)"
                      r"|(verse|versent|versait|versaient|paie|paient|payent|payaient)\s+chaque (semaine|mois|jour)"
                      r"\s+une somme)\b", re.I)

# Holding a site or a trade: the subject of one, in a "where"/"où" clause on the activity's place, takes
# part in that activity there ("sold in Bambari, where UPC fighters collect a fee").
CONTROL_VERBS = frozenset({"control", "run", "hold", "operate", "manage", "dominate", "own", "guard", "exploit",
                           "contrôler", "tenir", "gérer", "dominer", "exploiter", "garder", "détenir", "diriger"})

# "under the protection of FDLR commanders", "sous le contrôle des FDLR": the holder takes part.
COVER_NOUNS = frozenset({"protection", "control", "escort", "command", "supervision", "watch", "contrôle",
                         "escorte", "commandement", "surveillance", "coupe", "emprise", "mainmise"})
COVER_PREPS = frozenset({"under", "with", "sous", "avec"})
# Where a party comes from or is based is not where the activity happens ("traders from Mopti", "a
# trading house based in Kampala", "négociants venus d'Ouganda", "originaires du Tchad").
PROVENANCE_WORDS = frozenset({"base", "based", "come", "coming", "hail", "originate", "native", "venir", "venu",
                              "venus", "venue", "venues", "originaire", "originaires", "baser", "basé", "basés",
                              "basée", "basées", "établi", "établis", "installé", "installés", "résident"})
# Parties to a trade whose "from X" is where they come from.
PARTY_NOUNS = frozenset({"buyer", "buyers", "collector", "collectors", "intermediary", "intermediaries",
                         "middleman", "middlemen", "businessman", "businessmen", "acheteur", "acheteurs",
                         "intermédiaire", "intermédiaires", "collecteur", "collecteurs", "company", "firm",
                         "house", "société", "maison", "men", "people", "hommes", "gens"})
# People a commodity may only qualify: "killed twelve gold miners" is an attack, not gold mining there.
TRADE_PEOPLE = frozenset({"miner", "miners", "digger", "diggers", "trader", "traders", "worker", "workers",
                          "dealer", "dealers", "farmer", "farmers", "mineur", "mineurs", "creuseur", "creuseurs",
                          "orpailleur", "orpailleurs", "négociant", "négociants", "commerçant", "commerçants",
                          "exploitant", "exploitants", "travailleur", "travailleurs"})
# Those who pay a cut where they work: "éleveurs venus du Tchad" come from there, the levy is not taken there.
PAYER_PEOPLE = frozenset({"herder", "herders", "pastoralists", "fishermen", "éleveur", "éleveurs", "pêcheur",
                          "pêcheurs", "agriculteur", "agriculteurs", "cultivateur", "cultivateurs"})
# People who commit the activity, whose "venus de", "originaires de" is where they come from.
OFFENDER_NOUNS = frozenset({"trafficker", "traffickers", "smuggler", "smugglers", "poacher", "poachers", "men",
                            "people", "trafiquant", "trafiquants", "contrebandier", "contrebandiers", "passeur",
                            "passeurs", "braconnier", "braconniers", "hommes", "individus", "ressortissants",
                            "network", "networks", "ring", "rings", "gang", "gangs", "cell", "cells", "réseau",
                            "réseaux", "bande", "bandes", "cellule", "cellules"})
# Attacks on those people ("the attack by CODECO on gold miners", "l'attaque contre des orpailleurs").
VIOLENCE_NOUNS = frozenset({"attack", "attacks", "raid", "raids", "assault", "ambush", "massacre", "killing",
                            "killings", "attaque", "attaques", "embuscade", "massacres", "assassinat", "tuerie"})
# Verbs of the trades in their third person, which the English model takes for plural nouns after a
# group's noun ("the cartel imports precursor chemicals", "the network ships ivory"; repair/english.py),
# and after which a band's noun is the subject (mask.py).
TRADE_VERBS_S = frozenset({"imports", "exports", "smuggles", "controls", "taxes", "sells", "buys", "ships", "moves",
                            "runs", "operates", "supplies", "produces", "traffics", "launders", "manufactures",
                            "recruits", "extorts", "levies", "collects", "charges", "trades", "transports",
                            "finances", "receives", "distributes", "sends"})
# A clause whose subject is the commodity ("d'où il part pour le Burundi", "before it crosses into
# Rwanda") carries its route on: its places are the activity's too.
ROUTE_VERBS = frozenset({"cross", "go", "leave", "travel", "transit", "reach", "continue", "head", "move", "pass",
                         "ship", "fly", "truck", "carry", "transport", "smuggle", "send", "export", "take",
                         "partir", "repartir", "passer", "transiter", "traverser", "rejoindre", "gagner", "arriver",
                         "quitter", "continuer", "filer", "aller", "sortir", "transporter", "acheminer", "expédier",
                         "convoyer", "exporter", "écouler", "envoyer", "réexporter", "réexpédier"})
ROUTE_SUBJECTS = frozenset({"it", "il", "elle", "ils", "elles"})

# Nouns of an activity a commodity hangs on ("Wagner's gold mining", "le trafic d'or des FARDC").
ACTIVITY_NOUNS = frozenset({"trade", "mining", "smuggling", "trafficking", "exploitation", "export", "exports",
                            "business", "commerce", "trafic", "contrebande", "exportation",
                            "exportations", "production", "traffic", "extraction", "sale", "sales", "vente"})

# Words that refer back to a named actor in the same paragraph.
ANAPHORS = frozenset({
    "they", "it", "he", "its", "their", "group", "rebels", "rebel", "gang", "gangs", "militia", "militias",
    "movement", "fighters", "militiamen", "insurgents", "jihadists", "militants", "coalition", "organisation",
    "organization", "ils", "il", "elles", "elle", "groupe", "rebelles", "mouvement", "milice", "milices",
    "miliciens", "combattants", "insurgés", "djihadistes", "jihadistes", "leurs", "leur",
    "ses", "son", "sa",
    # the kind of group a report names again: "the crew is accused of", "le réseau écoulait"
    "crew", "network", "brigade", "clan", "cartel", "faction", "syndicate", "réseau", "bande",
})
# Nouns of a kind of group that refer back only to a group the text named with them ("a cell of the Tren
# de Aragua ... The same cell"; coref.named_by_noun): the Clan del Golfo is no guerrilla.
KIND_NOUNS = frozenset({"guerrilla", "guérilla", "cell", "cellule", "confraternity", "confraternité",
                        "paramilitaries", "paramilitary", "force", "forces", "army", "armée", "front", "faction",
                        "unit", "unité", "katiba", "katibat"})
# A company named again by what it is ("The company floated the timber", "la société exporte"): the last
# actor the paragraph named as one, by such a noun or by its legal form ("Maderas del Oriente SAC").
COMPANY_NOUNS = config.COMPANY_NOUNS
LEGAL_FORMS = frozenset(f.lower() for f in config.LEGAL_FORMS) | {"holdings", "corporation", "cie", "sàrl"}
DEMONSTRATIVES = frozenset({"the", "this", "these", "le", "la", "les", "ce", "cette", "ces", "l'", "l’"})
PLACE_ANAPHORS = frozenset({"there", "y", "area", "zone", "region", "région", "site", "sites", "place",
                            "localité", "town", "ville"})

# Prepositions that say which part of the route a place is.
ORIGIN = frozenset({"from", "out", "de", "d'", "d’", "depuis", "provenance"})
DESTINATION = frozenset({"to", "into", "towards", "toward", "vers", "jusqu'", "jusqu’", "jusque", "for",
                         "destination", "à destination"})
TRANSIT = frozenset({"through", "via", "across", "par", "transit", "à travers", "travers"})

# Dependency labels, English (ClearNLP) and French (UD), grouped by what the rules need.
SUBJECT = frozenset({"nsubj", "csubj", "nsubj:pass", "nsubjpass", "expl:subj"})
PASSIVE_SUBJECT = frozenset({"nsubjpass", "nsubj:pass"})
OBJECT = frozenset({"dobj", "obj", "iobj", "obl:arg"})
NOUN_MODIFIER = frozenset({"compound", "nmod", "poss", "amod", "appos", "flat", "flat:name", "nmod:poss",
                           "npadvmod", "nummod"})
CLAUSE = frozenset({"ccomp", "advcl", "relcl", "acl:relcl", "parataxis", "csubj", "ROOT", "root"})
RELATIVE = frozenset({"relcl", "acl:relcl"})

# Nouns of a band that acts for whoever leads it ("a network run by X", "la filière dirigée par X").
GROUP_NOUNS_FOR_LEAD = frozenset({"network", "ring", "syndicate", "cell", "crew", "gang", "group", "band",
                                  "organisation", "organization", "faction", "militia", "column", "unit",
                                  "réseau", "filière", "bande", "groupe", "cellule", "milice", "équipe", "clan",
                                  "cartel", "structure"})

# Chartering the means the goods travel by ("aircraft chartered by X", "affrète des barges").
CHARTER_VERBS = frozenset({"charter", "chartered", "affréter", "affrète", "affrètent", "affrétait", "affrétaient",
                           "affrété", "affrétés", "affrétée", "affrétées"})
# What goods travel in or are kept in: a container belongs to a clan without being one of its members.
CARRIER_NOUNS = frozenset({"aircraft", "plane", "planes", "boat", "boats", "dhow", "dhows", "truck", "trucks", "lorry",
                           "lorries", "container", "containers", "vessel", "vessels", "ship", "ships", "warehouse",
                           "warehouses", "depot", "depots", "avion", "avions", "bateau", "bateaux", "boutre",
                           "boutres", "camion", "camions", "conteneur", "conteneurs", "navire", "navires",
                           "pirogue", "pirogues", "entrepôt", "entrepôts", "dépôt", "dépôts", "vedette", "vedettes",
                           "barge", "barges", "tanker", "tankers", "pétrolier", "pétroliers", "pickups", "pick-up",
                           "vehicles", "véhicules", "canoes", "speedboats", "hors-bord"})

# Measures and counts of goods ("two tonnes of", "des centaines de", "three shipments of"): a word between a
# verb and its goods that names no other deed.
QUANTITY_NOUNS = frozenset({"bags", "bales", "barrels", "bottles", "bouteilles", "boxes", "caisses", "cargaison",
                           "cargaisons", "cargo", "cargoes", "cartons", "cartouches", "cases", "centaines",
                           "consignment", "consignments", "containers", "conteneurs", "crates", "dizaines",
                           "dozens", "grammes", "grams", "hundreds", "kg", "kilo", "kilogrammes", "kilograms",
                           "kilos", "liters", "litres", "loads", "lot", "lots", "milliers", "millions", "packets",
                           "paires", "pairs", "paquets", "pieces", "pièces", "pounds", "quantities", "quantity",
                           "quantité", "quantités", "rounds", "sacks", "sacs", "shipment", "shipments",
                           "thousands", "tonne", "tonnes", "tons", "truckloads", "units", "unités"})
