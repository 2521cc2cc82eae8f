"""What a build brought that a watch asks for: new documents, new spikes, new links.

Read from the warehouse (read-only): the night's documents (``fact_documents``
of the build date's partition), spikes of the last two ISO weeks
(``market_activity_weekly``) and links first seen in the build's last seven
days (``new_links``), each filtered by the watch's fields. The reviewed views
are used, so feedback (a link marked wrong) keeps an item out of the alerts
too. Every item has a key; the alerts never send one key twice to a person.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import duckdb
import pycountry

from ocwatch.feedback.query_terms import split


@dataclass(frozen=True)
class Item:
    key: str  # doc:<id>, spike:<market>:<country>:<week>, link:<actor>|<market>|<place>
    kind: str  # document, spike, link
    text: str  # one line, from web text: escape it for the medium it goes to
    link: str  # into the workbench
    source_url: str | None = None


def workbench_link(base: str, kind: str, **params: str) -> str:
    """The workbench page of an item, one that ocwatch.web serves: a document is
    /doc?id=..., a spike its evidence (market, country, week), a link its new_links
    evidence (actor, market, place)."""
    root = base.rstrip("/")
    if kind == "document":
        return f"{root}/doc?{urlencode({'id': params['doc_id']})}"
    first = [("indicator", "new_links")] if kind == "link" else []
    return f"{root}/evidence?{urlencode(first + sorted(params.items()))}"


def words_sql(words: str, test: str) -> tuple[list[str], list[str]]:
    """WHERE conditions and their parameters for a watch's words, in the search box's language
    (query_terms): every group matches, no excluded term does. ``test`` checks one term,
    written ``{t}`` (each ``{t}`` one parameter) against text folded by ``strip_accents(lower())``:
    the match ignores case and accents, as the search box's full-text index does ("negociants"
    finds "négociants")."""
    terms = split(words)
    one, uses = test.replace("{t}", "strip_accents(lower(?))"), test.count("{t}")
    conds, params = [], []
    for group in terms.groups:
        conds.append("(" + " or ".join([one] * len(group)) + ")")
        params += [t for t in group for _ in range(uses)]
    for term in terms.excluded:
        conds.append(f"not {one}")
        params += [term] * uses
    return conds, params


def _country_of_admin1(code: str) -> str | None:
    sub = pycountry.subdivisions.get(code=code.upper())
    return pycountry.countries.get(alpha_2=sub.country_code).alpha_3 if sub else None


def _documents(con: duckdb.DuckDBPyConnection, w: dict[str, Any], as_of: dt.date) -> list[tuple]:
    where, params = ["d.partition_date = ?"], [as_of]
    if w.get("market") or w.get("country_iso3"):
        cond, sub = [], []
        for col, key in (("market", "market"), ("country_iso3", "country_iso3")):
            if w.get(key):
                cond.append(f"f.{col} = ?")
                sub.append(w[key])
        where.append(f"exists (select 1 from fact_doc_market_country f where f.doc_id = d.doc_id "
                     f"and {' and '.join(cond)})")
        params += sub
    if w.get("admin1"):
        where.append("exists (select 1 from mentions_reviewed m where m.doc_id = d.doc_id "
                     "and m.kind = 'location' and m.admin1 = ?)")
        params.append(w["admin1"])
    if w.get("actor_id"):
        where.append("exists (select 1 from mentions_reviewed m where m.doc_id = d.doc_id "
                     "and m.kind = 'actor' and m.entity_id = ?)")
        params.append(w["actor_id"])
    if w.get("words"):
        conds, more = words_sql(w["words"], "(contains(strip_accents(lower(coalesce(d.title, ''))), {t}) or exists ("
                                "select 1 from sentences s where s.doc_id = d.doc_id and "
                                "contains(strip_accents(lower(s.text)), {t})))")
        where += conds
        params += more
    return con.execute("select d.doc_id, d.title, d.url, d.source_id, d.reliability from fact_documents d "
                       f"where {' and '.join(where)} order by d.event_at, d.doc_id", params).fetchall()


def _spikes(con: duckdb.DuckDBPyConnection, w: dict[str, Any], as_of: dt.date) -> list[tuple]:
    if w.get("actor_id") or w.get("words"):
        return []  # a spike is a market and a country: it says nothing of an actor or words
    country = w.get("country_iso3") or (_country_of_admin1(w["admin1"]) if w.get("admin1") else None)
    where, params = ["is_spike", "week_start > ?::DATE - 14", "week_start <= ?"], [as_of, as_of]
    for col, value in (("market", w.get("market")), ("country_iso3", country)):
        if value:
            where.append(f"{col} = ?")
            params.append(value)
    return con.execute("select market, country_iso3, week, z, independent_sources from market_activity_weekly "
                       f"where {' and '.join(where)} order by week_start, market, country_iso3", params).fetchall()


def _links(con: duckdb.DuckDBPyConnection, w: dict[str, Any], as_of: dt.date) -> list[tuple]:
    where = ["n.first_seen_at >= ?::DATE - 6", "n.first_seen_at < ?::DATE + 1"]
    params: list[Any] = [as_of, as_of]
    for col, key in (("n.market", "market"), ("n.country_iso3", "country_iso3"), ("n.actor_id", "actor_id")):
        if w.get(key):
            where.append(f"{col} = ?")
            params.append(w[key])
    if w.get("admin1"):
        where.append("exists (select 1 from places p where p.place_id = n.place_id and p.admin1 = ?)")
        params.append(w["admin1"])
    if w.get("words"):
        conds, more = words_sql(w["words"], "contains(strip_accents(lower(coalesce(n.sentence, ''))), {t})")
        where += conds
        params += more
    return con.execute("select n.actor_id, n.actor_name, n.market, n.place_id, n.place_name, n.week, n.url "
                       f"from new_links n where {' and '.join(where)} "
                       "order by n.first_seen_at, n.actor_id, n.market, n.place_id", params).fetchall()


def matches(con: duckdb.DuckDBPyConnection, watch: dict[str, Any], as_of: dt.date, base: str) -> list[Item]:
    """The items of one build that one watch asks for, spikes first, then links, then documents."""
    items = [Item(f"spike:{m}:{c}:{wk}", "spike",
                  f"Spike: {m} in {c}, {wk} (z {z:.1f}, {n} independent sources)",
                  workbench_link(base, "spike", market=m, country=c, week=wk))
             for m, c, wk, z, n in _spikes(con, watch, as_of)]
    items += [Item(f"link:{a}|{m}|{p}", "link", f"New link: {an} – {m} – {pn} ({wk})",
                   workbench_link(base, "link", actor=a, market=m, place=p), url)
              for a, an, m, p, pn, wk, url in _links(con, watch, as_of)]
    items += [Item(f"doc:{d}", "document", f"{t or '(no title)'} ({s}, grade {g})",
                   workbench_link(base, "document", doc_id=d), url)
              for d, t, url, s, g in _documents(con, watch, as_of)]
    return items
