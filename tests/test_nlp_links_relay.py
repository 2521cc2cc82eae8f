"""Goods passed on by a pronoun (nlp/links/relay.py): "sell their cassiterite to traders who smuggle it to
Goma", "vendu à des négociants qui le font passer en Bolivie". The buyers' clause carries the goods' route on,
though no market word marks it; the one who sold them is not at its places, the one who bought from the
relayers is."""

from __future__ import annotations

import pytest

from tests.support.links_read import counted, has_link

pytestmark = pytest.mark.slow

MINERALS = "non_renewable_resource_crimes"


@pytest.mark.parametrize(("text", "lang", "place"), [
    ("Artisanal diggers at Mpama sell their cassiterite to traders who smuggle it to Goma.", "en", "Goma"),
    ("L'or est vendu à des négociants de Juliaca, qui le font passer en Bolivie.", "fr", "Bolivie"),
    ("L'or est ensuite vendu à des négociants de Mongbwalu, qui l'acheminent vers l'Ouganda.", "fr", "Ouganda"),
    ("Anti-balaka militias control the diamond fields around Carnot and sell the stones to collectors who "
     "smuggle them into Cameroon.", "en", "Cameroon"),
])
def test_where_buyers_take_the_goods_on_by_a_pronoun_is_a_place_of_the_trade(text: str, lang: str,
                                                                            place: str) -> None:
    assert has_link(counted(text, lang), None, MINERALS, place)


def test_the_seller_is_not_where_the_buyers_took_the_goods() -> None:
    text = ("Anti-balaka militias control the diamond fields around Carnot and sell the stones to collectors who "
            "smuggle them into Cameroon.")
    keys = counted(text, "en")
    assert has_link(keys, "Anti-balaka", MINERALS, "Carnot")
    assert not has_link(keys, "Anti-balaka", MINERALS, "Cameroon")


def test_a_group_named_before_is_not_where_the_buyers_took_the_goods() -> None:
    text = ("CODECO fighters control the gold pits of Lodjo. The gold is carried to Bunia and sold to traders who "
            "fly it to Kampala.")
    keys = {k for k in counted(text, "en") if k[2] == "Kampala"}
    assert keys and not any(k[0] for k in keys)


def test_whoever_bought_from_the_relayers_keeps_their_route() -> None:
    text = "3R procured assault rifles from Chadian traders, who carried them across the border near Ngaoundaye."
    assert has_link(counted(text, "en"), "3R", "arms_trafficking", "Ngaoundaye")


# The review's findings (texts of a helper's own), mended at their cause
def test_the_seller_is_not_where_a_conjoined_clause_of_its_buyers_took_the_goods() -> None:
    keys = counted("Al-Shabaab taxes charcoal at Kismayo and the traders then ship it to Dubai.", "en")
    assert has_link(keys, None, "flora_crimes", "Dubai")
    assert not has_link(keys, "Al-Shabaab", "flora_crimes", "Dubai")


def test_where_enforcers_sent_what_they_seized_is_no_place_of_the_trade() -> None:
    text = ("The smugglers were to take the cigarettes to Mali, but soldiers intercepted them near Gao and sent "
            "them to Bamako.")
    assert not any(k[2] == "Bamako" for k in counted(text, "en"))


def test_a_group_that_bought_from_the_relayers_keeps_their_route_in_french() -> None:
    text = "Les Maï-Maï achètent des munitions à des militaires congolais, qui les transportent jusqu'à Fizi."
    assert has_link(counted(text, "fr"), "Maï-Maï", "arms_trafficking", "Fizi")
