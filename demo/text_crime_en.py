"""English story material for the criminal-market themes of the demo.

A theme is pools of titles, leads, body paragraphs, quotes and closing lines
with {slots}; an article draws one of each (several bodies) and fills the
slots. Actors, commodities and places are named together in one sentence on
purpose: that is what the extraction links.
"""

from __future__ import annotations

GOLD_ITURI = {
    "slots": {
        "town": ["Mongbwalu", "Djugu", "Mambasa", "Irumu", "Komanda"],
        "border": ["Mahagi", "Aru", "Kasindi"],
        "actor": ["CODECO", "ADF", "Zaire militia"],
        "territory": ["Djugu", "Irumu", "Mambasa"],
    },
    "titles": [
        "Gold from {town} still leaves Ituri unrecorded",
        "Police seize {kg} kg of gold near Bunia",
        "Armed groups keep their grip on the gold pits of {town}",
        "Ituri gold traders caught between militias and customs",
        "In {town}, miners pay the {actor} to dig",
        "Ituri gold exports remain far below production",
    ],
    "leads": [
        "Artisanal miners around {town} in Ituri province say {actor} fighters still take a share of the gold dug from pits near the town, according to local traders.",
        "Police in Bunia seized {kg} kilograms of gold on {weekday} from a trader who was trying to carry it to the {border} border post without export papers.",
        "Gold smuggling from the mines of {town} towards Uganda continued at a steady pace this month, customs officers in {border} said.",
        "A report by civil society groups in Ituri says {actor} militiamen controlled at least {n} gold mining sites around {town} during the past quarter.",
        "Traders in Bunia say the price paid for a gram of artisanal gold in {town} has barely moved since {month}, despite renewed insecurity on the roads.",
        "FARDC soldiers arrested {n} men suspected of gold smuggling on the road between {town} and Bunia, the army said on {weekday}.",
    ],
    "bodies": [
        "Most of the gold mined in Ituri leaves the province informally, carried by motorbike to {border} and then on to Kampala, where buyers pay in cash.",
        "The presence of the {actor} around the pits means miners pay a weekly fee to work, a practice local leaders describe as illegal taxation.",
        "Official gold exports from Ituri remain a fraction of estimated production, a gap that researchers put down to smuggling through Uganda.",
        "Mining cooperatives in {town} say they cannot register their production because the provincial mining office has no agents on site.",
        "The road from {town} to Bunia has seen repeated attacks in recent months, and trucks now travel in convoys with an army escort.",
        "Some of the gold eventually reaches refineries in Dubai, according to a trader in Bunia who asked not to be named.",
        "Local authorities have promised a new gold trading counter in Bunia, but traders say its fees are higher than the prices offered across the border.",
        "Humanitarian agencies estimate that more than {n_thousand} people have fled villages in {territory} territory since the start of the year.",
        "Miners in {town} work with mercury and simple tools, and accidents in collapsed shafts are frequent during the rainy season.",
        # Kept in the baseline on purpose: these actor-gold-place ties are old news, not new links.
        "CODECO fighters have long taxed the gold trade around Mongbwalu and Djugu, and some of that gold crosses at Mahagi into Uganda.",
        "The ADF has been linked for years to gold mining near Mambasa and Komanda, and traders in Bunia and Beni buy the gold it sells.",
        "Gold smuggled out of Bunia usually ends up in Kampala and then in Dubai, according to customs officers.",
    ],
    "quotes": [
        "\"We dig, but the men with guns take the best part,\" a miner in {town} said.",
        "\"Without traceability, every gram that leaves Ituri is a gram the state never sees,\" a mining official in Bunia said.",
        "\"The smugglers know the paths better than the customs officers do,\" a customs officer at {border} said.",
        "\"Prices in Kampala are always better, so that is where the gold goes,\" a trader in Bunia explained.",
        "\"Nobody here asks where the gold comes from,\" a buyer in {town} said.",
    ],
    "closes": [
        "The provincial government did not respond to a request for comment.",
        "The mining ministry says a new traceability scheme will start next year.",
        "Peacekeepers patrol parts of {territory} territory but do not monitor the mineral trade.",
        "Customs officials say they lack vehicles to patrol the border.",
    ],
}

