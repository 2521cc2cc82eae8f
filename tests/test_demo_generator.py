"""The demo generator: deterministic, big enough, and carrying the signals it promises."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
import trafilatura
from rapidfuzz import fuzz

from ocwatch.demo import DEMO_DATE, OUTLETS, expected
from ocwatch.demo.outlets import iso_week
from ocwatch.demo.schedule import build_articles
from ocwatch.demo.site import generate

ORIGINS = {o.id: f"http://127.0.0.1:{9100 + i}" for i, o in enumerate(OUTLETS)}


def _week(article) -> str:
    return iso_week(article.published.astimezone(dt.UTC).date())


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    root = tmp_path_factory.mktemp("demo-site")
    return root, generate(root, ORIGINS)


def test_generator_writes_the_same_bytes_twice(site, tmp_path: Path) -> None:
    root, _ = site
    generate(tmp_path, ORIGINS)
    first, second = _files(root), _files(tmp_path)
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


def test_demo_meets_the_minimum_counts_weeks_outlets_and_languages() -> None:
    facts = expected()
    assert facts["article_count"] >= 150
    assert len(facts["weeks"]) == 26 and facts["weeks"][0] == "2026-W21" and facts["weeks"][-1] == "2026-W46"
    weeks = Counter(_week(a) for a in build_articles())
    assert set(weeks) == set(facts["weeks"])  # every week has stories, none outside the window
    grades = {o["reliability"] for o in facts["outlets"].values()}
    assert {"A", "B", "C", "D", "E"} <= grades
    routes = {o["route"] for o in facts["outlets"].values()}
    assert routes == {"rss", "atom", "sitemap", "listing", "pdf"}
    assert facts["languages"]["en"] >= 50 and facts["languages"]["fr"] >= 50
    assert dt.date(2026, 11, 16) == DEMO_DATE and DEMO_DATE.weekday() == 0


def test_most_articles_are_not_about_crime() -> None:
    articles = build_articles()
    crime = sum(a.story.crime for a in articles)
    assert 0.25 * len(articles) < crime < 0.5 * len(articles)


def test_spike_week_has_independent_gold_stories_from_at_least_four_outlets() -> None:
    facts = expected()["spike"]
    originals = [a for a in build_articles() if a.wire_of is None]
    spike = [a for a in originals if a.story.theme == "gold_spike"]
    assert {_week(a) for a in spike} == {facts["week"]}
    assert len(spike) >= 6 and len({a.outlet for a in spike}) >= 4
    text = " ".join(p for a in spike for p in a.story.paragraphs)
    for name in ("CODECO", "ADF", "Kampala", "Dubai", "Bunia", "Mongbwalu", "Mahagi", "Djugu"):
        assert name in text
    baseline = Counter(_week(a) for a in originals if a.story.theme == "gold_ituri")
    assert facts["week"] not in baseline
    assert set(baseline.values()) <= {1, 2} and len(baseline) == 25


def test_wazalendo_is_tied_to_coltan_at_rubaya_only_in_the_last_week() -> None:
    facts = expected()["new_link"]
    articles = build_articles()
    with_wazalendo = [a for a in articles if "Wazalendo" in " ".join(a.story.paragraphs)]
    assert with_wazalendo and {_week(a) for a in with_wazalendo} == {facts["week"]}
    assert any("Wazalendo" in p and "coltan" in p and "Rubaya" in p for a in with_wazalendo for p in a.story.paragraphs)
    m23_weeks = {_week(a) for a in articles if a.story.theme == "coltan_rubaya"}
    assert len(m23_weeks) == 26  # the M23 and coltan at Rubaya: steady, every week


def test_wire_copies_are_near_duplicates_and_independent_stories_are_not() -> None:
    articles = build_articles()
    by_id = {a.id: a for a in articles}
    copies = [a for a in articles if a.wire_of is not None]
    assert copies and all(a.outlet == "continental-wire" for a in copies)
    for copy in copies:
        original = by_id[copy.wire_of]
        assert fuzz.ratio(" ".join(copy.story.paragraphs), " ".join(original.story.paragraphs)) >= 85
    spike = [" ".join(a.story.paragraphs) for a in articles if a.story.theme == "gold_spike" and a.wire_of is None]
    worst = max(fuzz.ratio(x, y) for i, x in enumerate(spike) for y in spike[i + 1:])
    assert worst < 70


def test_article_pages_look_like_news_pages_and_extract_to_the_story(site) -> None:
    root, manifest = site
    article = next(a for a in build_articles() if a.outlet == "global-crime-dispatch" and a.story.crime)
    html = (root / "sites" / article.outlet / manifest[article.outlet]["routes"][article.path]["file"]).read_text()
    for marker in ("<nav", "<footer", "<aside", 'property="og:title"', "article:published_time",
                   "<time datetime=", "application/ld+json", 'class="byline"', 'class="related"'):
        assert marker in html
    text = trafilatura.extract(html, favor_precision=True) or ""
    assert article.story.paragraphs[0][:60] in text
    assert "All rights reserved" not in text and "Newsletter" not in text


def test_broken_and_forbidden_links_are_listed_in_the_facts(site) -> None:
    _, manifest = site
    facts = expected()
    broken = {b["path"]: b["status"] for b in facts["broken"]}
    assert 500 in broken.values() and 404 in broken.values()
    for path, status in broken.items():
        outlet = next(b["outlet"] for b in facts["broken"] if b["path"] == path)
        assert path not in manifest[outlet]["routes"]
        assert (status == 500) == (path in manifest[outlet]["faults"])
