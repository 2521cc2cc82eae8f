"""Link rows for one document: parse the sentences that can hold a link, then roles, places, status.

Only sentences with a market mention and an actor, a place or a subject that
refers back are parsed, and, with no market mention, those where somebody takes
a cut ("ISWAP taxes fishermen") or a commodity is named again ("the ore is flown
to Dubai") (``relevant_sentences``); every other mention gets its status from cue
words alone. Languages without a parser (rules-only) keep sentence
co-occurrence, with method ``cooccurrence`` and lexical status.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from spacy.tokens import Doc, Span, Token

from ocwatch.nlp import config
from ocwatch.nlp.links import coref, kinds, places, roles, tree
from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.arrest import nearest_verb, person_arrest_place, unless_elsewhere
from ocwatch.nlp.links.attribution import attributed_actors
from ocwatch.nlp.links.contrast import across_contrast
from ocwatch.nlp.links.cues import lexical_status
from ocwatch.nlp.links.fought import fought_against
from ocwatch.nlp.links.levy import armed_taker, levy_verbs
from ocwatch.nlp.links.mask import masked
from ocwatch.nlp.links.named_again import markets_named_again
from ocwatch.nlp.links.paragraph import denied_after, drop_lost_actor, goods_owner, one_doer
from ocwatch.nlp.links.proceeds import only_names_proceeds
from ocwatch.nlp.links.repair import repair
from ocwatch.nlp.links.route_parts import place_role
from ocwatch.nlp.links.select import is_market as _is_market
from ocwatch.nlp.links.select import paragraphs, relevant_sentences
from ocwatch.nlp.links.status import sentence_disputed, status_of, worst

Row = dict[str, Any]
Parser = Callable[[list[str]], Iterable[Doc]]


def _link(sent_idx: int, actor: Row | None, market: Row, place: Row, **extra: Any) -> Row:
    commodity = None if market.get("entity_id", "").startswith("activity:") else market.get("entity_id")
    return {"sent_idx": sent_idx, "actor_id": actor["entity_id"] if actor else None,
            "actor_surface": actor["surface"] if actor else None, "market": market["market"],
            "commodity_id": commodity, "place_id": place["entity_id"], "place_surface": place.get("surface"),
            "country_iso3": place.get("country_iso3"), "admin1": place.get("admin1"), **extra}


class _Sentence:
    """One parsed sentence with its mentions as spans."""

    def __init__(self, doc: Doc, row: Row, mentions: list[Row], offsets: dict[int, tuple[int, int]],
                 ref_year: int):
        self.doc, self.row = doc, row
        self.spans: list[tuple[Row, Span]] = []
        for m in mentions:
            if id(m) not in offsets:
                continue
            span = doc.char_span(*offsets[id(m)], alignment_mode="expand")
            if span is not None and len(span):
                self.spans.append((m, span))
        disputed = sentence_disputed(doc)
        self.status = {id(m): status_of(s.root, ref_year, disputed) for m, s in self.spans}

    def of_kind(self, kind: str) -> list[tuple[Row, Span]]:
        return [(m, s) for m, s in self.spans if m["kind"] == kind]


def _places_for(sent: _Sentence, market: Span, heads: dict[int, str], memory: coref.Memory,
                home: Row | None, verb_home: bool = True, others: tuple[Span, ...] = (),
                claimed: frozenset[tuple[int, int]] = frozenset()) -> list[tuple[Row, str, str]]:
    """(place row, place role, place method) of one activity, falling back on the paragraph, then the
    document; a place the parse gives to another market's activity (``claimed``) is no fallback."""
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
             if not across_contrast(p.root, market.root)]  # "X taxe à Rubaya, tandis que Y rackette à Kirumba"
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


def loose_spans(sent: _Sentence, heads: dict[int, str]) -> list[Span]:
    return places.loose_places([s for _, s in sent.of_kind("location")], heads)


def _claims(sent: _Sentence, activities: list[tuple[Row | None, Span]], heads: dict[int, str],
            spans: tuple[Span, ...]) -> list[frozenset[tuple[int, int]]]:
    """For each activity, the places the parse gives to activities of other markets in other clauses
    of the sentence (a clause of its own: "a trade that pays for weapons")."""
    locs = [s for _, s in sent.of_kind("location")]
    placed = [((mm or {}).get("market", lx.EXTORTION), places.event_clause(ms.root).i,
               {(p.start, p.end) for p, _ in places.event_places(ms, locs, heads, spans)}) for mm, ms in activities]
    return [frozenset().union(*(ps for k, c, ps in placed if k != market and c != clause))
            for market, clause, _ in placed]


