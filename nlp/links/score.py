"""Link precision and recall on the link gold set (tests/gold/links), next to co-occurrence baselines.

A predicted link counts when it is asserted, its actor is a participant (or it
has no actor) and its confidence reaches the threshold (nlp/links/confidence). It is right when a gold link of the paragraph has the same
market, the same actor (both none, or the same name: equal, one inside the
other, or aliases of one reference actor) and the same place (equal or one
inside the other, accents and articles ignored). Links marked ``optional`` in
the gold are neither required nor counted against; ``traps`` are counted as
errors like any other wrong link, and also reported on their own.
Market+place precision: the share of counted links whose market and place are
those of a gold link, whoever the actor (none included): what market activity
by place counts.
Baselines on the same mentions: every actor (or none) x market x place of a
paragraph, and of a sentence (what ocwatch did before).
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from ocwatch.nlp.analyze import DocInput, DocResult, analyze
from ocwatch.nlp.links.build import paragraphs
from ocwatch.nlp.links.confidence.features import norm
from ocwatch.nlp.links.confidence.score import THRESHOLD, counts
from ocwatch.nlp.rows import dominant_country, link_rows
from ocwatch.reference import taxonomy
from ocwatch.reference.names import without_accents

Row = dict[str, Any]
Key = tuple[str | None, str, str | None]


@cache
def _aliases() -> dict[str, str]:
    out = {}
    for a in taxonomy.actors():
        for n in (a.name, *a.aliases):
            out[norm(n) or ""] = a.actor_id
    return out


def same_name(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if _EITHER in a:  # an acronym and the name it spells in the paragraph: either is the actor's
        return any(same_name(n, b) for n in a.split(_EITHER))
    if a == b or (len(a) > 2 and len(b) > 2 and (a in b or b in a)):
        return True
    ids = _aliases()
    return a in ids and ids.get(a) == ids.get(b)


def matches(pred: Key, gold: Key) -> bool:
    return pred[1] == gold[1] and same_name(pred[0], gold[0]) and pred[2] is not None and \
        same_name(pred[2], gold[2])


def load(path: str | Path) -> list[Row]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_keys(items: list[Row]) -> list[Key]:
    return [(norm(g["actor"]), g["market"], norm(g["place"])) for g in items]


def counted(links: Iterable[Row], threshold: float = THRESHOLD) -> set[Key]:
    """The links an indicator would count, as (actor, market, place) names."""
    return {(_actor_names(x), x["market"], norm(x.get("place_surface"))) for x in links if counts(x, threshold)}


_EITHER = " // "  # between an acronym and the name it spells; norm() never writes it


def _actor_names(x: Row) -> str | None:
    short = norm(x.get("actor_surface"))
    full = x.get("actor_spelt_out")
    return f"{norm(full)}{_EITHER}{short}" if full and short else short


def paragraph_cooccurrence(text: str, result: DocResult) -> list[Row]:
    """Every actor (or none) x market x place that share a paragraph."""
    para = paragraphs(text, [{"sent_idx": m["sent_idx"], "start_char": m["start_char"]} for m in result.mentions])
    groups: dict[int, list[Row]] = {}
    for m in result.mentions:
        groups.setdefault(para[m["sent_idx"]], []).append(m)
    out = []
    for ms in groups.values():
        actors = [m["surface"] for m in ms if m["kind"] == "actor"] or [None]
        for mk in (m for m in ms if m["kind"] == "commodity" and m.get("market")):
            for p in (m for m in ms if m["kind"] == "location"):
                out += [{"actor_surface": a, "market": mk["market"], "place_surface": p["surface"],
                         "role": None if a is None else "participant"} for a in actors]
    return out


def sentence_cooccurrence(result: DocResult) -> list[Row]:
    """What ocwatch did before: every actor x market x place of a sentence (rows.link_rows)."""
    surf = {}
    for m in result.mentions:
        surf.setdefault((m["sent_idx"], m["entity_id"]), m["surface"])
    home = dominant_country(result.mentions)
    return [{"actor_surface": surf.get((x["sent_idx"], x["actor_id"])), "market": x["market"],
             "place_surface": surf.get((x["sent_idx"], x["place_id"])) if x["place_id"] != f"country:{home}"
             or (x["sent_idx"], x["place_id"]) in surf else None,
             "role": None if x["actor_id"] is None else "participant"} for x in link_rows(result.mentions)]


# each figure and the counts it divides; intervals() draws the same three
RATIOS = {"precision": ("right", "pred"), "recall": ("found", "gold"), "named_precision": ("named_right", "named_pred")}


def tally(records: list[Row], predicted: dict[str, set[Key]]) -> dict[str, float]:
    c = dict.fromkeys(("gold", "found", "pred", "right", "named_pred", "named_right", "traps", "trap_hits",
                       "place_right"), 0)
    for rec in records:
        gold, optional, traps = (gold_keys(rec.get(k, [])) for k in ("links", "optional", "traps"))
        preds = predicted.get(rec["id"], set())
        c["gold"] += len(gold)
        c["found"] += sum(any(matches(p, g) for p in preds) for g in gold)
        c["traps"] += len(traps)
        c["trap_hits"] += sum(any(matches(p, t) for p in preds) for t in traps)
        for p in preds:
            if any(matches(p, o) for o in optional) and not any(matches(p, g) for g in gold):
                continue
            right = any(matches(p, g) for g in gold)
            c["pred"] += 1
            c["right"] += right
            # what market_activity_weekly counts: the market active in the place, whoever takes part
            c["place_right"] += right or any(p[1] == g[1] and same_name(p[2], g[2]) for g in gold)
            if p[0] is not None:
                c["named_pred"] += 1
                c["named_right"] += right
    for name, (num, den) in RATIOS.items():
        c[name] = c[num] / c[den] if c[den] else 0.0
    c["place_precision"] = c["place_right"] / c["pred"] if c["pred"] else 0.0
    return c


def analyze_records(records: list[Row]) -> dict[str, DocResult]:
    """Every gold paragraph analysed, gate off (the gold is all relevant), by its id; an actor named by
    an acronym under the fullest name its entity has in the paragraph."""
    results = list(analyze([DocInput(x["id"], x["text"], x["lang"]) for x in records], use_gate=False))
    for r in results:
        r.links = _acronyms_spelt_out(r)
    return {r.doc_id: r for r in results}


def _acronyms_spelt_out(r: DocResult) -> list[Row]:
    """The links whose actor is an acronym, with the mention of the same entity the acronym spells, and
    those whose actor is a spelt-out name, with its acronym: the indicators count entities, so "the CPHU"
    after "Coalition des Patriotes du Haut-Uélé (CPHU)" is that coalition whichever name the gold gives
    it. Only a name whose initials are the acronym's letters: the catalogue gives some rival clans one
    entity."""
    names: dict[str, list[str]] = {}
    for m in r.mentions:
        if m["kind"] == "actor" and m.get("entity_id"):
            names.setdefault(m["entity_id"], []).append(m["surface"])
    out = []
    for x in r.links:
        surface, same = x.get("actor_surface") or "", names.get(x.get("actor_id") or "", [])
        # and the other way: "the Union des Patriotes de Kilo (UPDK) controls" is the UPDK's link
        other = next((n for n in same if n != surface and (_spells(n, surface) or _spells(surface, n))), None)
        out.append({**x, "actor_spelt_out": other} if other else x)
    return out


def _spells(full: str, short: str) -> bool:
    return bool(_ACRONYM.fullmatch(short)) and _initials(full) == re.sub(r"[^a-z0-9]", "", short.lower())


_SMALL_WORDS = frozenset({"de", "des", "du", "la", "le", "les", "l", "d", "of", "the", "for", "and", "pour", "et",
                          "en", "in", "a", "au", "aux"})


def _initials(name: str) -> str:
    """"Coalition des Patriotes du Haut-Uélé" -> "cphu": the first letters of its words but the small ones,
    accents off ("Union pour la sécurité des éleveurs" spells USE)."""
    words = re.split(r"[\s\-'’/]+", without_accents(name).lower())
    return "".join(w[0] for w in words if w and w not in _SMALL_WORDS and w[0].isalnum())


_ACRONYM = re.compile(r"[A-Z][A-Z0-9/&-]{1,9}")


def evaluate_links(*paths: str | Path, bootstrap: int = 0) -> dict[str, Any]:
    """Scores of ocwatch's links and of both co-occurrence baselines on one gold file, or on several
    pooled; ``bootstrap`` > 0 adds each figure's 95% interval over that many resamplings of paragraphs."""
    records = [r for path in paths for r in load(path)]
    twice = sorted(i for i, n in Counter(r["id"] for r in records).items() if n > 1)
    if twice:
        raise ValueError(f"{' + '.join(map(str, paths))}: paragraph ids used twice, so one would be scored "
                         f"with the other's links: {', '.join(twice[:5])}")
    results = analyze_records(records)
    texts = {x["id"]: x["text"] for x in records}
    runs = {
        "links": {i: counted(r.links) for i, r in results.items()},
        "paragraph_cooccurrence": {i: counted(paragraph_cooccurrence(texts[i], r)) for i, r in results.items()},
        "sentence_cooccurrence": {i: counted(sentence_cooccurrence(r)) for i, r in results.items()},
    }
    methods = {name: tally(records, preds) for name, preds in runs.items()}
    if bootstrap:
        for name, preds in runs.items():
            methods[name]["intervals"] = intervals([tally([r], preds) for r in records], bootstrap)
    return {"dataset": " + ".join(map(str, paths)), "paragraphs": len(records), "methods": methods}


