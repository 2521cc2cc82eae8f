"""What the command line prints for people: numbers in full, long text wrapped, one plain line per error."""

from __future__ import annotations

import datetime as dt
import decimal
import json
import re
from pathlib import Path

import pytest

from ocwatch.cli import error_line, main
from ocwatch.warehouse.build import build_warehouse
from ocwatch.warehouse.tables import number, render
from tests.support.sample_lake import SampleLake

CLASS_NAME = re.compile(r"\b[A-Z][A-Za-z]*(Error|Exception)\b:|\[Errno")


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli") / "home"
    s = SampleLake(str(root / "lake"))
    s.doc("d1", "sa", dt.date(2026, 11, 11), actor_id="m23", place_id="domain:rubaya", commodity="coltan",
          text="M23 fighters tax coltan diggers at Rubaya in North Kivu, said a trader who came back from "
               "the mines last week with a load of ore and a story about the road.")
    s.write()
    sources = [{"id": "sa", "name": "A", "kind": "feed", "url": "https://sa.example", "language": "en",
                "reliability": "A", "countries": ["COD"]}]
    build_warehouse(str(root / "lake"), root / "warehouse.duckdb", dt.date(2026, 11, 16), sources)
    return root


@pytest.mark.parametrize(("value", "shown"), [
    (1_234_567_890.5, "1,234,567,890"), (3.4e12, "3,400,000,000,000"), (2026, "2026"), (123456, "123,456"),
    (0.000123456, "0.0001235"), (2.345, "2.35"), (5.0, "5"), (-98765.4, "-98,765"),
    (decimal.Decimal("1e9"), "1,000,000,000"), (float("nan"), "NaN"), (0.0, "0"),
])
def test_numbers_are_written_in_full_with_separators_never_in_scientific_notation(value, shown) -> None:
    assert number(value) == shown


def test_money_from_the_warehouse_is_never_in_scientific_notation(home: Path, capsys) -> None:
    assert main(["query", "--home", str(home), "select 1.2e9::DOUBLE as usd, 123456789 as n"]) == 0
    out = capsys.readouterr().out
    assert "1,200,000,000" in out and "123,456,789" in out and "e+" not in out


def test_long_text_is_wrapped_in_its_column_and_never_cut(home: Path, capsys) -> None:
    assert main(["query", "--home", str(home), "--max-width", "30", "select sentence from new_links"]) == 0
    lines = capsys.readouterr().out.splitlines()
    body = lines[2:-1]
    assert len(body) > 1 and all(len(line) <= 30 for line in body)
    assert " ".join(line.strip() for line in body).endswith("about the road.")


def test_max_width_0_widens_the_column_to_the_longest_value(home: Path, capsys) -> None:
    assert main(["query", "--home", str(home), "--max-width", "0", "select sentence from new_links"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 4 and lines[2].endswith("about the road.")


def test_numbers_are_right_aligned_and_rows_line_up() -> None:
    out = render(["name", "n"], [("a", 5), ("bb", 12345)]).splitlines()
    assert out[2] == "a    |      5" and out[3] == "bb   | 12,345"


@pytest.mark.parametrize("argv", [
    ["query", "select * from no_such_table"],
    ["query", "delete from documents"],
    ["query", "selec 1"],
])
def test_query_errors_are_one_plain_line_without_class_names(home: Path, argv: list[str], capsys) -> None:
    assert main([*argv, "--home", str(home)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and err.startswith("ocwatch query: error: ")
    assert not CLASS_NAME.search(err), err


def test_a_missing_file_error_names_the_file_without_errno() -> None:
    try:
        open("/no/such/dir/x.jsonl")  # noqa: SIM115
    except OSError as exc:
        line = error_line(exc)
    assert line == "No such file or directory: /no/such/dir/x.jsonl"


def test_a_bad_max_width_is_a_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["query", "select 1", "--max-width", "-3"])
    assert exit_.value.code == 2 and "invalid width '-3'" in capsys.readouterr().err


def test_a_missing_input_file_and_a_missing_sources_file_both_exit_2(capsys) -> None:
    for argv in (["extract-text", "--input", "/no/such/input.jsonl"],
                 ["run", "--date", "2026-11-16", "--sources", "/no/such/sources.yaml"]):
        with pytest.raises(SystemExit) as exit_:
            main(argv)
        assert exit_.value.code == 2
        err = capsys.readouterr().err
        assert "no such file: /no/such/" in err and "Errno" not in err


def test_a_short_text_with_no_language_says_how_to_declare_one(tmp_path: Path, capsys) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "t1", "text": "Or à Bunia."}) + "\n")
    assert main(["extract-text", "--input", str(src)]) == 1
    (rec,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rec["error_kind"] == "unknown_language"
    assert "cannot tell the language" in rec["error"] and '"lang"' in rec["error"] and "None" not in rec["error"]


def test_a_query_of_only_comments_says_there_is_nothing_to_run(home: Path, capsys) -> None:
    assert main(["query", "--home", str(home), "-- just a note"]) == 1
    assert capsys.readouterr().err.strip() == "ocwatch query: error: nothing to run: the query holds no statement"
