"""`ocwatch rescore-links`: links already in the lake get the shipped trees' confidence from the lake's own rows;
the night's rescore pass does it for the dates other trees (or none) scored."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from ocwatch.cli import main
from ocwatch.lake.locks import PartitionBusy, partition_lock
from ocwatch.lake.partitions import read_partition, write_partition
from ocwatch.nlp.links.confidence.forest import Forest, load
from ocwatch.nlp.rescore import rescore_partition, stale_dates
from ocwatch.nlp.stage import extract_partition
from ocwatch.settings import Settings
from ocwatch.stages import rescore_stale

pytestmark = pytest.mark.slow
DAY = dt.date(2025, 3, 1)
GOLD = Path(__file__).parent / "gold" / "links" / "dev.jsonl"
SPANISH = ("Miembros del Tren de Aragua cobran una cuota a los mineros de oro en El Callao y trasladan el metal "
           "hasta Cúcuta, según fiscales venezolanos.")


def _docs() -> list[dict]:
    records = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    picked = [r for r in records if r["lang"] == "en"][:4] + [r for r in records if r["lang"] == "fr"][:3]
    picked.append({"id": "es1", "text": SPANISH, "lang": "es"})
    return [{"doc_id": r["id"], "url": f"http://x/{r['id']}", "source_id": "t", "text": r["text"],
             "language": r["lang"], "fetched_at": dt.datetime(2025, 3, 1, tzinfo=dt.UTC),
             "content_sha256": r["id"], "raw_path": "r"} for r in picked]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    home = tmp_path_factory.mktemp("rescore")
    lake = str(home / "lake")
    write_partition(lake, "documents", DAY, _docs())
    extract_partition(lake, DAY)
    return home, read_partition(lake, "links", DAY).to_pylist()


def _as_before_the_trees(lake: str, links: list[dict]) -> None:
    write_partition(lake, "links", DAY, [{**x, "confidence": None, "confidence_model": None} for x in links])


def test_each_parsed_link_carries_the_version_of_the_trees_that_scored_it(extracted) -> None:
    _, links = extracted
    parsed = [x for x in links if x["doc_id"] != "es1"]
    assert parsed and {x["confidence_model"] for x in parsed} == {load().version}
    assert load().version.startswith("gbt-") and len(load().version) == 16
    assert [x for x in links if x["doc_id"] == "es1"]  # Spanish: rules only, no confidence
    assert {(x["confidence"], x["confidence_model"]) for x in links if x["doc_id"] == "es1"} == {(None, None)}


def test_rescoring_parts_written_before_the_trees_gives_what_extraction_gives(extracted, tmp_path) -> None:
    home, links = extracted
    lake = str(tmp_path / "lake")
    write_partition(lake, "documents", DAY, _docs())
    for name in ("sentences", "mentions"):
        write_partition(lake, name, DAY, read_partition(str(home / "lake"), name, DAY))
    _as_before_the_trees(lake, links)
    counts = rescore_partition(lake, DAY)
    spanish = sum(x["doc_id"] == "es1" for x in links)
    assert counts == {"links": len(links), "rescored": len(links) - spanish, "kept": spanish, "errors": 0}
    assert read_partition(lake, "links", DAY).to_pylist() == links  # the lake's rows are all the trees need
    assert read_partition(lake, "errors", DAY, part="rescore").num_rows == 0


def test_new_trees_replace_the_confidence_and_name_themselves(extracted, tmp_path) -> None:
    home, links = extracted
    lake = str(tmp_path / "lake")
    for name in ("documents", "sentences", "mentions", "links"):
        write_partition(lake, name, DAY, read_partition(str(home / "lake"), name, DAY))
    doubting = Forest(features=("n_links",), init=-5.0, learning_rate=0.1, trees=())
    rescore_partition(lake, DAY, model=doubting)
    after = read_partition(lake, "links", DAY).to_pylist()
    parsed = [x for x in after if x["doc_id"] != "es1"]
    assert {x["confidence_model"] for x in parsed} == {doubting.version} != {load().version}
    assert {x["confidence"] for x in parsed} == {round(1 / (1 + 2.718281828459045 ** 5), 4)}
    strip = ("confidence", "confidence_model")
    assert [{k: v for k, v in x.items() if k not in strip} for x in after] == \
        [{k: v for k, v in x.items() if k not in strip} for x in links]  # status, role, method untouched


def test_a_lost_text_keeps_its_links_is_named_and_the_command_says_degraded(extracted, tmp_path, capsys) -> None:
    home, links = extracted
    lake = tmp_path / "lake"
    docs = _docs()
    lost = docs[0]["doc_id"]
    write_partition(str(lake), "documents", DAY, [{**d, "text": None} if d["doc_id"] == lost else d for d in docs])
    for name in ("sentences", "mentions"):
        write_partition(str(lake), name, DAY, read_partition(str(home / "lake"), name, DAY))
    _as_before_the_trees(str(lake), links)
    assert main(["rescore-links", "--home", str(tmp_path), "--date", DAY.isoformat()]) == 3
    out = capsys.readouterr().out
    assert out.startswith("rescore-links: DEGRADED") and "errors=1" in out
    errors = read_partition(str(lake), "errors", DAY, part="rescore").to_pylist()
    assert [e["input"] for e in errors] == [lost] and "text is not in the documents" in errors[0]["error"]
    after = {(x["doc_id"], x["sent_idx"], x["actor_id"], x["market"], x["place_id"]): x
             for x in read_partition(str(lake), "links", DAY).to_pylist()}
    assert all(x["confidence"] is None for k, x in after.items() if k[0] == lost)
    assert all(x["confidence"] is not None for k, x in after.items() if k[0] not in (lost, "es1"))
    assert len(after) == len({(x["doc_id"], x["sent_idx"], x["actor_id"], x["market"], x["place_id"])
                              for x in links})


def test_a_lake_with_no_links_is_a_failure_not_ok(tmp_path, capsys) -> None:
    assert main(["rescore-links", "--home", str(tmp_path), "--date", DAY.isoformat()]) == 1
    assert "rescore-links: FAILED (no links in the lake for 2025-03-01)" in capsys.readouterr().out


def test_parts_written_before_surfaces_were_kept_are_scored_with_words_from_the_mentions(extracted, tmp_path) -> None:
    home, links = extracted
    lake = str(tmp_path / "lake")
    for name in ("documents", "sentences", "mentions"):
        write_partition(lake, name, DAY, read_partition(str(home / "lake"), name, DAY))
    old = [{k: v for k, v in x.items() if k not in ("actor_surface", "place_surface")}
           for x in links]  # the part's file has no surface columns at all
    target = tmp_path / "lake" / "links" / f"date={DAY}" / "part.parquet"
    target.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist([{**x, "confidence": None, "confidence_model": None} for x in old]), target)
    assert rescore_partition(lake, DAY)["rescored"] == sum(x["doc_id"] != "es1" for x in links)
    after = read_partition(lake, "links", DAY).to_pylist()
    assert {(x["actor_surface"], x["place_surface"]) for x in after} == {(None, None)}  # a guess is not stored
    parsed = [(a, b) for a, b in zip(links, after, strict=True) if a["doc_id"] != "es1"]
    # most links are read from a name in their own sentence, where the guess is the word itself
    assert sum(a["confidence"] == b["confidence"] for a, b in parsed) >= 0.8 * len(parsed)
    assert all(b["confidence_model"] == load().version for _, b in parsed)


def test_a_text_changed_since_extraction_or_rows_gone_keep_their_links_and_are_named(extracted, tmp_path) -> None:
    home, links = extracted
    lake = str(tmp_path / "lake")
    docs = _docs()
    changed, gone = docs[1]["doc_id"], docs[2]["doc_id"]
    write_partition(lake, "documents", DAY, [{**d, "text": "Breaking: " + d["text"]} if d["doc_id"] == changed else d
                                             for d in docs])
    write_partition(lake, "sentences", DAY, read_partition(str(home / "lake"), "sentences", DAY))
    write_partition(lake, "mentions", DAY, [m for m in read_partition(str(home / "lake"), "mentions", DAY).to_pylist()
                                            if m["doc_id"] != gone])
    _as_before_the_trees(lake, links)
    counts = rescore_partition(lake, DAY)
    errors = {e["input"]: e["error"] for e in read_partition(lake, "errors", DAY, part="rescore").to_pylist()}
    assert set(errors) == {changed, gone} and counts["errors"] == 2
    assert "changed since it was extracted" in errors[changed] and "mentions are not in the lake" in errors[gone]
    after = read_partition(lake, "links", DAY).to_pylist()
    assert all(x["confidence"] is None for x in after if x["doc_id"] in (changed, gone))


def test_a_date_an_extraction_holds_is_named_and_left_alone(extracted, tmp_path, capsys) -> None:
    home, links = extracted
    lake = str(tmp_path / "lake")
    for name in ("documents", "sentences", "mentions"):
        write_partition(lake, name, DAY, read_partition(str(home / "lake"), name, DAY))
    _as_before_the_trees(lake, links)
    with partition_lock(lake, "links", DAY):
        with pytest.raises(PartitionBusy, match="being written by another run"):
            rescore_partition(lake, DAY)
        assert main(["rescore-links", "--home", str(tmp_path), "--date", DAY.isoformat()]) == 1
    assert "being written by another run" in capsys.readouterr().out
    assert {x["confidence"] for x in read_partition(lake, "links", DAY).to_pylist()} == {None}


def _lake_of_three_nights(home: Path, extracted_home: Path, links: list[dict]) -> tuple[str, list[dt.date]]:
    """Night 1 scored by the shipped trees, night 2 before the trees, night 3 by other trees."""
    lake = str(home / "lake")
    nights = [DAY, DAY + dt.timedelta(days=1), DAY + dt.timedelta(days=2)]
    doubting = Forest(features=("n_links",), init=-5.0, learning_rate=0.1, trees=())
    for night in nights:
        for name in ("documents", "sentences", "mentions"):
            write_partition(lake, name, night, read_partition(str(extracted_home / "lake"), name, DAY))
    write_partition(lake, "links", nights[0], links)
    write_partition(lake, "links", nights[1], [{**x, "confidence": None, "confidence_model": None} for x in links])
    write_partition(lake, "links", nights[2], links)
    rescore_partition(lake, nights[2], model=doubting)
    return lake, nights


def test_the_nightly_pass_finds_the_dates_other_trees_or_none_scored_newest_first(extracted, tmp_path) -> None:
    home, links = extracted
    lake, nights = _lake_of_three_nights(tmp_path, home, links)
    assert stale_dates(lake) == [nights[2], nights[1]]
    # a night of rules-only links (Spanish: never scored) is current as it is
    spanish_night = DAY + dt.timedelta(days=5)
    write_partition(lake, "links", spanish_night, [x for x in links if x["doc_id"] == "es1"])
    assert spanish_night not in stale_dates(lake)


def test_the_night_rescores_a_bounded_number_of_stale_dates_and_records_its_health(extracted, tmp_path) -> None:
    home, links = extracted
    lake, nights = _lake_of_three_nights(tmp_path, home, links)
    settings = Settings.from_env(env={}, home=tmp_path)
    first = rescore_stale(settings, nights[2], limit=1)
    assert first.ok and first.counts["dates"] == 1 and first.counts["stale_left"] == 1
    assert stale_dates(lake) == [nights[1]]
    health = read_partition(lake, "run_health", nights[2], part="rescore").to_pylist()
    assert [(h["stage"], h["status"], h["attempted"]) for h in health] == [("rescore", "ok", 1)]
    second = rescore_stale(settings, nights[2], limit=1)
    assert second.ok and second.counts["stale_left"] == 0 and stale_dates(lake) == []
    rescored = read_partition(lake, "links", nights[1]).to_pylist()
    assert {x["confidence_model"] for x in rescored if x["doc_id"] != "es1"} == {load().version}
    parts = sorted((tmp_path / "lake").glob("links/**/*.parquet"))
    assert len(parts) == 3
    before = {p: p.read_bytes() for p in parts}
    quiet = rescore_stale(settings, nights[2])
    assert quiet.ok and quiet.counts["dates"] == 0 and quiet.counts["links"] == 0
    assert {p: p.read_bytes() for p in sorted((tmp_path / "lake").glob("links/**/*.parquet"))} == before


def test_the_operators_stale_option_rescores_only_what_other_trees_scored(extracted, tmp_path, capsys) -> None:
    home, links = extracted
    lake, _ = _lake_of_three_nights(tmp_path, home, links)
    assert main(["rescore-links", "--home", str(tmp_path), "--stale"]) == 0
    assert "dates=2" in capsys.readouterr().out and stale_dates(lake) == []
    assert main(["rescore-links", "--home", str(tmp_path), "--stale"]) == 0  # nothing stale is no failure
