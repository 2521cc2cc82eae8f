"""Actor names masked before parsing: the small models misparse a clause that opens on an unknown name.

"ISWAP taxes fishermen" comes out with "taxes" as a noun; with "Group" in the
name's place it parses as it should. After a noun that already says what the
name is ("le gang 5 Segonn", "le groupe armé Zaïre") the name is dropped and the
actor is that noun: "le gang groupe contrôle" misparses as badly as the name.
"""

from __future__ import annotations

import re
from typing import Any

from ocwatch.nlp.called_bands import CALL_VERBS
from ocwatch.nlp.dateline import dateline_end
from ocwatch.nlp.links import lexicon as lx

Row = dict[str, Any]


# English verbs whose bare form after a name says the name is plural: "The FDLR also tax fishermen" with
# "group" in the name's place misparses ("group ... tax fishermen" as one noun phrase); "groups" does not.
_PLURAL_VERBS = frozenset({"tax", "levy", "extort", "collect", "impose", "charge", "demand", "run", "control",
                           "smuggle", "traffic", "sell", "buy", "move", "operate", "exploit", "hold", "export",
                           "mine", "man", "take", "receive", "escort", "protect"})
_SKIP_ADVERBS = frozenset({"also", "still", "now", "reportedly", "allegedly", "often", "regularly", "openly",
                           "routinely", "increasingly", "continue", "to"})


# The words a name is masked with: a parse that reads one of them reads a named actor. A name right after
# a verb of judging or arresting is a person's, masked as one: "A jury convicted group of smuggling gold"
# parses as a noun phrase, "A jury convicted Smith of smuggling gold" as the clause it is.
PLACEHOLDERS = frozenset({"group", "groups", "groupe", "groupes", "smith", "dupont"})
_JUDGED = re.compile(r"\b(convicted|sentenced|jailed|indicted|charged|arrested|detained|extradited|fined|"
                     r"acquitted|designated|sanctioned|listed|blacklisted|condamné|inculpé|arrêté|interpellé|écroué|"
                     r"extradé|jugé|mis en examen)"
                     r"(\s+(?:on \w+day|mardi|lundi|mercredi|jeudi|vendredi|samedi|dimanche))?"
                     r"(\s+(?:the\s+|l[ea]\s+)?[a-zà-ÿ-]+(?<!\bof)(?<!\bin))?\s+$")


# "added to its sanctions list X", "a ajouté à sa liste X", "a inscrit sur sa liste X": listed, so a person's
# or a firm's name, as after "designated".
_LISTED = re.compile(r"\b(?:added|ajouté|inscrit|inscrite|inscrits)\s+(?:to|à|sur)\s+(?:its|the|sa|la|leur)\s+"
                     r"(?:[\w-]+\s+)?(?:list|liste)\s+$", re.I)


# "the network, which according to Treasury manufactures ...": with no commas round the source the small
# models read "group manufactures" as one noun; the commas a careful writer puts there are put back. (The
# French model misreads "qui, selon groupe, achemine" with or without them.)
_BARE_ASIDE = re.compile(r"\b(?:which|that|who)(?=\s+according\s+to\s+(?:the\s+)?$)", re.I)
_GOES_ON = re.compile(r"\s+[a-zà-ÿ]")


def _bare_aside(text: str, pos: int, start: int, end: int) -> int | None:
    """Where the comma goes after the relative pronoun of an attribution with no commas round it."""
    rel = _BARE_ASIDE.search(text, pos, start)
    return rel.end() if rel and _GOES_ON.match(text, end) else None


def _plural_verb_after(after: str) -> bool:
    words = after.lower().split()[:4]
    while words and words[0] in _SKIP_ADVERBS:
        words = words[1:]
    return bool(words) and words[0] in _PLURAL_VERBS


