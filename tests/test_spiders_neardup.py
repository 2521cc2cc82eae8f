"""Near-duplicates by stored fingerprint: same marks as re-hashing every text, reading only candidates' texts."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from ocwatch.lake.contracts import DOCUMENTS
from ocwatch.lake.partitions import part_path, read_partition
from ocwatch.spiders.history import near_dups as dedup
from ocwatch.spiders.history.simhash import (
    MAX_HAMMING,
    NearDupIndex,
    from_stored,
    mark_near_dups,
    stored_simhash,
    to_stored,
)
from ocwatch.spiders.output import _order_key, remark_near_dups, write_crawl

D0, D1, D2 = dt.date(2026, 6, 8), dt.date(2026, 6, 9), dt.date(2026, 6, 10)
WORDS = ["gold", "mine", "army", "road", "rain", "trade", "price", "ituri", "group", "said", "border",
         "tax", "fuel", "truck", "goma", "bunia", "charcoal", "militia", "convoy", "market"]


def _story(seed: int) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(150))


def _doc(did: str, text: str, day: dt.date, hour: int) -> dict:
    when = dt.datetime(day.year, day.month, day.day, hour, tzinfo=dt.UTC)
    return {"doc_id": did, "url": f"https://example.org/{did}", "source_id": "s", "text": text,
            "published_at": when, "fetched_at": when, "content_sha256": "0" * 64, "raw_path": "00/x.gz"}


def _lake(tmp_path: Path) -> tuple[str, list[dict]]:
    """D0 written before the simhash column existed, D1 by a crawl (prints stored), D2 tonight."""
    lake = str(tmp_path / "lake")
    old = [_doc(f"old{i}", _story(i), D0, 8) for i in range(30)] + [_doc("short", "too short", D0, 9)]
    schema = pa.schema([f for f in DOCUMENTS.schema if f.name != "simhash"])
    path = Path(part_path(lake, "documents", D0, "s"))
    path.parent.mkdir(parents=True)
    pq.write_table(pa.Table.from_pylist([{c: d.get(c) for c in schema.names} for d in old], schema=schema), path)
    recent = [_doc(f"new{i}", _story(100 + i), D1, 8) for i in range(30)]
    recent.append(_doc("copy-of-old3", "GOMA (Wire) - " + _story(3), D1, 10))
    write_crawl(lake, D1, "s", recent, [])
    remark_near_dups(lake, D1)
    tonight = [_doc("t-old5", "BUNIA - " + _story(5), D2, 7), _doc("t-new7", _story(107)[:700], D2, 8),
               _doc("t-fresh", _story(999), D2, 9), _doc("t-copy-fresh", "AFP - " + _story(999), D2, 11),
               _doc("t-copy-copy", "again " + _story(3), D2, 12)]
    write_crawl(lake, D2, "wire", tonight[:3], [])
    write_crawl(lake, D2, "outlet", tonight[3:], [])
    return lake, old + recent + tonight


def _reference(docs: list[dict]) -> dict[str, str | None]:
    """What the former marking said: every earlier original's text hashed again, date by date."""
    marks: dict[str, str | None] = {}
    for day in (D0, D1, D2):
        earlier = NearDupIndex()
        for d in sorted((d for d in docs if d["published_at"].date() < day),
                        key=lambda d: (d["published_at"].date(), d["published_at"], d["doc_id"])):
            if marks[d["doc_id"]] is None:
                earlier.add(d["doc_id"], d["text"])
        tonight = sorted((d for d in docs if d["published_at"].date() == day), key=_order_key)
        marks.update({d["doc_id"]: d["near_dup_of"] for d in mark_near_dups(tonight, earlier)})
    return marks


def test_marks_by_stored_fingerprint_equal_those_of_rehashing_every_text(tmp_path):
    lake, docs = _lake(tmp_path)
    assert remark_near_dups(lake, D2) == 4
    got = {r["doc_id"]: r["near_dup_of"] for r in read_partition(lake, "documents", D2).to_pylist()}
    want = _reference(docs)
    assert got == {k: want[k] for k in got}
    assert got == {"t-old5": "old5", "t-new7": "new7", "t-fresh": None, "t-copy-fresh": "t-fresh",
                   "t-copy-copy": "old3"}
    d1 = {r["doc_id"]: r["near_dup_of"] for r in read_partition(lake, "documents", D1).to_pylist()}
    assert d1 == {k: want[k] for k in d1} and d1["copy-of-old3"] == "old3"


def test_only_texts_within_the_hamming_radius_are_read_back(tmp_path, monkeypatch):
    lake, _ = _lake(tmp_path)
    asked: list[set] = []
    real = dedup.texts_of
    monkeypatch.setattr(dedup, "texts_of", lambda lake, wanted: asked.append(set(wanted)) or real(lake, wanted))
    remark_near_dups(lake, D2)
    (wanted,) = asked
    # The old partition's texts are hashed from text (no stored print), so only D1's candidates are fetched.
    assert {did for did, _ in wanted} <= {"new7", "copy-of-old3"}
    assert len(wanted) < 5


def test_crawl_stores_each_documents_simhash_and_none_for_texts_too_short_to_judge(tmp_path):
    lake, _ = _lake(tmp_path)
    rows = {r["doc_id"]: r for r in read_partition(lake, "documents", D2).to_pylist()}
    assert all(r["simhash"] == stored_simhash(r["text"]) is not None for r in rows.values())
    assert stored_simhash("too short") is None


def test_stored_simhash_round_trips_all_64_bits():
    for fp in (0, 1, (1 << 63) - 1, 1 << 63, (1 << 64) - 1):
        assert -(1 << 63) <= to_stored(fp) < (1 << 63)
        assert from_stored(to_stored(fp)) == fp


def test_near_orders_candidates_as_the_former_stable_argsort_did():
    rng = np.random.default_rng(7)
    prints = rng.integers(0, 2**63, size=5000, dtype=np.uint64) * np.uint64(2)
    index = NearDupIndex()
    for i, fp in enumerate(prints):
        index.add_print(str(i), int(fp))
    probe = int(prints[1234]) ^ 0b1011
    index.add_print("dup", probe)
    index.add_print("dup2", probe)  # ties keep index order: "dup" before "dup2"
    pos, dist = index.near(probe)
    every = np.concatenate([prints, np.array([probe, probe], dtype=np.uint64)])
    former = np.unpackbits((every ^ np.uint64(probe)).view(np.uint8).reshape(-1, 8), axis=1).sum(axis=1)
    expected = [int(i) for i in np.argsort(former, kind="stable") if former[i] <= MAX_HAMMING]
    assert pos.tolist() == expected and expected[:3] == [5000, 5001, 1234]
    assert dist.max() <= MAX_HAMMING and len(index.prints) == 5002
