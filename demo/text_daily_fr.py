"""French story material for everyday news, free of taxonomy terms (the relevance gate's noise)."""

from __future__ import annotations

POLITICS = {
    "titles": [
        "{region} : l'assemblée provinciale examine le budget",
        "Le gouverneur de {region} nomme un nouveau gouvernement",
        "{town} : ouverture de l'enrôlement des électeurs",
        "L'opposition réclame un dialogue national",
        "Les fonctionnaires de {town} réclament leurs arriérés de salaire",
    ],
    "leads": [
        "Les députés de l'assemblée provinciale de {region} ont entamé {weekday_fr} l'examen du budget {year}, avec la réfection des routes et les écoles en tête des priorités.",
        "Le gouverneur de {region} a nommé {n} nouveaux ministres {weekday_fr}, promettant un gouvernement plus proche de la population.",
        "Les centres d'enrôlement des électeurs ont ouvert cette semaine à {town}, où plus de {n_thousand} personnes sont attendues avant la fin du mois de {month_fr}.",
        "Les partis de l'opposition ont appelé {weekday_fr} à un dialogue national sur le calendrier électoral.",
        "Enseignants et infirmiers de {town} ont marché jusqu'au gouvernorat pour réclamer trois mois de salaires impayés.",
    ],
    "bodies": [
        "Le budget prévoit de nouvelles salles de classe à {town} et la réhabilitation du grand marché.",
        "Plusieurs députés ont dénoncé les retards dans la rétrocession des fonds aux provinces.",
        "Les responsables religieux se sont proposés comme médiateurs entre le pouvoir et l'opposition.",
        "La commission électorale affirme avoir formé {n} agents d'enrôlement pour la province.",
        "Une coalition de la société civile demande aux nouveaux ministres de déclarer leur patrimoine.",
        "La séance a été suspendue une heure à la suite d'un désaccord sur l'ordre du jour.",
        "Des associations de jeunes de {town} organisent des débats pour encourager l'inscription sur les listes.",
    ],
    "quotes": [
        "« La population veut des routes et des écoles, pas des discours », lance un député de {town}.",
        "« Le dialogue est le seul chemin vers des institutions stables », estime un porte-parole de l'opposition.",
        "« Chaque dépense sera publiée en ligne », promet le nouveau ministre des Finances.",
    ],
    "closes": [
        "Les débats reprennent la semaine prochaine.",
        "Le gouverneur présentera son programme à l'assemblée en {month_fr}.",
        "La commission électorale publiera les listes provisoires le mois prochain.",
    ],
}

HEALTH = {
    "titles": [
        "Rougeole : {n_thousand} enfants vaccinés dans la province de {region}",
        "Choléra : les cas reculent à {town}",
        "Une nouvelle maternité ouvre à l'hôpital général de {town}",
        "Paludisme : distribution de moustiquaires à {town}",
    ],
    "leads": [
        "La campagne de vaccination contre la rougeole a touché plus de {n_thousand} enfants dans la province de {region} cette semaine, selon les autorités sanitaires.",
        "Les cas de choléra ont nettement reculé à {town} en {month_fr} après la réparation de {n} points d'eau par des ONG, indique la division provinciale de la santé.",
        "L'hôpital général de {town} a inauguré {weekday_fr} une maternité de {n} lits, financée par un partenaire européen.",
        "Les équipes sanitaires ont commencé à distribuer des moustiquaires imprégnées aux ménages de {town} avant la saison des pluies.",
    ],
    "bodies": [
        "Dès l'aube, les mères faisaient la queue à {town} pour faire vacciner leurs enfants.",
        "La campagne s'appuie sur des réfrigérateurs solaires dans les centres de santé éloignés.",
        "Les médecins rappellent que la malnutrition rend les enfants plus vulnérables.",
        "La division de la santé a enregistré {n} cas suspects le mois dernier, moins qu'à la même période l'an dernier.",
        "Les infirmières espèrent que la nouvelle maternité réduira les accouchements à domicile.",
        "Les relais communautaires ont reçu des motos pour atteindre les villages isolés.",
    ],
    "quotes": [
        "« Chaque enfant vacciné est une vie protégée », souligne une infirmière de {town}.",
        "« L'eau potable reste le meilleur remède contre le choléra », rappelle un médecin.",
    ],
    "closes": [
        "Un second passage de la campagne est prévu en {month_fr}.",
        "Les autorités invitent les parents à conserver les cartes de vaccination.",
    ],
}