def _placeholder(text: str, start: int, lang: str, end: int | None = None) -> str:
    if _JUDGED.search(text[max(0, start - 40):start]) or _LISTED.search(text[max(0, start - 60):start]):
        return "Dupont" if lang == "fr" else "Smith"
    if lang != "fr":
        word = "groups" if end is not None and _plural_verb_after(text[end:]) else "group"
        return word.capitalize() if start == 0 else word
    before = text[:start].rstrip().lower().split()
    plural = bool(before) and before[-1] in ("les", "des", "aux", "ces", "leurs")
    word = "groupes" if plural else "groupe"
    return word.capitalize() if start == 0 else word


_GROUP_NOUN = re.compile(r"\b(gang|group|groupe|milice|militia|mouvement|movement|faction|cartel|réseau|network|"
                         r"société|company|firm|compagnie|entreprise|syndicate|clan|confraternité|confraternity|"
                         r"brigade|bande|coalition|katiba)( armée?s?)?\s+$", re.I)
# "an armed group calling itself the X recruited", "a syndicate known locally as the X taps", "le groupe, qui
# se fait appeler « X », utilisait": the naming words and the name go, the actor is the band's noun, and
# the clause reads "an armed group recruited" (with the name in, the small models make "calling" the verb).
# Not a bare "called": "the militia called Kabila a traitor" names no band.
_CALLED_BAND = re.compile(
    r"\b(gang|group|groupe|milice|militia|faction|syndicate|network|ring|cult|réseau|bande|band|cartel|"
    r"coalition|cell|cellule|brigade)( armée?s?)?(\s+(?:of|de|d['’])\s*(?:brokers|smugglers|traffickers|traders|"
    r"dealers|importers|suppliers|transporters|courtiers|passeurs|trafiquants|négociants|commerçants|revendeurs|"
    r"transporteurs|fournisseurs))?"
    r"(,?\s+(?:qui\s+|which\s+|that\s+)?(?:(?:also\s+)?known\s+(?:locally\s+)?as"
    r"|calling\s+itself|calls\s+itself|se\s+faisant\s+appeler|se\s+fait\s+appeler"
    r"|se\s+présentant\s+sous\s+le\s+nom\s+de|(?:aussi\s+|également\s+)?connue?\s+sous\s+le\s+nom\s+de"
    # "a ring that investigators call X", "que les habitants appellent « X »": a naming verb with its subject
    r"|(?:(?:qu['’]|que\s+|whom\s+|(?<=that\s)|(?<=which\s)|(?=(?:the|it|they|we|police|locals|residents)\s))"
    r"(?:[^\W\d][\w'’-]*\s+){1,6}?"
    r"(?:" + "|".join(sorted(CALL_VERBS, key=len, reverse=True)) + r"|désignen?t\s+sous\s+le\s+nom\s+d[e'’]\s*)))"
    r"\s+(?:the\s+|la\s+|le\s+|les\s+|l['’])?[«\"'“‘]?\s*(?:(?:the|la|le|les)\s+|l['’])?)$", re.I)
_CLOSING = re.compile(r"\s*[»\"'”’]")
_COMMA = re.compile(r"\s*,")
# "the Sakho network smuggles cocaine": with "group" in the name's place the small English model reads "group
# network smuggles" as one noun phrase; the name goes and the noun after it is the actor, as after a noun.
# ... before its verb, not before another noun ("the Kinahan cartel's rivals", "cartel enemy")
_VERBS_AFTER = lx.TRADE_VERBS_S | {"is", "was", "are", "were", "has", "have", "had", "which", "that", "who", "whose",
                                   "will", "would", "can", "could", "may", "grows", "holds", "uses", "brings",
                                   "carries", "kidnaps", "steals", "protects", "dominates"}
_NOUN_AFTER = re.compile(r"\s+(network|gang|group|cartel|clan|organi[sz]ation|syndicate|ring|militia|faction|"
                         r"family|crew|cell|brigade|confraternity|cult|mafia|company|firm)\b"
                         r"(?=\s+(?:(?:also|reportedly|allegedly|now|still|then|largely|mainly)\s+)?(?:"
                         + "|".join(sorted(_VERBS_AFTER)) + r")\b)", re.I)
