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

from ocwatch.nlp.links import coref, kinds, roles, tree
from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.activity_places import (
    at_a_site,
    claims,
    doer_there,
    place_status,
    places_for,
    relayed_away,
    there,
    traded_elsewhere,
)
from ocwatch.nlp.links.attribution import attributed_actors
from ocwatch.nlp.links.cover import hides_other_goods
from ocwatch.nlp.links.cues import lexical_status
from ocwatch.nlp.links.fought import fought_against
from ocwatch.nlp.links.levy import armed_taker, levy_verbs
from ocwatch.nlp.links.mask import masked
from ocwatch.nlp.links.named_again import goods_named_again_here, markets_named_again
from ocwatch.nlp.links.nested_places import drop_enclosing_country, drop_locators, located_pairs
from ocwatch.nlp.links.paragraph import denied_after, drop_lost_actor, goods_owner, one_doer
from ocwatch.nlp.links.parsed import ParsedSentence
from ocwatch.nlp.links.proceeds import only_names_proceeds
from ocwatch.nlp.links.repair import repair
from ocwatch.nlp.links.select import is_market as _is_market
from ocwatch.nlp.links.select import paragraphs, relevant_sentences
from ocwatch.nlp.links.status import sentence_disputed, status_of, worst
from ocwatch.nlp.links.verb_roles import verb_role
from ocwatch.nlp.links.victims_again import PEOPLE_MARKETS, moved_by_unnamed

Row = dict[str, Any]
Parser = Callable[[list[str]], Iterable[Doc]]


def _link(sent_idx: int, actor: Row | None, market: Row, place: Row, **extra: Any) -> Row:
    commodity = None if market.get("entity_id", "").startswith("activity:") else market.get("entity_id")
    return {"sent_idx": sent_idx, "actor_id": actor["entity_id"] if actor else None,
            "actor_surface": actor["surface"] if actor else None, "market": market["market"],
            "commodity_id": commodity, "place_id": place["entity_id"], "place_surface": place.get("surface"),
            "country_iso3": place.get("country_iso3"), "admin1": place.get("admin1"), **extra}


def _state(actor: Row) -> bool:
    return kinds.state_side(actor)


def _role(am: Row, a: Span, market: Span, market_id: str) -> tuple[str, str]:
    r, how = roles.role(a, market, _state(am), kinds.listed_band(am))
    if r == "participant" and kinds.source_body(am):
        return "author", how
    if r == "participant" and market_id != lx.EXTORTION and kinds.enforcement_body(am):
        return "enforcer", how  # only the cuts an enforcement body takes are its own
    return r, how


Person = tuple[Row | None, str | None, str, str]  # actor row, role, method, actor's status
_REFUSE = frozenset({"refuse", "decline", "refuser"})  # "refuse to pay the group": no cut paid


def _people(sent: ParsedSentence, market: Row | None, span: Span, roles_of: dict, memory: coref.Memory,
            named: set[int]) -> list[Person] | None:
    """The actors of one activity with their roles; None when a verb of taking a cut has no taker."""
    people: list[Person] = []
    parts = [(am, a, *(roles_of[(id(am), id(market))] if market else _role(am, a, span, lx.EXTORTION)))
             for am, a in sent.of_kind("actor")]
    for am, _, r, how in parts:
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
            people.append((ante, _referred_role(subject, span), "coref", "asserted"))
        elif market is None and not armed_taker(subject):
            taker = _taker_before(sent, span, parts)
            return [(taker, "participant", "before", sent.status[id(taker)])] if taker is not None else None
    return people


def _taker_before(sent: ParsedSentence, span: Span, parts: list[tuple[Row, Span, str, str]]) -> Row | None:
    """The nearest group named before a verb of taking a cut that the parse gave no taker: the small
    models often lose a subject across an inserted phrase ("les rebelles du M23 contrôlent depuis avril
    les puits et prélèvent une taxe", parsed with "Rubaya" as the root verb). Only a group (an actor
    with a type: a person named by the NER may be a payer or a smuggler quoting a fare), never a body
    that reports nor a state's, only one the parse left without a part (not a payer, a victim or a
    source), only for a verb the parse left with no subject at all (a passive's payers or "a lawyer"
    are a subject: the taker is then not lost but unnamed), and never across a ";"."""
    if tree.subject_of(span.root) is not None:
        return None  # the parse gave a subject, not a name ("motorcyclists are taxed", "a lawyer charged")
    cands = [(a.start, am) for am, a, r, how in parts if a.end <= span.start and kinds.listed_band(am)
             and not any(t.text == ";" for t in sent.doc[a.end: span.start]) and (r, how) in _PARTLESS]
    return max(cands, key=lambda c: c[0])[1] if cands else None