# Written for the spike week: every variant names CODECO or the ADF, gold smuggling and
# the route to Uganda or Dubai in one sentence, and no two variants share a paragraph.
GOLD_SPIKE = {
    "slots": {},
    "titles": [
        "Surge in gold smuggling as CODECO and ADF fight over Ituri mines",
        "Record gold seizures in Bunia point to a smuggling boom towards Uganda and Dubai",
        "Gold at gunpoint: armed groups tighten their hold on Mongbwalu",
        "Couriers carry smuggled gold across the Mahagi border into Uganda",
        "Ituri gold smuggling network exposed after arrests in Bunia",
    ],
    "leads": [
        "Gold smuggling out of Ituri surged this week, with CODECO fighters escorting shipments of gold from Mongbwalu to the Mahagi border post and on to Kampala, officials in Bunia said.",
        "Security forces in Bunia seized {kg} kilograms of smuggled gold on {weekday}, the largest seizure this year, from traders tied to CODECO who were heading for Uganda.",
        "The ADF has taken over gold pits near Mambasa and sells the gold through traders who smuggle it to Kampala, according to local officials and two mining cooperatives in Ituri.",
        "An unusual wave of gold smuggling from Djugu territory towards Uganda has alarmed provincial authorities, who say CODECO militiamen tax every gram of gold that leaves the mines.",
        "Customs officers at Mahagi said this week that gold smuggling into Uganda had reached levels not seen for years, with couriers carrying gold from Mongbwalu hidden in sacks of beans.",
    ],
    "bodies": [
        "From Kampala, much of the smuggled gold is flown to Dubai, where refiners buy gold from Ituri with few questions about its origin, a trader in Bunia said.",
        "Provincial officials say CODECO and the ADF both now draw income from gold in Ituri, CODECO around Djugu and Mongbwalu and the ADF further south near Mambasa.",
        "At the Mahagi border post, officers counted at least {n} couriers carrying gold to Uganda since Monday, several times the usual number.",
        "The surge follows fighting between the FARDC and CODECO around Mongbwalu that pushed thousands of miners towards pits controlled by the militia.",
        "Traders in Bunia said buyers from Dubai had raised their prices for Ituri gold in recent weeks, drawing more of it onto smuggling routes through Uganda.",
        "Civil society leaders in Djugu accused local officials of protecting the gold smugglers in exchange for a share of the profits.",
        "Investigators believe the ADF uses the gold trade around Mambasa and Komanda to pay for weapons and recruits.",
        "Police in Bunia said the traders arrested this week had made regular trips to Kampala with gold bought from CODECO fighters in Mongbwalu.",
        "Aid workers in Djugu said families were leaving farms near the mines as the armed groups fought over the gold pits.",
        "A convoy stopped near Mahagi on {weekday} carried gold from Mongbwalu that was bound for Dubai through Entebbe airport, according to customs officers.",
    ],
    "quotes": [
        "\"In one week we have seen more gold leave than in the previous three months,\" a customs officer in Mahagi said.",
        "\"The militias are financing the war with our gold,\" a civil society leader in Bunia said.",
        "\"Every motorbike going to Uganda carries some gold now,\" a transporter in Djugu said.",
        "\"The ADF and CODECO are fighting for the same mines because the gold price is so high,\" a researcher in Bunia said.",
        "\"We need the state to control the mines, not the armed groups,\" a miner from Mongbwalu said.",
    ],
    "closes": [
        "Ugandan authorities did not comment on the reports.",
        "The provincial governor announced an inquiry into the smuggling network on {weekday}.",
        "The mining ministry in Kinshasa said it would send inspectors to Ituri next week.",
        "Peacekeepers in Bunia said they were following the situation closely.",
        "Police in Bunia said further arrests were expected.",
    ],
}

