"""Read-only means read-only, and every piece of work is bounded (issue 18).

The query tool is probed from outside, as an analyst (or an attacker with a shell on the
workbench) would: statements that write, hidden inside EXPLAIN ANALYZE or aimed at the lake
itself, and queries that never end or eat the machine. The NLP side gets hostile texts: too
long, undecodable bytes, lone surrogates. The registry gets an alias bomb.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import time
from pathlib import Path

import pytest

from ocwatch.cli import main as ocwatch
from ocwatch.lake.partitions import list_parts, read_partition
from ocwatch.nlp import extract_text
from ocwatch.nlp.analyze import MAX_TEXT_CHARS, DocInput, analyze, bounded
from ocwatch.spiders.registry import RegistryError, check_sources, load_sources
from ocwatch.warehouse.build import build_warehouse
from ocwatch.warehouse.query import QueryError, run_query
from tests.support.sample_lake import SampleLake

AS_OF = dt.date(2026, 11, 16)
SOURCES = [{"id": "sa", "name": "A", "kind": "feed", "url": "https://sa.example", "language": "en",
            "reliability": "A", "countries": ["COD"]}]


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bounds")
    s = SampleLake(str(root / "lake"))
    s.doc("d1", "sa", dt.date(2026, 11, 11), actor_id="m23", place_id="domain:rubaya", commodity="coltan",
          text="M23 taxes coltan at Rubaya.")
    s.write()
    build_warehouse(str(root / "lake"), root / "warehouse.duckdb", AS_OF, SOURCES)
    return root


def _tree(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def _part(home: Path) -> str:
    return list_parts(str(home / "lake"), "documents", dt.date(2026, 11, 11))[0]


@pytest.mark.parametrize("sql", [
    # EXPLAIN ANALYZE runs what it explains: a keyword filter let this one write into the lake.
    "explain analyze copy (select 'forged' as doc_id) to '{lakedir}/forged.parquet'",
    "explain analyze copy (select 'forged' as doc_id) to '{part}' (use_tmp_file false)",
    "copy (select 'forged' as doc_id) to '{part}' (use_tmp_file false)",
    "copy (select 1) to '{lakedir}/x.csv'",
    "explain analyze export database '{lakedir}/dump'",
    "set allowed_directories = ['/']",
    "set lock_configuration = false",
    "set temp_directory = '{lakedir}'",
    "set profiling_output = '{lakedir}/profile.json'",
])
def test_no_statement_writes_anywhere_not_even_into_the_lake_it_reads(home, sql, capsys):
    lakedir = Path(_part(home)).parent
    before = _tree(home)
    code = ocwatch(["query", sql.format(lakedir=lakedir, part=_part(home)), "--home", str(home)])
    err = capsys.readouterr().err
    assert code == 1 and "error" in err and "Traceback" not in err
    assert _tree(home) == before  # nothing written, nothing overwritten, nothing created
    # and the lake's texts are still readable through the warehouse
    out = run_query(home / "warehouse.duckdb", "select text from documents_text")
    assert "M23 taxes coltan at Rubaya." in out


def test_a_query_that_never_ends_stops_at_its_time_limit(home, capsys):
    started = time.monotonic()
    code = ocwatch(["query", "select count(*) from range(1000000000000) t(i) where i % 7 = 3",
                    "--timeout", "1.5", "--home", str(home)])
    elapsed = time.monotonic() - started
    err = capsys.readouterr().err.strip()
    assert code == 1 and elapsed < 15, elapsed
    assert "time limit of 1.5 s" in err and len(err.splitlines()) == 1


def test_a_query_that_builds_too_many_strings_stops_at_its_memory_limit(home):
    # The probe built 100 million strings; 20 million at a 64 MB limit is the same shape.
    sql = ("select count(distinct s) from (select 'string number ' || i::varchar as s "
           "from range(20000000) t(i))")
    started = time.monotonic()
    with pytest.raises(QueryError, match="memory limit of 64MB") as err:
        run_query(home / "warehouse.duckdb", sql, memory_limit="64MB", timeout_s=120)
    assert "\n" not in str(err.value)
    assert time.monotonic() - started < 60


def test_query_limits_come_from_settings_with_defaults(home, monkeypatch, capsys):
    monkeypatch.setenv("OCWATCH_QUERY_TIMEOUT", "0.5")
    code = ocwatch(["query", "select count(*) from range(1000000000000) t(i) where i % 7 = 3",
                    "--home", str(home)])
    assert code == 1 and "time limit of 0.5 s" in capsys.readouterr().err


# --- the registry ---------------------------------------------------------------------------------

ALIAS_BOMB = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
sources:
  - id: bomb
    kind: feed
    url: https://example.org/feed.xml
    reliability: *i
"""