_PARTLESS = frozenset({("mentioned", "parse"), ("mentioned", "oblique"), ("mentioned", "subject")})


def _referred_role(subject: Token | None, span: Span) -> str:
    """"The paramilitary intercepted a speedboat carrying hashish": a group named again as the active subject of
    a verb of seizing or inquiring holds that part, as a name there would; else it takes part."""
    if subject is None or subject.dep_ != "nsubj" or subject.head.i == subject.i:
        return "participant"
    r = verb_role(subject.head, span.root, "subject")
    # not "charged migrant smugglers a fee": a cut taken, not a charge brought
    seizing = tree.is_word(subject.head, (lx.ENFORCE_VERBS | lx.INVESTIGATE_VERBS) - {"charge"})
    return r if r in ("enforcer", "investigator") and seizing else "participant"


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


def _sentence_links(sent: ParsedSentence, memory: coref.Memory, home: Row | None) -> list[Row]:
    idx = sent.row["sent_idx"]
    actors = sent.of_kind("actor")
    # the goods a load was hidden in name no market: the sentence may name the hidden goods again, and "the drug"
    # or "the cargo" of the next sentence is not the cover (coref.remember keeps these)
    goods = [(m, s) for m, s in sent.spans if _is_market(m) and not hides_other_goods(s)]
    markets = [(m, s) for m, s in goods
               if not roles.only_qualifies_people(s) and not only_names_proceeds(s) and not fought_against(s)]
    if not goods:
        markets = markets_named_again(sent.doc, memory)
    else:
        markets += goods_named_again_here(sent.doc, markets)
    roles_of, heads = _roles(actors, markets)
    named = {i for _, a in actors for i in range(a.start, a.end)}
    out: list[Row] = []
    activities = [*markets, *((None, v) for v in levy_verbs(sent.doc))]
    spans = tuple(s for _, s in activities)
    claimed_by = claims(sent, activities, heads, spans)
    for (mm, ms), claimed in zip(activities, claimed_by, strict=True):
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
        for prow, prole, pmethod in places_for(sent, ms, heads, memory, home, verb_home=mm is not None,
                                                 others=spans, claimed=claimed, goods=mm is not None):
            if mrow["market"] == lx.EXTORTION and prole == "destination" and not at_a_site(sent, prow):
                continue  # "a toll on trucks heading to Saint-Marc": a cut is taken on the way, not where it goes
            pstatus = place_status(sent, prow, ms)
            for arow, r, how, astatus in people:
                traded = traded_elsewhere(sent, arow, how, prow, ms)
                if traded and doer_there(sent, people, prow, pmethod):
                    continue
                away = traded or relayed_away(sent, arow, prow)
                if away or not there(sent, arow, how, prow, pmethod):
                    arow, r, how = None, None, "none"
                # where buyers took the goods on (relay.py), victims moved by somebody unnamed (victims_again.py):
                # no doer from the paragraph either
                apart = away or (kind == "/again" and mrow["market"] in PEOPLE_MARKETS and moved_by_unnamed(ms.root))
                out.append(_link(idx, arow, mrow, prow, status=worst(mstatus, astatus, pstatus), role=r,
                                 method=f"{how}/{pmethod}{kind}", place_role=prole,
                                 **({"other_doer": True} if apart else {})))
    coref.remember(sent.of_kind("actor"), sent.of_kind("location"), goods, memory, roles_of)
    coref.note_unnamed(sent.doc, memory)
    return out


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
    pairs = located_pairs(text, mentions)  # places named only to locate another: not remembered, then dropped
    memory = coref.Memory(ref_year=ref_year, locators=frozenset((sent, place) for sent, place, _ in pairs))
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
        sent = ParsedSentence(repair(doc, lang), s, ms, masks[s["sent_idx"]][1], ref_year)
        for m in ms:
            m["status"] = sent.status.get(id(m), lexical_status(s["text"], ref_year))
        links += _sentence_links(sent, memory, home)
    if parse is None:
        links = _cooccurrence(ordered, by_sent, home)
    else:
        links = goods_owner(links + attributed_actors(links, mentions, text, para, lang), para)
        # an activity with no doer placed at an earlier sentence's place, with no word that refers back
        # to it, is a guess: on text written blind it was right one time in seven (docs/NLP.md, seventh
        # round). So is one placed by a word that does refer back ("y", "there", "ce bois"): right 2 times
        # in 11 on the development parts. A named participant there keeps it ("Coltan is mined at Rubaya.
        # The M23 taxes every bag.")
        links = [r for r in links if r["actor_id"] or not r["method"].startswith(("none/paragraph", "none/coref"))]
        links = one_doer(links)
    links = drop_lost_actor(denied_after(links, ordered, text, mentions, para), para)
    return _dedupe(drop_locators(drop_enclosing_country(links), pairs))
