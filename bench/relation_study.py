"""Study: a relation model that reads the parse, deciding links among co-occurrences instead of the rules.

Every actor (or none) x market x place of a paragraph is a candidate
(``confidence.features.candidates``). Its features are the link-confidence
trees' own, minus everything the rules said (so the model cannot learn to
trust rules tuned on the parts it is fitted on), plus the dependency path
between the mentions in the parse of their sentence (the path's length and
labels, the mentions' own relations, the lowest common ancestor's part of
speech, a negation on the path, the place's preposition). The rules keep
their vetoes: a candidate a rule read as negated, hypothetical, or with the
actor a victim, an enforcer or an author never counts.

Run: ``python -m bench.relation_study --train dev_f,dev_g,... --test heldout_u``
(scikit-learn, a development dependency). Prints, pooled over the test parts
(one part: name one), what ships next to the model at each threshold; ``--cv``
instead leaves each training part out in turn. Results: docs/NLP.md, item 50.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterable
from typing import Any

from spacy.tokens import Span, Token

from ocwatch.nlp.links import score as link_score
from ocwatch.nlp.links.confidence import features as fx
from ocwatch.nlp.links.confidence.forest import Forest
from ocwatch.nlp.links.confidence.train import FIELDS, GOLD, figures, fit
from ocwatch.nlp.links.mask import masked
from ocwatch.nlp.links.repair import repair
from ocwatch.nlp.links.select import is_market, one_sentence_parser
from ocwatch.nlp.pipeline import get_parser

Row = dict[str, Any]
RULE_FEATURES = ("rule", "m=", "prole", "status=", "role=", "a_role_any", "a_in_rule", "p_in_rule", "actor_none&rule")
NEGATIONS = frozenset(["not", "never", "no", "n't", "pas", "jamais", "plus", "aucun", "ni", "nor", "without", "sans"])
THRESHOLDS = (0.2, 0.3, 0.4, 0.5)
FAR = 30  # path length charged for a mention outside the market's sentence


def parse_spans(text: str, sentences: list[Row], mentions: list[Row], lang: str, mend: bool = True) -> dict[int, Span]:
    """Each mention's span in the parse of its sentence (masked and, with ``mend``, repaired as the rules do),
    for sentences holding a market mention and another mention."""
    by_sent: dict[int, list[Row]] = {}
    for m in mentions:
        by_sent.setdefault(m["sent_idx"], []).append(m)
    todo = []
    for s in sentences:
        ms = by_sent.get(s["sent_idx"], [])
        if len(ms) > 1 and any(is_market(m) for m in ms):
            todo.append((*masked({**s, "text": text[s["start_char"]:s["end_char"]]}, ms, lang), ms))
    spans: dict[int, Span] = {}
    if todo:
        parse = one_sentence_parser(get_parser(lang))
        for (_, offsets, ms), parsed in zip(todo, parse([t for t, _, _ in todo]), strict=True):
            doc = repair(parsed, lang) if mend else parsed
            for m in (m for m in ms if id(m) in offsets):
                span = doc.char_span(*offsets[id(m)], alignment_mode="expand")
                if span is not None and len(span):
                    spans[id(m)] = span
    return spans


def _ancestry(t: Token) -> list[Token]:
    out = [t]
    while out[-1].head.i != out[-1].i:
        out.append(out[-1].head)
    return out


def path(x: Token, y: Token) -> tuple[int, Token | None, list[Token], list[Token]]:
    """Edges between two tokens, their lowest common ancestor, and the tokens climbed from each side."""
    up, down = _ancestry(x), _ancestry(y)
    where = {t.i: k for k, t in enumerate(down)}
    for k, t in enumerate(up):
        if t.i in where:
            return k + where[t.i], t, up[:k], down[:where[t.i]]
    return FAR, None, up, down


def _dep(t: Token) -> str:
    return t.dep_ if t.dep_ in ("nsubj:pass", "obl:agent", "nmod:poss") else t.dep_.split(":")[0]


def pair_features(prefix: str, x: Span, market: Span) -> dict[str, float]:
    """How a mention hangs on the market mention in the parse."""
    n, lca, up, down = path(x.root, market.root)
    f = {f"{prefix}_len_b{min(n, 5)}": 1.0, f"{prefix}_dep={_dep(x.root)}": 1.0}
    if lca is not None:
        on = [*up, *down, lca]
        f[f"{prefix}_lca_pos={lca.pos_}"] = 1.0
        f[f"{prefix}_lca_is_m"] = float(lca.i == market.root.i)
        f[f"{prefix}_lca_is_x"] = float(lca.i == x.root.i)
        f[f"{prefix}_neg"] = float(any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in NEGATIONS)
                                       for t in on for c in t.children))
        f[f"{prefix}_verbs_b{min(sum(t.pos_ == 'VERB' for t in on), 3)}"] = 1.0
        if n <= 3:
            f[f"{prefix}_path={'/'.join(map(_dep, up))}^{'/'.join(map(_dep, down))}"] = 1.0
    case = [c.lower_ for c in x.root.children if c.dep_ == "case"]
    if case:
        f[f"{prefix}_case={case[0]}"] = 1.0
    return f


def _near(x: Span | None, market: Span) -> bool:
    return x is not None and x.doc is market.doc


def parse_features(c: fx.Candidate, spans: dict[int, Span]) -> dict[str, float]:
    """The parse of the candidate's triple whose mentions lie closest in the tree."""
    def cost(t: tuple[Row | None, Row, Row]) -> int:
        a, mk, p = (spans.get(id(m)) if m is not None else None for m in t)
        total = path(p.root, mk.root)[0] if _near(p, mk) else FAR
        return total + (0 if t[0] is None else path(a.root, mk.root)[0] if _near(a, mk) else FAR)
    parsed = [t for t in c.triples if id(t[1]) in spans]
    if not parsed:
        return {"np_none": 1.0}
    a_row, mk_row, p_row = min(parsed, key=cost)
    mk, p = spans[id(mk_row)], spans.get(id(p_row))
    a = spans.get(id(a_row)) if a_row is not None else None
    f = {f"np_dep_m={_dep(mk.root)}": 1.0, f"np_mpos={mk.root.pos_}": 1.0}
    f.update(pair_features("pm", p, mk) if _near(p, mk) else {"pm_cross": 1.0})
    if a_row is not None:
        f.update(pair_features("am", a, mk) if _near(a, mk) else {"am_cross": 1.0})
        if _near(a, mk) and _near(p, mk):
            f[f"ap_len_b{min(path(a.root, p.root)[0], 5)}"] = 1.0
    return f


