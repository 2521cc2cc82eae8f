"""Reference curation: actors, aliases and places added through feedback, written as reviewed CSV files.

``curate`` turns the promotions and merges in force into
``reference/actors_feedback.csv`` (new actors) and
``reference/aliases_feedback.csv`` (names an unknown actor was merged under),
and the place corrections in force into ``reference/places_feedback.csv``
(new places given by coordinates) and ``reference/place_aliases_feedback.csv``
(the name as written, for a correction everywhere to a reference place),
sorted so that a change is a small diff an engineer reads and commits. The
next extraction reads them with actors.csv and places_domain.csv
(ocwatch.reference.taxonomy.actors, places_domain), the next build's places
with their coordinates. Rows the taxonomy check refuses are not written: each
is reported by name. A correction to a country, a division or a city stays
a correction the build applies; no reference file lists those places.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ocwatch.feedback.store import list_acts
from ocwatch.reference import checks, taxonomy
from ocwatch.reference.actor_ids import extracted_name

ACTOR_COLUMNS = ("actor_id", "name", "aliases", "actor_type", "country_iso3", "kind", "origin", "act_id")
ALIAS_COLUMNS = ("actor_id", "alias", "origin", "act_id")
PLACE_COLUMNS = ("place_id", "name", "aliases", "kind", "country_iso3", "admin1", "lat", "lon", "origin", "act_id")
PLACE_ALIAS_COLUMNS = ("place_id", "alias", "origin", "act_id")
Rows = list[dict[str, str]]


@dataclass
class CurateResult:
    actors: int = 0
    aliases: int = 0
    places: int = 0
    place_aliases: int = 0
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
        alias = extracted_name(act["actor_id"])
        aliases.append({"actor_id": act["into_actor_id"], "alias": alias, "origin": "feedback",
                        "act_id": act["act_id"]})
    return (sorted(actors, key=lambda r: r["actor_id"]),
            sorted(aliases, key=lambda r: (r["actor_id"], r["alias"])))


def _latest_places(acts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Place corrections in force, the latest per place and document (as the build applies them)."""
    out = {(a.get("doc_id") or "*", a["place_id"]): a for a in acts if a["kind"] == "correct_place"}
    return list(out.values())


def place_rows_from(log: Path, reference_dir: Path) -> tuple[Rows, Rows]:
    """(new place rows, place alias rows) for the reviewed files, sorted by id."""
    listed = {p.extracted_id: p for p in taxonomy.reviewed_places(reference_dir)}
    places: dict[str, dict[str, str]] = {}
    aliases: dict[tuple[str, str], dict[str, str]] = {}
    for act in _latest_places(list_acts(log, in_force_only=True)):
        if act.get("lat") is not None:
            pid = act["right_place_id"].removeprefix("domain:")
            places[pid] = {"place_id": pid, "name": act["name"], "aliases": "", "kind": act.get("place_kind") or "",
                           "country_iso3": act["country_iso3"], "admin1": act.get("admin1") or "",
                           "lat": f"{act['lat']:.5f}", "lon": f"{act['lon']:.5f}", "origin": "feedback",
                           "act_id": act["act_id"]}
            continue
        right = listed.get(act["right_place_id"])
        # Only a name read everywhere becomes an alias: one document's correction is about that text.
        if right is None or act.get("doc_id") or not re.search(r"[^\W\d_]", act.get("name") or ""):
            continue  # no name read (a place known only by its id, e.g. 'geonames:202061')
        if act["name"].lower() not in {n.lower() for n in right.all_names}:
            aliases[(right.place_id, act["name"].lower())] = {"place_id": right.place_id, "alias": act["name"],
                                                              "origin": "feedback", "act_id": act["act_id"]}
    return (sorted(places.values(), key=lambda r: r["place_id"]),
            sorted(aliases.values(), key=lambda r: (r["place_id"], r["alias"])))


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


# An alias file's rows may name a row of the file feedback added before it.
_ADDED_BEFORE = {taxonomy.ALIASES_FEEDBACK: taxonomy.ACTORS_FEEDBACK,
                 taxonomy.PLACE_ALIASES_FEEDBACK: taxonomy.PLACES_FEEDBACK}


def _problems(folder: Path, name: str, columns: tuple[str, ...], row: dict[str, str]) -> list[str]:
    """What the taxonomy check says of one row, checked alone in a scratch copy of the folder."""
    with tempfile.TemporaryDirectory() as scratch:
        for base in ("actors.csv", "places_domain.csv"):
            shutil.copy(folder / base, scratch)
        added = _ADDED_BEFORE.get(name)
        if added and (folder / added).is_file():
            shutil.copy(folder / added, scratch)
        (Path(scratch) / name).write_text(_csv(columns, [row]), encoding="utf-8")
        return [p.split(": ", 2)[-1] for p in checks.check_feedback_files(Path(scratch))]


def _write(result: CurateResult, folder: Path, name: str, columns: tuple[str, ...], rows: Rows) -> int:
    """Write one reviewed file of the rows the check accepts; returns how many."""
    key = columns[0]
    good = []
    for row in rows:
        problems = _problems(folder, name, columns, row)
        if problems:
            result.problems.append(f"{name}: act {row['act_id']} ({row[key]}) refused: " + "; ".join(problems))
        else:
            good.append(row)
    _replace(folder / name, _csv(columns, good))
    result.written.append(folder / name)
    return len(good)


def curate(log: Path, reference_dir: Path) -> CurateResult:
    """Write the reviewed feedback files in ``reference_dir``; refused rows are left out and named."""
    actors, aliases = rows_from(log)
    places, place_aliases = place_rows_from(log, reference_dir)
    result = CurateResult()
    result.actors = _write(result, reference_dir, taxonomy.ACTORS_FEEDBACK, ACTOR_COLUMNS, actors)
    result.aliases = _write(result, reference_dir, taxonomy.ALIASES_FEEDBACK, ALIAS_COLUMNS, aliases)
    result.places = _write(result, reference_dir, taxonomy.PLACES_FEEDBACK, PLACE_COLUMNS, places)
    result.place_aliases = _write(result, reference_dir, taxonomy.PLACE_ALIASES_FEEDBACK, PLACE_ALIAS_COLUMNS,
                                  place_aliases)
    return result
