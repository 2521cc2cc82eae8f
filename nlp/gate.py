"""The relevance gate: does a text hold a whole taxonomy phrase, in any inflection?

Why phrases and not words: single telling words ("good", "force", "trade",
"financial") let ~80% of general news through to the costly model. A market
term passes only when every word of it is present (through the same word
families the matcher uses, so whatever the matcher would find passes here), an
everyday single word ("or", "tin", "crack") only with the neighbour the matcher
requires, and a known criminal actor (not UN bodies or NGOs) by its full name
or acronym. Word order is not checked: the gate may let through, never lose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from nlp import config, patterns
from warehouse import taxonomy

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Gate:
    family: dict[str, str]
    by_anchor: dict[str, tuple[frozenset[str], ...]]  # one key of each term -> terms (sets of keys)
    guarded: re.Pattern[str] | None
    names: dict[str, tuple[frozenset[str], ...]]  # lower-case actor names, by anchor word
    acronyms: dict[str, tuple[frozenset[str], ...]]  # case-sensitive actor acronyms, by anchor word

    def keys(self, text: str) -> set[str]:
        return {self.family.get(w, w) for w in patterns.words_of(text)}

    def passes(self, text: str) -> bool:
        keys = self.keys(text)
        if _any_term(self.by_anchor, keys) or _any_term(self.names, keys):
            return True
        if self.acronyms and _any_term(self.acronyms, set(_WORD.findall(text))):
            return True
        return self.guarded is not None and self.guarded.search(text.lower()) is not None


def _any_term(index: dict[str, tuple[frozenset[str], ...]], keys: set[str]) -> bool:
    return any(needed <= keys for anchor in keys.intersection(index) for needed in index[anchor])


def _index(terms: list[frozenset[str]]) -> dict[str, tuple[frozenset[str], ...]]:
    # Anchor each term on its longest key: the rarest, so few terms are checked per text.
    out: dict[str, list[frozenset[str]]] = {}
    for needed in terms:
        if needed:
            out.setdefault(max(sorted(needed), key=len), []).append(needed)
    return {k: tuple(v) for k, v in out.items()}


def _neighbour(word: str) -> str:
    # A word neighbour needs a space and a boundary; punctuation and elisions ("l'") may touch.
    return rf"(?<!\w){re.escape(word)}\s+" if word[-1].isalnum() else rf"{re.escape(word)}\s*"


def _guard_pattern(lang: str, family: dict[str, str]) -> re.Pattern[str] | None:
    alts = []
    for (code, word), guard in config.GUARDED_TERMS.items():
        if code != lang:
            continue
        key = family.get(word, word)
        body = "|".join(sorted((re.escape(f) for f, k in family.items() if k == key), key=len, reverse=True))
        body = body or re.escape(word)
        alts += [f"{_neighbour(p)}(?:{body})(?!\\w)" for p in guard["prev"]]
        alts += [rf"(?<!\w)(?:{body})\s*{re.escape(n)}" + (r"(?!\w)" if n[-1].isalnum() else "")
                 for n in guard["next"]]
    return re.compile("|".join(alts)) if alts else None


@cache
def gate(lang: str) -> Gate:
    family = patterns.families(lang)
    guarded = {family.get(w, w) for (code, w) in config.GUARDED_TERMS if code == lang}
    terms = []
    for term in patterns.market_terms(lang):
        needed = frozenset(family.get(w, w) for w in patterns.words_of(term.phrase))
        if len(needed) == 1 and needed <= guarded:
            continue  # an everyday word alone: only with its neighbour (the regex)
        terms.append(needed)
    criminal = {a.actor_id for a in taxonomy.actors() if a.actor_type}
    names, acronyms = [], []
    for term in patterns.actor_terms():
        if term.entity_id not in criminal:
            continue
        if any(ch.islower() for ch in term.phrase):
            names.append(frozenset(family.get(w, w) for w in patterns.words_of(term.phrase)))
        else:
            acronyms.append(frozenset(_WORD.findall(term.phrase)))
    return Gate(family, _index(terms), _guard_pattern(lang, family), _index(names), _index(acronyms))


def is_relevant(text: str, lang: str) -> bool:
    """The cheap gate: does the text hold any taxonomy phrase or known criminal actor?"""
    return gate(lang).passes(text)
