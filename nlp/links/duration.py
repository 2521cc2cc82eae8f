"""A past told by how long it lasted is over: "Captagon was long produced around Homs", "La côte a longtemps
servi de point de débarquement", "In the past, ivory was smuggled through Bangui", "routes that until recently
carried", "Pendant des décennies, l'essence traversait la frontière". It needs a tense that closes its time: a
present or an English present perfect runs the length up to now ("has long served", "contrôle depuis
longtemps"), a reported "had long" or a French conditional may too, and a sentence that says the trade goes on
("... for years and still do", "il l'est toujours", "but it now goes through Bolivia") is not read."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.tree import lemma, low, past_verb

_GOING_ON = frozenset({"continue", "continuer", "persist", "persister", "poursuivre"})
_PAST_PHRASES = frozenset({("in", "the", "past"), ("par", "le", "passé"), ("dans", "le", "passé"),
                           ("for", "a", "long", "time"), ("pendant", "longtemps"), ("durant", "longtemps")})
# "In the past,", "For decades,", "Pendant longtemps,": read on the words, as the parsers hang them anywhere
_OPENERS = _PAST_PHRASES | frozenset({
    ("for", "years"), ("for", "decades"), ("for", "many", "years"), ("pendant", "des", "années"),
    ("pendant", "des", "décennies"), ("durant", "des", "années"), ("durant", "des", "décennies"),
    ("des", "décennies", "durant"), ("pendant", "de", "longues", "années")})
# "unlike in the past", "as in the past", "comme par le passé": a comparison, not a time
_COMPARING = frozenset({"unlike", "as", "than", "like", "comme", "contrairement", "que", "qu'"})
# "as long as", "how long", "all year long", "long after", "longtemps après", "long before"
_NOT_A_LENGTH = frozenset({"as", "how", "so", "too", "depuis", "year", "day", "night", "week", "month", "summer"})
_NOT_A_LENGTH_AFTER = frozenset({"as", "after", "before", "ago", "après", "avant"})
# "for the past two years", "ces dernières années", "for years to come"
_NOT_OVER = frozenset({"past", "last", "recent", "next", "coming", "come", "dernières", "derniers", "récentes",
                       "prochaines", "ces", "venir"})


def over_by_its_length(p: Token) -> bool:
    """Whether the clause of ``p`` tells a past by how long it lasted."""
    if _goes_on(p.doc):
        return False
    if _until_recently(p):
        return True  # "until recently" closes any tense ("carried", tagged a participle)
    if any(map(_phrase, p.children)) and _closed_tense(p, perfect=True):
        return True  # "had bought ivory there in the past": no "have long" reported in the past
    if not _closed_tense(p):
        return False
    if any(_long(c) or _span(c) for c in p.children):
        return True
    return _opener(p.doc) in _OPENERS and _opens(p)


def _opens(p: Token) -> bool:
    """The opener is of ``p``'s clause: the first verb above the sentence's first word, or the root
    ("In the past, the route was quiet, but last year smugglers moved heroin" opens on "was" only)."""
    t = p.doc[0]
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t.i == p.i or p.dep_ in ("ROOT", "root")


def _goes_on(doc: Doc) -> bool:
    """A clause that says the same trade goes on now names nothing new: "and still do", "but it now goes
    through Bolivia", "il l'est toujours", "which continues today" (not "now sold in the markets of
    Tillabéri", "now dealt only in cattle", "it now extorts lime growers")."""
    for w in doc:
        if low(w) in lx.STILL_WORDS or lemma(w) in _GOING_ON:
            v = w if w.pos_ in ("VERB", "AUX") else w.head
            closed = any(lemma(t) in _CLOSED for t in (v, *v.children))  # "a route that is now closed"
            if v.dep_ not in ("acl", "amod") and not closed and not any(map(_new_noun, v.children)):
                return True
    return False


_CLOSED = frozenset({"close", "shut", "abandon", "end", "over", "fermer", "abandonner", "terminer", "fini"})


def _new_noun(c: Token) -> bool:
    if c.dep_ in lx.SUBJECT or c.dep_ in lx.OBJECT or c.dep_ == "attr":  # "which is now a ghost town"
        return c.pos_ in ("NOUN", "PROPN")
    # "in cattle", not "through Bolivia": a place is where the same trade goes
    return (c.pos_ == "ADP" and any(g.pos_ == "NOUN" for g in c.children if g.dep_ == "pobj")) or (
        c.dep_.startswith("obl") and c.pos_ == "NOUN")


