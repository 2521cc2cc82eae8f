"""`ocwatch feedback ...` and `ocwatch alerts ...`: the same acts as the workbench, from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ocwatch.cli import main
from ocwatch.feedback import store


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_add_list_export_import_and_undo(tmp_path: Path, capsys) -> None:
    home, other = tmp_path / "a", tmp_path / "b"
    code, out, _ = _run(capsys, "feedback", "add", "mark-link", "--home", str(home), "--who", "ana",
                        "--why", "old story", "--doc", "d1", "--sent", "0", "--actor", "fdlr",
                        "--market", "non_renewable_resource_crimes", "--place", "domain:bisie", "--verdict", "wrong")
    assert code == 0 and out.startswith("recorded fb-")
    act_id = out.split()[1]
    assert _run(capsys, "feedback", "add", "promote-actor", "--home", str(home), "--who", "ana", "--why", "new",
                "--actor", "unknown:kivu traders", "--new-id", "kivu_traders", "--name", "Kivu Traders",
                "--type", "criminal_networks", "--alias", "KT", "--alias", "Kivu T.")[0] == 0
    assert _run(capsys, "feedback", "undo", act_id, "--home", str(home), "--who", "ben", "--why", "it is new")[0] == 0

    code, out, _ = _run(capsys, "feedback", "list", "--home", str(home))
    lines = out.splitlines()
    assert len(lines) == 3 and "undone by" in lines[0] and lines[2].split("\t")[3] == "undo"
    code, out, _ = _run(capsys, "feedback", "list", "--home", str(home), "--in-force")
    assert [line.split("\t")[3] for line in out.splitlines()] == ["promote_actor"]

    export = tmp_path / "acts.jsonl"
    assert _run(capsys, "feedback", "export", "--home", str(home), "--output", str(export))[0] == 0
    acts = [json.loads(line) for line in export.read_text(encoding="utf-8").splitlines()]
    assert [a["kind"] for a in acts] == ["mark_link", "promote_actor", "undo"]
    assert acts[1]["aliases"] == "KT;Kivu T."

    # Into another data root: the same acts, the same state; twice changes nothing.
    bad = tmp_path / "more.jsonl"
    bad.write_text(export.read_text(encoding="utf-8") + "{not json\n"
                   + json.dumps({**acts[0], "act_id": "fb-x", "verdict": "maybe"}) + "\n", encoding="utf-8")
    code, out, err = _run(capsys, "feedback", "import", str(bad), "--home", str(other))
    assert code == 1 and "imported 3, already there 0, refused 2" in out
    assert f"{bad} line 4: not JSON" in err and f"{bad} line 5: feedback act fb-x: verdict 'maybe'" in err
    assert _run(capsys, "feedback", "import", str(export), "--home", str(other))[1].startswith("imported 0, already there 3")
    assert store.list_acts(other / "feedback" / "acts.jsonl") == store.list_acts(home / "feedback" / "acts.jsonl")


def test_bad_acts_give_one_line_and_exit_1(tmp_path: Path, capsys) -> None:
    code, _, err = _run(capsys, "feedback", "add", "merge-actor", "--home", str(tmp_path), "--who", "ana",
                        "--why", "x", "--actor", "unknown:x", "--into", "nobody")
    assert code == 1 and err.count("\n") == 1 and "'nobody' is not a known actor" in err
    code, _, err = _run(capsys, "feedback", "undo", "fb-nope", "--home", str(tmp_path), "--who", "a", "--why", "b")
    assert code == 1 and "no feedback act 'fb-nope'" in err


def test_alerts_user_and_watch_commands_keep_the_webhook_secret(tmp_path: Path, capsys) -> None:
    hook = "https://hooks.example/services/T0KEN"
    assert _run(capsys, "alerts", "user", "ana", "--home", str(tmp_path), "--email", "ana@un.example",
                "--webhook-url", hook)[0] == 0
    code, out, _ = _run(capsys, "alerts", "watch", "ana", "gold", "--home", str(tmp_path),
                        "--market", "non_renewable_resource_crimes", "--country", "cod")
    assert code == 0 and out.startswith("watch w-")
    code, out, _ = _run(capsys, "alerts", "list", "--home", str(tmp_path))
    listed = json.loads(out)
    assert listed["users"] == [{"user_id": "ana", "name": None, "email": "ana@un.example", "has_webhook": True}]
    assert listed["watches"][0]["country_iso3"] == "COD"
    assert "T0KEN" not in out


def test_a_line_cut_short_by_a_crash_is_named_and_later_acts_stay_whole(tmp_path: Path) -> None:
    log = tmp_path / "acts.jsonl"
    store.propose_grade(log, "ana", "often wrong", source_id="sa", grade="D")
    with open(log, "a", encoding="utf-8") as fh:
        fh.write('{"act_id": "fb-cut", "kind": "mark')  # a writer killed mid-line
    assert len(store.list_acts(log)) == 1  # a line without its end is one being written: not read yet
    store.propose_grade(log, "ben", "often right", source_id="sb", grade="B")
    with pytest.raises(ValueError, match=r"acts.jsonl line 2: not JSON"):
        store.list_acts(log)


def test_a_new_place_and_a_grade_review_from_the_command_line(tmp_path: Path, capsys) -> None:
    home = str(tmp_path / "home")
    code, out, _ = _run(capsys, "feedback", "add", "correct-place", "--home", home, "--who", "ana",
                        "--why", "the mine, not the town", "--place", "geonames:1", "--right-place",
                        "domain:nyabibwe_hill", "--country", "COD", "--name", "Nyabibwe Hill", "--lat", "-1.98", "--lon", "28.93",
                        "--place-kind", "mine_site")
    assert code == 0
    code, out, _ = _run(capsys, "feedback", "add", "propose-grade", "--home", home, "--who", "ana",
                        "--why", "dead feed", "--source", "sd", "--grade", "E")
    proposal = out.split()[1]
    args = ("feedback", "add", "review-grade", "--home", home, "--who", "adm", "--why", "agreed",
            "--act", proposal, "--verdict", "accepted")
    assert _run(capsys, *args)[0] == 0
    code, _, err = _run(capsys, *args)
    assert code != 0 and "already reviewed" in err
    log = tmp_path / "home" / "feedback" / "acts.jsonl"
    [place, _, review] = store.list_acts(log)
    assert (place["lat"], place["lon"], place["place_kind"]) == (-1.98, 28.93, "mine_site")
    assert store.review(log)["grade_proposals"][0]["review"]["act_id"] == review["act_id"]
    code, out, err = _run(capsys, "feedback", "add", "correct-place", "--home", home, "--who", "ana",
                          "--why", "x", "--place", "geonames:1", "--right-place", "domain:x", "--country", "COD",
                          "--name", "X", "--lat", "95", "--lon", "1", "--place-kind", "town")
    assert code != 0 and "lat 95.0 must be a number from -90 to 90" in err
