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

_WORD = re.compile(r"[^\W_]+")  # "_" splits words: "AFC_M23" is AFC and M23


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


# Agent nouns from activity phrases: "arms trafficking" -> "arms traffickers",
# "trafic de cocaïne" -> "trafiquants de cocaïne". (suffix or prefix, its agent forms)
_AGENT_SUFFIXES = {"en": ((" trafficking", (" traffickers", " trafficker")),
                          (" smuggling", (" smugglers", " smuggler")))}
_AGENT_PREFIXES = {
    "fr": (("trafic de ", ("trafiquants de ", "trafiquant de ")), ("trafic d'", ("trafiquants d'", "trafiquant d'")),
           ("contrebande de ", ("contrebandiers de ", "contrebandier de ")),
           ("contrebande d'", ("contrebandiers d'", "contrebandier d'"))),
    "es": (("tráfico de ", ("traficantes de ",)), ("contrabando de ", ("contrabandistas de ",))),
    "pt": (("tráfico de ", ("traficantes de ",)), ("contrabando de ", ("contrabandistas de ",))),
}


def agent_nouns(phrase: str, lang: str) -> list[str]:
    """Who does an activity, named from its phrase: bare "trafficking" gives nothing (no market)."""
    out = []
    for suffix, agents in _AGENT_SUFFIXES.get(lang, ()):
        if phrase.endswith(suffix):
            out += [phrase[: -len(suffix)] + a for a in agents]
    for prefix, agents in _AGENT_PREFIXES.get(lang, ()):
        if phrase.startswith(prefix):
            out += [a + phrase[len(prefix):] for a in agents]
    return out


def _names(entry: taxonomy.Commodity | taxonomy.Activity, lang: str) -> tuple[str, ...]:
    # English terms are kept in every language: analysts' sources mix them in (ransomware, coltan).
    names = [*entry.names.get(lang, ()), *entry.names.get("en", ())]
    if isinstance(entry, taxonomy.Activity):
        names += [a for code in dict.fromkeys((lang, "en")) for n in entry.names.get(code, ())
                  for a in agent_nouns(n, code)]
    return tuple(dict.fromkeys(names))


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
    surfaces = set(itertools.islice(itertools.product(*options), limit))
    # a name of several words also written hyphenated, as a modifier: "coca-paste laboratories"
    return surfaces | {tuple("-".join(s).replace("-", " - ").split()) for s in surfaces if len(s) > 1}
