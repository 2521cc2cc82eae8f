"""Boosted regression trees stored as plain JSON, evaluated without the library that fitted them.

The file (model.json) holds the feature names, the starting log-odds, the
learning rate and, for each tree, parallel lists as scikit-learn keeps them
(feature, threshold, left, right, value; a leaf has left == -1). train.py
writes it; nothing here imports scikit-learn, so the pipeline does not need it.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

MODEL = Path(__file__).with_name("model.json")


@dataclass(frozen=True)
class Forest:
    features: tuple[str, ...]
    init: float
    learning_rate: float
    trees: tuple[dict[str, list[Any]], ...]

    def log_odds(self, x: dict[str, float]) -> float:
        """The ensemble's raw score of one candidate's features (absent features are 0)."""
        total = self.init
        for t in self.trees:
            node = 0
            while t["left"][node] != -1:
                value = x.get(self.features[t["feature"][node]], 0.0)
                node = t["left"][node] if value <= t["threshold"][node] else t["right"][node]
            total += self.learning_rate * t["value"][node]
        return total

    def probability(self, x: dict[str, float]) -> float:
        return 1.0 / (1.0 + math.exp(-self.log_odds(x)))

    @cached_property
    def version(self) -> str:
        """'gbt-' and 12 hex digits of the SHA-256 of the trees as train.py writes them (model.json without
        its newline): stored with every confidence, so a count traces to the trees that allowed it."""
        body = json.dumps(self.to_dict(), separators=(",", ":")).encode()
        return "gbt-" + hashlib.sha256(body).hexdigest()[:12]

    def to_dict(self) -> dict[str, Any]:
        return {"features": list(self.features), "init": self.init, "learning_rate": self.learning_rate,
                "trees": list(self.trees)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Forest:
        return cls(tuple(d["features"]), float(d["init"]), float(d["learning_rate"]), tuple(d["trees"]))


@cache
def load(path: Path = MODEL) -> Forest:
    """The shipped model, read once."""
    return Forest.from_dict(json.loads(path.read_text(encoding="utf-8")))
