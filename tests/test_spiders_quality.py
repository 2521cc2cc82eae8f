"""Article extraction quality on the Article Extraction Benchmark (181 real pages, human ground truth).

Scored through ``extract_document`` on the raw bytes, exactly as the crawl sees
them, so nothing on the way through Scrapy (decoding, sniffing) may cost quality.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
from collections import Counter

import pytest

from ocwatch.spiders.documents.parse import ExtractionError, extract_document

TOKEN = re.compile(r"\w+")


def token_f1(predicted: str, gold: str) -> float:
    """Bag-of-tokens F1, as the benchmark scores article bodies."""
    p, g = Counter(TOKEN.findall(predicted.lower())), Counter(TOKEN.findall(gold.lower()))
    if not p or not g:
        return float(p == g)
    common = sum((p & g).values())
    if not common:
        return 0.0
    precision, recall = common / sum(p.values()), common / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def _extract(body: bytes, url: str) -> str:
    try:
        return extract_document(body, "text/html", url, "en").text
    except ExtractionError:
        return ""


@pytest.mark.corpus
@pytest.mark.slow
def test_extraction_median_token_f1_on_the_article_extraction_benchmark(corpus):
    root = corpus / "news_html" / "scrapinghub_aeb"
    truth = json.loads((root / "ground-truth.json").read_text())
    scores = []
    for key, item in truth.items():
        body = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes())
        scores.append(token_f1(_extract(body, item["url"]), item["articleBody"]))
    assert len(scores) == 181
    median = statistics.median(scores)
    print(f"AEB: median token F1 {median:.3f}, mean {statistics.mean(scores):.3f}")
    assert median >= 0.93


def test_token_f1_is_one_for_identical_and_zero_for_disjoint_texts():
    assert token_f1("Gold, in Ituri.", "gold in ituri") == 1.0
    assert token_f1("gold", "charcoal") == 0.0
