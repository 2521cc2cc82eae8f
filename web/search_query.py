"""The search box's query language, turned into an SQLite FTS5 expression.

Words, "quoted phrases", OR between two terms, and -exclusion (read by
ocwatch.feedback.query_terms, which the watches' words share). Every term is
passed to FTS5 as a quoted string, so nothing an analyst types can reach FTS5's
own syntax (column filters, NEAR, prefix stars) by accident.
"""

from __future__ import annotations

from ocwatch.feedback.query_terms import split


class SearchSyntaxError(ValueError):
    """A query the search cannot run; the message says why, naming the query."""


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def parse(query: str) -> str:
    """The FTS5 match expression for a query; SearchSyntaxError when nothing is left to find."""
    terms = split(query)
    if not terms.groups:
        raise SearchSyntaxError(f"search {query!r}: give at least one word or phrase to look for")
    groups = [[_quote(t) for t in g] for g in terms.groups]
    positive = " AND ".join("(" + " OR ".join(g) + ")" if len(g) > 1 else g[0] for g in groups)
    if terms.excluded:
        return f"({positive}) NOT ({' OR '.join(_quote(t) for t in terms.excluded)})"
    return positive
