"""A name that is the story's source by the words before it: "according to X", "selon X", "d'après X",
"miners interviewed by Reuters", "des orpailleurs joints par RFI"."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.tree import ancestors_and_self, attribution_case, claims_a_deed, is_word, low


def according(span: Span) -> bool:
    """'according to X', 'selon X', "d'après X", 'X said': read on the words before the name."""
    words = [low(t) for t in span.doc[max(0, span.start - 4): span.start]]
    if "," in words:  # "Selon InSight Crime, Los Choneros utilisent": the source's phrase has ended
        words = words[len(words) - words[::-1].index(","):]
    before = " ".join(words)
    if any(re_ in before for re_ in ("according to", "selon", "d' après", "d'après", "citing", "per ")):
        return True
    return _reported_by(span)


_WHEN = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "lundi", "mardi",
                   "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "today", "yesterday", "hier", "recently",
                   "récemment", "lately", "last", "dernier", "dernière"})


def _reported_by(span: Span) -> bool:
    """"des orpailleurs joints par RFI", "miners interviewed by Reuters": the agent of a verb of reaching,
    interviewing or reporting, read on the words as the parser hangs the "par" phrase anywhere."""
    doc = span.doc
    by = next((w for w in reversed(doc[max(0, span.start - 3): span.start]) if low(w) in ("by", "par")), None)
    if by is None or by.i == 0 or any(low(w) == "as" for w in doc[by.i: span.start]):
        return False  # "tracked by researchers as Cold Harbor": the name is what they call the band
    # "publiée mardi par l'ONG X": a day or a word of time may sit between the verb and its agent
    verb = doc[by.i - 1]
    if by.i > 1 and (verb.like_num or low(verb) in _WHEN):
        verb = doc[by.i - 2]
    return low(verb) in lx.REACHED_PARTICIPLES or (  # "joints par RFI", tagged a noun
        is_word(verb, lx.REPORT_VERBS | lx.INVESTIGATE_VERBS) and verb.pos_ in ("VERB", "ADJ") and
        not claims_a_deed(verb))  # "a ransomware attack claimed by X": X did it


def attributed(t: Token) -> bool:
    """The token hangs in an attribution phrase: "selon des négociants rencontrés à Goma", "d'après des
    commerçantes rencontrées à Pétion-Ville"."""
    return any(low(a) in lx.ACCORDING or any(c.dep_ == "case" and attribution_case(c) and not _comma_between(c, t)
                                             for c in a.children) for a in ancestors_and_self(t))


def _comma_between(case: Token, t: Token) -> bool:
    """"D'après les experts, à Goma, le M23 vend": the source's phrase ended at the comma, whatever the parse
    hangs after it. Read for "d'après" only: on "selon" it was measured to let in more wrong places (the
    parse hangs a source's own apposition after a comma too) than right ones."""
    return low(case) == "d'" and any(w.text == "," for w in t.doc[case.i: t.i])
