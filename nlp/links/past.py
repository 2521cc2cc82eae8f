"""Whether a clause tells of the past: a past year, "used to", "formerly", a sentence that opens on a
past time ("Between 2008 and 2012, ...") or on "Before" a past event. A year that dates a participle
("rifles looted in 2011 are still sold") or names an event ("the 2024 murder") does not."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.duration import over_by_its_length
from ocwatch.nlp.links.tree import clause_path, past_verb
from ocwatch.nlp.links.tree import lemma as _lemma
from ocwatch.nlp.links.tree import low as _low

_YEAR = re.compile(r"^(19|20)\d\d(s)?$")


def _past_year(tokens: list[Token], ref_year: int) -> bool:
    for t in tokens:
        low = _low(t)
        if _names_an_event(t):
            continue  # "charged with smuggling cocaine ... and with the 2024 murder of a rival": the murder's year
        if _YEAR.match(low):
            if (int(low[:4]) <= ref_year - 2 or low.endswith("s")) and not _dates_a_participle(t):
                return True
        elif low in lx.DECADE_WORDS and any(_YEAR.match(_low(c)) for c in t.subtree):
            return True
    return False


_PERIOD_NOUNS = frozenset({"period", "periods", "season", "seasons", "decade", "era", "période", "saison", "décennie",
                           # the claim's own source or the deed's case: "a 2018 UN report", "the 2017 smuggling case"
                           "report", "reports", "case", "cases", "seizure", "seizures", "shipment", "operation",
                           "investigation", "inquiry", "study", "survey", "trial", "affair", "rapport", "affaire",
                           "saisie", "enquête", "étude", "procès", "dossier"})


def _names_an_event(y: Token) -> bool:
    """A year put before a noun names that event ("the 2024 murder", "the 2019 elections"), not a period
    the clause tells of ("the 2016-2018 period" does)."""
    return bool(_YEAR.match(_low(y))) and y.dep_ in ("nummod", "compound", "amod") and y.head.i > y.i and \
        y.head.pos_ == "NOUN" and _low(y.head) not in _PERIOD_NOUNS


_STILL = lx.STILL_WORDS


def _dates_a_participle(y: Token) -> bool:
    """A year after a participle on a noun dates the participle, not the clause that goes on in the
    present: "fusils volés en 1997 circulent encore", "rifles looted in 2011 are still sold" (the small
    parsers often make the participle the main verb, so this is read on the words)."""
    doc = y.doc
    part = next((w for w in doc[max(1, y.i - 12): y.i] if doc[w.i - 1].pos_ in ("NOUN", "PROPN") and (
        _past_participle(w) or w.tag_ == "VBD")), None)
    if part is None or any(_finite(w) and w.tag_ != "VBD" for w in doc[part.i + 1: y.i]):
        return False
    after = list(doc[y.i + 1: y.i + 10])  # "..., de l'héroïne afghane continue de ...": the verb comes late
    stop = next((i for i, w in enumerate(after) if _low(w) in ("and", "et", "but", "mais", ";")), len(after))
    return any(_low(w) in _STILL or (_finite(w) and "Pres" in w.morph.get("Tense")) for w in after[:stop])


def _finite(w: Token) -> bool:
    return "Fin" in w.morph.get("VerbForm") and w.pos_ in ("VERB", "AUX")


def _past_participle(w: Token) -> bool:
    """A past participle, also one the French model tags ADJ with its verb's infinitive as lemma ("volés")."""
    if "Part" in w.morph.get("VerbForm"):
        return w.tag_ != "VBG" and "Pres" not in w.morph.get("Tense")
    return w.pos_ == "ADJ" and w.lemma_.endswith(("er", "ir", "re")) and w.lower_.endswith(
        ("é", "és", "ée", "ées", "i", "is", "ie", "ies", "u", "us", "ue", "ues"))


def historical(p: Token, ref_year: int) -> bool:
    # "used to smuggle" is a past habit; "used taxi drivers to move migrants" is what was done, and
    # "boats are used to smuggle migrants" is a use, not a habit (a passive)
    if _low(p) == "used" and p.i + 1 < len(p.doc) and _low(p.nbor(1)) == "to" and \
            any(c.dep_ == "xcomp" for c in p.children) and not any(c.dep_ in ("auxpass", "aux:pass") for c in p.children):
        return True
    if over_by_its_length(p):
        return True
    for c in p.children:
        if _low(c) in lx.HISTORY_ADVERBS:
            return True
        if c.dep_ == "advcl" and any(_low(g) in lx.BEFORE_WORDS for g in c.children) and past_verb(p) \
                and _past_year(list(c.subtree), ref_year):
            return True  # "ran a similar racket in Esmeraldas before their leaders were jailed in 2023"
        if c.dep_ in ("prep", "obl", "obl:mod", "npadvmod", "nmod", "obl:tmod"):
            sub = list(c.subtree)
            if any(_low(s) in lx.SINCE for s in sub):
                continue
            if _past_year(sub, ref_year):
                return True
    return False


