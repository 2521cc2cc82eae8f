"""Assertion status of a mention from cues on the dependency parse, English and French.

A cue counts in the clause the mention stands in: from the mention up to its
clause head (through xcomp and conj, not through ccomp/advcl/relcl), so "the
M23 does not control" negates the M23's clause but not the main clause of
"trails that the M23 does not control lead gold out of Kamituga". A denial
(deny, dément, nie) counts from anywhere above the mention, and "a charge X
rejects" disputes the whole sentence. Priority: disputed, negated,
hypothetical, historical, else asserted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from spacy.tokens import Doc, Token

from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.mask import PLACEHOLDERS

STATUSES = ("asserted", "negated", "hypothetical", "historical", "disputed")
_YEAR = re.compile(r"^(19|20)\d\d(s)?$")


def _low(t: Token) -> str:
    return t.lower_.replace("’", "'")


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


def ancestors_and_self(t: Token) -> Iterator[Token]:
    yield t
    yield from t.ancestors


def clause_path(t: Token) -> list[Token]:
    """The mention's token up to and including its clause head."""
    path = [t]
    while path[-1].dep_ not in lx.CLAUSE and path[-1].head.i != path[-1].i and not _own_conjunct(path[-1]):
        path.append(path[-1].head)
    return path


def _own_conjunct(t: Token) -> bool:
    """A coordinated clause with its own subject keeps its own cues: "Le JNIM n'a pas imposé de blocus,
    mais ses combattants rançonnent toujours" negates only the first clause."""
    return t.dep_ == "conj" and any(c.dep_ in lx.SUBJECT for c in t.children)  # "tax" tagged NOUN too


def negated(p: Token) -> bool:
    """A negator on the word: "not", "never", "pas", "jamais", "no longer", "ne ... plus"."""
    kids = list(p.children)
    lows = {_low(c) for c in kids}
    for c in kids:
        low = _low(c)
        if c.dep_ in ("neg", "advmod:neg") or (low in lx.NEGATORS and c.dep_ in ("advmod", "det", "neg", "cc:preconj")):
            return True
        if low == "longer" and any(_low(g) == "no" for g in c.children):
            return True
        if low in lx.NEG_PLUS and lows & lx.NE:
            return True
        if low in lx.NE and any(_low(w) in lx.NE_PARTNERS for w in p.doc[c.i + 1: c.i + 5]):
            return True
    return _low(p) in ("no", "aucun", "aucune") and p.dep_ == "det"


# Who is stopped is arrested: the people who do an activity and a masked name.
_STOPPED_PEOPLE = lx.OFFENDER_NOUNS | lx.TRADE_PEOPLE | PLACEHOLDERS


def _stopped(path: list[Token]) -> bool:
    """The activity is the subject of a verb of stopping with no object ("gold trading has halted"), or
    what somebody stopped doing ("stopped taxing", "ont cessé de taxer"): not going on any more."""
    for below, p in list(pairwise(path))[:2]:  # the activity's own word or its head
        if _lemma(p) not in lx.STOP_VERBS:
            continue
        if below.dep_ in lx.PASSIVE_SUBJECT and _low(below) in _STOPPED_PEOPLE:
            continue  # "un passeur a été arrêté", "Group was stopped at the border": caught, not ceased
        if below.dep_ in lx.SUBJECT and not any(c.dep_ in lx.OBJECT for c in p.children):
            return True
        if below.dep_ == "xcomp" and below.pos_ == "VERB":
            return True
    return False


# Trying to investigate, expose or stop a trade is no attempt at it.
_NOT_TRADING = lx.INVESTIGATE_VERBS | lx.REPORT_VERBS | frozenset({
    "expose", "stop", "prevent", "fight", "dénoncer", "empêcher", "arrêter", "lutter", "combattre", "enquêter"})


def _attempt_made(p: Token, below: Token | None = None) -> bool:
    """Tried in the past: read on the forms too, as the small French model tags "tentaient" a present."""
    if _lemma(p) not in lx.ATTEMPT_VERBS or (below is not None and _lemma(below) in _NOT_TRADING):
        return False
    tenses = [*p.morph.get("Tense"), *(t for c in p.children if c.dep_.startswith("aux") for t in c.morph.get("Tense"))]
    return any(t in ("Past", "Imp") for t in tenses) or _low(p).endswith(("ait", "aient", "é", "ée", "és", "ées"))


def _destined(p: Token) -> bool:
    """"had been intended for the Houthis", "meant for buyers in Dubai": where goods were going, no plan."""
    return _lemma(p) in ("intend", "mean") and any(c.dep_ == "auxpass" for c in p.children) and any(
        _low(c) == "for" and any(g.dep_ == "pobj" and (g.pos_ == "PROPN" or _low(g) in PLACEHOLDERS)
                                 for g in c.children) for c in p.children)


def _hypothetical(p: Token, below: Token | None) -> bool:
    if below is not None and _lemma(p) in lx.PLAN_VERBS | lx.MODALS - {"can", "must", "devoir"} and \
            not _attempt_made(p, below) and not _destined(p):
        return True
    if "Cnd" in p.morph.get("Mood") and _lemma(p) in ("pouvoir", "devoir", "vouloir"):
        return True
    if below is not None and _lemma(p) in lx.PREPARE_VERBS and below.dep_ in ("xcomp", "advcl", "obl", "ccomp") and \
            below.pos_ in ("VERB", "AUX") and not any(_lemma(t) in lx.ENFORCE_VERBS for t in p.doc):
        return True  # not "arrested as they prepared to unload": caught in the act
    for c in p.children:
        low = _low(c)
        if c.dep_.startswith("aux") and (_lemma(c) in lx.MODALS - {"can", "must"} or low in lx.MODALS):
            return True
        if c.dep_ == "mark" and low in lx.CONDITION_MARKS:
            return True
        if c.dep_ == "advcl" and any(g.dep_ == "mark" and _low(g) in lx.CONDITION_MARKS for g in c.children):
            return True
        if c.dep_ == "advmod" and low in lx.HYPO_WORDS:
            return True
    return False


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


