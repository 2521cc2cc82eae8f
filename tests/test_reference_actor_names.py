"""One name, one actor: a name the list gives two actors merges their links; a name is found
however its accents are written."""

from __future__ import annotations

import pytest

from ocwatch.nlp.analyze import DocInput, analyze
from ocwatch.reference import checks, taxonomy
from ocwatch.reference.taxonomy import Actor


def _actors(text: str, lang: str = "en") -> dict[str, str]:
    [result] = analyze([DocInput("d1", text, lang)], use_gate=False)
    return {m["surface"]: m["entity_id"] for m in result.mentions if m["kind"] == "actor"}


def test_the_shipped_list_gives_every_name_to_one_actor() -> None:
    assert checks._names_shared() == []


def test_a_name_given_to_two_actors_is_a_problem_naming_both(monkeypatch: pytest.MonkeyPatch) -> None:
    listed = taxonomy.actors()
    twin = Actor("emc", "Estado Mayor Central", ("Segunda marquetalia",), "mafia_style_groups", "COL",
                 "armed_group", "test")
    monkeypatch.setattr(checks, "actors", lambda: [*listed, twin])
    problems = checks.check_taxonomy()
    # the same name whatever its case; "Estado Mayor Central" is already an alias of the FARC dissidents
    assert any("'segunda marquetalia'" in p and "emc" in p and "segunda_marquetalia" in p for p in problems)
    assert any("'estado mayor central'" in p and "emc and farc_dissidents" in p for p in problems)


def test_an_acronym_is_told_apart_by_its_letters_only() -> None:
    assert checks._name_key("SSA-S") == "SSA-S"
    assert checks._name_key("Škaljari Clan") == checks._name_key("skaljari clan") == "skaljari clan"


def test_rival_montenegrin_clans_are_two_actors() -> None:
    found = _actors("Members of the Kavač clan smuggled cocaine through the port of Bar. "
                    "The Škaljari clan is its rival.")
    assert found == {"Kavač clan": "kavac_clan", "Škaljari clan": "skaljari_clan"}


def test_a_listed_name_written_without_its_accents_is_still_the_listed_actor() -> None:
    found = _actors("The Kavac clan and the Skaljari clan fight over cocaine routes in Montenegro.")
    assert found == {"Kavac clan": "kavac_clan", "Skaljari clan": "skaljari_clan"}
    assert _actors("Les Forces democratiques alliees ont attaque Beni.", "fr") == {
        "Forces democratiques alliees": "adf"}


def test_the_two_rival_shan_armies_are_told_apart() -> None:
    found = _actors("The RCSS/SSA and the SSPP clashed near Hsipaw over opium fields.")
    assert found == {"RCSS/SSA": "rcss", "SSPP": "sspp"}
