"""How much to trust each link: a model learned on the link gold set re-reads the rules' links.

The rules (nlp/links) decide roles and statuses from the parse; this room scores
every actor x market x place that a paragraph could state (the rules' links and
paragraph co-occurrence) and gives each link a ``confidence``. Only links at or
above ``THRESHOLD`` count in indicators; a co-occurrence the model trusts that
no rule produced becomes a link with method ``learned``. features.py describes a
candidate, forest.py evaluates the stored trees, score.py applies them, train.py
fits them on the gold (docs/NLP.md, "Link confidence").
"""

from ocwatch.nlp.links.confidence.score import THRESHOLD, with_confidence

__all__ = ["THRESHOLD", "with_confidence"]