Example = tuple[fx.Key, dict[str, float], int | None, bool, bool]  # key, features, label, ruled, rule counts


def examples(name: str, mend: bool = True) -> tuple[list[Row], dict[str, list[Example]], dict[str, set[fx.Key]]]:
    """A gold part read by today's pipeline: its records, every candidate by paragraph, and what ships."""
    records = link_score.load(GOLD / f"{name}.jsonl")
    results = link_score.analyze_records(records)
    out: dict[str, list[Example]] = {}
    for rec in records:
        r = results[rec["id"]]
        cands = fx.candidates(rec["text"], r.sentences, r.mentions, r.links)
        fx.describe(cands, rec["text"], r.lang or "en")
        spans = parse_spans(rec["text"], r.sentences, r.mentions, r.lang or "en", mend)
        gold, optional = (link_score.gold_keys(rec.get(k, [])) for k in ("links", "optional"))
        out[rec["id"]] = [(c.key, {**{k: v for k, v in c.features.items() if not k.startswith(RULE_FEATURES)},
                                   **(parse_features(c, spans) if c.triples else {"np_none": 1.0})},
                           1 if any(link_score.matches(c.key, g) for g in gold)
                           else None if any(link_score.matches(c.key, o) for o in optional) else 0,
                           bool(c.rule_links), any(fx.rule_counts(x) for x in c.rule_links))
                          for c in cands.values()]
    return records, out, {i: link_score.counted(r.links) for i, r in results.items()}


def _add(total: Counter, c: dict[str, float]) -> None:
    total.update({k: c[k] for k in FIELDS})


def train_model(parts: Iterable[dict[str, list[Example]]]) -> Forest:
    return fit([(f, label) for part in parts for cands in part.values() for _, f, label, _, _ in cands
                if label is not None])


def evaluate(model: Forest, test: tuple[list[Row], dict[str, list[Example]], dict[str, set[fx.Key]]],
             totals: dict[str, Counter]) -> None:
    """What ships and the model at each threshold on one part, added to ``totals``."""
    records, cands, shipped = test
    _add(totals.setdefault("shipped", Counter()), link_score.tally(records, shipped))
    # each candidate scored once; only those the rules' vetoes leave can count
    trusted = {i: [(k, model.probability(f)) for k, f, _, ruled, counts in cs if counts or not ruled]
               for i, cs in cands.items()}
    for t in THRESHOLDS:
        chosen = {i: {k for k, p in ks if p >= t} for i, ks in trusted.items()}
        _add(totals.setdefault(f"model {t:.2f}", Counter()), link_score.tally(records, chosen))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", required=True, help="comma-separated development parts to fit on")
    how = ap.add_mutually_exclusive_group(required=True)
    how.add_argument("--test", default="", help="comma-separated parts to score (never fitted on)")
    how.add_argument("--cv", action="store_true", help="leave each training part out in turn instead")
    ap.add_argument("--unmended", action="store_true", help="read the parse unrepaired, as first registered (docs/NLP.md, item 50)")
    args = ap.parse_args(argv)
    train = {n: examples(n, not args.unmended) for n in args.train.split(",")}
    totals: dict[str, Counter] = {}
    if args.cv:
        for held in train:
            evaluate(train_model(p[1] for n, p in train.items() if n != held), train[held], totals)
    tests = [examples(n, not args.unmended) for n in filter(None, args.test.split(","))]
    if tests:
        model = train_model(p[1] for p in train.values())
        for test in tests:
            evaluate(model, test, totals)
    for name, c in totals.items():
        p, r, named, f1 = figures(c)
        print(f"{name:12} precision {p:.3f} recall {r:.3f} named {named:.3f} F1 {f1:.3f}")


if __name__ == "__main__":
    main()
