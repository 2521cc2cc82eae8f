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
