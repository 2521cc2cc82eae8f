"""Forty-ninth session: a deed someone refused to do is not counted. Each text is a variant of a construction
that failed, not the paragraph it failed in."""

from __future__ import annotations

import pytest

from tests.support.links_read import counted as _counted
from tests.support.links_read import has_link as _has

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "lang"), [
    ("The driver, Juma Otieno, told police he had refused to carry the heroin to Mombasa.", "en"),
    ("Le chauffeur, Juma Otieno, a déclaré aux policiers qu'il avait refusé de transporter l'héroïne jusqu'à "
     "Mombasa.", "fr"),
    ("Fishermen in Lamu said they declined to move the heroin to Mombasa.", "en"),
])
def test_a_deed_someone_refused_to_do_is_not_counted(text: str, lang: str) -> None:
    assert not any(k[1] == "heroin_trade" for k in _counted(text, lang))


@pytest.mark.parametrize(("text", "lang"), [
    ("Traders who refuse to pay the fee to the M23 at Rubaya are beaten.", "en"),
    ("Les commerçants qui refusent de payer la taxe au M23 à Rubaya sont battus.", "fr"),
])
def test_a_cut_someone_refuses_to_pay_is_still_demanded(text: str, lang: str) -> None:
    assert _has(_counted(text, lang), "M23", "extortion_and_protection_racketeering", "Rubaya")
