"""One actor (or none) x market x place a paragraph could state, and what describes it.

Features come from the rows alone (mentions, sentences, the rules' links, the
text around a place): nothing is parsed again, so scoring costs little next to
the parser. A candidate is keyed like the gold, by normalised names.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ocwatch.nlp import gazetteer
from ocwatch.nlp.links.select import paragraphs
from ocwatch.nlp.links.status import worst

Row = dict[str, Any]
Key = tuple[str | None, str, str | None]
COUNTED_ROLES = (None, "participant")
# the word right before a place that says the activity is there ("in", "via", "à", "vers")
LOCATIVE = {
    "en": frozenset(["in", "at", "from", "to", "via", "through", "near", "into", "across", "around", "outside", "inside", "toward", "towards", "of", "on", "off"]),
    "fr": frozenset(["à", "au", "aux", "de", "du", "des", "en", "dans", "vers", "via", "par", "près", "depuis", "sur", "entre"]),
}
_WORD = re.compile(r"[\w'’-]+")
_ARTICLE = re.compile(r"^(the|le|la|les|l')\s+|^l'")


def norm(name: str | None) -> str | None:
    """A name as the gold compares it: folded, no article, single spaces."""
    if name is None:
        return None
    s = gazetteer.fold(name)
    return re.sub(r"[\s\-]+", " ", _ARTICLE.sub("", s.strip())).strip()


def rule_counts(link: Row) -> bool:
    """What the rules let count: asserted, and a participant or no actor (score.counts adds the confidence)."""
    return link.get("status", "asserted") == "asserted" and link.get("role") in COUNTED_ROLES


def key_of(link: Row) -> Key:
    return norm(link.get("actor_surface")), link["market"], norm(link.get("place_surface"))


@dataclass
class Candidate:
    key: Key
    rule_links: list[Row] = field(default_factory=list)
    # per paragraph, its commodity, place and actor (or None) mentions that could state it: every one of each
    # with every one of the others, kept as three lists so that a long paragraph costs no product of them
    blocks: list[tuple[list[Row], list[Row], list[Row | None]]] = field(default_factory=list)
    paragraph: list[Row] = field(default_factory=list)  # the mentions of the paragraph of the first triple
    features: dict[str, float] = field(default_factory=dict)

    @property
    def triples(self) -> list[tuple[Row | None, Row, Row]]:
        """(actor or None, market, place) mentions that could state it, in mention order."""
        return [(a, mk, p) for mks, ps, actors in self.blocks for mk in mks for p in ps for a in actors]


def _bucket(x: float, cuts: tuple[int, ...]) -> int:
    return next((i for i, c in enumerate(cuts) if x <= c), len(cuts))


def candidates(text: str, sentences: list[Row], mentions: list[Row], links: list[Row],
               every: bool = True) -> dict[Key, Candidate]:
    """The rules' links by key, with the paragraph co-occurrences that could state each; ``every`` adds the
    co-occurrences no rule made (what the trees are fitted on; the pipeline only scores the rules' links)."""
    wanted = {key_of(x) for x in links}
    if not (every or wanted):
        return {}
    para = paragraphs(text, sentences)
    groups: dict[int, list[Row]] = {}
    for m in mentions:
        groups.setdefault(para.get(m["sent_idx"], 0), []).append(m)
    names = {id(m): norm(m["surface"]) for m in mentions if m["kind"] in ("actor", "location")}
    out: dict[Key, Candidate] = {}
    for ms in groups.values():
        _paragraph_candidates(ms, names, None if every else wanted, out)
    for x in links:
        out.setdefault(key_of(x), Candidate(key_of(x))).rule_links.append(x)
    return out


def _paragraph_candidates(ms: list[Row], names: dict[int, str | None], wanted: set[Key] | None,
                          out: dict[Key, Candidate]) -> None:
    """Every actor (or none) x market x place of one paragraph, keyed in the order of their first mentions;
    only ``wanted`` keys when given."""
    by_market: dict[str, list[Row]] = {}
    for m in ms:
        if m["kind"] == "commodity" and m.get("market"):
            by_market.setdefault(m["market"], []).append(m)
    by_place = _by_name([m for m in ms if m["kind"] == "location"], names)
    by_actor: dict[str | None, list[Row | None]] = dict(_by_name([m for m in ms if m["kind"] == "actor"], names))
    by_actor.setdefault(None, []).append(None)  # no actor comes after every actor, as its own choice
    for market, mks in by_market.items():
        for place, ps in by_place.items():
            for actor, group in by_actor.items():
                key = (actor, market, place)
                if wanted is None or key in wanted:
                    out.setdefault(key, Candidate(key, paragraph=ms)).blocks.append((mks, ps, group))


def _by_name(ms: list[Row], names: dict[int, str | None]) -> dict[str | None, list[Row]]:
    out: dict[str | None, list[Row]] = {}
    for m in ms:
        out.setdefault(names[id(m)], []).append(m)
    return out


def describe(cands: dict[Key, Candidate], text: str, lang: str, only_ruled: bool = False) -> None:
    """Fill every candidate's features (``only_ruled``: only those of the rules' links, what the pipeline scores;
    the model was fitted on every candidate, the co-occurrences no rule made included)."""
    rules = _RuleIndex(cands)
    crowd: dict[int, dict[str, float]] = {}
    for c in cands.values():
        if only_ruled and not c.rule_links:
            continue
        f = c.features
        f.update(_rule_features(c))
        f.update(rules.neighbours(c.key))
        f[f"lang={lang}"] = f[f"market={c.key[1]}"] = 1.0
        f.update(_text_features(c, text, lang, crowd) if c.blocks else {"no_triple": 1.0})


def _rule_features(c: Candidate) -> dict[str, float]:
    f: dict[str, float] = {}
    kept = [x for x in c.rule_links if rule_counts(x)]
    f["rule_counted" if kept else "rule_other" if c.rule_links else "no_rule"] = 1.0
    for x in c.rule_links:
        if not rule_counts(x):
            f[f"status={x.get('status')}"] = f[f"role={x.get('role')}"] = 1.0
    for x in kept:
        for part in re.split(r"[/+]", str(x.get("method"))):
            f[f"m={part}"] = 1.0
        f[f"prole={x.get('place_role')}"] = 1.0
    f["actor_none"] = float(c.key[0] is None)
    f["actor_none&rule"] = f["actor_none"] * float(bool(kept))
    return f


class _RuleIndex:
    """What the rules said across the document, indexed once so that each candidate's look-up is constant."""

    def __init__(self, cands: dict[Key, Candidate]):
        counted = [k for k, c in cands.items() if any(rule_counts(x) for x in c.rule_links)]
        ruled = [k for k, c in cands.items() if c.rule_links]
        self.counted = set(counted)
        self.actor_market = Counter((k[0], k[1]) for k in counted)
        self.market_place = Counter((k[1], k[2]) for k in counted)
        self.places = {k[2] for k in ruled}
        self.actors = {k[0] for k in ruled}
        self.ruled_actor_market = {(k[0], k[1]) for k in ruled}
        self.roles: dict[str | None, set[str]] = {}
        for c in cands.values():
            for x in c.rule_links:
                self.roles.setdefault(c.key[0], set()).add(str(x.get("role")))

    def neighbours(self, key: Key) -> dict[str, float]:
        """What the rules said of this candidate's actor and place elsewhere in the document."""
        a, mk, p = key
        own = int(key in self.counted)
        f = {"rule_same_am_other_place": float(self.actor_market[(a, mk)] - own > 0),
             "rule_same_mp_other_actor": float(self.market_place[(mk, p)] - own > 0),
             "p_in_rule_any": float(p in self.places)}
        if a is not None:
            f["a_in_rule_any"] = float(a in self.actors)
            f["a_in_rule_market"] = float((a, mk) in self.ruled_actor_market)
            for r in self.roles.get(a, ()):
                f[f"a_role_any={r}"] = 1.0
        return f


def closest(c: Candidate) -> tuple[tuple[int, int], Row | None, Row, Row]:
    """The triple whose parts lie nearest each other (sentences, then characters), the first such in mention
    order. The gaps add up, so each commodity mention's nearest place and nearest actor make its best triple."""
    best: tuple[tuple[int, int], Row | None, Row, Row] | None = None
    for mks, ps, actors in c.blocks:
        if len(mks) * len(ps) * len(actors) <= _FEW:
            found = min(((_gaps(a, mk, p), a, mk, p) for mk in mks for p in ps for a in actors), key=lambda t: t[0])
        elif actors == [None] and len(ps) < len(mks):
            found = _nearest_pair(mks, ps)  # a paragraph of many places: search from each place
        else:
            found = _nearest_triple(mks, _Nearest(ps), _Nearest(actors))
        if best is None or found[0] < best[0]:
            best = found
    if best is None:
        raise ValueError(f"no triple for {c.key}")
    return best


_FEW = 64  # below this many triples, trying each costs less than indexing the sentences


def _gaps(a: Row | None, mk: Row, p: Row) -> tuple[int, int]:
    sg = abs(p["sent_idx"] - mk["sent_idx"]) + (abs(a["sent_idx"] - mk["sent_idx"]) if a else 0)
    cg = abs(p["start_char"] - mk["start_char"]) + (abs(a["start_char"] - mk["start_char"]) if a else 0)
    return sg, cg


def _nearest_triple(mks: list[Row], places: _Nearest, people: _Nearest) -> tuple[tuple[int, int], Row | None, Row, Row]:
    best: tuple[tuple[int, int], Row | None, Row, Row] | None = None
    for mk in mks:
        (sp, cp), _, p = places.nearest(mk)
        assert p is not None  # a place list holds no None
        (sa, ca), _, a = people.nearest(mk)
        if best is None or (sp + sa, cp + ca) < best[0]:
            best = ((sp + sa, cp + ca), a, mk, p)
    assert best is not None  # mks is never empty
    return best


def _nearest_pair(mks: list[Row], ps: list[Row]) -> tuple[tuple[int, int], None, Row, Row]:
    """With no actor the gap is the place's alone, so the nearest commodity mention to each place gives the same
    pair; of equal gaps, the first commodity mention, then the first place, as trying each pair in order does."""
    goods = _Nearest(mks)
    gaps, k, i = min((*goods.nearest(p)[:2], i) for i, p in enumerate(ps))
    return gaps, None, mks[k], ps[i]


class _Nearest:
    """The first mention of a list, in its order, nearest a commodity mention (sentences, then characters);
    None, for no actor, lies at no distance. Sentences are indexed once, so a long list costs a search."""

    def __init__(self, ms: list[Row | None]):
        self.none_at = next((i for i, m in enumerate(ms) if m is None), None)
        self.by_sent: dict[int, list[tuple[int, Row]]] = {}
        for i, m in enumerate(ms):
            if m is not None:
                self.by_sent.setdefault(m["sent_idx"], []).append((i, m))
        self.sents = sorted(self.by_sent)

    def nearest(self, mk: Row) -> tuple[tuple[int, int], int, Row | None]:
        """The gaps, the list index and the mention itself."""
        s = mk["sent_idx"]
        at = bisect.bisect_left(self.sents, s)
        near = [x for x in (self.sents[at - 1] if at else None, self.sents[at] if at < len(self.sents) else None)
                if x is not None]
        found: tuple[tuple[int, int], int, Row | None] | None = None
        if near:
            gap = min(abs(x - s) for x in near)
            found = min(((gap, abs(m["start_char"] - mk["start_char"])), i, m)
                        for x in near if abs(x - s) == gap for i, m in self.by_sent[x])
        if self.none_at is not None and (found is None or found[0] > (0, 0) or found[1] > self.none_at):
            return (0, 0), self.none_at, None
        assert found is not None
        return found


def _rank(m: Row, others: list[Row], anchor: Row) -> int:
    """0 for the mention of its kind nearest the market mention, 1 for the next..."""
    return sorted(abs(x["start_char"] - anchor["start_char"]) for x in others).index(
        abs(m["start_char"] - anchor["start_char"]))


def _text_features(c: Candidate, text: str, lang: str, crowd: dict[int, dict[str, float]]) -> dict[str, float]:
    (sg, cg), a, mk, p = closest(c)
    same_para = c.paragraph if any(m is p for m in c.paragraph) else [t[2] for t in c.triples]
    places = [m for m in same_para if m["kind"] == "location"] or [p]
    f = {f"sent_gap_b{_bucket(sg, (0, 1, 2, 4))}": 1.0, "char_gap_log": math.log1p(cg) / 8,
         "mp_same_sent": float(p["sent_idx"] == mk["sent_idx"]), "p_after_m": float(p["start_char"] > mk["start_char"]),
         f"p_rank_b{_bucket(_rank(p, places, mk), (0, 1, 2))}": 1.0,
         f"p_kind={str(p['entity_id']).split(':')[0]}": 1.0, f"mk_method={mk.get('method')}": 1.0}
    before = [w.lower() for w in _WORD.findall(text[max(0, p["start_char"] - 40): p["start_char"]])][-3:]
    f["p_loc_prev1"] = float(bool(before) and before[-1] in LOCATIVE.get(lang, frozenset()))
    f["p_loc_prev3"] = float(any(w in LOCATIVE.get(lang, frozenset()) for w in before))
    if same_para is not c.paragraph:
        f.update(_count_features(same_para))
    else:  # once a paragraph: its candidates share the counts (its list lives as long as they do)
        if id(same_para) not in crowd:
            crowd[id(same_para)] = _count_features(same_para)
        f.update(crowd[id(same_para)])
    if a is not None:
        actors = [m for m in same_para if m["kind"] == "actor"] or [a]
        f.update({"am_same_sent": float(a["sent_idx"] == mk["sent_idx"]),
                  "a_before_m": float(a["start_char"] < mk["start_char"] and a["sent_idx"] == mk["sent_idx"]),
                  f"a_method={a.get('method')}": 1.0, f"a_kind={str(a['entity_id']).split(':')[0]}": 1.0,
                  f"a_type={a.get('actor_type')}": 1.0,
                  f"a_rank_b{_bucket(_rank(a, actors, mk) if a in actors else 0, (0, 1, 2))}": 1.0})
    status = worst(*(m.get("status", "asserted") for m in (a, mk, p) if m is not None))
    if status != "asserted":
        f[f"mention_status={status}"] = 1.0
    return f


def _count_features(paragraph: list[Row]) -> dict[str, float]:
    """How crowded the paragraph is: many places make any one of them less likely the activity's."""
    def n(kind: str) -> int:
        return len({norm(m["surface"]) for m in paragraph if m["kind"] == kind})
    markets = len({m["market"] for m in paragraph if m["kind"] == "commodity" and m.get("market")})
    return {f"n_places_b{_bucket(n('location'), (1, 2, 3, 5))}": 1.0,
            f"n_actors_b{_bucket(n('actor'), (0, 1, 2, 3))}": 1.0,
            f"n_markets_b{_bucket(markets, (1, 2, 3))}": 1.0}
