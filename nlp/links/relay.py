"""Goods passed on by a pronoun: "diggers sell their cassiterite to traders who smuggle it to Goma", "l'or est
revendu à des négociants qui le font passer au Soudan", "sells them to armed groups in Tillabéri".

The clause that takes the goods on names them by a pronoun object, so no market word marks it; its places are
the goods' route all the same (places.py). When the clause is a relative one on somebody else (the buyers), the
actor who sold is not at its places: the traders smuggle the cassiterite to Goma, the diggers do not. A clause after
the goods' own that names them again by a noun ("and the drugs are then driven to Nampula", "puis la drogue est
acheminée vers Lomé", "and traders are moving the harvest into Tajikistan") takes them on too.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ocwatch.nlp.links import goods_words as gw
from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.arrest import nearest_verb
from ocwatch.nlp.links.tree import is_word, low, prep_of

# Verbs that take goods on, beyond the verbs of a route: selling, delivering and loading them on.
_RELAY_VERBS = lx.ROUTE_VERBS | frozenset({"sell", "resell", "resold", "deliver", "load", "vendre", "revendre", "livrer",
                                           "charger", "transférer", "transborder", "transfer", "fly", "drive",
                                           "emporter", "emmener", "conduire"})
_GOODS_PRONOUNS = frozenset({"it", "them", "le", "la", "les", "l'", "l’"})
# What the seller's verb may take and still be selling the activity's goods: "sell the stones to collectors who".
_GOODS_OBJECTS = gw.COMMODITY_ANAPHORS | _GOODS_PRONOUNS


def _takes_a_pronoun(v: Token) -> bool:
    return any(c.dep_ in lx.OBJECT and c.pos_ == "PRON" and low(c) in _GOODS_PRONOUNS for c in v.children)


def _takes_them_again(v: Token) -> bool:
    """A clause conjoined to the goods' or after "then" takes them again by a noun after a definite article
    ("and traders are moving the harvest into Tajikistan"); not a relative clause ("the clan, whose members
    ship the pills": the goods' own clause, the pills the market's own word)."""
    return _after_the_goods(v) and any(c.dep_ in lx.OBJECT and _definite_goods(c) for c in v.children)


def _after_the_goods(v: Token) -> bool:
    """A clause conjoined to the goods' or after "then", not after a lawful sale ("vend légalement son coltan à
    Goma, et le minerai est ensuite exporté"). After their seizure ("intercepted the heroin at Mombasa before the
    drugs were shipped to Rotterdam") relay_clause has already stopped, at _after_a_seizure."""
    if not goes_on_from(v):
        return False
    return not any(low(w) in gw.LAWFUL for w in v.head.subtree if w.i < v.i)


def goes_on_from(v: Token) -> bool:
    """A clause conjoined to another or after "then", "puis", "before"."""
    return (v.dep_ == "conj" or _then(v)) and v.head.i != v.i


def takes_goods_on(v: Token) -> bool:
    """A clause this module reads goods named again in, with its own limits (after a seizure, a lawful sale, a
    cut, beside other goods): named_again.goods_named_again_here leaves it to this module."""
    return goes_on_from(v) and is_word(v, _RELAY_VERBS)


# A clause on a place of the route that the goods go on from: "into North Kivu, where they are sold in Beni",
# "au Tchad, où il est revendu à Faya", "the pits at Ndah, from which stones are smuggled to Cameroon".
_WHERE = frozenset({"where", "whence", "où"})
_GOODS_SUBJECTS = lx.ROUTE_SUBJECTS | {"they"} | gw.COMMODITY_ANAPHORS | gw.BARE_GOODS
# "they", "ils", "elles" are people as often as goods ("where they were taken to Bukavu for trial", "where they
# go to Goma to buy food"): goods only as a passive subject of a verb of selling or sending on.
_PEOPLE_TOO = frozenset({"they", "ils", "elles"})
_SOLD_ON = frozenset({"sell", "resell", "resold", "ship", "smuggle", "export", "load", "truck", "fly", "deliver",
                      "vendre", "revendre", "exporter", "réexporter", "expédier", "charger", "écouler", "livrer"})


def opens_on_where(v: Token) -> bool:
    """The clause opens on where/où/d'où, "from which" or "from where"."""
    return any(low(c) in _WHERE or (low(c) == "from" and any(low(g) in ("which", "where") for g in c.children))
               for c in v.children)


# ... not where the goods are lawful (gw.LAWFUL) nor where enforcers took what they seized ("saisis à Gao et
# transportés vers Bamako, où ils sont détruits").
def _goods_go_on(v: Token) -> bool:
    """A where-clause whose subject is the goods, named by a pronoun or again, and no object: "where they are
    sold", "d'où il part pour le Burundi", "from which stones are smuggled"; so does a clause conjoined to the
    goods' or after "then" ("and the drugs are then driven to Nampula", "puis le métal est acheminé vers
    Kampala"), its subject the goods named again by a noun or by "it", "il", "elle"."""
    if any(c.dep_ in ("dobj", "obj") for c in v.children) or not any(map(goods_subject, v.children)):
        return False
    if not opens_on_where(v) and not (_after_the_goods(v) and any(map(_named_again, v.children))):
        return False
    return not any(low(w) in gw.LAWFUL for w in v.subtree) and not any(
        is_word(a, lx.ENFORCE_VERBS) for a, _ in _linked_up(v))


_DEFINITE = frozenset({"the", "this", "these", "that", "those", "le", "la", "les", "l'", "l’", "ce", "cet", "cette",
                       "ces"})


def _definite_goods(c: Token) -> bool:
    return low(c) in gw.COMMODITY_ANAPHORS and any(low(d) in _DEFINITE for d in c.children if d.dep_ == "det")


def _named_again(c: Token) -> bool:
    """A subject that names the goods again, not new goods: "the drugs", "le métal", "it" (not "they")."""
    if c.dep_ not in lx.SUBJECT:
        return False
    return low(c) in ("it", "il", "elle") if c.pos_ == "PRON" else _definite_goods(c)


def goods_subject(c: Token) -> bool:
    if c.dep_ not in lx.SUBJECT or low(c) not in _GOODS_SUBJECTS:
        return False
    return low(c) not in _PEOPLE_TOO or (c.dep_ in lx.PASSIVE_SUBJECT and is_word(c.head, _SOLD_ON))


def _linked_up(v: Token) -> list[tuple[Token, str]]:
    """The verbs a clause hangs on, up through conjoined and relative clauses, each with how it was reached."""
    out, a = [], v
    for _ in range(4):
        if a.dep_ == "conj" and a.head.i != a.i:
            a, how = a.head, "conj"
        elif a.dep_ in lx.RELATIVE and (up := nearest_verb(a.head)) is not None and up.i != a.i:
            a, how = up, "relative"
        elif _then(a) and a.head.i != a.i:
            a, how = a.head, "conj"  # "seized the heroin before the drugs were flown to Nairobi"
        else:
            break
        out.append((a, how))
    return out


def _after_a_seizure(v: Token) -> bool:
    """"Soldiers intercepted them near Gao and sent them to Bamako", "seized the heroin and handed it to police,
    who flew it to Nairobi": what enforcers did with what they seized (a conjoined verb on the way up). Not the
    clause of people arrested ("arrested two traders who had smuggled it to Goma": where they took it)."""
    chain = _linked_up(v)
    return any(how == "conj" for _, how in chain) and any(is_word(a, lx.ENFORCE_VERBS) for a, _ in chain)


def relay_clause(t: Token) -> Token | None:
    """The verb of the clause that holds the place and takes goods on by a pronoun ("smuggle it to Goma"),
    or None. Only the place's own clause: the first verb above it decides."""
    # "qui le font passer au Soudan": the pipeline's French parse hangs "le" on "passer", "font" is aux:caus
    v = nearest_verb(t.head) if t.head.i != t.i else None
    if v is None or not is_word(v, _RELAY_VERBS) or _after_a_seizure(v) or _in_agent(t, v):
        return None
    return v if _takes_a_pronoun(v) or _goods_go_on(v) or _takes_them_again(v) else None


def _in_agent(t: Token, v: Token) -> bool:
    """The place is in the agent phrase, where the relayers come from: "revendus par un réseau de jeunes du
    quartier de Bazhdarhane"."""
    a = t
    while a.i != v.i and a.head.i != a.i:
        if a.dep_ in ("agent", "obl:agent"):
            return True
        a = a.head
    return False


def relayed_on(t: Token, m: Token) -> bool:
    """The place is in a clause that takes the activity's goods on by a pronoun: a verb conjoined to the goods'
    own ("buy gold in Kamituga and carry it"), or a relative clause on those the goods went to ("sell their
    cassiterite to traders who smuggle it to Goma"). The verb it hangs on must be the goods' or take them by an
    anaphor: not "tax gold at Misisi and sell maize to traders who truck it to Uvira", nor an "until" clause."""
    v = relay_clause(t)
    goods_verb = nearest_verb(m)
    if v is None or goods_verb is None:
        return False
    # goods named again are no cut's ("prélèvent une taxe par sac, avant que la marchandise ne soit chargée": an
    # earlier market's) nor what a market its doers' noun names deals in ("Les passeurs regroupent les armes à
    # Sebha, et les cargaisons sont acheminées vers le Mali")
    not_goods = m.pos_ in ("VERB", "AUX") or low(m) in lx.LEVY_NOUNS | lx.OFFENDER_NOUNS | lx.TRADE_PEOPLE
    if not_goods and not (opens_on_where(v) or _takes_a_pronoun(v)):
        return False
    above = v.head if v.dep_ == "conj" or _then(v) else nearest_verb(v.head) if _relative(v) else None
    if above is None:
        return False
    if above.i == goods_verb.i:
        return True
    # a verb under the goods' or conjoined to it, taking no other goods: "is carried to Bunia and sold to
    # traders who", "for swim bladders by buyers ..., which dries the bladders and sends them to Tijuana"
    other_goods = any(c.dep_ in ("dobj", "obj") and low(c) not in _GOODS_OBJECTS for c in above.children)
    linked = any(a.i == goods_verb.i for a in above.ancestors) or (
        goods_verb.dep_ == "conj" and goods_verb.head.i == above.i)
    # or the verb of what carries them, the goods in a participle on its subject or object ("Des pirogues
    # chargées de cannabis accostent la nuit à Gbaka, puis la drogue est acheminée vers Lomé"): its objects
    # are no goods of the trade
    # ... though not when it carries other goods too ("Trucks carrying cannabis bring maize to Aflao, and the
    # cargo is then taken to Lomé"); "la nuit", "the Bijagós islands" are no goods
    carried = goods_verb.dep_ in ("acl", "amod") and goods_verb.head.head.i == above.i and not _takes_a_pronoun(v) \
        and not any(map(_other_goods, above.children))
    return carried or (linked and not other_goods)


def _other_goods(c: Token) -> bool:
    return c.dep_ in ("dobj", "obj") and low(c) not in _GOODS_OBJECTS | _WHEN and c.ent_type_ not in ("TIME", "DATE") \
        and not any(w.pos_ == "PROPN" for w in c.subtree)


_THEN = frozenset({"before", "then", "avant", "puis"})
_WHEN = frozenset({"night", "day", "week", "nuit", "jour", "semaine"})


def _relative(v: Token) -> bool:
    """A relative clause, also one the French model labels an adverbial ("négociants qui le font passer") or
    a complement ("jusqu'à Bujumbura, où des comptoirs le revendent")."""
    return v.dep_ in lx.RELATIVE or (v.dep_ == "advcl" and any(
        c.dep_ in lx.SUBJECT and low(c) in _RELATIVE_SUBJECTS for c in v.children)) or (
        v.dep_ in ("advcl", "ccomp", "pcomp") and opens_on_where(v))


def _then(v: Token) -> bool:
    """"stores them in Dimitrovgrad before trucks carry them through Serbia": the route goes on (not "until
    police took it down")."""
    return v.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and low(c) in _THEN for c in v.children)


