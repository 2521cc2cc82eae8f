"""The app's read-only warehouse: one set of lake views a build, cursors kept between
requests, and a new build read as soon as it is swapped in."""

from __future__ import annotations

import os
import shutil

import duckdb
import pytest

from ocwatch.web.db import Warehouse
from tests.support.web_sample import GOLD

TEXTS = "select count(*) from documents_text"


@pytest.fixture
def served(web_warehouse, tmp_path):
    path = shutil.copy(web_warehouse, tmp_path / "warehouse.duckdb")
    wh = Warehouse(path)
    yield wh
    wh.close()


def _markets(wh: Warehouse) -> set[str]:
    return {r[0] for r in wh.query("select market from markets").rows}


def test_requests_reuse_the_cursors_that_serve_the_lake_views(served):
    texts = served.scalar(TEXTS)
    assert texts > 0
    [cursor] = served._build.idle
    assert served.scalar(TEXTS) == texts and served._build.idle == [cursor]


def test_a_failed_query_leaves_the_next_one_unharmed(served):
    with pytest.raises(duckdb.Error):
        served.query("select * from no_such_table")
    assert served.scalar(TEXTS) > 0


def test_a_new_build_swapped_in_is_read_at_the_next_request(served, web_warehouse, tmp_path):
    texts = served.scalar(TEXTS)
    assert GOLD in _markets(served)
    night = shutil.copy(web_warehouse, tmp_path / "night.duckdb")
    with duckdb.connect(str(night)) as con:  # the nightly build's new file, then os.replace as the build does
        con.execute("delete from markets where market = ?", [GOLD])
    os.replace(night, served.path)
    assert GOLD not in _markets(served)
    assert served.scalar(TEXTS) == texts  # the new build's cursors serve the lake views too
