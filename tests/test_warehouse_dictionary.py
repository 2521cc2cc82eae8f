"""The data dictionary is generated, and the committed copy matches the schemas and models."""

from __future__ import annotations

from ocwatch.lake.contracts import DATASETS
from ocwatch.warehouse.dictionary import DOC_PATH, render


def test_committed_data_dictionary_is_up_to_date() -> None:
    assert DOC_PATH.read_text(encoding="utf-8") == render(), (
        "docs/DATA_DICTIONARY.md is stale: run `python -m ocwatch.warehouse.dictionary`")


def test_dictionary_lists_every_dataset_column_and_indicator() -> None:
    text = render()
    for ds in DATASETS.values():
        assert f"### `{ds.name}`" in text
        for col in ds.columns:
            assert f"| `{col}` |" in text
    for table in ("market_activity_weekly", "new_links", "market_signals", "evidence",
                  "coverage", "coverage_gaps", "sources", "places", "actors"):
        assert f"### `{table}`" in text
