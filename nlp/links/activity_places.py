"""Where one activity of a parsed sentence happens, and whether a named actor takes part there.

The parse's places of the activity come first, then a place the paragraph refers back to, then the
sentence's loose places, then the paragraph's last place, then the document's country.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span, Token

from ocwatch.nlp import config
from ocwatch.nlp.links import coref, places, roles
from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.arrest import (
    nearest_verb,
    person_arrest_place,
    taken_afterwards,
    unless_elsewhere,
)
from ocwatch.nlp.links.contrast import across_contrast
from ocwatch.nlp.links.goods_steps import TRADED, traded_there
from ocwatch.nlp.links.parsed import ParsedSentence
from ocwatch.nlp.links.relay import relayed_elsewhere
from ocwatch.nlp.links.route_parts import place_role

Row = dict[str, Any]


def places_for(sent: ParsedSentence, market: Span, heads: dict[int, str], memory: coref.Memory,
               home: Row | None, verb_home: bool = True, others: tuple[Span, ...] = (),
               claimed: frozenset[tuple[int, int]] = frozenset(), goods: bool = True) -> list[tuple[Row, str, str]]:
    """(place row, place role, place method) of one activity, falling back on the paragraph, then the
    document; a place the parse gives to another market's activity (``claimed``) is no fallback. Where
    buyers took the goods on (relay.py) is added to the others, and replaces a fallback on the paragraph
    or the document: it is the sentence's own place. Not for a verb of taking a cut (``goods`` false):
    where the taxed goods go next is not where the cut is taken ("prélève une taxe sur chaque camion qui
    franchit la frontière à Kanpaiti, d'où le minerai est acheminé vers le Jiangxi")."""
    out = _own_or_fallback(sent, market, heads, memory, home, verb_home, others, claimed)
    if not goods:
        return out
    by_span = {(s.start, s.end): m for m, s in sent.of_kind("location")}
    have = {id(r) for r, _, _ in out}
    relay = [(by_span[(p.start, p.end)], place_role(p.root), "event")
             for p in places.relay_places(market, [s for _, s in sent.of_kind("location")])]
    relay = [r for r in relay if id(r[0]) not in have]
    if relay and all(how in ("paragraph", "document_country") for _, _, how in out):
        return relay
    return [*out, *relay]


def _own_or_fallback(sent: ParsedSentence, market: Span, heads: dict[int, str], memory: coref.Memory,
                     home: Row | None, verb_home: bool, others: tuple[Span, ...],
                     claimed: frozenset[tuple[int, int]]) -> list[tuple[Row, str, str]]:
    spans = sent.of_kind("location")
    by_span = {(s.start, s.end): m for m, s in spans}
    event = places.event_places(market, [s for _, s in spans], heads, others)
    found = [(by_span[(p.start, p.end)], prole, "event") for p, prole in event]
    last = memory.last_place()
    if last is not None and coref.points_to_place(list(places.event_clause(market.root).subtree)):
        return [*found, (last, "site", "coref")]
    # only where a person was arrested, when a clause on that person says where they went on with it: the
    # latter ("arrêté à Kousséri deux trafiquants d'armes qui opéraient entre Maroua et Mora")
    if event and all(person_arrest_place(p.root, market.root) for p, _ in event):
        theirs = [p for p in loose_spans(sent, heads) if _in_relative_clause(p.root)]
        if theirs:
            return [(by_span[(p.start, p.end)], place_role(p.root), "sentence") for p in theirs]
    if found:
        return found
    loose = [(by_span[(p.start, p.end)], place_role(p.root),
              "arrest" if person_arrest_place(p.root, market.root) else "sentence")
             for p in unless_elsewhere(places.loose_places([s for _, s in spans], heads), market.root)
             # "X taxe à Rubaya, tandis que Y rackette à Kirumba"; "seized ivory and handed it to X in Nairobi"
             if not across_contrast(p.root, market.root) and not taken_afterwards(p.root, market.root)]
    if loose and all((p.start, p.end) in claimed for p in loose_spans(sent, heads)):
        return []  # "sells gold in Dubai, a trade that pays for weapons": where the weapons are is not said
    if loose:
        return loose
    if last is not None:
        return [(last, "site", "paragraph")]
    # the document's country only for an activity the sentence does not place: where the sentence names
    # places and the rules rule them all out, the country would be a place the text does not give
    return [(home, "site", "document_country")] if home and verb_home and not spans else []


def _in_relative_clause(t: Token) -> bool:
    v = nearest_verb(t)
    return v is not None and v.dep_ in lx.RELATIVE


def loose_spans(sent: ParsedSentence, heads: dict[int, str]) -> list[Span]:
    return places.loose_places([s for _, s in sent.of_kind("location")], heads)


def claims(sent: ParsedSentence, activities: list[tuple[Row | None, Span]], heads: dict[int, str],
           spans: tuple[Span, ...]) -> list[frozenset[tuple[int, int]]]:
    """For each activity, the places the parse gives to activities of other markets in other clauses
    of the sentence (a clause of its own: "a trade that pays for weapons")."""
    locs = [s for _, s in sent.of_kind("location")]
    placed = [((mm or {}).get("market", lx.EXTORTION), places.event_clause(ms.root).i,
               {(p.start, p.end) for p, _ in places.event_places(ms, locs, heads, spans)}) for mm, ms in activities]
    return [frozenset().union(*(ps for k, c, ps in placed if k != market and c != clause))
            for market, clause, _ in placed]


_THIRD_PARTY = frozenset({"recipient", "receiver", "buyer", "seller", "payee", "owner", "principal"})


def at_a_site(sent: ParsedSentence, place: Row) -> bool:
    """A market, a mine or a gate the payers come to is where the cut is taken: "a fee from every trader who
    brings goods to the Dantokpa market", "at the entrance to the Rubaya mines"."""
    span = sent.span_of.get(id(place)) if place["kind"] == "location" else None
    if span is None:
        return False
    named = [*span, *([span.root.head] if span.root.dep_ == "compound" else [])]  # "the Dantokpa market"
    return any(t.lower_ in config.SITE_NOUNS for t in named) or any(
        t.lower_ in _GATES for t in span.doc[max(0, span.start - 4): span.start])  # "the entrance to X"


_GATES = frozenset({"entrance", "entrée", "gate", "gates", "porte", "portes"})


def there(sent: ParsedSentence, actor: Row | None, how: str, place: Row, pmethod: str) -> bool:
    """Whether a named participant takes part at this place of the activity, which may go on there
    without it: a "where" clause holds it at its own place ("Gold from Ndassima is sold in Bambari,
    where UPC fighters collect a fee": UPC at Bambari, nobody at Ndassima), and where a suspect was
    caught says nothing of where the one he sold to acts."""
    if how == "where" and not _holds(sent, actor, place):
        return False
    return not (pmethod == "arrest" and how in _THIRD_PARTY)


def place_status(sent: ParsedSentence, place: Row, market: Span) -> str:
    """The status of the place's clause; a "where" clause holding the activity says what happens at its
    antecedent place, whatever the clause naming the place says."""
    span = sent.span_of.get(id(place))
    if span is not None and places.where_antecedent(span, market):
        return "asserted"
    return sent.status.get(id(place), "asserted")


def relayed_away(sent: ParsedSentence, actor: Row | None, place: Row) -> bool:
    """The place is where buyers the actor sold to took the goods on (relay.py): not the actor's, and no
    doer of the sentence's (paragraph.one_doer) either."""
    if actor is None:
        return False
    p = sent.span_of.get(id(place))
    return p is not None and relayed_elsewhere(p, sent.span_of.get(id(actor)))


def traded_elsewhere(sent: ParsedSentence, actor: Row | None, how: str, place: Row, market: Span) -> bool:
    """The place is on the goods' route before they were sold to, or bought from, the actor (goods_steps.py): not the
    actor's, and no doer of the sentence's either."""
    spans = sent.span_of
    if actor is None or how not in TRADED:
        return False  # before the sentence's places are gathered: every named actor at every place asks
    return id(actor) in spans and id(place) in spans and not traded_there(
        how, spans[id(actor)], spans[id(place)], [s for _, s in sent.of_kind("location")], market.root)


def doer_there(sent: ParsedSentence, people: list[tuple], place: Row, pmethod: str) -> bool:
    """Another named participant, no party of one step of the goods, takes part at the place: "Majok Deng brings
    AK-47s from Nadapal and sells them to youths of X" leaves no actorless row at Nadapal beside his."""
    return any(r == "participant" and how not in TRADED and there(sent, a, how, place, pmethod)
               and not relayed_away(sent, a, place) for a, r, how, _ in people)


def _holds(sent: ParsedSentence, actor: Row | None, place: Row) -> bool:
    """An actor placed by a "where" clause takes part only at that clause's place."""
    spans = sent.span_of
    held = roles.where_place(spans[id(actor)]) if actor and id(actor) in spans else None
    p = spans.get(id(place))
    return held is not None and p is not None and held.i in range(p.start, p.end)
