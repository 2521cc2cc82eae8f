"""Who does what where: an actor's role in a market's activity, and the places of that activity.

Roles: participant (subject or agent of the activity or of a verb over the
commodity, possessor of the activity, accused of it), victim (object of the
activity), enforcer (subject of seize/arrest/intercept...), investigator
(investigate/document/trace...), author (subject of say/report/find..., or
"according to"), mentioned (named, with no part in it). Places: those in the
activity's clause, not in a reporting clause, a relative clause or an actor's
"according to"; their part of the route (origin, transit, destination, site)
comes from their preposition.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.status import ancestors_and_self

NOT_PARTICIPANT = ("victim", "enforcer", "investigator", "author", "mentioned")
_CLIMB_PREPS = frozenset({"of", "de", "du", "des", "d'", "d’"})
_BUY = frozenset({"buy", "purchase", "acheter", "racheter"})
_SELLER_PREPS = frozenset({"from", "à", "auprès"})
_SELL = frozenset({"sell", "supply", "deliver", "provide", "give", "vendre", "livrer", "fournir", "revendre", "céder"})
_BUYER_PREPS = frozenset({"to", "à", "au", "aux", "for", "pour"})
_OBLIQUE_PREPS = frozenset({"of", "by", "with", "de", "du", "des", "par", "avec", "d'", "d’"})
_KIDNAP = frozenset({"kidnap", "abduct", "enlever", "kidnapper", "séquestrer", "rançonner", "extort", "racketter"})


def _low(t: Token) -> str:
    return t.lower_.replace("’", "'")


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


def _is(t: Token, words: frozenset[str]) -> bool:
    """Lemma or form in a word list: the small models lemmatise French verbs tagged as nouns badly."""
    return _lemma(t) in words or _low(t) in words


def _prep_of(t: Token) -> str:
    """The preposition that introduces a noun: its English prep head or its French case child."""
    if t.dep_ == "pobj" and t.head.i != t.i:
        return _low(t.head)
    for c in t.children:
        if c.dep_ == "case":
            return _low(c)
    return ""


def actor_head(span: Span, market_tokens: set[int]) -> tuple[Token, bool]:
    """The noun phrase head an actor name belongs to ("ADF fighters" -> fighters), and whether
    it is the possessor of the activity itself ("Wagner's gold mining")."""
    h = span.root
    for _ in range(3):
        head = h.head
        if head.i == h.i or head.i in range(span.start, span.end):
            break
        if head.i in market_tokens and h.dep_ in ("poss", "nmod:poss", "nmod", "compound"):
            return head, True
        climbs = h.dep_ in ("compound", "nmod", "poss", "nmod:poss", "appos", "flat", "flat:name", "amod")
        if h.dep_ == "pobj" and _low(head) in _CLIMB_PREPS and head.head.pos_ in ("NOUN", "PROPN", "PRON"):
            h = head.head
            continue
        if not climbs or head.pos_ not in ("NOUN", "PROPN", "PRON", "ADJ"):
            break
        h = head
    return h, False


def subject_of(v: Token) -> Token | None:
    """A verb's subject, shared along conj and xcomp chains; a relative clause's antecedent
    when its subject is the relative pronoun."""
    for _ in range(4):
        for c in v.children:
            if c.dep_ in lx.SUBJECT:
                if v.dep_ in lx.RELATIVE and c.tag_ in ("WDT", "WP", "PRON") and _low(c) in (
                        "which", "who", "that", "qui"):
                    return v.head
                return c
        if v.dep_ in ("conj", "xcomp", "acl") and v.head.i != v.i:
            v = v.head
            continue
        if v.dep_ in lx.RELATIVE:
            return v.head
        return None
    return None


def clause_head(t: Token) -> Token:
    """The head of the clause a token stands in (a participle with its own subject counts)."""
    while t.dep_ not in lx.CLAUSE and t.head.i != t.i and not (
            t.dep_ == "acl" and any(c.dep_ in lx.SUBJECT for c in t.children)):
        t = t.head
    return t


def _reaches(m: Token, v: Token) -> bool:
    """The market token stands in v's clause: v is an ancestor reached without entering another
    clause that has its own subject (relative, complement or adverbial clauses)."""
    t = m
    while t.i != v.i:
        if t.dep_ in ("ccomp", "parataxis") and t.i != m.i:
            return False
        if t.dep_ in lx.CLAUSE | {"acl"} and t.head.i != t.i and any(c.dep_ in lx.SUBJECT for c in t.children):
            return False
        if t.head.i == t.i:
            return False
        t = t.head
    return True


def _family(v: Token) -> list[Token]:
    """A verb and the verbs that share its subject (xcomp, conj without their own subject)."""
    out, todo = [], [v]
    while todo:
        x = todo.pop()
        out.append(x)
        for c in x.children:
            if c.dep_ == "xcomp" or (c.dep_ == "conj" and not any(g.dep_ in lx.SUBJECT for g in c.children)):
                todo.append(c)
    return out


def in_event(m: Token, v: Token) -> bool:
    return any(m.i == f.i or _reaches(m, f) for f in _family(v))


def according(span: Span) -> bool:
    """'according to X', 'selon X', "d'après X", 'X said': read on the words before the name."""
    before = " ".join(_low(t) for t in span.doc[max(0, span.start - 4): span.start])
    return any(re_ in before for re_ in ("according to", "selon", "d' après", "d'après", "citing", "per "))


def _verb_role(v: Token, m: Token, rel: str) -> str:
    inside = in_event(m, v)
    if rel == "passive":
        if _is(v, lx.ACCUSE_VERBS) and inside:
            return "participant"
        return "victim" if inside and (m.i == v.i or _is(v, _KIDNAP)) else "mentioned"
    if _is(v, lx.REPORT_VERBS - {"accuse", "accuser"}):
        return "author"
    if _is(v, lx.INVESTIGATE_VERBS):
        return "investigator"
    if _is(v, lx.ENFORCE_VERBS):
        if _is(v, lx.ESCORT) and inside and m.i != v.i:
            return "participant"
        return "enforcer"
    if _is(v, lx.VIOLENCE_VERBS) and m.i != v.i:
        return "mentioned"
    return "participant" if inside else "mentioned"


def activity_tokens(market: Span) -> set[int]:
    """Tokens that name the activity itself, which an actor can own ("Wagner's gold mining"):
    an activity mention, or the activity noun a commodity hangs on; not the bare commodity."""
    head = market.root.head
    if head.i != market.root.i and _is(head, lx.ACTIVITY_NOUNS):
        return {head.i}
    if len(market) > 1 or _is(market.root, lx.ACTIVITY_NOUNS) or market.root.pos_ == "VERB":
        return set(range(market.start, market.end))
    return set()


def role(actor: Span, market: Span) -> tuple[str, str]:
    """(role, method) of a named actor in a market mention's activity, both in one parsed sentence."""
    m = market.root
    if actor.root.i in range(market.start, market.end):
        return "mentioned", "parse"
    if according(actor):
        return "author", "according"
    h, possessor = actor_head(actor, activity_tokens(market))
    if possessor:
        return "participant", "possessor"
    if h.dep_ == "conj" and h.head.i != h.i and h.head.dep_ in lx.SUBJECT | lx.OBJECT | {"pobj", "obl"}:
        h = h.head
    if h.dep_ in lx.SUBJECT:
        rel = "passive" if h.dep_ in lx.PASSIVE_SUBJECT else "subject"
        return _verb_role(h.head, m, rel), rel
    if h.dep_ in ("pobj", "obl:agent", "obl") and (_prep_of(h) in ("by", "par") or h.head.dep_ == "agent"):
        v = h.head.head if h.dep_ == "pobj" else h.head
        return _verb_role(v, m, "agent"), "agent"
    for v in h.ancestors:
        if v.i == h.head.i and h.dep_ in lx.OBJECT:
            if _is(v, lx.ACCUSE_VERBS) and in_event(m, v):
                return "participant", "accused"
            if (v.i == m.i or _is(v, _KIDNAP | lx.VIOLENCE_VERBS | lx.TAX_VERBS)) and in_event(m, v):
                return "victim", "object"
            return "mentioned", "object"
        if v.pos_ in ("VERB", "AUX") or v.dep_ in lx.CLAUSE:
            prep = _prep_of(h)
            if in_event(m, v) and not _is(v, lx.REPORT_VERBS | lx.ENFORCE_VERBS | lx.INVESTIGATE_VERBS):
                if prep in _BUYER_PREPS and _is(v, _SELL):
                    return "participant", "buyer"
                if prep in _SELLER_PREPS and _is(v, _BUY):
                    return "participant", "seller"
                if prep in _OBLIQUE_PREPS and h.i not in range(m.i - 1, m.i + 2):
                    return "participant", "oblique"
            return "mentioned", "oblique"
    return "mentioned", "parse"


