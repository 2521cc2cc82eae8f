"""Background sentences per country and language, mixed into articles of every theme.

Real outlets repeat context lines in many stories, but each story mixes
them differently; drawing a couple per article keeps independent stories
on the same topic from reading like copies of each other.
"""

from __future__ import annotations

CONTEXT: dict[str, dict[str, list[str]]] = {
    "COD": {
        "en": [
            "Eastern DR Congo has been torn by armed conflict for three decades, and more than a hundred armed groups are active in the region.",
            "Internet access remains patchy outside the main towns, and much news travels by community radio.",
            "The provincial capital has grown quickly as families fleeing violence settle on its outskirts.",
            "Road travel in the region is slow, and a journey of a hundred kilometres can take a full day in the rainy season.",
            "Local radio stations have become the main forum for debate on security and the economy.",
            "Prices in local markets have risen this year, pushed up by insecurity on the main supply roads.",
            "Many families in the area depend on small-scale farming and trade across the borders with Uganda and Rwanda.",
            "Several peace initiatives have been launched in recent years, with mixed results on the ground.",
        ],
        "fr": [
            "L'est de la RDC est en proie aux conflits armés depuis trois décennies, et plus d'une centaine de groupes armés y sont actifs.",
            "L'accès à Internet reste limité en dehors des grandes villes, et l'information circule surtout par les radios communautaires.",
            "Le chef-lieu de la province s'est agrandi rapidement avec l'arrivée de familles fuyant les violences.",
            "Les déplacements par la route sont lents : un trajet de cent kilomètres peut prendre une journée entière en saison des pluies.",
            "Les radios locales sont devenues le principal espace de débat sur la sécurité et l'économie.",
            "Les prix ont augmenté cette année sur les marchés locaux, sous l'effet de l'insécurité sur les grands axes.",
            "De nombreuses familles vivent de l'agriculture et du petit commerce transfrontalier avec l'Ouganda et le Rwanda.",
            "Plusieurs initiatives de paix ont vu le jour ces dernières années, avec des résultats mitigés sur le terrain.",
        ],
    },
    "HTI": {
        "en": [
            "Haiti has had no elected officials in office since early 2023, and a transitional council runs the country.",
            "Much of the capital's economy has slowed as businesses close early to avoid the roads after dark.",
            "Schools in several neighbourhoods of the capital have been closed for months.",
            "The main port and airport have reopened after closures last year, but traffic remains below normal.",
            "Community radio and messaging groups are the main sources of news for many residents.",
            "Food prices have risen sharply, and aid agencies warn of acute hunger in parts of the country.",
        ],
    },
    "MLI": {
        "fr": [
            "Le Mali est dirigé par des autorités de transition depuis 2021.",
            "Les routes du nord du pays restent dangereuses et les transporteurs voyagent souvent en convoi.",
            "Les radios locales sont la principale source d'information dans les régions du nord.",
            "Les coupures d'électricité pèsent sur l'activité économique dans les grandes villes.",
            "La saison des pluies a rendu plusieurs pistes impraticables ces dernières semaines.",
            "Les marchés hebdomadaires restent un lieu d'échange essentiel pour les éleveurs et les agriculteurs.",
        ],
    },
    "NER": {
        "en": [
            "Niger has been governed by a military council since July 2023.",
            "The Sahara crossing remains one of the most dangerous routes in the region, aid groups say.",
            "Trade with neighbouring countries has slowed since the borders were partly closed.",
            "Radio remains the main source of news for most people outside Niamey.",
            "The economy depends heavily on farming and herding, which suffer from recurrent droughts.",
        ],
        "fr": [
            "Le Niger est dirigé par un conseil militaire depuis juillet 2023.",
            "La traversée du Sahara reste l'une des routes les plus dangereuses de la région, selon les humanitaires.",
            "Les échanges avec les pays voisins ont ralenti depuis la fermeture partielle des frontières.",
            "La radio reste la première source d'information pour la plupart des habitants hors de Niamey.",
            "L'économie dépend largement de l'agriculture et de l'élevage, fragilisés par les sécheresses.",
        ],
    },
    "CAF": {
        "en": [
            "The Central African Republic has been unstable since 2013, and armed groups still control parts of the country.",
            "Many roads in the east of the country are impassable during the rainy season.",
            "UN peacekeepers are deployed in several prefectures to protect civilians.",
            "Radio is the main source of news in the provinces, where mobile coverage is limited.",
            "The government relies on foreign partners for much of its security.",
        ],
        "fr": [
            "La Centrafrique connaît l'instabilité depuis 2013 et des groupes armés contrôlent encore une partie du territoire.",
            "De nombreuses routes de l'est du pays sont impraticables en saison des pluies.",
            "Les Casques bleus sont déployés dans plusieurs préfectures pour protéger les civils.",
            "La radio est la principale source d'information en province, où la couverture mobile reste faible.",
            "Le gouvernement s'appuie sur des partenaires étrangers pour une large part de sa sécurité.",
        ],
    },
}
