"""Incremental nights over the scale corpus: nothing done twice, and the same results as one clean run.

A small corpus (60 pages, 3 sources, en and fr) served by bench/scale_corpus.py
on 127.0.0.1 goes through crawl and extract by ocwatch/stages.py:

- history run: night 1 on D1; the same corpus again on D2; the corpus plus 2% new pages on D3;
- clean run: the D3 corpus crawled and extracted once, into an empty data root.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pytest

from bench.scale_corpus import ScaleCorpus, ScaleServer
from ocwatch import stages
from ocwatch.lake.partitions import partition_dates, read_partition
from ocwatch.settings import Settings

pytestmark = pytest.mark.slow

D1, D2, D3 = dt.date(2026, 3, 2), dt.date(2026, 3, 3), dt.date(2026, 3, 4)
DOCS = 60
# Columns that name when a thing happened to be fetched, not what it says.
RUN_COLUMNS = {"fetched_at", "raw_path", "occurred_at"}


def _need_stages() -> None:
    for module in ("ocwatch.spiders.run", "ocwatch.nlp.stage"):
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"{module} is not there yet")


@dataclass
class Night:
    served: Counter
    documents: int
    extract_counts: dict[str, int]


def _night(settings: Settings, server: ScaleServer, date: dt.date) -> Night:
    server.counts.clear()
    crawled = stages.crawl(settings, date, workers=2)
    assert crawled.ok, crawled.errors
    extracted = stages.extract(settings, date)
    documents = read_partition(str(settings.lake), "documents", date).num_rows
    return Night(Counter(server.counts), documents, dict(extracted.counts))


def _settings(home: Path, corpus: ScaleCorpus, server: ScaleServer) -> Settings:
    home.mkdir(parents=True)
    (home / "sources.yaml").write_text(corpus.sources_yaml(server.url, concurrency=4), encoding="utf-8")
    s = Settings.from_env(env={}, home=home, sources=home / "sources.yaml")
    s.ensure_dirs()
    return s


def _corpus() -> ScaleCorpus:
    return ScaleCorpus(docs=DOCS, night_date=D1, sources=3, french_sources=1, crime_share=0.25,
                       wire_share=0.15)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    _need_stages()
    root = tmp_path_factory.mktemp("scale")
    corpus = _corpus()
    with ScaleServer(corpus) as server:
        history = _settings(root / "history", corpus, server)
        first = _night(history, server, D1)
        again = _night(history, server, D2)
        corpus.night = 2
        third = _night(history, server, D3)
        # Same server, so the same URLs (the port is part of them) and the same doc_ids.
        clean = _settings(root / "clean", corpus, server)
        single = _night(clean, server, D3)
    return {"history": history, "clean": clean, "first": first, "again": again,
            "third": third, "single": single, "corpus": corpus}


def test_first_night_fetches_every_page_once(runs: dict) -> None:
    first = runs["first"]
    assert first.documents == DOCS
    assert first.served["page_200"] == DOCS


def test_second_run_over_same_corpus_fetches_nothing_again(runs: dict) -> None:
    again = runs["again"]
    assert again.served["page_200"] == 0, again.served
    assert again.documents == 0


def test_second_run_over_same_corpus_extracts_nothing_again(runs: dict) -> None:
    again, history = runs["again"], runs["history"]
    assert again.extract_counts.get("documents", 0) == 0, again.extract_counts
    for name in ("sentences", "mentions", "links"):
        assert read_partition(str(history.lake), name, D2).num_rows == 0


def test_night_with_new_pages_fetches_only_the_new_ones(runs: dict) -> None:
    third, corpus = runs["third"], runs["corpus"]
    assert third.served["page_200"] == corpus.new_docs
    assert third.documents == corpus.new_docs


def _all_rows(settings: Settings, name: str) -> list[tuple]:
    """Every row of a dataset over all dates, without run-time columns, sorted."""
    lake = str(settings.lake)
    tables = [read_partition(lake, name, d) for d in partition_dates(lake, name)]
    if not tables:
        return []
    table = pa.concat_tables(tables)
    keep = [c for c in table.column_names if c not in RUN_COLUMNS]
    return sorted((tuple(r.values()) for r in table.select(keep).to_pylist()), key=repr)


@pytest.mark.parametrize("name", ["documents", "sentences", "mentions", "links"])
def test_incremental_nights_equal_one_clean_run(runs: dict, name: str) -> None:
    history, clean = _all_rows(runs["history"], name), _all_rows(runs["clean"], name)
    assert history, f"no {name} at all: the comparison would prove nothing"
    assert history == clean


def test_crime_pages_yield_links_in_both_runs(runs: dict) -> None:
    # Guards the equality above against two equally empty extractions.
    assert _all_rows(runs["clean"], "links")


def test_wire_copies_are_marked_in_both_runs(runs: dict) -> None:
    corpus = runs["corpus"]
    copies = [i for i in range(corpus.total) if corpus.doc(i).copy_of is not None]
    assert copies, "the corpus should hold wire copies"
    for name in ("history", "clean"):
        lake = str(runs[name].lake)
        tables = [read_partition(lake, "documents", d) for d in partition_dates(lake, "documents")]
        docs = pa.concat_tables(tables)
        marked = docs.num_rows - docs.column("near_dup_of").null_count
        assert marked == len(copies), (name, marked, len(copies))
