"""Who levies a trade where it passes takes part in it there (nlp/links/levied_trade.py): the band that taxes
the diggers of a cassiterite town or the diamonds sold at Bria is in that market there; not a kidnapper, and
not at another place of the trade."""

from __future__ import annotations

import pytest

from tests.support.links_read import counted, has_link

pytestmark = pytest.mark.slow

MINING = "non_renewable_resource_crimes"


@pytest.mark.parametrize(("text", "lang", "actor", "place"), [
    ("In Kalima, a cassiterite-mining town, Raia Mutomboki fighters charge diggers a fee of 500 francs a week.", "en",
     "raia mutomboki", "Kalima"),
    ("À Bria, les hommes du FPRC taxent les diamants vendus par les creuseurs.", "fr", "fprc", "Bria"),
])
def test_a_band_that_levies_a_trade_takes_part_in_it_where_it_levies(text: str, lang: str, actor: str,
                                                                     place: str) -> None:
    keys = {(a and a.lower(), m, p) for a, m, p in counted(text, lang)}
    assert has_link(keys, actor, MINING, place), keys


@pytest.mark.parametrize(("text", "actor", "place"), [
    # holding people for ransom is no part in what they dig
    ("Gold is mined at Misisi, where Mai-Mai fighters kidnap traders for ransom.", "mai mai", "Misisi"),
    # where the gold was mined is not where the band taxes its sale
    ("Gold mined at Kamituga is sold in Bukavu, where Raia Mutomboki fighters tax every sale.", "raia mutomboki",
     "Kamituga"),
])
def test_a_kidnapper_or_a_levy_elsewhere_takes_no_part_in_the_trade(text: str, actor: str, place: str) -> None:
    keys = {(a and a.lower(), m, p) for a, m, p in counted(text, "en")}
    assert not any(a and actor in a.replace("-", " ") and m == MINING and p == place for a, m, p in keys), keys
