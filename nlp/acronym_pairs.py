"""A name and its acronym in brackets are one actor: "L'Armée de libération nationale (ELN)",
"Le Cartel Jalisco Nouvelle Génération (CJNG)", "the Kidal Patrols Coalition (KPC)".

Reports spell a group out once, with its acronym after, and use the acronym from then on. The
reference list may know only one of the two (often the acronym, or the name in another
language), so each gets the id of the one it knows, and the acronym elsewhere in the document
gets it too. A spelled-out name the model did not tag is taken when its capitalised words'
initials spell the acronym; the places inside it ("Jalisco") give way to the name.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ocwatch.nlp.spans import span as _span
from ocwatch.nlp.spans import words
from ocwatch.reference.names import without_accents

_JOINERS = frozenset({"de", "du", "des", "d'", "d’", "la", "le", "l'", "l’", "of", "the", "for", "and", "et", "pour",
                      "-", "el", "del", "y"})


def _bracketed(doc: Doc, s: Span) -> bool:
    return (s.start > 0 and s.end < len(doc) and doc[s.start - 1].text == "(" and doc[s.end].text == ")"
            and not any(ch.islower() for ch in s.text))


def _word_initials(word: str) -> list[str]:
    """The letters a word gives an acronym, accents off: "éleveurs" gives the E of "USE", and a hyphened
    name each of its capitalised parts ("Haut-Kotto" the H and K of "CDHK")."""
    parts = [p for p in word.split("-") if p]
    if len(parts) > 1 and all(p[:1].isupper() for p in parts):
        return [without_accents(p[0]).upper() for p in parts]
    return [without_accents(word[0]).upper()]


def _name_before(doc: Doc, acronym: Span, a: Span | None) -> Span | None:
    """The name spelled out before a bracketed acronym when the actor ``a`` that ends there, if any, is only its
    last words: "Coalition pour la défense du Haut-Kotto (CDHK)", where the model tagged "Haut-Kotto"."""
    name = _spelled_out(doc, acronym)
    return name if name is not None and (a is None or name.start < a.start) else None


def _spelled_out(doc: Doc, acronym: Span) -> Span | None:
    """The words before "(" whose initials spell the acronym, if any, the first capitalised: "Kidal Patrols
    Coalition (KPC)", and French names in lower case after their first word ("Front patriotique du
    Bamingui (FPB)")."""
    letters = [ch for ch in acronym.text.upper() if ch.isalpha()]
    end, i, initials = acronym.start - 1, acronym.start - 2, []
    while i >= 0 and len(initials) < len(letters) and (
            doc[i].is_title or doc[i].lower_ in _JOINERS or (doc[i].is_alpha and doc[i].is_lower)):
        if doc[i].lower_ not in _JOINERS:
            initials[:0] = _word_initials(doc[i].text)
        i -= 1
    start = i + 1
    while start < end and doc[start].lower_ in _JOINERS:
        start += 1
    ok = initials == letters and end - start > 1 and doc[start].is_title
    lowered = any(w.is_lower and w.lower_ not in _JOINERS for w in doc[start:end])
    if ok and lowered and _ENFORCERS & {w.lower_ for w in doc[start:end]}:
        return None  # see _ENFORCERS
    return doc[start:end] if ok else None


# Words that make a spelled-out name a body's, not a person's: "Armée de libération nationale (ELN)"
# pairs though its Spanish acronym spells no French initials; "Ali Darassa (UPC)" does not.
_BODY_WORDS = frozenset({"army", "armée", "forces", "force", "front", "movement", "mouvement", "cartel", "group",
                         "groupe", "alliance", "coalition", "brigade", "union", "council", "conseil", "party",
                         "parti", "organisation", "organization", "organización", "ejército", "comando",
                         "commando", "militia", "milice", "network", "réseau", "clan", "gang", "office", "agency",
                         "agence", "commission", "bureau", "mission", "authority", "autorité", "service"})


def _initials(a: Span) -> list[str]:
    return [t.text[0].upper() for t in a if t.is_title or t.is_upper]


def _names_a_body(doc: Doc, a: Span, b: Span) -> bool:
    letters = [ch for ch in b.text.upper() if ch.isalpha()]
    return _initials(a) == letters or any(t.lower_ in _BODY_WORDS for t in a)


def _known(s: Span) -> bool:
    return not s.kb_id_.startswith("unknown:")


