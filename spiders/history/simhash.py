"""Near-duplicate articles (wire copies syndicated across outlets).

A 64-bit SimHash over word 3-shingles finds candidates cheaply (vectorised
Hamming distance against every earlier document); rapidfuzz then confirms on the
normalised text, so two different stories that happen to share a fingerprint
neighbourhood are never marked. Copies are marked with ``near_dup_of``, never dropped.

Fingerprints are stored with each document (``documents.simhash``, signed
int64 as Parquet has no uint64 here), so history is searched by fingerprint and
only the few texts within the Hamming radius are ever read again.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz

WORD_RE = re.compile(r"\w+", re.UNICODE)
MAX_HAMMING = 12  # unrelated texts sit near 32 of 64 bits; copies within a few bits
MIN_RATIO = 80.0  # rapidfuzz similarity (0..100) of the normalised texts that confirms a copy
# Nearest candidates compared by text. A wire copy sits within a few bits of its
# original; texts on one subject in one outlet's vocabulary can put hundreds of
# prints inside the radius, and comparing all of them made the pass quadratic.
MAX_CANDIDATES = 16
MIN_WORDS = 40  # shorter texts are too generic to call copies
COMPARE_CHARS = 5000
_SIGN = 1 << 63


def normalise(text: str) -> list[str]:
    return WORD_RE.findall(text.lower())


def simhash(words: list[str]) -> int:
    shingles = [" ".join(words[i:i + 3]) for i in range(max(1, len(words) - 2))]
    hashes = np.array([int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "little")
                       for s in shingles], dtype=np.uint64)
    bits = np.unpackbits(hashes.view(np.uint8).reshape(-1, 8), axis=1, bitorder="little")
    votes = bits.sum(axis=0, dtype=np.int64) * 2 - len(shingles)
    return int(np.packbits(votes > 0, bitorder="little").view(np.uint64)[0])


def to_stored(fp: int) -> int:
    """The unsigned fingerprint as the int64 the lake stores (same 64 bits)."""
    return fp - (1 << 64) if fp >= _SIGN else fp


def from_stored(value: int) -> int:
    return value + (1 << 64) if value < 0 else value


@dataclass(frozen=True)
class Print:
    """What matching needs of one text: its comparison text and fingerprint."""

    norm: str
    fp: int


def fingerprint(text: str | None, stored: int | None = None) -> Print | None:
    """The text's Print, reusing a stored SimHash; None for texts too short to judge."""
    words = normalise(text or "")
    if len(words) < MIN_WORDS:
        return None
    fp = from_stored(stored) if stored is not None else simhash(words)
    return Print(" ".join(words)[:COMPARE_CHARS], fp)


def stored_simhash(text: str | None) -> int | None:
    """The value of ``documents.simhash`` for a text: NULL when too short to judge."""
    p = fingerprint(text)
    return None if p is None else to_stored(p.fp)


@dataclass
class NearDupIndex:
    """Documents seen so far, in order; ``match`` finds the first one a new text copies.

    Prints live in a growing numpy array (no list-to-array copy per match);
    texts may be None for history loaded by fingerprint alone, and are filled
    in (``set_text``) for the few candidates within the radius before matching.
    """

    ids: list[str] = field(default_factory=list)
    texts: list[str | None] = field(default_factory=list)
    _prints: np.ndarray = field(default_factory=lambda: np.zeros(1024, dtype=np.uint64))

    @property
    def prints(self) -> np.ndarray:
        return self._prints[:len(self.ids)]

    def add_print(self, doc_id: str, fp: int, norm: str | None = None) -> None:
        n = len(self.ids)
        if n == len(self._prints):  # double the capacity: amortised O(1) appends
            self._prints = np.concatenate([self._prints, np.zeros(max(n, 1024), dtype=np.uint64)])
        self._prints[n] = fp
        self.ids.append(doc_id)
        self.texts.append(norm)

    def add_prints(self, doc_ids: list[str], prints: np.ndarray) -> None:
        """Many prints at once, without texts (history loaded by fingerprint)."""
        n, k = len(self.ids), len(doc_ids)
        if n + k > len(self._prints):
            grown = np.zeros(max(2 * (n + k), 1024), dtype=np.uint64)
            grown[:n] = self._prints[:n]
            self._prints = grown
        self._prints[n:n + k] = prints
        self.ids.extend(doc_ids)
        self.texts.extend([None] * k)

    def add(self, doc_id: str, text: str) -> None:
        p = fingerprint(text)
        if p is not None:
            self.add_print(doc_id, p.fp, p.norm)

    def set_text(self, pos: int, text: str) -> None:
        self.texts[pos] = " ".join(normalise(text))[:COMPARE_CHARS]

    def near(self, fp: int, start: int = 0) -> tuple[np.ndarray, np.ndarray]:
        """(positions, distances) of prints from ``start`` on within the radius, nearest first."""
        dist = np.bitwise_count(self.prints[start:] ^ np.uint64(fp))
        pos = np.flatnonzero(dist <= MAX_HAMMING)
        order = np.lexsort((pos, dist[pos]))  # ties keep index order, as a stable sort would
        return pos[order] + start, dist[pos[order]]

    def confirm(self, p: Print, positions: Iterable[int]) -> str | None:
        """The first of the nearest candidates whose text confirms the copy."""
        for i in itertools.islice(positions, MAX_CANDIDATES):
            text = self.texts[i]
            if text is not None and fuzz.ratio(p.norm, text, score_cutoff=MIN_RATIO):
                return self.ids[i]
        return None

    def match(self, text: str) -> str | None:
        p = fingerprint(text)
        if p is None or not self.ids:
            return None
        return self.confirm(p, self.near(p.fp)[0])


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