SPORT = {
    "titles": [
        "Football : {team1} s'impose face à {team2}",
        "{team1} et {team2} se neutralisent",
        "Athlétisme : les jeunes de {town} brillent aux championnats nationaux",
        "Basket-ball : le club de {town} en finale régionale",
    ],
    "leads": [
        "{team1} a battu {team2} {score} {weekday_fr} devant un stade comble à {town}, et remonte à la troisième place du championnat.",
        "{team1} et {team2} se sont quittés sur un score de {score} {weekday_fr}, au terme d'un match marqué par deux penalties.",
        "Les athlètes de {town} ont remporté {n} médailles aux championnats nationaux ce week-end, le meilleur résultat de l'histoire du club.",
        "Le club de basket-ball de {town} s'est qualifié pour la finale régionale après une courte victoire {weekday_fr}.",
    ],
    "bodies": [
        "L'entraîneur a salué la discipline de sa jeune défense.",
        "Les supporters ont chanté jusque tard dans la soirée autour du stade.",
        "Les visiteurs se sont vu refuser un but pour hors-jeu en première période.",
        "Le championnat reprend la semaine prochaine après la trêve internationale.",
        "La fédération promet de régler les indemnités des arbitres avant la prochaine journée.",
        "Le centre de formation du club a fourni plusieurs joueurs à la sélection nationale.",
    ],
    "quotes": [
        "« Nous avons joué en équipe dès la première minute », se réjouit l'entraîneur de {team1}.",
        "« Cette victoire appartient aux supporters », a déclaré le capitaine.",
    ],
    "closes": [
        "Le match retour est prévu en {month_fr}.",
        "Le championnat se termine en {month_fr}.",
    ],
}

AGRICULTURE = {
    "titles": [
        "Café : les planteurs de {region} espèrent une meilleure récolte",
        "{town} : le prix du manioc en baisse",
        "Des semences résistantes à la sécheresse pour les paysans de {region}",
        "{town} : les coopératives ouvrent un nouvel entrepôt",
    ],
    "leads": [
        "Les coopératives de café de {region} prévoient une hausse de la récolte d'environ {n} % cette saison grâce à des pluies régulières.",
        "Le prix de la farine de manioc a baissé cette semaine sur les marchés de {town} avec l'arrivée de la nouvelle récolte.",
        "Plus de {n_thousand} agriculteurs de {region} ont reçu ce mois-ci des semences de maïs et de haricot résistantes à la sécheresse.",
        "Les coopératives agricoles de {town} ont inauguré un entrepôt d'une capacité de {n} tonnes.",
    ],
    "bodies": [
        "Les agronomes conseillent aux paysans d'alterner les cultures pour préserver les sols.",
        "Le mauvais état des routes reste le principal obstacle à l'écoulement des récoltes.",
        "Les femmes représentent la majorité des membres des coopératives, qui proposent aussi des petits crédits.",
        "L'institut de recherche prévoit des champs de démonstration dans {n} villages.",
        "Les commerçants signalent une forte demande des pays voisins.",
    ],
    "quotes": [
        "« Avec de bonnes semences, nous nourrissons nos familles et vendons le reste », explique une paysanne de {town}.",
        "« Grâce à l'entrepôt, nous ne vendons plus tout au moment de la récolte », dit un responsable de coopérative.",
    ],
    "closes": [
        "La prochaine récolte est attendue en {month_fr}.",
        "Le ministère de l'Agriculture promet de soutenir les routes de desserte agricole.",
    ],
}

WEATHER = {
    "titles": [
        "{town} : de fortes pluies inondent plusieurs quartiers",
        "Alerte aux vents violents dans la province de {region}",
        "Une sécheresse inquiète les paysans de {region}",
    ],
    "leads": [
        "De fortes pluies ont inondé plusieurs quartiers de {town} dans la nuit de {weekday_fr}, endommageant environ {n} maisons.",
        "Le service météorologique national annonce des vents violents et des orages dans la province de {region} pour les prochains jours.",
        "Une période sèche de près de {n} jours inquiète les paysans de {region}, où les semis auraient dû commencer.",
    ],
    "bodies": [
        "Les habitants ont passé la matinée à évacuer la boue de leurs maisons.",
        "Les autorités demandent aux familles installées près des rivières de se mettre à l'abri.",
        "Les caniveaux bouchés ont aggravé les inondations, selon les riverains.",
        "Des volontaires de la Croix-Rouge ont distribué des couvertures et des comprimés pour purifier l'eau.",
    ],
    "quotes": [
        "« L'eau est entrée dans la maison en quelques minutes », raconte une habitante de {town}.",
        "« Si la pluie ne revient pas vite, nous perdrons la saison », craint un paysan de {region}.",
    ],
    "closes": [
        "Les autorités locales évaluent les dégâts.",
        "Un nouveau bulletin météo est attendu dans les prochains jours.",
    ],
}
