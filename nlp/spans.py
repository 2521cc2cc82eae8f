"""The ``doc.spans`` list our components share: kind in ``label_``, taxonomy id in
``kb_id_``, how it was found in ``id_`` (nlp/components.py, nlp/actors.py)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span

from ocwatch.nlp import config


def spans(doc: Doc) -> list[Span]:
    return list(doc.spans[config.SPAN_KEY]) if config.SPAN_KEY in doc.spans else []


def add(doc: Doc, new: list[Span]) -> None:
    doc.spans[config.SPAN_KEY] = spans(doc) + new


def span(doc: Doc, start: int, end: int, kind: str, entity_id: str, method: str) -> Span:
    return Span(doc, start, end, label=kind, kb_id=entity_id, span_id=method)


def capitalised(text: str) -> bool:
    """A word of a name: a capital first and lower-case letters after ("Masisi", "Al-Nasr"), not an
    acronym ("RED") nor a lower-case word."""
    return text[:1].isupper() and any(c.islower() for c in text)


def words(spans: list[Span]) -> set[int]:
    """The token indices the spans cover."""
    return {i for s in spans for i in range(s.start, s.end)}


def overlaps(one: Span, others: list[Span]) -> bool:
    return any(one.start < o.end and o.start < one.end for o in others)


def name_end(doc: Doc, start: int, max_words: int, stops: Callable[[int], bool], capital: Callable[[int], bool],
             joins: Callable[[int], bool]) -> int:
    """End of the capitalised name at ``start``: capitalised words with joiners inside, ending on a
    capitalised word, cut before a word that ``stops`` it (a head noun, a site noun, a taken token)."""
    end, i = start + 1, start + 1
    while i < len(doc) and i - start < max_words and not stops(i):
        if capital(i):
            end = i + 1
        elif not joins(i):
            break
        i += 1
    return end


def name_words(ent: Span) -> int:
    """Words of a name, not counting a hyphen that joins a particle: "Ras al-Ara" and "Trou-du-Nord" are
    three; "Marc-Arthur Vilsaint" stays four (a hyphen between capitals joins a person's first names)."""
    return sum(not (t.text == "-" and i > 0 and (ent[i - 1].is_lower or (i + 1 < len(ent) and ent[i + 1].is_lower)))
               for i, t in enumerate(ent))
