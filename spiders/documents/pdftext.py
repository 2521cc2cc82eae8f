"""Paragraphs of a PDF page from its layout: pypdf's text, with where each line sits and in what font.

pypdf gives a PDF's text one line a line, with nothing between a wrapped line
and the start of a new paragraph, so "4. Recommendations" and the paragraphs
around it became one "sentence" downstream. The layout says more: a new
paragraph sits further down than the usual line spacing, a heading changes the
font, a numbered heading, caption or bullet starts its own paragraph, and a
table row's cells are far apart on one line. A run-in lead-in, a short run at
the start of a paragraph's first line in a font of its own ("Coltan and
cassiterite in North Kivu" in bold, then "The M23 has..."), is a paragraph of
its own (the rule is leadins.py's). Lines of one paragraph are joined
with a space (a hyphen that split a word at the line end is removed);
paragraphs are separated by a blank line. Lines that repeat at the top or
bottom of most pages (running headers and footers, page numbers) are dropped.

pypdf calls the visitor with exactly the chunks its text is made of (checked
in the tests), so the text stays pypdf's and only the geometry comes from the
visitor.
"""

from __future__ import annotations

import itertools
import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ocwatch.spiders.documents import leadins

PARA_GAP = 1.3  # a line further below the previous one than this many usual line spacings starts a paragraph
CELL_GAP = 2.5  # a gap this many font sizes wide inside a line separates table cells
CHAR_WIDTH = 0.6  # average glyph width in font sizes, to tell where a chunk ends (overestimates: cautious)
HEADING_MAX_CHARS = 80
HEADING_MAX_WORDS = 12
SHORT_LINE = 0.6  # a line under this share of the document's usual full line ends short of the margin
_NUMBERED_HEADING = re.compile(r"^(\d{1,2}\.(\d{1,2}\.?)*|[IVXLC]{1,6}\.|[A-H]\.)\s+\S")
_CAPTION = re.compile(r"^(Figure|Fig\.|Table|Tableau|Graph|Graphique|Chart|Map|Carte|Photo|Box|Encadré|"
                      r"Annex|Annexe|Source|Sources|Note|Notes)\s*[\dIVXA-Z]{0,4}\s*[:.\-–—]", re.I)
_BULLET = re.compile(r"^([•◦▪■●‣∙·\-–—*]|\(?[a-z]\)|\(?\d{1,2}\)|\(?[ivx]{1,5}\))\s+\S", re.I)
_SENTENCE_END = re.compile(r"[.!?:;»”\")\]]$")
_RUNS_ON = re.compile(r"[.!?;,\-–—(/&+=]$")  # a line ending so is no heading: a sentence ends or goes on
_PAGE_NUMBER = re.compile(r"^(page\s*)?\d{1,4}(\s*(of|/|sur)\s*\d{1,4})?$", re.I)
_DIGITS = re.compile(r"\d+")
_ALNUM = re.compile(r"\w")


@dataclass
class Line:
    text: str
    x: float | None = None
    y: float | None = None  # PDF space: larger is higher on the page
    size: float | None = None
    bold: bool = False
    cells: tuple[str, ...] = ()  # a table row's cells, when the line has wide gaps
    lead: int = 0  # characters of ``text`` in a font of their own, then a sentence start (leadins.line_lead)
    lead_alone: bool = False  # whether those characters are a lead-in by themselves
    lead_font: tuple[str, float] | None = None  # the lead-in's font and size
    font: tuple[str, float] | None = None  # the one font and size the whole line is set in, if one


def _position(cm: list[float], tm: list[float]) -> tuple[float, float, float]:
    x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
    y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
    scale = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3])
    return x, y, scale