def paired(doc: Doc, actors: list[Span]) -> tuple[list[Span], list[Span]]:
    """The actors with one id for each name and its bracketed acronym, and the names added."""
    ends = {s.end: s for s in actors}
    ids: dict[str, str] = {}
    added: list[Span] = []
    parts: set[Span] = set()  # actors that are only the last words of a name spelled out
    for b in (s for s in actors if _bracketed(doc, s)):
        a = ends.get(b.start - 1)
        names_it = a is not None and _names_a_body(doc, a, b)
        longer = None if names_it else _name_before(doc, b, a)
        if longer is not None:
            ids[b.text] = b.kb_id_ if _known(b) else "unknown:" + longer.text.lower()
            added.append(_span(doc, longer.start, longer.end, "actor", ids[b.text], "acronym"))
            parts |= {a} if a is not None else set()
            continue
        if a is None or not names_it:
            continue  # "Ali Darassa (UPC)": a person and his group, two actors
        if _known(a) != _known(b) or not _known(a):
            ids[a.text] = ids[b.text] = (a if _known(a) else b).kb_id_ if _known(a) or _known(b) else a.kb_id_
        elif a.kb_id_ != b.kb_id_:
            # the text says what its acronym stands for: "Ambazonia Defence Forces (ADF)" is not the list's
            # ADF (the Allied Democratic Forces) anywhere in this document
            ids[b.text] = a.kb_id_
    listed = {s.text: s.kb_id_ for s in actors if _known(s)}
    for a, b, part in _untagged_acronyms(doc, actors):
        if a.kb_id_ == "":  # a name no list nor model tagged, spelled out by the acronym's initials
            a = _span(doc, a.start, a.end, "actor", listed.get(b) or "unknown:" + a.text.lower(), "acronym")
            added.append(a)
        ids[b] = a.kb_id_
        parts |= {part} if part is not None else set()
    out = [_span(doc, s.start, s.end, "actor", ids[s.text], s.id_) if s.text in ids else s for s in actors
           if s not in parts]
    added += _acronyms_again(doc, out + added, ids)
    return out + added, added


# A spelled-out name of an office, a police or customs unit or a joint force ("Office central de répression du
# trafic illicite des drogues (OCRTIDB)", "Force multinationale mixte (FMM)"): an enforcer the rules only know
# by a list, so it is left to the lists rather than made an actor no rule can tell from a group.
_ENFORCERS = frozenset({"office", "agency", "agence", "commission", "bureau", "authority", "autorité", "service",
                        "services", "police", "douane", "douanes", "customs", "ministère", "ministry", "direction",
                        "lutte", "répression", "contre", "against", "plateforme", "platform", "unit", "unité",
                        "gendarmerie", "multinationale", "mixte", "task", "national", "nationale", "observatoire",
                        "observatory", "institut", "institute", "centre", "center", "programme", "program"})


def _letters(acronym: str) -> str:
    """The letters an acronym stands for, a digit repeating the next one: "3R" is R, R, R."""
    out, count = "", ""
    for ch in acronym:
        if ch.isdigit():
            count += ch
        elif ch.isalpha():
            out += ch.upper() * (int(count) if count else 1)
            count = ""
    return out


def expands_acronym(doc: Doc, ent: Span) -> bool:
    """The entity opens the brackets after an acronym and the words in them spell it out: "le groupe 3R (Retour,
    Réclamation, Réhabilitation)". The acronym names the body; its expansion is no actor of its own."""
    acronym = doc[ent.start - 2].text if ent.start >= 2 else ""
    if doc[ent.start - 1].text != "(" or len(acronym) < 2 or not (acronym.isupper() and acronym.isalnum()):
        return False
    close = next((t.i for t in doc[ent.end:ent.end + 12] if t.text == ")"), None)
    spelled = [t.text for t in doc[ent.start:close] if t.is_alpha and t.lower_ not in _JOINERS] if close else []
    return bool(spelled) and "".join(c for w in spelled for c in _word_initials(w)) == _letters(acronym)


def _is_acronym(word: str) -> bool:
    return 2 <= len(word) <= 8 and word.isalpha() and word.isupper()


def _untagged_acronyms(doc: Doc, actors: list[Span]) -> list[tuple[Span, str, Span | None]]:
    """A body's name followed by a bracketed acronym no list or model tagged: "les hommes de l'Alliance
    pour la Paix de l'Ouaka (APO)": the acronym is the body's from then on. Where neither is tagged, the
    words whose initials spell the acronym are the name ("Le Front patriotique du Bamingui (FPB)"), as a
    span with no id yet, and the actor it swallows, if any (the model's "Haut-Kotto" at the end of "Coalition
    pour la défense du Haut-Kotto (CDHK)")."""
    ends = {s.end: s for s in actors}
    covered = words(actors)
    out: list[tuple[Span, str, Span | None]] = []
    for t in doc[2:-1]:
        if doc[t.i - 1].text != "(" or doc[t.i + 1].text != ")" or not _is_acronym(t.text) or t.i in covered:
            continue
        a = ends.get(t.i - 1)
        if a is not None and _names_a_body(doc, a, doc[t.i:t.i + 1]):
            out.append((a, t.text, None))
            continue
        name = _name_before(doc, doc[t.i:t.i + 1], a)
        part = words([a]) if a is not None else set()
        if name is not None and not (covered - part) & set(range(name.start, name.end)):
            out.append((name, t.text, a))
    return out


def _acronyms_again(doc: Doc, actors: list[Span], ids: dict[str, str]) -> list[Span]:
    """Every other bare use of an actor's acronym in the document is that actor ("l'APO prélève",
    "le MCL taxe"), where the model tagged only some of them."""
    # only an acronym a list knows or the text spells out: a model's guess ("cartes SIM") is not spread
    known = {s.text: s.kb_id_ for s in actors if len(s) == 1 and _is_acronym(s.text) and _known(s)}
    known.update({k: v for k, v in ids.items() if _is_acronym(k)})
    covered = words(actors)
    return [_span(doc, t.i, t.i + 1, "actor", known[t.text], "acronym") for t in doc
            if t.text in known and t.i not in covered]
