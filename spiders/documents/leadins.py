"""Run-in lead-ins: a short emphasised run opening a paragraph is a heading of its own.

News sites and NGO/UN reports often set a heading inside the paragraph it
introduces instead of above it: ``<p><strong>Gold smuggling</strong> The M23
has...``, a dateline ``<b>Bunia</b> — Des hommes armés...``, a label
``<em>Background</em>: ...``, or in a PDF a bold run at the start of a line
followed by body text. Kept in the paragraph, the sentence splitter glued the
lead-in to the first sentence, and every name in it was linked to that
sentence's claims. Here such a lead-in becomes a paragraph of its own.

A bold word is a lead-in only when it looks like a heading: it opens the
paragraph, is short, ends without a sentence's punctuation (a colon or dash
may part it from the text) and not on a word that needs more ("According
to"), and what follows starts a sentence (a capital). So the bold "M23" in
running prose, or a bold subject the sentence goes on from ("<b>Les FARDC</b>
ont saisi..."), stays where it is.

For HTML the lead-ins are read from the page as served: trafilatura's output
without formatting is the text that is stored (asking it for formatting
changes what it extracts on 7 of 199 real pages), so the paragraphs it gives
are cut where they start with a lead-in of the page, between words only:
nothing is added or dropped but the blank line. For a PDF line, pdftext.py
gives its runs of text with their fonts (``line_lead``): the first run is a
lead-in when its font does not come back later in the line ("...types like
OCTET STRING the..." is prose with a word in a font of its own).
"""

from __future__ import annotations

import re

from lxml import etree

LEADIN_MAX_WORDS = 12
LEADIN_MAX_CHARS = 120  # twelve long words; a heading that wraps in a PDF is long
EMPHASIS = ("b", "strong", "em", "i")
# The blocks a lead-in opens; an emphasis inside a span or a link is not looked at.
BLOCK_PARENTS = frozenset({"p", "div", "li", "dd", "td", "blockquote"})
# A run ending on one of these goes on into the sentence ("<b>According to</b> UN experts"): no heading does.
OPEN_ENDS = frozenset({"a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to",
                       "with", "au", "aux", "dans", "de", "des", "du", "en", "et", "la", "le", "les", "par",
                       "pour", "sur", "à", "con", "del", "el", "las", "los", "para", "por", "y", "da", "das",
                       "do", "dos", "e", "der", "die", "und", "von", "zu", "mit"})
# A run that says when ("<b>On Monday</b> M23 rebels took...", "<b>Last week</b> the FARDC...") opens the
# sentence as an adverbial; with no separator after it, it is no heading even when a name follows.
_WHEN = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|morning|evening|"
    r"week|weekend|month|year|january|february|march|april|may|june|july|august|september|october|november|"
    r"december|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|aujourd'hui|matin|soir|semaine|"
    r"mois|an|année|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b")
_WHEN_OPENERS = frozenset({"on", "in", "at", "last", "this", "early", "late", "earlier", "since", "during",
                           "yesterday", "today", "le", "la", "ce", "cette", "en", "depuis", "hier", "dès"})
_SEPARATOR = re.compile(r"\s*(?:[:—–|]|-(?=\s))?\s*")  # "Background:", "Bunia —"; a hyphen only when spaced
_NO_HEADING_END = re.compile(r"[.!?…,;(\[]$")  # a finished sentence, or one going on
_QUOTES = "\"'“‘«"
_SPACE = re.compile(r"\s+")


def _starts_sentence(text: str, also: str = "") -> bool:
    text = text.lstrip(_QUOTES + also + " \u00a0\u202f")  # « Or de l'Ituri »
    return text[:1].isupper() or text[:1].isdigit()


def _heading_like(lead: str) -> bool:
    words = lead.split()
    if not words or len(words) > LEADIN_MAX_WORDS or len(lead.strip()) > LEADIN_MAX_CHARS:
        return False
    letters = [ch for ch in lead if ch.isalpha()]
    if not letters or not _starts_sentence(lead, also="(["):  # a bare "2." or "•" is a list marker
        return False
    # A quote mark opening at its end hides how it ends: 'alien life, "' goes on into "Out There".
    if _NO_HEADING_END.search(lead.strip().rstrip(_QUOTES + "”’» ")):
        return False
    return words[-1].lower() not in OPEN_ENDS  # "Tested by:" is closed by its colon


