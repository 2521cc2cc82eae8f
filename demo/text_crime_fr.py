"""French story material for the criminal-market themes of the demo (RDC, Grands Lacs)."""

from __future__ import annotations

GOLD_ITURI = {
    "slots": {
        "town": ["Mongbwalu", "Djugu", "Mambasa", "Irumu", "Komanda"],
        "border": ["Mahagi", "Aru", "Kasindi"],
        "actor": ["la CODECO", "les ADF", "la milice Zaïre"],
        "territory": ["Djugu", "Irumu", "Mambasa"],
    },
    "titles": [
        "Ituri : l'or de {town} échappe toujours à l'État",
        "Bunia : la police saisit {kg} kg d'or",
        "Les groupes armés gardent la main sur les puits d'or de {town}",
        "Les négociants d'or de l'Ituri pris entre milices et douane",
    ],
    "leads": [
        "Les creuseurs artisanaux de {town}, en province de l'Ituri, affirment que {actor} prélève toujours une part de l'or extrait des puits autour de la localité.",
        "La police de Bunia a saisi {kg} kilos d'or {weekday_fr} chez un négociant qui tentait de le faire passer par le poste frontalier de {border} sans documents.",
        "La contrebande d'or depuis les mines de {town} vers l'Ouganda se poursuit à un rythme régulier, selon des agents de la douane à {border}.",
        "Selon un rapport de la société civile de l'Ituri, {actor} contrôlait au moins {n} sites d'orpaillage autour de {town} au dernier trimestre.",
    ],
    "bodies": [
        "L'essentiel de l'or de l'Ituri quitte la province de manière informelle, à moto jusqu'à {border} puis vers Kampala, où les acheteurs paient en espèces.",
        "Les creuseurs de {town} versent une taxe hebdomadaire aux hommes armés pour accéder aux puits, une pratique que les notables qualifient de taxe illégale.",
        "Les exportations officielles d'or de l'Ituri ne représentent qu'une petite partie de la production estimée, un écart que les chercheurs attribuent à la contrebande.",
        "Les coopératives minières de {town} disent ne pas pouvoir déclarer leur production faute d'agents du service des mines sur place.",
        "La route entre {town} et Bunia a connu plusieurs attaques ces derniers mois et les camions circulent désormais en convoi sous escorte militaire.",
        "Une partie de cet or finit dans des raffineries de Dubaï, selon un négociant de Bunia qui a requis l'anonymat.",
        "Plus de {n_thousand} personnes ont fui les villages du territoire de {territory} depuis le début de l'année, selon les agences humanitaires.",
        "La CODECO taxe depuis longtemps le commerce de l'or autour de Mongbwalu et de Djugu, et une partie de cet or passe en Ouganda par Mahagi.",
        "Les ADF sont liés depuis des années à l'exploitation de l'or près de Mambasa et de Komanda, et des négociants de Bunia et de Beni achètent cet or.",
    ],
    "quotes": [
        "« Nous creusons, mais ceux qui ont les fusils prennent la meilleure part », témoigne un creuseur de {town}.",
        "« Sans traçabilité, chaque gramme qui quitte l'Ituri est perdu pour l'État », estime un responsable du service des mines à Bunia.",
        "« Les prix sont meilleurs à Kampala, alors l'or part là-bas », explique un négociant de Bunia.",
    ],
    "closes": [
        "Le gouvernement provincial n'a pas répondu à nos questions.",
        "Le ministère des Mines promet un nouveau système de traçabilité l'an prochain.",
        "Les agents de la douane disent manquer de véhicules pour surveiller la frontière.",
    ],
}

GOLD_SPIKE = {
    "slots": {},
    "titles": [
        "Ituri : la contrebande d'or explose vers l'Ouganda et Dubaï",
        "Mongbwalu : la CODECO et les ADF se disputent l'or de l'Ituri",
        "Bunia : un réseau de contrebande d'or démantelé",
        "À Mahagi, les passeurs d'or défient la douane",
    ],
    "leads": [
        "La contrebande d'or en Ituri a fortement augmenté cette semaine : des miliciens de la CODECO escortent l'or de Mongbwalu jusqu'au poste frontalier de Mahagi, d'où il part vers Kampala, selon des responsables à Bunia.",
        "Les ADF ont pris le contrôle de puits d'or près de Mambasa et revendent l'or à des négociants qui le font passer en contrebande vers l'Ouganda, selon des sources locales.",
        "La police a arrêté {weekday_fr} à Bunia cinq négociants soupçonnés de contrebande d'or au profit de la CODECO, avec {kg} kilos d'or destinés à Kampala.",
        "À Mahagi, les douaniers disent n'avoir jamais vu autant de passeurs transporter de l'or de Djugu vers l'Ouganda qu'au cours de cette semaine.",
    ],
    "bodies": [
        "Depuis Kampala, une grande partie de l'or de contrebande est acheminée par avion vers Dubaï, où les raffineurs achètent l'or de l'Ituri sans poser de questions.",
        "Selon des responsables provinciaux, la CODECO et les ADF tirent désormais tous deux des revenus de l'or de l'Ituri, la CODECO autour de Djugu et Mongbwalu, les ADF plus au sud vers Mambasa.",
        "Au poste frontalier de Mahagi, les agents ont compté au moins {n} passeurs transportant de l'or vers l'Ouganda depuis lundi.",
        "Cette flambée fait suite aux combats entre les FARDC et la CODECO autour de Mongbwalu, qui ont poussé des milliers de creuseurs vers des puits contrôlés par la milice.",
        "Des négociants de Bunia affirment que les acheteurs de Dubaï ont relevé leurs prix pour l'or de l'Ituri, ce qui attire davantage d'or vers les circuits de contrebande par l'Ouganda.",
        "La société civile de Djugu accuse des autorités locales de protéger les trafiquants d'or en échange d'une part des bénéfices.",
        "Les enquêteurs estiment que les ADF financent l'achat d'armes grâce au trafic d'or autour de Mambasa et de Komanda.",
    ],
    "quotes": [
        "« En une semaine, nous avons vu sortir plus d'or qu'en trois mois », confie un douanier de Mahagi.",
        "« Les milices financent la guerre avec notre or », dénonce un responsable de la société civile à Bunia.",
        "« Chaque moto qui part vers l'Ouganda transporte de l'or », affirme un transporteur de Djugu.",
        "« L'État doit contrôler les mines, pas les groupes armés », plaide un creuseur de Mongbwalu.",
    ],
    "closes": [
        "Les autorités ougandaises n'ont pas réagi.",
        "Le gouverneur a annoncé l'ouverture d'une enquête sur ce réseau.",
        "Le ministère des Mines annonce l'envoi d'inspecteurs en Ituri.",
        "D'autres arrestations sont attendues à Bunia, selon la police.",
    ],
}

