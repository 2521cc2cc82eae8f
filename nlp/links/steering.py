"""Who set a trade up or steers it, named after the activity: the attribution reading's steering cues.

"The network's alleged organiser, X", "the trade is masterminded by X", "la filière est pilotée par un homme
d'affaires gambien, X", "Le convoyage est assuré par des hommes armés liés au X": the named one is the doer of the
activity told before (attribution.py reads which activity). These verbs and nouns are used of meetings, studies,
aid projects, defences and operations against the trade too ("financé par l'Union européenne", "La défense des
prévenus est assurée par Me X", "un atelier organisé par le PNUD", "The operation, financed by the EU"), so a
steering cue counts only when the words before the name speak of a trade (``_TRADE_WORDS``) or of an alleged
organiser, and of nothing else organised, steered or paid for (``_NOT_THE_TRADE``). The words read start after
the sentence's last actor before the name, and an organiser in apposition to that actor is that actor's ("Ivan
Petrov, the alleged organiser, said Georgi Ivanov set him up": not Ivanov's). Not "coordinated by": Europol's
operations are.
"""

from __future__ import annotations

import re

STEERING = {
    "en": ("organiser", "organizer", "organisers", "organizers", "organised by", "organized by", "piloted by",
           "masterminded by", "financed by", "bankrolled by"),
    "fr": ("piloté par", "pilotée par", "pilotés par", "pilotées par", "organisé par", "organisée par",
           "organisés par", "organisées par", "organisateur", "organisatrice", "organisateurs", "organisatrices",
           "financé par", "financée par", "financés par", "financées par", "assuré par", "assurée par",
           "assurés par", "assurées par"),
}
_TRADE_WORDS = re.compile(
    r"\b(?:network|ring|trade|trafficking|traffic|smuggling|scheme|racket|business|route|shipment|syndicate|"
    r"crossing|departure|réseau|filière|trafic|commerce|contrebande|convoyage|convoi|culture|exportation|"
    r"cargaison|traite|passage|départ|circuit)s?\b", re.I)
_NOT_THE_TRADE = re.compile(
    r"\b(?:stud(?:y|ies)|survey|project|programme|program|workshop|conference|forum|meeting|summit|campaign|rescue|"
    r"investigation|inquiry|patrol|crackdown|raid|operation|seizure|training|research|protest|repatriation|"
    r"seminar|mission|étude|enquête|projet|atelier|réunion|sommet|conférence|campagne|sauvetage|rapatriement|"
    r"opération|saisie|patrouille|formation|recherche|manifestation|marche|séminaire|sécurité|security|défense|"
    r"defence|defense|intérim|médiation|mediation)s?\b", re.I)
# an organiser called alleged or presumed is the band's, as "chef présumé" is (attribution.CUES)
_PRESUMED = re.compile(r"\b(?:alleged|suspected|presumed)\s+organi[sz]ers?\b|\borganisat(?:eur|rice)s?\s+présumée?s?\b",
                       re.I)
# the organiser in apposition to the actor before it is that actor: "Ivan Petrov, the alleged organiser, said ..."
_APPOSED = re.compile(r"^\s*,[^,]{0,40}\borgani(?:[sz]er|sat)", re.I)
_SOURCE = re.compile(r"\b(?:selon|d['’]après|according to)\b[^,]*,", re.I)  # "Selon l'enquête, la filière ..."
_STEER_RE = {lang: re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, cues)) + r")\b", re.I)
             for lang, cues in STEERING.items()}
# characters before the name where a cue must end, for every attribution cue: "la société", "un commerçant nommé",
# "un homme d'affaires gambien," may sit between
WINDOW = 60


def steers(before_name: str, lang: str, *, after_actor: bool) -> bool:
    """A steering cue in the last words before the name, which speak of a trade and of nothing else organised,
    steered or paid for. ``before_name``: the sentence's words before the name, after its last actor before it
    when ``after_actor``."""
    if after_actor and _APPOSED.match(before_name):
        return False
    words = _SOURCE.sub(" ", before_name[-120:])
    return bool(_STEER_RE.get(lang, _STEER_RE["en"]).search(before_name[-WINDOW:].replace("’", "'"))) \
        and bool(_TRADE_WORDS.search(words) or _PRESUMED.search(words)) and not _NOT_THE_TRADE.search(words)
