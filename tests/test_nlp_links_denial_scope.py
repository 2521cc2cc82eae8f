"""A denial disputes what it is of (nlp/links/cues.denial_scope, paragraph.denied_after): one that names a trade
leaves the speaker's other trades asserted; one by a spokesman, by counsel or in other words than "deny"
("a nié toute livraison d'armes", "never knew what was inside") disputes the part it answers."""

from __future__ import annotations

import pytest

from ocwatch.nlp.analyze import DocInput, analyze

pytestmark = pytest.mark.slow


def _status(text: str, lang: str) -> dict[tuple[str, str], set[str]]:
    """(actor id, market) -> the statuses of its participant links."""
    (res,) = analyze([DocInput("t", text, lang)], use_gate=False)
    out: dict[tuple[str, str], set[str]] = {}
    for x in res.links:
        if x["actor_id"] and x["role"] == "participant":
            out.setdefault((x["actor_id"], x["market"]), set()).add(x["status"])
    return out


@pytest.mark.parametrize(("text", "lang", "actor"), [
    ("Les hommes du groupe Maï-Maï Yakutumba taxent les creuseurs à Kamituga et vendent du cannabis à Uvira. Le "
     "groupe nie tout lien avec le cannabis.", "fr", "mai_mai"),
    ("The Nduma Defence of Congo taxes gold diggers at Pinga and sells cannabis in Walikale. The group denied any "
     "involvement in the cannabis trade.", "en", "ndc_r"),
])
def test_a_denial_of_one_trade_leaves_the_speakers_other_trades_asserted(text: str, lang: str, actor: str) -> None:
    status = _status(text, lang)
    assert status[(actor, "cannabis_trade")] == {"disputed"}, status
    assert status[(actor, "non_renewable_resource_crimes")] == {"asserted"}, status
    assert status[(actor, "extortion_and_protection_racketeering")] == {"asserted"}, status


@pytest.mark.parametrize(("text", "lang", "actor", "market"), [
    ("Selon le Groupe d'experts, la milice Raïa Mutomboki achète des fusils à Uvira. Le porte-parole de la milice a "
     "nié toute livraison d'armes.", "fr", "raia_mutomboki", "arms_trafficking"),
    ("Police found 200 kg of cocaine in a warehouse in Tema rented by a trader, Kwame Mensah. Mensah's lawyer said "
     "his client never knew what was inside the crates.", "en", "unknown:kwame mensah", "cocaine_trade"),
])
def test_a_denial_by_a_spokesman_or_counsel_in_other_words_disputes_the_part(text: str, lang: str, actor: str,
                                                                             market: str) -> None:
    status = _status(text, lang)
    assert status[(actor, market)] == {"disputed"}, status
