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

A single newline (text given to ``extract-text``, plain-text sources) is weaker:
it may be a wrapped line. The statistical splitter crosses it freely
("...smuggling.\\n2. Coltan and cassiterite in North Kivu\\nThe M23 has..." was
one sentence), so a single newline also ends a sentence when the next line
opens a list item ("2.", "a)", "(iii)", "•"), when the line before ends its
sentence and the next starts with a capital, or when the line before is a
heading: short next to the text's full lines, unpunctuated, then a capital.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import (
    IS_ALPHA,
    IS_LEFT_PUNCT,
    IS_LOWER,
    IS_PUNCT,
    IS_RIGHT_PUNCT,
    IS_SPACE,
    IS_STOP,
    IS_TITLE,
    SENT_START,
    SPACY,
)
from spacy.language import Language
from spacy.tokens import Doc

# Token index -> sentence start or not, written to the doc at once: setting Token.is_sent_start
# checks the whole doc for a parse each time, which made marking quadratic in a document's length.
Marks = dict[int, bool]

NAME = "ocw_paragraphs"
PARAGRAPH_BREAK = "\n\n"
HEADING_MAX_WORDS = 12
SHORT_LINE = 0.6  # a line under this share of the text's full lines stops short of the margin
# A list or heading number, letter or bullet opening a line, and the blank after it (never a newline).
_MARKER = re.compile(r"([•◦▪■●‣∙·*\-–—]|\(?[a-zA-Z]\)|\(?([ivxlc]{1,6}|[IVXLC]{1,6})\)|\(?\d{1,3}\)"
                     r"|\d{1,3}(\.\d{1,3})*\.?|[IVXLC]{1,6}\.|[A-H]\.)[ \t]+(?=\S)")
# The markers that open a list item even inside wrapped text: not a bare number ("on\\n15 November").
_ITEM = re.compile(r"([•◦▪■●‣∙·*]|[\-–—](?=[ \t]+[A-Z])|\(?[a-zA-Z]\)|\(?([ivxlc]{1,6}|[IVXLC]{1,6})\)|\(?\d{1,3}\)"
                   r"|\d{1,3}(\.\d{1,3})*\.|\d{1,3}(\.\d{1,3})+|[IVXLC]{1,6}\.|[A-H]\.)[ \t]+(?=\S)")
_SINGLE_NEWLINE = re.compile(r"(?<!\n)\n(?![ \t]*\n)")
_SENTENCE_END = re.compile(r"[.!?…][»”\"')\]]?$")
_RUNS_ON = re.compile(r"[,;\-–—(/&+=]$")


def _is_break(text: str) -> bool:
    return text.isspace() and text.count("\n") >= 2


def _keep_number(doc: Doc, text: str, start: int, marks: Marks) -> None:
    """A number, letter or bullet opening a line ("2.", "2.1", "a)", "(iii)", "•") belongs to what follows.

    ``text`` is ``doc.text``, passed in: spaCy joins every token to build it on each access."""
    found = _MARKER.match(text, doc[start].idx)
    if found is None:
        return
    for i in range(start + 1, len(doc)):
        if doc[i].idx > found.end():
            break
        marks[i] = False


def _capital(text: str) -> bool:
    return text[:1].isupper() or text[:1].isdigit()


def _full_line(text: str) -> float:
    """How long a full line of the text is: a high percentile of its line lengths."""
    lengths = sorted(len(line.strip()) for line in text.split("\n") if line.strip())
    return float(lengths[int(0.9 * (len(lengths) - 1))]) if lengths else 0.0


def ends_sentence(before: str, after: str, full_line: float) -> bool:
    """Whether a single newline between two lines ends a sentence (not a line wrapped mid-sentence)."""
    before, after = before.strip(), after.strip()
    if not before or not after:
        return False
    if _ITEM.match(after):
        return True
    if _SENTENCE_END.search(before):
        return _capital(after)
    if not _capital(after) or not _capital(before) or _RUNS_ON.search(before):
        return False
    # A heading: numbered, or short next to the text's full lines (a wrapped line reaches the margin).
    return len(before.split()) <= HEADING_MAX_WORDS and (
        bool(_ITEM.match(before)) or len(before) < SHORT_LINE * full_line)


