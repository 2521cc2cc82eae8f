"""The scale benchmark's synthetic corpus looks like real news where the pipeline's cost depends on it.

The near-duplicate pass compares texts whose SimHash prints fall within 12 bits
of each other, so its cost follows how prints spread: a corpus whose pages
share most word shingles would make the benchmark time an artefact. Real news
(the Article Extraction Benchmark's 181 article bodies) spreads like coin flips:
mean 32 bits apart, standard deviation 4, none within 17.
"""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pytest

from bench.scale_corpus import Doc, ScaleCorpus, _paragraphs
from ocwatch.nlp import gate
from ocwatch.spiders.history.simhash import MAX_HAMMING, fingerprint


def _distances(texts: list[str]) -> np.ndarray:
    prints = np.array([p.fp for t in texts if (p := fingerprint(t))], dtype=np.uint64)
    pairs = np.triu_indices(len(prints), 1)
    return np.bitwise_count(prints[:, None] ^ prints[None, :])[pairs]


def _synthetic_pages(n: int, step: int = 7) -> list[tuple[Doc, str]]:
    corpus = ScaleCorpus(docs=n * step, night_date=dt.date(2026, 3, 2))
    pages = []
    for i in range(0, n * step, step):
        d = corpus.doc(i)
        if d.copy_of is not None:
            continue  # wire copies are meant to sit at distance 0 from their original
        terms = corpus.terms[d.language] if d.crime else None
        pages.append((d, "\n".join(_paragraphs(corpus.story_rng(d), d, terms))))
    return pages


def _synthetic_texts(n: int) -> list[str]:
    return [text for _, text in _synthetic_pages(n)]


@pytest.fixture(scope="module")
def synthetic() -> np.ndarray:
    return _distances(_synthetic_texts(800))


def test_synthetic_pages_are_almost_never_near_duplicate_candidates(synthetic: np.ndarray) -> None:
    # At 100,000 pages a night, one page in a million pairs inside the radius is 0.1 candidates a page.
    assert (synthetic <= MAX_HAMMING).mean() < 1e-5
    assert 29 <= synthetic.mean() <= 34 and 3 <= synthetic.std() <= 5


def test_synthetic_prints_spread_like_real_news(corpus, synthetic: np.ndarray) -> None:
    truth = json.loads((corpus / "news_html" / "scrapinghub_aeb" / "ground-truth.json").read_text())
    real = _distances([v["articleBody"] for v in truth.values() if v.get("articleBody")])
    assert abs(synthetic.mean() - real.mean()) < 2.0
    assert abs(synthetic.std() - real.std()) < 1.0


def test_ordinary_pages_seldom_pass_the_nlp_gate() -> None:
    # Extraction's cost follows the pages the gate lets through: about crime_share (4%) of them.
    pages = _synthetic_pages(600)
    crime = [gate.is_relevant(text, d.language) for d, text in pages if d.crime]
    ordinary = [gate.is_relevant(text, d.language) for d, text in pages if not d.crime]
    assert all(crime)
    assert sum(ordinary) / len(ordinary) < 0.02
