"""Link confidence: trees fitted on the gold read the rules' links; under the threshold a link stays and does not count."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import duckdb
import pytest

from bench import relation_study
from ocwatch.feedback import store
from ocwatch.nlp.analyze import DocInput, analyze
from ocwatch.nlp.links.confidence import THRESHOLD, train
from ocwatch.nlp.links.confidence import features as fx
from ocwatch.nlp.links.confidence.forest import MODEL, Forest, load
from ocwatch.nlp.links.confidence.score import counts, with_confidence
from ocwatch.warehouse.build import build_warehouse
from ocwatch.warehouse.models_runner import MODELS_DIR
from tests.support.sample_lake import SampleLake

ROWS = Path(__file__).parent / "gold" / "links" / "frozen_rows"


def _stump(feature: str, low: float, high: float) -> Forest:
    """One tree: log-odds ``low`` when the feature is 0, ``high`` when it is 1."""
    return Forest((feature,), 0.0, 1.0, ({"feature": [0, -2, -2], "threshold": [0.5, -2.0, -2.0],
                                          "left": [1, -1, -1], "right": [2, -1, -1], "value": [0.0, low, high]},))


def test_stored_trees_are_walked_as_scikit_learn_walks_them() -> None:
    forest = Forest(("a", "b"), 0.5, 0.1, (
        {"feature": [0, -2, 1, -2, -2], "threshold": [0.5, -2, 2.0, -2, -2], "left": [1, -1, 3, -1, -1],
         "right": [2, -1, 4, -1, -1], "value": [0, 1.0, 0, 2.0, -3.0]},))
    assert forest.log_odds({}) == pytest.approx(0.5 + 0.1)  # absent features are 0: left at the root
    assert forest.log_odds({"a": 1, "b": 2.0}) == pytest.approx(0.5 + 0.2)  # equal to the threshold goes left
    assert forest.log_odds({"a": 1, "b": 3}) == pytest.approx(0.5 - 0.3)
    assert forest.probability({"a": 1, "b": 3}) == pytest.approx(1 / (1 + 2.718281828459045 ** -0.2))


@pytest.mark.slow
def test_exported_trees_give_the_probabilities_of_the_library_that_fitted_them() -> None:
    part = train.Part.frozen(ROWS / "dev_f.jsonl", train.GOLD / "dev_f.jsonl")
    examples = part.examples()
    assert sum(y for _, y in examples) > 20 and sum(1 - y for _, y in examples) > 100
    forest = train.fit(examples)  # raises when the walk disagrees with predict_proba
    scores = [forest.probability(f) for f, _ in examples]
    right = [p for p, (_, y) in zip(scores, examples, strict=True) if y]
    wrong = [p for p, (_, y) in zip(scores, examples, strict=True) if not y]
    assert sum(right) / len(right) > sum(wrong) / len(wrong) + 0.3  # fitted on them, they are told apart


@pytest.mark.slow
def test_training_again_on_the_frozen_rows_gives_the_shipped_trees_byte_for_byte(tmp_path: Path) -> None:
    out = tmp_path / "model.json"
    train.main(["--rows", str(ROWS), "--out", str(out)])
    assert out.read_bytes() == MODEL.read_bytes()


@pytest.mark.slow
def test_a_link_the_trees_do_not_trust_keeps_its_status_and_role_and_does_not_count() -> None:
    text = ("Gunmen of the Kokorat San Ras gang are extorting lorry drivers near Pont-Sondé. "
            "The FARDC does not control the gold trade in Kamituga, where traders smuggle gold to Bujumbura.")
    (res,) = analyze([DocInput("t", text, "en")], use_gate=False)
    scored = ("confidence", "confidence_model")
    res.links = [{k: v for k, v in x.items() if k not in scored} for x in res.links]  # the rules' links
    assert {x["status"] for x in res.links if x["actor_id"] == "fardc"} == {"negated"}
    assert any(x["actor_id"] is None for x in res.links)
    # a stump that trusts links with no actor and no named one
    links = with_confidence(text, res.sentences, res.mentions, res.links, "en", _stump("actor_none", -6, 6))
    assert [{k: v for k, v in x.items() if k not in scored} for x in links] == res.links
    for x in links:
        assert 0.0 <= x["confidence"] <= 1.0
        assert (x["confidence"] >= THRESHOLD) == (x["actor_id"] is None)
    assert not any(counts(x) for x in links if x["actor_id"] is not None)
    trusting = with_confidence(text, res.sentences, res.mentions, res.links, "en", _stump("actor_none", 6, 6))
    assert all(x["confidence"] > 0.99 for x in trusting)
    assert not any(counts(x) for x in trusting if x["actor_id"] == "fardc")  # trust never makes a negation count
    assert any(counts(x) for x in trusting if x["actor_id"] is not None)


@pytest.mark.slow
def test_the_pipeline_gives_every_link_the_shipped_trees_confidence() -> None:
    text = "Gunmen of the Kokorat San Ras gang are extorting lorry drivers near Pont-Sondé, transport unions said."
    (res,) = analyze([DocInput("t", text, "en")], use_gate=False)
    assert res.links and all("confidence" in x for x in res.links)
    rules = [{k: v for k, v in x.items() if k != "confidence"} for x in res.links]
    assert res.links == with_confidence(text, res.sentences, res.mentions, rules, "en", load())
    assert any(counts(x) and x["actor_surface"] == "Kokorat San Ras" for x in res.links)


def test_the_warehouse_counts_links_at_the_pipelines_threshold() -> None:
    sql = (MODELS_DIR / "dims" / "links_reviewed.sql").read_text(encoding="utf-8")
    (literal,) = re.findall(r"coalesce\(r\.confidence, 1\.0\) >= ([0-9.]+)", sql)
    assert float(literal) == THRESHOLD


def test_an_untrusted_link_is_no_new_link_and_locates_nothing_until_an_analyst_marks_it_right(tmp_path: Path) -> None:
    day = dt.date(2026, 11, 16)
    s = SampleLake(str(tmp_path / "lake"))
    kw = {"market": "non_renewable_resource_crimes", "commodity": "gold", "country": "COD",
          "place_id": "domain:rubaya", "partition": day, "status": "asserted", "role": "participant"}
    s.doc("sure", "sa", day - dt.timedelta(days=5), actor_id="m23", confidence=0.9, **kw)
    s.doc("unsure", "sa", day - dt.timedelta(days=5), actor_id="fdlr", confidence=THRESHOLD / 2, **kw)
    s.doc("older", "sa", day - dt.timedelta(days=5), actor_id="adf", **kw)  # written before the trees
    s.write()
    sources = [{"id": "sa", "name": "A", "kind": "feed", "url": "https://sa.example", "language": "en",
                "reliability": "A", "countries": ["COD"]}]
    log = tmp_path / "feedback" / "acts.jsonl"

    def counted() -> tuple[set[str], set[str]]:
        """New links' actors, and the documents that locate gold in DR Congo."""
        path = build_warehouse(str(tmp_path / "lake"), tmp_path / "w.duckdb", day, sources, feedback=log)
        with duckdb.connect(str(path), read_only=True) as con:
            assert con.execute("select count(*) from links where actor_id = 'fdlr'").fetchone() == (1,)
            return ({r[0] for r in con.execute("select actor_id from new_links").fetchall()},
                    {r[0] for r in con.execute("select doc_id from fact_located_sentences").fetchall()})

    # the set-aside reading comes back neither as a new link nor through the sentence's mentions
    assert counted() == ({"m23", "adf"}, {"sure", "older"})
    store.mark_link(log, "ana", "read the article: FDLR do buy Rubaya's gold", doc_id="unsure", sent_idx=0,
                    actor_id="fdlr", market="non_renewable_resource_crimes", place_id="domain:rubaya",
                    verdict="right")
    assert counted() == ({"m23", "adf", "fdlr"}, {"sure", "older", "unsure"})


