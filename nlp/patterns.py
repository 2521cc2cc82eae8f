"""Terms and their ids, built from the reference taxonomy, for the rule matchers and the gate.

Commodity and activity words are matched through their word families
(nlp/forms.py: ``extort``, ``extorts``, ``extorted`` share a key), so no
lemmatizer has to run and the same patterns work in Spanish and Portuguese.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache

from ocwatch.nlp import forms
from ocwatch.reference import taxonomy

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Term:
    phrase: str
    entity_id: str
    kind: str  # commodity (a commodity's name) | activity (a market-activity phrase) | actor


@dataclass(frozen=True)
class EntityInfo:
    market: str | None = None
    actor_type: str | None = None
    country_iso3: str | None = None


def _names(entry: taxonomy.Commodity | taxonomy.Activity, lang: str) -> tuple[str, ...]:
    # English terms are kept in every language: analysts' sources mix them in (ransomware, coltan).
    return tuple(dict.fromkeys([*entry.names.get(lang, ()), *entry.names.get("en", ())]))


@cache
def market_terms(lang: str) -> tuple[Term, ...]:
    """Commodity names and market-activity phrases for a language, with their entity ids."""
    terms = [Term(n, c.commodity_id, "commodity") for c in taxonomy.commodities() for n in _names(c, lang)]
    for a in taxonomy.activities():
        entity = a.commodity_id or f"activity:{a.activity_id}"
        terms += [Term(n, entity, "activity") for n in _names(a, lang)]
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
def families(lang: str) -> dict[str, str]:
    """Lower-case form -> word-family key, for every word of the language's activity phrases."""
    words = {w for term in market_terms(lang) if term.kind == "activity" for w in _WORD.findall(term.phrase.lower())}
    return forms.family_map(words, lang)


def words_of(text: str) -> list[str]:
    """The words the gate and the family keys are built from (lower-case, no punctuation)."""
    return _WORD.findall(text.lower())


def name_surfaces(words: list[str], lang: str, limit: int = 64) -> set[tuple[str, ...]]:
    """A commodity name's lower-case word sequences, singular and plural: nouns, so "fuelled"
    (a verb) and "gunned" are not fuel and guns."""
    options = [sorted(forms.noun_forms(w, lang)) for w in words]
    return set(itertools.islice(itertools.product(*options), limit))
