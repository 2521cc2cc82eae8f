"""Names as the matchers and the checks compare them: writers add or drop accents.

Here, on the lowest floor, so that the reference checks (one name, one actor) and the
NLP's gazetteer and actor matcher fold a name the same way.
"""

from __future__ import annotations

import unicodedata


def without_accents(text: str) -> str:
    """The text with its accents dropped, case kept: 'Škaljari' -> 'Skaljari', 'Pará' -> 'Para'."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def fold(name: str) -> str:
    """Lower case without accents: 'Vohémar' and 'Vohemar', 'Kéniéba' and 'Kenieba' are one key."""
    return without_accents(name.lower().replace("’", "'"))