def _state(actor: Row) -> bool:
    return kinds.state_side(actor)


def _role(am: Row, a: Span, market: Span, market_id: str) -> tuple[str, str]:
    r, how = roles.role(a, market, _state(am))
    if r == "participant" and kinds.source_body(am):
        return "author", how
    if r == "participant" and market_id != lx.EXTORTION and kinds.enforcement_body(am):
        return "enforcer", how  # only the cuts an enforcement body takes are its own
    return r, how


_THIRD_PARTY = frozenset({"recipient", "buyer", "seller", "payee", "owner", "principal"})
Person = tuple[Row | None, str | None, str, str]
_REFUSE = frozenset({"refuse", "decline", "refuser"})  # "refuse to pay the group": no cut paid  # actor row, role, method, actor's status


def _people(sent: _Sentence, market: Row | None, span: Span, roles_of: dict, memory: coref.Memory,
            named: set[int]) -> list[Person] | None:
    """The actors of one activity with their roles; None when a verb of taking a cut has no taker."""
    people: list[Person] = []
    for am, a in sent.of_kind("actor"):
        r, how = roles_of[(id(am), id(market))] if market else _role(am, a, span, lx.EXTORTION)
        if r in ("participant", "victim", "enforcer", "investigator", "author"):
            people.append((am, r, how, sent.status[id(am)]))
    if not any(r == "participant" for _, r, _, _ in people):
        # "the group", "ils": the paragraph's last acting actor (a masked name is never one)
        subject = tree.subject_of(span.root if market is None else tree.clause_head(span.root))
        if market is None and tree.is_word(span.root, lx.PAY_VERBS | lx.PAY_VERB_FORMS):
            # "lorries pay the group at checkpoints": the payee named again takes the cut; "they pay a fee":
            # the payers are victims, and no payee is named
            payee = coref.payee_named_again(span.root)
            # not when the sentence names its own group ("a cooperative says lorry owners pay the group")
            if payee is not None and (sent.of_kind("actor") or tree.is_word(span.root.head, _REFUSE)):
                payee = None
            ante = coref.referred_actor(sent.of_kind("actor"), payee, span, memory, market, named) if payee else None
            return [(ante, "participant", "coref", "asserted")] if ante is not None else None
        ante = coref.referred_actor(sent.of_kind("actor"), subject, span, memory, market, named)
        if ante is not None:
            people.append((ante, "participant", "coref", "asserted"))
        elif market is None and not armed_taker(subject):
            return None
    return people


def _roles(actors: list[tuple[Row, Span]], markets: list[tuple[Row, Span]]) -> tuple[dict, dict[int, str]]:
    """Each actor's role in each market's activity, and the heads of the sentence's sources, investigators
    and enforcers (whose phrases hold no activity place)."""
    heads: dict[int, str] = {}
    roles_of: dict[tuple[int, int], tuple[str, str]] = {}
    for am, a in actors:
        for mm, ms in markets:
            r, how = roles_of[(id(am), id(mm))] = _role(am, a, ms, mm["market"])
            if r in ("author", "investigator", "enforcer"):
                # "d'après la MINUSCA" hangs on "mines": only the source's own words are its phrase
                heads[a.root.i if how == "according" else roles.actor_head(a, set())[0].i] = r
    return roles_of, heads


