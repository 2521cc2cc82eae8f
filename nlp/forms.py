"""Every inflected form of the taxonomy's words, mapped to one key per word family.

Why: running tagger, attribute ruler and lemmatizer on every token cost about a
third of the model time, only so that a few hundred taxonomy words could be
matched on their lemmas. The models' own lemmatizer tables (exceptions, suffix
rules, and French's lookup table), inverted once for those words, reach the same
forms ("sold" -> "sell", "enlevés" -> "enlever") without running anything per
token. The gate and the market matcher share the map, so a text the matcher would
match always passes the gate.
"""

from __future__ import annotations

import glob
import re
from collections.abc import Iterable
from functools import cache

import spacy
from spacy.lookups import Lookups

from ocwatch.nlp import config

_ALPHA = re.compile(r"^[^\W\d_]+$")


def _en_variants(w: str) -> set[str]:
    out = {w, w + "s", w + "es", w + "ed", w + "ing"}
    if w.endswith("e"):
        out |= {w + "d", w[:-1] + "ing"}
    if w.endswith("y"):
        out |= {w[:-1] + "ies", w[:-1] + "ied"}
    for suffix, repl in (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""),
                         ("ies", "y"), ("ied", "y")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            out.add(w[: -len(suffix)] + repl)
    return out


def _fr_variants(w: str) -> set[str]:
    out = {w, w + "s", w + "x"}
    if w.endswith(("s", "x")) and len(w) > 3:
        out.add(w[:-1])
    if w.endswith("er"):
        stem = w[:-2]
        out |= {stem + e for e in ("e", "es", "ent", "é", "ée", "és", "ées", "ant", "ait", "aient")}
    for suffix in ("ées", "és", "ée", "é", "ent", "es", "e"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            out.add(w[: -len(suffix)] + "er")
    return out


def variants(word: str, lang: str) -> set[str]:
    """Hand-written inflections and candidate lemmas of one lower-case word (over-generation is harmless)."""
    if not _ALPHA.match(word) or len(word) < 3:
        return {word}
    if lang == "en":
        return _en_variants(word)
    if lang == "fr":
        return _fr_variants(word)
    return {word, word + "s", word + "es"}


def noun_forms(word: str, lang: str) -> set[str]:
    """Singular and plural of a lower-case noun (either given)."""
    if not _ALPHA.match(word) or len(word) < 3:
        return {word}
    out = {word, word + "s", word + ("x" if lang == "fr" else "es")}
    if word.endswith(("s", "x")) and len(word) > 3:
        out.add(word[:-1])
    if lang == "en" and word.endswith("y"):
        out.add(word[:-1] + "ies")
    if lang == "en" and word.endswith("ies"):
        out.add(word[:-3] + "y")
    if lang != "fr" and word.endswith("es") and len(word) > 4:
        out.add(word[:-2])
    return out


def _lookups(lang: str) -> Lookups | None:
    name = config.MODELS.get(lang)
    if name is None or not spacy.util.is_package(name):
        return None
    found = glob.glob(str(spacy.util.get_package_path(name) / "*" / "lemmatizer" / "lookups"))
    return Lookups().from_disk(found[0]) if found else None


@cache
def lemma_forms(lang: str) -> dict[str, frozenset[str]]:
    """lemma -> the forms the model's lemmatizer maps to it by table (exceptions, French lookup).

    Only table entries, never the suffix rules: applied without the part of speech,
    rules would make "armée" (army) a form of "arme" and "but" a form of "bois".
    """
    lookups = _lookups(lang)
    if lookups is None:
        return {}
    tables = [dict(lookups.get_table("lemma_exc")[pos]) for pos in lookups.get_table("lemma_exc")]
    if lookups.has_table("lemma_lookup"):
        tables.append(dict(lookups.get_table("lemma_lookup").items()))
    out: dict[str, set[str]] = {}
    for table in tables:
        for form, lemmas in table.items():
            if not isinstance(form, str) or not _ALPHA.match(form):
                continue
            for lemma in [lemmas] if isinstance(lemmas, str) else lemmas:
                out.setdefault(lemma, set()).add(form)
    return {lemma: frozenset(f) for lemma, f in out.items()}


def forms(word: str, lang: str) -> set[str]:
    """Every form of a word we accept: its variants, and what the lemmatizer maps to one of them."""
    if not _ALPHA.match(word) or len(word) < 3:
        return {word}
    table = lemma_forms(lang)
    candidates = variants(word, lang)
    return candidates.union(*(table.get(c, ()) for c in candidates))


def family_map(words: Iterable[str], lang: str) -> dict[str, str]:
    """form -> key of its word family; words sharing a form share a key (union-find)."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for word in sorted(set(words)):
        for form in forms(word, lang):
            a, b = root(word), root(form)
            if a != b:
                parent[max(a, b)] = min(a, b)
    return {form: root(form) for form in parent}
