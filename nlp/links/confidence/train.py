"""Fit the link-confidence trees on gold parts and choose the threshold by leave-one-part-out.

Run: ``python -m ocwatch.nlp.links.confidence.train --rows tests/gold/links/frozen_rows``
(needs scikit-learn, a development dependency). Each part is read with the rows
the rules frozen before it was first scored made of it (frozen_rows/README.md):
the rules were tuned on every part afterwards, and trees fitted on the rows of
today's rules would learn to trust them as much as on text they were tuned on.
Gold files given as arguments are read by today's rules instead. For each part
named by ``--cv`` the trees are fitted on every other part and scored on it,
through the same path the pipeline takes, at every threshold of the grid; the
trees fitted on all parts are written to model.json. A held-out part is never
given to this command.
"""

from __future__ import annotations

import argparse
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ocwatch.nlp.analyze import DocInput, analyze
from ocwatch.nlp.links import score as link_score
from ocwatch.nlp.links.confidence import features as fx
from ocwatch.nlp.links.confidence.forest import MODEL, Forest
from ocwatch.nlp.links.confidence.score import THRESHOLD, with_confidence

Row = dict[str, Any]
# fixed before any cross-validation; small trees, since the gold is a few thousand candidates
PARAMS = {"n_estimators": 300, "learning_rate": 0.05, "max_depth": 4, "min_samples_leaf": 20, "random_state": 0}
GOLD = Path(__file__).resolve().parents[3] / "tests" / "gold" / "links"
GRID = tuple(round(0.1 + 0.05 * i, 2) for i in range(11))


@dataclass
class Rows:
    """What the rules made of one paragraph."""
    lang: str | None
    sentences: list[Row]
    mentions: list[Row]
    links: list[Row]


class Part:
    """One gold part: its records and, by paragraph id, the rows the rules made of them."""

    def __init__(self, name: str, records: list[Row], rows: dict[str, Rows]) -> None:
        if name.startswith("heldout"):
            raise ValueError(f"{name}: a held-out part is never trained on (rename it dev_* once it is spent)")
        self.name, self.records, self.rows = name, records, rows

    @classmethod
    def read(cls, path: Path) -> Part:
        """A gold file read by today's rules."""
        records = link_score.load(path)
        docs = [DocInput(r["id"], r["text"], r["lang"]) for r in records]
        rows = {r.doc_id: Rows(r.lang, r.sentences, r.mentions, r.links)
                for r in analyze(docs, use_gate=False)}  # confidence is read by no feature
        return cls(path.stem, records, rows)

    @classmethod
    def frozen(cls, dump: Path, gold: Path) -> Part:
        """A gold part with the rows stored in ``dump`` (one JSON object a paragraph: id, lang, sentences,
        mentions, links), as the rules frozen before the part was scored made them."""
        rows = {d["id"]: Rows(d["lang"], d["sentences"], d["mentions"], d["links"]) for d in link_score.load(dump)}
        return cls(dump.stem, link_score.load(gold), rows)

    def examples(self) -> list[tuple[dict[str, float], int]]:
        """(features, 1 if the candidate is a gold link else 0); candidates matching only optional links are left out."""
        out = []
        for rec in self.records:
            r = self.rows[rec["id"]]
            gold = link_score.gold_keys(rec.get("links", []))
            optional = link_score.gold_keys(rec.get("optional", []))
            cands = fx.candidates(rec["text"], r.sentences, r.mentions, r.links)
            fx.describe(cands, rec["text"], r.lang or "en")
            for c in cands.values():
                if any(link_score.matches(c.key, g) for g in gold):
                    out.append((c.features, 1))
                elif not any(link_score.matches(c.key, o) for o in optional):
                    out.append((c.features, 0))
        return out

    def predicted(self, model: Forest, threshold: float) -> dict[str, set[link_score.Key]]:
        """What would count on this part with this model, by paragraph id."""
        out = {}
        for rec in self.records:
            r = self.rows[rec["id"]]
            links = with_confidence(rec["text"], r.sentences, r.mentions, r.links, r.lang or "en", model)
            out[rec["id"]] = link_score.counted(links, threshold)
        return out


