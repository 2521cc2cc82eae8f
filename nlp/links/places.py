"""Where an activity happens: the places of its clause, with their part of the route.

A place counts when it hangs in the activity's clause (or on the market noun), not in a reporting
clause, an attribution ("according to", "selon des négociants rencontrés à Goma"), under an author,
investigator or enforcer, or in another clause with its own subject, except a "where"/"où" clause on
the place and a clause that carries the commodity on ("d'où il part pour le Burundi"). Its part of the
route (origin, transit, destination, site) is route_parts.py's; the places a story names for itself
(datelines, speakers, where a report came out) are story_places.py's.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.arrest import (
    arrest_place,
    caught_trying,
    in_enforcer_phrase,
    nearest_verb,
    taken_afterwards,
    unless_elsewhere,
)
from ocwatch.nlp.links.asides import across_from, bearing, lives_there, party_place, possessor
from ocwatch.nlp.links.charges import accusing_participle, charging
from ocwatch.nlp.links.contrast import across_contrast
from ocwatch.nlp.links.relay import relayed_on
from ocwatch.nlp.links.route_parts import place_role
from ocwatch.nlp.links.side_clauses import (
    SITE_NOUNS,
    clause_on_goods,
    doers_ground,
    payers_crossing,
)
from ocwatch.nlp.links.sources import according, attributed
from ocwatch.nlp.links.story_places import dateline, reported_at, speaker
from ocwatch.nlp.links.tree import (
    ancestors_and_self,
    clause_head,
    family,
    is_word,
    low,
    prep_of,
    reaches,
)


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


def event_places(market: Span, places: list[Span], actor_heads: dict[int, str],
                 others: tuple[Span, ...] = ()) -> list[tuple[Span, str]]:
    """The places where a market mention's activity happens, each with its part of the route.

    A place counts when it hangs in the activity's clause (or on the market noun) and its
    path there passes through no other clause and no author, investigator or enforcer.
    """
    m = market.root
    c = event_clause(m)
    # a report or an inquiry about an activity: only the places of the activity's own phrase
    own = [m, m.head] if m.head.i != m.i and is_word(m.head, lx.ACTIVITY_NOUNS) else [m]
    fam = own if _talked_about(m, c) else family(c)
    phrase = _site_phrase(m, others)
    out = []
    for p in places:
        t = p.root
        if phrase is not None and not any(a.i == phrase.i for a in ancestors_and_self(t)):
            continue
        if t.dep_ in lx.SUBJECT or speaker(p) or reported_at(t) or dateline(p) or bearing(p) or possessor(p) \
                or lives_there(p):
            continue  # "Bamako denies", "Kigali says": a government, not where it happens
        antecedent = c.dep_ in lx.RELATIVE and (c.head.i in range(p.start, p.end) or _just_before_where(p, c))
        # "dismantled a depot in the Adjamé market of Abidjan where a trader repackaged fake drugs": the
        # clause says what was done at the place the enforcers came to
        raided = c.dep_ in lx.RELATIVE and _in_where_antecedent(p, c) and not _before_or_after(m, c)
        if party_place(t) or (arrest_place(t, m) and not raided) or labelled_as(t) or in_enforcer_phrase(t, m) or \
                across_contrast(t, m) or taken_afterwards(t, m) or (
                not antecedent and _other_activity(t, m, others)):
            continue
        ok = any(t.i == f.i or reaches(t, f) for f in fam) or reaches(t, m)
        # "... in Bambari, where UPC fighters collect a fee": the relative clause's antecedent place,
        # also when the parser hangs the clause on the noun before it ("le trafic à Birao, où...")
        ok = ok or antecedent or raided or caught_trying(t, m)
        ok = ok or _route_goes_on(t, fam) or clause_on_goods(t, m) or payers_crossing(t, m) or doers_ground(t, fam)
        path = list(ancestors_and_self(t))
        if any(actor_heads.get(a.i) in ("author", "investigator", "enforcer") for a in path) or attributed(t):
            ok = False
        if ok:
            out.append((p, place_role(t)))
    kept = unless_elsewhere([p for p, _ in out], m)
    return [(p, r) for p, r in out if p in kept]


def relay_places(market: Span, places: list[Span]) -> list[Span]:
    """The places of clauses that take the activity's goods on by a pronoun (relay.py: "sell their
    cassiterite to traders who smuggle it to Goma"), less subjects and what a report or an author says."""
    return [p for p in places if p.root.dep_ not in lx.SUBJECT and not speaker(p) and not dateline(p)
            and not attributed(p.root) and relayed_on(p.root, market.root)]