_THE_BEFORE = re.compile(r"(?:^|\s)(?:the|its|their|a|an)\s+$", re.I)


def _elided(text: str, start: int, pos: int) -> tuple[int, str]:
    """"l'UPC" -> "le groupe", and "de l'UPC" / "à l'UPC" -> "du groupe" / "au groupe" as French
    contracts them ("de le groupe" misparses). Returns where the replacement starts, and it."""
    start -= 2
    before = text[max(pos, start - 3):start].lower()
    if before.endswith(("de ", "à ")) and start - len(before.split()[-1]) - 1 >= pos:
        word = "du groupe" if before.endswith("de ") else "au groupe"
        return start - len(before.split()[-1]) - 1, word
    return start, "Le groupe" if start == 0 else "le groupe"


def _noun_after(text: str, pos: int, start: int, end: int) -> tuple[int, int] | None:
    """Where the band's noun after a name stands, when an article comes before the name ("the Sakho network")."""
    noun = _NOUN_AFTER.match(text, end)
    if noun is None or not _THE_BEFORE.search(text[max(pos, start - 8):start]):
        return None
    return noun.start(1), noun.end(1)


def masked(row: Row, mentions: list[Row], lang: str) -> tuple[str, dict[int, tuple[int, int]]]:
    """The sentence with each actor's name replaced by 'group' / 'groupe' (or dropped after a noun
    that already says what it is), and every mention's offsets in that text."""
    text, base = row["text"], row["start_char"]
    cut = pos = dateline_end(text)  # the dateline is cut: its town and agency take no part, and it misparses
    out, offsets = [], {}
    spans = sorted(((m["start_char"] - base, m["end_char"] - base, m) for m in mentions), key=lambda x: x[0])
    shift = -pos
    for start, end, m in spans:
        if start < cut:
            continue
        if start < pos:  # overlapping mentions keep their own offsets in the text already written
            offsets[id(m)] = (start + shift, end + shift)
            continue
        called = _CALLED_BAND.search(text, pos, start) if m["kind"] == "actor" else None
        named = None if called else _GROUP_NOUN.search(text, pos, start) if m["kind"] == "actor" else None
        if called:
            keep = max(called.end(1), called.end(2), called.end(3))  # "a network of brokers known as X"
            out.append(text[pos:keep])
            offsets[id(m)] = (called.start(1) + shift, called.end(1) + shift)
            closing = _CLOSING.match(text, end)
            stop = closing.end() if closing else end
            # "le réseau, que X appellent « Y », achemine": the aside's two commas go with it
            if called.group(4).startswith(",") and (comma := _COMMA.match(text, stop)):
                stop = comma.end()
            shift -= stop - keep
            pos = stop
        elif named:
            # "le gang 5 Segonn contrôle": the name goes, the actor is the noun it names
            keep = named.end(2) if named.group(2) else named.end(1)
            out.append(text[pos:keep])
            offsets[id(m)] = (named.start(1) + shift, named.end(1) + shift)
            shift -= end - keep
            pos = end
        elif m["kind"] == "actor" and lang == "en" and (after := _noun_after(text, pos, start, end)) is not None:
            out.append(text[pos:start])
            offsets[id(m)] = (start + shift, start + shift + after[1] - after[0])
            shift -= after[0] - start
            pos = after[0]
        elif m["kind"] == "actor":
            aside = _bare_aside(text, pos, start, end) if lang == "en" else None
            if aside is not None:
                out.append(text[pos:aside] + ",")
                shift, pos = shift + 1, aside
            if lang == "fr" and text[max(0, start - 2):start].lower().replace("’", "'") == "l'":
                start, word = _elided(text, start, pos)
            else:
                word = _placeholder(text, start, lang, end)
            out.append(text[pos:start] + word + ("," if aside is not None else ""))
            offsets[id(m)] = (start + shift, start + shift + len(word))
            shift += len(word) - (end - start) + (aside is not None)
            pos = end
        else:
            offsets[id(m)] = (start + shift, end + shift)
    out.append(text[pos:])
    return "".join(out), offsets
