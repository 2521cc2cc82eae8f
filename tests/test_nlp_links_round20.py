"""Twentieth session: classes read on parts o to za once they were spent (development now). Each sentence
is a variant of a construction that failed there, not the paragraph it failed in."""

from __future__ import annotations

import pytest

from tests.support.links_read import counted as _counted

pytestmark = pytest.mark.slow

EXT = "extortion_and_protection_racketeering"


@pytest.mark.parametrize(("text", "actor", "place"), [
    ("Several armed groups, including CODECO, levy a fee on every pit in Djugu.", "CODECO", "Djugu"),
    ("Jihadist groups like JNIM collect a tax on cattle at Djibo.", "JNIM", "Djibo"),
    ("Armed gangs such as Gran Grif collect a fee on every truck in Liancourt.", "Gran Grif", "Liancourt"),
])
def test_a_member_named_after_including_or_such_as_does_what_its_group_does(
        text: str, actor: str, place: str) -> None:
    assert (actor, EXT, place) in _counted(text, "en")


@pytest.mark.parametrize(("text", "named"), [
    # the payers and the investigators named as members take no part in the cut
    ("Traders, including Jean-Bosco Mapendo, pay a monthly fee to the M23 at Rubaya.", "Jean-Bosco Mapendo"),
    ("Several NGOs, including Global Witness, documented how the M23 taxes coltan at Rubaya.", "Global Witness"),
])
def test_a_member_of_those_who_pay_or_investigate_takes_no_cut(text: str, named: str) -> None:
    counted = _counted(text, "en")
    assert ("M23", EXT, "Rubaya") in counted
    assert not any(actor == named for actor, _, _ in counted)


@pytest.mark.parametrize(("text", "actor", "place"), [
    # "encaisser" (to cash) a levy; fr_core_news_md reads the partitive "des" as a preposition, and "des
    # droits" is still what is taken
    ("Des miliciens Twirwaneho encaissent des droits de passage sur chaque troupeau à Minembwe.", "Twirwaneho",
     "Minembwe"),
    ("Des combattants de la CODECO encaissent des droits de passage sur chaque moto à Lopa.", "CODECO", "Lopa"),
])
def test_a_french_levy_whose_object_the_parser_reads_as_a_phrase_is_still_a_cut(
        text: str, actor: str, place: str) -> None:
    assert (actor, EXT, place) in _counted(text, "fr")