_NOW = lx.NOW_WORDS


def fronted_past(t: Token, ref_year: int) -> bool:
    """A sentence that opens on a past time ("Between 2008 and 2012, the CNDP taxed...", "En 2012,
    ..."): the small parsers often hang it off the wrong word, so it is read on the words before the
    first comma. Not a report's date ("In its 2023 report, ...") and not past a "today"."""
    doc = t.doc
    comma = next((w for w in doc[:8] if w.text == ","), None)
    if comma is None or t.i < comma.i:
        return False
    head = doc[: comma.i]
    if any(_low(w) in lx.SINCE or _lemma(w) in lx.REPORT_NOUNS or _low(w) in lx.REPORT_NOUNS for w in head):
        return False
    if any(_low(w) in _NOW for w in doc[comma.i: t.i]):
        return False
    return _past_year(list(head), ref_year)


def before_past(t: Token, ref_year: int) -> bool:
    """A sentence that opens on "Before"/"Until"/"Avant" and a past event puts its main clause before
    it: a past year or a past verb in the opener ("Before the Taliban banned poppy in 2022,"), or, for
    a bare opener ("Avant cela,"), a past verb in the main clause. "Before it reaches Goma, the gold
    is ..." stays present."""
    doc = t.doc
    comma = next((w for w in doc[:20] if w.text == ","), None)
    if comma is None or t.i < comma.i or _low(doc[0]) not in lx.BEFORE_WORDS:
        return False
    if any(_low(w) in _NOW for w in doc[comma.i: t.i]):
        return False
    opener = list(doc[1: comma.i])
    if _past_year(opener, ref_year) or any(past_verb(w) for w in opener):
        return True
    main = [clause_path(t)[-1]]
    main += [c for c in main[0].children if c.dep_.startswith("aux")]
    return len(opener) <= 2 and any(past_verb(w) for w in main)


# "continuent d'être sortis de caches ... vers la France", "are back on the Malinowski river", "ont repris"
_GOING_ON = frozenset({"continue", "keep", "persist", "resume", "remain", "continuer", "reprendre", "persister",
                       "poursuivre", "rester"})


def goes_on_now(path: list[Token]) -> bool:
    """The clause says, in the present, that its activity goes on ("continue to", "now", "still", "désormais",
    "ont repris"): a year elsewhere in it ("des stocks de la guerre des années 1990", "cleared them out in 2019")
    dates something else. Not against a history adverb of the path ("once dominated by FDLR fighters, is now
    controlled by Nyatura militiamen": the FDLR's part is over), nor a year on the verb that says it goes on
    ("remains under scrutiny for shipping heroin through Mombasa in 2014")."""
    if opens_on_a_year(path[0].doc) or any(_low(c) in lx.HISTORY_ADVERBS for p in path for c in p.children):
        return False
    for p in path:
        if p.pos_ not in ("VERB", "AUX"):
            continue
        cue = _lemma(p) in _GOING_ON or any(_low(c) in _STILL or (_low(c) == "back" and c.dep_ in ("advmod", "prt"))
                                              for c in p.children)
        if cue and _present(p) and not any(map(_a_year, p.children)):
            return True
    return False


def _a_year(c: Token) -> bool:
    """A year on the verb itself: "in 2014", "en 2015" (not one deeper in its phrases: "under the control of
    militiamen who seized them in 2015")."""
    return bool(_YEAR.match(_low(c))) or (c.dep_ in ("prep", "obl", "obl:mod") and any(
        _YEAR.match(_low(g)) for g in c.children if g.dep_ in ("pobj", "nummod")))


def opens_on_a_year(doc: Doc) -> bool:
    """"In 2015, smugglers still carried gold", "En 2015, les passeurs ont encore transporté": a sentence that
    opens on a bare past time stays in it, whatever "still" says."""
    return len(doc) > 3 and _low(doc[0]) in ("in", "en") and bool(_YEAR.match(_low(doc[1]))) and doc[2].text == ","


def _present(p: Token) -> bool:
    """A present verb, a present passive ("are still smuggled", "sont encore transportés"); a French passé
    composé only of a verb of going on ("ont repris", not "ont encore transporté en 2015")."""
    if (_finite(p) and "Pres" in p.morph.get("Tense")) or p.tag_ in ("VBZ", "VBP"):
        return True
    aux = [c for c in p.children if c.dep_ in ("aux", "auxpass", "aux:pass", "aux:tense")]
    return any(((_finite(c) and "Pres" in c.morph.get("Tense")) or c.tag_ in ("VBZ", "VBP")) and
               (c.dep_ != "aux:tense" or _lemma(p) in _GOING_ON) for c in aux)