class _Collector:
    """The visitor: chunks of text in output order, each with its position, size and font."""

    def __init__(self) -> None:
        self.chunks: list[tuple[str, float, float, float, bool, str]] = []

    def __call__(self, text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        x, y, scale = _position(cm, tm)
        name = str((font or {}).get("/BaseFont", "")) if hasattr(font, "get") else ""
        bold = any(w in name for w in ("Bold", "Black", "Heavy", "Semibold", "Demi"))
        self.chunks.append((text, x, y, abs(size * scale) or abs(size), bold, name))


def _cells(parts: list[tuple[str, float, float]]) -> tuple[str, ...]:
    """Cells of one line from its chunks (text, x, size): a wide gap between two chunks splits them."""
    cells, current, end = [], "", None
    for text, x, size in parts:
        if end is not None and current.strip() and x - end > CELL_GAP * size:
            cells.append(current.strip())
            current = ""
        current += text
        end = x + len(text) * CHAR_WIDTH * size
    if current.strip():
        cells.append(current.strip())
    return tuple(cells) if len(cells) > 1 else ()


def _line(text: str, first: tuple | None, parts: list[tuple[str, float, float]],
          runs: list[leadins.Run]) -> Line:
    line = Line(text.strip(), *(first or (None, None, None, False)), cells=_cells(parts))
    fonts = {r[1] for r in runs if r[0].strip()}
    line.font = next(iter(fonts)) if len(fonts) == 1 else None
    lead = None if line.cells else leadins.line_lead(text, runs)
    if lead is not None:  # the line's weight and size are its body text's, not its lead-in's
        line.lead, line.lead_alone, line.bold, line.size = lead
        line.lead_font = next(r[1] for r in runs if r[0].strip())
    return line


def page_lines(page: Any) -> list[Line]:
    """The page's lines, with the geometry of their first chunk (None where pypdf gave none)."""
    visitor = _Collector()
    page.extract_text(visitor_text=visitor)
    lines: list[Line] = []
    text, parts, first, runs = "", [], None, []
    for chunk, x, y, size, bold, font in [*visitor.chunks, ("\n", 0.0, 0.0, 0.0, False, "")]:
        pieces = chunk.split("\n")
        for i, piece in enumerate(pieces):
            if i > 0:  # a newline inside the chunk ends the line so far
                if text.strip():
                    lines.append(_line(text, first, parts, runs))
                text, parts, first, runs = "", [], None, []
            if piece:
                text += piece
                runs.append((piece, (font, round(size, 1)), bold, size))
                if piece.strip():
                    parts.append((piece, x, size))
                    # The first chunk with a letter or digit: a bullet is often in a font of its own.
                    if first is None and (x or y) and _ALNUM.search(piece):
                        first = (x, y, size, bold)
    return lines


def _key(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.lower().split()))


def strip_running_lines(pages: list[list[Line]]) -> list[list[Line]]:
    """Drop headers, footers and page numbers: the first or last two lines of a page that recur."""
    if len(pages) < 2:
        return [[ln for i, ln in enumerate(p) if not _edge_number(p, i)] for p in pages]
    seen = Counter(k for p in pages for k in {_key(ln.text) for ln in p[:2] + p[-2:]})
    recurring = {k for k, n in seen.items() if n >= 2 and n >= len(pages) / 2}
    out = []
    for p in pages:
        edges = set(range(min(2, len(p)))) | set(range(max(0, len(p) - 2), len(p)))
        out.append([ln for i, ln in enumerate(p)
                    if not (i in edges and (_key(ln.text) in recurring or _edge_number(p, i)))])
    return out


def _edge_number(page: list[Line], i: int) -> bool:
    return (i == 0 or i == len(page) - 1) and bool(_PAGE_NUMBER.match(page[i].text.strip()))


def _standalone(text: str) -> bool:
    """A line that is a paragraph of its own whatever its spacing: a short numbered heading."""
    return len(text) <= HEADING_MAX_CHARS and bool(_NUMBERED_HEADING.match(text)) and not text.endswith((",", ";"))


def _short(line: Line, layout: Layout) -> bool:
    return layout.line_chars is not None and len(line.text) < SHORT_LINE * layout.line_chars


def _capital(text: str) -> bool:
    return text[:1].isupper() or text[:1].isdigit()


def short_heading(line: Line, nxt: Line | None, layout: Layout) -> bool:
    """A heading set in the body font: a short line that ends unpunctuated, then a capitalised line.

    A line of running text reaches the margin, and a paragraph's last line ends with its
    sentence; "Gold in Ituri" or "L'or en Ituri" above a paragraph does neither.
    """
    text = line.text
    return (_short(line, layout) and len(text.split()) <= HEADING_MAX_WORDS and _capital(text)
            and not _RUNS_ON.search(text) and (nxt is None or _capital(nxt.text)))


