"""One story, one document: a source's page whose text is one already stored counts once.

The same article reaches a crawler under many addresses: http and https, with
and without www, AMP and mobile hosts, tracking parameters, a section it was
moved to, a mirror on another port. The canonical URL (ocwatch.spiders.urls)
folds some of these; the rest are caught by the text itself: a document whose
normalised text has the same hash as a document already stored for the same
source (in an earlier night, through the known-URL index, or earlier in the
same crawl) is not stored again. Its crawl_log row says `duplicate` and names
the document it repeats. Wire copies across sources stay separate documents,
marked near_dup_of by the near-duplicate pass (they are other sources' work).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ocwatch.spiders.history.lookup import Known
from ocwatch.spiders.history.text_key import text_key
from ocwatch.spiders.urls import canonical_url


def _preference(doc: dict[str, Any]) -> tuple:
    # Of two addresses of one text in a night, keep the plainest: https, then the shortest URL.
    url = doc["url"]
    return (not url.startswith("https:"), len(url), url)


def _log_key(url: str) -> str | None:
    try:
        return canonical_url(url)
    except ValueError:
        return None


def drop_repeats(source_id: str, docs: list[dict[str, Any]], logs: list[dict[str, Any]],
                 earlier: Callable[[str, str], Known | None],
                 aliases: dict[str, str] | None = None) -> tuple[list[dict], list[dict], int]:
    """(kept documents, crawl_log rows, documents dropped): each text of the source stored once.

    ``earlier(source_id, key)`` answers with a document of an earlier night that
    has the same text, or None. A document refetched under its own URL is no
    repeat (its identity is the same; the lake keeps the new fetch).
    ``aliases`` maps a logged URL (canonical) to the identity its document got
    (after a redirect, or from the page's canonical link), to find its crawl_log row.
    """
    kept, seen, repeats = [], {}, {}
    for doc in sorted(docs, key=_preference):
        key = text_key(doc.get("text"))
        first = seen.get(key) if key else None
        before = earlier(source_id, key) if key and first is None else None
        if first is not None:
            repeats[doc["url"]] = f"{first['url']} (same crawl)"
        elif before is not None and before.doc_id != doc["doc_id"]:
            repeats[doc["url"]] = f"{before.url} (fetched {before.fetched_at:%Y-%m-%d})"
        else:
            if key:
                seen[key] = doc
            kept.append(doc)
    if not repeats:
        return docs, logs, 0
    # One row per dropped document: a URL that is also an index page (a listing's first
    # page) has a row for each, and the document's is the later one.
    last = {}
    for i, row in enumerate(logs):
        canon = _log_key(row["url"]) if row.get("error_kind") is None else None
        canon = (aliases or {}).get(canon, canon) if canon else None
        if canon in repeats:
            last[canon] = i
    marked = list(logs)
    for canon, i in last.items():
        row = marked[i]
        marked[i] = {**row, "error_kind": "duplicate",
                     "error": f"{row['url']}: same text as {repeats[canon]}: counted once"}
    return kept, marked, len(repeats)
