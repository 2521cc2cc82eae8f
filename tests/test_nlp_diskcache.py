"""The disk cache: built once, read after; a changed key, a broken file or a read-only folder only costs a rebuild."""

from __future__ import annotations

from pathlib import Path

import pytest

from ocwatch.lake import cache as diskcache

CALLS: list[int] = []


def _table() -> dict[str, int]:
    CALLS.append(1)
    return {"goma": 1, "bunia": 2}


@pytest.fixture(autouse=True)
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(diskcache, "_DIR", [])
    diskcache.use_cache_dir(tmp_path / "cache")
    CALLS.clear()
    return tmp_path / "cache"


def test_second_process_reads_the_table_instead_of_building_it(folder: Path) -> None:
    assert diskcache.cached("t", _table, 1) == {"goma": 1, "bunia": 2}
    assert diskcache.cached("t", _table, 1) == {"goma": 1, "bunia": 2}
    assert len(CALLS) == 1 and len(list(folder.glob("t-*.pickle"))) == 1


def test_other_inputs_build_another_table(folder: Path) -> None:
    diskcache.cached("t", _table, 1)
    diskcache.cached("t", _table, 2)
    assert len(CALLS) == 2 and len(list(folder.glob("t-*.pickle"))) == 2


def test_a_broken_cache_file_is_built_again_and_replaced(folder: Path) -> None:
    diskcache.cached("t", _table, 1)
    (path,) = folder.glob("t-*.pickle")
    path.write_bytes(b"\x80\x05truncated")
    assert diskcache.cached("t", _table, 1) == {"goma": 1, "bunia": 2}
    assert diskcache.cached("t", _table, 1) == {"goma": 1, "bunia": 2}
    assert len(CALLS) == 2


def test_an_unwritable_cache_folder_only_costs_the_rebuild(tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    diskcache.use_cache_dir(blocker / "cache")
    assert diskcache.cached("t", _table, 1) == {"goma": 1, "bunia": 2}
    assert diskcache.cached("t", _table, 1) == {"goma": 1, "bunia": 2}
    assert len(CALLS) == 2 and blocker.read_text() == "not a folder"
