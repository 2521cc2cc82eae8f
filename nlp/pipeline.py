"""Pipelines per language, loaded once per process with only the components we need."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

import ocwatch.nlp.components  # registers the ocw_* factories; also splits joined acronyms
from ocwatch.nlp import config, paragraphs


def _add_components(nlp: Language, lang: str, has_model: bool) -> Language:
    ocwatch.nlp.components.split_joined_acronyms(nlp)
    nlp.add_pipe("ocw_markets")
    nlp.add_pipe("ocw_places", config={"ner_labels": list(config.NER_PLACE_LABELS.get(lang, ())),
                                       "actor_labels": list(config.NER_ACTOR_LABELS.get(lang, ())),
                                       "city_rules": not has_model})
    nlp.add_pipe("ocw_actors", config={"ner_labels": list(config.NER_ACTOR_LABELS.get(lang, ()))})
    return nlp


@cache
def get_nlp(lang: str) -> Language | None:
    """The extraction pipeline for a language (None when unsupported), built once per process.

    Model languages drop the parser and use the shipped senter for sentences;
    rules-only languages get a blank pipeline with a rule-based sentencizer.
    Either way paragraph breaks ("\n\n") are sentence boundaries first (nlp/paragraphs.py).
    """
    if lang in config.MODELS:
        nlp = spacy.load(config.MODELS[lang], exclude=list(config.EXCLUDE))
        for pipe in config.ENABLE:
            nlp.enable_pipe(pipe)
        nlp.batch_size = config.MODEL_BATCH_SIZE  # nlp.pipe's default batch: see config
        return _add_components(paragraphs.add_to(nlp), lang, has_model=True)
    if lang in config.RULES_ONLY:
        nlp = spacy.blank(lang)
        nlp.add_pipe("sentencizer")
        return _add_components(paragraphs.add_to(nlp), lang, has_model=False)
    return None


@cache
def get_parser(lang: str) -> Language | None:
    """The parser pipeline of config.PARSER_MODELS (tok2vec, tagger or morphologizer, parser, lemmatizer), no NER.

    Run only on the few sentences that can hold a link (``ocwatch.nlp.links``), so the
    extraction pipeline keeps its speed; None for languages without a model.
    """
    if lang not in config.MODELS:
        return None
    return spacy.load(config.PARSER_MODELS[lang], exclude=list(config.PARSER_EXCLUDE))


@cache
def get_full_nlp(lang: str) -> Language:
    """Every component the model ships, plus ours: the baseline the benchmark compares with."""
    nlp = spacy.load(config.MODELS[lang])
    return _add_components(nlp, lang, has_model=True)


def model_version(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', 'blank')}-{nlp.meta.get('version', '0')}"


def lang_of_model_version(version: str | None) -> str | None:
    """The language a ``model_version`` names ('en' of 'en_core_web_sm-3.8.0'): what a mention row says it
    was read in."""
    return version.split("_", 1)[0] if version else None
