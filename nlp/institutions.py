"""Place words inside the name of a hospital, a school, a newspaper, a brand or a state body: no place where
anything happens.

"l'Hôpital Sainte-Croix" made a Polish province, "Abdou Moumouni University" a village, "le journal The
Guardian Post" a Cameroonian town, "le quotidien régional Le Pays du Centre-Est" the Burkinabe region,
"the Nairobi daily" the paper's town: each then drew the paragraph's links. A town the gazetteer knows
keeps its place before a hospital or a post office ("Goma Hospital", "the Busia Post Office"), and a
paper noun in another sense keeps it too ("the Kinshasa paper mill", "le quotidien de Butembo"). So do
"'Sahara Gold' cigarettes" and "a Somali National Army depot". A ministry's portfolio is no town either
("le ministère colombien de la Santé").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ocwatch.nlp import config

_INSTITUTIONS = frozenset({"hôpital", "hospital", "université", "university", "école", "school", "college",
                           "collège", "lycée", "institut", "institute", "stade", "stadium", "hôtel", "hotel",
                           "cathédrale", "cathedral", "église", "church", "mosquée", "mosque", "clinique", "clinic",
                           "academy", "académie"})
_PAPERS = frozenset({"journal", "quotidien", "hebdomadaire", "bihebdomadaire", "newspaper", "daily", "weekly",
                     "magazine", "tabloid", "paper", "bimensuel", "mensuel", "périodique", "gazette"})
_PAPER_NAME_ENDS = frozenset({"post", "times", "tribune", "herald", "gazette", "observer", "monitor", "chronicle",
                              "star", "mail", "express", "standard", "journal", "news", "daily", "weekly"})
_NAME_JOINS = frozenset({"de", "du", "des", "d'", "d’", "of", "the", "la", "le", "les", "l'", "l’", "régional",
                         "régionale", "local", "locale", "national", "nationale", "privé", "privée", "online",
                         "independent", "indépendant", "state-owned", "pro-government", "en", "ligne"})
_ARTICLES = frozenset({"the", "le", "la", "l'", "l’"})
_NAME_ENDS = _INSTITUTIONS | _PAPER_NAME_ENDS


def _known(span: Span) -> bool:
    """A place a gazetteer names (not one only the text's construction or the model made)."""
    return not span.kb_id_.startswith("context:")


def _named_before(doc: Doc, span: Span) -> bool:
    """An institution noun right before the name: "l'Hôpital Sainte-Croix" (not "University of Maiduguri",
    whose town is where the university is)."""
    before = doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.is_title and before.lower_ in _INSTITUTIONS


def _named_after(doc: Doc, span: Span) -> bool:
    """A name ending in an institution's or a paper's word: "Abdou Moumouni University", "The Guardian Post";
    "the Nairobi daily", not "the Kinshasa paper mill" nor "into Uganda daily" (an adverb)."""
    if span[-1].lower_ in _INSTITUTIONS:
        return True
    after = doc[span.end] if span.end < len(doc) else None
    if after is None:
        return False
    if after.is_title and after.lower_ in _NAME_ENDS:
        return not _known(span)
    following = doc[span.end + 1] if span.end + 1 < len(doc) else None
    return (after.is_lower and after.lower_ in _PAPERS and span.start > 0 and doc[span.start - 1].lower_ in _ARTICLES
            and not (following is not None and following.is_lower and following.is_alpha))


def _paper_named_first(doc: Doc, span: Span) -> bool:
    """A newspaper named after its noun, with a capitalised name between: "le quotidien régional Le Pays du
    Centre-Est" (not "du quotidien de Butembo")."""
    named = False
    for t in reversed(doc[max(0, span.start - 6): span.start]):
        if t.lower_ in _PAPERS:
            return named
        if t.is_punct or not (t.is_title or t.lower_ in _NAME_JOINS):
            return False
        named = named or t.is_title
    return False


_BRAND_WORDS = frozenset({"brand", "brands", "marque", "marques", "label"})
_OPEN_QUOTES = frozenset({"'", '"', "‘", "“", "«"})
_CLOSE_QUOTES = frozenset({"'", '"', "’", "”", "»"})


def _brand(doc: Doc, span: Span) -> bool:
    """A place word that begins a brand: "'Sahara Gold' cigarettes", "la marque Sahara Gold" (the name goes
    on with a capitalised word, in quotes or after a word for a brand)."""
    after = doc[span.end] if span.end < len(doc) else None
    if after is None or not after.is_title:
        return False
    if any(t.lower_ in _BRAND_WORDS for t in doc[max(0, span.start - 3): span.start]):
        return True
    return span.start > 0 and doc[span.start - 1].text in _OPEN_QUOTES and span.end + 1 < len(doc) and \
        doc[span.end + 1].text in _CLOSE_QUOTES


def _state_body(doc: Doc, span: Span) -> bool:
    """A country's word in a state body's name: "a Somali National Army depot" (not "Virunga National Park",
    whose next word is a site's)."""
    nxt = [t for t in doc[span.end: span.end + 2]]
    return len(nxt) == 2 and nxt[0].text == "National" and nxt[1].is_title and nxt[1].lower_ in _STATE_BODIES


_STATE_BODIES = frozenset({"army", "police", "guard", "assembly", "security", "intelligence", "defence", "defense",
                           "congress", "council", "bank", "oil", "petroleum", "electoral", "army's"})


def in_institution_name(doc: Doc, span: Span) -> bool:
    """Whether a place span is a word of an institution's, a newspaper's or a brand's name."""
    return _named_before(doc, span) or _named_after(doc, span) or _paper_named_first(doc, span) or \
        _brand(doc, span) or _state_body(doc, span)


# not "department" (of Petén) nor "direction" (en direction de Maroua): those name places
_PORTFOLIO_NOUNS = frozenset({"ministry", "minister", "ministère", "ministre", "secretary", "secrétaire",
                              "secrétariat"})
_OF_THE = config.OF_WORDS | {"for", "la", "l'", "l’"}


def portfolio(doc: Doc, ent: Span) -> bool:
    """"le ministère colombien de la Santé", "the Ministry of Health": a portfolio, not the town of Santé."""
    before = [t.lower_ for t in doc[max(0, ent.start - 4): ent.start]]
    return bool(before) and before[-1] in _OF_THE and any(w in _PORTFOLIO_NOUNS for w in before)
