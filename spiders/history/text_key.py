"""The key a text is known by across the whole history: same key, same story (ocwatch.spiders.history.same_text)."""

from __future__ import annotations

import hashlib
import unicodedata

MIN_CHARS = 200  # shorter texts (a caption, a notice) can repeat across real, different pages


def text_key(text: str | None) -> str | None:
    """sha256 of the text with Unicode normalised (NFKC), case folded and whitespace collapsed; None when too short."""
    if not text:
        return None
    norm = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    if len(norm) < MIN_CHARS:
        return None
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()
