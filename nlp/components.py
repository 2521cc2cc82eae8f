"""spaCy components (registered factories) that add the taxonomy to the statistical NER: markets
(nlp/market_mentions.py), places (nlp/place_mentions.py) and actors (nlp/actors.py), in that order,
so a known actor wins an overlap. Importing this module registers the three factories.

Each component appends spans to ``doc.spans[SPAN_KEY]``: ``label_`` is the kind
(commodity, location, actor), ``kb_id_`` the taxonomy id and ``id_`` how it
was found (ruler, lemma, ner, ner+gazetteer). Only ids travel on the spans;
markets, actor types and coordinates are looked up from the ids when the
rows are written (nlp/rows.py), so the taxonomy is read in one place.
"""

from __future__ import annotations

import re

from spacy.language import Language

from ocwatch.nlp import (
    actors,  # noqa: F401  (registers the ocw_actors factory)
    config,
    market_mentions,  # noqa: F401  (registers the ocw_markets factory)
    place_mentions,  # noqa: F401  (registers the ocw_places factory)
)


def split_joined_acronyms(nlp: Language) -> None:
    """Let the tokenizer split "AFC_M23" and "JNIM_GSIM" as it splits "AFC/M23", so each
    acronym is a token the actor matcher can find."""
    current = nlp.tokenizer.infix_finditer
    pattern = current.__self__.pattern if current is not None else ""
    nlp.tokenizer.infix_finditer = re.compile("|".join(p for p in (pattern, config.JOINED_ACRONYM_INFIX) if p)).finditer
