"""`ocwatch extract-text`: JSON Lines of {id, text, lang?} in, one mention or link a line out.

Mention lines carry ``kind`` actor, commodity or location, their sentence
(``sent_idx``) and assertion ``status``; link lines have ``kind`` "link" and
the fields of ``LINK_FIELDS`` (``actor_surface`` null for a market-place link
with no actor). Offsets are character offsets into the input text. A line that is not a JSON
object with a string ``text`` gives an error record naming the line, and the
run goes on.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

from ocwatch.nlp.analyze import DocInput, analyze

FIELDS = ("id", "kind", "sent_idx", "surface", "start", "end", "entity_id", "market", "actor_type",
          "country_iso3", "admin1", "lat", "lon", "method", "status")
LINK_FIELDS = ("id", "kind", "sent_idx", "actor_id", "actor_surface", "market", "commodity_id", "place_id",
               "place_surface", "country_iso3", "status", "role", "method")
CHUNK = 256  # inputs read before a batch is processed: bounded memory on large files


@contextmanager
def _open(path: str | IO[str], mode: str) -> Iterator[IO[str]]:
    if not isinstance(path, str):
        yield path
    elif path == "-":
        yield sys.stdin if "r" in mode else sys.stdout
    else:
        with open(path, mode, encoding="utf-8") as fh:
            yield fh


def parse_line(line: str, lineno: int) -> DocInput | dict[str, Any]:
    """A DocInput, or an error record naming the line."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"line": lineno, "error_kind": "bad_json", "error": f"line {lineno}: not JSON: {exc.msg}"}
    except RecursionError:  # "[[[[..." a hundred thousand deep: hostile, not a crash
        return {"line": lineno, "error_kind": "bad_json", "error": f"line {lineno}: JSON nested too deeply"}
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        return {"line": lineno, "error_kind": "bad_record",
                "error": f"line {lineno}: expected an object with a string 'text'"}
    lang = obj.get("lang") if isinstance(obj.get("lang"), str) else None
    return DocInput(str(obj.get("id", lineno)), obj["text"], lang)


def mention_records(doc_id: str, mentions: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for m in mentions:
        rec = {k: m.get(k) for k in FIELDS}
        rec.update(id=doc_id, start=m["start_char"], end=m["end_char"])
        yield rec


def link_records(doc_id: str, links: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for link in links:
        rec = {k: link.get(k) for k in LINK_FIELDS}
        rec.update(id=doc_id, kind="link")
        yield rec


def _flush(batch: list[DocInput], out: IO[str]) -> int:
    errors = 0
    for res in analyze(batch, use_gate=False):
        if res.error_kind:
            errors += 1
            out.write(json.dumps({"id": res.doc_id, "error_kind": res.error_kind, "error": res.error},
                                 ensure_ascii=False) + "\n")
        for rec in (*mention_records(res.doc_id, res.mentions), *link_records(res.doc_id, res.links)):
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return errors


def run(infile: str | IO[str] = "-", outfile: str | IO[str] = "-") -> int:
    """Process every line; exit code 0, or 1 when some input could not be used."""
    errors, batch = 0, []
    with _open(infile, "r") as inp, _open(outfile, "w") as out:
        for lineno, line in enumerate(inp, start=1):
            if not line.strip():
                continue
            parsed = parse_line(line, lineno)
            if isinstance(parsed, DocInput):
                batch.append(parsed)
            else:
                errors += 1
                out.write(json.dumps(parsed, ensure_ascii=False) + "\n")
            if len(batch) >= CHUNK:
                errors += _flush(batch, out)
                batch = []
        errors += _flush(batch, out)
    return 1 if errors else 0