COLTAN_RUBAYA = {
    "slots": {"town": ["Rubaya", "Masisi", "Sake", "Goma"]},
    "titles": [
        "Rubaya : le M23 garde la main sur le coltan",
        "Le coltan de Rubaya continue de franchir la frontière rwandaise",
        "À Rubaya, les creuseurs paient de nouvelles taxes au M23",
    ],
    "leads": [
        "Le M23 continue d'administrer les mines de coltan de Rubaya, dans le territoire de Masisi, et prélève une taxe sur chaque sac de coltan qui quitte le site, selon des creuseurs.",
        "Des négociants de Goma affirment que le coltan de Rubaya est toujours acheminé vers la frontière rwandaise sous la supervision du M23.",
        "Les creuseurs de Rubaya disent que le M23 a relevé la taxe sur le coltan, réduisant leurs revenus en pleine saison des pluies.",
    ],
    "bodies": [
        "Rubaya abrite l'un des plus riches gisements de coltan au monde, le minerai dont on extrait le tantale.",
        "Selon un groupe d'experts de l'ONU, le M23 tire plusieurs centaines de milliers de dollars par mois du coltan de Rubaya.",
        "Une fois la frontière franchie près de Gisenyi, le coltan de Rubaya est déclaré comme production rwandaise, selon des chercheurs.",
        "La route entre Rubaya et Sake est jalonnée de barrières du M23 où les chauffeurs paient pour chaque chargement de coltan.",
        "La cassitérite de Masisi passe par les mêmes négociants de Goma.",
    ],
    "quotes": [
        "« Le M23 prend sa part sur chaque sac de coltan », raconte un creuseur de Rubaya.",
        "« Rien ne sort de Rubaya sans un reçu des rebelles », affirme un négociant de Goma.",
    ],
    "closes": [
        "Le M23 n'a pas répondu à nos questions sur ses revenus.",
        "Kigali dément toute implication dans le commerce du coltan de Rubaya.",
    ],
}

WAZALENDO_RUBAYA = {
    "slots": {},
    "titles": ["Rubaya : les Wazalendo taxent désormais le coltan"],
    "leads": [
        "Des miliciens Wazalendo prélèvent depuis quelques jours des taxes illégales sur le coltan à Rubaya, au Nord-Kivu, sur des sentiers que le M23 ne contrôle pas, selon des creuseurs.",
    ],
    "bodies": [
        "Les Wazalendo, qui combattent aux côtés de l'armée contre le M23, n'avaient jusqu'ici jamais été signalés dans le commerce du coltan de Rubaya.",
        "Des négociants de Goma expliquent que les barrières des Wazalendo près de Rubaya ajoutent une taxe illégale sur le coltan à celle payée au M23.",
        "Des notables de Masisi craignent des affrontements entre les Wazalendo et le M23 pour le contrôle des routes du coltan.",
    ],
    "quotes": ["« On paie le M23 à la mine et les Wazalendo sur le chemin », dit un porteur de coltan de Rubaya."],
    "closes": ["Un porte-parole des Wazalendo dément toute taxation des creuseurs."],
}

VIRUNGA_CHARCOAL = {
    "slots": {"place": ["Rutshuru", "Kibumba", "Goma"]},
    "titles": [
        "Goma : le makala du parc des Virunga toujours en vente",
        "Les écogardes des Virunga saisissent du charbon de bois",
    ],
    "leads": [
        "Des camions chargés de makala venu du parc national des Virunga entrent chaque jour à Goma, malgré l'interdiction de couper des arbres dans le parc.",
        "Les écogardes du parc national des Virunga ont saisi {n} sacs de charbon de bois près de {place} {weekday_fr}.",
    ],
    "bodies": [
        "Le makala reste le principal combustible de cuisine pour les habitants de Goma.",
        "Les FDLR et d'autres groupes armés taxent les producteurs de charbon de bois dans le parc des Virunga, selon les écogardes.",
        "Le commerce illégal de charbon issu des Virunga rapporterait des dizaines de millions de dollars par an.",
        "Les sacs de makala sont transportés à vélo sur la route de {place} à Goma.",
    ],
    "quotes": ["« Chaque sac de makala, c'est un morceau de forêt en moins », regrette un écogarde de {place}."],
    "closes": ["La direction du parc annonce des patrouilles renforcées."],
}