def test_a_link_with_no_confidence_counts_as_the_warehouse_reads_null() -> None:
    link = {"market": "fauna_crimes", "status": "asserted", "role": None}
    assert counts({**link, "confidence": None}) and counts(link)  # rules-only languages, rows from before
    assert not counts({**link, "confidence": THRESHOLD - 0.001}) and counts({**link, "confidence": THRESHOLD})


def test_a_held_out_part_is_refused_for_training(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="heldout_zg: a held-out part is never trained on"):
        train.Part("heldout_zg", [], {})


def _parse_features(text: str, lang: str) -> dict[str, float]:
    result = next(analyze([DocInput("d", text, lang)], use_gate=False))
    cands = fx.candidates(text, result.sentences, result.mentions, result.links)
    spans = relation_study.parse_spans(text, result.sentences, result.mentions, lang)
    named = [c for c in cands.values() if c.key[0] is not None and c.triples]
    assert len(named) == 1
    return relation_study.parse_features(named[0], spans)


@pytest.mark.parametrize(("text", "lang", "path", "place"), [
    ("The ADF taxes gold in Beni.", "en", "nsubj^dobj", "pm_path=pobj/prep^"),
    ("Les ADF exploitent le coltan à Beni.", "fr", "nsubj^obj", "pm_case=à")])
def test_the_relation_study_reads_the_doer_as_the_subject_of_the_verb_over_the_goods(
        text: str, lang: str, path: str, place: str) -> None:
    f = _parse_features(text, lang)
    assert f.get(f"am_path={path}") == 1.0 and f.get("am_lca_pos=VERB") == 1.0 and f.get("am_neg") == 0.0
    assert f.get(place) == 1.0


def test_the_relation_study_sees_a_negation_on_the_path_between_doer_and_goods() -> None:
    assert _parse_features("The ADF does not tax gold in Beni.", "en").get("am_neg") == 1.0


def _mention(kind: str, sent: int, start: int) -> dict:
    return {"kind": kind, "sent_idx": sent, "start_char": start}


@pytest.mark.parametrize("seed", range(6))
def test_the_closest_triple_of_a_long_paragraph_is_the_first_nearest_of_every_triple(seed: int) -> None:
    # a long paragraph is searched by sentence, not tried triple by triple: the answer, ties included, must be
    # the one trying every triple in mention order gives (the trees were fitted on it)
    import random

    rnd = random.Random(seed)

    def block(kind: str, n: int) -> list:
        return [_mention(kind, rnd.randrange(8), rnd.randrange(0, 400, 40)) for _ in range(n)]  # many ties

    actors: list = [*block("actor", rnd.randrange(1, 30)), None] if seed % 2 else [None]
    cand = fx.Candidate(("x", "m", "p"), blocks=[(block("commodity", 30), block("location", 25), actors),
                                                  (block("commodity", 3), block("location", 2), actors[-1:])])

    def gaps(t: tuple) -> tuple[int, int]:
        a, mk, p = t
        return (abs(p["sent_idx"] - mk["sent_idx"]) + (abs(a["sent_idx"] - mk["sent_idx"]) if a else 0),
                abs(p["start_char"] - mk["start_char"]) + (abs(a["start_char"] - mk["start_char"]) if a else 0))

    every = min(cand.triples, key=gaps)
    found = fx.closest(cand)
    assert found[0] == gaps(every) and all(x is y for x, y in zip(found[1:], every, strict=True))
