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

_JOINERS = frozenset({"de", "du", "des", "d'", "d’", "la", "le", "l'", "l’", "of", "the", "for", "and", "et", "pour",
                      "-", "el", "del", "y"})


def _bracketed(doc: Doc, s: Span) -> bool:
    return (s.start > 0 and s.end < len(doc) and doc[s.start - 1].text == "(" and doc[s.end].text == ")"
            and not any(ch.islower() for ch in s.text))


def _spelled_out(doc: Doc, acronym: Span) -> Span | None:
    """The capitalised words before "(" whose initials spell the acronym, if any."""
    letters = [ch for ch in acronym.text.upper() if ch.isalpha()]
    end, i, initials = acronym.start - 1, acronym.start - 2, []
    while i >= 0 and len(initials) < len(letters) and (doc[i].is_title or doc[i].lower_ in _JOINERS):
        if doc[i].is_title:
            initials.insert(0, doc[i].text[0].upper())
        i -= 1
    start = i + 1
    while start < end and doc[start].lower_ in _JOINERS:
        start += 1
    return doc[start:end] if initials == letters and end - start > 1 else None


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
    for b in (s for s in actors if _bracketed(doc, s)):
        a = ends.get(b.start - 1)
        if a is None:
            a = _spelled_out(doc, b)
            if a is not None:
                ids[b.text] = b.kb_id_ if _known(b) else "unknown:" + a.text.lower()
                added.append(_span(doc, a.start, a.end, "actor", ids[b.text], "acronym"))
            continue
        if not _names_a_body(doc, a, b):
            continue  # "Ali Darassa (UPC)": a person and his group, two actors
        if _known(a) != _known(b) or not _known(a):
            ids[a.text] = ids[b.text] = (a if _known(a) else b).kb_id_ if _known(a) or _known(b) else a.kb_id_
    out = [_span(doc, s.start, s.end, "actor", ids[s.text], s.id_) if s.text in ids else s for s in actors]
    return out + added, added
