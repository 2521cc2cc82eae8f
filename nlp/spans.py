"""The ``doc.spans`` list our components share: kind in ``label_``, taxonomy id in
``kb_id_``, how it was found in ``id_`` (nlp/components.py, nlp/actors.py)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ocwatch.nlp import config


def spans(doc: Doc) -> list[Span]:
    return list(doc.spans[config.SPAN_KEY]) if config.SPAN_KEY in doc.spans else []


def add(doc: Doc, new: list[Span]) -> None:
    doc.spans[config.SPAN_KEY] = spans(doc) + new


def span(doc: Doc, start: int, end: int, kind: str, entity_id: str, method: str) -> Span:
    return Span(doc, start, end, label=kind, kb_id=entity_id, span_id=method)


def overlaps(one: Span, others: list[Span]) -> bool:
    return any(one.start < o.end and o.start < one.end for o in others)
