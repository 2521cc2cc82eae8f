"""Twenty-fifth session: police, customs and INTERPOL releases and the wire copy built on them. Each
sentence is a variant of a construction that failed on the development parts, not the paragraph it
failed in."""

from __future__ import annotations

import pytest

from tests.support.links_read import counted as _counted

pytestmark = pytest.mark.slow

COCAINE = "cocaine_trade"


@pytest.mark.parametrize(("text", "lang"), [
    ("Omar Diallo, a trader who coordinates the reception of cocaine shipments in Bissau, was arrested.", "en"),
    ("Omar Diallo, qui coordonnait l'acheminement de la cocaïne vers Bissau, a été arrêté.", "fr"),
])
def test_who_coordinates_the_shipments_takes_part(text: str, lang: str) -> None:
    assert ("Omar Diallo", COCAINE, "Bissau") in _counted(text, lang)


@pytest.mark.parametrize(("text", "lang", "chief"), [
    ("The police chief, Ali Sow, who coordinates the fight against cocaine trafficking in Bissau, spoke.", "en",
     "Ali Sow"),
    ("Le commissaire Diouf, qui coordonne la lutte contre le trafic de cocaïne à Bissau, a parlé.", "fr",
     "commissaire Diouf"),
])
def test_who_coordinates_the_fight_against_a_trade_takes_no_part(text: str, lang: str, chief: str) -> None:
    assert not [k for k in _counted(text, lang) if k[0] == chief]
