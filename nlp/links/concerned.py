""""L'intéressé": French legal and sanctions texts name again the person a decision concerns ("les avoirs de M.
X sont gelés ... l'intéressé organise l'importation"). It refers back to that person only: a person named in a
sentence that freezes, lists, designates or sanctions, not the last actor named (a prosecutor who "a requis
dix ans contre le trafiquant", a man who threatened a journalist "l'intéressée" then tells of)."""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Token

from ocwatch.nlp.links.tree import low

Row = dict[str, Any]

_DECISION = re.compile(r"\b(?:gel(?:é|és|ée|ées)?|avoirs|inscri(?:t|te|ts|tes|re|ption)|désign(?:é|ée|és|ées|e)|"
                       r"sanctionn(?:é|ée|és|ées|e)|mesures restrictives|radi(?:é|ée|ation)|entrée)\b", re.I)
_WORDS = frozenset({"intéressé", "intéressée"})


def concerned(subject: Token | None) -> bool:
    """The subject is "l'intéressé(e)"."""
    return subject is not None and low(subject) in _WORDS and any(low(c) in ("l'", "le", "la") for c in subject.children)


def decided_on(text: str, actors: list[tuple[Row, int]]) -> list[Row]:
    """The person (a name no list holds) a sentence that freezes, lists or sanctions names first after its
    first cue ("a ajouté à la liste X, officier de la Garde nationale": X); ``actors``: each with its offset
    in ``text``."""
    cue = _DECISION.search(text)
    if cue is None:
        return []
    after = [(at, a) for a, at in actors if at >= cue.start() and (a.get("entity_id") or "").startswith("unknown:")]
    return [min(after, key=lambda x: x[0])[1]] if after else []
