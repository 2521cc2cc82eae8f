"""Those who had the goods for one step of their way (nlp/links/parties.py): the one they were sold or handed
to, or bought from, and the agent of a later step, read down the verbs the goods go through ("trucked from
Uganda and sold to X", "transitent par Am Dafok avant d'être revendues aux combattants de X", "rifles that
they had bought from X", "where it is bought by clans of X"). Each takes part where its step happened, not
all along the route, and is no doer of the rest of it."""

from __future__ import annotations

import pytest

from tests.support.links_read import counted, has_link

pytestmark = pytest.mark.slow

ARMS, NRC, TIMBER, CANNABIS = "arms_trafficking", "non_renewable_resource_crimes", "flora_crimes", "cannabis_trade"


@pytest.mark.parametrize(("text", "lang", "actor", "market", "place", "before"), [
    # sold or handed to, down a chain of verbs with no subject of their own
    ("Rifles are trucked from Kenya through Lokichogio and sold to fighters of the White Army in Pibor.", "en",
     "White Army", ARMS, "Pibor", "Lokichogio"),
    ("Des munitions venues du Soudan transitent par Am Dafok avant d'être revendues aux combattants du FPRC à "
     "Birao.", "fr", "FPRC", ARMS, "Birao", "Am Dafok"),
    # a share of the goods, subject of a where-clause
    ("Des contrebandiers acheminent du carburant du Nigeria vers Diffa, où une partie est revendue aux combattants "
     "de Boko Haram.", "fr", "Boko Haram", NRC, "Diffa", "Nigeria"),
    # goods that reach the members of a name
    ("The Panel found that ammunition of Sudanese make has reached fighters of the SPLA-IO in Nasir county.", "en",
     "SPLA-IO", ARMS, "Nasir county", None),
    # bought from, in a relative clause on the goods
    ("Police arrested two men in Bor carrying rifles that they had bought from fighters of the White Army in "
     "Akobo.", "en", "White Army", ARMS, "Akobo", "Bor"),
    # the agent of a later step, and of a where-clause on the goods
    ("Mahogany felled inside the Alto Purús park is bought by the sawmill Maderas Ucayali SAC and exported "
     "through Callao to Mexico.", "en", "Maderas Ucayali", TIMBER, "Callao", "Alto Purús"),
    ("Cannabis resin is carried by speedboat across the Adriatic to Bari, where it is bought by clans of the "
     "Sacra Corona Unita.", "en", "Sacra Corona Unita", CANNABIS, "Bari", None),
])
def test_who_had_the_goods_for_a_later_step_takes_part_there_and_not_before(
        text: str, lang: str, actor: str, market: str, place: str, before: str | None) -> None:
    keys = counted(text, lang)
    assert has_link(keys, actor, market, place)
    # the earlier places of the route stay, without them
    assert before is None or (has_link(keys, None, market, before) and not has_link(keys, actor, market, before))


def test_a_buyer_is_not_at_the_sellers_places_nor_in_an_actorless_row_beside_the_seller() -> None:
    keys = counted("Majok Deng, a trader, brings AK-47s by lorry from Lodwar and sells them to youths of the Gak "
                   "Ajuong clan near Pibor.")
    assert has_link(keys, "Majok Deng", ARMS, "Lodwar") and has_link(keys, "Gak Ajuong", ARMS, "Pibor")
    assert not has_link(keys, "Gak Ajuong", ARMS, "Lodwar") and not has_link(keys, None, ARMS, "Lodwar")


def test_whom_goods_were_bought_from_is_not_their_owner_in_the_next_sentence() -> None:
    keys = counted("Gunrunners were arrested in Nasir carrying rifles that they had bought from the White Army in "
                   "Ulang. The weapons were meant for cattle raiders in Jonglei.")
    assert has_link(keys, "White Army", ARMS, "Ulang") and not has_link(keys, "White Army", ARMS, "Jonglei")


@pytest.mark.parametrize(("text", "lang"), [
    # what enforcers did with what they seized
    ("The seized heroin was flown to Nairobi and handed to the Government Chemist for analysis.", "en"),
    ("La drogue saisie à Gao a été transportée à Bamako puis remise au laboratoire de la police scientifique.",
     "fr"),
])
def test_goods_handed_on_after_a_seizure_give_no_receiver(text: str, lang: str) -> None:
    assert not [k for k in counted(text, lang) if k[0]]


