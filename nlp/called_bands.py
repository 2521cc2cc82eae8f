"""Bands the text says are called something: "a cult group known as the Icelanders", "un groupe se
faisant appeler « Team Ndiaga »", "an armed group calling itself the Forces Révolutionnaires du Lim", and a
naming verb with its own subject: "a ring that investigators call the Mexicali office", "le réseau, que les
habitants appellent « Los Esteros »".

The name after the cue is an actor ``named:<actor type>:<slug>``, the type the band's noun gives; a name
the gazetteer or the media list holds, or a people's name, is none. nlp/self_named.py finds the names that
carry their own organisation noun.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ocwatch.nlp.groups import slug
from ocwatch.nlp.persons import PERSON_NOUNS
from ocwatch.nlp.self_named import ARMED, FIRM, NETWORK, NOT_NAME_OPENERS
from ocwatch.nlp.spans import capitalised, name_end

# "a cult group known as the Icelanders", "un groupe se faisant appeler « Team Ndiaga »".
_CALLED = (("known", "as"), ("known", "locally", "as"), ("calling", "itself"), ("calls", "itself"), ("called",),
           ("dubbed",), ("named",), ("se", "faisant", "appeler"), ("se", "fait", "appeler"),
           ("se", "présentant", "sous", "le", "nom", "de"), ("connu", "sous", "le", "nom", "de"),
           ("connue", "sous", "le", "nom", "de"), ("baptisé",), ("baptisée",), ("dénommé",), ("dénommée",),
           ("appelé",), ("appelée",))
_CALLED_FIRST = frozenset(cue[0] for cue in _CALLED)
# ... and by whom it is known, as security researchers name hacking groups: "the hackers, tracked by
# researchers as Cold Harbor", "a network known to investigators as Silver Cobra", "a crew tracked as X".
_KNOWN_TO = frozenset({"known", "tracked"})


def _known_to(words: list[str], i: int) -> bool:
    """"known to investigators as", "tracked by researchers as", "tracked as" (plain "known as" is in _CALLED)."""
    nxt = words[i + 1:i + 2]
    return (words[i] in _KNOWN_TO and nxt in (["to"], ["by"])) or (words[i] == "tracked" and nxt == ["as"])
# Bare naming words also name a verb's object ("the militia called Kabila a traitor"): they name a band only
# after an indefinite noun phrase ("a ring dubbed X") or a comma ("le groupe, appelé X").
_BARE_CUES = frozenset({"called", "dubbed", "named", "baptisé", "baptisée", "dénommé", "dénommée", "appelé",
                        "appelée"})
BAND_NOUNS: dict[str, str] = {
    # not "band": "a rock band called Arctic Monkeys"
    **dict.fromkeys(("group", "groupe", "gang", "militia", "milice", "cult", "faction", "brigade", "bande",
                     "coalition", "cartel", "clan", "confraternity", "column", "colonne", "katiba"), ARMED),
    **dict.fromkeys(("network", "réseau", "syndicate", "ring", "crew", "cell", "cellule", "équipe", "collectif",
                     "ransomware", "hackers", "pirates", "organisation", "organization", "organisación"), NETWORK),
    **dict.fromkeys(("company", "firm", "société", "entreprise", "compagnie", "coopérative", "cooperative",
                     "comptoir"), FIRM),
}
_OPENERS = frozenset({"the", "la", "le", "les", "l'", "l’", "«", "»", '"', "'", "‘", "“"})
_INDEFINITE = frozenset({"a", "an", "un", "une"})
_QUOTES = frozenset({"«", "»", '"', "“", "”"})
# A naming verb that takes its own subject: "that investigators call", "qu'ils appellent" (nlp/links/mask.py
# masks the clause these open).
CALL_VERBS = frozenset({"call", "calls", "dub", "dubs", "nickname", "nicknames", "appellent", "appelle",
                         "surnomment", "surnomme", "nomment", "baptisent"})
_DESIGNATE = frozenset({"désigne", "désignent"})  # "... sous le nom de X"
_OBJECT_RELATIVES = frozenset({"that", "which", "whom", "que", "qu'", "qu’"})
_SUBJECT_OPENERS = frozenset({"the", "it", "they", "we", "police", "locals", "residents", "les", "on", "ils",
                              "elles", "nous"})
_STOPS = frozenset({".", ";", ":", "(", ")", "and", "et", "or", "ou", "to", "à"})


class CalledBandFinder:
    """Finds the bands a text says are called something."""

    def __init__(self, not_words: frozenset[str], not_names: frozenset[str]):
        self.not_words, self.not_names = not_words, not_names  # peoples, months; places, media

    def _cue_end(self, words: list[str], i: int) -> int | None:
        if _known_to(words, i):
            return next((j + 1 for j in range(i + 1, min(len(words), i + 5)) if words[j] == "as"), None)
        if words[i] not in _CALLED_FIRST:  # most words start no cue: skip slicing for each
            return None
        for cue in _CALLED:
            if tuple(words[i:i + len(cue)]) == cue:
                return i + len(cue)
        return None

    def find(self, doc: Doc, taken: set[int]) -> list[Span]:
        """"a cult group known as the Icelanders", "a ring that investigators call « the Mexicali office »": the
        name after a band noun and a naming cue."""
        out = []
        words = [t.lower_ for t in doc]
        for i in range(1, len(doc)):
            after = self._cue_end(words, i)
            before = words[max(0, i - 4):i]
            noun = next((w for w in reversed(before) if w in BAND_NOUNS), None) if after is not None else None
            if _known_to(words, i) and noun is not None and [w for w in before if w != ","][-1:] != [noun]:
                continue  # "the militia camp, known to aid workers as Camp Zero": the camp's name
            # "a gang leader known as X" is a person (nlp/persons.py)
            if noun is None or PERSON_NOUNS.intersection(before[before.index(noun):]):
                noun, after = _called_by(words, i)
            elif words[i] in _BARE_CUES and words[i - 1] != "," and not _INDEFINITE.intersection(before):
                continue
            if noun is not None and (name := self._name_at(doc, after, taken)) is not None:
                out.append(Span(doc, name.start, name.end, label="actor",
                                kb_id=f"named:{BAND_NOUNS[noun]}:{slug(name.text)}", span_id="construction"))
        return out

    def _name_at(self, doc: Doc, after: int, taken: set[int]) -> Span | None:
        """The capitalised name that starts at or after ``after``; a quoted name runs to its closing quote
        ("the Mexicali office"), when that comes within a few words."""
        quoted = after < len(doc) and doc[after].text in _QUOTES
        while after < len(doc) and doc[after].lower_ in _OPENERS:
            after += 1
        if after >= len(doc) or not (capitalised(doc[after].text) or doc[after].text.isupper()):
            return None
        close = next((k for k in range(after + 1, min(len(doc), after + 5)) if doc[k].text in _QUOTES), None)
        end = close if quoted and close is not None else name_end(
            doc, after, 4, stops=lambda k: doc[k].text in _OPENERS,
            capital=lambda k: capitalised(doc[k].text) or doc[k].text.isupper(),
            joins=lambda k: doc[k].lower_ in ("-", "de", "del", "du", "al", "el", "of"))
        # "the Vidin crew": the band's noun after a town's name makes it the band's
        end += int(not quoted and end < len(doc) and doc[end].lower_ in BAND_NOUNS)
        name = doc[after:end]
        # "who call Samuel Okoro a traitor": a name the verb's complement follows is a person the band insults
        # (French "a" is "has": "se présentant sous le nom de Dhibic Team a revendiqué")
        if end < len(doc) and doc[end].lower_ in (("a", "an") if doc.lang_ == "en" else ("un", "une", "le", "la")):
            return None
        if (name[0].text in NOT_NAME_OPENERS or any(k in taken for k in range(after, end))
                or name.text.lower() in self.not_names or any(w.lower_ in self.not_words for w in name)):
            return None
        return name


def _called_by(words: list[str], i: int) -> tuple[str | None, int]:
    """The band noun that a naming verb with its own subject names, and where the name starts: "a group the
    reporters call the Vidin crew", "a network it calls Los Ductos", "le réseau, que les enquêteurs appellent
    « Los Esteros »", "que la police désigne sous le nom de X". The band's noun stands right before the
    object relative ("that", "que") or the subject ("the reporters", "it"): not "a tunnel that agents call",
    nor "the militia, who call X a traitor", where the band is the subject."""
    after = i + 1 + 4 * (words[i + 1:i + 4] == ["sous", "le", "nom"] and words[i] in _DESIGNATE)
    if words[i] not in CALL_VERBS | _DESIGNATE or (words[i] in _DESIGNATE and after == i + 1):
        return None, after
    for j in range(i - 2, max(-1, i - 12), -1):
        if words[j] in _STOPS or words[j] in ("who", "qui", "dont"):
            return None, after
        if words[j] == "," or words[j] in _OBJECT_RELATIVES:
            continue
        nxt = words[j + 1] if words[j + 1] != "," else words[j + 2]
        if nxt in _OBJECT_RELATIVES or nxt in _SUBJECT_OPENERS:
            return (words[j] if words[j] in BAND_NOUNS else None), after
    return None, after