def _starts_paragraph(line: Line, prev: Line | None, layout: Layout, heads: tuple[bool, bool]) -> bool:
    """Whether ``line`` opens a paragraph; ``heads`` says whether prev and line are short headings."""
    if prev is None or line.cells or prev.cells or _standalone(line.text):
        return True
    # After a heading or a caption line a new paragraph starts, unless the line runs on in lower case.
    if (_standalone(prev.text) or _CAPTION.match(prev.text) or heads[0]) and not line.text[:1].islower():
        return True
    if _CAPTION.match(line.text) or _BULLET.match(line.text):
        return True
    # A short heading after a finished sentence or another short line (never a paragraph's last words).
    if heads[1] and (_SENTENCE_END.search(prev.text) or _short(prev, layout)):
        return True
    changed_font = line.size and prev.size and (abs(line.size - prev.size) > 0.5 or line.bold != prev.bold)
    if changed_font and not line.text[:1].islower():  # a word in bold inside a sentence is no heading
        return True
    leading = layout.leading
    if line.y is None or prev.y is None or leading is None or not line.size:
        return False
    drop = prev.y - line.y
    return drop <= 0 or drop > PARA_GAP * leading * line.size  # a move up: a new column or block


def _leading(lines: list[Line]) -> float | None:
    """The usual distance between two lines of one paragraph, in font sizes: the most common one."""
    ratios = [round((a.y - b.y) / b.size, 2) for a, b in itertools.pairwise(lines)
              if a.y is not None and b.y is not None and b.size and a.y > b.y and a.size == b.size]
    if not ratios:
        return None
    common = Counter(ratios).most_common(1)[0][0]
    return common if common > 0 else statistics.median(ratios)


def _line_chars(lines: list[Line]) -> float | None:
    """How many characters a full line of running text holds: a high percentile, as most lines are full."""
    lengths = sorted(len(ln.text) for ln in lines if not ln.cells)
    if len(lengths) < 5:  # too few lines to know where the margin is
        return None
    return float(lengths[int(0.9 * (len(lengths) - 1))])


@dataclass(frozen=True)
class Layout:
    """What the whole document says about its lines: the usual spacing and the usual full width."""
    leading: float | None
    line_chars: float | None

    @classmethod
    def of(cls, lines: list[Line]) -> Layout:
        return cls(_leading(lines), _line_chars(lines))


def join_lines(a: str, b: str) -> str:
    """Two lines of one paragraph: a word hyphenated across them is made whole again."""
    if re.search(r"[^\W\d_]-$", a) and b[:1].islower():
        return a[:-1] + b
    if a.endswith("\u00ad"):
        return a[:-1] + b
    return f"{a} {b}"


def _ends_heading(line: Line, prev: Line | None, paras: list[str]) -> bool:
    """Whether ``line``'s lead-in ends a heading begun above: the line before is all in the lead-in's
    font, and the two together are still heading-like (a body line in that font is not)."""
    if not line.lead or not paras or prev is None or prev.cells or prev.font != line.lead_font \
            or _SENTENCE_END.search(prev.text):
        return False
    whole = join_lines(paras[-1], line.text[:line.lead].strip())
    return leadins.leadin_cut(whole, " " + line.text[line.lead:].strip()) is not None


def page_paragraphs(lines: list[Line], layout: Layout) -> list[str]:
    paras: list[str] = []
    prev: Line | None = None
    following: list[Line | None] = [*lines[1:], None] if lines else []  # a page with no text has no lines
    heads = [short_heading(ln, nxt, layout) for ln, nxt in zip(lines, following, strict=True)]
    for i, line in enumerate(lines):
        if line.cells:
            paras.extend(line.cells)
        elif _ends_heading(line, prev, paras):
            # A heading in the lead-in's font that began on the line above ends here.
            paras[-1] = join_lines(paras[-1], line.text[:line.lead].strip())
            paras.append(line.text[line.lead:].strip())
        elif (_starts_paragraph(line, prev, layout, (i > 0 and heads[i - 1], heads[i])) or not paras
              or (line.lead_alone and prev is not None and _SENTENCE_END.search(prev.text))):
            # A lead-in opens a paragraph: it is one, and its line's text the next one.
            cut = line.lead if line.lead_alone else 0
            paras.extend(p for p in (line.text[:cut].strip(), line.text[cut:].strip()) if p)
        else:
            paras[-1] = join_lines(paras[-1], line.text)
        prev = line
    return paras


def paragraphs(pages: list[list[Line]]) -> list[str]:
    """Paragraphs of the whole document; one that runs on from a page to the next is joined."""
    pages = strip_running_lines(pages)
    layout = Layout.of([ln for p in pages for ln in p])
    out: list[str] = []
    for lines in pages:
        paras = page_paragraphs(lines, layout)
        if out and paras and not _SENTENCE_END.search(out[-1]) and paras[0][:1].islower() \
                and not _standalone(out[-1]):
            out[-1] = join_lines(out[-1], paras.pop(0))
        out.extend(paras)
    return out