def intervals(per_paragraph: list[dict[str, float]], n: int, seed: int = 0) -> dict[str, tuple[float, float]]:
    """95% percentile intervals of precision, recall and named-actor precision, resampling paragraphs
    with replacement ``n`` times: a paragraph's links share its text, so the paragraph is the unit drawn.
    Two parts of 64 paragraphs differ by more than one rule round moves them (docs/NLP.md, item 51)."""
    rng = random.Random(seed)
    draws: dict[str, list[float]] = {k: [] for k in RATIOS}
    for _ in range(n):
        sample = rng.choices(per_paragraph, k=len(per_paragraph))
        for name, (num, den) in RATIOS.items():
            d = sum(c[den] for c in sample)
            if d:  # a draw with nothing to divide by has no ratio: it says nothing of the spread
                draws[name].append(sum(c[num] for c in sample) / d)
    return {name: _middle_95(sorted(v)) for name, v in draws.items()}


def _middle_95(ordered: list[float]) -> tuple[float, float]:
    if not ordered:
        return 0.0, 0.0
    return ordered[int(0.025 * len(ordered))], ordered[min(len(ordered) - 1, int(0.975 * len(ordered)))]


def format_table(result: dict[str, Any]) -> str:
    lines = [f"{result['dataset']}: {result['paragraphs']} paragraphs",
             f"{'method':<24} {'gold':>5} {'pred':>5} {'precision':>9} {'recall':>7} {'named P':>8} {'traps hit':>10}"
             f" {'market+place P':>14}"]
    for name, c in result["methods"].items():
        lines.append(f"{name:<24} {c['gold']:>5} {c['pred']:>5} {c['precision']:>9.3f} {c['recall']:>7.3f} "
                     f"{c['named_precision']:>8.3f} {c['trap_hits']:>4}/{c['traps']:<5} {c['place_precision']:>14.3f}")
        if "intervals" in c:
            lines.append(f"{'  95% interval':<24} {'':>11} " + "  ".join(
                f"{k} {lo:.3f}-{hi:.3f}" for k, (lo, hi) in c["intervals"].items()))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="+", type=Path, help="link gold files (tests/gold/links/*.jsonl)")
    ap.add_argument("--pooled", action="store_true", help="score the files as one set")
    ap.add_argument("--bootstrap", type=int, default=0, metavar="N",
                    help="add 95%% intervals over N resamplings of paragraphs (1000 is usual)")
    args = ap.parse_args(argv)
    for paths in [args.gold] if args.pooled else [[p] for p in args.gold]:
        print(format_table(evaluate_links(*paths, bootstrap=args.bootstrap)))


if __name__ == "__main__":
    main()
