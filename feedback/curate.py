"""Reference curation: actors and aliases added through feedback, written as reviewed CSV files.

``curate`` turns the promotions and merges in force into
``reference/actors_feedback.csv`` (new actors) and
``reference/aliases_feedback.csv`` (names an unknown actor was merged under),
sorted so that a change is a small diff an engineer reads and commits. The
next extraction reads them with actors.csv (ocwatch.reference.taxonomy.actors).
Rows the taxonomy check refuses are not written: each is reported by name.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ocwatch.feedback.store import list_acts
from ocwatch.reference import taxonomy

ACTOR_COLUMNS = ("actor_id", "name", "aliases", "actor_type", "country_iso3", "kind", "origin", "act_id")
ALIAS_COLUMNS = ("actor_id", "alias", "origin", "act_id")


@dataclass
class CurateResult:
    actors: int = 0
    aliases: int = 0
    written: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _latest(acts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Promotions and merges in force, the latest per unknown actor (as the build applies them)."""
    out: dict[str, dict[str, Any]] = {}
    for act in acts:
        if act["kind"] in ("promote_actor", "merge_actor"):
            out[act.get("actor_id") or "new:" + act["into_actor_id"]] = act
    return list(out.values())


def rows_from(log: Path) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """(actor rows, alias rows) for the reviewed files, sorted by id."""
    actors, aliases = [], []
    for act in _latest(list_acts(log, in_force_only=True)):
        if act["kind"] == "promote_actor":
            actors.append({"actor_id": act["into_actor_id"], "name": act["name"], "aliases": act.get("aliases") or "",
                           "actor_type": act["actor_type"], "country_iso3": act.get("country_iso3") or "",
                           "kind": "feedback", "origin": "feedback", "act_id": act["act_id"]})
            continue
        # A merge: the name the NLP read becomes an alias of the known actor.
        alias = act["actor_id"].removeprefix("unknown:")
        aliases.append({"actor_id": act["into_actor_id"], "alias": alias, "origin": "feedback",
                        "act_id": act["act_id"]})
    return (sorted(actors, key=lambda r: r["actor_id"]),
            sorted(aliases, key=lambda r: (r["actor_id"], r["alias"])))


def _csv(columns: tuple[str, ...], rows: list[dict[str, str]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def _replace(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, path)


def _problems(folder: Path, name: str, columns: tuple[str, ...], row: dict[str, str]) -> list[str]:
    """What the taxonomy check says of one row, checked alone in a scratch copy of the folder."""
    with tempfile.TemporaryDirectory() as scratch:
        shutil.copy(folder / "actors.csv", scratch)
        if name == taxonomy.ALIASES_FEEDBACK and (folder / taxonomy.ACTORS_FEEDBACK).is_file():
            shutil.copy(folder / taxonomy.ACTORS_FEEDBACK, scratch)  # an alias may name a promoted actor
        (Path(scratch) / name).write_text(_csv(columns, [row]), encoding="utf-8")
        return [p.split(": ", 2)[-1] for p in taxonomy.check_feedback_files(Path(scratch))]


def curate(log: Path, reference_dir: Path) -> CurateResult:
    """Write the reviewed feedback files in ``reference_dir``; refused rows are left out and named."""
    actors, aliases = rows_from(log)
    result = CurateResult()
    for name, columns, rows in ((taxonomy.ACTORS_FEEDBACK, ACTOR_COLUMNS, actors),
                                (taxonomy.ALIASES_FEEDBACK, ALIAS_COLUMNS, aliases)):
        good = []
        for row in rows:
            problems = _problems(reference_dir, name, columns, row)
            if problems:
                result.problems.append(f"{name}: act {row['act_id']} ({row['actor_id']}) refused: "
                                       + "; ".join(problems))
            else:
                good.append(row)
        _replace(reference_dir / name, _csv(columns, good))
        result.written.append(reference_dir / name)
        if name == taxonomy.ACTORS_FEEDBACK:
            result.actors = len(good)
        else:
            result.aliases = len(good)
    return result
