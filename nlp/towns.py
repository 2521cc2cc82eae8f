"""Towns that the small models do not tag.

A market town or a mining camp of a few thousand people ("between Gao and
Ansongo", "à Kalehe") is often left out of the model's entities. It is taken
here when its written form is a GeoNames town's own name in a watch-list
country, or a town of some size anywhere ("shipped from Rostock to Trelleborg",
"recruited in Maracaibo": routes run through countries no mission watches),
*and* the text says it is a place (the caller's locative test): a name alone is
not enough, since small towns are called Police, Station or Mai.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy
from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc, Span

from ocwatch.nlp import config, gazetteer
from ocwatch.reference import taxonomy

Places = tuple[gazetteer.Place, ...]
MAX_WORDS = 3


def _town(span: Span) -> Places:
    named = gazetteer.cities_named(span.text)
    watched = taxonomy.watchlist_countries()
    cands = tuple(c for c in named if c.name == span.text)
    if not cands:
        # a town as writers spell it, not as GeoNames does ("Tachileik", Tachilek; "Zuwara", Zuwarah), in a
        # watched country or a big one elsewhere: another spelling of a small town abroad is too often
        # another place ("Kalait" is no Kalāyat in India)
        cands = tuple(c for c in named if len(span.text) > 4 and (
            c.country_iso3 in watched or (c.population or 0) >= config.RECLAIM_CITY_MIN_POPULATION))
    # a capitalised word before a lower-case content word qualifies it: "in Police custody", "in Mobile
    # money" (read on the words: the entity pipeline runs no tagger)
    after = span.doc[span.end] if span.end < len(span.doc) else None
    modifier = after is not None and after.is_lower and after.is_alpha and not after.is_stop
    return tuple(c for c in cands if c.country_iso3 in watched or (
        (c.population or 0) >= config.CUED_TOWN_POPULATION and not modifier))


def a_name_no_town_bears(ent: Span) -> bool:
    """Capitalised words that no town bears as a whole: a person's name, whose first name may be a town's
    ("Hassan Kellemi": Hassan, India; "Ali Hamza", "Abba Kiari") and is then no place."""
    return len(ent) > 1 and all(t.is_title and t.is_alpha for t in ent) and not gazetteer.cities_named(ent.text)


def _name_like(span: Span, stop_words: frozenset[str]) -> bool:
    words = [t.lower_ for t in span]
    return (all(t.text[:1].isupper() or t.text in ("-", "'", "’") for t in span) and len(span.text) > 2
            and not (len(span) == 1 and (words[0] in stop_words or words[0] in config.NOT_TOWN_WORDS))
            and not span.text.isupper())


def cued_towns(doc: Doc, placed: set[int], blocked: set[int], cued: Callable[[Doc, int, set[int]], bool],
               stop_words: frozenset[str]) -> list[tuple[Span, Places]]:
    """Towns the text places with a cue, longest name first, on no ``blocked`` word
    (commodities, known actors, the model's other entities); ``placed`` grows with them."""
    found: list[tuple[Span, Places]] = []
    cased = doc.to_array([ORTH, LOWER])  # words with a capital letter, in one array pass
    after = 0
    for i in numpy.flatnonzero(cased[:, 0] != cased[:, 1]).tolist():
        if i < after or i in placed or not doc[i].text[:1].isupper():
            continue
        before = cued(doc, i, placed)
        for n in range(min(MAX_WORDS, len(doc) - i), 0, -1):
            # "the Lubero mines", "Kalehe territory": a place noun after the name places it too. Tested
            # first: most capitalised words have no cue, and the name tests below make a Span and its words
            if not (before or (i + n < len(doc) and doc[i + n].lower_ in config.PLACE_NOUNS)):
                continue
            span = doc[i:i + n]
            if any(k in placed or k in blocked for k in range(i, i + n)) or not _name_like(span, stop_words):
                continue
            cands = _town(span)
            if cands:
                found.append((span, cands))
                placed.update(range(i, i + n))
                after = i + n
                break
    return found


def longer_towns(doc: Doc, ruled: list[Span]) -> tuple[list[Span], list[tuple[Span, Places]]]:
    """A list's place that is the head of a longer town's name gives way to the town: "Benin
    City" is in Nigeria, not Benin; "Kuwait City", "Guatemala City" likewise (longest match)."""
    kept: list[Span] = []
    found: list[tuple[Span, Places]] = []
    for span in ruled:
        longer = None
        for n in (2, 1):
            if span.end + n <= len(doc) and doc[span.end + n - 1].text[:1].isupper():
                whole = doc[span.start:span.end + n]
                cands = tuple(c for c in gazetteer.city_lookup().get(whole.text.lower(), ()) if c.name == whole.text)
                if cands:
                    longer = (whole, cands)
                    break
        if longer is None:
            kept.append(span)
        else:
            found.append(longer)
    return kept, found
