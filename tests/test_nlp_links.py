"""Links from the dependency parse: status, roles, places, references back; the gold set; the warehouse filter.

The held-out parts are tests/gold/links/heldout_zc.jsonl, heldout_zd, heldout_ze, heldout_zf, heldout_zg,
heldout_zh, heldout_zi and heldout_zj: each written blind (by an engineer who read only the gold README and
the market list), kept outside the repository, committed before it was scored. zc and zd were scored first
on the eighteenth session's frozen rules, ze and zf on the nineteenth's, zg and zh on the twentieth's, zi
and zj on the twenty-first's; none of
them was ever trained or tuned on, and their errors are unread. Parts o to za were held out from the
twelfth to the nineteenth session (scored after each freeze, their errors never read) and were spent in
the twentieth to fit the link-confidence trees: they are dev_o to dev_za now (r, scored once on the
fourteenth round's rules, is dev_r; w, scored once with u to y, is dev_w). The
test asserts the latest figures as floors so that a regression fails.
Development parts: dev.jsonl, dev_b.jsonl to dev_n.jsonl, dev_r.jsonl, dev_w.jsonl and dev_o.jsonl to
dev_za.jsonl (all but dev.jsonl are earlier held-out parts, spent; dev_n, scored twice in the twelfth round,
had its errors read in the thirteenth round, dev_r in the fifteenth, as development). dev_f to dev_m were written blind, by
engineers who never read the rules, and each scored once on the rules frozen
before it (dev_f 0.321 / 0.302 / 0.538, dev_g 0.462 / 0.351 / 0.469, dev_h 0.514 /
0.362 / 0.412, dev_i 0.425 / 0.348 / 0.650, dev_j 0.398 / 0.331 / 0.761, dev_k 0.364 /
0.254 / 0.492, dev_l 0.403 / 0.308 / 0.500, dev_m 0.494 / 0.363 / 0.672), far under the
issue's targets 0.90 / 0.80 / 0.90. Their figures are floors. Since the twelfth round the
figures are those of what counts: the rules' links the link-confidence trees trust
(nlp/links/confidence).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from ocwatch.nlp.analyze import DocInput, analyze
from ocwatch.nlp.extract_text import LINK_FIELDS, run
from ocwatch.nlp.links import build_links, one_sentence_parser
from ocwatch.nlp.links.build import masked, relevant_sentences
from ocwatch.nlp.links.cues import lexical_status
from ocwatch.nlp.links.score import evaluate_links, intervals, load, main
from ocwatch.nlp.pipeline import get_parser
from ocwatch.warehouse.build import build_warehouse
from tests.support.sample_lake import SampleLake

GOLD = Path(__file__).parent / "gold" / "links"
pytestmark = pytest.mark.slow


def _links(text: str, lang: str = "en") -> list[dict]:
    (res,) = analyze([DocInput("t", text, lang)], use_gate=False)
    return res.links


def _scored_above(name: str, precision: float, recall: float, named: float, margin: float) -> dict:
    """One gold part scored: at or above its floors, more precise than paragraph co-occurrence by
    ``margin``, and under a quarter of its trap hits."""
    result = evaluate_links(GOLD / name)
    ours, para = result["methods"]["links"], result["methods"]["paragraph_cooccurrence"]
    assert ours["precision"] >= precision
    assert ours["recall"] >= recall
    assert ours["named_precision"] >= named
    assert ours["precision"] > para["precision"] + margin
    assert ours["trap_hits"] * 4 < para["trap_hits"]
    return result


def _counted(links: list[dict]) -> set[tuple]:
    return {(x["actor_id"], x["market"], x["place_surface"]) for x in links
            if x["status"] == "asserted" and x["role"] in (None, "participant")}


@pytest.mark.parametrize(("name", "precision", "recall", "named"), [
    # Parts zc (UN peace-operation reports, Security Council briefings, mission press releases) and zd
    # (research institutes' market assessments: long paragraphs, five links each), written blind at the
    # start of the eighteenth session, committed after its freeze (5687c7a) and scored once: zc 0.438 /
    # 0.321 / 0.444, zd 0.380 / 0.165 / 0.263 (paragraph co-occurrence 0.070 / 0.347 / 0.069 and 0.074 /
    # 0.279 / 0.067); the seventeenth session's rules give zc the same and zd 0.387 / 0.168 / 0.300
    # (nineteenth session, a further look: zc 0.469 / 0.347 / 0.500, zd 0.383 / 0.171 / 0.286)
    # (twentieth session, the trees fitted again on o to za, threshold 0.25: zc 0.461 / 0.326 / 0.500 (recall
    # down 2.1 points), zd 0.410 / 0.187 / 0.278)
    # (twenty-first session, a further look on its frozen rules: zc 0.500 / 0.342 / 0.536, zd 0.413 / 0.187 /
    # 0.333)
    # (twenty-fourth session, after its review: zc 0.511 / 0.352 / 0.545, zd 0.4497 / 0.213 / 0.417)
    # (thirty-third session, after its review: zc 0.556 / 0.378 / 0.623 -> 0.582 / 0.394 / 0.643, actors named by
    # how the text introduces them; zd unchanged)
    ("heldout_zc.jsonl", 0.57, 0.38, 0.63), ("heldout_zd.jsonl", 0.44, 0.21, 0.42),
    # Parts ze (human-rights and investigative NGO reports) and zf (wire dispatches, customs and police
    # releases), written blind at the start of the nineteenth session, committed after its freeze (ed90ebc)
    # and scored once: ze 0.390 / 0.269 / 0.333, zf 0.323 / 0.255 / 0.462 (paragraph co-occurrence 0.141 /
    # 0.352 / 0.135 and 0.067 / 0.410 / 0.066); with the small French parser and the same rules: ze 0.370 /
    # 0.255 / 0.273, zf 0.315 / 0.242 / 0.471
    # (twentieth session, the trees fitted again: ze 0.398 / 0.269 / 0.321, zf 0.328 / 0.242 / 0.485)
    # (twenty-first session, a further look on its frozen rules: ze 0.394 / 0.255 / 0.324, zf 0.300 / 0.217 /
    # 0.405: zf lost 2.8 points of precision, 2.5 of recall and 8.0 of named-actor precision; its errors
    # stay unread)
    # (twenty-fourth session, after its review: ze 0.404 / 0.262 / 0.333, one named link fewer)
    # (twenty-fifth session, after its review: zf 0.347 / 0.261 / 0.465, its genre read on dev_zq)
    # (thirty-fourth session: the catalogue gave rival clans one row, so the scorer took a link to one for a
    # link to the other; split, the frozen rows' labels changed (3 positives fewer of 2,754) and the
    # link-confidence trees were fitted again on them, as tests/test_nlp_link_confidence.py requires. The
    # refit moved these floors to the parts' figures: ze 0.404 / 0.262 / 0.333 -> 0.398 / 0.255 / 0.314,
    # zf 0.385 / 0.292 / 0.510 -> 0.387 / 0.298 / 0.510, zk 0.593 / 0.474 / 0.643 -> 0.585 / 0.458 / 0.618,
    # zl 0.721 / 0.554 / 0.754 -> 0.714 / 0.558 / 0.746, zn 0.704 / 0.397 / 0.500 -> 0.699 / 0.404 / 0.500,
    # zx 0.423 / 0.309 / 0.732 -> 0.423 / 0.309 / 0.713, zzb 0.497 / 0.340 / 0.842 -> 0.491 / 0.340 / 0.816;
    # all nineteen 0.507 / 0.342 / 0.642 -> 0.507 / 0.342 / 0.636, docs/NLP.md item 94)
    ("heldout_ze.jsonl", 0.39, 0.25, 0.31), ("heldout_zf.jsonl", 0.38, 0.28, 0.50),
    # Parts zg (local and community press and radio) and zh (court, prosecution and sanctions text), written
    # blind at the start of the twentieth session, committed after its freeze (676b550) and scored once:
    # zg 0.452 / 0.302 / 0.542, zh 0.326 / 0.278 / 0.606 (paragraph co-occurrence 0.128 / 0.421 / 0.128 and
    # 0.168 / 0.716 / 0.168); the trees fitted on f to m only (threshold 0.15) would give zg 0.465 / 0.317 /
    # 0.537 and zh 0.322 / 0.284 / 0.539, the rules alone 0.414 / 0.325 / 0.509 and 0.263 / 0.284 / 0.482
    # (twenty-first session, a further look on its frozen rules: zg 0.471 / 0.325 / 0.537, zh 0.336 / 0.290 /
    # 0.560)
    # (thirty-third session, after its review: zg 0.489 / 0.349 / 0.558 -> 0.529 / 0.365 / 0.574)
    ("heldout_zg.jsonl", 0.52, 0.36, 0.57), ("heldout_zh.jsonl", 0.38, 0.33, 0.62),
    # Parts zi (humanitarian and protection reporting) and zj (business, commodity and supply-chain
    # reporting), written blind at the start of the twenty-first session, committed after its freeze
    # (c2b3f31) and scored once: zi 0.579 / 0.381 / 0.512, zj 0.623 / 0.453 / 0.276 (paragraph co-occurrence
    # 0.075 / 0.300 / 0.070 and 0.081 / 0.265 / 0.050); the twentieth session's rules give zi 0.574 / 0.381 /
    # 0.500 and zj 0.623 / 0.453 / 0.308
    ("heldout_zi.jsonl", 0.59, 0.40, 0.51), ("heldout_zj.jsonl", 0.65, 0.47, 0.33),
    # Parts zk (official statements: communiqués, ministry statements, briefings, parliamentary inquiries, with
    # claims and denials) and zl (conflict-monitoring and open-source intelligence digests), written blind at
    # the start of the twenty-second session, committed after its freeze (068a2dc) and scored once: zk 0.558 /
    # 0.463 / 0.562, zl 0.727 / 0.549 / 0.770 (paragraph co-occurrence 0.058 / 0.305 and 0.102 / 0.481); the
    # twenty-first session's rules give zk 0.569 / 0.463 / 0.562 and zl 0.724 / 0.541 / 0.770. The other eight
    # parts were looked at once more, figures only, on the twenty-second session's frozen rules (docs/NLP.md,
    # item 63): all ten pooled 0.507 / 0.351 / 0.524 (the twenty-first session's rules 0.501 / 0.343 / 0.519).
    # A review then narrowed the session's words and patterns; all ten looked at once more, figures only:
    # 0.507 / 0.351 / 0.523 (zk 0.565 / 0.463 / 0.562, ze 0.404 / 0.262 / 0.343, zg 0.466 / 0.325 / 0.527)
    # (twenty-fifth session, after its review: zk 0.609 / 0.489 / 0.649, zl 0.725 / 0.554 / 0.783)
    # (twenty-ninth session, after its review: zl 0.719 / 0.549 / 0.780)
    # (thirtieth session, after its review: zk 0.591 / 0.468 / 0.643, zl 0.719 / 0.549 / 0.763)
    # (thirty-first session, after its review: zl 0.722 / 0.558 / 0.758; its errors are unread)
    ("heldout_zk.jsonl", 0.58, 0.45, 0.61), ("heldout_zl.jsonl", 0.71, 0.54, 0.74),
    # Parts zm (sanctions designations and their narrative summaries) and zn (radio and broadcast bulletins),
    # written blind during the twenty-third session by helpers who never read the code, committed after its
    # freeze (bf4f6cd) and scored once: zm 0.227 / 0.122 / 0.483, zn 0.700 / 0.390 / 0.556 (paragraph
    # co-occurrence 0.163 / 0.756 and 0.096 / 0.247); the twenty-second session's rules give zm the same and
    # zn 0.696 / 0.384 / 0.556. The other ten were looked at once more, figures only, on the same frozen rules:
    # all ten pooled 0.507 / 0.351 / 0.523 -> 0.519 / 0.360 / 0.544 (docs/NLP.md, item 66). A review then
    # mended the false readings it found on ordinary sentences; all twelve looked at once more, figures only:
    # the ten 0.516 / 0.358 / 0.539 (ze back to 0.404 / 0.262 / 0.343, zj 0.631 / 0.459 / 0.286), zm 0.228 /
    # 0.122 / 0.491; each floor above is the part's figure after the review, truncated
    # Twenty-fourth session: part zp (UN panel case studies and annexes on sanctions violations), written blind
    # at its start, committed after its freeze (b7eb323) and scored once: 0.551 / 0.433 / 0.507 (paragraph
    # co-occurrence 0.107 / 0.413), the twenty-third session's rules 0.541 / 0.423 / 0.486; the session read a
    # new development part of the sanctions genre (dev_zo), and zm rose from 0.228 / 0.122 / 0.491 to
    # 0.317 / 0.186 / 0.630 at the freeze, 0.333 / 0.194 / 0.615 after the review; the ten older parts pooled
    # 0.516 / 0.358 / 0.539 -> 0.521 / 0.364 / 0.548 -> 0.526 / 0.367 / 0.559 (docs/NLP.md, items 69 and 70)
    # (twenty-ninth session, after its review: zn 0.704 / 0.397 / 0.500; its errors are unread, so which mend
    # cost it is not known)
    ("heldout_zm.jsonl", 0.33, 0.19, 0.62), ("heldout_zn.jsonl", 0.69, 0.39, 0.50),
    ("heldout_zp.jsonl", 0.55, 0.43, 0.49),
    # Twenty-fifth session: part zr (police, customs and INTERPOL releases), written blind at its start,
    # committed after its freeze (8fbe7a5) and scored once: 0.388 / 0.307 / 0.674 (paragraph co-occurrence
    # 0.115 / 0.580), the twenty-fourth session's rules 0.400 / 0.307 / 0.674; unchanged by the review. The
    # session read a development part of the same genre (dev_zq); all thirteen older parts pooled 0.519 /
    # 0.355 / 0.560 -> 0.522 / 0.358 / 0.564 at the freeze, 0.525 / 0.359 / 0.573 after the review
    # (docs/NLP.md, items 72 and 73); each floor above is the part's figure after the review, truncated
    ("heldout_zr.jsonl", 0.40, 0.31, 0.67),
    # Twenty-sixth session: part zu (the same genre), written blind at its start by a third helper, committed
    # after its freeze (eef73f2) and scored once: 0.383 / 0.228 / 0.750 (paragraph co-occurrence 0.126 /
    # 0.611), the twenty-fifth session's rules 0.305 / 0.187 / 0.609; after the review 0.383 / 0.228 / 0.702.
    # The session read two development parts of the genre by two hands (dev_zs, dev_zt): zr 0.388 / 0.307 ->
    # 0.403 / 0.318, zf 0.347 / 0.261 -> 0.383 / 0.286; zc, zk, zn and zp's named precision lost a little
    # after the review (docs/NLP.md, items 75 and 76); each floor is the part's figure after the review, truncated
    ("heldout_zu.jsonl", 0.38, 0.22, 0.70),
    # Twenty-seventh session: part zx (sanctions designations, the genre of zm), written blind at its start,
    # committed after its freeze (18c7e74) and scored once: 0.454 / 0.331 / 0.746 (paragraph co-occurrence
    # 0.113 / 0.848), the twenty-sixth session's rules 0.393 / 0.279 / 0.728. The session read two
    # development parts of the genre (dev_zv, dev_zw). A review then mended 24 false readings; looked at once
    # more, figures only: zx 0.405 / 0.294 / 0.738, zm 0.353 / 0.197 / 0.645, zk 0.597 / 0.474 / 0.643 and zd
    # 0.447 / 0.216 / 0.423 under their floors, which follow; the others as before (docs/NLP.md, items 78
    # and 79). One narrowed rule ("l'intéressé") came after that look; no floor is raised on its account.
    # Thirty-seventh session: goods named again by their pack or kind, and passed on by a pronoun, gave zx a
    # right row and named-actor precision 0.711 -> 0.707 (pooled recall 0.341 -> 0.352; docs/NLP.md item 97)
    ("heldout_zx.jsonl", 0.40, 0.29, 0.70),
    # Twenty-eighth session: parts zza (research institutes' market assessments, the genre of zd) and zzb
    # (sanctions designations, a fresh part of the genre of zm and zx), written blind at its start, committed
    # after its freeze (e73c20e) and scored once: zza 0.553 / 0.338 / 0.459, zzb 0.491 / 0.340 / 0.833
    # (paragraph co-occurrence 0.118 / 0.338 and 0.105 / 0.774); the twenty-seventh session's last rules
    # (3b819a5) 0.547 / 0.324 / 0.472 and 0.494 / 0.340 / 0.833, its frozen rules (18c7e74) give zzb 0.475 /
    # 0.328 / 0.828 and its first (6a89177) 0.428 / 0.302 / 0.807. After the review, looked at once more: the
    # figures below (docs/NLP.md, items 81 and 82); zd did not move. Thirty-ninth session: who had the goods for
    # a later step of their way (docs/NLP.md item 100) took zzb's named-actor precision 0.814 -> 0.806, looked at
    # as figures only (pooled precision and recall each +0.1 point), so its named floor is 0.80
    ("heldout_zza.jsonl", 0.55, 0.33, 0.47), ("heldout_zzb.jsonl", 0.49, 0.34, 0.80),
    # Twenty-ninth session: part zze (NGO reports, the genre of ze), written blind at its start, committed after
    # its freeze (52b86ac) and scored once: 0.333 / 0.200 / 0.617 (paragraph co-occurrence 0.163 / 0.458); the
    # session-start rules 0.342 / 0.200 / 0.617 under either scorer. Unchanged by the review (docs/NLP.md,
    # items 84 and 85)
    ("heldout_zze.jsonl", 0.33, 0.20, 0.61)])
def test_heldout_links_keep_the_figures_measured_on_text_written_blind(
        name: str, precision: float, recall: float, named: float) -> None:
    # 0.15: zh's court and sanctions paragraphs name few places and markets, so paragraph co-occurrence is
    # 0.168 precise there and the links (0.326) beat it by 0.158 (ze: 0.398 against 0.141)
    result = _scored_above(name, precision, recall, named, margin=_MARGINS.get(name, 0.15))
    assert result["paragraphs"] >= 60


# Sanctions listings name the designated body, its deeds and its places in one long sentence, so paragraph
# co-occurrence is 0.163 precise on zm and the links beat it by 0.064 only in the twenty-third session
# (0.227), by 0.17 since the twenty-fourth (0.333): measured, not a goal.
_MARGINS = {"heldout_zm.jsonl": 0.15}


@pytest.mark.parametrize(("name", "precision", "recall", "named"), [
    # Twenty-second session (levies, trafficking, smuggling fares, scams and laundering told in other words;
    # place words inside institutions' names; names after a verb of judging masked as a person's; employers
    # and paymasters named after the deed; a dateline's country for its villages; sentence splits; a
    # vocabulary probe's words): all 27 parts pooled 0.650 / 0.454 / 0.730 -> 0.657 / 0.467 / 0.739, then
    # 0.653 / 0.464 / 0.737 once a review narrowed its words and patterns; each floor the part's figure
    # truncated as below (docs/NLP.md, items 61 to 64)
    # Twenty-first session (a verb hung on a fronted French place, acronyms the text spells out, who a later
    # sentence names in the shipment, armed men's cuts, levy vocabulary; then the one doer of a sentence):
    # every floor below is the part's figure on its rules, truncated to two decimals (1.000 as 0.99); all 27
    # parts pooled 0.639 / 0.452 / 0.735 -> 0.642 / 0.454 / 0.735 -> 0.650 / 0.454 / 0.730 (docs/NLP.md,
    # items 58 and 59)
    # Twelfth round: the figures are of what counts once the link-confidence trees (fitted on the rows the
    # blind parts f to m got from the rules frozen before each) have taken away the rules' links they do
    # not trust: dev 1.000 / 0.897 -> 1.000 / 0.879, dev_b 0.932 / 0.873 -> 0.931 / 0.848, dev_e 0.948 /
    # 0.831 -> 0.965 / 0.831, the blind parts f to l 1 to 7 points more precise and up to 6 less recall
    # (the trees were fitted on them); dev_m (its errors never read): 0.541 / 0.363 / 0.729
    # fourth-round frozen rules (entities ent4 + links links4 + the theft rule), truncated to two
    # decimals, 1.000 as 0.99: dev 1.000 / 0.871 / 1.000, dev_b 0.944 / 0.861 / 1.000 (0.958 since the
    # fifth round's actorless copy of a named activity is dropped)
    # tenth round: dev_b 0.931 / 0.848 / 0.947 (a river is a place now: "pits along the X river" in a
    # named territory counts against, as three blind parts gave rivers as the activity's place)
    # eleventh round: dev 1.000 / 0.897 / 1.000, dev_b 0.932 / 0.873 / 0.947
    # twentieth session (the link-confidence trees fitted again, on o to za too; threshold 0.25): dev 1.000 / 0.862 / 1.000, dev_b 0.930 / 0.835 / 0.943
    # thirty-fourth session, the trees fitted again on the same rows after the catalogue split corrected three
    # of their labels (docs/NLP.md item 94): dev recall 0.862, dev_e precision 0.952, named precision dev_j
    # 0.865, dev_s 0.727, dev_v 0.528, dev_zs 0.750, dev_zv 0.711; these floors follow
    ("dev.jsonl", 0.99, 0.86, 0.98), ("dev_b.jsonl", 0.92, 0.82, 0.94),
    # the former held-out part c (scored once at 0.744 / 0.701 / 0.825), now development: 0.974 / 0.851 / 1.000
    # tenth round: 0.987 / 0.874 / 1.000
    # twentieth session (the link-confidence trees fitted again, on o to za too; threshold 0.25): dev_c 0.986 / 0.782 / 1.000
    ("dev_c.jsonl", 0.98, 0.78, 0.99),
    # the former held-out part d (scored once at 0.860 / 0.551 / 0.857), now development: 0.971 / 0.872 / 1.000,
    # 0.986 / 0.885 / 1.000 in the fifth round
    # eighth round: 0.986 / 0.872 / 1.000 (a refinery in Dubai given to the group that "controlled" the mines)
    # eleventh round: 0.986 / 0.885 / 1.000
    ("dev_d.jsonl", 0.98, 0.84, 0.99),
    # the former held-out part e (scored once at 0.854 / 0.615 / 0.938), now development: 0.930 (53/57) / 0.800 / 1.000;
    # 0.931 / 0.815 / 1.000 in the fifth round (forced work as trafficking); eleventh round (a name
    # no longer cut into two sentences): 0.948 / 0.831 / 1.000
    # seventeenth session: 0.966 / 0.846 / 0.957 (FRPI at Gety, a town no longer taken for an actor, is
    # linked where the gold has no link)
    # nineteenth session (fr_core_news_md as the French parser, its misreadings mended; report vocabulary): 0.968 / 0.908 / 0.923
    # (named-actor precision down 3.5 points: a taxing group also linked at its province)
    # twentieth session (the link-confidence trees fitted again, on o to za too; threshold 0.25): dev_e 0.967 / 0.892 / 0.923
    ("dev_e.jsonl", 0.95, 0.89, 0.92),
    # the former held-out part f, written blind (scored once at 0.321 / 0.302 / 0.538), now development
    # and relabelled to the conventions of tests/gold/links/README.md: 0.397 / 0.302 / 0.636; fifth round,
    # link rules alone (owners, recipients, payees, openers, fears, denials, datelines cut, who reached the
    # sources): 0.722 / 0.442 / 0.867; entity classes alone (organisations named by construction, roads,
    # rivers, region nouns, tolls, payments to armed men, encrypted data, forced work, wire credits):
    # 0.474 / 0.407 / 0.815; both, merged: 0.819 (50/61) / 0.558 / 0.944, 0.833 / 0.558 / 0.971
    # once (Kings Romans, fauna, Laos), a containing country, was made optional as the convention says
    # eighth round (attribution after the fact, no actorless place borrowed from an earlier sentence):
    # 0.877 / 0.558 / 0.972; tenth round (trafficking told by what is done to the victims): 0.867 / 0.581 / 0.973
    # eleventh: 0.887 / 0.616 / 0.974; thirteenth (whom the goods are for, a mine seized, the controller of
    # the goods' site, what a speaker says they do): 0.891 / 0.640 / 0.974; fourteenth (unlisted acronyms
    # of armed bands, a place only saying which border another lies on): 0.908 / 0.663 / 0.974
    # twentieth session (the link-confidence trees fitted again, on o to za too; threshold 0.25): dev_f 0.918 / 0.628 / 0.974
    ("dev_f.jsonl", 0.95, 0.66, 0.97),
    # the former held-out part g, written blind, scored once on the fifth-round frozen rules at
    # 0.462 / 0.351 / 0.469 (fourth-round rules 0.402 / 0.337 / 0.358), now development; sixth round,
    # link rules alone (goods named again in an agentless passive, "the cartel", "le réseau", a drug named
    # only as where laundered money came from, where the reporter sits, the scope of a ranking):
    # 0.490 / 0.361 / 0.521; entity classes alone (levies, zakat, checkpoint fees, per-trip charges at
    # checkpoints, listed towns, coasts): 0.491 / 0.391 / 0.532; both, merged: 0.519 / 0.401 / 0.587
    # seventh round (accents dropped in town names, title-case datelines, a year on a participle read
    # further, vocabulary: stolen crude, whisky, wildlife, forced marriage, migrant boats, prélever une
    # taxe): 0.528 / 0.416 / 0.587
    # eighth round: 0.538 / 0.411 / 0.587; ninth (more words of attribution, places before the actor):
    # 0.558 / 0.421 / 0.604; tenth: 0.592 / 0.500 / 0.667; eleventh: 0.630 / 0.530 / 0.694;
    # thirteenth: 0.714 / 0.515 / 0.768; fourteenth: 0.717 / 0.510 / 0.772; fifteenth 0.710 / 0.505 / 0.754
    # (an alias the city table took for an airport code is a person now, and the gang's weapons go to him)
    # seventeenth session: 0.722 / 0.510 / 0.738
    # nineteenth session (fr_core_news_md as the French parser, its misreadings mended; report vocabulary): 0.735 / 0.530 / 0.727
    # twentieth session (the link-confidence trees fitted again, on o to za too; threshold 0.25): dev_g 0.764 / 0.525 / 0.780
    ("dev_g.jsonl", 0.75, 0.52, 0.79),
    # the former held-out part h, written blind, scored once on the sixth-round frozen rules at
    # 0.514 / 0.362 / 0.412 (fifth-round rules 0.509 / 0.368 / 0.395), now development; seventh round:
    # 0.537 / 0.428 / 0.425; eighth round: 0.558 / 0.441 / 0.452, ninth unchanged; tenth 0.561 / 0.454 / 0.489;
    # eleventh 0.597 / 0.507 / 0.522; thirteenth 0.672 / 0.526 / 0.614; fourteenth 0.683 / 0.539 / 0.630
    # seventeenth session: 0.675 / 0.546 / 0.625
    # nineteenth session (fr_core_news_md as the French parser, its misreadings mended; report vocabulary): 0.724 / 0.605 / 0.755
    # twentieth session (the link-confidence trees fitted again, on o to za too; threshold 0.25): dev_h 0.727 / 0.579 / 0.767
    ("dev_h.jsonl", 0.75, 0.59, 0.82),
    # the former held-out part i, written blind, scored once on the seventh-round frozen rules at
    # 0.425 / 0.348 / 0.650 (sixth-round rules 0.429 / 0.348 / 0.650), now development; eighth round
    # (its largest error class, an activity whose doer is named after it; no actorless place borrowed
    # from an earlier sentence; datelines are not actors): 0.496 / 0.374 / 0.653; ninth: 0.548 / 0.406 / 0.673;
    # tenth: 0.580 / 0.445 / 0.750; eleventh: 0.602 / 0.497 / 0.787; fourteenth: 0.684 / 0.516 / 0.836;
    # fifteenth: 0.692 / 0.523 / 0.812
    # seventeenth session: 0.713 / 0.529 / 0.831; eighteenth: 0.709 / 0.535 / 0.859
    # twentieth session (the link-confidence trees fitted again, on o to za too; threshold 0.25): dev_i 0.712 / 0.510 / 0.898
    ("dev_i.jsonl", 0.73, 0.54, 0.87),
    # the former held-out part j, written blind, scored once on the eighth-round frozen rules at
    # 0.398 / 0.331 / 0.761 (seventh-round rules 0.336 / 0.292 / 0.750), now development; ninth round
    # (words of attribution it showed: ordered, claimed, rented by, "chef présumé", "appartenait à"; the
    # places a sentence names before its actor): 0.445 / 0.370 / 0.689; tenth: 0.486 / 0.429 / 0.739;
    # eleventh: 0.514 / 0.468 / 0.789; fourteenth: 0.565 / 0.474 / 0.803; fifteenth: 0.569 / 0.474 / 0.814
    # seventeenth session: 0.594 / 0.506 / 0.805; eighteenth: 0.586 / 0.500 / 0.803
    # nineteenth session (fr_core_news_md as the French parser, its misreadings mended; report vocabulary): 0.615 / 0.532 / 0.805
    # twentieth session (the link-confidence trees fitted again, on o to za too; threshold 0.25): dev_j 0.629 / 0.500 / 0.859
    ("dev_j.jsonl", 0.74, 0.59, 0.86),
    # the former held-out part k, written blind, scored once on the ninth-round frozen rules at
    # 0.364 / 0.254 / 0.492 (eighth-round rules 0.356 / 0.254 / 0.491), now development; tenth round
    # (people named by trade, goods named again, denials by a third party, bands led by a person,
    # earlier periods named outright, trafficking told by what is done to the victims): 0.468 / 0.349 / 0.657;
    # eleventh round: 0.500 / 0.397 / 0.676; fourteenth: 0.570 / 0.407 / 0.761; fifteenth 0.574 / 0.413 / 0.765
    # seventeenth session: 0.565 / 0.413 / 0.754
    # twentieth session (the link-confidence trees fitted again, on o to za too; threshold 0.25): dev_k 0.576 / 0.381 / 0.787
    ("dev_k.jsonl", 0.60, 0.41, 0.77),
    # the former held-out part l, written blind, scored once on the tenth-round frozen rules at
    # 0.403 / 0.308 / 0.500 (ninth-round rules 0.372 / 0.274 / 0.475), 0.399 / 0.303 / 0.500 after the
    # review's fixes, now development; eleventh round (migrants moved, counterfeits named by their goods,
    # a name and its bracketed acronym, the group named again by its noun, people introduced by a name,
    # hired hands, a cargo's owner on its route, whoever was caught with the goods; then narrowed where a
    # review of the round's code found them matching more than they said): 0.509 / 0.438 / 0.737;
    # fourteenth: 0.581 / 0.448 / 0.814
    # seventeenth session: 0.611 / 0.478 / 0.808
    # nineteenth session (fr_core_news_md as the French parser, its misreadings mended; report vocabulary): 0.699 / 0.532 / 0.844
    # twentieth session (the link-confidence trees fitted again, on o to za too; threshold 0.25): dev_l 0.711 / 0.502 / 0.880
    ("dev_l.jsonl", 0.75, 0.53, 0.86),
    # the former held-out part m, written blind, scored once on the eleventh-round frozen rules at
    # 0.494 / 0.363 / 0.672; the twelfth round fitted the link-confidence trees on it (with the rows of
    # those same rules): 0.541 / 0.363 / 0.729; thirteenth round, its errors read: 0.571 / 0.397 / 0.731,
    # 0.565 / 0.389 / 0.731 once a review narrowed the round's rules (state forces, attribute nouns),
    # 0.555 / 0.389 / 0.721 with the round's goods vocabulary (timber species, fuel, opium, synthetic drugs);
    # fourteenth round (whose the goods are, a wholesaler named after the noun): 0.616 / 0.432 / 0.760;
    # fifteenth: 0.619 / 0.444 / 0.762; seventeenth: 0.615 / 0.444 / 0.753; eighteenth: 0.609 / 0.453 / 0.785
    # nineteenth session (fr_core_news_md as the French parser, its misreadings mended; report vocabulary): 0.629 / 0.479 / 0.782
    # twentieth session (the link-confidence trees fitted again, on o to za too; threshold 0.25): dev_m 0.653 / 0.466 / 0.825
    ("dev_m.jsonl", 0.66, 0.47, 0.82),
    # the former held-out part n, written blind, scored once on the frozen fit of the twelfth round (trees
    # adding co-occurrences: 0.490 / 0.337 / 0.520; rules alone 0.409 / 0.308 / 0.411), then a second time
    # on what ships: 0.430 / 0.288 / 0.442; thirteenth round, its errors read: 0.450 / 0.317 / 0.492, then
    # 0.442 / 0.308 / 0.474 once a review narrowed the round's rules; fourteenth (a denial by counsel, a
    # year that opens the sentence): 0.459 / 0.322 / 0.492; fifteenth: 0.466 / 0.327 / 0.484; seventeenth
    # (actors named by their own noun, "a band calling itself X"): 0.513 / 0.370 / 0.543
    # nineteenth session (fr_core_news_md as the French parser, its misreadings mended; report vocabulary): 0.525 / 0.399 / 0.579
    # twentieth session (the link-confidence trees fitted again, on o to za too; threshold 0.25): dev_n 0.539 / 0.389 / 0.635
    ("dev_n.jsonl", 0.57, 0.40, 0.68),
    # the former held-out part r, written blind, scored once on the fourteenth round's frozen rules at
    # 0.557 / 0.388 / 0.703 (thirteenth round 0.552 / 0.388 / 0.703), then spent: the fifteenth round
    # read its errors: 0.615 / 0.455 / 0.755; seventeenth session: 0.642 / 0.479 / 0.769
    # nineteenth session (fr_core_news_md as the French parser, its misreadings mended; report vocabulary): 0.650 / 0.473 / 0.750
    # twentieth session (the link-confidence trees fitted again, on o to za too; threshold 0.25): dev_r 0.690 / 0.473 / 0.848
    # forty-fifth session (lakes, seas and rivers that cross borders are places): the ELN that "y recrute des
    # adolescents" along the Orinoco now recruits there, a row the gold does not give; the Rif found as a place,
    # the Ben Gardane dealer who bought resin "produite dans le Rif" trades it there too (0.855)
    ("dev_r.jsonl", 0.71, 0.50, 0.85),
    # the former held-out part w (UN panel and mission reports), written blind, scored once on what the
    # fifteenth round shipped at 0.355 / 0.205 / 0.367, then spent: its missing markets were read;
    # seventeenth session, its missing actors read too: 0.404 / 0.238 / 0.444
    # nineteenth session (fr_core_news_md as the French parser, its misreadings mended; report vocabulary): 0.488 / 0.275 / 0.600
    # twentieth session (the link-confidence trees fitted again, on o to za too; threshold 0.25): dev_w 0.482 / 0.286 / 0.597
    ("dev_w.jsonl", 0.52, 0.30, 0.63),
    # Parts o to za, written blind and held out from the twelfth to the nineteenth session (scored after each
    # freeze, their errors never read; their last held-out figures, on the nineteenth session's rules and the
    # trees fitted on f to m: o 0.509 / 0.333 / 0.370, p 0.529 / 0.486 / 0.431, q 0.487 / 0.377 / 0.426,
    # s 0.530 / 0.386 / 0.512, t 0.591 / 0.377 / 0.477, u 0.411 / 0.268 / 0.451, v 0.425 / 0.361 / 0.413,
    # x 0.462 / 0.273 / 0.525, y 0.510 / 0.363 / 0.415, z 0.387 / 0.280 / 0.500, za 0.615 / 0.467 / 0.587),
    # spent in the twentieth session to fit the trees on the rows those rules made of them: the figures below
    # are of trees fitted on them, so flattering; leave-one-part-out over them gave 0.517 / 0.357 / 0.510
    # pooled (nlp/links/confidence/score.py); then members named after "including", "such as", "like" and
    # French levies cashed ("encaissent des droits"): dev_o 0.604 / 0.369 / 0.493 -> 0.606 / 0.373 / 0.500
    # twenty-fourth session: the scorer names an acronym by its entity's fullest name in the paragraph, so a
    # link and its acronym's twin count once (dev_q 0.582 -> 0.575 from that alone)
    ("dev_o.jsonl", 0.62, 0.38, 0.53), ("dev_p.jsonl", 0.59, 0.49, 0.60), ("dev_q.jsonl", 0.57, 0.38, 0.58),
    ("dev_s.jsonl", 0.62, 0.44, 0.72), ("dev_t.jsonl", 0.68, 0.42, 0.61), ("dev_u.jsonl", 0.48, 0.31, 0.53),
    # (twenty-ninth session: dev_v 0.483 / 0.361 / 0.549 -> 0.474 / 0.348 / 0.538, loggers working for a firm that
    # denies now read as the firm's, its denial as disputing them; the actorless rows those links replaced were right)
    # (thirty-seventh session: 0.495 / 0.342 / 0.549 -> 0.478 / 0.348 / 0.509, "les bidons" named again carry
    # the fuel's route on to four right places, each given to « zoua-zoua », the fuel's nickname the NER takes
    # for an actor; docs/NLP.md item 97)
    ("dev_v.jsonl", 0.47, 0.34, 0.50), ("dev_x.jsonl", 0.52, 0.29, 0.69), ("dev_y.jsonl", 0.51, 0.38, 0.49),
    # twenty-fifth session, after its review: dev_za 0.635 / 0.474 / 0.667 (wildlife parts named again and
    # the arrests of its police releases read differently); thirty-third session 0.632 / 0.480 / 0.659: the firm
    # whose dredges mine gold under an army's protection is now an actor, which its gold does not list as a doer
    # there
    ("dev_z.jsonl", 0.47, 0.31, 0.68), ("dev_za.jsonl", 0.63, 0.47, 0.65),
    # Part zo (sanctions designations, written blind in the twenty-fourth session as a development part):
    # 0.346 / 0.205 / 0.527 on the session's first rules, 0.466 / 0.303 / 0.632 once its errors were read
    # (0.452 / 0.295 / 0.610 once the scorer spells out only the acronyms a name's initials make)
    # (twenty-seventh session, with two more parts of the genre read: 0.545 / 0.3598 / 0.685; thirty-second:
    # 0.541 / 0.367 / 0.679, "his cousin invests the proceeds in hotels on the Budva riviera" now reads as the
    # laundering it is, which the gold does not list, docs/NLP.md item 91)
    ("dev_zo.jsonl", 0.54, 0.35, 0.67),
    # Part zq (police, customs and INTERPOL releases, written blind in the twenty-fifth session as a
    # development part): 0.497 / 0.420 / 0.667 on the session's first rules, 0.682 / 0.586 / 0.789 at its
    # freeze once its errors were read, 0.676 / 0.580 / 0.786 after the review
    ("dev_zq.jsonl", 0.67, 0.57, 0.78),
    # Twenty-sixth session: parts zs (newspapers' crime desks) and zt (agencies' own releases), written blind
    # at its start as development parts of the police and customs genre by two helpers: zs 0.364 / 0.295 /
    # 0.720 and zt 0.265 / 0.172 / 0.622 on the session's first rules, 0.488 / 0.358 / 0.800 and 0.362 /
    # 0.227 / 0.771 once their errors were read and the review had narrowed the rules; on the older parts a
    # courier paid "by a man in Kano" now carries the heroin there (dev_v) and dev_m lost a named link
    # (docs/NLP.md, items 74 to 76)
    # (twenty-ninth session: zs 0.488 / 0.358 / 0.800 -> 0.477 / 0.358 / 0.762, a crew that "called itself" X now
    # named, with the market its "processing fees" were misread as)
    ("dev_zs.jsonl", 0.47, 0.35, 0.75), ("dev_zt.jsonl", 0.36, 0.22, 0.77),
    # Twenty-seventh session: parts zv (UN committees' listings) and zw (national sanctions notices), written
    # blind at its start as development parts of the sanctions genre by two helpers: zv 0.479 / 0.257 /
    # 0.701 and zw 0.292 / 0.188 / 0.631 on the session's first rules; after the review and the narrowed
    # "l'intéressé" rule, the figures below (docs/NLP.md, items 77 and 79)
    # (twenty-eighth session: zv 0.558 / 0.289 / 0.733, zw 0.434 / 0.258 / 0.759)
    ("dev_zv.jsonl", 0.55, 0.28, 0.71), ("dev_zw.jsonl", 0.43, 0.25, 0.75),
    # Twenty-eighth session: parts zy (research assessments on Africa) and zz (on the other regions), written
    # blind at its start as development parts of the genre by two helpers: zy 0.549 / 0.216 / 0.300 and zz
    # 0.592 / 0.295 / 0.471 on the session's first rules; after the review 0.583 / 0.239 / 0.333 and 0.634 /
    # 0.330 / 0.583 (docs/NLP.md, items 80 and 82)
    ("dev_zy.jsonl", 0.58, 0.23, 0.33), ("dev_zz.jsonl", 0.63, 0.32, 0.58),
    # Twenty-ninth session: parts zzc (NGO reports on Africa) and zzd (on the other regions), written blind at its
    # start as development parts of the genre by two helpers: zzc 0.372 / 0.263 / 0.424 and zzd 0.438 / 0.234 /
    # 0.486 on the session's first rules and scorer; after the review 0.432 / 0.289 / 0.554 and 0.518 / 0.283 /
    # 0.609 (docs/NLP.md, items 83 and 85)
    ("dev_zzc.jsonl", 0.43, 0.28, 0.55), ("dev_zzd.jsonl", 0.51, 0.28, 0.60)])
def test_development_links_keep_their_figures_and_beat_paragraph_cooccurrence(
        name: str, precision: float, recall: float, named: float) -> None:
    result = _scored_above(name, precision, recall, named, margin=0.08)
    ours, para = result["methods"]["links"], result["methods"]["paragraph_cooccurrence"]
    if name not in ("dev_f.jsonl", "dev_g.jsonl", "dev_h.jsonl", "dev_i.jsonl", "dev_j.jsonl", "dev_k.jsonl",
                    "dev_l.jsonl", "dev_m.jsonl", "dev_n.jsonl", "dev_r.jsonl", "dev_w.jsonl", "dev_o.jsonl",
                    "dev_p.jsonl", "dev_q.jsonl", "dev_s.jsonl", "dev_t.jsonl", "dev_u.jsonl", "dev_v.jsonl",
                    "dev_x.jsonl", "dev_y.jsonl", "dev_z.jsonl", "dev_za.jsonl", "dev_zo.jsonl", "dev_zq.jsonl",
                    "dev_zs.jsonl", "dev_zt.jsonl", "dev_zv.jsonl", "dev_zw.jsonl", "dev_zy.jsonl", "dev_zz.jsonl",
                    "dev_zzc.jsonl", "dev_zzd.jsonl"):
        # written blind: most of their links are still missed
        assert ours["recall"] >= para["recall"]


def test_the_link_gold_set_holds_at_least_150_paragraphs_in_english_and_french() -> None:
    # 3,614 today: 102 + 58 + 66 + 62 + 62 + 64 * 32 development paragraphs and 64 * 19 held out
    names = ("dev.jsonl", "dev_b.jsonl", "dev_c.jsonl", "dev_d.jsonl", "dev_e.jsonl", "dev_f.jsonl", "dev_g.jsonl",
             "dev_h.jsonl", "dev_i.jsonl", "dev_j.jsonl", "dev_k.jsonl", "dev_l.jsonl", "dev_m.jsonl",
             "dev_n.jsonl", "dev_r.jsonl", "dev_w.jsonl", "dev_o.jsonl", "dev_p.jsonl", "dev_q.jsonl",
             "dev_s.jsonl", "dev_t.jsonl", "dev_u.jsonl", "dev_v.jsonl", "dev_x.jsonl",
             "dev_y.jsonl", "dev_z.jsonl", "dev_za.jsonl", "dev_zo.jsonl", "dev_zq.jsonl", "dev_zs.jsonl",
             "dev_zt.jsonl", "dev_zv.jsonl", "dev_zw.jsonl", "dev_zy.jsonl", "dev_zz.jsonl", "dev_zzc.jsonl",
             "dev_zzd.jsonl", "heldout_zc.jsonl",
             "heldout_zd.jsonl",
             "heldout_ze.jsonl", "heldout_zf.jsonl",
             "heldout_zg.jsonl", "heldout_zh.jsonl", "heldout_zi.jsonl", "heldout_zj.jsonl", "heldout_zk.jsonl",
             "heldout_zl.jsonl", "heldout_zm.jsonl", "heldout_zn.jsonl", "heldout_zp.jsonl", "heldout_zr.jsonl",
             "heldout_zu.jsonl", "heldout_zx.jsonl", "heldout_zza.jsonl", "heldout_zzb.jsonl", "heldout_zze.jsonl")
    records = [r for name in names for r in load(GOLD / name)]
    assert len(records) == 3614 and len({r["id"] for r in records}) == 3614  # every paragraph its own id
    assert len(records) >= 150 and {r["lang"] for r in records} == {"en", "fr"}


def test_negated_control_is_kept_with_its_status_and_never_counted() -> None:
    text = "Les combattants empruntent des sentiers que le M23 ne contrôle pas pour sortir l'or de Kamituga."
    links = _links(text, "fr")
    m23 = [x for x in links if x["actor_id"] == "m23"]
    assert m23 and all(x["status"] == "negated" for x in m23)
    assert (None, "non_renewable_resource_crimes", "Kamituga") in _counted(links)
    assert not any(a == "m23" for a, _, _ in _counted(links))


@pytest.mark.parametrize(("text", "lang", "status"), [
    ("If the army leaves, the M23 could tax the cassiterite of Bisie.", "en", "hypothetical"),
    ("Le M23 pourrait contrôler le commerce de l'or à Uvira.", "fr", "hypothetical"),
    ("In 2012, the M23 taxed coltan in Rubaya.", "en", "historical"),
    ("Autrefois, les Maï-Maï contrôlaient les mines d'or de Misisi.", "fr", "historical"),
    ("The FARDC denied smuggling gold from Mongbwalu.", "en", "disputed"),
    ("L'armée malienne dément participer au trafic d'or à Kidal.", "fr", "disputed"),
    ("Twirwaneho fighters do not run any gold mine in Minembwe.", "en", "negated"),
    ("La CODECO n'exploite plus d'or à Djugu.", "fr", "negated"),
    ("Between 2009 and 2013, the FDLR taxed charcoal in Rutshuru.", "en", "historical"),
])
def test_links_that_are_not_asserted_keep_their_status(text: str, lang: str, status: str) -> None:
    named = [x for x in _links(text, lang) if x["actor_id"]]
    assert named and {x["status"] for x in named} == {status}


NRC, EXT = "non_renewable_resource_crimes", "extortion_and_protection_racketeering"


@pytest.mark.parametrize(("text", "lang", "wanted"), [
    # a cut taken with no market named
    ("ISWAP levies taxes on herders in Diffa.", "en", ("iswap", EXT, "Diffa")),
    ("The roads are controlled by Nyatura groups, who charge 20 dollars per motorcycle in Masisi.", "en",
     ("nyatura", EXT, "Masisi")),
    # members of the group act for it
    ("Gunmen from the 400 Mawozo gang kidnapped two nuns in Croix-des-Bouquets.", "en",
     ("400_mawozo", EXT, "Croix-des-Bouquets")),
    ("Men believed to belong to the ADF abducted 12 farmers near Oicha.", "en", ("adf", EXT, "Oicha")),
    ("Les combattants de la CODECO contrôlent les puits d'or de Djugu.", "fr", ("codeco", NRC, "Djugu")),
    ("Le gang Grand Ravine rançonne les commerçants de Martissant.", "fr", ("grand_ravine", EXT, "Martissant")),
    # a hyphenated name is one word, not a sentence break
    ("Anti-balaka fighters abducted a trader near Bouar and demanded a ransom.", "en", ("anti_balaka", EXT, "Bouar")),
    # holding the place of a "where" clause, the protection, the site
    ("Cassiterite is sold in Walikale, where Nyatura fighters levy a fee on every sack.", "en",
     ("nyatura", NRC, "Walikale")),
    ("Charcoal is trucked to Goma under the protection of FDLR commanders.", "en", ("fdlr", "flora_crimes", "Goma")),
    ("The army closed an illegal gold mining site run by CODECO fighters near Djugu.", "en", ("codeco", NRC, "Djugu")),
    # the commodity named again, and carried on
    ("Gold from Mongbwalu is bought by traders in Bunia. The metal is then flown to Entebbe.", "en",
     (None, NRC, "Entebbe")),
    ("Le cannabis est acheminé jusqu'à Uvira, d'où il part pour Bujumbura.", "fr", (None, "cannabis_trade", "Bujumbura")),
    # goods keep their origin ("venue du Nigeria"), people do not
    ("L'essence de contrebande venue du Nigeria est vendue à Niamey.", "fr", (None, NRC, "Nigeria")),
])
def test_participants_and_places_are_read_through_the_constructions_that_name_them(
        text: str, lang: str, wanted: tuple) -> None:
    assert wanted in _counted(_links(text, lang))


@pytest.mark.parametrize(("text", "lang", "place"), [
    ("Le M23 taxe le coltan de Rubaya, selon des commerçants rencontrés à Goma.", "fr", "Goma"),
    ("Global Witness published a study in London on gold smuggling in Ituri.", "en", "London"),
    ("ADF fighters killed nine gold miners near Mambasa.", "en", "Mambasa"),
    # where a suspect was arrested, where traders come from
    ("A trader arrested in Bangui is suspected of supplying ammunition to 3R fighters in Bocaranga.", "en", "Bangui"),
    ("Des commerçants originaires de Bujumbura achètent l'or de Misisi.", "fr", "Bujumbura"),
])
def test_places_of_a_source_a_report_or_an_attack_on_miners_are_not_where_the_trade_happens(
        text: str, lang: str, place: str) -> None:
    assert not any(p == place for _, m, p in _counted(_links(text, lang)) if m != EXT)


def test_enforcers_authors_and_investigators_get_their_own_role() -> None:
    links = _links("According to the UN Group of Experts, ADF fighters sell timber near Beni. "
                   "The PNC arrested four men smuggling gold at the border post of Kasindi. "
                   "Global Witness investigated the coltan trade in Walikale.")
    roles = {x["actor_id"]: x["role"] for x in links if x["actor_id"]}
    assert roles == {"un_goe": "author", "adf": "participant", "pnc": "enforcer", "global_witness": "investigator"}
    counted = _counted(links)
    assert ("adf", "flora_crimes", "Beni") in counted
    assert (None, "non_renewable_resource_crimes", "Kasindi") in counted


def test_a_group_named_in_one_sentence_is_followed_into_the_next_but_not_past_a_blank_line() -> None:
    one = _links("The M23 took Rubaya in April. The group now taxes every kilogram of coltan mined there.")
    assert ("m23", "non_renewable_resource_crimes", "Rubaya") in _counted(one)
    assert any(x["method"].startswith("coref") for x in one if x["actor_id"] == "m23")
    two = _links("The M23 took Rubaya in April.\n\nThe group now taxes every kilogram of coltan mined in Bisie.")
    assert not any(x["actor_id"] == "m23" for x in two)


def test_a_place_that_only_names_who_speaks_is_not_where_the_activity_happens() -> None:
    counted = _counted(_links("Rwanda denies it. Traders in Bukavu say the gold is flown from Bunia to Dubai."))
    places = {p for _, _, p in counted}
    assert "Bukavu" not in places and {"Bunia", "Dubai"} <= places


def test_mentions_get_a_status_and_the_parser_reads_only_sentences_that_can_hold_a_link() -> None:
    parser = get_parser("en")
    seen: list[str] = []
    real = one_sentence_parser(parser)

    def counting(texts: list[str]):
        seen.extend(texts)
        return real(texts)

    text = "Goma is a city. The M23 does not tax coltan at Rubaya. FARDC soldiers visited Goma. Gold is rare."
    (res,) = analyze([DocInput("t", text, "en")], use_gate=False)
    links = build_links(text, res.sentences, res.mentions, counting, "COD", lang="en")
    assert sorted(relevant_sentences(res.mentions)) == [1]
    assert len(seen) == 1 and "coltan" in seen[0]
    assert {m["status"] for m in res.mentions if m["sent_idx"] == 1} == {"negated"}
    assert all(x["status"] == "negated" for x in links if x["actor_id"] == "m23")


def test_masking_names_keeps_every_mention_on_its_words() -> None:
    row = {"sent_idx": 0, "start_char": 10, "text": "L'UPC taxe l'or de Ndassima."}
    ms = [{"kind": "actor", "start_char": 12, "end_char": 15}, {"kind": "commodity", "start_char": 23,
                                                                 "end_char": 25},
          {"kind": "location", "start_char": 29, "end_char": 37}]
    text, offsets = masked(row, ms, "fr")
    assert text == "Le groupe taxe l'or de Ndassima."
    assert [text[slice(*offsets[id(m)])] for m in ms] == ["Le groupe", "or", "Ndassima"]


def test_rules_only_languages_keep_sentence_cooccurrence_with_lexical_status() -> None:
    links = _links("El Tren de Aragua no controla el contrabando de oro en Venezuela.", "es")
    assert links and {x["method"] for x in links} == {"cooccurrence"}
    assert lexical_status("The army did not seize anything.") == "negated"
    assert lexical_status("Gold is traded in Bunia.") == "asserted"


def test_extract_text_writes_link_lines_and_takes_its_input_as_a_positional_argument(tmp_path: Path) -> None:
    inp = tmp_path / "in.jsonl"
    inp.write_text(json.dumps({"id": "d", "lang": "en",
                               "text": "Wazalendo militias are taxing coltan at Rubaya, traders said."}) + "\n")
    cli = [sys.executable, "-m", "ocwatch.cli", "extract-text", str(inp)]
    out = subprocess.run(cli, capture_output=True, text=True, check=True).stdout
    lines = [json.loads(line) for line in out.splitlines()]
    links = [r for r in lines if r["kind"] == "link"]
    assert links and all(tuple(r) == LINK_FIELDS for r in links)
    assert any(r["actor_surface"] == "Wazalendo" and r["place_surface"] == "Rubaya" and r["status"] == "asserted"
               and r["role"] == "participant" for r in links)
    mentions = [r for r in lines if r["kind"] != "link"]
    assert mentions and all(r["sent_idx"] == 0 and r["status"] == "asserted" for r in mentions)
    buf = io.StringIO()
    assert run(str(inp), buf) == 0 and buf.getvalue() == out


def test_warehouse_counts_only_asserted_links_of_participants_and_asserted_mentions(tmp_path: Path) -> None:
    day = dt.date(2026, 11, 16)
    s = SampleLake(str(tmp_path / "lake"))
    kw = {"market": "arms_trafficking", "commodity": "arms", "country": "COD", "place_id": "domain:rubaya",
          "partition": day}
    s.doc("yes", "sa", day - dt.timedelta(days=5), actor_id="m23", status="asserted", role="participant", **kw)
    s.doc("old", "sa", day - dt.timedelta(days=5), actor_id="rdf", **kw)  # written before statuses
    s.doc("neg", "sa", day - dt.timedelta(days=5), actor_id="fardc", status="negated", role="participant", **kw)
    s.doc("vic", "sa", day - dt.timedelta(days=5), actor_id="adf", status="asserted", role="victim", **kw)
    s.doc("hyp", "sa", day - dt.timedelta(days=5), market="extortion_and_protection_racketeering",
          commodity=None, country="HTI", status="hypothetical")
    s.write()
    sources = [{"id": "sa", "name": "A", "kind": "feed", "url": "https://sa.example", "language": "en",
                "reliability": "A", "countries": ["COD", "HTI"]}]
    path = build_warehouse(str(tmp_path / "lake"), tmp_path / "w.duckdb", day, sources)
    con = duckdb.connect(str(path), read_only=True)
    try:
        actors = {r[0] for r in con.execute("select actor_id from new_links").fetchall()}
        assert actors == {"m23", "rdf"}
        assert con.execute("select coalesce(sum(documents), 0) from market_activity_weekly "
                           "where country_iso3 = 'HTI'").fetchone() == (0,)
        docs = {r[0] for r in con.execute("select doc_id from evidence where indicator = 'new_links'").fetchall()}
        assert docs == {"yes", "old"}
    finally:
        con.close()


@pytest.mark.parametrize(("text", "lang", "kept", "dropped"), [
    # goods carried by the person arrested were at the arrest place
    ("Customs officers arrested a Malian national at Bamako airport carrying 3 kg of cocaine.", "en",
     "Bamako", None),
    # a person arrested for an activity the sentence places elsewhere: the arrest place is not the activity's
    ("A Congolese trader arrested in Kasumbalesa is accused of selling gold from mines in Likasi.",
     "en", "Likasi", "Kasumbalesa"),
    ("Les douaniers ont arrêté à Kousséri deux trafiquants d'armes qui opéraient entre Maroua et Mora.", "fr",
     "Maroua", "Kousséri"),
])
def test_an_arrest_place_is_the_activity_s_only_when_the_goods_were_there_or_no_other_place_is_named(
        text: str, lang: str, kept: str, dropped: str | None) -> None:
    places = {p for _, _, p in _counted(_links(text, lang))}
    assert kept in places and dropped not in places


def test_goods_resold_in_a_relative_clause_are_placed_there() -> None:
    places = {p for _, _, p in _counted(_links("À Zémio, des braconniers tuent des éléphants pour leur ivoire, "
                                                "qu'ils revendent ensuite à Birao.", "fr"))}
    assert "Birao" in places


def test_no_document_country_link_when_the_sentence_names_places_that_are_ruled_out() -> None:
    links = _links("Des orpailleurs venus du Burkina Faso exploitent une mine d'or. Le Mali est touché.", "fr")
    assert not any(x["method"].endswith("document_country") for x in links if x["sent_idx"] == 0)


@pytest.mark.parametrize(("text", "lang", "status"), [
    # a year on a participle dates the participle; the clause goes on in the present
    ("Des kalachnikovs pillées dans les arsenaux libyens en 2011 sont encore vendues à Gao.", "fr", "asserted"),
    ("Rifles looted from Libyan arsenals in 2011 are still sold in Gao.", "en", "asserted"),
    # a year on the clause's own verb still makes it past ("Gold mined in Ituri in 2015 was sold in Kampala"
    # was here, read on a parse that made "mined" the verb; its year is on the participle)
    ("Des armes ont été vendues à Gao en 2011.", "fr", "historical"),
    ("Gold from Ituri was sold in Kampala in 2015.", "en", "historical"),
])
def test_a_year_inside_a_participle_does_not_make_the_present_clause_historical(
        text: str, lang: str, status: str) -> None:
    assert {x["status"] for x in _links(text, lang) if x["place_surface"] in ("Gao", "Kampala")} == {status}


@pytest.mark.parametrize(("text", "lang", "wanted"), [
    # a coordinated clause with its own subject keeps its own status, and "its fighters" is the group named before
    ("ISWAP did not attack Monguno this week, but its fighters still tax fishermen near Kukawa.", "en",
     ("iswap", EXT, "Kukawa")),
    ("Le FPRC n'a pas attaqué Ndélé ce mois-ci, mais ses combattants rançonnent toujours les éleveurs "
     "entre Birao et Ouanda Djallé.", "fr", ("fprc", EXT, "Birao")),
    # the group that was dismantled still has its cells
    ("Le Tren de Aragua a été démantelé à Tocorón en 2023, mais ses cellules pratiquent toujours "
     "l'extorsion à Quito.", "fr", ("tren_de_aragua", EXT, "Quito")),
])
def test_a_possessive_subject_of_a_later_clause_is_the_group_named_in_an_earlier_one(
        text: str, lang: str, wanted: tuple) -> None:
    counted = _counted(_links(text, lang))
    assert wanted in counted and (None, wanted[1], wanted[2]) not in counted


def test_a_place_after_while_or_tandis_que_is_not_the_earlier_clause_s() -> None:
    counted = _counted(_links("The ADF taxes cocoa traders in Eringeti, while Mai-Mai fighters run checkpoints "
                              "near Lubero."))
    assert ("adf", EXT, "Lubero") not in counted
    counted = _counted(_links("Le M23 taxe le coltan à Rubaya, tandis que les Wazalendo rackettent les "
                              "pêcheurs à Kirumba.", "fr"))
    assert ("m23", "non_renewable_resource_crimes", "Kirumba") not in counted
    assert ("m23", EXT, "Kirumba") not in counted
    assert ("wazalendo", "non_renewable_resource_crimes", "Rubaya") not in counted


def test_the_name_after_an_attribution_and_its_comma_is_the_subject_not_a_second_source() -> None:
    links = _links("Selon Amnesty International, Boko Haram vend des armes à Bama.", "fr")
    roles = {x["actor_id"]: x["role"] for x in links if x["actor_id"]}
    assert roles.get("boko_haram") == "participant" and "author" in {r for a, r in roles.items() if "amnesty" in a}


def test_a_french_tax_verb_left_unlemmatised_still_takes_a_cut() -> None:
    counted = _counted(_links("Les Wazalendo ont pris Nyabibwe en mars. Depuis, le mouvement y taxe chaque "
                              "sac de cassitérite.", "fr"))
    assert {x[1] for x in counted if x[2] == "Nyabibwe"} >= {EXT}


def test_a_where_clause_asserts_its_activity_at_a_place_named_in_a_negated_clause() -> None:
    links = _links("The Kokorat gang does not hold the wharf of Miragoâne, where coastguards seized 60 pistols "
                   "last month.")
    assert {x["status"] for x in links if x["place_surface"] == "Miragoâne" and x["actor_id"] is None} == {"asserted"}


@pytest.mark.parametrize(("text", "lang", "robbed"), [
    ("Grenades stolen from the armouries of the Malian army are sold at the market in Gao.", "en", "fama"),
    ("Des kalachnikovs pillées dans les casernes de l'armée tchadienne sont revendues à Abéché.", "fr",
     "unknown:chadian army")])
def test_the_one_goods_were_stolen_from_is_a_victim_not_a_trafficker(text: str, lang: str, robbed: str) -> None:
    links = _links(text, lang)
    assert any(x["actor_id"] == robbed and x["role"] == "victim" for x in links)
    assert not any(a == robbed for a, _, _ in _counted(links))
    assert any(a is None and m == "arms_trafficking" for a, m, _ in _counted(links))


def test_a_thief_named_as_agent_or_subject_still_takes_part() -> None:
    links = _links("Les armes volées par les hommes de la CODECO sont revendues à Djugu.", "fr")
    assert ("codeco", "arms_trafficking", "Djugu") in _counted(links)


ARMS, FLORA = "arms_trafficking", "flora_crimes"


@pytest.mark.parametrize(("text", "lang", "wanted", "unwanted"), [
    # an apposition on the subject, and the conjunct verb the activity stands under (not "charges")
    ("The M23, the largest rebel movement in North Kivu, charges traders in Rubaya a weekly fee and hides coltan "
     "in trucks leaving for Gisenyi.", "en", ("m23", NRC, "Gisenyi"), ("m23", EXT, "Gisenyi")),
    # the owner of the site or the goods, the one the activity is done for, the one goods are sold to
    ("Soldiers destroyed a cannabis plantation near Beni that officials said belonged to the ADF.", "en",
     ("adf", "cannabis_trade", "Beni"), (None, "cannabis_trade", "Beni")),
    ("Un réseau faisait passer des munitions vers Ndélé pour le compte du FPRC.", "fr", ("fprc", ARMS, "Ndélé"), None),
    ("Les fusils étaient revendus aux combattants de la CODECO à Bunia.", "fr", ("codeco", ARMS, "Bunia"), None),
    # the one a recurring payment or protection money is paid to takes a cut
    ("Diggers at Misisi say they pay FDLR fighters a monthly contribution.", "en", ("fdlr", EXT, "Misisi"), None),
    ("Herders in Diffa say they pay ISWAP fighters for protection.", "en", ("iswap", EXT, "Diffa"), None),
    ("Les creuseurs de Kamituga versent chaque semaine deux grammes d'or aux combattants du M23.", "fr",
     ("m23", EXT, "Kamituga"), None),
])
def test_owners_principals_recipients_and_payees_take_part(
        text: str, lang: str, wanted: tuple, unwanted: tuple | None) -> None:
    counted = _counted(_links(text, lang))
    assert wanted in counted and unwanted not in counted


def test_an_activity_with_a_named_participant_is_not_also_counted_without_it() -> None:
    counted = _counted(_links("FDLR fighters produce charcoal in Rutshuru. Charcoal is also produced illegally "
                              "in Rutshuru."))
    assert ("fdlr", FLORA, "Rutshuru") in counted and (None, FLORA, "Rutshuru") not in counted


@pytest.mark.parametrize(("text", "lang", "status"), [
    # an opener before a past event puts the main clause before it; one before a coming event does not
    ("Before the army retook the town in 2021, the M23 taxed coltan in Rubaya.", "en", "historical"),
    ("Avant cela, les FDLR contrôlaient les mines d'or de Misisi.", "fr", "historical"),
    ("Before the trucks leave Rubaya, the M23 taxes every bag of coltan.", "en", "asserted"),
    # what somebody fears or expects has not happened
    ("Civil society fears that the ADF will take over the gold mines near Beni.", "en", "hypothetical"),
    ("La société civile redoute que la CODECO ne s'empare des mines d'or de Djugu.", "fr", "hypothetical"),
])
def test_openers_before_a_past_event_and_fears_give_the_status(text: str, lang: str, status: str) -> None:
    named = [x for x in _links(text, lang) if x["actor_id"] and x["role"] == "participant"]
    assert named and {x["status"] for x in named} == {status}


def test_an_accusation_denied_in_the_next_sentence_is_disputed_and_the_accuser_is_its_source() -> None:
    links = _links("La MONUSCO accuse le M23 de faire passer de l'or vers Gisenyi. Le M23 a toujours démenti.", "fr")
    assert {x["role"] for x in links if x["actor_id"] == "monusco"} == {"author"}
    assert {x["status"] for x in links if x["actor_id"] == "m23"} == {"disputed"}
    assert not _counted(links)


@pytest.mark.parametrize(("text", "lang", "kept", "dropped"), [
    # a dateline's country, and the town where a report came out
    ("BUKAVU, Congo, 3 May (Reuters) - The M23 smuggles coltan from Rubaya to Gisenyi.", "en", "Rubaya", "Congo"),
    ("ADF fighters sell timber near Beni, according to a report by Global Witness released in London. "
     "Charcoal is also sold.", "en", "Beni", "London"),
    # a suspect caught in one place, named in a fronted participle
    ("Arrested in Goma last week, a trader is suspected of smuggling gold to Kampala.", "en", "Kampala", "Goma"),
])
def test_datelines_report_towns_and_arrest_places_are_not_where_the_activity_happens(
        text: str, lang: str, kept: str, dropped: str) -> None:
    places = {p for _, _, p in _counted(_links(text, lang))}
    assert kept in places and dropped not in places


def test_where_a_seller_was_caught_is_not_where_the_group_he_sold_to_acts() -> None:
    counted = _counted(_links("Police arrested a man in Bunia suspected of selling rifles to CODECO fighters."))
    assert not any(a == "codeco" for a, _, p in counted if p == "Bunia")


@pytest.mark.parametrize(("text", "lang", "wanted"), [
    # a denial does not reach a coordinated clause with its own subject
    ("Gold is dug by hand at Misisi. The cooperative denied that armed groups work at its sites, but diggers "
     "stated that they paid FDLR fighters a weekly contribution.", "en", ("fdlr", EXT, "Misisi")),
    # who runs the shops that sell, the group the goods went through
    ("Shops run by CODECO fighters sell gold and ivory to traders in Bunia.", "en", ("codeco", "fauna_crimes", "Bunia")),
    ("Traders smuggle coltan from Rubaya to Gisenyi through the M23.", "en", ("m23", NRC, "Gisenyi")),
    # felling or killing the commodity itself is the activity, not an attack
    ("Les combattants de la CODECO abattent du bois rouge près de Djugu.", "fr", ("codeco", FLORA, "Djugu")),
    # "it" in what a group says is the group
    ("The M23 said in a statement that it taxes every kilogram of coltan mined in Rubaya.", "en",
     ("m23", EXT, "Rubaya")),
])
def test_denials_stop_at_a_new_clause_and_runners_conduits_fellers_and_self_reports_take_part(
        text: str, lang: str, wanted: tuple) -> None:
    assert wanted in _counted(_links(text, lang))


def test_a_dateline_is_cut_before_parsing_its_town_and_agency_take_no_part() -> None:
    counted = _counted(_links("BUNIA, 4 June (Reuters) - CODECO fighters smuggle gold from Mongbwalu to Aru."))
    assert ("codeco", NRC, "Mongbwalu") in counted
    assert not any(a and "reuters" in a for a, _, _ in counted) and "BUNIA" not in {p for _, _, p in counted}


@pytest.mark.parametrize(("text", "lang", "source"), [
    ("Gold is mined at Mongbwalu by diggers interviewed by Reuters.", "en", "reuters"),
    ("L'or est extrait à Mongbwalu par des creuseurs joints par RFI.", "fr", "rfi")])
def test_who_reached_or_interviewed_the_sources_is_their_author(text: str, lang: str, source: str) -> None:
    links = _links(text, lang)
    assert {x["role"] for x in links if x["actor_id"] and source in x["actor_id"]} == {"author"}
    assert (None, NRC, "Mongbwalu") in _counted(links)


def test_a_place_named_to_locate_another_is_not_what_the_paragraph_refers_back_to() -> None:
    counted = _counted(_links("Coltan is mined at Rubaya, in Masisi territory. The M23 taxes every bag."))
    assert ("m23", EXT, "Rubaya") in counted and ("m23", EXT, "Masisi") not in counted


@pytest.mark.parametrize(("text", "lang", "wanted"), [
    ("In Masisi, Nyatura fighters make traders pay a fee at every roadblock.", "en", ("nyatura", EXT, "Masisi")),
    ("À Walikale, les combattants du NDC-R font payer une taxe aux creuseurs.", "fr", ("ndc_r", EXT, "Walikale"))])
def test_who_makes_others_pay_takes_the_cut(text: str, lang: str, wanted: tuple) -> None:
    assert wanted in _counted(_links(text, lang))


@pytest.mark.parametrize(("text", "lang"), [
    ("In Djugu, CODECO lets diggers work the pits in exchange for a share of the gold.", "en"),
    ("La CODECO laisse les creuseurs exploiter les puits de Djugu en échange d'une part de l'or.", "fr")])
def test_who_lets_others_work_for_a_share_takes_a_cut(text: str, lang: str) -> None:
    assert ("codeco", EXT, "Djugu") in _counted(_links(text, lang))


def test_a_commodity_that_only_names_a_site_keeps_to_the_site_s_places() -> None:
    counted = _counted(_links("In the gold mining camps of Mambasa, girls recruited in Kampala are forced into "
                              "prostitution."))
    assert (None, "human_trafficking", "Kampala") in counted
    assert (None, NRC, "Mambasa") in counted and (None, NRC, "Kampala") not in counted


@pytest.mark.parametrize(("text", "lang", "wanted"), [
    ("Militias of the FDLR protect the charcoal kilns of Rutshuru and take a share of the profits.", "en",
     ("fdlr", FLORA, "Rutshuru")),
    ("Des miliciens de la CODECO protègent les puits d'or de Djugu.", "fr", ("codeco", NRC, "Djugu"))])
def test_a_group_whose_militias_protect_the_site_takes_part(text: str, lang: str, wanted: tuple) -> None:
    assert wanted in _counted(_links(text, lang))


@pytest.mark.parametrize(("text", "lang", "wanted"), [
    ("Investigators say the CJNG sold assault rifles to buyers in Tijuana last year. The rifles were hidden in "
     "trucks travelling from Guadalajara to Mexicali.", "en", ("cjng", "arms_trafficking", "Mexicali")),
    ("Selon les enquêteurs, la CODECO a vendu des fusils d'assaut à des trafiquants de Bunia. Les fusils étaient "
     "cachés dans des camions venant de Mahagi.", "fr", ("codeco", "arms_trafficking", "Mahagi")),
])
def test_goods_named_again_in_a_passive_keep_the_group_that_traded_them(text: str, lang: str, wanted: tuple) -> None:
    assert wanted in _counted(_links(text, lang))


def test_goods_named_again_with_a_new_agent_are_not_given_to_the_earlier_group() -> None:
    links = _links("Investigators say the CJNG sold assault rifles to buyers in Tijuana last year. The rifles were "
                   "seized by soldiers in Mexicali.")
    assert not any(x["actor_id"] == "cjng" and x["place_surface"] == "Mexicali" for x in links)


@pytest.mark.parametrize(("text", "lang", "wanted"), [
    ("The CJNG took over the port of Manzanillo in 2021. The cartel now moves cocaine through Veracruz.", "en",
     ("cjng", "cocaine_trade", "Veracruz")),
    ("La CODECO contrôle Mongbwalu depuis mars. Le réseau exporte illégalement de l'or vers Kampala.", "fr",
     ("codeco", "non_renewable_resource_crimes", "Kampala")),
])
def test_a_group_named_again_by_the_kind_of_group_it_is_keeps_its_name(text: str, lang: str, wanted: tuple) -> None:
    assert wanted in _counted(_links(text, lang))


@pytest.mark.parametrize(("text", "lang"), [
    ("Members of the Sinaloa Cartel laundered cocaine profits through real estate in Marbella.", "en"),
    ("Selon le rapport, des fonds issus du trafic de cocaïne ont été blanchis dans des villas à Saly.", "fr"),
])
def test_a_drug_named_only_as_where_the_money_came_from_takes_no_place_of_the_laundering(text: str, lang: str) -> None:
    counted = _counted(_links(text, lang))
    assert any(m == "financial_crimes" for _, m, _ in counted)
    assert not any(m == "cocaine_trade" for _, m, _ in counted)


@pytest.mark.parametrize(("text", "lang"), [
    ("Dans le territoire de Djugu, les combattants de la CODECO taxent les orpailleurs de Lopa, rapporte notre "
     "correspondant à Bunia.", "fr"),
    ("In Djugu territory, CODECO fighters tax gold diggers at Lopa, our correspondent in Bunia reports.", "en"),
])
def test_where_the_reporter_sits_is_not_where_the_activity_happens(text: str, lang: str) -> None:
    places = {p for _, _, p in _counted(_links(text, lang))}
    assert "Bunia" not in places and places


@pytest.mark.parametrize(("text", "lang", "site", "scope"), [
    ("The market in Tepito, one of the busiest in Mexico, sells cocaine.", "en", "Tepito", "Mexico"),
    ("À Marseille, le point de deal de la Castellane, l'un des plus rentables de France, génère chaque jour des "
     "milliers d'euros de ventes de cannabis.", "fr", "Marseille", "France"),
])
def test_the_scope_of_a_ranking_is_not_where_the_activity_happens(text: str, lang: str, site: str, scope: str) -> None:
    places = {p for _, _, p in _counted(_links(text, lang))}
    assert site in places and scope not in places


def test_bootstrap_intervals_hold_the_figure_and_narrow_as_paragraphs_are_added() -> None:
    def part(n: int) -> list[dict[str, float]]:
        # half the paragraphs have their one link right, half wrong; recall found 1 of 2 in every one
        return [{"right": i % 2, "pred": 1, "found": 1, "gold": 2, "named_right": i % 2, "named_pred": 1}
                for i in range(n)]

    small, large = intervals(part(40), 500), intervals(part(400), 500)
    assert small["recall"] == (0.5, 0.5)  # the same in every paragraph: no spread to draw
    assert small["precision"][0] < 0.5 < small["precision"][1]
    assert large["precision"][1] - large["precision"][0] < (small["precision"][1] - small["precision"][0]) / 2
    assert intervals([{"right": 1, "pred": 1, "found": 1, "gold": 1, "named_right": 0, "named_pred": 0}] * 5,
                     100)["precision"] == (1.0, 1.0)
    # a draw of only paragraphs with nothing predicted has no precision: it does not widen the interval
    right, empty = ({"right": r, "pred": r, "found": r, "gold": 1, "named_right": 0, "named_pred": 0} for r in (1, 0))
    assert intervals([right, empty], 200)["precision"] == (1.0, 1.0)


def test_the_scorer_pools_parts_and_prints_their_intervals(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    for path, i, text in ((one, "a", "The M23 taxes coltan in Rubaya."), (two, "b", "Le M23 taxe le coltan à Rubaya.")):
        lang = "en" if path is one else "fr"
        path.write_text(json.dumps({"id": i, "lang": lang, "text": text, "links": [
            {"actor": "M23", "market": "non_renewable_resource_crimes", "place": "Rubaya"}],
            "traps": [], "optional": []}) + "\n", encoding="utf-8")
    main(["--pooled", "--bootstrap", "50", str(one), str(two)])
    out = capsys.readouterr().out
    assert f"{one} + {two}: 2 paragraphs" in out and "95% interval" in out
    assert re.search(r"^links\s+2\s+\d+\s+[01]\.\d{3}", out, re.M)  # the gold of both files, one table


def test_pooled_parts_that_share_a_paragraph_id_are_refused_by_name(tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    for path in (one, two):
        path.write_text(json.dumps({"id": "p01", "lang": "en", "text": f"{path.stem}.", "links": [], "traps": [],
                                    "optional": []}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"one\.jsonl \+ .*two\.jsonl: paragraph ids used twice.*p01"):
        evaluate_links(one, two)
