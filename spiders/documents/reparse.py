"""Rebuild a date's documents from the raw bytes kept under raw/, without the network.

Used after an extraction improvement (``ocwatch extract --reparse``). A row
whose raw body is missing or no longer yields a document keeps its previous
values and is recorded in the ``errors`` dataset, so nothing is lost silently.
A stored page that the current extraction finds is a listing, not an article,
leaves ``documents`` (its raw bytes stay) and is recorded there as ``not_article``.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from ocwatch.lake.location import Lake
from ocwatch.lake.partitions import list_parts, read_partition, write_partition
from ocwatch.spiders.documents.pagekind import LISTING
from ocwatch.spiders.documents.parse import ExtractionError, Hints, extract_document
from ocwatch.spiders.history.simhash import stored_simhash
from ocwatch.spiders.rawstore import load_raw

log = logging.getLogger(__name__)
ERRORS_PART = "reparse"
NOT_A_DOCUMENT = "not_article"  # errors.error_kind of a stored document that reparse finds is a listing


def _reparse_row(row: dict[str, Any], raw: str) -> dict[str, Any]:
    body = load_raw(raw, row["raw_path"])
    hints = Hints(title=row.get("title"), author=row.get("author"), published_at=row.get("published_at"))
    out = extract_document(body, row.get("content_type"), row["url"], row.get("language") or "auto", hints,
                           not_after=row.get("fetched_at"))
    if out.page_kind == LISTING:
        raise ExtractionError(NOT_A_DOCUMENT, "; ".join(out.notes))
    return {**row, "text": out.text, "title": out.title, "author": out.author,
            "published_at": out.published_at, "language": out.language,
            "simhash": stored_simhash(out.text)}  # the text may have changed: so has its fingerprint


def reparse_documents(lake: Lake, raw: str, date: dt.date) -> int:
    """Re-extract every document of the date from raw/; returns how many rows were rebuilt."""
    day = date
    rebuilt, errors = 0, []
    for path in list_parts(lake, "documents", day):
        part = path.rsplit("/", 1)[-1].removesuffix(".parquet")
        rows = read_partition(lake, "documents", day, part=part).to_pylist()
        new_rows = []
        for row in rows:
            try:
                new_rows.append(_reparse_row(row, raw))
                rebuilt += 1
            except (OSError, ValueError, ExtractionError) as exc:
                kind = getattr(exc, "kind", "raw_missing" if isinstance(exc, OSError) else "raw_corrupt")
                errors.append({"stage": "extract", "input": row["url"], "error_kind": kind,
                               "error": f"reparse of {row['url']} ({row['raw_path']}): {exc}",
                               "occurred_at": dt.datetime.now(dt.UTC)})
                if kind != NOT_A_DOCUMENT:  # a listing leaves documents; its bytes stay in raw/
                    new_rows.append(row)
        write_partition(lake, "documents", day, new_rows, part=part)
    write_partition(lake, "errors", day, errors, part=ERRORS_PART)
    log.info("reparsed %d documents of %s (%d kept as they were)", rebuilt, day, len(errors))
    return rebuilt
