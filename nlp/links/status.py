"""Assertion status of a mention from cues on the dependency parse, English and French.

A cue counts in the clause the mention stands in: from the mention up to its
clause head (through xcomp and conj, not through ccomp/advcl/relcl), so "the
M23 does not control" negates the M23's clause but not the main clause of
"trails that the M23 does not control lead gold out of Kamituga". A denial
(deny, dément, nie) counts from anywhere above the mention, and "a charge X
rejects" disputes the whole sentence. A negated verb of ending ("has not
stopped", "has not declined", "n'a pas cessé", "n'a pas mis fin à") is the
activity going on, no negation. Priority: disputed, negated, hypothetical,
historical, else asserted.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from spacy.tokens import Doc, Token

from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.cues import NO_EVIDENCE_THAT, UNCONFIRMED
from ocwatch.nlp.links.mask import PLACEHOLDERS
from ocwatch.nlp.links.negation import PUT, denied_end, negated, stopped
from ocwatch.nlp.links.past import before_past, fronted_past, goes_on_now, historical
from ocwatch.nlp.links.tree import ancestors_and_self, clause_path, is_word, own_conjunct
from ocwatch.nlp.links.tree import lemma as _lemma
from ocwatch.nlp.links.tree import low as _low
from ocwatch.nlp.links.unreached import unreached

STATUSES = ("asserted", "negated", "hypothetical", "historical", "disputed")


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


# What a writer or witness was able to do: see, meet, ask, read, check.
_ABLE_TO = frozenset({"interroger", "consulter", "rencontrer", "voir", "constater", "vérifier", "obtenir",
                      "recueillir", "joindre", "examiner", "analyser", "observer", "documenter", "visiter",
                      "photographier", "identifier", "lire", "entendre", "filmer", "suivre"})


def _able_to(p: Token, below: Token) -> bool:
    """"que nous avons pu interroger", "les documents qu'il a pu consulter": "pouvoir" in the perfect before
    a verb of seeing, meeting or reading says what was done. Not "l'or a pu transiter", "il a pu s'agir"
    (may have), nor "aurait pu" (a conditional)."""
    return _lemma(p) == "pouvoir" and _lemma(below) in _ABLE_TO and any(
        c.dep_.startswith("aux") and _lemma(c) == "avoir" and "Cnd" not in c.morph.get("Mood") for c in p.children)


def _undergone(p: Token, below: Token) -> bool:
    """What was done to somebody, told from their side: "a été visée par une attaque au rançongiciel",
    "were threatened by the militia" (the attack, the threatener did it; not "sought by the Tren de Aragua",
    "visés par les trafiquants", who only want it); and a group's "viser" with a thing aimed at ("le groupe
    avait déjà visé le port d'Abidjan", "vise des hôpitaux au Gabon"), where only "viser à" before a verb is
    an aim. Not what is inside the thing aimed at ("visent la prise des sites miniers", "a visé un convoi de
    carburant": the target's goods are not the group's trade), nor an inquiry's "visant"."""
    if below.dep_ in ("obl:agent", "agent"):
        agent = next((c for c in below.children if c.dep_ == "pobj"), below)
        return _lemma(p) in ("threaten", "menacer") or is_word(agent, _ATTACKS)
    return _lemma(p) == "viser" and below.pos_ not in ("VERB", "AUX") and p.dep_ != "acl" and \
        _low(p) != "visant" and below.dep_ not in ("obj", "dobj")


_ATTACKS = frozenset({"attack", "attaque", "cyberattaque", "cyberattack", "raid", "assault", "assaut", "offensive",
                      "piratage", "hack"})


# A threat or demand states its own condition: "a revendiqué l'attaque et menace de publier les données si
# une rançon n'est pas versée", where the small model hangs the "si" clause on the claim.
_THREAT = frozenset({"threaten", "threat", "demand", "menacer", "menace", "exiger"})


def _threat_between(p: Token, condition: Token) -> bool:
    """A threat that says what it threatens ("menace de publier", "threatens to leak", "exige une rançon")
    between the verb and the condition; not a speech tag ("exploiteront la mine, menace leur chef, si ...")
    nor a threat named ("a threat made on radio, if", "despite government threats, if")."""
    return any((_lemma(t) in _THREAT or _low(t) in _THREAT) and t.i + 1 < len(t.doc) and (
        _low(t.doc[t.i + 1]) in ("de", "d'", "to") or any(c.dep_ in ("obj", "dobj") for c in t.children))
        for t in p.doc[p.i + 1: condition.i])


# "must" says what is exacted ("every truck must pay the FDLR a fee at Kibati"), not what may happen; "can"
# stays a cue: "jihadist groups can easily move weapons" is a warning, not a report.
_MAY = lx.MODALS - {"must"}


def _must_have(c: Token) -> bool:
    """"must have been smuggled": a guess at what happened, not what is exacted."""
    return _low(c) == "must" and c.i + 1 < len(c.doc) and _low(c.doc[c.i + 1]) == "have"


def _hypothetical(p: Token, below: Token | None) -> bool:
    if below is not None and _lemma(p) in lx.PLAN_VERBS | lx.MODALS - {"can", "must", "devoir"} and \
            not _attempt_made(p, below) and not _destined(p) and not _able_to(p, below) and \
            not _undergone(p, below):
        return True
    if "Cnd" in p.morph.get("Mood") and _lemma(p) in ("pouvoir", "devoir", "vouloir"):
        return True
    if below is not None and _lemma(p) in lx.PREPARE_VERBS and below.dep_ in ("xcomp", "advcl", "obl", "ccomp") and \
            below.pos_ in ("VERB", "AUX") and not any(_lemma(t) in lx.ENFORCE_VERBS for t in p.doc):
        return True  # not "arrested as they prepared to unload": caught in the act
    for c in p.children:
        low = _low(c)
        if c.dep_.startswith("aux") and (_lemma(c) in _MAY or low in _MAY or _must_have(c)):
            return True
        if c.dep_ == "mark" and low in lx.CONDITION_MARKS:
            return True
        if c.dep_ == "advcl" and any(g.dep_ == "mark" and _low(g) in lx.CONDITION_MARKS for g in c.children) \
                and not _threat_between(p, c):
            return True
        if c.dep_ == "advmod" and low in lx.HYPO_WORDS:
            return True
    return False


def _feared(t: Token) -> bool:
    """The clause is what somebody fears or expects ("fears that the group will seize", "redoute que")."""
    return any(_lemma(a) in lx.FEAR_VERBS or _low(a) in lx.FEAR_VERBS for a in t.ancestors)


def sentence_disputed(doc: Doc) -> bool:
    """'..., a charge Kampala rejects', '..., ce que dément l'armée', '..., but we found no evidence that it
    does so': the whole sentence is disputed."""
    if UNCONFIRMED.search(doc.text):
        return True
    for t in doc:
        if _lemma(t) in lx.DENY or _low(t) in lx.DENY:
            near = [t.head, *t.children, *(t.head.children if t.head.i != t.i else []), *doc[max(0, t.i - 5): t.i]]  # "ce que Kigali a toujours nié"
            if any(_low(n) in lx.CLAIM_NOUNS | {"which", "ce", "what"} for n in near):
                return True
    return False


def _no_evidence_before(t: Token) -> bool:
    """'found no evidence that the insurgents take part in the ruby trade': the clause after the writer's
    doubt, read linearly as _denied_before reads a denial."""
    cue = NO_EVIDENCE_THAT.search(t.doc.text)
    return cue is not None and cue.end() <= t.idx and not any(
        _low(w) in _BUT | _THOUGH | {";"} or (_low(w) in ("and", "et") and w.i > 0 and w.nbor(-1).text == ",")
        for w in t.doc if w.idx > cue.end() and w.i < t.i)


# "found no evidence that they profit from heroin, although the group does tax ruby miners": a clause of its own
_THOUGH = frozenset({"although", "though", "whereas", "while", "alors", "tandis", "bien", "quoique"})


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
        if own_conjunct(a):
            return


def status_of(t: Token, ref_year: int, disputed_sentence: bool = False, place: bool = False) -> str:
    """Status of the clause a token stands in; a ``place`` the activity never reached (unreached.py) is a
    hypothetical's."""
    if disputed_sentence or _denied_before(t) or _no_evidence_before(t) or any(
            _lemma(a) in lx.DENY or _low(a) in lx.DENY for a in _governors(t)):
        return "disputed"
    path = clause_path(t)
    # the one who did not put an end to it is not its doer ("Les FARDC n'ont pas mis un terme à la coupe")
    ended = [p for below, p in pairwise(path) if denied_end(p) and not (
        below.dep_ in lx.SUBJECT and _lemma(p) in PUT)]
    if any(negated(p) for p in path if p not in ended) or (stopped(path) and not ended):
        return "negated"
    if any(_hypothetical(p, path[i - 1] if i else None) for i, p in enumerate(path)) or _feared(t):
        return "hypothetical"
    if place and unreached(t, path):
        return "hypothetical"
    if (any(historical(p, ref_year) for p in path) or fronted_past(t, ref_year) or before_past(t, ref_year)) and \
            not goes_on_now(path):
        return "historical"
    return "asserted"


def worst(*statuses: str) -> str:
    """The status of a link made of mentions: any part not asserted makes the whole not asserted."""
    for s in ("disputed", "negated", "hypothetical", "historical"):
        if s in statuses:
            return s
    return "asserted"
