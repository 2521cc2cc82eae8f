"""English story material for everyday news: most of what an outlet publishes is not about crime.

These texts deliberately avoid every taxonomy term (no gold medals, no fuel
prices, no rackets in tennis) so that they are the noise a relevance gate
should skip, not accidental signal.
"""

from __future__ import annotations

POLITICS = {
    "titles": [
        "{region} assembly debates the new provincial budget",
        "Governor of {region} names a new cabinet",
        "Voter registration opens in {town}",
        "Opposition parties call for dialogue in {country}",
        "Parliament adopts a law on decentralisation",
        "Civil servants in {town} demand salary arrears",
    ],
    "leads": [
        "Members of the {region} provincial assembly began debating the {year} budget on {weekday}, with road repairs and schools at the top of the agenda.",
        "The governor of {region} appointed {n} new ministers on {weekday}, promising a government closer to the people.",
        "Voter registration centres opened in {town} this week, and officials expect more than {n_thousand} people to sign up before the end of {month}.",
        "Opposition parties in {country} called on {weekday} for a national dialogue on the electoral calendar.",
        "Lawmakers adopted a bill that gives provinces a larger share of national revenue, after months of debate.",
        "Teachers and nurses in {town} marched to the governor's office to demand three months of unpaid salaries.",
    ],
    "bodies": [
        "The budget plans new classrooms in {town} and the repair of the main market.",
        "Several deputies criticised delays in transferring funds from the capital to the provinces.",
        "Church leaders offered to mediate between the government and the opposition.",
        "The electoral commission said it had trained {n} registration agents for the province.",
        "A civil society coalition urged the new ministers to publish their asset declarations.",
        "The session was suspended for an hour after a dispute over the order of business.",
        "Youth groups in {town} organised debates to encourage young people to register.",
        "The assembly also approved a motion on the rehabilitation of the {town} airport.",
    ],
    "quotes": [
        "\"People want roads and schools, not speeches,\" a deputy from {town} said.",
        "\"Dialogue is the only path to stable institutions,\" an opposition spokesman said.",
        "\"We will publish every expense online,\" the new finance minister promised.",
    ],
    "closes": [
        "The debate continues next week.",
        "The governor is expected to present his programme to the assembly in {month}.",
        "The electoral commission will publish provisional lists next month.",
    ],
}

HEALTH = {
    "titles": [
        "Measles vaccination campaign reaches {n_thousand} children in {region}",
        "Cholera cases fall in {town} after water points are repaired",
        "New maternity ward opens at {town} general hospital",
        "Health workers trained to detect mpox in {region}",
        "Malaria nets distributed across {region}",
    ],
    "leads": [
        "A measles vaccination campaign reached more than {n_thousand} children in {region} this week, health officials said on {weekday}.",
        "Cholera cases in {town} fell sharply in {month} after aid agencies repaired {n} public water points, the provincial health office said.",
        "The general hospital of {town} opened a new maternity ward with {n} beds on {weekday}, funded by a partnership with a European donor.",
        "Nearly {n} community health workers in {region} were trained this month to recognise the symptoms of mpox and refer patients.",
        "Health teams began distributing insecticide-treated mosquito nets to households across {region} ahead of the rainy season.",
    ],
    "bodies": [
        "Mothers in {town} queued from early morning to have their children vaccinated.",
        "The campaign relies on cold chains powered by solar refrigerators in remote health centres.",
        "Doctors warn that malnutrition makes children more vulnerable to measles.",
        "The provincial health office reported {n} suspected cases in the past month, fewer than in the same period last year.",
        "Nurses said the new ward would reduce the number of women giving birth at home.",
        "Health workers also received motorbikes to reach villages far from the main roads.",
        "Aid agencies say funding for health programmes in the region has fallen this year.",
    ],
    "quotes": [
        "\"Every vaccinated child is a life protected,\" a nurse in {town} said.",
        "\"Clean water is the best medicine against cholera,\" a health official said.",
        "\"We used to send mothers to another town; now they stay here,\" a midwife in {town} said.",
    ],
    "closes": [
        "A second round of the campaign is planned for {month}.",
        "The health office urged parents to keep vaccination cards.",
        "Donors will review the programme at the end of the year.",
    ],
}

