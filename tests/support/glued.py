"""Find sentences that a heading, caption or list number was glued into (issue 15, item 2).

Two checks, both over the sentences as stored: a known heading (an HTML page's
h1-h6, li, td..., a PDF's outline, the demo generator's section titles) that
stands where a sentence starts and runs on into more text, and a list or
heading number right after a finished sentence ("...gold smuggling. 2. Coltan
and cassiterite"). A heading from a page also knows the words around it in the
page, so the same words met in running prose ("New York City") are not taken
for it.

A page's run-in lead-ins count as headings too: a short emphasised run opening
a paragraph, unpunctuated or ending in a colon or dash, then a capitalised word
(``<p><strong>Gold smuggling</strong> The M23 has...``, ``<b>Bunia</b> — Des
hommes...``, ``<em>Background</em>: ...``). Bold words in prose, or a bold
subject the sentence goes on from in lower case ("<b>Les FARDC</b> ont saisi"),
are not lead-ins. A one-word lead-in is checked only with the word after it.
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
    run_in: bool = False  # a lead-in opening a paragraph: one word is enough, as its next word is known


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
    heads = sorted((Heading(" ".join(h.text.split()), h.next_word, h.prev_word, h.run_in) for h in heads
                    if len(h.text.split()) >= 2 or (h.run_in and h.next_word)),
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


EMPHASIS_TAGS = ("b", "strong", "em", "i")
LEADIN_MAX_WORDS = 12
# Written apart from spiders/documents/leadins.py on purpose: the counter checks that code, so it does
# not share its word lists. Words a heading does not end on, as the sentence goes on after them.
_GOES_ON = frozenset(["a", "an", "and", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to",
                      "with", "au", "aux", "dans", "de", "des", "du", "en", "et", "la", "le", "les", "par",
                      "pour", "sur", "vers", "à"])
# An opening that says when ("On Monday", "Last week", "Lundi") is an adverbial of the sentence it opens.
_SAYS_WHEN = re.compile(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:lun|mar|mercre|jeu|vendre|same)di\b"
                        r"|\bdimanche\b|\b(?:yesterday|today|last week|this week|hier|cette semaine)\b")
_LEADIN_SEP = re.compile(r"^\s*([:—–|-])?\s*")  # what may part a lead-in from its text: "Bunia —", "Background:"


def _leadin(el: lxml_html.HtmlElement) -> Heading | None:
    """An emphasised run opening its paragraph, heading-like, then a capitalised word."""
    parent = el.getparent()
    if parent is None or parent.tag not in ("p", "div", "li", "dd") or (parent.text or "").strip():
        return None
    if el.getprevious() is not None:  # something (a link, an image) comes first
        return None
    raw = el.text_content()
    lead = " ".join(raw.split())
    after = (el.tail or "") + " ".join(str(t) for t in el.xpath("following-sibling::node()//text()"
                                                                  " | following-sibling::text()"))
    sep = _LEADIN_SEP.match(after)
    assert sep is not None  # every part of it is optional
    rest = _words(after[sep.end():])
    if not any(ch.isalpha() for ch in lead) or not rest or len(lead.split()) > LEADIN_MAX_WORDS \
            or lead.rstrip("\"'“”‘’«» ")[-1:] in tuple(".!?,;"):  # a bare bullet or number is a list marker
        return None
    if lead.split()[-1].lower() in _GOES_ON or (not sep.group(1) and _SAYS_WHEN.search(lead)):
        return None
    if not (rest[0][:1].isupper() or rest[0][:1].isdigit()):  # the sentence goes on from a bold subject
        return None
    if sep.end() == 0 and raw[-1:].isalnum():  # "<b>M</b>23": one word, half in bold
        return None
    # The separator goes with the lead-in, spaced as on the page ("Bunia —", "Bunia—", "Background:").
    return Heading(" ".join((raw + after[:sep.end()]).split()), rest[0], None, run_in=True)


def html_leadins(html: str) -> list[Heading]:
    """A page's run-in lead-ins (see the module's docstring), with the word each runs on into."""
    tree = lxml_html.fromstring(html)
    return [h for el in tree.iter(*EMPHASIS_TAGS) if (h := _leadin(el)) is not None]
