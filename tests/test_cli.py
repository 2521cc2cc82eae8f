"""The `ocwatch` command line: help, argument errors, settings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ocwatch.cli import build_parser, main
from ocwatch.settings import DEFAULT_SOURCES, Settings

SUBCOMMANDS = ["run", "crawl", "trade", "extract", "extract-text", "build", "report",
               "demo", "query", "sources", "eval", "index"]


@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_every_subcommand_has_help(command: str, capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    assert "usage: ocwatch" in capsys.readouterr().out


@pytest.mark.parametrize("argv", [
    ["run", "--date", "2026-13-45"],
    ["crawl", "--date", "yesterday"],
    ["build"],
    ["report", "--week", "2026-W60"],
    ["query", "select 1", "--format", "xml"],
    ["run", "--date", "2026-11-16", "--sources", "/no/such/file.yaml"],
    ["no-such-command"],
])
def test_bad_arguments_give_one_line_and_exit_2(argv: list[str], capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "error:" in err


def test_console_script_reports_bad_date_naming_it() -> None:
    proc = subprocess.run([sys.executable, "-m", "ocwatch", "run", "--date", "2026-13-45"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 2
    assert "2026-13-45" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_query_without_a_warehouse_says_so_and_exits_1(tmp_path: Path, capsys) -> None:
    assert main(["query", "select 1", "--home", str(tmp_path)]) == 1
    assert "no warehouse" in capsys.readouterr().err


def test_settings_come_from_the_environment_and_options_override_them(tmp_path: Path) -> None:
    env = {"OCWATCH_HOME": str(tmp_path / "h"), "OCWATCH_COMTRADE_URL": "http://127.0.0.1:9",
           "COMTRADE_API_KEY": "sekret"}
    s = Settings.from_env(env=env)
    assert s.lake.local_path == tmp_path / "h" / "lake"
    assert s.warehouse == tmp_path / "h" / "warehouse.duckdb"
    assert s.sources == DEFAULT_SOURCES and s.comtrade_key == "sekret"
    assert "sekret" not in repr(s)
    assert Settings.from_env(env=env, home=str(tmp_path / "o")).reports == tmp_path / "o" / "reports"


def test_parser_knows_every_documented_subcommand() -> None:
    parser = build_parser()
    actions = [a for a in parser._actions if a.dest == "command"]
    assert set(SUBCOMMANDS) <= set(actions[0].choices)