def event_clause(t: Token) -> Token:
    """The clause of an activity, climbing out of clauses that share their subject with the one
    above ("extorts herders, demanding a zakat", "gold mined in Ituri is smuggled to Uganda")."""
    c = clause_head(t)
    for _ in range(4):
        own_subject = any(x.dep_ in lx.SUBJECT for x in c.children)
        if c.dep_ in ("advcl", "conj", "xcomp", "acl") and not own_subject and c.head.i != c.i:
            c = clause_head(c.head)
        else:
            break
    return c


def event_places(market: Span, places: list[Span], actor_heads: dict[int, str]) -> list[tuple[Span, str]]:
    """The places where a market mention's activity happens, each with its part of the route.

    A place counts when it hangs in the activity's clause (or on the market noun) and its
    path there passes through no other clause and no author, investigator or enforcer.
    """
    m = market.root
    c = event_clause(m)
    # a report or an inquiry about an activity: only the places of the activity's own phrase
    fam = [m] if _is(c, lx.REPORT_VERBS | lx.INVESTIGATE_VERBS) and c.i != m.i else _family(c)
    out = []
    for p in places:
        t = p.root
        if t.dep_ in lx.SUBJECT:  # "Bamako denies", "Kigali says": a government, not where it happens
            continue
        ok = any(t.i == f.i or _reaches(t, f) for f in fam) or _reaches(t, m)
        # "... in Bambari, where UPC fighters collect a fee": the relative clause's antecedent place
        ok = ok or (c.dep_ in lx.RELATIVE and c.head.i in range(p.start, p.end))
        path = list(ancestors_and_self(t))
        if any(actor_heads.get(a.i) in ("author", "investigator", "enforcer") for a in path) or \
                any(_low(a) in lx.ACCORDING for a in path):
            ok = False
        if ok:
            out.append((p, place_role(t)))
    return out


def loose_places(places: list[Span], actor_heads: dict[int, str]) -> list[Span]:
    """When the parse ties no place to the activity: the sentence's places, less those that are
    a subject ("Kigali says"), follow "according to", or hang on an author, investigator or enforcer."""
    out = []
    for p in places:
        t = p.root
        path = list(ancestors_and_self(t))
        if t.dep_ in lx.SUBJECT or according(p) or any(actor_heads.get(a.i) in ("author", "investigator")
                                                       for a in path):
            continue
        out.append(p)
    return out


def place_role(t: Token) -> str:
    prep = _prep_of(t)
    if prep in ("of", "de", "d'") and t.head.pos_ in ("NOUN", "PROPN"):
        return "site"  # "the mines of Rubaya", "les mines de Rubaya"
    if not prep and t.head.i != t.i:
        prep = _prep_of(t.head) if t.dep_ in ("compound", "nmod") else ""
    if prep in lx.ORIGIN:
        return "origin"
    if prep in lx.DESTINATION:
        return "destination"
    if prep in lx.TRANSIT:
        return "transit"
    return "site"