_STILL = frozenset({"still", "encore", "toujours", "today", "now", "currently", "aujourd'hui", "désormais",
                    "actuellement"})


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


def _historical(p: Token, ref_year: int) -> bool:
    # "used to smuggle" is a past habit; "used taxi drivers to move migrants" is what was done, and
    # "boats are used to smuggle migrants" is a use, not a habit (a passive)
    if _low(p) == "used" and p.i + 1 < len(p.doc) and _low(p.nbor(1)) == "to" and \
            any(c.dep_ == "xcomp" for c in p.children) and not any(c.dep_ in ("auxpass", "aux:pass") for c in p.children):
        return True
    for c in p.children:
        if _low(c) in lx.HISTORY_ADVERBS:
            return True
        if c.dep_ == "advcl" and any(_low(g) in lx.BEFORE_WORDS for g in c.children) and _past_verb(p) \
                and _past_year(list(c.subtree), ref_year):
            return True  # "ran a similar racket in Esmeraldas before their leaders were jailed in 2023"
        if c.dep_ in ("prep", "obl", "obl:mod", "npadvmod", "nmod", "obl:tmod"):
            sub = list(c.subtree)
            if any(_low(s) in lx.SINCE for s in sub):
                continue
            if _past_year(sub, ref_year):
                return True
    return False


_NOW = frozenset({"today", "now", "currently", "nowadays", "aujourd'hui", "désormais", "actuellement", "maintenant"})


def _fronted_past(t: Token, ref_year: int) -> bool:
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


def _past_verb(w: Token) -> bool:
    """A past finite verb; also a French imperfect the small model tags as a noun ("contrôlaient")."""
    if w.pos_ in ("VERB", "AUX") and {"Past", "Imp"} & set(w.morph.get("Tense")):
        return True
    return w.tag_ == "VBD" or (w.is_lower and len(w.text) > 5 and w.lower_.endswith(("aient", "ait")))


def _before_past(t: Token, ref_year: int) -> bool:
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
    if _past_year(opener, ref_year) or any(_past_verb(w) for w in opener):
        return True
    main = [clause_path(t)[-1]]
    main += [c for c in main[0].children if c.dep_.startswith("aux")]
    return len(opener) <= 2 and any(_past_verb(w) for w in main)


def _feared(t: Token) -> bool:
    """The clause is what somebody fears or expects ("fears that the group will seize", "redoute que")."""
    return any(_lemma(a) in lx.FEAR_VERBS or _low(a) in lx.FEAR_VERBS for a in t.ancestors)


def sentence_disputed(doc: Doc) -> bool:
    """'..., a charge Kampala rejects', '..., ce que dément l'armée': the whole sentence is disputed."""
    for t in doc:
        if _lemma(t) in lx.DENY or _low(t) in lx.DENY:
            near = [t.head, *t.children, *(t.head.children if t.head.i != t.i else []), *doc[max(0, t.i - 5): t.i]]  # "ce que Kigali a toujours nié"
            if any(_low(n) in lx.CLAIM_NOUNS | {"which", "ce", "what"} for n in near):
                return True
    return False


def _denied_before(t: Token) -> bool:
    """'X denies that ...', 'X dément que ...': a denial followed by its clause, read linearly
    because the small models often attach the clause elsewhere."""
    for d in t.doc[: t.i]:
        if (_lemma(d) in lx.DENY or _low(d) in lx.DENY) and d.i + 1 < len(t.doc) and \
                _low(t.doc[d.i + 1]) in ("that", "que", "qu'", "avoir", "having") and \
                not any(_low(w) in _BUT for w in t.doc[d.i: t.i]):  # "..., but diggers stated that"
            return True
    return False


_BUT = frozenset({"but", "mais", "however", "cependant", "yet", "toutefois"})


def _governors(t: Token) -> Iterator[Token]:
    """The token's ancestors, up to a coordinated clause with its own subject: "the cooperative denied that
    ..., but three diggers stated that they paid X" does not deny what the diggers state."""
    for a in ancestors_and_self(t):
        if a.i != t.i:
            yield a
        if _own_conjunct(a):
            return


def status_of(t: Token, ref_year: int, disputed_sentence: bool = False) -> str:
    """Status of the clause a token stands in."""
    if disputed_sentence or _denied_before(t) or any(_lemma(a) in lx.DENY or _low(a) in lx.DENY
                                                     for a in _governors(t)):
        return "disputed"
    path = clause_path(t)
    if any(negated(p) for p in path) or _stopped(path):
        return "negated"
    if any(_hypothetical(p, path[i - 1] if i else None) for i, p in enumerate(path)) or _feared(t):
        return "hypothetical"
    if any(_historical(p, ref_year) for p in path) or _fronted_past(t, ref_year) or _before_past(t, ref_year):
        return "historical"
    return "asserted"


def worst(*statuses: str) -> str:
    """The status of a link made of mentions: any part not asserted makes the whole not asserted."""
    for s in ("disputed", "negated", "hypothetical", "historical"):
        if s in statuses:
            return s
    return "asserted"