def test_the_agent_of_what_was_not_done_and_of_running_a_checkpoint_handles_no_goods() -> None:
    # "sans permis" read as a verb by the small French parse; a checkpoint "manned by" hung on the goods' verb
    keys = counted("Les mines de jade de Hpakant sont exploitées sans permis par des sociétés liées à l'armée "
                   "birmane.", "fr")
    assert not [k for k in keys if k[0] and "armée" in k[0]]
    keys = counted("Teak felled in the Kagelu reserve is trucked across the border at Kaya to Arua, with each "
                   "truck paying $300 at checkpoints at Morobo manned by fighters of the National Salvation Front.")
    assert not has_link(keys, "National Salvation Front", TIMBER, "Arua")


@pytest.mark.parametrize(("text", "lang", "actor", "market", "place", "not_at"), [
    # "before being sold": the English parse hangs the clause on the preposition
    ("Heroin is trucked from Quetta to Karachi before being sold to members of the Lyari gang in Karachi.", "en",
     "Lyari", "heroin_trade", "Karachi", "Quetta"),
    # "achetées auprès de X": the French parse hangs "auprès" on the verb
    ("Les miliciens utilisent des munitions qu'ils ont achetées auprès de soldats des FARDC à Walikale.", "fr",
     "FARDC", ARMS, "Walikale", None),
    # the goods' own participle is their earlier way, not where they reached the name
    ("Weapons smuggled through southern Libya have reached fighters of JNIM in Ménaka.", "en", "JNIM", ARMS,
     "Ménaka", "Libya"),
    # a seller is not at a verb conjoined after the sale: the buyers export
    ("Cassiterite is smuggled out of Walikale, bought from officers of the FARDC in Goma and exported through "
     "Gisenyi.", "en", "FARDC", NRC, "Goma", "Gisenyi"),
    # a place of the sale's own wins over where the goods went before it
    ("The cocaine is flown from Venezuela to Guinea-Bissau and handed to members of the Sinaloa Cartel in Bissau.",
     "en", "Sinaloa", "cocaine_trade", "Bissau", "Guinea-Bissau"),
    # French "à" after a verb of the route is where the goods went before the sale
    ("Les armes sont acheminées à Mora avant d'être revendues aux combattants de Boko Haram.", "fr", "Boko Haram",
     ARMS, "Mora", None),
    # whom the goods were sold to in a where-clause is at its place, not at the goods' origin
    ("Los Choneros ship cocaine from Guayaquil to Antwerp, where it is sold to the Mocro Maffia.", "en",
     "Mocro Maffia", "cocaine_trade", "Antwerp", "Guayaquil"),
])
def test_the_step_of_the_goods_is_read_past_the_parse_and_placed_at_its_own_place(
        text: str, lang: str, actor: str, market: str, place: str, not_at: str | None) -> None:
    keys = counted(text, lang)
    assert has_link(keys, actor, market, place)
    assert not_at is None or not has_link(keys, actor, market, not_at)


@pytest.mark.parametrize(("text", "lang"), [
    # no goods reach anyone: an activity, or the people who carry them
    ("The wave of kidnappings has reached members of the Red Cross in Beni.", "en"),
    ("Smugglers carrying gold reached fighters of the M23 in Rubaya.", "en"),
    # the subject the chain shares is the dealers, or "they" the traders, or "some" of anything
    ("Les trafiquants d'or quittent Mongbwalu et sont accueillis par des combattants de la CODECO à Djugu.", "fr"),
    ("The gold traders travel from Mongbwalu to Kampala, where they are received by agents of the African Gold "
     "Refinery.", "en"),
    ("Smugglers carry the gold from Kamituga to Kampala, where some are employed by the Ugandan firm African Gold "
     "Refinery.", "en"),
    # guarding, escorting, or goods seized before the handover
    ("Gold that is guarded by FARDC soldiers at Misisi is smuggled to Kampala.", "en"),
    ("Gold is mined in Kamituga and escorted by FARDC soldiers to Bukavu.", "en"),
    ("The weapons, which had been seized at Kousseri, were trucked to Mora and sold to fighters of Boko Haram.", "en"),
    ("Les armes retenues à Kousseri ont été acheminées vers Mora avant d'être revendues aux combattants de Boko "
     "Haram à Kolofata.", "fr"),
])
def test_no_party_of_a_step_where_the_goods_take_none(text: str, lang: str) -> None:
    assert not [k for k in counted(text, lang) if k[0]]
