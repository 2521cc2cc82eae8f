"""One parsed sentence with its mentions as spans and each mention's status."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from ocwatch.nlp.links.status import sentence_disputed, status_of

Row = dict[str, Any]


class ParsedSentence:
    """One parsed sentence with its mentions as spans."""

    def __init__(self, doc: Doc, row: Row, mentions: list[Row], offsets: dict[int, tuple[int, int]],
                 ref_year: int):
        self.doc, self.row = doc, row
        self.spans: list[tuple[Row, Span]] = []
        for m in mentions:
            if id(m) not in offsets:
                continue
            span = doc.char_span(*offsets[id(m)], alignment_mode="expand")
            if span is not None and len(span):
                self.spans.append((m, span))
        # each mention's span by the mention row's identity, for the lookups made once per link row
        self.span_of: dict[int, Span] = {id(m): s for m, s in self.spans}
        disputed = sentence_disputed(doc)
        self.status = {id(m): status_of(s.root, ref_year, disputed, place=m["kind"] == "location")
                       for m, s in self.spans}

    def of_kind(self, kind: str) -> list[tuple[Row, Span]]:
        return [(m, s) for m, s in self.spans if m["kind"] == kind]
