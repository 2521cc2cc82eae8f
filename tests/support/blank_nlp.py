"""The project's components on a blank spaCy pipeline (no model), with the model's entities
set by hand where they matter: shared by the entity tests."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

import ocwatch.nlp.components as components
from ocwatch.nlp.rows import doc_rows, resolve_context

LABELS = {"en": (["GPE", "LOC", "FAC"], ["ORG", "PERSON"]), "fr": (["LOC"], ["ORG", "PER"])}


def blank(lang: str) -> Language:
    nlp = spacy.blank(lang)
    components.split_joined_acronyms(nlp)
    nlp.add_pipe("sentencizer")
    places, actors = LABELS.get(lang, ([], []))
    nlp.add_pipe("ocw_markets")
    nlp.add_pipe("ocw_places", config={"ner_labels": places, "actor_labels": actors, "city_rules": False})
    nlp.add_pipe("ocw_actors", config={"ner_labels": actors})
    return nlp


def ent(doc: Doc, surface: str, label: str) -> Span:
    start = doc.text.index(surface)
    span = doc.char_span(start, start + len(surface), label=label)
    assert span is not None, surface
    return span


def run(lang: str, text: str, ents: tuple[tuple[str, str], ...] | list[tuple[str, str]] = ()) -> list[dict]:
    """Mention rows of a text; ``ents`` are (surface, label) pairs set as the model's entities."""
    nlp = blank(lang)
    doc = nlp.make_doc(text)
    doc.ents = [ent(doc, surface, label) for surface, label in ents]
    for _, pipe in nlp.pipeline:
        doc = pipe(doc)
    sentences, mentions, _ = doc_rows(doc)
    return resolve_context(sentences, mentions)[1]


def actors(lang: str, text: str, ents: tuple[tuple[str, str], ...] = ()) -> dict[str, str]:
    """Actor surfaces of a text and their ids."""
    return {m["surface"]: m["entity_id"] for m in run(lang, text, ents) if m["kind"] == "actor"}
