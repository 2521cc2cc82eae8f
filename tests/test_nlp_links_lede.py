"""A seizure reported with no doer is the doing of the one participant a later sentence of its paragraph
names for the same market (nlp/links/lede.py); a trade described in general, a recipient of the goods, or
two candidates leave it without one."""

from __future__ import annotations

from typing import Any

import pytest

from ocwatch.nlp.links.lede import lede_doer
from tests.support.links_read import counted as _counted
from tests.support.links_read import has_link as _has

SEIZED = "Police seized 300 kg of cocaine at the port of Durban on Sunday."
SAID = "Investigators said the gang sold it."


def _row(sent_idx: int, actor: str | None = None, **kw: Any) -> dict[str, Any]:
    base = {"sent_idx": sent_idx, "actor_id": actor, "actor_surface": actor, "market": "cocaine_trade",
            "role": "participant" if actor else None, "status": "asserted", "place_id": f"p{sent_idx}",
            "method": "subject/event" if actor else "none/event"}
    return {**base, **kw}


def _sentences(*texts: str) -> list[dict[str, Any]]:
    return [{"sent_idx": i, "text": t} for i, t in enumerate(texts)]


def _actors(links: list[dict[str, Any]], texts: tuple[str, ...] = (SEIZED, SAID),
            para: dict[int, int] | None = None) -> list[str | None]:
    out = lede_doer(links, _sentences(*texts), para or dict.fromkeys(range(len(texts)), 0))
    return [r["actor_id"] for r in out if r["sent_idx"] == 0]


def test_the_seizure_takes_the_one_participant_named_after_it() -> None:
    out = lede_doer([_row(0), _row(1, "bellville boys")], _sentences(SEIZED, SAID), {0: 0, 1: 0})
    assert out[0]["actor_id"] == "bellville boys"
    assert out[0]["method"] == "lede/event"
    assert out[0]["place_id"] == "p0"


@pytest.mark.parametrize("lede", ["Les douaniers ont saisi 400 kilos de cocaïne à Cotonou.",
                                  "Soldiers dismantled a laboratory near Lashio.",
                                  "La gendarmerie a intercepté un camion près de Kayes."])
def test_seizures_in_either_language_open_such_a_story(lede: str) -> None:
    assert _actors([_row(0), _row(1, "clan")], (lede, SAID)) == ["clan"]


def test_a_trade_described_in_general_keeps_no_doer() -> None:
    texts = ("Cocaine continues to reach Europe through Guayaquil.", SAID)
    assert _actors([_row(0), _row(1, "los lobos")], texts) == [None]


def test_two_participants_named_after_leave_it_without_one() -> None:
    assert _actors([_row(0), _row(1, "a"), _row(1, "b")]) == [None]


@pytest.mark.parametrize("method", ["recipient/event/again", "where/event", "subject/arrest"])
def test_a_recipient_an_origin_or_an_arrest_elsewhere_is_not_the_holder(method: str) -> None:
    assert _actors([_row(0), _row(1, "gang", method=method)]) == [None]


def test_a_participant_named_before_is_not_the_ledes() -> None:
    texts = (SAID, SEIZED)
    out = lede_doer([_row(0, "gang"), _row(1)], _sentences(*texts), {0: 0, 1: 0})
    assert [r["actor_id"] for r in out if r["sent_idx"] == 1] == [None]


def test_a_participant_of_another_paragraph_or_market_is_not_the_ledes() -> None:
    assert _actors([_row(0), _row(1, "gang")], para={0: 0, 1: 1}) == [None]
    assert _actors([_row(0), _row(1, "gang", market="heroin_trade")]) == [None]


def test_a_sentence_with_its_own_participant_keeps_its_rows() -> None:
    rows = [_row(0), _row(0, "customs broker", place_id="p9"), _row(1, "gang")]
    assert _actors(rows) == [None, "customs broker"]


@pytest.mark.parametrize("status", ["negated", "hypothetical", "disputed"])
def test_an_activity_not_asserted_keeps_no_doer(status: str) -> None:
    assert _actors([_row(0, status=status), _row(1, "gang")]) == [None]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "lang", "market", "actor", "place"), [
    ("Coast guards intercepted a fishing boat carrying 900 kilograms of cocaine off Praia on Thursday. "
     "According to the police, the Barbosa clan had loaded the drugs in Brazil and was to sell them in Lisbon.",
     "en", "cocaine_trade", "Barbosa", "Praia"),
    ("La gendarmerie a intercepté lundi près de Kayes un camion transportant 2 000 litres de mercure. "
     "D'après les enquêteurs, le réseau de Moussa Keita achète l'or des orpailleurs et écoule le métal à Bamako.",
     "fr", "non_renewable_resource_crimes", "Moussa Keita", "Kayes"),
])
def test_the_seizure_place_is_the_later_named_participants(text: str, lang: str, market: str, actor: str,
                                                            place: str) -> None:
    keys = _counted(text, lang)
    assert _has(keys, actor, market, place)
    assert not _has(keys, None, market, place)


@pytest.mark.slow
@pytest.mark.parametrize(("text", "market", "place"), [
    ("Cocaine from Colombia continues to reach Europe through the port of Guayaquil. "
     "Los Lobos control the loading of containers at the docks.", "cocaine_trade", "Guayaquil"),
    ("Police seized 300 kg of cocaine at the port of Durban on Sunday. "
     "The drugs were destined for the Bellville Boys gang in Cape Town, investigators said.", "cocaine_trade", "Durban"),
    ("Police seized 2 tonnes of cannabis at a farm near Kericho. The Kisumu Boys gang sells cannabis in Nairobi, "
     "and the Mungiki gang sells cannabis in Nakuru.", "cannabis_trade", "Kericho"),
])
def test_a_general_trade_a_recipient_or_two_gangs_leave_the_place_without_a_doer(text: str, market: str,
                                                                                place: str) -> None:
    assert _has(_counted(text), None, market, place)
