"""Every command and query in README.md and docs/*.md runs as written, on the demo.

The fenced code blocks are read from the documents themselves: SQL blocks run
on the demo warehouse and must return rows, none twice; `ocwatch` commands
parse, and the ones that only read (query, report, sources) run on the demo's
data root; `airflow` commands parse with Airflow's own parser and `airflow`
is in the venv's bin; `python -m` modules exist; `make` targets exist. A
synopsis with placeholders (`YYYY-MM-DD`, `FILE`, `[--source ID ...]`) is only
checked for its program.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from ocwatch.cli import build_parser, main
from ocwatch.warehouse.query import run_query

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
VENV_BIN = Path(sys.executable).parent
FENCE = re.compile(r"^```([\w-]*)[^\n]*\n(.*?)^```", re.S | re.M)
SHELL = {"sh", "bash", "shell", "console"}
PROGRAMS = {"ocwatch", "airflow", "make", "python", "python3", "duckdb"}
PLACEHOLDER = re.compile(r"YYYY|<[^>]*>|\[|\.\.\.|^[A-Z]+$")
READS_ONLY = {"query", "report", "sources"}  # ocwatch subcommands safe to run on the demo's data root


def _blocks(lang_wanted: set[str] | None) -> list[tuple[str, str]]:
    """(document name, block text) of the fenced blocks in the given languages (None: unlabeled too)."""
    out = []
    for doc in DOCS:
        for lang, body in FENCE.findall(doc.read_text(encoding="utf-8")):
            if (lang_wanted is None and lang in ("", *SHELL)) or (lang_wanted and lang in lang_wanted):
                out.append((doc.name, body))
    return out


def _commands(body: str) -> list[list[str]]:
    """Logical lines (continuations joined) as tokens, comments dropped, leading `$ ` prompts too."""
    lines, out = body.replace("\\\n", " ").splitlines(), []
    for line in lines:
        line = line.strip().removeprefix("$ ")
        if not line or line.startswith("#"):
            continue
        try:
            tokens = shlex.split(line, comments=True)
        except ValueError:
            continue
        if tokens:
            out.append(tokens)
    return out


def _program(token: str) -> str:
    return token.rsplit("/", 1)[-1] if token.startswith((".venv/bin/", "./")) else token


def documented_commands() -> list[tuple[str, list[str]]]:
    found = []
    for doc, body in _blocks(None):
        for tokens in _commands(body):
            if _program(tokens[0]) in PROGRAMS:
                found.append((doc, [_program(tokens[0]), *tokens[1:]]))
    return found


def documented_queries() -> list[tuple[str, str]]:
    found = []
    for doc, body in _blocks({"sql"}):
        code = "\n".join(line for line in body.splitlines() if not line.strip().startswith("--"))
        found += [(doc, sql.strip()) for sql in code.split(";") if sql.strip()]
    return found


COMMANDS = documented_commands()
QUERIES = documented_queries()


def _id(item: tuple[str, list[str] | str]) -> str:
    doc, what = item
    text = " ".join(what) if isinstance(what, list) else what
    return f"{doc}: {' '.join(text.split())[:70]}"


@pytest.fixture(scope="module")
def demo_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("docs") / "data"
    assert main(["demo", "--home", str(home)]) == 0
    return home


def test_the_documents_hold_commands_and_queries_to_check() -> None:
    assert len(QUERIES) >= 10
    assert {c[0] for _, c in COMMANDS} >= {"ocwatch", "airflow", "make", "python"}


def test_no_document_suggests_a_duckdb_shell_nothing_installs() -> None:
    assert [c for c in COMMANDS if c[1][0] == "duckdb"] == []
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "duckdb -readonly" not in readme and "duckdb shell" not in readme.lower()


@pytest.mark.parametrize("item", QUERIES, ids=_id)
def test_documented_query_returns_rows_and_none_twice(demo_home: Path, item: tuple[str, str]) -> None:
    rows = json.loads(run_query(demo_home / "warehouse.duckdb", item[1], fmt="json"))
    assert rows, f"{item[0]}: the query returns nothing on the demo"
    as_text = [json.dumps(r, sort_keys=True) for r in rows]
    assert len(set(as_text)) == len(as_text), f"{item[0]}: the query shows the same row twice"


@pytest.mark.parametrize("item", [c for c in COMMANDS if c[1][0] == "ocwatch"], ids=_id)
def test_documented_ocwatch_command_parses_and_reading_ones_run_on_the_demo(demo_home: Path,
                                                                            item: tuple[str, list[str]]) -> None:
    args = item[1][1:]
    if any(PLACEHOLDER.search(a) for a in args):
        return  # a synopsis: the command name is all there is to check
    build_parser().parse_args(args)  # exits 2 on anything the command would refuse
    if args[0] not in READS_ONLY:
        return
    env = {**os.environ, "OCWATCH_HOME": str(demo_home)}
    proc = subprocess.run([str(VENV_BIN / "ocwatch"), *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr
    if args[0] == "query":
        assert not proc.stdout.rstrip().endswith("(0 rows)"), proc.stdout


@pytest.mark.parametrize("item", [c for c in COMMANDS if c[1][0] in ("python", "python3")], ids=_id)
def test_documented_python_modules_exist(item: tuple[str, list[str]]) -> None:
    args = item[1]
    assert args[1] == "-m", f"{item[0]}: run modules with -m"
    assert importlib.util.find_spec(args[2]) is not None, f"{item[0]}: no module {args[2]}"


@pytest.mark.parametrize("item", [c for c in COMMANDS if c[1][0] == "make"], ids=_id)
def test_documented_make_targets_exist(item: tuple[str, list[str]]) -> None:
    targets = re.findall(r"^([a-z][\w-]*):", (ROOT / "Makefile").read_text(), re.M)
    wanted = [a for a in item[1][1:] if "=" not in a]
    assert set(wanted) <= set(targets), f"{item[0]}: no make target {wanted}"


def test_documented_airflow_commands_parse_with_the_venvs_airflow(tmp_path: Path) -> None:
    assert (VENV_BIN / "airflow").is_file(), "the venv has no airflow: standalone's parts would not start"
    argvs = [c[1][1:] for c in COMMANDS if c[1][0] == "airflow"]
    assert argvs
    script = ("import json, sys\nfrom airflow.cli.cli_parser import get_parser\n"
              "for argv in json.loads(sys.argv[1]):\n    get_parser().parse_args(argv)\n")
    env = {**os.environ, "AIRFLOW_HOME": str(tmp_path / "airflow"), "AIRFLOW__CORE__LOAD_EXAMPLES": "False"}
    proc = subprocess.run([sys.executable, "-c", script, json.dumps(argvs)], capture_output=True, text=True,
                          env=env, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]


def test_the_standalone_recipe_puts_the_venv_on_path_and_uses_a_data_root_of_its_own(tmp_path: Path) -> None:
    ops = (ROOT / "docs" / "OPERATIONS.md").read_text(encoding="utf-8")
    (recipe,) = [b for _, b in _blocks(SHELL) if "airflow standalone" in b]
    exports = dict(t[1].split("=", 1) for t in _commands(recipe) if t[0] == "export")
    assert exports["PATH"].startswith("$PWD/.venv/bin:")
    home = exports["OCWATCH_HOME"].replace("$PWD", str(ROOT))
    assert Path(home).resolve() != (ROOT / "data").resolve()
    # as written: with the recipe's PATH, `airflow` is the venv's
    path = exports["PATH"].replace("$PWD", str(VENV_BIN.parent.parent)).replace("$PATH", "/usr/bin:/bin")
    proc = subprocess.run(["sh", "-c", "command -v airflow"], capture_output=True, text=True,
                          env={"PATH": path}, check=False)
    assert Path(proc.stdout.strip()).resolve() == (VENV_BIN / "airflow").resolve()
    assert "Unpausing starts a run" in ops
