"""`ocwatch users` and `ocwatch serve` on the command line."""

from __future__ import annotations

import io
import sys

from ocwatch.cli import main
from ocwatch.web.store import Store


def test_users_add_reads_the_password_from_stdin_and_lists_the_user(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("a long password\n"))
    assert main(["users", "add", "ana", "--role", "analyst", "--home", str(tmp_path)]) == 0
    store = Store(tmp_path / "web-users.sqlite")
    assert store.role_of("ana") == "analyst"
    assert store.check_password("ana", "a long password")
    capsys.readouterr()
    assert main(["users", "list", "--home", str(tmp_path)]) == 0
    assert capsys.readouterr().out == "ana\tanalyst\n"


def test_users_add_refuses_a_short_password_by_name(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("short\n"))
    assert main(["users", "add", "ana", "--home", str(tmp_path)]) == 1
    assert "password for 'ana': at least 8 characters" in capsys.readouterr().err


def test_serve_without_a_warehouse_says_where_it_looked(tmp_path, capsys):
    assert main(["serve", "--home", str(tmp_path), "--port", "0"]) == 1
    assert f"no warehouse at {tmp_path / 'warehouse.duckdb'}" in capsys.readouterr().err


def test_the_build_command_writes_the_search_index_for_the_new_warehouse(tmp_path, capsys):
    from ocwatch.warehouse.search_index import index_path, index_stamp, indexed_build
    from ocwatch.web.db import Warehouse
    from tests.support.web_sample import AS_OF, build

    build(tmp_path)
    index_path(tmp_path / "warehouse.duckdb").unlink()
    assert main(["build", "--home", str(tmp_path), "--date", AS_OF.isoformat()]) == 0
    assert "build: ok" in capsys.readouterr().out
    wh = Warehouse(tmp_path / "warehouse.duckdb")
    assert indexed_build(index_path(wh.path)) == index_stamp(wh.built_at())
    wh.close()
    index_path(wh.path).unlink()
    assert main(["index", "--home", str(tmp_path)]) == 0
    assert indexed_build(index_path(wh.path)) == index_stamp(wh.built_at())


def test_index_without_a_warehouse_says_where_it_looked(tmp_path, capsys):
    assert main(["index", "--home", str(tmp_path)]) == 1
    assert f"no warehouse at {tmp_path / 'warehouse.duckdb'}" in capsys.readouterr().err
