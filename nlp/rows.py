"""From processed Docs to plain rows for the sentences, mentions and links datasets.

Spans carry only ids; here they are looked up in the taxonomy and the
gazetteer. Links are built by ``ocwatch.nlp.links`` from the mention rows and a
parse of the sentences that can hold one, so a long text processed in segments
gets its links (and its dominant country) as a whole.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from typing import Any

from spacy.tokens import Doc, Span

from ocwatch.nlp import config, dateline, gazetteer, patterns

Row = dict[str, Any]


def _mention(span: Span, sent_idx: int, offset: int) -> Row:
    row: Row = {"sent_idx": sent_idx, "start_char": span.start_char + offset,
                "end_char": span.end_char + offset, "surface": span.text, "kind": span.label_,
                "entity_id": span.kb_id_, "market": None, "actor_type": None, "country_iso3": None,
                "admin1": None, "lat": None, "lon": None, "method": span.id_}
    if span.label_ == "location":
        place = gazetteer.lookup(span.kb_id_)
        if place is not None:
            row.update(country_iso3=place.country_iso3, admin1=place.admin1, lat=place.lat, lon=place.lon)
    else:
        info = patterns.entity_info().get(span.kb_id_)
        if info is not None:
            row.update(market=info.market, actor_type=info.actor_type, country_iso3=info.country_iso3)
        elif span.kb_id_.startswith("named:"):  # an actor named by construction carries its type (nlp/groups.py)
            row.update(actor_type=span.kb_id_.split(":")[1])
    return row


def doc_rows(doc: Doc, char_offset: int = 0, sent_offset: int = 0) -> tuple[list[Row], list[Row], int]:
    """(sentences, mentions, number of sentences) of one processed Doc or segment of a text."""
    sents = list(doc.sents)
    starts = [s.start for s in sents]
    spans = sorted(doc.spans.get(config.SPAN_KEY, []),
                   key=lambda s: (s.start, s.end))
    mentions = []
    for span in spans:
        local = max(0, bisect_right(starts, span.start) - 1)
        mentions.append(_mention(span, local + sent_offset, char_offset))
    used = sorted({m["sent_idx"] - sent_offset for m in mentions})
    sentences = [{"sent_idx": i + sent_offset, "start_char": sents[i].start_char + char_offset,
                  "end_char": sents[i].end_char + char_offset, "text": sents[i].text} for i in used]
    return sentences, mentions, len(sents)


def dominant_country(mentions: list[Row]) -> str | None:
    """The country the document is most about: the one its places name most (first named on a tie)."""
    counts = Counter(m["country_iso3"] for m in mentions if m["kind"] == "location" and m["country_iso3"])
    return counts.most_common(1)[0][0] if counts else None


def _actor_country(mentions: list[Row]) -> str | None:
    counts = Counter(m["country_iso3"] for m in mentions
                     if m["kind"] == "actor" and m["actor_type"] and m["country_iso3"])
    return counts.most_common(1)[0][0] if counts else None


_TOWN_END = re.compile(r",|\s*\(|\s+[-–—]\s")


def _dateline_country(sentences: list[Row]) -> str | None:
    """The country of the town a story was filed from ("RUTSHURU — ", "Kindu – "): the dateline names no
    actor and no activity's place, but a story filed from Goma is about Congo's villages."""
    first = min(sentences, key=lambda s: s["sent_idx"], default=None)
    text = (first or {}).get("text") or ""
    if dateline.dateline_end(text) == 0:
        return None
    town = _TOWN_END.split(text, maxsplit=1)[0].strip()
    terms = gazetteer.place_terms()
    for name in (town, town.title()):
        place = gazetteer.lookup(terms[name]) if name in terms else None
        if place is not None and place.country_iso3:
            return place.country_iso3
    cities = gazetteer.cities_named(town)
    return cities[0].country_iso3 if cities else None


def resolve_context(sentences: list[Row], mentions: list[Row]) -> tuple[list[Row], list[Row]]:
    """Put the places no gazetteer knows in the country the whole document is about.

    That is the country its other places name most, else the home country of the
    known actors it names, else that of the town its dateline was filed from; a village
    with none of these is dropped (it could be anywhere).
    """
    pending = [m for m in mentions if m["entity_id"].startswith(gazetteer.CONTEXT_PENDING)]
    if not pending:
        return sentences, mentions
    country = dominant_country(mentions) or _actor_country(mentions) or _dateline_country(sentences)
    if country is None:
        mentions = [m for m in mentions if m not in pending]
        used = {m["sent_idx"] for m in mentions}
        return [s for s in sentences if s["sent_idx"] in used], mentions
    for m in pending:
        m.update(entity_id=gazetteer.context_id(country, m["surface"]), country_iso3=country)
    return sentences, mentions


def _place_of(m: Row) -> tuple[str, str | None, str | None]:
    return m["entity_id"], m["country_iso3"], m["admin1"]


def link_rows(mentions: list[Row]) -> list[Row]:
    """Every actor (or none) x commodity or market x place in one sentence: sentence co-occurrence.

    No longer how links are made (``ocwatch.nlp.links`` reads roles from the parse); kept as
    the baseline the link scorer reports next to them (``ocwatch.nlp.links.score``).

    A sentence with a market but no place is placed in the document's dominant
    country (``country:<ISO3>``); with no place in the whole document it yields no link.
    """
    home = dominant_country(mentions)
    by_sent: dict[int, list[Row]] = {}
    for m in mentions:
        by_sent.setdefault(m["sent_idx"], []).append(m)
    links: dict[tuple, Row] = {}
    for idx, ms in sorted(by_sent.items()):
        items = {(m["market"], None if m["entity_id"].startswith("activity:") else m["entity_id"])
                 for m in ms if m["kind"] == "commodity" and m["market"]}
        places = {_place_of(m) for m in ms if m["kind"] == "location" and m["entity_id"]}
        if not places and home:
            places = {(f"country:{home}", home, None)}
        actors = {m["entity_id"] for m in ms if m["kind"] == "actor"} or {None}
        for actor in actors:
            for market, commodity in items:
                for place_id, iso3, admin1 in places:
                    key = (idx, actor, market, commodity, place_id)
                    links[key] = {"sent_idx": idx, "actor_id": actor, "market": market,
                                  "commodity_id": commodity, "place_id": place_id,
                                  "country_iso3": iso3, "admin1": admin1}
    return sorted(links.values(), key=lambda r: (r["sent_idx"], str(r["actor_id"]), r["market"], r["place_id"]))