def _mark_lines(doc: Doc, marks: Marks) -> None:
    text = doc.text
    full = _full_line(text)
    for tok in doc:
        if not tok.is_space or tok.text.count("\n") != 1 or tok.i + 1 >= len(doc):
            continue
        nl = tok.idx + tok.text.index("\n")
        before = text[text.rfind("\n", 0, nl) + 1: nl]
        end = text.find("\n", nl + 1)
        if ends_sentence(before, text[nl + 1: end if end >= 0 else len(text)], full):
            marks[tok.i] = marks[tok.i + 1] = True
            _keep_number(doc, text, tok.i + 1, marks)


_ENDS = frozenset({".", "!", "?", ":", ";", "\"", "'", ")", "»", "…", "”", "’"})


def _keep_words(doc: Doc, marks: Marks) -> None:
    """A token glued to the one before ("Anti" + "-balaka") is the same word: the senter split
    "Anti-balaka fighters kidnapped..." after "Anti" and the name was lost to both halves."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if not prev.whitespace_ and not prev.is_space and not tok.is_space and prev.text not in _ENDS:
            marks[tok.i] = False


def _keep_names(doc: Doc, marks: Marks) -> None:
    """A capitalised word right after another, with no punctuation between, goes on a name: the French
    senter split "dont Emmanuel | Tabi Ndip, ont été interpellés" and the man was lost to both halves.
    A function word may still open a sentence after a heading glued on ("... in Ituri The M23 has")."""
    if len(doc) < 2:
        return
    # one array pass: a Token object for every word made this the slowest step of the component
    title, alpha, stop, space = doc.to_array([IS_TITLE, IS_ALPHA, IS_STOP, SPACY]).T.astype(bool)
    name = title & alpha
    follows = name[:-1] & space[:-1] & name[1:] & ~stop[1:]
    for i in (numpy.flatnonzero(follows) + 1).tolist():
        if i not in marks:
            marks[i] = False


def _keep_lower(doc: Doc, marks: Marks) -> None:
    """A lower-case word after a word is no sentence start: the French senter split "Le M23 contrôle
    depuis avril 2024 | les mines de coltan de Rubaya", and the group lost its mines. Nor is a word
    right after an opening quote or bracket."""
    if len(doc) < 2:
        return
    lower, alpha, punct, space, left, right = doc.to_array([IS_LOWER, IS_ALPHA, IS_PUNCT, IS_SPACE, IS_LEFT_PUNCT,
                                                            IS_RIGHT_PUNCT]).T.astype(bool)
    # and no word right after an opening quote or bracket starts one: "alias « | Izo »"; a straight quote
    # opens and closes, and after a closing one a sentence may start ('... lorry." Police arrested')
    opening = left & ~right
    follows = (lower[1:] & alpha[1:] & ~punct[:-1] & ~space[:-1]) | opening[:-1]
    for i in (numpy.flatnonzero(follows) + 1).tolist():
        if i not in marks:
            marks[i] = False


def mark_paragraphs(doc: Doc) -> Doc:
    marks: Marks = {}
    text = doc.text
    if _SINGLE_NEWLINE.search(text):  # stored documents have only blank lines: skip the walk
        _mark_lines(doc, marks)
    _keep_number(doc, text, 0, marks)
    _keep_words(doc, marks)
    _keep_names(doc, marks)
    _keep_lower(doc, marks)
    for tok in doc:
        if not _is_break(tok.text):
            continue
        marks[tok.i] = True
        if tok.i + 1 < len(doc):
            marks[tok.i + 1] = True
            _keep_number(doc, text, tok.i + 1, marks)
    write_sent_starts(doc, marks)
    return doc


def write_sent_starts(doc: Doc, marks: Marks) -> None:
    """Sentence starts (True) and non-starts (False) by token index, in one pass over the doc."""
    if not marks:
        return
    starts = doc.to_array([SENT_START]).astype("int64")  # 1 a start, -1 not, 0 left to the splitter
    for i, start in marks.items():
        starts[i] = 1 if start else -1
    doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))


@Language.component(NAME)
def paragraph_boundaries(doc: Doc) -> Doc:
    return mark_paragraphs(doc)


def add_to(nlp: Language) -> Language:
    """Put the component first, before anything that sets sentence boundaries."""
    if NAME not in nlp.pipe_names:
        nlp.add_pipe(NAME, first=True)
    return nlp
