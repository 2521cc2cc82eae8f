"""English story material for the background criminal-market themes (Haiti, CAR, Virunga, Niger)."""

from __future__ import annotations

HAITI_GANGS = {
    "slots": {
        "gang": ["Viv Ansanm", "400 Mawozo", "Gran Grif"],
        "place": ["Croix-des-Bouquets", "Pont-Sondé", "Martissant", "Cité Soleil", "Kenscoff"],
    },
    "titles": [
        "Kidnappings rise again on the roads out of Port-au-Prince",
        "{gang} gang extorts traders in {place}",
        "Arms trafficking feeds the gangs of Port-au-Prince, report says",
        "Haitian police battle {gang} for control of {place}",
        "Gangs tax trucks on the main road to the Artibonite",
    ],
    "leads": [
        "The {gang} gang kidnapped {n} people on the road between Port-au-Prince and {place} this week, demanding ransoms from their families, police said.",
        "Members of {gang} are extorting market traders in {place}, who must pay a weekly fee to keep their stalls open, residents told reporters.",
        "A new report says arms trafficking from Florida supplies the Viv Ansanm coalition with rifles and ammunition that reach Port-au-Prince by boat.",
        "Haitian National Police officers clashed with {gang} fighters in {place} on {weekday}, in an operation to reopen the road to the Artibonite.",
        "Gran Grif gunmen extort drivers at roadblocks near Pont-Sondé in the Artibonite, charging each truck a toll to pass, transport unions said.",
    ],
    "bodies": [
        "Kidnapping for ransom has become one of the main sources of income for gangs in Port-au-Prince, alongside extortion of businesses.",
        "The Viv Ansanm coalition, which groups most gangs in Port-au-Prince, controls the main roads leading out of the capital.",
        "Weapons smuggled into Haiti often arrive hidden in shipping containers declared as household goods, customs officers said.",
        "The 400 Mawozo gang, based around Croix-des-Bouquets, has carried out mass kidnappings in the past, including of foreign missionaries.",
        "Farmers in the Artibonite say Gran Grif attacks have forced them to abandon rice fields near Pont-Sondé.",
        "The multinational security support mission has added patrols on the road north of the capital, with limited effect so far.",
        "More than {n_thousand} people have been displaced by gang violence in the capital region this year, according to aid agencies.",
    ],
    "quotes": [
        "\"If you do not pay, they burn your stall,\" a trader in {place} said.",
        "\"Every family here knows someone who was kidnapped,\" a resident of Port-au-Prince said.",
        "\"The guns keep coming, and the gangs keep growing,\" a police officer in Port-au-Prince said.",
    ],
    "closes": [
        "The national police did not give a toll of the operation.",
        "Aid groups say access to parts of the capital remains cut off.",
        "The transitional council promised new measures against the gangs.",
    ],
}

CAR_IVORY = {
    "slots": {"place": ["Bangassou", "Chinko", "Bria", "Sam Ouandja", "Obo"]},
    "titles": [
        "Elephant poaching returns to the forests near {place}",
        "Ivory seized in Bangui was bound for Cameroon",
        "Armed groups and foreign fighters linked to ivory trafficking in CAR",
    ],
    "leads": [
        "Rangers found {n} elephant carcasses stripped of their tusks near {place} this month, a sign that poaching for ivory has resumed in the east of the Central African Republic.",
        "Police in Bangui seized {kg} kilograms of ivory hidden in a truck bound for the Cameroon border, officials said on {weekday}.",
        "Conservation groups say fighters of the 3R armed group and Wagner contractors have been involved in ivory trafficking around {place}.",
    ],
    "bodies": [
        "The Chinko reserve lost most of its elephants to poachers in the last two decades, conservationists say.",
        "Ivory from the Central African Republic is usually smuggled through Cameroon or Sudan before reaching Asian markets.",
        "Wagner fighters, now operating as Africa Corps, have been accused of trading in ivory and timber around their bases.",
        "The 3R armed group controls trade routes in the west of the country, where cattle and ivory are moved towards Cameroon.",
        "Rangers say poachers often come from Sudan on horseback during the dry season.",
        "Park authorities in {place} have asked for more rangers and radios to stop the poaching.",
    ],
    "quotes": [
        "\"When the fighting stops, the poachers come back,\" a ranger near {place} said.",
        "\"Ivory pays for guns, and guns protect the ivory,\" a wildlife official in Bangui said.",
    ],
    "closes": [
        "The wildlife ministry said an investigation was under way.",
        "The seized ivory will be stored in Bangui pending trial.",
    ],
}

VIRUNGA_CHARCOAL = {
    "slots": {"place": ["Rutshuru", "Kibumba", "Goma", "Nyiragongo"]},
    "titles": [
        "Charcoal from Virunga park keeps Goma's kitchens burning",
        "Rangers seize charcoal sacks on the edge of Virunga",
        "The illegal charcoal trade eats into Virunga National Park",
    ],
    "leads": [
        "Trucks loaded with charcoal from Virunga National Park still enter Goma every day, rangers say, despite a ban on cutting trees inside the park.",
        "Rangers of Virunga National Park seized {n} sacks of charcoal near {place} on {weekday}, the park authority said.",
        "Armed groups including the FDLR profit from the illegal charcoal trade in Virunga, where makala is produced in the forest and sold in Goma.",
    ],
    "bodies": [
        "Makala, as charcoal is called in Goma, is the main cooking fuel for the city's two million residents.",
        "The charcoal trade from Virunga is worth tens of millions of dollars a year, according to conservation groups.",
        "The FDLR and other armed groups tax charcoal producers inside Virunga National Park, rangers say.",
        "Park authorities promote briquettes and gas stoves as alternatives to charcoal, with little uptake so far.",
        "Sacks of makala from Virunga are carried by bicycle along the road from {place} to Goma.",
    ],
    "quotes": [
        "\"Every sack of charcoal from the park is a piece of forest we lose,\" a ranger in {place} said.",
        "\"We have no other way to cook,\" a mother in Goma said.",
    ],
    "closes": [
        "The park authority said patrols would be stepped up.",
        "Local officials called for cheaper alternatives to charcoal.",
    ],
}

AGADEZ_SMUGGLING = {
    "slots": {"place": ["Agadez", "Dirkou", "Séguédine", "Arlit"]},
    "titles": [
        "Migrant smuggling rebounds on the desert route through Agadez",
        "Smugglers take new tracks north of {place}",
    ],
    "leads": [
        "Migrant smuggling through Agadez has picked up again, with pickups carrying migrants north towards Libya several times a week, drivers said.",
        "Smugglers of migrants now avoid the main road north of {place} and use desert tracks towards Séguédine, aid workers in Agadez said.",
    ],
    "bodies": [
        "Niger repealed its law against migrant smuggling in 2023, and the trade through Agadez has resumed openly.",
        "Migrants pay smugglers in Agadez several hundred dollars for the crossing to the Libyan border.",
        "Aid workers in {place} say more migrants are abandoned in the desert when vehicles break down.",
        "Human smuggling networks in Agadez also move fuel and cigarettes on the same routes, according to researchers.",
    ],
    "quotes": [
        "\"The smugglers came back as soon as the law was repealed,\" a driver in Agadez said.",
        "\"The desert route is more dangerous now,\" an aid worker in {place} said.",
    ],
    "closes": [
        "Authorities in Niamey did not comment.",
        "Aid groups say rescue patrols in the desert are underfunded.",
    ],
}
