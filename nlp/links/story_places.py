"""Places a sentence names for the story, not for an activity: where it was filed (a dateline), where a
report came out, a government that speaks ("ce que Kigali dément"), a place named only to locate another.
The activity's place is never one of them, and the paragraph does not remember them as what it is about."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.asides import bearing, lives_there, possessor
from ocwatch.nlp.links.sources import attributed
from ocwatch.nlp.links.tree import dateline_end, is_word, low, prep_of


def speaker(p: Span) -> bool:
    """A place right before a verb of saying or denying speaks for a government ("ce que Kigali dément"),
    read on the words because the parser often misses that subject."""
    nxt = p.doc[p.end] if p.end < len(p.doc) else None
    # "Residents of Djugu say": the place only qualifies who speaks
    return nxt is not None and not prep_of(p.root) and is_word(nxt, lx.DENY | lx.SAY_VERBS)


def dateline(p: Span) -> bool:
    """A place opening the text before a colon or a dash ("Goma : 300 sacs saisis...", "BUNIA, 14
    March - Police seized...") says where the story was filed, not where the activity happens; so does
    a country after the town ("CULIACÁN, Mexico, 22 Jan (Reuters) -")."""
    doc = p.doc
    if p.start == 0 and p.end < len(doc):
        nxt = doc[p.end]
        if nxt.text in (":", "—", "–", "-") or (nxt.text == "," and p.text.isupper() and len(p.text) > 2):
            return True
    dash = dateline_end(doc)
    return dash is not None and p.end <= dash


# "a report ... released in Bangkok", "présenté à Genève": where a report came out.
_RELEASE = frozenset({"release", "launch", "present", "unveil", "issue", "présenter", "dévoiler", "lancer", "rendre"})


def reported_at(t: Token) -> bool:
    """Where a report was published or an inquiry held ("published a report in Washington", "a report
    released in Bangkok"): the place hangs directly on a verb of reporting or investigating, on a
    report, or on a verb of releasing that a report is near above."""
    verb = t.head.head if t.dep_ == "pobj" else t.head
    if verb.i == t.i:
        return False
    if is_word(verb, _RELEASE) and any(is_word(a, lx.REPORT_NOUNS) for a in list(verb.ancestors)[:3]):
        return True
    return is_word(verb, lx.REPORT_NOUNS) or (verb.pos_ in ("VERB", "AUX") and is_word(verb, lx.REPORT_VERBS | lx.INVESTIGATE_VERBS))


def not_a_site(p: Span) -> bool:
    """A place the sentence names for the story, not for an activity: a dateline, where a report came
    out, a government that speaks; or one named only to locate the place before it ("Kigoma, in the
    United Republic of Tanzania"). The paragraph does not remember it as the place it is about."""
    return dateline(p) or speaker(p) or reported_at(p.root) or attributed(p.root) or _locates_another(p)


def _locates_another(p: Span) -> bool:
    if bearing(p) or possessor(p) or lives_there(p):
        return True
    t = p.root
    for _ in range(2):  # "in the United Republic of Tanzania", "in Fizi territory", "dans la province du Lualaba"
        if t.dep_ in ("compound", "flat", "flat:name") or prep_of(t) in ("of", "de", "du", "d'"):
            t = t.head.head if t.dep_ == "pobj" else t.head
    prep = t.head if t.dep_ == "pobj" else next((c for c in t.children if c.dep_ == "case"), None)
    if prep is None or prep.i == 0 or low(prep) not in ("in", "en", "dans"):
        return False
    return p.doc[prep.i - 1].text == ","
