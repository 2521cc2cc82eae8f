"""Reading the dependency tree: words, prepositions, clauses, subjects, and whether a token stands in a
verb's clause. Shared by roles.py, places.py and status.py."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from ocwatch.nlp import dateline
from ocwatch.nlp.links import lexicon as lx


def low(t: Token) -> str:
    return t.lower_.replace("’", "'")


def lemma(t: Token) -> str:
    return t.lemma_.lower()


def ancestors_and_self(t: Token) -> Iterator[Token]:
    yield t
    yield from t.ancestors


def clause_path(t: Token) -> list[Token]:
    """The token up to and including its clause head (through xcomp and conj, not through ccomp, advcl
    or relcl, nor into a coordinated clause with its own subject)."""
    path = [t]
    while path[-1].dep_ not in lx.CLAUSE and path[-1].head.i != path[-1].i and not own_conjunct(path[-1]):
        path.append(path[-1].head)
    return path


def own_conjunct(t: Token) -> bool:
    """A coordinated clause with its own subject keeps its own cues: "Le JNIM n'a pas imposé de blocus,
    mais ses combattants rançonnent toujours" negates only the first clause."""
    return t.dep_ == "conj" and any(c.dep_ in lx.SUBJECT for c in t.children)  # "tax" tagged NOUN too


def is_word(t: Token, words: frozenset[str]) -> bool:
    """Lemma or form in a word list: the small models lemmatise French verbs tagged as nouns badly."""
    return lemma(t) in words or low(t) in words


def noun_above(t: Token, up: frozenset[str], nouns: frozenset[str], steps: int) -> bool:
    """A noun of ``nouns`` heads the phrase the token sits in, within ``steps`` links of ``up``: "cocaine
    profits", "lutte contre la traite"."""
    for _ in range(steps):
        if t.dep_ not in up or t.head.i == t.i:
            return False
        t = t.head
        if t.pos_ in ("NOUN", "PROPN") and is_word(t, nouns):
            return True
    return False


def prep_of(t: Token) -> str:
    """The preposition that introduces a noun: its English prep head or its French case child."""
    if t.dep_ == "pobj" and t.head.i != t.i:
        return low(t.head)
    for c in t.children:
        if c.dep_ == "case":
            return low(c)
    return ""


def dateline_end(doc: Doc) -> int | None:
    """The dash that ends a wire dateline opening the sentence (ocwatch.nlp.dateline), None when
    there is none."""
    end = dateline.dateline_end(doc.text)
    if not end:
        return None
    dashes = [w.i for w in doc if w.idx < end and w.text in ("—", "–", "-")]
    return dashes[-1] if dashes else None


def subject_of(v: Token) -> Token | None:
    """A verb's subject, shared along conj and xcomp chains; a relative clause's antecedent
    when its subject is the relative pronoun."""
    for _ in range(4):
        for c in v.children:
            if c.dep_ in lx.SUBJECT:
                if v.dep_ in lx.RELATIVE and c.tag_ in ("WDT", "WP", "PRON") and low(c) in (
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
            t.dep_ in ("acl", "conj") and any(c.dep_ in lx.SUBJECT for c in t.children)):
        t = t.head
    return t


def reaches(m: Token, v: Token) -> bool:
    """The market token stands in v's clause: v is an ancestor reached without entering another
    clause that has its own subject (relative, complement or adverbial clauses)."""
    t = m
    while t.i != v.i:
        if t.dep_ in ("ccomp", "parataxis") and t.i != m.i and not _headless_continuation(t):
            return False
        # a coordinated clause with its own subject is a clause of its own: "X did not ..., but its
        # fighters still tax ...", "Al-Shabaab collects zakat ..., while IS fighters tax shipping"
        if t.dep_ in lx.CLAUSE | {"acl", "conj"} and t.head.i != t.i and any(c.dep_ in lx.SUBJECT for c in t.children):
            return False
        if t.dep_ == "conj" and t.i != m.i and _told_after(t):
            return False
        if t.head.i == t.i:
            return False
        t = t.head
    return True


def _headless_continuation(t: Token) -> bool:
    """A "ccomp" with no subject and no "that"/"que" under a verb that reports nothing is the small
    French parser's reading of a passive that goes on ("L'or extrait ... est acheminé jusqu'à Mbandaka")."""
    return t.dep_ == "ccomp" and not any(c.dep_ in lx.SUBJECT | {"mark"} for c in t.children) and \
        not is_word(t.head, lx.REPORT_VERBS | lx.SAY_VERBS | lx.DENY) and t.head.pos_ == "VERB"


def _told_after(c: Token) -> bool:
    """A verb of saying after a comma, as the attribution that closes a sentence."""
    return is_word(c, lx.SAY_VERBS | lx.REPORT_VERBS) and any(
        g.dep_ == "punct" and g.text == "," and g.i < c.i for g in c.children)


def family(v: Token) -> list[Token]:
    """A verb and the verbs that share its subject (xcomp, conj without their own subject)."""
    out, todo = [], [v]
    while todo:
        x = todo.pop()
        out.append(x)
        for c in x.children:
            # not a verb of telling the French model hangs as a conjunct: "les combattants prélèvent la zakat
            # ..., ont rapporté à HRW des habitants réfugiés à Fada" (its subject, inverted, read as a noun's)
            if c.dep_ == "xcomp" or (c.dep_ == "conj" and not any(g.dep_ in lx.SUBJECT for g in c.children)
                                     and not _told_after(c)):
                todo.append(c)
    return out


def in_event(m: Token, v: Token) -> bool:
    return any(m.i == f.i or reaches(m, f) for f in family(v))


def shares_subject(m: Token, v: Token) -> bool:
    """A conjoined verb with no subject of its own has its head's: "les armes ont été achetées en Floride
    et destinées au gang" (the weapons are what is destined)."""
    return v.dep_ == "conj" and v.head.i != v.i and not any(c.dep_ in lx.SUBJECT for c in v.children) and any(
        c.dep_ in lx.SUBJECT and (c.i == m.i or reaches(m, c)) for c in v.head.children)


# What a claim of responsibility names: "claimed responsibility for the attack", "a ransomware attack claimed
# by X", "claimed the hack on the ministry". French says "revendiquer", which reports nothing.
_DEEDS_CLAIMED = frozenset({"responsibility", "attack", "attacks", "hack", "hacks", "breach", "intrusion",
                            "kidnapping", "abduction", "bombing", "raid", "ambush", "theft", "heist", "leak"})


def claims_a_deed(v: Token) -> bool:
    """"claim" that owns a deed, not one that reports ("claimed that", "claims to protect miners")."""
    if lemma(v) != "claim":
        return False
    return (v.dep_ == "acl" and is_word(v.head, _DEEDS_CLAIMED)) or any(
        c.dep_ in lx.OBJECT and is_word(c, _DEEDS_CLAIMED) for c in v.children)


def attribution_case(case: Token) -> bool:
    """"selon", "according", "d'après" (which the French model splits: "d'" with "après" fixed to it)."""
    return low(case) in lx.ACCORDING or (low(case) == "d'" and any(
        c.dep_ == "fixed" and low(c) == "après" for c in case.children))


def past_verb(w: Token) -> bool:
    """A past finite verb; also a French imperfect the small model tags as a noun ("contrôlaient")."""
    if w.pos_ in ("VERB", "AUX") and {"Past", "Imp"} & set(w.morph.get("Tense")):
        return True
    return w.tag_ == "VBD" or (w.is_lower and len(w.text) > 5 and w.lower_.endswith(("aient", "ait")))
