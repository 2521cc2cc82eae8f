"""Clauses set against each other by "while", "whereas", "tandis que", "alors que".

Such a clause has its own subject, its own activity and its own places; the small parsers often misread
it ("while Islamic State fighters tax shipping" as one noun phrase), so the boundary is read on the
words: a comma or semicolon, then the marker.
"""

from __future__ import annotations

from spacy.tokens import Token


def _low(t: Token) -> str:
    return t.lower_.replace("’", "'")


_CONTRAST = frozenset({"while", "whereas", "whilst", "tandis"})


def across_contrast(t: Token, m: Token) -> bool:
    """A comma and "while", "whereas", "tandis que", "alors que" start a contrasted clause with its own
    subject: a place on one side is not the activity's on the other ("Al-Shabaab collects zakat at
    Baidoa, while IS fighters tax shipping in Bosaso"). Read on the words: the parsers often misread
    the second clause."""
    lo, hi = sorted((t.i, m.i))
    for w in t.doc[lo + 1: hi]:
        nxt = t.doc[w.i + 1] if w.i + 1 < len(t.doc) else None
        contrast = _low(w) in _CONTRAST or (_low(w) == "alors" and nxt is not None and _low(nxt) in ("que", "qu'"))
        if contrast and w.i > 0 and t.doc[w.i - 1].text in (",", ";"):
            return True
    return False