_AT = frozenset({"in", "at", "on", "sur", "dans", "à", "au", "aux", "en"})


def _site_phrase(m: Token, others: tuple[Span, ...]) -> Token | None:
    """The site noun of a place phrase the commodity only qualifies ("Sur les sites d'orpaillage de
    Sadiola, des jeunes femmes recrutées à Lagos sont contraintes à la prostitution"), when another
    activity of the sentence is what its clause tells: the commodity's places are the phrase's own."""
    t = m
    for _ in range(4):
        if is_word(t, SITE_NOUNS) and prep_of(t) in _AT:
            inside = {w.i for w in t.subtree}
            return t if any(o.root.i not in inside for o in others) else None
        if t.dep_ not in ("compound", "nmod", "amod", "pobj") or t.head.i == t.i:
            return None
        t = t.head.head if t.dep_ == "pobj" and prep_of(t) in ("of", "de", "d'") else t.head
    return None


def _other_activity(t: Token, m: Token, others: tuple[Span, ...]) -> bool:
    """The place hangs on the verb of another activity of the sentence: "rançonne les automobilistes à
    Martissant et vend des armes à des gangs de Port-au-Prince" gives each activity its own place; so
    does a conjunct verb sharing the subject ("charges shopkeepers in Durán a fee and hides cocaine in
    containers leaving Puerto Bolívar": Puerto Bolívar is the cocaine's, not the fee's)."""
    vm = nearest_verb(m)
    if vm is None:
        return False
    above_m = {a.i for a in ancestors_and_self(m)}
    for v in (a for a in ancestors_and_self(t) if a.pos_ == "VERB"):
        if v.i == vm.i:
            return False
        if any(o.root.i != m.i and (w := nearest_verb(o.root)) is not None and w.i == v.i for o in others):
            return True
        if v.i in above_m:
            return False
    return False


def where_antecedent(place: Span, market: Span) -> bool:
    """The place is the antecedent of the "where"/"où" clause that holds the activity ("does not control
    the port of Saint-Marc, where customs officers seized 40 rifles": the seizure is asserted there)."""
    c = event_clause(market.root)
    return c.dep_ in lx.RELATIVE and c.head.i in range(place.start, place.end) and any(
        low(t) in ("where", "où") for t in c.children)


def _talked_about(m: Token, c: Token) -> bool:
    """The activity is what a report, an inquiry or a discussion is about: a verb of those from
    the market up to its clause head."""
    words = lx.REPORT_VERBS | lx.INVESTIGATE_VERBS | lx.TOPIC_VERBS
    t = m
    for _ in range(8):
        # "added to its list X for producing", "accusing them of organising shipments to Valencia": the
        # places of the deed charged are the deed's
        if t.i != m.i and is_word(t, words) and not charging(t) and not accusing_participle(t):
            return True
        if t.i == c.i or t.head.i == t.i:
            return False
        t = t.head
    return False



def _just_before_where(p: Span, clause: Token) -> bool:
    return any(low(w) in ("where", "où") and p.end in (w.i, w.i - 1) for w in clause.children)


