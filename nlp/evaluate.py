"""Precision and recall of extraction per kind, on the hand-labelled gold set or on re3d.

Scoring: a predicted mention is right when it overlaps a gold mention of the
same kind that has the same market (commodities) or country (places); actors
need only the overlap. Recall counts gold mentions found that way. On re3d
(no countries, no markets) only the span and kind are scored, and
Organisation and Person count as actors, Location as places, Weapon as
arms-trafficking commodities.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ocwatch.nlp.analyze import DocInput, analyze

KINDS = ("actor", "commodity", "location")
RE3D_KINDS = {"Organisation": "actor", "Person": "actor", "Location": "location", "Weapon": "commodity"}
DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Gold records from a JSON Lines file, or from every *.jsonl file in a folder."""
    path = Path(path)
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    return [json.loads(line) for f in files for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]


def _conll_docs(folder: Path) -> Iterable[dict[str, Any]]:
    """re3d CoNLL files as gold records: tokens joined by spaces, BIO labels turned into spans."""
    for f in sorted(folder.rglob("*.conll")):
        text, mentions, current = "", [], None
        for line in f.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                text, current = text + "\n", None
                continue
            token, _, label = line.rpartition("\t") if "\t" in line else line.rpartition(" ")
            start = len(text) + (1 if text and not text.endswith("\n") else 0)
            text = text + (" " if text and not text.endswith("\n") else "") + token
            kind = RE3D_KINDS.get(label[2:]) if label[:2] in ("B-", "I-") else None
            if kind and label.startswith("I-") and current is not None and current["kind"] == kind:
                current["end"] = len(text)
            elif kind:
                current = {"kind": kind, "start": start, "end": len(text)}
                mentions.append(current)
            else:
                current = None
        yield {"id": f.stem, "lang": "en", "text": text, "mentions": mentions}


def _right(pred: dict[str, Any], gold: dict[str, Any], strict: bool) -> bool:
    if pred["kind"] != gold["kind"] or pred["start_char"] >= gold["end"] or gold["start"] >= pred["end_char"]:
        return False
    if not strict:
        return True
    if gold["kind"] == "commodity":
        return pred.get("market") == gold.get("market")
    if gold["kind"] == "location":
        return pred.get("country_iso3") == gold.get("country_iso3")
    return True


def score(records: list[dict[str, Any]], predictions: dict[str, list[dict[str, Any]]],
          strict: bool = True) -> dict[str, dict[str, float]]:
    """Per-kind counts and precision/recall of predictions (doc id -> mention rows) against gold."""
    out = {k: {"gold": 0, "pred": 0, "found": 0, "right": 0} for k in KINDS}
    for rec in records:
        preds = predictions.get(rec["id"], [])
        for g in rec["mentions"]:
            out[g["kind"]]["gold"] += 1
            out[g["kind"]]["found"] += any(_right(p, g, strict) for p in preds)
        for p in preds:
            out[p["kind"]]["pred"] += 1
            out[p["kind"]]["right"] += any(_right(p, g, strict) for g in rec["mentions"])
    for c in out.values():
        c["precision"] = c["right"] / c["pred"] if c["pred"] else 0.0
        c["recall"] = c["found"] / c["gold"] if c["gold"] else 0.0
    return out


def predict(records: list[dict[str, Any]], use_gate: bool = True) -> dict[str, list[dict[str, Any]]]:
    inputs = [DocInput(r["id"], r["text"], r.get("lang")) for r in records]
    return {res.doc_id: res.mentions for res in analyze(inputs, use_gate=use_gate)}


def evaluate(gold: str | Path = "tests/gold", corpus: str | Path | None = None,
             use_gate: bool = True) -> dict[str, Any]:
    """Scores on a gold file or folder, or on re3d with ``gold='re3d'`` (from the shared corpus)."""
    if str(gold) == "re3d":
        folder = Path(corpus or DEFAULT_CORPUS) / "ner" / "re3d"
        if not folder.is_dir():
            raise FileNotFoundError(f"re3d corpus not found at {folder}")
        records = list(_conll_docs(folder))
        # re3d is general conflict news: every document is read, and only spans are scored.
        return {"dataset": "re3d", "documents": len(records),
                "kinds": score(records, predict(records, use_gate=False), strict=False)}
    records = load_gold(gold)
    return {"dataset": str(gold), "documents": len(records),
            "kinds": score(records, predict(records, use_gate=use_gate))}


def format_table(result: dict[str, Any]) -> str:
    lines = [f"{result['dataset']}: {result['documents']} documents",
             f"{'kind':<10} {'gold':>6} {'pred':>6} {'precision':>10} {'recall':>8}"]
    for kind, c in result["kinds"].items():
        lines.append(f"{kind:<10} {c['gold']:>6} {c['pred']:>6} {c['precision']:>10.3f} {c['recall']:>8.3f}")
    return "\n".join(lines)
