"""Those who had the goods for one step of their way (nlp/links/parties.py): the one they were sold or handed
to, or bought from, and the agent of a later step, read down the verbs the goods go through ("trucked from
Uganda and sold to X", "transitent par Am Dafok avant d'être revendues aux combattants de X", "rifles that
they had bought from X", "where it is bought by clans of X"). Each takes part where its step happened, not
all along the route, and is no doer of the rest of it."""

from __future__ import annotations

import pytest

from tests.support.links_read import counted, has_link

pytestmark = pytest.mark.slow

ARMS, FUEL, TIMBER, CANNABIS = "arms_trafficking", "non_renewable_resource_crimes", "flora_crimes", "cannabis_trade"


@pytest.mark.parametrize(("text", "lang", "actor", "market", "place", "before"), [
    # sold or handed to, down a chain of verbs with no subject of their own
    ("Rifles are trucked from Kenya through Lokichogio and sold to fighters of the White Army in Pibor.", "en",
     "White Army", ARMS, "Pibor", "Lokichogio"),
    ("Des munitions venues du Soudan transitent par Am Dafok avant d'être revendues aux combattants du FPRC à "
     "Birao.", "fr", "FPRC", ARMS, "Birao", "Am Dafok"),
    # a share of the goods, subject of a where-clause
    ("Des contrebandiers acheminent du carburant du Nigeria vers Diffa, où une partie est revendue aux combattants "
     "de Boko Haram.", "fr", "Boko Haram", FUEL, "Diffa", "Nigeria"),
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