def _sentence_links(sent: _Sentence, memory: coref.Memory, home: Row | None) -> list[Row]:
    idx = sent.row["sent_idx"]
    actors = sent.of_kind("actor")
    markets = [(m, s) for m, s in sent.spans
               if _is_market(m) and not roles.only_qualifies_people(s) and not only_names_proceeds(s)
               and not fought_against(s)]
    if not any(_is_market(m) for m, _ in sent.spans):
        markets = markets_named_again(sent.doc, memory)
    roles_of, heads = _roles(actors, markets)
    named = {i for _, a in actors for i in range(a.start, a.end)}
    out: list[Row] = []
    activities = [*markets, *((None, v) for v in levy_verbs(sent.doc))]
    spans = tuple(s for _, s in activities)
    claims = _claims(sent, activities, heads, spans)
    for (mm, ms), claimed in zip(activities, claims, strict=True):
        mrow = mm or {"entity_id": "activity:extortion", "market": lx.EXTORTION, "surface": ms.text}
        # a verb of taking a cut names no market; goods named again are an earlier sentence's market
        kind = "/verb" if mm is None else "/again" if mm["sent_idx"] != idx else ""
        mstatus = sent.status[id(mm)] if mm and id(mm) in sent.status else status_of(
            ms.root, memory.ref_year, sentence_disputed(sent.doc))
        people = _people(sent, mm, ms, roles_of, memory, named)
        if people is None:
            continue
        if not any(r == "participant" and worst(a, mstatus) == "asserted" for _, r, _, a in people):
            # the activity may be asserted while a named actor's part in it is not ("trails the M23
            # does not control"): it is kept with no actor
            people.append((None, None, "none", "asserted"))
        for prow, prole, pmethod in _places_for(sent, ms, heads, memory, home, verb_home=mm is not None,
                                                 others=spans, claimed=claimed):
            if mrow["market"] == lx.EXTORTION and prole == "destination" and not _at_a_site(sent, prow):
                continue  # "a toll on trucks heading to Saint-Marc": a cut is taken on the way, not where it goes
            pstatus = _place_status(sent, prow, ms)
            for arow, r, how, astatus in people:
                if not _there(sent, arow, how, prow, pmethod):
                    arow, r, how = None, None, "none"
                out.append(_link(idx, arow, mrow, prow, status=worst(mstatus, astatus, pstatus), role=r,
                                 method=f"{how}/{pmethod}{kind}", place_role=prole))
    coref.remember(sent.of_kind("actor"), sent.of_kind("location"), sent.spans, memory, roles_of)
    coref.note_unnamed(sent.doc, memory)
    return out


def _at_a_site(sent: _Sentence, place: Row) -> bool:
    """A market, a mine or a gate the payers come to is where the cut is taken: "a fee from every trader who
    brings goods to the Dantokpa market", "at the entrance to the Rubaya mines"."""
    span = next((s for m, s in sent.of_kind("location") if m is place), None)
    if span is None:
        return False
    named = [*span, *([span.root.head] if span.root.dep_ == "compound" else [])]  # "the Dantokpa market"
    return any(t.lower_ in config.SITE_NOUNS for t in named) or any(
        t.lower_ in _GATES for t in span.doc[max(0, span.start - 4): span.start])  # "the entrance to X"


_GATES = frozenset({"entrance", "entrée", "gate", "gates", "porte", "portes"})


def _there(sent: _Sentence, actor: Row | None, how: str, place: Row, pmethod: str) -> bool:
    """Whether a named participant takes part at this place of the activity, which may go on there
    without it: a "where" clause holds it at its own place ("Gold from Ndassima is sold in Bambari,
    where UPC fighters collect a fee": UPC at Bambari, nobody at Ndassima), and where a suspect was
    caught says nothing of where the one he sold to acts."""
    if how == "where" and not _holds(sent, actor, place):
        return False
    return not (pmethod == "arrest" and how in _THIRD_PARTY)


def _place_status(sent: _Sentence, place: Row, market: Span) -> str:
    """The status of the place's clause; a "where" clause holding the activity says what happens at its
    antecedent place, whatever the clause naming the place says."""
    span = next((sp for m, sp in sent.spans if m is place), None)
    if span is not None and places.where_antecedent(span, market):
        return "asserted"
    return sent.status.get(id(place), "asserted")


def _holds(sent: _Sentence, actor: Row | None, place: Row) -> bool:
    """An actor placed by a "where" clause takes part only at that clause's place."""
    spans = dict((id(m), s) for m, s in sent.spans)
    held = roles.where_place(spans[id(actor)]) if actor and id(actor) in spans else None
    p = spans.get(id(place))
    return held is not None and p is not None and held.i in range(p.start, p.end)


def _unparsed_links(s: Row, ms: list[Row], memory: coref.Memory, home: Row | None) -> list[Row]:
    """A market mentioned with no actor and no place: the activity, placed where the paragraph
    last said (else in the document's country), with no actor and the sentence's cue-word status."""
    place, how = (memory.last_place(), "paragraph") if memory.last_place() else (home, "document_country")
    if place is None:
        return []
    return [_link(s["sent_idx"], None, m, place, status=m["status"], role=None, method=f"none/{how}",
                  place_role="site") for m in ms if _is_market(m)]


