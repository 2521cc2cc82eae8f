"""Near-duplicate articles (wire copies syndicated across outlets).

A 64-bit SimHash over word 3-shingles finds candidates cheaply (vectorised
Hamming distance against every earlier document); rapidfuzz then confirms on the
normalised text, so two different stories that happen to share a fingerprint
neighbourhood are never marked. Copies are marked with ``near_dup_of``, never dropped.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz

WORD_RE = re.compile(r"\w+", re.UNICODE)
MAX_HAMMING = 12  # unrelated texts sit near 32 of 64 bits; copies within a few bits
MIN_RATIO = 80.0  # rapidfuzz similarity (0..100) of the normalised texts that confirms a copy
MIN_WORDS = 40  # shorter texts are too generic to call copies
COMPARE_CHARS = 5000


def normalise(text: str) -> list[str]:
    return WORD_RE.findall(text.lower())


def simhash(words: list[str]) -> int:
    shingles = [" ".join(words[i:i + 3]) for i in range(max(1, len(words) - 2))]
    hashes = np.array([int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "little")
                       for s in shingles], dtype=np.uint64)
    bits = np.unpackbits(hashes.view(np.uint8).reshape(-1, 8), axis=1, bitorder="little")
    votes = bits.sum(axis=0, dtype=np.int64) * 2 - len(shingles)
    return int(np.packbits(votes > 0, bitorder="little").view(np.uint64)[0])


def _popcount(values: np.ndarray) -> np.ndarray:
    return np.unpackbits(values.view(np.uint8).reshape(-1, 8), axis=1).sum(axis=1)


@dataclass
class NearDupIndex:
    """Documents seen so far, in order; ``match`` finds the first one a new text copies."""

    ids: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    prints: list[int] = field(default_factory=list)

    def add(self, doc_id: str, text: str) -> None:
        words = normalise(text or "")
        if len(words) < MIN_WORDS:
            return
        self.ids.append(doc_id)
        self.texts.append(" ".join(words)[:COMPARE_CHARS])
        self.prints.append(simhash(words))

    def match(self, text: str) -> str | None:
        words = normalise(text or "")
        if len(words) < MIN_WORDS or not self.ids:
            return None
        fp = np.array([simhash(words)], dtype=np.uint64)
        dist = _popcount(np.array(self.prints, dtype=np.uint64) ^ fp)
        norm = " ".join(words)[:COMPARE_CHARS]
        for i in np.argsort(dist, kind="stable"):
            if dist[i] > MAX_HAMMING:
                break
            if fuzz.ratio(norm, self.texts[i]) >= MIN_RATIO:
                return self.ids[i]
        return None


def mark_near_dups(docs: Iterable[dict], index: NearDupIndex | None = None) -> list[dict]:
    """Set ``near_dup_of`` on each doc (in the given order) that copies an earlier one.

    The caller orders documents oldest first, so the original, not the copy, keeps a NULL.
    """
    index = index or NearDupIndex()
    out = []
    for doc in docs:
        doc = dict(doc)
        doc["near_dup_of"] = index.match(doc.get("text") or "")
        if doc["near_dup_of"] == doc["doc_id"]:
            doc["near_dup_of"] = None
        index.add(doc["doc_id"], doc.get("text") or "")
        out.append(doc)
    return out
