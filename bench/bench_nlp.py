"""NLP throughput on a realistic mix (most documents not about crime), against a plain loop.

Baseline, measured in the same run: ``nlp(text)`` for every document with the
full pipeline (every shipped component, parser included, plus ours). Ours:
``nlp.analyze`` (relevance gate, parser excluded for the senter, ``nlp.pipe``
batches). Also prints gold-set recall both ways, to show the gate loses none.

Run: ``python -m bench.bench_nlp`` (uses ../shared/corpus for the non-crime
news when present, else repeats the gold texts with neutral filler).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from nlp.analyze import DocInput, analyze
from nlp.evaluate import load_gold, score
from nlp.pipeline import get_full_nlp, get_nlp

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / "gold.jsonl"
NEWS = ROOT.parent / "shared" / "corpus" / "news_html" / "scrapinghub_aeb" / "ground-truth.json"


def workload() -> tuple[list[DocInput], list[dict]]:
    gold = load_gold(GOLD)
    crime = [DocInput(r["id"], r["text"], r["lang"]) for r in gold[::3]]
    if NEWS.is_file():
        bodies = [v.get("articleBody") or "" for v in json.loads(NEWS.read_text()).values()]
    else:
        bodies = ["The council approved the new school budget after a long debate about bus routes. " * 20] * 150
    news = [DocInput(f"news-{i}", b, "en") for i, b in enumerate(bodies) if b.strip()]
    return news + crime, gold


def words(docs: list[DocInput]) -> int:
    return sum(len((d.text or "").split()) for d in docs)


def baseline(docs: list[DocInput]) -> dict[str, list[dict]]:
    from nlp.rows import doc_rows, resolve_context

    out = {}
    for d in docs:
        doc = get_full_nlp(d.lang or "en")(d.text)
        sentences, mentions, _ = doc_rows(doc)
        out[d.doc_id] = resolve_context(sentences, mentions)[1]
    return out


def ours(docs: list[DocInput]) -> dict[str, list[dict]]:
    return {r.doc_id: r.mentions for r in analyze(docs)}


def timed(fn, docs):  # bench helper
    start = time.perf_counter()
    result = fn(docs)
    return result, time.perf_counter() - start


def main() -> None:
    docs, gold = workload()
    for lang in ("en", "fr"):  # load models before timing: both ways load once per process
        get_nlp(lang), get_full_nlp(lang)
    n_words = words(docs)
    _, t_base = timed(baseline, docs)
    _, t_ours = timed(ours, docs)
    print(f"mix: {len(docs)} documents, {n_words} words ({len(docs) - len(gold[::3])} general news)")
    print(f"baseline nlp(text) loop: {len(docs) / t_base:8.1f} docs/s {n_words / t_base:10.0f} words/s")
    print(f"ocwatch analyze:         {len(docs) / t_ours:8.1f} docs/s {n_words / t_ours:10.0f} words/s")
    print(f"speed-up: {t_base / t_ours:.1f}x (target >= 5x)")
    gold_docs = [DocInput(r["id"], r["text"], r["lang"]) for r in gold]
    base_scores = score(gold, baseline(gold_docs))
    our_scores = score(gold, ours(gold_docs))
    for kind in base_scores:
        print(f"gold recall {kind:<10} baseline {base_scores[kind]['recall']:.3f}  ours {our_scores[kind]['recall']:.3f}")


if __name__ == "__main__":
    main()
