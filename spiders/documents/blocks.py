"""Paragraphs from trafilatura's XML body: every block element is its own paragraph.

trafilatura's plain-text output puts one newline between blocks and another at
each ``<br>``, so a heading, a list item and the paragraph after it could not be
told apart downstream: the sentence splitter glued them. Here each block
(paragraph, heading, list item, table cell, quote, line break) ends a
paragraph, and paragraphs are joined with a blank line (``PARAGRAPH_BREAK``),
the one boundary the NLP stage never lets a sentence cross.
"""

from __future__ import annotations

import itertools
import re

from lxml import etree

PARAGRAPH_BREAK = "\n\n"
# trafilatura's output vocabulary (XML-TEI-like): these elements start and end a paragraph.
BLOCKS = frozenset({"p", "head", "item", "list", "cell", "row", "table", "quote", "code", "div",
                    "section", "fw", "note", "graphic", "figure", "caption", "h1", "h2", "h3", "h4",
                    "h5", "h6", "li", "ul", "ol", "td", "th", "tr", "blockquote", "pre", "dd", "dt"})
BREAKS = frozenset({"lb", "br"})
REALIGN_WINDOW = 5_000  # characters after the last block found where the next one is looked for
_SPACE = re.compile(r"\s+")


def _flush(buf: list[str], out: list[str]) -> None:
    text = _SPACE.sub(" ", "".join(buf)).strip()
    if text:
        out.append(text)
    buf.clear()


def _walk(el: etree._Element, buf: list[str], out: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""  # comments and processing instructions carry no text
    block = tag in BLOCKS
    if block or tag in BREAKS:
        _flush(buf, out)
    if tag and el.text:
        buf.append(el.text)
    for child in el:
        _walk(child, buf, out)
    if block:
        _flush(buf, out)
    if el.tail:
        buf.append(el.tail)


def paragraphs(body: etree._Element) -> list[str]:
    """The body's paragraphs in document order, whitespace inside each collapsed to single spaces."""
    out: list[str] = []
    buf: list[str] = []
    if body.text:
        buf.append(body.text)
    for child in body:
        _walk(child, buf, out)
    _flush(buf, out)
    return out


def join_paragraphs(parts: list[str]) -> str:
    return PARAGRAPH_BREAK.join(p for p in parts if p)


def _dense(text: str) -> tuple[str, list[int]]:
    """The text without whitespace, and where each of its characters sits in the text."""
    where = [i for i, ch in enumerate(text) if not ch.isspace()]
    return "".join(text[i] for i in where), where


def _word_edge(text: str, i: int) -> bool:
    return i <= 0 or i >= len(text) or text[i - 1].isspace() or text[i].isspace()


def realign(flat: str, source: list[str]) -> list[str]:
    """Cut one flattened paragraph where the page's own blocks start and end.

    trafilatura's fallback, for a page it finds no article in, gives the page's text as one
    paragraph: headings, list items and teasers run together. The page's blocks (``source``,
    in page order) are found in that text again, ignoring whitespace, and the text is cut at
    their edges, only between words: nothing is added or dropped.
    """
    text = _SPACE.sub(" ", flat).strip()
    dense, where = _dense(text)
    cuts: set[int] = set()
    cursor = 0
    for para in source:
        key = "".join(para.split())
        # The next block is near: a block the fallback left out must not cost a scan of the whole page.
        at = dense.find(key, cursor, cursor + len(key) + REALIGN_WINDOW) if key else -1
        if at < 0:
            continue
        start, end = where[at], (where[at + len(key)] if at + len(key) < len(where) else len(text))
        if _word_edge(text, start) and _word_edge(text, end):
            cuts.update((start, end))
            cursor = at + len(key)
    edges = [0, *sorted(cuts), len(text)]
    return [p for a, b in itertools.pairwise(edges) if (p := text[a:b].strip())]
