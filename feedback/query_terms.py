"""The search box's query language, read once for the workbench's search and for watches' words.

Words (all must match), "quoted phrases", OR between two terms, and -exclusion.
The workbench turns the terms into an SQLite FTS5 expression
(ocwatch.web.search_query); the alerts into conditions on the warehouse's
titles and sentences (ocwatch.feedback.digest), so a search saved as a watch
catches what the search finds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r'-?"[^"]*"?|\S+')


@dataclass(frozen=True)
class Terms:
    groups: tuple[tuple[str, ...], ...]  # every group must match; a group matches when one of its terms does
    excluded: tuple[str, ...]  # none may match


def _term(token: str) -> tuple[bool, str | None]:
    """(excluded, the term's text or None when the token holds no word)."""
    negative = token.startswith("-") and len(token) > 1
    body = (token[1:] if negative else token).strip('"').strip()
    return negative, body if re.search(r"\w", body) else None


def split(query: str) -> Terms:
    """The terms of a query; ``groups`` is empty when nothing is left to look for."""
    groups: list[list[str]] = []
    excluded: list[str] = []
    pending_or = False
    for token in _TOKEN.findall(query or ""):
        if token == "OR":
            pending_or = bool(groups)
            continue
        negative, term = _term(token)
        if term is None:
            continue
        if negative:
            excluded.append(term)
        elif pending_or:
            groups[-1].append(term)
        else:
            groups.append([term])
        pending_or = False
    return Terms(tuple(tuple(g) for g in groups), tuple(excluded))