def _until_recently(p: Token) -> bool:
    """"until (very) recently", "jusqu'à récemment", "jusque récemment" in the verb's own words."""
    for w in _own_words(p):
        if low(w) in lx.RECENTLY:
            before = [low(b) for b in p.doc[max(0, w.i - 3): w.i] if low(b) != "very"]
            if before and (before[-1] in ("until", "till", "jusque") or before[-2:] == ["jusqu'", "à"]
                           or before[-1] == "jusqu'à"):
                return True
    return False


def _own_words(p: Token) -> list[Token]:
    """The verb's clause without the clauses under it."""
    under = {w.i for c in p.children if c.dep_ in lx.CLAUSE or c.dep_ in ("conj", "acl") for w in c.subtree}
    return [w for w in p.subtree if w.i not in under]


def _long(c: Token) -> bool:
    """"long"/"longtemps" on the verb, not "as long as", "how long", "depuis longtemps", "long after"."""
    doc = c.doc
    return low(c) in lx.LONG_WORDS and c.dep_ == "advmod" and not (c.i and low(doc[c.i - 1]) in _NOT_A_LENGTH) \
        and not (c.i + 1 < len(doc) and low(doc[c.i + 1]) in _NOT_A_LENGTH_AFTER)


def _span(c: Token) -> bool:
    """"for years", "for decades", "pendant des années", "des décennies durant"; not a counted or recent span."""
    if c.dep_ == "prep" and low(c) in lx.SPAN_PREPS:
        return any(g.dep_ == "pobj" and low(g) in lx.SPAN_NOUNS and not _counted(g) for g in c.children)
    if low(c) not in lx.SPAN_NOUNS or _counted(c):
        return False
    after = c.doc[c.i + 1] if c.i + 1 < len(c.doc) else None
    return any(k.dep_ == "case" and low(k) in lx.SPAN_PREPS for k in c.children) or (
        after is not None and low(after) == "durant")


def _counted(noun: Token) -> bool:
    return any(k.like_num or low(k) in _NOT_OVER for k in noun.subtree if k.i != noun.i)


def _phrase(c: Token) -> bool:
    words = [w for w in c.subtree if not w.is_punct]
    return tuple(low(w) for w in words) in _PAST_PHRASES and not (
        words[0].i and low(c.doc[words[0].i - 1]) in _COMPARING)


def _opener(doc: Doc) -> tuple[str, ...]:
    """The words before a sentence's first comma, within its first six."""
    comma = next((w for w in doc[:6] if w.text == ","), None)
    return tuple(low(w) for w in doc[: comma.i]) if comma is not None else ()


def _closed_tense(p: Token, perfect: bool = False) -> bool:
    """A simple past, a past passive or a past perfect in French ("was produced", "traversait", "a servi",
    "était convoyé"): a tense that can close its time. Not an English present perfect ("has long served"),
    nor, unless ``perfect``, a past perfect that may report one ("Police said smugglers had long moved
    heroin"), nor a French conditional ("auraient longtemps contrôlé")."""
    aux = [c for c in p.children if c.dep_ in ("aux", "auxpass", "aux:pass", "aux:tense")]
    if any((lemma(c) == "have" and not perfect) or _conditional(c) for c in aux) or _conditional(p):
        return False
    if p.tag_ == "VBD" or any(c.tag_ == "VBD" for c in aux):
        return True
    if p.tag_ in ("VBN", "VBZ", "VBP", "VB", "VBG", "MD"):
        return False
    if past_verb(p) and "Part" not in p.morph.get("VerbForm"):
        return True  # "traversait", "contrôlaient" (also tagged NOUN)
    if any({"Imp", "Past"} & set(c.morph.get("Tense")) and "Fin" in c.morph.get("VerbForm") for c in aux):
        return True  # "était convoyé", "avait taxé"
    return "Part" in p.morph.get("VerbForm") and any(c.dep_ == "aux:tense" for c in aux)


def _conditional(w: Token) -> bool:
    # the small French model tags imperfects as conditionals too ("convoyaient"): the form decides
    return "Cnd" in w.morph.get("Mood") and low(w).endswith(("rait", "raient"))