def _says_when(lead: str) -> bool:
    words = lead.lower().split()
    return bool(words) and (words[0] in _WHEN_OPENERS or bool(_WHEN.fullmatch(words[0]))) \
        and bool(_WHEN.search(lead.lower()))


def leadin_cut(lead: str, after: str) -> int | None:
    """How many characters of ``after`` (its separator and blanks) go with ``lead``; None if no lead-in.

    ``lead`` is the emphasised run opening a paragraph, ``after`` the text that follows it.
    """
    if not _heading_like(lead):
        return None
    sep = _SEPARATOR.match(after)
    cut = sep.end() if sep else 0
    rest = after[cut:]
    if not rest.strip() or not _starts_sentence(rest):  # nothing after it, or the sentence goes on
        return None
    parted = bool(after[:cut].strip()) or lead.rstrip()[-1:] in ":—–|-"  # "May 3:" is a dateline
    if not parted and _says_when(lead):
        return None
    if cut == 0 and not lead[-1:].isspace() and lead[-1:].isalnum():  # "<b>M</b>23": one word
        return None
    return cut


def _opens_block(el: etree._Element) -> bool:
    """Nothing with text comes before ``el`` in its block (an empty anchor or image may)."""
    parent = el.getparent()
    if parent is None or parent.tag not in BLOCK_PARENTS or (parent.text or "").strip():
        return False
    for sib in el.itersiblings(preceding=True):
        if "".join(sib.itertext()).strip() or (sib.tail or "").strip():
            return False
    return True


def _after(el: etree._Element, limit: int = 200) -> str:
    """The text that follows ``el`` in its block, up to ``limit`` characters."""
    parts = [el.tail or ""]
    for sib in el.itersiblings():
        if sum(map(len, parts)) > limit:
            break
        parts.extend([*sib.itertext(), sib.tail or ""])
    return "".join(parts)


def page_leadins(tree: etree._Element) -> set[tuple[str, str]]:
    """The page's lead-ins: (the lead-in with its separator, whitespace collapsed; the word after it)."""
    found = set()
    for el in tree.iter(*EMPHASIS):
        if not _opens_block(el):
            continue
        lead, after = "".join(el.itertext()), _after(el)
        cut = leadin_cut(lead, after)
        if cut is not None:
            found.add((_SPACE.sub(" ", lead + after[:cut]).strip(), after[cut:].split()[0]))
    return found


def _cut(para: str, leadins: set[tuple[str, str]]) -> list[str]:
    for prefix, nxt in leadins:
        rest = para[len(prefix):]
        if para.startswith(prefix) and rest.split()[:1] == [nxt] and (rest[:1].isspace() or not prefix[-1].isalnum()):
            return [prefix, rest.strip()]
    return [para]


def split(paras: list[str], leadins: set[tuple[str, str]]) -> list[str]:
    """``paras`` with each one that opens with a lead-in of the page cut after it."""
    if not leadins:
        return paras
    return [part for para in paras for part in _cut(para, leadins)]


# A piece of a line's text with its font: (text, (font name, size), bold, size).
Run = tuple[str, tuple[str, float], bool, float]


def line_lead(text: str, runs: list[Run]) -> tuple[int, bool, bool, float] | None:
    """A PDF line's first run in a font that does not come back in the line, then a sentence start.

    Its length in the stripped line with its separator; whether it is a lead-in by itself (a run
    that ends a heading begun on the line above may not be: "highlands" in "...North Kivu's
    highlands The M23 has..."); and the weight and size of the text after it.
    """
    inked = [r for r in runs if r[0].strip()]
    style = inked[0][1] if inked else None
    end = 0
    for i, (piece, font, bold, size) in enumerate(runs):
        if piece.strip() and font != style:
            # The first font back later in the line is the body's: "like OCTET STRING the..." is prose
            # with a word in a font of its own, not a lead-in.
            sep = _SEPARATOR.match(text, end)
            if any(r[1] == style for r in runs[i:] if r[0].strip()) or sep is None \
                    or not _starts_sentence(text[sep.end():]):
                return None
            alone = leadin_cut(text[:end], text[end:]) is not None
            return sep.end() - (len(text) - len(text.lstrip())), alone, bold, size
        end += len(piece)
    return None  # one font all along
