"""What an actor id says of where the actor came from.

Listed actors (reference/actors.csv) have plain ids ("m23", "codeco"). The NLP adds
two kinds the list lacks: a model's organisation or person, ``unknown:<name>``, and
an organisation the text names by its noun ("the X gang", "la société X"),
``named:<actor type>:<slug>`` (nlp/groups.py). Reports rank listed actors first and
feedback merges only extracted ones into a listed actor, so both read this one rule.
"""

from __future__ import annotations

EXTRACTED_PREFIXES = ("unknown:", "named:")


def is_extracted(actor_id: str) -> bool:
    """An actor the NLP found that the reference list lacks."""
    return actor_id.startswith(EXTRACTED_PREFIXES)


def extracted_name(actor_id: str) -> str:
    """The name an extracted actor id carries: 'unknown:lions du kivu', 'named:gang:kokorat-san-ras'."""
    if actor_id.startswith("named:"):
        return actor_id.split(":", 2)[-1].replace("-", " ")
    return actor_id.removeprefix("unknown:")
