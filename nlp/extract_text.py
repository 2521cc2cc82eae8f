"""`ocwatch extract-text`: JSON Lines of {id, text, lang?} in, one mention or link a line out.

Mention lines carry ``kind`` actor, commodity or location, their sentence
(``sent_idx``) and assertion ``status``; link lines have ``kind`` "link" and
the fields of ``LINK_FIELDS`` (``actor_surface`` null for a market-place link
with no actor). Offsets are character offsets into the input text. A line that is not a JSON
object with a string ``text`` (or not UTF-8) gives an error record naming the line, and the
run goes on. Only the first ``MAX_TEXT_CHARS`` of a text are read (a ``text_cut`` record says so).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

from ocwatch.nlp.analyze import MAX_TEXT_CHARS, DocInput, analyze

FIELDS = ("id", "kind", "sent_idx", "surface", "start", "end", "entity_id", "market", "actor_type",
          "country_iso3", "admin1", "lat", "lon", "method", "status")
LINK_FIELDS = ("id", "kind", "sent_idx", "actor_id", "actor_surface", "market", "commodity_id", "place_id",
               "place_surface", "country_iso3", "status", "role", "method", "confidence",
               "confidence_model")
CHUNK = 256  # inputs read before a batch is processed: bounded memory on large files


@contextmanager
def _open(path: str | IO[str], mode: str) -> Iterator[IO[Any]]:
    """Input in bytes (each line decoded on its own), output in text; a given stream as it is."""
    if not isinstance(path, str):
        yield path
    elif path == "-":
        yield sys.stdin.buffer if "r" in mode else sys.stdout
    elif "r" in mode:
        with open(path, "rb") as fh:
            yield fh
    else:
        with open(path, mode, encoding="utf-8") as fh:
            yield fh


def _decoded(line: str | bytes, lineno: int) -> str | dict[str, Any]:
    if isinstance(line, str):
        return line
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError as exc:
        return {"line": lineno, "error_kind": "bad_encoding",
                "error": f"line {lineno}: not UTF-8 (byte {exc.object[exc.start]:#04x} at {exc.start})"}


def _write(out: IO[str], record: dict[str, Any]) -> None:
    """One JSON line; a lone surrogate (from a "\\ud800" escape in the input) is written escaped."""
    line = json.dumps(record, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(record)
    out.write(line + "\n")


def parse_line(line: str | bytes, lineno: int) -> DocInput | dict[str, Any]:
    """A DocInput, or an error record naming the line."""
    line = _decoded(line, lineno)
    if isinstance(line, dict):
        return line
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
            _write(out, {"id": res.doc_id, "error_kind": res.error_kind, "error": res.error})
        if res.cut:  # said, not counted as an error: the start of the text was read
            _write(out, {"id": res.doc_id, "error_kind": "text_cut",
                         "error": f"document {res.doc_id}: only the first {MAX_TEXT_CHARS} of its "
                                  f"{res.cut} characters were read"})
        for rec in (*mention_records(res.doc_id, res.mentions), *link_records(res.doc_id, res.links)):
            _write(out, rec)
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
                _write(out, parsed)
            if len(batch) >= CHUNK:
                errors += _flush(batch, out)
                batch = []
        errors += _flush(batch, out)
    return 1 if errors else 0
