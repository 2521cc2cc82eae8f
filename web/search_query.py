"""The search box's query language, turned into an SQLite FTS5 expression.

Words, "quoted phrases", OR between two terms, and -exclusion. Every term is
passed to FTS5 as a quoted string, so nothing an analyst types can reach FTS5's
own syntax (column filters, NEAR, prefix stars) by accident.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r'-?"[^"]*"?|\S+')


class SearchSyntaxError(ValueError):
    """A query the search cannot run; the message says why, naming the query."""


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _term(token: str) -> tuple[bool, str | None]:
    """(excluded, quoted term or None when the token holds no word)."""
    negative = token.startswith("-") and len(token) > 1
    body = token[1:] if negative else token
    body = body.strip('"').strip()
    if not re.search(r"\w", body):
        return negative, None
    return negative, _quote(body)


def parse(query: str) -> str:
    """The FTS5 match expression for a query; SearchSyntaxError when nothing is left to find."""
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
    if not groups:
        raise SearchSyntaxError(f"search {query!r}: give at least one word or phrase to look for")
    positive = " AND ".join("(" + " OR ".join(g) + ")" if len(g) > 1 else g[0] for g in groups)
    if excluded:
        return f"({positive}) NOT ({' OR '.join(excluded)})"
    return positive