def test_a_yaml_alias_bomb_in_the_registry_is_refused_quickly_naming_file_and_line(tmp_path, capsys):
    path = tmp_path / "sources.yaml"
    path.write_text(ALIAS_BOMB)
    started = time.monotonic()
    problems = check_sources(path)
    with pytest.raises(RegistryError) as err:
        load_sources(path)
    assert time.monotonic() - started < 5
    assert str(path) in str(err.value) and "line 2" in str(err.value) and "alias" in str(err.value)
    assert len(str(err.value)) < 1000 and problems
    assert ocwatch(["sources", "check", "--sources", str(path)]) != 0
    assert len(capsys.readouterr().err) < 2000


def test_a_huge_value_is_quoted_short_in_the_validators_message(tmp_path):
    path = tmp_path / "sources.yaml"
    path.write_text("sources:\n  - id: big\n    kind: feed\n    url: https://example.org/f.xml\n"
                    f"    reliability: [{', '.join(['lol'] * 200_000)}]\n")
    problems = check_sources(path)
    assert len(problems) == 1 and "source #1 (big): reliability:" in problems[0]
    assert len(problems[0]) < 300


def test_an_oversized_registry_is_refused_naming_the_file(tmp_path):
    path = tmp_path / "sources.yaml"
    path.write_text("sources: []\n" + "#" * (2 * 1024 * 1024))
    with pytest.raises(RegistryError, match="more than"):
        load_sources(path)


# --- texts and extract-text -----------------------------------------------------------------------


def test_a_long_text_is_cut_at_the_bound_before_the_models_see_it():
    para = "Gold from Ituri reached Kampala, officials said.\n\n"
    text = para * (MAX_TEXT_CHARS // len(para) + 50)
    cut = bounded(text)
    assert len(cut) <= MAX_TEXT_CHARS and text.startswith(cut) and cut.endswith(".")
    [result] = analyze([DocInput("long", text, "en")], use_gate=False)
    assert result.cut == len(text) and result.error_kind is None
    assert max(m["end_char"] for m in result.mentions) <= MAX_TEXT_CHARS


def test_extract_text_bounds_a_five_million_character_text(tmp_path):
    # The probe (15 GB, 6 minutes) at full size; the cut makes it cost as much as 200,000 characters, one
    # paragraph of them (what that costs against short paragraphs: bench/bench_long_paragraph.py, not a timer here).
    text = "Traders smuggled gold from Ituri to Kampala. " * (5_000_000 // 45)
    inp = tmp_path / "in.jsonl"
    inp.write_text(json.dumps({"id": "big", "text": text, "lang": "en"}) + "\n")
    out = io.StringIO()
    assert extract_text.run(str(inp), out) == 0
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    cut = [r for r in records if r.get("error_kind") == "text_cut"]
    assert len(cut) == 1 and f"{len(text)} characters" in cut[0]["error"]
    assert all(r["end"] <= MAX_TEXT_CHARS for r in records if "end" in r)


def test_an_undecodable_line_costs_only_itself(tmp_path):
    good = json.dumps({"id": "a", "text": "Gold from Ituri reached Kampala.", "lang": "en"}).encode()
    after = json.dumps({"id": "c", "text": "Coltan from Rubaya reached Goma.", "lang": "en"}).encode()
    inp = tmp_path / "in.jsonl"
    inp.write_bytes(good + b"\n" + b'{"id": "b", "text": "caf\xe9 \xff"}\n' + after + b"\n")
    out = tmp_path / "out.jsonl"
    assert extract_text.run(str(inp), str(out)) == 1
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r.get("id") for r in records if "surface" in r} == {"a", "c"}
    [bad] = [r for r in records if r.get("error_kind")]
    assert bad["line"] == 2 and bad["error_kind"] == "bad_encoding" and "line 2" in bad["error"]


def test_a_lone_surrogate_in_an_id_is_written_escaped_not_a_crash(tmp_path):
    inp = tmp_path / "in.jsonl"
    inp.write_text('{"id": "x\\ud800", "text": "Gold from Ituri reached Kampala.", "lang": "en"}\n'
                   '{"id": "y", "text": "Coltan from Rubaya reached Goma.", "lang": "en"}\n')
    out = tmp_path / "out.jsonl"
    assert extract_text.run(str(inp), str(out)) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["id"] for r in records} == {"x\ud800", "y"}


def test_the_extract_stage_records_a_cut_text_and_reads_its_start(tmp_path):
    from ocwatch.nlp.stage import extract_partition

    day = dt.date(2026, 11, 11)
    s = SampleLake(str(tmp_path / "lake"))
    para = "M23 taxes coltan at Rubaya, officials in Goma said.\n\n"
    s.doc("long", "sa", day, text=para * (MAX_TEXT_CHARS // len(para) + 100))
    s.write()
    counts = extract_partition(str(tmp_path / "lake"), day)
    assert counts["text_cut"] == 1 and counts["errors"] == 0
    errors = read_partition(str(tmp_path / "lake"), "errors", day).to_pylist()
    assert [e["error_kind"] for e in errors] == ["text_cut"] and errors[0]["input"] == "long"
    assert counts["mentions"] > 0
