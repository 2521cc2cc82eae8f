"""Forty-seventh session: goods named again with "the" in a clause of their own, after the same sentence
named them, are an activity of that clause; a relative clause on the noun the goods name ("yaba tablets that
are trucked to") carries them on; the ground a relative clause says the doer holds is where it acts. Each text
is a variant of a construction that failed on the development parts, not the paragraph it failed in."""

from __future__ import annotations

import pytest

from tests.support.links_read import counted as _counted
from tests.support.links_read import has_link as _has

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "lang", "actor", "market", "place"), [
    ("Police said 200 kilograms of cocaine found in Lautoka had been bound for Sydney, and that a businessman, "
     "Peter Lal, had stored the drug in a warehouse in Ba before it was moved.", "en", "Peter Lal",
     "cocaine_trade", "Ba"),
    ("Dans les collines du district de Ho, au Ghana, des plantations de cannabis cachées dans les cacaoyères "
     "approvisionnent le marché togolais : selon la police ghanéenne, les ballots traversent la frontière à pied "
     "jusqu'à Kpalimé, au Togo, puis sont revendus à Atakpamé et à Sokodé.", "fr", None, "cannabis_trade",
     "Atakpamé"),
    ("According to Treasury, Balkan Leaf imports cigarettes made in Dubai and re-exports them with false documents "
     "that declare Egypt as their destination, while the cargo is actually unloaded in Greece and sold there "
     "without tax.", "en", None, "illicit_trade_in_excise_goods", "Greece"),
])
def test_goods_named_again_in_their_own_clause_are_traded_where_that_clause_says(
        text: str, lang: str, actor: str | None, market: str, place: str) -> None:
    assert _has(_counted(text, lang), actor, market, place)



@pytest.mark.parametrize(("text", "lang", "place"), [
    ("Tanzanian police intercepted the heroin at Tanga before the drugs were shipped to Antwerp.", "en", "Antwerp"),
    ("La coopérative vend légalement sa cassitérite à Bukavu, et le minerai est ensuite exporté vers Kigali.", "fr",
     "Kigali"),
])
def test_goods_named_again_after_a_seizure_or_a_lawful_sale_go_nowhere(text: str, lang: str, place: str) -> None:
    assert not any(k[2] == place for k in _counted(text, lang))


@pytest.mark.parametrize(("text", "lang", "actor", "market", "place"), [
    ("Wa-controlled laboratories in Mong Yawn make yaba pills that are trucked to Mae Sai.", "en", None,
     "synthetic_drug_trade", "Mae Sai"),
    ("Les FDLR produisent à Rutshuru des sacs de charbon qui sont acheminés vers Goma.", "fr", "FDLR", "flora_crimes",
     "Goma"),
    ("The Sinaloa Cartel buys shipments of fentanyl in Manzanillo that are then driven to Tijuana.", "en",
     "Sinaloa Cartel", "synthetic_drug_trade", "Tijuana"),
])
def test_a_clause_on_the_noun_the_goods_name_carries_the_goods_on(text: str, lang: str, actor: str | None,
                                                                   market: str, place: str) -> None:
    assert _has(_counted(text, lang), actor, market, place)


@pytest.mark.parametrize(("text", "actor", "place"), [
    ("Village de Dieu, which controls much of the Martissant corridor, also collects tolls from buses heading to "
     "Léogâne.", "Village de Dieu", "Martissant"),
    ("The Zintan brigade, which holds the checkpoints at Gharyan, takes a cut of every fuel truck.", None, "Gharyan"),
])
def test_the_ground_a_relative_clause_says_the_doer_holds_is_where_it_acts(text: str, actor: str | None,
                                                                            place: str) -> None:
    assert _has(_counted(text), actor, "extortion_and_protection_racketeering", place)