def fit(examples: list[tuple[dict[str, float], int]]) -> Forest:
    """Boosted trees on the examples, exported to a Forest (checked to give scikit-learn's probabilities)."""
    import numpy as np
    from sklearn.ensemble import GradientBoostingClassifier

    names = sorted({n for f, _ in examples for n in f})
    index = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(examples), len(names)))
    for i, (f, _) in enumerate(examples):
        for n, v in f.items():
            x[i, index[n]] = v
    y = np.array([label for _, label in examples])
    clf = GradientBoostingClassifier(**PARAMS).fit(x, y)
    prior = float(y.mean())
    trees = tuple({"feature": [int(v) for v in t.tree_.feature], "threshold": [float(v) for v in t.tree_.threshold],
                   "left": [int(v) for v in t.tree_.children_left], "right": [int(v) for v in t.tree_.children_right],
                   "value": [float(v) for v in t.tree_.value[:, 0, 0]]} for t in clf.estimators_[:, 0])
    forest = Forest(tuple(names), math.log(prior / (1 - prior)), PARAMS["learning_rate"], trees)
    ours = [forest.probability(f) for f, _ in examples[:200]]
    theirs = clf.predict_proba(x[:200])[:, 1]
    if max(abs(a - b) for a, b in zip(ours, theirs, strict=True)) > 1e-6:
        raise RuntimeError("the exported trees do not reproduce scikit-learn's probabilities")
    return forest


def cross_validate(parts: list[Part], held: list[str]) -> dict[float, dict[str, float]]:
    """Totals over the held parts, each scored by trees fitted on all the other parts, per threshold."""
    totals: dict[float, dict[str, float]] = {t: {} for t in GRID}
    for part in (p for p in parts if p.name in held):
        model = fit([e for p in parts if p is not part for e in p.examples()])
        for t in GRID:
            _add(totals[t], link_score.tally(part.records, part.predicted(model, t)))
    return totals


def figures(c: dict[str, float]) -> tuple[float, float, float, float]:
    p = c["right"] / c["pred"] if c["pred"] else 0.0
    r = c["found"] / c["gold"] if c["gold"] else 0.0
    named = c["named_right"] / c["named_pred"] if c["named_pred"] else 0.0
    return p, r, named, (2 * p * r / (p + r) if p + r else 0.0)


FIELDS = ("right", "pred", "found", "gold", "named_right", "named_pred")


def _add(total: dict[str, float], c: dict[str, float]) -> None:
    for k in FIELDS:
        total[k] = total.get(k, 0) + c[k]


def report(parts: list[Part], held: list[str]) -> None:
    """The rules alone, then the trees at every threshold, on the held parts."""
    rules: dict[str, float] = {}
    for part in (p for p in parts if p.name in held):
        _add(rules, link_score.tally(part.records, {i: link_score.counted(r.links) for i, r in part.rows.items()}))
    p, r, named, f1 = figures(rules)
    print(f"rules alone:     precision {p:.3f} recall {r:.3f} named {named:.3f} F1 {f1:.3f}")
    for t, c in cross_validate(parts, held).items():
        p, r, named, f1 = figures(c)
        print(f"threshold {t:.2f}: precision {p:.3f} recall {r:.3f} named {named:.3f} F1 {f1:.3f}"
              f"{'  <- shipped' if t == THRESHOLD else ''}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="*", type=Path, help="development gold parts read by today's rules")
    ap.add_argument("--rows", type=Path, help="folder of rows made by earlier frozen rules, one file a part")
    ap.add_argument("--cv", default="", help="comma-separated part names to cross-validate on")
    ap.add_argument("--out", type=Path, default=MODEL)
    args = ap.parse_args(argv)
    parts = [Part.read(p) for p in args.gold]
    if args.rows:
        parts += [Part.frozen(d, GOLD / d.name) for d in sorted(args.rows.glob("*.jsonl"))]
    if args.cv:
        report(parts, args.cv.split(","))
    forest = fit([e for p in parts for e in p.examples()])
    args.out.write_text(json.dumps(forest.to_dict(), separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(forest.trees)} trees on {len(forest.features)} features")


if __name__ == "__main__":
    main()