def _cooccurrence(sentences: list[Row], by_sent: dict[int, list[Row]], home: Row | None) -> list[Row]:
    """Rules-only languages: every actor x market x place of a sentence, status from cue words."""
    out = []
    for s in sentences:
        ms = by_sent.get(s["sent_idx"], [])
        spots = [m for m in ms if m["kind"] == "location"] or ([home] if home else [])
        actors = [m for m in ms if m["kind"] == "actor"] or [None]
        for mk in (m for m in ms if _is_market(m)):
            for p in spots:
                for a in actors:
                    out.append(_link(s["sent_idx"], a, mk, p, status=mk["status"], role=None if a is None else
                                     "participant", method="cooccurrence", place_role="site"))
    return out


def _dedupe(links: list[Row]) -> list[Row]:
    seen: dict[tuple, Row] = {}
    for row in links:
        key = (row["sent_idx"], row["actor_id"], row["market"], row["commodity_id"], row["place_id"], row["role"])
        if key not in seen or (seen[key]["status"] != "asserted" and row["status"] == "asserted"):
            seen[key] = row
    return sorted(seen.values(), key=lambda r: (r["sent_idx"], str(r["actor_id"]), r["market"], r["place_id"]))


def build_links(text: str, sentences: list[Row], mentions: list[Row], parse: Parser | None,
                home_country: str | None, lang: str = "en", ref_year: int | None = None) -> list[Row]:
    """Link rows of one document; sets each mention's ``status`` in place."""
    ref_year = ref_year or dt.date.today().year
    by_sent: dict[int, list[Row]] = {}
    for m in mentions:
        by_sent.setdefault(m["sent_idx"], []).append(m)
    home = {"entity_id": f"country:{home_country}", "surface": None, "country_iso3": home_country,
            "admin1": None} if home_country else None
    ordered = sorted(sentences, key=lambda s: s["sent_idx"])
    wanted = relevant_sentences(mentions, {s["sent_idx"]: s["text"] for s in ordered}) if parse else set()
    todo = [s for s in ordered if s["sent_idx"] in wanted]
    masks = {s["sent_idx"]: masked(s, by_sent.get(s["sent_idx"], []), lang) for s in todo}
    texts = [masks[s["sent_idx"]][0] for s in todo]
    docs = dict(zip([s["sent_idx"] for s in todo], parse(texts), strict=True)) if todo else {}
    para = paragraphs(text, ordered)
    memory = coref.Memory(ref_year=ref_year)
    links: list[Row] = []
    said_to = 0
    for s in ordered:
        ms = by_sent.get(s["sent_idx"], [])
        memory.enter(para[s["sent_idx"]])
        # sentences with no mention are not stored, but may introduce a company "the company" then names
        coref.note_unnamed_text(text[said_to:s["start_char"]], memory)
        said_to = s.get("end_char") or s["start_char"]
        doc = docs.get(s["sent_idx"])
        if doc is None:
            for m in ms:
                m["status"] = lexical_status(s["text"], ref_year)
            if parse is not None:
                links += _unparsed_links(s, ms, memory, home)
            coref.remember_unparsed(s, ms, memory)
            continue
        sent = _Sentence(repair(doc, lang), s, ms, masks[s["sent_idx"]][1], ref_year)
        for m in ms:
            m["status"] = sent.status.get(id(m), lexical_status(s["text"], ref_year))
        links += _sentence_links(sent, memory, home)
    if parse is None:
        links = _cooccurrence(ordered, by_sent, home)
    else:
        links = goods_owner(links + attributed_actors(links, mentions, text, para, lang), para)
        # an activity with no doer placed at an earlier sentence's place, with no word that refers back
        # to it, is a guess: on text written blind it was right one time in seven (docs/NLP.md, seventh
        # round). A named participant there keeps it ("Coltan is mined at Rubaya. The M23 taxes every bag.")
        links = [r for r in links if r["actor_id"] or not r["method"].startswith("none/paragraph")]
        links = one_doer(links)
    return _dedupe(drop_lost_actor(denied_after(links, ordered, text, mentions, para), para))
