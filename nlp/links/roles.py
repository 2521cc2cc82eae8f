"""Who does what: an actor's role in a market's activity (where it happens: places.py).

Roles: participant (subject or agent of the activity or of a verb over the
commodity, possessor of the activity, accused of it, member of the group that
does it, holder of the "protection"/"contrôle" it runs under, the one holding a
"where"/"où" clause on its place, the antecedent of "who"/"qui" doing it,
whom the goods are for, the one who seized a town or a mine, the controller of
the site the goods come from),
victim (object of the activity), enforcer (subject of seize/arrest/intercept...),
investigator (investigate/document/trace..., "open an inquiry"), author (subject
of say/report/find..., or "according to"), mentioned (named, with no part in it).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.arrest import caught_with
from ocwatch.nlp.links.bands import stands_for
from ocwatch.nlp.links.charges import apposed_agent, charged_with, listed_by
from ocwatch.nlp.links.clauses import accused_in_phrase, relative_clause_of
from ocwatch.nlp.links.contrast import across_contrast
from ocwatch.nlp.links.goods_steps import BUY, SELL
from ocwatch.nlp.links.holders import hyphen_holder, relative_holder
from ocwatch.nlp.links.means import holds_means
from ocwatch.nlp.links.parties import (
    goods_for,
    other_party,
    own_conjunct,
    owner,
    payee,
    trade_party,
)
from ocwatch.nlp.links.route_parts import goods_route
from ocwatch.nlp.links.sources import according
from ocwatch.nlp.links.tree import clause_head, in_event, is_word, low, prep_of
from ocwatch.nlp.links.verb_roles import CAPTOR, KIDNAP, verb_role

NOT_PARTICIPANT = ("victim", "enforcer", "investigator", "author", "mentioned")
_CLIMB_PREPS = frozenset({"of", "from", "de", "du", "des", "d'", "d’"})
_OBLIQUE_PREPS = frozenset({"of", "by", "with", "de", "du", "des", "par", "avec", "d'", "d’", "through", "via"})
_NOT_TAKING_PART = lx.ENFORCE_VERBS | lx.REPORT_VERBS | lx.INVESTIGATE_VERBS | lx.SANCTION_WORDS
# Goods taken from someone: the one robbed is no participant ("rifles looted from army depots",
# "fusils volés dans les dépôts de l'armée albanaise"); the thief, subject or agent, is read as usual.
_THEFT = frozenset({"steal", "stolen", "loot", "looted", "pilfer", "voler", "volé", "volés", "volées", "piller",
                    "pillé", "pillés", "pillées", "dérober", "dérobé", "dérobés", "dérobées"})
_FROM_PREPS = frozenset({"from", "in", "dans", "de", "du", "des", "à", "au", "aux", "chez", "sur"})
_THIEF_DEPS = frozenset({"nsubj", "nsubj:pass", "agent", "obl:agent", "csubj"})
_CAUSE = frozenset({"make", "force", "oblige", "compel", "faire", "forcer", "obliger", "contraindre"})
# role() turns it into a participant, or for a state force or peace operation merely mentioned (its troops' town)
_SITE_HOLDER = "site_holder"


def _names_members(prep: Token) -> bool:
    """"Armed groups, including the ISSP, tax the convoys", "gangs such as Los Choneros": the members named
    do what the noun they belong to does."""
    w = low(prep)
    return w in ("including", "like") or (w == "as" and prep.i > 0 and prep.doc[prep.i - 1].lower_ == "such")


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
        if climbs and prep_of(h) not in _CLIMB_PREPS | {"", "'s"}:  # "the FARDC's regiment" climbs
            break  # "achètent des armes à des officiers": an argument of its own, not a modifier
        if h.dep_ == "pobj" and (low(head) in _CLIMB_PREPS or _names_members(head)) \
                and head.head.pos_ in ("NOUN", "PROPN", "PRON"):
            h = head.head
            continue
        member = stands_for(h)
        if member is not None:
            h = member
            continue
        if not climbs or head.pos_ not in ("NOUN", "PROPN", "PRON", "ADJ"):
            break
        h = head
    return h, False


def where_place(actor: Span) -> Token | None:
    """The place an actor holds in a "where"/"où" clause on it ("Bambari, where UPC fighters collect
    a fee", "le parc des Virunga, où les FDLR contrôlent la production"), else None."""
    h, _ = actor_head(actor, set())
    v = h.head
    if h.dep_ not in lx.SUBJECT or v.dep_ not in lx.RELATIVE or v.head.i == v.i:
        return None
    if not any(low(c) in ("where", "où") for c in v.children):
        return None
    if not is_word(v, lx.CONTROL_VERBS | lx.TAX_VERBS | lx.LEVY_VERBS | SELL | BUY):
        return None
    return v.head


# A business the goods name, which its name owns: "the LockMoth ransomware operation", "the X cocaine empire".
_RUN_NOUNS = frozenset({"operation", "operations", "scheme", "schemes", "racket", "rackets", "business", "empire"})


def activity_tokens(market: Span) -> set[int]:
    """Tokens that name the activity itself, which an actor can own ("Wagner's gold mining"):
    an activity mention, or the activity noun a commodity hangs on; not the bare commodity."""
    head = market.root.head
    if head.i != market.root.i and (is_word(head, lx.ACTIVITY_NOUNS) or (
            market.root.dep_ == "compound" and is_word(head, _RUN_NOUNS))):
        return {head.i}
    if len(market) > 1 or is_word(market.root, lx.ACTIVITY_NOUNS) or market.root.pos_ == "VERB":
        return set(range(market.start, market.end))
    return set()


def _payment_role(h: Token, pay: Token) -> tuple[str, str]:
    """"Shaft owners pay a monthly fee to Raia Mutomboki fighters": the one paid takes the cut."""
    if h.dep_ in lx.SUBJECT and h.head.i == pay.i:
        if any(c.dep_ == "aux:caus" for c in pay.children):  # "font payer une taxe" (repair._causative)
            return "participant", "causer"
        return "victim", "payer"
    cause = pay.head if pay.dep_ in ("xcomp", "ccomp") and is_word(pay.head, _CAUSE) else None
    if cause is not None and h.dep_ in lx.SUBJECT and h.head.i == cause.i:
        return "participant", "causer"  # "fighters make traders pay a fee", "font payer un droit de passage"
    on = h.head.head if h.dep_ == "pobj" else h.head
    if (prep_of(h) in lx.PAYEE_PREPS and (on.i == pay.i or on.head.i == pay.i)) or payee(h, pay):
        return "participant", "payee"
    return "mentioned", "payment"


def role(actor: Span, market: Span, state: bool = False, band: bool = False) -> tuple[str, str]:
    """(role, method) of a named actor in a market mention's activity, both in one parsed sentence;
    ``state``: the actor is a state force, agency or peace operation (state_side); ``band``: a band of a
    reference type (kinds.listed_band), whose masked name may still have members."""
    named = _named_role(actor, market)
    if named is not None:
        return named
    if _goods_owner(actor, market.root) and not state:
        return "participant", "owner"  # a peace operation's or an army's weapons found elsewhere: not theirs
    h, possessor = actor_head(actor, activity_tokens(market))
    if possessor:
        # "The NCA cocaine operation", "the Royal Navy's cocaine operation": a state's operation enforces
        return ("mentioned" if state and is_word(h, _RUN_NOUNS) else "participant"), "possessor"
    r, how = _phrase_role(actor, h, market) or _clause_role(actor, h, market, band)
    if r == CAPTOR:
        return ("enforcer" if state else "participant"), how
    if r == _SITE_HOLDER:
        return ("mentioned" if state else "participant"), how
    return r, how


def _named_role(actor: Span, market: Span) -> tuple[str, str] | None:
    """What the words around the name itself say, before the name climbs to its noun phrase."""
    m = market.root
    if actor.root.i in range(market.start, market.end):
        return "mentioned", "parse"
    if apposed_agent(actor, market):
        return "participant", "apposition"
    if according(actor):
        return "author", "according"
    if across_contrast(actor.root, m):
        return "mentioned", "contrast"  # "X taxes ..., tandis que Y rackette ...": each its own clause
    if _robbed(actor.root):
        return "victim", "stolen_from"
    if owner(actor.root, m):  # before the climb: "belonged to X" is not "men believed to belong to X"
        return "participant", "owner"
    return None


def _goods_owner(actor: Span, m: Token) -> bool:
    """"Gran Grif's rifles had been smuggled in": whose the goods are, the possessive right on them (not
    "Ruben Kabila's militia taxes gold", where the parse hangs it over a compound)."""
    return actor.root.head.i == m.i and actor.root.dep_ in ("poss", "nmod:poss") and not any(
        c.dep_ == "compound" and actor.root.i < c.i < m.i for c in m.children)


def _phrase_role(actor: Span, h: Token, market: Span) -> tuple[str, str] | None:
    """What the name's noun phrase says: a payee, a report's author, a "where" or "cover" holder, a party."""
    m = market.root
    pay = next((v for v in (m, m.head) if is_word(v, lx.PAY_VERBS | lx.PAY_VERB_FORMS)), None)  # or its tax's
    if pay is not None and ((pay.i == m.i and len(market) == 1) or (pay.i != m.i and m.dep_ in lx.OBJECT)):
        return _payment_role(h, pay)  # "a trader paid the militia a tax": who pays is no taker
    if is_word(h, lx.REPORT_NOUNS) and h.i != actor.root.i:
        return "author", "report"  # "un rapport de Global Witness détaille le trafic"
    held = where_place(actor)
    if held is not None and held.i != m.i and in_event(m, clause_head(held)):
        return "participant", "where"
    if is_word(h, lx.COVER_NOUNS) and prep_of(h) in lx.COVER_PREPS and in_event(m, clause_head(h)):
        return "participant", "cover"
    return other_party(actor, h, market)


def _clause_role(actor: Span, h: Token, market: Span, band: bool = False) -> tuple[str, str]:
    """What the name's place in its clause says: subject, agent, accused, object or oblique."""
    m = market.root
    if h.dep_ == "conj" and h.head.i != h.i and h.head.dep_ in lx.SUBJECT | lx.OBJECT | {"pobj", "obl"}:
        h = h.head
    held = hyphen_holder(h)
    site = held.head if held is not None else relative_holder(h)
    if site is not None:
        return _held_site_role(site, market), "agent"  # the same claim as "mines controlled by X"
    clause = relative_clause_of(actor.root, h, m, band)
    if clause is not None:  # "Nyatura groups, who charge 20 dollars": the antecedent is the subject,
        # also of a name that is itself a subject ("X, qui vend du cannabis à Dakar, a été arrêté")
        how = "passive" if any(g.dep_ in lx.PASSIVE_SUBJECT for g in clause.children) else "subject"
        return verb_role(clause, m, how), "subject"
    if h.dep_ in lx.SUBJECT:
        rel = "passive" if h.dep_ in lx.PASSIVE_SUBJECT else "subject"
        return verb_role(h.head if rel == "passive" else own_conjunct(h.head, m), m, rel), rel
    if accused_in_phrase(actor.root, h, m):
        return "participant", "accused"  # "members of a Black Axe cell accused of running romance scams"
    if holds_means(h, m):
        return "participant", "agent"  # "flown to Bangui on aircraft chartered by Midas Ressources"
    lister = listed_by(h)
    if lister is not None and charged_with(lister, m):
        return "participant", "accused"  # "added to its list X ... for producing captagon"
    # the French parser may call a participle's agent a modifier ("importée de Lagos par la société X": obl:mod)
    agent_of_participle = h.dep_ == "obl:mod" and h.head.dep_ in ("acl", "amod")
    if (h.dep_ in ("pobj", "obl:agent", "obl") or agent_of_participle) and (
            prep_of(h) in ("by", "par") or h.head.dep_ == "agent"):
        v = h.head.head if h.dep_ == "pobj" else h.head
        # "a gold mining site run by FDLR fighters"; but "sacs de makala saisis par les écogardes": the
        # verb decides, as for a subject
        if v.dep_ in ("acl", "amod") and (v.head.i in (m.i, m.head.i, *range(market.start, market.end)) or
                                          goods_route(v.head, m)) and not is_word(v, _NOT_TAKING_PART):
            return "participant", "agent"
        if v.dep_ in ("acl", "amod") and is_word(v, lx.CONTROL_VERBS) and \
                m.i in [a.i for a in list(v.head.ancestors)[:4]]:
            return _SITE_HOLDER, "agent"  # "gold from Jebel Amer, a mine controlled by the RSF, is flown out"
        # the agent of a later step of the goods' way ("smuggled across the river and distributed in São Paulo
        # by X") handled them there only (goods_steps.traded_there)
        r = verb_role(v, m, "agent")
        return r, ("handler" if r == "participant" and not in_event(m, v) else "agent")
    for v in h.ancestors:
        if v.i == h.head.i and h.dep_ in lx.OBJECT:
            if (is_word(v, lx.ACCUSE_VERBS) and in_event(m, v)) or charged_with(v, m) or caught_with(v, m):
                return "participant", "accused"
            if goods_for(h, v, m):
                return "participant", "recipient"
            party = trade_party(h, v.head, m) if low(v) == "auprès" else None  # hung on "auprès": its verb's
            if party is not None:
                return "participant", party
            if (v.i == m.i or is_word(v, KIDNAP | lx.VIOLENCE_VERBS | lx.TAX_VERBS)) and in_event(m, v):
                return "victim", "object"
            return "mentioned", "object"
        if v.pos_ in ("VERB", "AUX") or v.dep_ in lx.CLAUSE:
            party = trade_party(h, v, m) or ("recipient" if goods_for(h, v, m) else None)
            if party is not None:
                return "participant", party
            if in_event(m, v) and not is_word(v, lx.REPORT_VERBS | lx.ENFORCE_VERBS | lx.INVESTIGATE_VERBS) and \
                    prep_of(h) in _OBLIQUE_PREPS and h.i not in range(m.i - 1, m.i + 2):
                return "participant", "oblique"
            return "mentioned", "oblique"
    return "mentioned", "parse"


def _held_site_role(site: Token, market: Span) -> str:
    """What holding ``site`` makes of its holder in the market's activity: the goods come from it ("coltan
    from M23-held mines"), it is the goods' own word ("M23-controlled gold"), or it does the activity
    ("UWSA-controlled factories in Mong La produce yaba tablets"); role() says what a state force is then."""
    m = market.root
    goods_from_it = site.i in range(market.start, market.end) or m.i in [a.i for a in list(site.ancestors)[:4]]
    it_does_it = site.dep_ in lx.SUBJECT and in_event(m, site.head)
    return _SITE_HOLDER if goods_from_it or it_does_it else "mentioned"


def _robbed(name: Token) -> bool:
    """The name sits, a few words up, in a theft verb's phrase without being its subject or agent;
    read on the words too, as the small parsers hang "dans les dépôts de l'armée" on the goods."""
    t = name
    for _ in range(4):
        v = t.head
        if v.i == t.i:
            break
        if is_word(v, _THEFT):
            return t.dep_ not in _THIEF_DEPS and prep_of(t) not in ("by", "par")
        t = v
    for w in reversed(name.doc[max(0, name.i - 7): name.i]):
        if w.is_punct or w.pos_ in ("VERB", "AUX"):
            return is_word(w, _THEFT) and w.i + 1 < name.i and w.nbor(1).lower_ in _FROM_PREPS
        if w.pos_ == "ADJ" and is_word(w, _THEFT):
            return w.nbor(1).lower_ in _FROM_PREPS
    return False


def only_qualifies_people(market: Span) -> bool:
    """The commodity only says who was hit ("killed twelve gold miners", "creuseurs tués"): no activity."""
    m = market.root
    person = m if is_word(m, lx.TRADE_PEOPLE) else m.head
    if (person.i == m.i and m.dep_ in ("compound", "nmod", "amod")) or not is_word(person, lx.TRADE_PEOPLE):
        return False
    v = person.head
    if is_word(v, lx.VIOLENCE_VERBS | KIDNAP):
        return person.dep_ in lx.OBJECT or person.dep_ in lx.PASSIVE_SUBJECT
    # "the attack on gold miners", "l'attaque contre des creuseurs"
    near = list(person.ancestors)[:4]  # the "on" phrase often hangs on the attacker, not the attack
    return prep_of(person) in ("on", "against", "contre") and any(is_word(a, lx.VIOLENCE_NOUNS) for a in near)
