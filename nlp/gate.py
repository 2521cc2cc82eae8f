"""The relevance gate: does a text hold a whole taxonomy phrase, in any inflection?

Why phrases and not words: single telling words ("good", "force", "trade",
"financial") let ~80% of general news through to the costly model. A market
term passes only when its words follow each other in the text (through the same
word families the matcher uses, so whatever the matcher would find passes here),
an everyday single word ("or", "tin", "crack") only with the neighbour the
matcher requires, and a known criminal actor (not UN bodies or NGOs) by its full
name or acronym. Words are compared without punctuation, so the gate may let a
text through that the matcher then finds empty, never the other way round.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ocwatch.nlp import config, forms, patterns
from ocwatch.reference import taxonomy

_WORD = re.compile(r"[^\W_]+")  # "_" splits words: "AFC_M23" is AFC and M23


Index = dict[str, tuple[tuple[str, ...], ...]]  # first word -> phrases (sequences of words or keys)


@dataclass(frozen=True)
class Gate:
    family: dict[str, str]
    activities: Index  # market-activity phrases, through word families
    names: Index  # commodity names (singular, plural) and known criminal actors' names, lower-case
    acronyms: Index  # those actors' acronyms, case-sensitive
    guarded: re.Pattern[str] | None
    guard_words: frozenset[str]  # every form of the guarded words
    demand_verbs: frozenset[str]  # "demand 5,000 gourdes" (nlp/sums.py) has no fixed phrase to index
    demand_sum: re.Pattern[str] | None

    def passes(self, text: str) -> bool:
        words = patterns.words_of(text)
        if _has_phrase(self.names, words) or _has_phrase(self.activities, [self.family.get(w, w) for w in words]):
            return True
        if self.acronyms and _has_phrase(self.acronyms, _WORD.findall(text)):
            return True
        if self._may_demand_a_sum(text, words):
            return True
        # The guard regex is slow on long texts: run it only when a guarded word is there at all.
        return (self.guarded is not None and not self.guard_words.isdisjoint(words)
                and self.guarded.search(text.lower()) is not None)

    def _may_demand_a_sum(self, text: str, words: list[str]) -> bool:
        # Looser than the matcher (up to eight words of one sentence between the verb and the
        # currency), so whatever it finds passes here; run only when a demand verb is there at all.
        if self.demand_sum is None or self.demand_verbs.isdisjoint(words):
            return False
        return self.demand_sum.search(text.lower()) is not None


def _demand_sum_pattern(lang: str) -> re.Pattern[str] | None:
    verbs = config.DEMAND_MONEY_VERBS.get(lang, ())
    if not verbs:
        return None
    verb = "|".join(map(re.escape, verbs))
    currency = "|".join(map(re.escape, sorted(config.CURRENCY_WORDS, key=len, reverse=True)))
    signs = "".join(sorted({re.escape(c) for sign in config.CURRENCY_SIGNS for c in sign if not c.isalpha()}))
    gap = r"(?:[^\w.!?;]|\.(?=\d))+"  # within one sentence, "1.500" still one number
    return re.compile(rf"(?<!\w)(?:{verb})(?:{gap}[^\W_]+){{0,8}}?(?:{gap}(?:{currency})(?!\w)|(?:{gap})?[{signs}])")


def _has_phrase(index: Index, keys: list[str]) -> bool:
    for i, key in enumerate(keys):
        for phrase in index.get(key, ()):
            if len(phrase) == 1 or tuple(keys[i: i + len(phrase)]) == phrase:
                return True
    return False


def _index(terms: list[tuple[str, ...]]) -> Index:
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in terms:
        if phrase:
            out.setdefault(phrase[0], []).append(phrase)
    return {k: tuple(v) for k, v in out.items()}


def _neighbour(word: str) -> str:
    # A word neighbour needs a space and a boundary; punctuation and elisions ("l'") may touch.
    return rf"(?<!\w){re.escape(word)}\s+" if word[-1].isalnum() else rf"{re.escape(word)}\s*"


def _guard_pattern(lang: str) -> re.Pattern[str] | None:
    alts = []
    for (code, word), guard in config.GUARDED_TERMS.items():
        if code != lang:
            continue
        body = "|".join(sorted(map(re.escape, forms.noun_forms(word, lang)), key=len, reverse=True))
        alts += [f"{_neighbour(p)}(?:{body})(?!\\w)" for p in guard["prev"]]
        alts += [rf"(?<!\w)(?:{body})\s*{re.escape(n)}" + (r"(?!\w)" if n[-1].isalnum() else "")
                 for n in guard["next"]]
    return re.compile("|".join(alts)) if alts else None


@cache
def gate(lang: str) -> Gate:
    family = patterns.families(lang)
    guarded = {word for (code, word) in config.GUARDED_TERMS if code == lang}
    activities, names, acronyms = [], [], []
    for term in patterns.market_terms(lang):
        words = patterns.words_of(term.phrase)
        if term.kind == "activity":
            activities.append(tuple(family.get(w, w) for w in words))
        elif not (len(words) == 1 and words[0] in guarded):  # an everyday word alone: the regex
            names += patterns.name_surfaces(words, lang)
    criminal = {a.actor_id for a in taxonomy.actors() if a.actor_type}
    for term in patterns.actor_terms():
        if term.entity_id not in criminal:
            continue
        if any(ch.islower() for ch in term.phrase):
            names.append(tuple(patterns.words_of(term.phrase)))
        else:
            acronyms.append(tuple(_WORD.findall(term.phrase)))
    guard_words = frozenset(f for w in guarded for f in forms.noun_forms(w, lang))
    return Gate(family, _index(activities), _index(names), _index(acronyms), _guard_pattern(lang), guard_words,
                frozenset(config.DEMAND_MONEY_VERBS.get(lang, ())), _demand_sum_pattern(lang))


def is_relevant(text: str, lang: str) -> bool:
    """The cheap gate: does the text hold any taxonomy phrase or known criminal actor?"""
    return gate(lang).passes(text)