COLTAN_RUBAYA = {
    "slots": {"town": ["Rubaya", "Masisi", "Sake", "Goma"], "n_trucks": ["six", "eight", "twelve", "fifteen"]},
    "titles": [
        "M23 keeps control of the Rubaya coltan mines",
        "Coltan from Rubaya still crosses into Rwanda, traders say",
        "Life under the M23 in the mining town of Rubaya",
        "Coltan output at Rubaya rises under rebel administration",
        "Rubaya miners pay new fees to the M23",
    ],
    "leads": [
        "The M23 continues to run the coltan mines of Rubaya in Masisi territory, collecting a fee on every bag of coltan that leaves the site, miners told reporters.",
        "Traders in Goma say coltan from Rubaya is still trucked towards the Rwandan border under M23 supervision, months after the rebels took the area.",
        "The rebel administration set up by the M23 in Rubaya now issues its own permits to coltan traders, according to documents seen by reporters.",
        "Production of coltan at Rubaya has risen since the M23 reorganised the mining site, with {n_trucks} trucks leaving each week, traders in Goma estimate.",
        "Miners at Rubaya say the M23 has raised the fee it charges on coltan, cutting their income in a month of heavy rains.",
    ],
    "bodies": [
        "Rubaya holds one of the world's richest deposits of coltan, the ore that supplies tantalum for electronics.",
        "According to a UN panel, the M23 earns several hundred thousand dollars a month from the coltan trade at Rubaya.",
        "Coltan bought in Rubaya is declared as Rwandan production once it crosses the border near Gisenyi, researchers say.",
        "The road from Rubaya to Sake is controlled by M23 checkpoints where drivers pay for every load of coltan.",
        "Cassiterite from Masisi is sold through the same traders in Goma, who mix it with ore from other sites.",
        "Miners in Rubaya work in open pits on steep hillsides, where landslides killed several people earlier this year.",
        "Congolese officials call the coltan trade from Rubaya looting and say it funds the M23 rebellion.",
    ],
    "quotes": [
        "\"The M23 takes its share of every bag of coltan, whether you like it or not,\" a miner in Rubaya said.",
        "\"Nothing leaves Rubaya without a receipt from the rebels,\" a coltan trader in Goma said.",
        "\"We have no choice; the mine is the only work here,\" a digger in Rubaya said.",
    ],
    "closes": [
        "The M23 did not answer questions about its revenues.",
        "Kigali denies any involvement in the coltan trade from Rubaya.",
        "Talks between Kinshasa and the rebels have made little progress.",
    ],
}

WAZALENDO_RUBAYA = {
    "slots": {},
    "titles": [
        "Wazalendo militias now tax coltan at Rubaya",
        "New armed actor in Rubaya: Wazalendo fighters set up coltan checkpoints",
    ],
    "leads": [
        "Wazalendo militias have begun imposing illegal taxes on coltan at Rubaya in North Kivu, setting up checkpoints on paths that the M23 does not control, miners said this week.",
        "Fighters of the Wazalendo militias are taxing coltan leaving the Rubaya mines in North Kivu for the first time, according to traders and local officials in Masisi.",
    ],
    "bodies": [
        "Miners say Wazalendo fighters demand a fee for every bag of coltan carried out of Rubaya along the forest paths towards Masisi.",
        "Until now the Wazalendo militias, which fight alongside the Congolese army against the M23, had not been reported in the coltan trade at Rubaya.",
        "Traders in Goma said the Wazalendo checkpoints near Rubaya add a second layer of illegal taxation on coltan, on top of the fees paid to the M23.",
        "Local leaders in Masisi fear clashes between the Wazalendo and the M23 over control of the coltan routes from Rubaya.",
    ],
    "quotes": [
        "\"Now we pay the M23 in the mine and the Wazalendo on the path,\" a coltan carrier from Rubaya said.",
        "\"This is new: the Wazalendo never taxed coltan here before,\" a trader in Goma said.",
    ],
    "closes": [
        "A Wazalendo spokesman denied that the militias tax miners.",
        "The provincial authorities said they were verifying the reports.",
    ],
}