_RELATIVE_SUBJECTS = frozenset({"who", "which", "that", "qui", "lesquels", "lesquelles"})
_GIVEN_TO = frozenset({"to", "à", "au", "aux"})
_OF = frozenset({"of", "from", "de", "du", "des", "d'", "d’"})
# "achètent des munitions à des militaires, qui les transportent jusqu'à Fizi": "à" names the sellers
_BUY = frozenset({"buy", "purchase", "procure", "acquire", "obtain", "acheter", "racheter", "acquérir", "procurer",
                  "obtenir"})


def _antecedent(v: Token) -> Token:
    """The noun a relative clause is on, above a place the parse hung it on ("collectors from Berberati who")."""
    a = v.head
    for _ in range(2):
        if prep_of(a) not in _OF or a.head.i == a.i:
            break
        a = a.head.head if a.dep_ == "pobj" and a.head.head.i != a.head.i else a.head
    return a


def relayed_elsewhere(place: Span, actor: Span | None) -> bool:
    """The place is in a relative clause that takes the goods on and is not the actor's (``actor`` None: an
    actor the sentence refers back to): the clause of those the goods were sold to ("sells the stones to
    collectors who smuggle them into Cameroon") or of a subject of its own ("to sawmills near Brikama, where
    traders export them to China", "and the traders then ship it to Dubai"). Not the clause of those the actor
    bought from ("procured rifles from Chadian traders, who carried them across the border")."""
    v = relay_clause(place.root)
    # not "stores them in Dimitrovgrad before trucks carry them through Serbia": the actor's own trucks
    if v is None or not (_relative(v) or v.dep_ == "conj" or (_then(v) and _goods_go_on(v))):
        return False
    if actor is not None and (actor.root.i in {a.i for a in v.subtree} or v.head.i in range(actor.start, actor.end)):
        return False
    subject = next((c for c in v.children if c.dep_ in lx.SUBJECT), None)
    if subject is None:
        return False
    if _goods_go_on(v):
        # "from which stones are smuggled to Cameroon": whoever had them, on; not who took a cut on them ("collects
        # a tax on coca paste, and the drugs are then moved to Cúcuta") nor who sold them on ("sells gold to
        # traders at Mongbwalu, and the metal is then smuggled to Kampala")
        return not opens_on_where(v) and (_takes_a_cut(v.head) or _sold_to_someone(v.head))
    if v.dep_ == "conj":
        return subject.pos_ in ("NOUN", "PROPN") and (actor is None or subject.i not in range(actor.start, actor.end))
    if low(subject) in _RELATIVE_SUBJECTS:
        ante = _antecedent(v)
        return prep_of(ante) in _GIVEN_TO and not _bought_from(ante)
    return subject.pos_ in ("NOUN", "PROPN")


def _bought_from(noun: Token) -> bool:
    """The noun is under a verb of buying: "à" and "from" name who sold."""
    verb = nearest_verb(noun)
    return verb is not None and is_word(verb, _BUY)


def _takes_a_cut(v: Token) -> bool:
    """"taxes the paste", "collects a tax on it" (not "extracts gold", "runs the pits")."""
    return is_word(v, lx.TAX_VERBS) or any(c.dep_ in lx.OBJECT and low(c) in lx.LEVY_NOUNS for c in v.children)


_SOLD_TO = frozenset({"sell", "resell", "vendre", "revendre", "deliver", "livrer"})


def _sold_to_someone(v: Token) -> bool:
    return is_word(v, _SOLD_TO) and any(prep_of(c) in _GIVEN_TO or c.dep_ == "dative" for c in v.children)
