"""Every link gets the model's confidence; below the threshold it stays in the output and does not count.

The model only takes away: a link still comes from a rule that read the parse,
and keeps that rule's status and role (the model never makes a negated or
victim link count). Co-occurrences the model trusts are not added: in
cross-validation at 0.30 they raised recall by 6 points and cost 10 of
named-actor precision, and they undid readings the rules get right on purpose
(a place named only as where a source sits, an arrest place): docs/NLP.md,
items 35 to 39.
"""

from __future__ import annotations

from typing import Any

from ocwatch.nlp.links.confidence import features as fx
from ocwatch.nlp.links.confidence.forest import Forest, load

Row = dict[str, Any]
# Leave-one-part-out over parts o to za (each read by rules never tuned on it, the trees fitted on the other
# eighteen parts): F1 is flat from 0.10 to 0.25 (0.424 to 0.423), so the highest threshold within 0.002 of the
# best, since a link that reaches a mission leader should rather be missed than wrong: 0.517 / 0.357 / 0.510
# there, against 0.485 / 0.377 / 0.458 at 0.15 and the rules' 0.460 / 0.382 / 0.423 (train.py)
THRESHOLD = 0.25


def counts(link: Row, threshold: float = THRESHOLD) -> bool:
    """What an indicator counts: asserted, a participant or no actor, and trusted enough (no confidence, as
    in rules-only languages and rows written before the trees: trusted, as the warehouse reads NULL)."""
    confidence = link.get("confidence")
    return fx.rule_counts(link) and (confidence is None or confidence >= threshold)


def with_confidence(text: str, sentences: list[Row], mentions: list[Row], links: list[Row], lang: str,
                    model: Forest | None = None) -> list[Row]:
    """The rules' links, each with ``confidence`` (the model's probability that the text states it) and
    ``confidence_model`` (the version of the trees that gave it)."""
    model = model or load()
    if not links:
        return []
    cands = fx.candidates(text, sentences, mentions, links, every=False)
    fx.describe(cands, text, lang, only_ruled=True)
    trust = {c.key: round(model.probability(c.features), 4) for c in cands.values() if c.rule_links}
    return [{**x, "confidence": trust[fx.key_of(x)], "confidence_model": model.version} for x in links]