SPORT = {
    "titles": [
        "{team1} beat {team2} in a thrilling league match",
        "{team1} and {team2} share the points",
        "Young athletes from {town} shine at the national championships",
        "Basketball: {town} club reaches the regional final",
        "Stadium in {town} reopens after renovation",
    ],
    "leads": [
        "{team1} beat {team2} {score} on {weekday} in front of a packed stadium in {town}, climbing to third place in the league.",
        "{team1} and {team2} drew {score} on {weekday} in a match marked by two penalties and a late equaliser.",
        "Runners from {town} won {n} medals at the national athletics championships this weekend, the best result in the club's history.",
        "The {town} basketball club reached the regional final after a narrow win over the defending champions on {weekday}.",
        "The main stadium of {town} reopened this week after a year of renovation work, with a new pitch and lighting.",
    ],
    "bodies": [
        "The coach praised the discipline of his young defence and the work of the midfield.",
        "Supporters sang until late in the evening around the stadium.",
        "The visiting side had a goal disallowed for offside in the first half.",
        "The league resumes next week after a break for international matches.",
        "The federation promised to pay the referees' allowances before the next round.",
        "The club's academy has produced several players now in the national team.",
        "Tickets sold out two days before the match, the organisers said.",
    ],
    "quotes": [
        "\"We played as a team from the first minute,\" the coach of {team1} said.",
        "\"This result belongs to the supporters,\" the captain said after the match.",
        "\"Our young athletes need better facilities,\" a coach from {town} said.",
    ],
    "closes": [
        "The return match is scheduled for {month}.",
        "The club will travel to the capital for its next game.",
        "The championship ends in {month}.",
    ],
}

AGRICULTURE = {
    "titles": [
        "Coffee growers in {region} expect a better harvest",
        "Cassava prices fall in {town} as the harvest arrives",
        "Farmers in {region} adopt drought-resistant seeds",
        "Cooperatives in {town} open a new storage warehouse",
        "Bean harvest brings relief to markets in {town}",
    ],
    "leads": [
        "Coffee cooperatives in {region} expect the harvest to rise by about {n} percent this season thanks to regular rains, their federation said.",
        "The price of cassava flour in the markets of {town} fell this week as the new harvest reached traders, buyers said on {weekday}.",
        "More than {n_thousand} farmers in {region} received drought-resistant maize and bean seeds this month from an agricultural research programme.",
        "Farmers' cooperatives in {town} opened a warehouse that can store {n} tonnes of produce, reducing losses after the harvest.",
        "The arrival of the bean harvest brought prices down in the markets of {town}, to the relief of families.",
    ],
    "bodies": [
        "Agronomists advise farmers to rotate crops to protect the soil.",
        "Poor roads remain the main obstacle to getting produce to market before it spoils.",
        "Women make up most of the members of the cooperatives, which also offer small loans.",
        "The research institute plans demonstration plots in {n} villages next season.",
        "Traders said demand from neighbouring countries remained strong.",
        "Extension workers travel by bicycle to reach farms in the hills.",
        "The cooperatives hope to sell part of their coffee directly to roasters abroad.",
    ],
    "quotes": [
        "\"With good seeds, we can feed our families and sell the rest,\" a farmer from {town} said.",
        "\"The warehouse means we no longer sell everything at harvest time,\" a cooperative leader said.",
        "\"The rains came on time this year,\" a coffee grower in {region} said.",
    ],
    "closes": [
        "The next harvest is expected in {month}.",
        "The agriculture ministry promised support for rural roads.",
        "The cooperatives will hold their annual meeting in {town}.",
    ],
}

WEATHER = {
    "titles": [
        "Heavy rains flood neighbourhoods of {town}",
        "Forecasters warn of strong winds in {region}",
        "Dry spell worries farmers in {region}",
        "Storm damages school roofs in {town}",
    ],
    "leads": [
        "Heavy rains flooded several neighbourhoods of {town} overnight on {weekday}, damaging about {n} houses, local officials said.",
        "The national weather service warned of strong winds and storms in {region} for the coming days.",
        "A dry spell of nearly {n} days has worried farmers in {region}, where the planting season should have started.",
        "A violent storm tore the roofs off {n} classrooms in {town} on {weekday}, forcing schools to suspend lessons.",
    ],
    "bodies": [
        "Residents spent the morning clearing mud and debris from their homes.",
        "Officials urged families living near rivers to move to higher ground.",
        "The weather service expects rainfall to return to normal by the end of {month}.",
        "Blocked drains made the flooding worse, residents said.",
        "Volunteers from the Red Cross distributed blankets and water purification tablets.",
        "Farmers delayed planting while waiting for the rains.",
    ],
    "quotes": [
        "\"The water came into the house in a few minutes,\" a resident of {town} said.",
        "\"If the rain does not come soon, we will lose the season,\" a farmer in {region} said.",
    ],
    "closes": [
        "Local authorities are assessing the damage.",
        "The weather service will publish a new bulletin on {weekday}.",
    ],
}
