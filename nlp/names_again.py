"""A name found once is found again: the model and the constructions of nlp/groups.py and
nlp/self_named.py see a name where its context says what it is ("designating the smuggling organization
he protects, Red Xocomil,"), and miss it where the text then uses it bare ("Red Xocomil moves migrants
from Honduras"). So every later use of the same words, standing as a name of their own, is that actor;
and a person named in full is that person where the text goes on with one of the name's words
("Gakwaya Seraphin is the head of finances ... Gakwaya organises the transport of coltan")."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ocwatch.nlp import config
from ocwatch.nlp.called_bands import BAND_NOUNS
from ocwatch.nlp.self_named import HEADS_FIRST, HEADS_LAST
from ocwatch.nlp.spans import overlaps as _overlaps
from ocwatch.nlp.spans import span as _span
from ocwatch.nlp.spans import words as _words

_PERSON_LABELS = frozenset({"PERSON", "PER"})
# (a final "S.A.S." the tokenizer may split from its period)
_LEGAL = config.FIRM_SUFFIXES | {"S.A.S"}
# Words of many names, and titles: "Ould Sidi" and "Ould Hamma" are two men.
_PARTICLES = frozenset({"ould", "ag", "ben", "bin", "abu", "abou", "haji", "hajji", "sheikh", "cheikh", "mohamed",
                        "mohammed", "muhammad", "ahmed", "ahmad", "general", "général", "colonel", "major",
                        "captain", "capitaine", "commander", "commandant", "mister", "monsieur", "madame"})


def _free_name(doc: Doc, start: int, end: int) -> bool:
    """The words stand as a name of their own: no capitalised word runs on before or after them ("Dragan
    Vuković" holds the clan's "Vuković")."""
    before = doc[start - 1] if start else None
    after = doc[end] if end < len(doc) else None
    return not (before is not None and before.is_title and not before.is_sent_start) and not (
        after is not None and after.is_title)


def _place_blocks(name: Span, places: list[Span], made_by: str) -> bool:
    """A known place on the words keeps them from a name the model tagged; from a construction's name only
    a place that is not a part of it does ("Los Tiburones del Guayas" holds the province of Guayas, "an
    Abuja bureau de change" does not make the Abuja of "a hospital in Abuja" a firm)."""
    def inside(p: Span) -> bool:
        return name.start <= p.start and p.end <= name.end and len(p) < len(name)

    return any(p.start < name.end and name.start < p.end and (made_by != "construction" or not inside(p))
               for p in places)


# Words of a body's name: the small English model tags many a person ORG ("Jean-Marc Dorsainvil"), and a
# name of two to four capitalised words with none of these is taken for a person's.
_BODY_WORDS = frozenset({w.lower() for w in (*HEADS_FIRST, *HEADS_LAST, *BAND_NOUNS, *config.LEGAL_FORMS)}) | {
    "group", "bank", "council", "committee", "panel", "office", "ministry", "department", "agency", "service",
    "services", "commission", "authority", "court", "police", "experts", "association", "foundation", "institute",
    "nations", "union", "trust", "fund", "watch", "international", "national", "global", "exchange", "express",
    "market", "port", "airport", "university", "hospital", "church", "party", "assembly", "parliament", "senate",
    "bureau", "centre", "center", "programme", "program", "initiative", "project", "network", "news", "times",
    "coast", "guard", "guards", "navy", "army", "air", "airlines", "airways", "customs", "forces",
    "force"}
# Kin named by their tie ("his cousin Sesay", "a son of the LRA leader"): a surname then names more than one.
_KIN = frozenset({"son", "sons", "father", "brother", "brothers", "cousin", "cousins", "uncle", "nephew", "wife",
                  "husband", "sister", "daughter", "mother", "fils", "père", "frère", "frères", "oncle", "neveu",
                  "épouse", "mari", "sœur", "fille", "mère", "cousine", "nièce", "niece"})


def _person(s: Span) -> bool:
    """A full name of a person: the model's PERSON, or two to four capitalised words naming no body."""
    if len(s) < 2:
        return False
    if all(t.ent_type_ in _PERSON_LABELS or not t.is_alpha for t in s):
        return True
    words = [t for t in s if t.is_alpha]
    return 2 <= len(words) <= 4 and all(t.is_title and t.lower_ not in _BODY_WORDS for t in words)


def _person_words(made: list[Span]) -> dict[tuple[str, ...], Span]:
    """Each word of a person's full name that names no other actor of the document."""
    parts: dict[str, Span] = {}
    shared: set[str] = set()
    for s in made:
        if not _person(s):
            continue
        for t in s:
            w = t.text
            if len(w) < 4 or not t.is_title or w.lower() in _PARTICLES:
                continue
            if w in parts and parts[w].kb_id_ != s.kb_id_:
                shared.add(w)
            parts.setdefault(w, s)
    return {(w,): s for w, s in parts.items() if w not in shared}


def _a_word(doc: Doc, i: int) -> bool:
    """An English sentence opening on the word before a lower-case word that does not read as a verb ("Black
    market fuel", "Young men"): the entity stage has no part-of-speech tags, and the word is as likely an
    adjective as the name ("Gakwaya organises", "Kony ordered")."""
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return doc.lang_ == "en" and doc[i].is_sent_start and nxt is not None and nxt.is_lower and not nxt.lower_.endswith(
        ("s", "ed"))


def named_again(doc: Doc, made: list[Span], others: list[Span],
                not_words: frozenset[str] = frozenset()) -> tuple[list[Span], list[Span]]:
    """A name made an actor once, by a construction or by the model ("designating the smuggling
    organization he protects, Red Xocomil,"), is that actor wherever the document uses it bare ("Red
    Xocomil moves migrants"), where the construction is not repeated and the model misses the name.
    A person's word that is a people's name (``not_words``: "Philippine") is no surname. Returns the new
    actors and the other spans left (places a construction's name holds give way)."""
    # one word the model tagged may be a place it does not know ("la reprise de Tocorón")
    names = {tuple(t.text for t in s): s for s in made if any(c.isupper() for c in s.text) and (
        s.id_ == "construction" or (s.id_ == "ner" and len(s) > 1))}
    # a surname where kin are named may be another member of the family's; a one-word name a construction
    # made ("the Koroma gang") may be a person's ("Koroma, the district police commander")
    kin = any(t.lower_ in _KIN for t in doc)
    parts = {} if kin else {w: s for w, s in _person_words(made).items() if w not in names}
    # "Metales del Sur C.A. ... Metales del Sur denied", "Sangoa Minerals SARL ... Sangoa Minerals told us":
    # a firm named again without its legal form (two words or more of it left)
    names |= {w[:-1]: s for w, s in names.items() if len(w) > 2 and w[-1] in _LEGAL and w[:-1] not in names}
    names = {w: s for w, s in names.items() if len(w) > 1}
    places = [o for o in others if o.label_ == "location"]
    busy = _words([*made, *(o for o in others if o.label_ != "location")])
    found: list[Span] = []
    at: dict[str, list[int]] = {}  # where each word stands: long reports hold hundreds of names
    for t in doc:
        at.setdefault(t.text, []).append(t.i)
    for words, first in [*names.items(), *parts.items()]:
        n, part = len(words), words in parts
        for i in at.get(words[0], ()):
            if (part and i < first.end) or i + n > len(doc):
                continue  # a person's word only after the full name
            if tuple(t.text for t in doc[i:i + n]) != words or any(k in busy for k in range(i, i + n)):
                continue
            if part and (doc[i].lower_ in not_words or _a_word(doc, i)):
                continue  # "Philippine officials", "Black market", "Young men": a word, not the name
            if _free_name(doc, i, i + n) and not _place_blocks(doc[i:i + n], places, "ner" if part else first.id_):
                found.append(_span(doc, i, i + n, "actor", first.kb_id_, first.id_))
                busy |= set(range(i, i + n))
    return found, [o for o in others if not _overlaps(o, found)] if found else others
