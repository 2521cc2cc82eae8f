"""The words of a finding: the credibility rule, French contractions, places and usual weeks."""

from __future__ import annotations

import pytest

from ocwatch.report import phrases
from ocwatch.report.confidence import best_grade, confidence_text, credibility
from ocwatch.report.phrases import Where


@pytest.mark.parametrize("sources,grades,level", [
    # best grade A: one source possibly true, two probably, three or more confirmed
    (1, "A", 3), (2, "A,C", 2), (3, "A,B", 1), (9, "F,A", 1),
    # best grade B: never confirmed, however many sources
    (1, "B", 3), (2, "B", 2), (3, "B,D", 2), (9, "C,B", 2),
    # best grade C
    (1, "C", 4), (2, "C,D", 3), (3, "C", 2),
    # best grade D or E
    (1, "E", 4), (2, "D,E", 4), (4, "D", 3),
    # nothing to judge by: no source, no grade, only F
    (0, "A", 6), (3, "", 6), (5, "F", 6), (2, None, 6),
])
def test_credibility_follows_the_documented_table(sources: int, grades: str | None, level: int) -> None:
    assert credibility(sources, grades) == level


def test_the_best_grade_is_the_most_reliable_known_one() -> None:
    assert best_grade("C, b,F") == "B"
    assert best_grade("?,x") is None


def test_improbable_is_never_given_by_counting_sources() -> None:
    levels = {credibility(n, g) for n in range(5) for g in ("A", "B", "C", "D", "E", "F", "")}
    assert 5 not in levels and levels == {1, 2, 3, 4, 6}


def test_the_confidence_line_says_the_judgement_its_number_the_sources_and_the_best_grade() -> None:
    assert confidence_text("en", 3, "C,A,D") == "Confidence: confirmed by other independent sources (1) — 3 independent sources, best grade A"
    assert confidence_text("en", 3, "C,B,D") == "Confidence: probably true (2) — 3 independent sources, best grade B"
    assert confidence_text("en", 1, "B") == "Confidence: possibly true (3) — 1 independent source, best grade B"
    assert confidence_text("fr", 2, "B") == "Confiance : probablement vrai (2) — 2 sources indépendantes, meilleure cote B"
    assert confidence_text("fr", 0, "") == "Confiance : impossible à évaluer (6) — 0 sources indépendantes, meilleure cote ?"


@pytest.mark.parametrize("np,de,a", [
    ("le commerce illicite d'or", "du commerce illicite d'or", "au commerce illicite d'or"),
    ("l'exploitation et le commerce illicites de minerais", "de l'exploitation et du commerce illicites de minerais",
     "à l'exploitation et au commerce illicites de minerais"),
    ("la traite des êtres humains", "de la traite des êtres humains", "à la traite des êtres humains"),
    ("or", "d'or", "à or"),
])
def test_french_articles_contract_as_a_reader_expects(np: str, de: str, a: str) -> None:
    assert (phrases.de(np), phrases.a(np)) == (de, a)


@pytest.mark.parametrize("iso3,fr,en", [
    ("COD", "en République démocratique du Congo", "in the Democratic Republic of the Congo"),
    ("UGA", "en Ouganda", "in Uganda"), ("MLI", "au Mali", "in Mali"),
    ("ARE", "aux Émirats arabes unis", "in the United Arab Emirates"),
    ("MEX", "au Mexique", "in Mexico"), ("SSD", "au Soudan du Sud", "in South Sudan"),
])
def test_countries_take_their_preposition(iso3: str, fr: str, en: str) -> None:
    assert (phrases.country_in("fr", iso3), phrases.country_in("en", iso3)) == (fr, en)


def test_places_are_named_with_their_shared_region_and_country() -> None:
    where = Where("COD", ("Bunia", "Mahagi"), "Ituri")
    assert where.phrase("en", near=True) == "around Bunia and Mahagi (Ituri, Democratic Republic of the Congo)"
    assert where.phrase("fr", near=False) == "à Bunia et Mahagi (Ituri, République démocratique du Congo)"
    assert Where("COD", (), "Nord-Kivu").phrase("fr", near=True) == "dans le Nord-Kivu (République démocratique du Congo)"
    assert Where("UGA").phrase("en", near=True) == "in Uganda"


@pytest.mark.parametrize("counts,en,fr", [
    ([2, 3, 4, 2, 3, 2, 4, 2, 4, 4, 3, 2], "2 to 4", "2 à 4"),
    ([1, 2, 1, 2, 1, 9], "1 or 2", "1 ou 2"),  # one odd week does not widen the usual range
    ([3, 3, 3, 3], "3", "3"), ([0, 0, 0, 0, 1], "none", "aucun"), ([], "?", "?"),
])
def test_a_usual_week_is_the_middle_half_of_the_baseline_weeks(counts: list[int], en: str, fr: str) -> None:
    assert (phrases.usual_range("en", counts), phrases.usual_range("fr", counts)) == (en, fr)


def test_a_commodity_of_another_market_is_named_in_brackets() -> None:
    assert phrases.activity("en", "non_renewable_resource_crimes", "x", "Gold", True) == "illicit gold trading"
    assert phrases.activity("fr", "extortion_and_protection_racketeering", "x", "coltan", False) == \
        "l'extorsion et le racket (coltan)"
    assert phrases.activity("en", "new_market", "New market", None, False) == "new market"
