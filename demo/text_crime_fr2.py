"""French story material for the Sahel and Central African themes (Mali, Niger, Centrafrique)."""

from __future__ import annotations

MALI_FUEL = {
    "slots": {"place": ["Gao", "Ménaka", "Ansongo", "Bourem"]},
    "titles": [
        "Mali : le JNIM contrôle la contrebande de carburant autour de {place}",
        "Gao : le prix de l'essence flambe, la contrebande prospère",
        "Sur les routes de Ménaka, le carburant de contrebande finance les jihadistes",
        "Le blocus du JNIM fait grimper le prix du carburant à {place}",
    ],
    "leads": [
        "Le JNIM prélève une taxe sur chaque citerne de carburant de contrebande qui entre dans la région de {place}, selon des transporteurs joints par téléphone.",
        "À Gao, le litre d'essence se vend désormais au double du prix officiel, alors que la contrebande de carburant venue d'Algérie contourne les barrages du JNIM.",
        "Des combattants du JNIM ont intercepté {n} camions-citernes sur la route de Ménaka {weekday_fr}, selon des sources locales.",
        "La contrebande de carburant entre l'Algérie, le Niger et la région de {place} est devenue une source de revenus majeure pour le JNIM, selon des chercheurs.",
    ],
    "bodies": [
        "Les FAMa escortent quelques convois de carburant vers Gao, mais la plupart des commerçants préfèrent payer le JNIM pour passer.",
        "Le carburant de contrebande arrive en bidons depuis l'Algérie par des pistes du désert, loin des postes de contrôle.",
        "Les coupures d'électricité se multiplient à Gao faute de gasoil pour les centrales.",
        "Des commerçants de Ménaka affirment que le JNIM impose une taxe sur le carburant, le bétail et les marchandises.",
        "Les transporteurs disent rouler de nuit pour éviter les attaques sur l'axe Gao-Ménaka.",
        "L'État islamique au Sahel dispute aussi le contrôle de certaines routes autour de Ménaka.",
    ],
    "quotes": [
        "« Sans payer le JNIM, aucun camion de carburant ne passe », explique un transporteur de {place}.",
        "« Le prix de l'essence a doublé en un mois », se plaint un conducteur de moto-taxi à Gao.",
    ],
    "closes": [
        "Les autorités de transition n'ont pas commenté.",
        "Les commerçants réclament davantage d'escortes militaires.",
    ],
}

CAR_IVORY = {
    "slots": {"place": ["Bangassou", "Chinko", "Bria", "Sam Ouandja"]},
    "titles": [
        "Centrafrique : le braconnage des éléphants reprend près de {place}",
        "Ivoire : les groupes armés et Wagner mis en cause",
    ],
    "leads": [
        "Des écogardes ont découvert {n} carcasses d'éléphants privées de leurs défenses près de {place}, signe que le braconnage pour l'ivoire a repris dans l'est de la Centrafrique.",
        "Selon des ONG de conservation, des combattants du groupe 3R et des hommes de Wagner sont impliqués dans le trafic d'ivoire autour de {place}.",
    ],
    "bodies": [
        "L'ivoire centrafricain transite généralement par le Cameroun ou le Soudan avant de rejoindre les marchés asiatiques.",
        "Les hommes de Wagner, devenu Africa Corps, sont accusés de faire commerce d'ivoire et de bois autour de leurs bases.",
        "Les braconniers viennent souvent du Soudan à cheval pendant la saison sèche.",
        "Les autorités du parc de {place} réclament davantage d'écogardes et de radios.",
    ],
    "quotes": ["« Quand les combats s'arrêtent, les braconniers reviennent », dit un écogarde près de {place}."],
    "closes": ["Le ministère des Eaux et Forêts annonce une enquête."],
}

AGADEZ_SMUGGLING = {
    "slots": {"place": ["Agadez", "Dirkou", "Séguédine", "Arlit"]},
    "titles": [
        "Niger : le trafic de migrants reprend à Agadez",
        "Les passeurs d'Agadez empruntent de nouvelles pistes",
    ],
    "leads": [
        "Le trafic de migrants a repris à Agadez, où des pick-up partent plusieurs fois par semaine vers la Libye, selon des chauffeurs.",
        "Les passeurs de migrants évitent désormais la route principale au nord de {place} et empruntent des pistes vers Séguédine, selon des humanitaires d'Agadez.",
    ],
    "bodies": [
        "Le Niger a abrogé en 2023 sa loi contre le trafic illicite de migrants, et le commerce a repris ouvertement à Agadez.",
        "Les migrants paient plusieurs centaines de milliers de francs CFA aux passeurs d'Agadez pour rejoindre la frontière libyenne.",
        "Des humanitaires de {place} signalent davantage de migrants abandonnés dans le désert.",
    ],
    "quotes": ["« Les passeurs sont revenus dès l'abrogation de la loi », raconte un chauffeur d'Agadez."],
    "closes": ["Les autorités de Niamey n'ont pas réagi."],
}
