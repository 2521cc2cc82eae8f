"""Who an arrest holds. The one the police, an army or customs arrest is whom the next "il" or "he"
tells of, not who arrests; whom an armed group detains is its victim, and the group stays the one the
next sentence tells of ("M23 rebels detained a trader. They then sold his coltan")."""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Span, Token

from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.kinds import kind_of
from ocwatch.nlp.links.tree import is_word

Row = dict[str, Any]

# Arresting or convicting someone ("charges" is also a levy): the one arrested, not who arrests, is whom the
# next "il" or "he" tells of
# ("ont arrêté un trafiquant, Emmanuel Ngono ... Selon l'ONG, il s'approvisionnait auprès de braconniers").
ARREST_VERBS = frozenset({"arrest", "detain", "apprehend", "convict", "sentence", "arrêter", "interpeller",
                          "appréhender", "inculper", "condamner", "écrouer"})


ARREST_WORD = re.compile(r"\b(arrest\w*|detain\w*|apprehend\w*|convicted|sentenced|arrêt[ée]\w*|"
                         r"interpell\w*|appréhend\w*|inculp\w*|condamn\w*|écrou\w*)\b", re.I)


def _arrested(h: Token) -> bool:
    """The name is the one arrested: the verb's object, or in apposition to it ("un trafiquant, X", which
    the French parser may make a conj)."""
    obj = h.head if h.dep_ in ("appos", "conj") and h.head.pos_ == "NOUN" else h
    return obj.dep_ in ("dobj", "obj", "nsubjpass", "nsubj:pass") and is_word(obj.head, ARREST_VERBS)


_ARMED_KINDS = frozenset({"armed_group", "gang", "militia", "cartel", "mafia", "confraternity", "pmc", "triad"})
ARMED_WORDS = frozenset({"rebels", "rebel", "militia", "militiamen", "fighters", "gunmen", "gang", "jihadists",
                         "rebelles", "miliciens", "combattants", "hommes", "armés", "djihadistes"})


def armed(row: Row) -> bool:
    """An armed or criminal group (by its reference kind or its words): who it detains are its victims."""
    return kind_of(row) in _ARMED_KINDS or bool(ARMED_WORDS & set((row.get("surface") or "").lower().split()))


def arrested_by_the_state(h: Token, actors: list[tuple[Row, Span]]) -> bool:
    """The one arrested by the police, an army, customs, an office (not by an armed group: "M23 rebels detained a trader.
    They then sold his coltan" tells of the rebels)."""
    if not _arrested(h):
        return False
    verb = h.head.head if h.dep_ in ("appos", "conj") else h.head
    subject = next((c for c in verb.children if c.dep_ in lx.SUBJECT), None)
    if subject is None:
        return True  # a passive: "X was arrested in Goma"
    taker = next((row for row, span in actors if span.start <= subject.i < span.end
                  or any(t.i == subject.i for t in span.root.ancestors)), None)
    return not armed(taker) if taker is not None else not {t.lower_ for t in subject.subtree} & ARMED_WORDS
