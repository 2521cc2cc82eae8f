"""Find sentences that a heading, caption or list number was glued into (issue 15, item 2).

Two checks, both over the sentences as stored: a known heading (an HTML page's
h1-h6, li, td..., a PDF's outline, the demo generator's section titles) that
stands where a sentence starts and runs on into more text, and a list or
heading number right after a finished sentence ("...gold smuggling. 2. Coltan
and cassiterite"). A heading from a page also knows the words around it in the
page, so the same words met in running prose ("New York City") are not taken
for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import html as lxml_html

# A number with its dot ("2.", "2.1"), not a count opening a sentence ("12 soldiers").
NUMBER_AFTER_SENTENCE = re.compile(r"[.!?][\"'”»)]?\s+(\d{1,2}(\.\d{1,2})*\.|\d{1,2}(\.\d{1,2})+|[IVX]{1,5}\."
                                   r"|\([a-z]\)|[a-h]\))\s+[A-Z]")
HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "dt", "figcaption", "caption")
_SENTENCE_END = re.compile(r"[.!?:;][\"'”»)]?\s+$")
_NUMBER = r"(?:(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,5}\.|Appendix [A-Z])\s+)?"


@dataclass(frozen=True)
class Heading:
    text: str
    next_word: str | None = None  # the first word after the heading in its page, when known
    prev_word: str | None = None  # the last word before it


def _words(text: str) -> list[str]:
    return text.split()


def _runs_on(after: str, heading: Heading) -> bool:
    nxt = _words(after)
    if not nxt:
        return False
    if heading.next_word is not None:
        return nxt[0] == heading.next_word
    return nxt[0][:1].isupper() or nxt[0][:1].isdigit()


def _glued(sentence: str, heading: Heading) -> bool:
    """The heading (with its number) stands where a sentence starts and more text runs on from it."""
    for m in re.finditer(r"(?<!\w)" + _NUMBER + re.escape(heading.text) + r"(?!\w)", sentence):
        before, after = sentence[:m.start()], sentence[m.end():]
        if before and not _SENTENCE_END.search(before):
            continue
        closes = bool(before) and not after.strip() and heading.prev_word in (None, _words(before)[-1])
        if closes or _runs_on(after, heading):
            return True
    return False


def glued_headings(sentences: Iterable[str], headings: Iterable[str | Heading]) -> list[tuple[str, str]]:
    """(heading, sentence) for each sentence a heading was glued into, or a number after a full stop."""
    heads = {h if isinstance(h, Heading) else Heading(h) for h in headings}
    heads = sorted((Heading(" ".join(h.text.split()), h.next_word, h.prev_word) for h in heads
                    if len(h.text.split()) >= 2),
                   key=lambda h: len(h.text), reverse=True)
    found = []
    for raw in sentences:
        sentence = " ".join(raw.split())
        hits = [h.text for h in heads if h.text in sentence and _glued(sentence, h)]
        if hits:
            found.append((hits[0], sentence))
        elif (m := NUMBER_AFTER_SENTENCE.search(sentence)) is not None:
            found.append((m.group(0), sentence))
    return found


def html_headings(html: str) -> list[Heading]:
    """A page's headings, list items, table cells and captions, with the first word the page shows after each."""
    tree = lxml_html.fromstring(html)
    out = []
    for el in tree.iter(*HEADING_TAGS):
        text = " ".join(el.text_content().split())
        if 2 <= len(text.split()) <= 20:
            after = _words(" ".join(str(t) for t in el.xpath("following::text()[normalize-space()][position() <= 3]")))
            before = _words(" ".join(str(t) for t in el.xpath("preceding::text()[normalize-space()][position() <= 3]")))
            out.append(Heading(text, after[0] if after else "", before[-1] if before else ""))
    return out