# What the goods were said to be: "in boxes labelled as made in India", "déclarés comme venant du Ghana",
# "étiquetés comme fabriqués en Inde": a false label, no place of the trade.
_LABEL_VERBS = frozenset({"label", "declare", "mark", "disguise", "pass", "present", "étiqueter", "déclarer",
                          "présenter", "marquer", "maquiller", "déguiser", "étiqueté", "étiquetés", "étiquetée",
                          "étiquetées", "déclaré", "déclarés", "déclarée", "déclarées"})


_MADE_IN = frozenset({"in", "from", "en", "au", "aux", "à", "de", "du", "des", "d'"})
_MADE = frozenset({"make", "manufacture", "produce", "come", "originate", "fabriquer", "produire", "venir",
                   "provenir"})


def labelled_as(t: Token) -> bool:
    """The place says where the label claims the goods were made ("labelled as made in India")."""
    path = list(ancestors_and_self(t))[:6]
    for a in path:
        # the label is the made's head ("labelled as made in"), or its sibling ("étiquetés comme fabriqués en")
        labelled = is_word(a.head, _LABEL_VERBS) or any(is_word(x, _LABEL_VERBS) for x in a.head.children if x.i < a.i)
        if a.head.i != a.i and labelled and is_word(a, _MADE) and any(low(c) in ("as", "comme") for c in a.children):
            return prep_of(t) in _MADE_IN  # "made in India", not "at the port of Tema" hung on "made"
    return False


_RAIDED = frozenset({"market", "depot", "warehouse", "house", "compound", "farm", "laboratory", "lab", "workshop",
                     "factory", "shop", "store", "building", "marché", "dépôt", "entrepôt", "maison", "ferme",
                     "laboratoire", "atelier", "usine", "boutique", "magasin", "immeuble", "villa", "hangar"})


def _before_or_after(m: Token, clause: Token) -> bool:
    """"a house in Kilimani where he had fled after selling heroin": the deed is another time's."""
    for a in m.ancestors:
        if a.i == clause.i:
            return False
        if low(a) in ("after", "before", "since", "après", "avant", "depuis") or any(
                low(g) in ("after", "before", "since", "après", "avant") for g in a.children if g.dep_ in ("mark", "case")):
            return True
    return False


def _in_where_antecedent(p: Span, clause: Token) -> bool:
    """The place names the noun a "where"/"où" clause hangs on: "the Adjamé market of Abidjan where"."""
    where = next((w for w in clause.children if low(w) in ("where", "où")), None)
    return where is not None and p.end <= where.i and is_word(clause.head, _RAIDED) and any(
        a.i == clause.head.i for a in p.root.ancestors)


def _route_goes_on(t: Token, fam: list[Token]) -> bool:
    """A place in a clause on the activity whose subject is the commodity and whose verb is one of
    moving on: "... vers Uvira, d'où il part pour le Burundi", "before it crosses into Rwanda"."""
    for v in t.ancestors:
        if v.pos_ not in ("VERB", "AUX", "NOUN") or not any(
                c.dep_ in lx.SUBJECT and low(c) in lx.ROUTE_SUBJECTS for c in v.children):
            continue
        if not is_word(v, lx.ROUTE_VERBS) or v.head.i == v.i:
            return False
        return any(v.head.i == a.i for f in fam for a in f.subtree)
    return False



def loose_places(places: list[Span], actor_heads: dict[int, str]) -> list[Span]:
    """When the parse ties no place to the activity: the sentence's places, less those that are
    a subject ("Kigali says"), follow "according to", or hang on an author, investigator or enforcer."""
    out = []
    for p in places:
        t = p.root
        path = list(ancestors_and_self(t))
        if t.dep_ in lx.SUBJECT or speaker(p) or according(p) or attributed(t) or reported_at(t) or party_place(t) or \
                labelled_as(t) or across_from(p) or lives_there(p) or any(
                actor_heads.get(a.i) in ("author", "investigator") for a in path) or possessor(p):
            continue
        out.append(p)
    # a dateline is where the story was filed: the activity's place only when no other is named
    return [p for p in out if not dateline(p)] or out
