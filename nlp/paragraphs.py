"""Paragraph breaks are hard sentence boundaries: a registered component that runs before the sentence splitter.

The crawl stores documents with a blank line ("\\n\\n") between paragraphs,
headings, list items and table cells (spiders/documents/blocks.py, pdftext.py).
A statistical sentence splitter still joins a heading to the paragraph after it
("4. Recommendations It is recommended..."), and every actor, market and place
in the glued span became a link. This component marks the token after each
break as a sentence start and the break itself as a sentence of its own (it
holds only whitespace, so it never becomes a row), so no sentence contains a
paragraph break. The senter, sentencizer and parser keep boundaries set before
them (spaCy's ``overwrite`` is off), so it goes first. A list or heading number
at a paragraph's start ("2. Coltan and cassiterite") stays in that paragraph's
first sentence. Offsets are untouched: tokens keep their characters.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

NAME = "ocw_paragraphs"
PARAGRAPH_BREAK = "\n\n"


def _is_break(text: str) -> bool:
    return text.isspace() and text.count("\n") >= 2


def _keep_number(doc: Doc, start: int) -> None:
    """"2." or "2.1." opening a paragraph is the number of what follows, not a sentence."""
    i = start
    while i + 1 < len(doc) and doc[i].like_num and doc[i + 1].text == ".":
        i += 2
    if i > start and i < len(doc) and not doc[i].is_space:
        for tok in doc[start + 1: i + 1]:
            tok.is_sent_start = False


_ENDS = frozenset({".", "!", "?", ":", ";", "\"", "'", ")", "»", "…", "”", "’"})


def _keep_words(doc: Doc) -> None:
    """A token glued to the one before ("Anti" + "-balaka") is the same word: the senter split
    "Anti-balaka fighters kidnapped..." after "Anti" and the name was lost to both halves."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if not prev.whitespace_ and not prev.is_space and not tok.is_space and prev.text not in _ENDS:
            tok.is_sent_start = False


def mark_paragraphs(doc: Doc) -> Doc:
    _keep_number(doc, 0)
    _keep_words(doc)
    for tok in doc:
        if not _is_break(tok.text):
            continue
        tok.is_sent_start = True
        nxt = tok.i + 1
        if nxt < len(doc):
            doc[nxt].is_sent_start = True
            _keep_number(doc, nxt)
    return doc


@Language.component(NAME)
def paragraph_boundaries(doc: Doc) -> Doc:
    return mark_paragraphs(doc)


def add_to(nlp: Language) -> Language:
    """Put the component first, before anything that sets sentence boundaries."""
    if NAME not in nlp.pipe_names:
        nlp.add_pipe(NAME, first=True)
    return nlp
