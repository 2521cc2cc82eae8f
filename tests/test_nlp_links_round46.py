"""Forty-sixth session: an actor's denial of operating somewhere or of the deliveries disputes its links, and
a denial that names a town or a site disputes its links there only. Each text is a variant of a construction
that failed on the development parts, not the paragraph it failed in."""

from __future__ import annotations

import pytest

from tests.support.links_read import counted as _counted
from tests.support.links_read import has_link as _has

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "lang", "actor", "market", "place"), [
    ("Guards of Kestrel Security Group protect the Bambari gold mine and fly its gold to Bangui. Kestrel Security "
     "Group has denied operating in the Central African Republic at all.", "en", "Kestrel Security Group",
     "non_renewable_resource_crimes", "Bambari"),
    ("Selon le rapport, les armes ont été achetées à Nyala auprès de commerçants du Front Kubri. Le Front Kubri a "
     "nié toute livraison d'armes.", "fr", "Front Kubri", "arms_trafficking", "Nyala"),
])
def test_a_denial_of_operating_or_of_deliveries_disputes_the_actors_links(
        text: str, lang: str, actor: str, market: str, place: str) -> None:
    assert not _has(_counted(text, lang), actor, market, place)


@pytest.mark.parametrize(("text", "lang", "kept", "market"), [
    ("The CODECO militia taxes diggers at Pimbo. CODECO denied in a statement that it had ever operated at the "
     "Mongbwalu concession.", "en", "Pimbo", "extortion_and_protection_racketeering"),
    ("La milice CODECO impose une taxe aux creuseurs à Lopa. La CODECO a démenti toute implication dans le trafic "
     "de bois vers Mahagi.", "fr", "Lopa", "extortion_and_protection_racketeering"),
])
def test_a_denial_that_names_a_town_leaves_the_actors_links_elsewhere(text: str, lang: str, kept: str,
                                                                       market: str) -> None:
    assert _has(_counted(text, lang), "CODECO", market, kept)


def test_a_town_after_the_denials_clause_does_not_narrow_it() -> None:
    keys = _counted("Workers were forced to run scams in a compound in Myawaddy guarded by the Karen Border Guard "
                    "Force. The Karen Border Guard Force denied any involvement, and the workers were handed to "
                    "officers in Mae Sot.")
    assert not any(k[0] and "Border Guard" in k[0] for k in keys)


@pytest.mark.parametrize(("text", "lang", "seat"), [
    ("The new authorities in Tripoli have publicised raids on hashish warehouses in Zuwara and Sabratha.", "en",
     "Tripoli"),
    ("Le parquet de Dakar a inculpé Moussa Ndiaye, soupçonné d'avoir blanchi 3 millions de dollars tirés du "
     "trafic de cocaïne.", "fr", "Dakar"),
    ("Des enquêteurs à Varsovie ont identifié des munitions revendues par des militaires dans la région de Lviv.",
     "fr", "Varsovie"),
])
def test_the_seat_of_those_who_govern_investigate_or_prosecute_is_no_place_of_the_trade(
        text: str, lang: str, seat: str) -> None:
    assert not any(k[2] == seat for k in _counted(text, lang))


@pytest.mark.parametrize(("text", "lang", "met"), [
    ("Traders we interviewed in Kandahar said heroin is still moved from Helmand to the Iranian border at Zaranj.",
     "en", "Kandahar"),
    ("Des orpailleurs rencontrés à Kidal affirment que le GSIM taxe les puits d'or d'Intahaka.", "fr", "Kidal"),
])
def test_where_the_sources_were_met_is_no_place_of_what_they_tell(text: str, lang: str, met: str) -> None:
    keys = _counted(text, lang)
    assert keys and not any(k[2] == met for k in keys)


@pytest.mark.parametrize(("text", "lang", "seat"), [
    ("Judicial police in Conakry said on Saturday they had found 600 kilograms of cocaine aboard a fishing boat "
     "near Kamsar.", "en", "Conakry"),
    ("Business associations in San Salvador argue that extortion of bus drivers by gangs has fallen in Soyapango.",
     "en", "San Salvador"),
])
def test_an_office_that_speaks_names_its_seat_not_the_trades_place(text: str, lang: str, seat: str) -> None:
    assert not any(k[2] == seat for k in _counted(text, lang))
