"""Which sentences the parser reads, one sentence at a time, and which paragraph each belongs to.

Only sentences with a market mention and an actor, a place or a subject that refers back are parsed,
and, with no market mention, those where somebody takes a cut or a commodity is named again: the
parser is the slow part of the pipeline (docs/NLP.md, "Links").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ocwatch.nlp.links import goods_words as gw
from ocwatch.nlp.links import lexicon as lx
from ocwatch.nlp.links.repair.standin import reparsed
from ocwatch.nlp.links.victims_again import PEOPLE_MARKETS, VICTIMS_CUE
from ocwatch.nlp.paragraphs import write_sent_starts

Row = dict[str, Any]
Parser = Callable[[list[str]], Iterable[Doc]]


def one_sentence_parser(nlp: Language) -> Parser:
    """nlp.pipe over texts that are each one sentence: the parser is told not to split them
    (it would otherwise make "Autrefois," a sentence of its own and lose the cue)."""
    def pipe(docs: list[Doc]) -> Iterable[Doc]:
        for doc in docs:
            write_sent_starts(doc, dict.fromkeys(range(1, len(doc)), False))
        return nlp.pipe(docs)

    def parse(texts: list[str]) -> Iterable[Doc]:
        docs = pipe([nlp.make_doc(text) for text in texts])
        # a verb of the trades the English model read as a noun is parsed again with a stand-in verb
        return reparsed(docs, pipe) if nlp.lang == "en" else docs
    return parse
_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")


def is_market(m: Row) -> bool:
    return m["kind"] == "commodity" and bool(m.get("market"))


# A subject that refers back (lexicon.ANAPHORS, so the gate and coref.py read the same words): a pronoun,
# or a group noun after a determiner and at most one word ("the armed group", "les miliciens").
_PRONOUNS = sorted(w for w in lx.ANAPHORS if w in {"they", "it", "its", "their", "ils", "elles", "il", "leurs", "leur",
                                                   "ses", "son", "sa"})
_GROUP_WORDS = sorted(lx.ANAPHORS - set(_PRONOUNS) - {"he", "elle"})
_REFERS_BACK = re.compile(r"^\W*(\w+\W+){0,2}?(" + "|".join(_PRONOUNS) + r"|(the|these|le|la|les|ces|ce|l')\s*(\w+\s+)?("
                          + "|".join(_GROUP_WORDS) + r"))\b", re.I)


# The payee named again after a verb of paying: "lorries pay the group at checkpoints near Jilib".
_PAY_BACK = re.compile(r"\b(pay|pays|paid|paying|paient|payent|paie|versent|verse)\s+(the|these|le|la|les|ces|au|aux)\s*"
                       r"(\w+\s+)?(" + "|".join(_GROUP_WORDS) + r")\b", re.I)
_IT = re.compile(r"^\W*(\w+\W+){0,2}?(it|its|it's|it’s)\b", re.I)  # "it" names no taker of a cut


def relevant_sentences(mentions: list[Row], texts: dict[int, str] | None = None) -> set[int]:
    """Sentences worth parsing: a market mention with an actor or a place, or with a subject that
    refers back ("The group taxes coltan there"). Everything else keeps the fast path: on the
    NLP benchmark's mix this parses about a third of the sentences that have any mention."""
    kinds: dict[int, set[str]] = {}
    for m in mentions:
        kinds.setdefault(m["sent_idx"], set()).add("market" if is_market(m) else m["kind"])
    texts = texts or {}
    # victims named again after a trafficking or smuggling story began (victims_again.py)
    people = min((m["sent_idx"] for m in mentions if is_market(m) and m["market"] in PEOPLE_MARKETS), default=None)
    # goods named again by a pronoun alone are of a market named before (goods_pronouns.py)
    goods = min((m["sent_idx"] for m in mentions if is_market(m)), default=None)
    out = set()
    for i in set(kinds) | set(texts):
        k, t = kinds.get(i, set()), texts.get(i, "")
        who, where = "actor" in k or bool(_REFERS_BACK.match(t)), "location" in k
        taker = "actor" in k or bool(_REFERS_BACK.match(t) and not _IT.match(t)) or bool(_PAY_BACK.search(t))
        # with no market mention: a cut taken by somebody ("ISWAP taxes fishermen"; in general news
        # "fees" and "tax" have no taker), or a commodity named again ("the ore is flown to Dubai")
        if ("market" in k and (who or where)) or (taker and lx.LEVY_CUE.search(t)) or (
                (who or where) and (gw.ANAPHOR_CUE.search(t) or gw.BARE_GOODS_CUE.search(t) or (
                    goods is not None and i > goods and gw.PRONOUN_CUE.search(t)))) or (
                "actor" in k and gw.WEIGHT_CUE.search(t)) or (
                people is not None and i > people and (who or where) and VICTIMS_CUE.search(t)):
            out.add(i)
    return out


def paragraphs(text: str, sentences: list[Row]) -> dict[int, int]:
    """sent_idx -> paragraph number (blank lines end a paragraph)."""
    breaks = [m.end() for m in _BREAK.finditer(text)]
    return {s["sent_idx"]: bisect_right(breaks, s["start_char"]) for s in sentences}
