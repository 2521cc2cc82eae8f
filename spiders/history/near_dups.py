"""The per-date near-duplicate pass: one date's documents against each other and the last 30 days.

History is searched by stored fingerprint (``documents.simhash``): only
``doc_id, simhash`` of the window are loaded, and only the texts of the few
earlier documents within the Hamming radius of tonight's are read to confirm.
Partitions written before the column existed are hashed once from their text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import numpy as np

from ocwatch.lake.location import Lake
from ocwatch.spiders.history.lookup import texts_of, window_dates, window_prints
from ocwatch.spiders.history.simhash import (
    MAX_CANDIDATES,
    NearDupIndex,
    Print,
    fingerprint,
    from_stored,
    to_stored,
)


def history_index(lake: Lake, dates: list[dt.date]) -> tuple[NearDupIndex, np.ndarray]:
    """The window's originals, oldest first, and the date of each (to fetch its text later)."""
    index = NearDupIndex()
    table = window_prints(lake, dates)
    if table["simhash"].null_count == 0:  # every print stored (the usual): added at once
        stored = [c.to_numpy(zero_copy_only=False) for c in table["simhash"].chunks]
        index.add_prints(table["doc_id"].to_pylist(),
                         np.concatenate(stored).view(np.uint64) if stored else np.zeros(0, np.uint64))
        return index, table["date"].to_numpy()
    days = []
    for did, day, stored, text in zip(*(table[c].to_pylist() for c in ("doc_id", "date", "simhash", "text")),
                                      strict=True):
        if stored is not None:
            index.add_print(did, from_stored(stored))
        elif (p := fingerprint(text)) is not None:  # older partition: hash its text this once
            index.add_print(did, p.fp, p.norm)
        else:
            continue
        days.append(day)
    return index, np.array(days, dtype="datetime64[D]")


def _fill_texts(lake: Lake, index: NearDupIndex, days: np.ndarray, positions: Iterable[int]) -> None:
    missing = {int(i) for i in positions if index.texts[i] is None}
    found = texts_of(lake, {(index.ids[i], days[i].item()) for i in missing})
    for i in missing:
        text = found.get((index.ids[i], days[i].item()))
        if text is not None:
            index.set_text(i, text)


def _first_copy(index: NearDupIndex, p: Print, earlier: tuple[np.ndarray, np.ndarray], start: int) -> str | None:
    # History candidates were found once up front; only tonight's prints are scanned here.
    later = index.near(p.fp, start=start)
    pos, dist = np.concatenate([earlier[0], later[0]]), np.concatenate([earlier[1], later[1]])
    return index.confirm(p, pos[np.lexsort((pos, dist))])


def mark_date(lake: Lake, date: dt.date, docs: list[dict]) -> tuple[dict[str, str | None], dict[str, int | None]]:
    """near_dup_of and stored simhash for each of the date's docs (given oldest first, one per doc_id)."""
    dates = window_dates(lake, date)
    index, days = history_index(lake, dates)
    start = len(index.ids)
    own = [(d["doc_id"], fingerprint(d.get("text"), d.get("simhash"))) for d in docs]
    earlier = {did: index.near(p.fp) for did, p in own if p is not None}
    # Only the nearest few can be compared (confirm's cap): fetch no other text.
    _fill_texts(lake, index, days, (i for pos, _ in earlier.values() for i in pos[:MAX_CANDIDATES]))
    marks: dict[str, str | None] = {}
    for did, p in own:
        match = None if p is None else _first_copy(index, p, earlier[did], start)
        marks[did] = match if match != did else None
        if p is not None:
            index.add_print(did, p.fp, p.norm)
    return marks, {did: None if p is None else to_stored(p.fp) for did, p in own}
