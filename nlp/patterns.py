"""Terms and their ids, built from the reference taxonomy, for the rule matchers and the gate.

Commodity and activity phrases come with the inflections a lemma would
collapse (``extort`` -> ``extorts``, ``extorted``; ``rançonner`` ->
``rançonne``), so that the same patterns also work where no lemmatizer runs
(Spanish and Portuguese until a model is available).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from nlp import config
from warehouse import taxonomy

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Term:
    phrase: str
    entity_id: str
    kind: str  # commodity | actor


@dataclass(frozen=True)
class EntityInfo:
    market: str | None = None
    actor_type: str | None = None
    country_iso3: str | None = None


def _en_variants(w: str) -> set[str]:
    out = {w, w + "s", w + "es", w + "ed", w + "ing"}
    if w.endswith("e"):
        out |= {w + "d", w[:-1] + "ing"}
    if w.endswith("y"):
        out |= {w[:-1] + "ies", w[:-1] + "ied"}
    for suffix, repl in (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""),
                         ("ies", "y"), ("ied", "y")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            out.add(w[: -len(suffix)] + repl)
    return out


def _fr_variants(w: str) -> set[str]:
    out = {w, w + "s", w + "x"}
    if w.endswith(("s", "x")) and len(w) > 3:
        out.add(w[:-1])
    if w.endswith("er"):
        stem = w[:-2]
        out |= {stem + e for e in ("e", "es", "ent", "é", "ée", "és", "ées", "ant", "ait", "aient")}
    for suffix in ("ées", "és", "ée", "é", "ent", "es", "e"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            out.add(w[: -len(suffix)] + "er")
    return out


def variants(word: str, lang: str) -> set[str]:
    """Inflected forms and candidate lemmas of one lower-case word (over-generation is harmless)."""
    if not word.isalpha() or len(word) < 3:
        return {word}
    if lang == "en":
        return _en_variants(word)
    if lang == "fr":
        return _fr_variants(word)
    return {word, word + "s", word + "es"}


def _names(entry: taxonomy.Commodity | taxonomy.Activity, lang: str) -> tuple[str, ...]:
    # English terms are kept in every language: analysts' sources mix them in (ransomware, coltan).
    return tuple(dict.fromkeys([*entry.names.get(lang, ()), *entry.names.get("en", ())]))


@cache
def market_terms(lang: str) -> tuple[Term, ...]:
    """Commodity names and market-activity phrases for a language, with their entity ids."""
    terms = [Term(n, c.commodity_id, "commodity") for c in taxonomy.commodities() for n in _names(c, lang)]
    for a in taxonomy.activities():
        entity = a.commodity_id or f"activity:{a.activity_id}"
        terms += [Term(n, entity, "commodity") for n in _names(a, lang)]
    return tuple(terms)


@cache
def actor_terms() -> tuple[Term, ...]:
    return tuple(Term(n, a.actor_id, "actor") for a in taxonomy.actors() for n in a.all_names)


@cache
def entity_info() -> dict[str, EntityInfo]:
    """entity id -> market, actor type and country, for commodities, activities and actors."""
    info = {c.commodity_id: EntityInfo(market=c.market) for c in taxonomy.commodities()}
    info |= {f"activity:{a.activity_id}": EntityInfo(market=a.market) for a in taxonomy.activities()}
    info |= {a.actor_id: EntityInfo(actor_type=a.actor_type, country_iso3=a.country_iso3)
             for a in taxonomy.actors()}
    return info


@cache
def gate_words(lang: str) -> frozenset[str]:
    """Words of which at least one appears in any text that mentions a taxonomy term.

    Each term contributes its longest word (the most telling) with its inflections.
    """
    words: set[str] = set()
    for term in (*market_terms(lang), *actor_terms()):
        parts = [w for w in _WORD.findall(term.phrase.lower()) if w not in config.GATE_GENERIC]
        if parts:
            words |= variants(max(parts, key=len), lang)
    # An inflection guess can land on a function word ("thes" -> "the"): never gate on those.
    return frozenset(words - _stop_words())


@cache
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from spacy.lang.fr.stop_words import STOP_WORDS as FR

    return frozenset(EN | FR)


def is_relevant(text: str, lang: str) -> bool:
    """The cheap gate: does the text hold any taxonomy word at all?"""
    return not gate_words(lang).isdisjoint(_WORD.findall(text.lower()))
