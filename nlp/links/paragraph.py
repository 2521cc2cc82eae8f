"""Readings that need the whole paragraph, once every sentence's links are made: a denial in the next
sentence, and the actorless copy of an activity a named participant was found for."""

from __future__ import annotations

import re
from typing import Any

from ocwatch.nlp import config
from ocwatch.nlp.links.attribution import firm_name
from ocwatch.nlp.links.cues import denial_span, denies_own_part, denies_previous, exculpates_self
from ocwatch.nlp.links.goods_steps import TRADED
from ocwatch.nlp.links.levy import ARMED_PEOPLE

Row = dict[str, Any]
_NEXT = re.compile(r"[ \t]*([^\n]*?[.!?])(?=\s|$)")


def drop_lost_actor(links: list[Row], para: dict[int, int]) -> list[Row]:
    """An activity linked to a named participant at its site in a paragraph is not also its actorless
    claim there: the second row would count the same crime twice, once without who does it. At an end
    of the route ("rifles that came from Sudan", "d'où il part pour le Burundi") the text seldom says the
    named group carried the goods all the way, so the actorless claim stays, unless one_doer gave that
    very row its sentence's one doer."""
    named = {(para.get(r["sent_idx"]), r["market"], r["place_id"]) for r in links
             if r["actor_id"] and r["role"] == "participant" and r["status"] == "asserted"
             and (r.get("place_role") in ("site", None) or r["method"].startswith("doer/"))}
    return [r for r in links if r["actor_id"] or (para.get(r["sent_idx"]), r["market"], r["place_id"]) not in named]


_THERE_ONLY = TRADED | {"where"}


def one_doer(links: list[Row]) -> list[Row]:
    """An activity a sentence places with no doer, where the same sentence has one named participant of
    that market, is that participant's: "Le clan X fait décharger des conteneurs en provenance de Santos
    avant de répartir la drogue vers la Serbie" gives the clan the whole route, not Santos to nobody. On
    the development parts such actorless rows were right 28 times in 94; given the one doer, 37 (and 33
    a defensible reading). Two named participants of the market leave it without one."""
    doers: dict[tuple[int, str], dict[str, Row]] = {}
    for r in links:
        # whom the goods were sold or handed to, or bought from, did not take them all the way; who takes part
        # where a where-clause says takes part there only ("Gold from Ndassima is sold in Bambari, where UPC
        # fighters collect a fee": nobody's at Ndassima)
        if r["actor_id"] and r.get("role") == "participant" and r["status"] == "asserted" and \
                r["method"].split("/", 1)[0] not in _THERE_ONLY:
            doers.setdefault((r["sent_idx"], r["market"]), {}).setdefault(r["actor_id"], r)
    out = list(links)
    for r in links:
        found = doers.get((r["sent_idx"], r["market"]), {})
        if r["actor_id"] or r["status"] != "asserted" or r.get("role") is not None or len(found) != 1 or \
                r.get("other_doer"):
            continue
        (doer,) = found.values()
        # the actorless row stays, for drop_lost_actor to drop while the doer's stays asserted (a denial
        # by the doer's counsel leaves the activity without one)
        out.append({**r, "actor_id": doer["actor_id"], "actor_surface": doer["actor_surface"],
                    "role": "participant", "method": "doer/" + r["method"].split("/", 1)[-1]})
    return out


def goods_owner(links: list[Row], para: dict[int, int]) -> list[Row]:
    """Goods named again with no doer ("The goods had arrived from Ningbo through the port of Salerno",
    "La drogue, arrivée d'Iran ..., devait repartir vers l'Europe") are those of the one named
    participant of their market earlier in the paragraph (the clan that ran the warehouse, the man who
    rented the villa): the actorless rows take that actor, on every part of the route. Two candidates
    leave them without one."""
    earlier: dict[tuple[int | None, str], dict[str, Row]] = {}
    for r in links:
        # who sold the goods on no longer had them ("rifles that they had bought from fighters of X")
        if r["actor_id"] and r.get("role") == "participant" and r["status"] == "asserted" and \
                not r["method"].startswith("seller/"):
            earlier.setdefault((para.get(r["sent_idx"]), r["market"]), {}).setdefault(r["actor_id"], r)
    out = []
    for r in links:
        found = [a for a in earlier.get((para.get(r["sent_idx"]), r["market"]), {}).values()
                 if a["sent_idx"] < r["sent_idx"]]
        if r["actor_id"] or r["status"] != "asserted" or not r["method"].endswith("/again") or len(found) != 1 \
                or r.get("other_doer"):
            out.append(r)
            continue
        out.append({**r, "actor_id": found[0]["actor_id"], "actor_surface": found[0]["actor_surface"],
                    "role": "participant", "method": "goods/" + r["method"].split("/", 1)[-1]})
    return out


def _following(text: str, end: int) -> tuple[str, int]:
    """The sentence right after a character offset, if the paragraph goes on (the sentence rows hold
    only sentences with a mention: a bare "Abou Dhabi a toujours démenti." has none), and where it starts."""
    m = _NEXT.match(text, end)
    return (m.group(1), m.start(1)) if m else ("", end)


def _denier(mentions: list[Row], start: int, end: int, kinds: tuple[str, ...] = ("actor", "location")) -> Row | None:
    """Who a denial sentence opens on: its first actor or place ("Kigali rejette ces accusations", "The
    Sudanese Armed Forces ... reject the accusation"), None when it names nobody ("La raffinerie rejette")."""
    named = [m for m in mentions if m["kind"] in kinds and start <= m["start_char"] < end]
    return min(named, key=lambda m: m["start_char"]) if named else None


# A denial sentence that opens on a pronoun or on the noun of who was named before, with no name of its own:
# "Il nie les faits.", "The company said it had no knowledge of the trade.", "Le groupe dément toute implication."
_LEAD_IN = r"\s*(?:(?:in a statement|dans un communiqué|contacted by [\w-]+|joint par [\w-]+),?\s*)?"
_REFERS_BACK = re.compile(_LEAD_IN + r"(?:il|elle|ils|elles|he|she|they|the (?:company|firm|group|militia|movement|network|trader|"
                          r"businessman|dealer|front|cartel|gang|faction|brigade|coalition)|l'entreprise|"
                          r"la société|le groupe|la milice|le mouvement|le réseau|le commerçant|l'homme d'affaires|"
                          r"le front|le cartel|le gang|la bande|la faction|la brigade|la coalition)\b",
                          re.I)


_FIRM_REFERENCE = re.compile(_LEAD_IN + r"(?:the (?:company|firm)|l'entreprise|la société)\b", re.I)


def _parsed_before(ordered: list[Row], at: int) -> int | None:
    """The index of the last parsed sentence that starts before text offset ``at``: where a sentence
    read only on the text (it holds no mention) sits among the parsed ones, so in which paragraph."""
    before = [s["sent_idx"] for s in ordered if s["start_char"] < at]
    return before[-1] if before else None


def _referred_denied(links: list[Row], ordered: list[Row], text: str, mentions: list[Row],
                     para: dict[int, int]) -> set[int]:
    """Links of the named participant last linked before a denial that refers back to it and names
    nobody (such a sentence often holds no mention, so it is read on the text)."""
    out: set[int] = set()
    for sent in _SENTENCE.finditer(_TITLE.sub(r"\1 ", text)):
        body = sent.group()
        if not _REFERS_BACK.match(body) or not (denies_own_part(body.strip()) or exculpates_self(body.strip())):
            continue
        # a place it names ("its legal concession near Lomié") is no other speaker; looked for last, as it
        # reads every mention and most sentences fail the cheap tests above
        if _denier(mentions, sent.start(), sent.end(), kinds=("actor",)) is not None:
            continue
        last_idx = _parsed_before(ordered, sent.start())
        if last_idx is None:
            continue
        here = para.get(last_idx)
        named = [r for r in links if r["actor_id"] and r.get("role") == "participant" and r["sent_idx"] <=
                 last_idx and para.get(r["sent_idx"]) == here]
        if _FIRM_REFERENCE.match(body):  # "The company said ...": the firm, not the boats it named too
            named = [r for r in named if firm_name(r["actor_id"], r.get("actor_surface") or "")]
        if named:
            last = max(named, key=lambda r: r["sent_idx"])["actor_id"]
            out |= {id(r) for r in named if r["actor_id"] == last}
    return out


# Those who speak about a group, not for it: "FDLR defectors told the Panel that ..."
_OTHER_VOICE = re.compile(r"\s*\b(defectors|deserters|former|ex-|victims|residents|rivals|critics|transfuges|"
                          r"déserteurs|anciens|victimes|habitants|rivaux|détracteurs)", re.I)


def _other_voice(sentence: Row, denier: Row) -> bool:
    """"FDLR defectors told ...", "Des déserteurs des FDLR ont expliqué ...": others speak of the group."""
    text, at = sentence["text"], denier["start_char"] - sentence["start_char"]
    before = " ".join(text[:at].split()[-3:])
    return bool(_OTHER_VOICE.match(text, denier["end_char"] - sentence["start_char"]) or _OTHER_VOICE.search(before))


def _denied_later(links: list[Row], ordered: list[Row], mentions: list[Row], para: dict[int, int]) -> set[int]:
    """Links of an actor that denies, later in the paragraph, in a sentence of its own ("Les FDLR ont
    nié dans un communiqué toute activité économique dans le parc", two sentences on)."""
    out = set()
    for s in ordered:
        if s.get("end_char") is None or not (denies_own_part(s["text"]) or exculpates_self(s["text"])):
            continue
        denier = _denier(mentions, s["start_char"], s["end_char"])
        if denier is None or denier["kind"] != "actor" or _other_voice(s, denier):
            continue
        where = _denied_sites(s, mentions)
        out |= {id(r) for r in links if same_party(r, denier) and r["sent_idx"] < s["sent_idx"]
                and para.get(r["sent_idx"]) == para.get(s["sent_idx"]) and (not where or r.get("place_id") in where)}
    return out


def _denied_sites(sentence: Row, mentions: list[Row]) -> set[str]:
    """The towns and sites a denial names in its own clause, after its word of denial: "CODECO denied that
    it had ever operated at the Mongbwalu concession" disputes its part there, not its taxes at Mabanga. A
    country or a region it names ("denied any involvement in mining in Venezuela") leaves the denial whole:
    the links' towns lie in it."""
    span = denial_span(sentence["text"])
    if span is None:
        return set()
    start, end = (sentence["start_char"] + at for at in span)
    return {m["entity_id"] for m in mentions if m["kind"] == "location" and start < m["start_char"] < end
            and not m["entity_id"].startswith(("country:", "region:"))}


# A denial by counsel or a spokesman, for the client named in it: "L'avocat de M. Obi assure que son client
# ignorait le contenu des cartons", "Mr Okafor's lawyer said he did not know", "Un porte-parole de Hassan
# Dhuubow a démenti toute implication" (the client's last name is what the links are matched on). Such a
# sentence often names nobody the entity rules find, so it is read on the text.
_TITLE = re.compile(r"\b(M|Mr|Mrs|Ms|Dr|Mme)\.")  # "M. Obi": no sentence ends there (same length kept)
_COUNSEL = re.compile(r"\b(?:avocate?s?|conseils?|lawyers?|attorneys?|counsel|porte-parole|spokes(?:wo)?man|spokesperson)"
                      r"\s+(?:de|d'|of|for)\s+(?:(?:M|Mr|Mme|Ms|Mrs|Dr)\s+)?(?P<a>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)"
                      r"|\b(?P<b>[A-Z][\w'-]+)'s\s+(?:lawyers?|attorneys?|counsel|spokes(?:wo)?man|spokesperson)\b")
_UNAWARE = re.compile(r"\b(?:ignor(?:ait|aient|é)|unaware|did not know|didn't know|ne savait pas|de bonne foi|in good "
                      r"faith|den(?:y|ies|ied)|dément\w*|ni(?:e|ent|é)|innocent\w*)\b", re.I)
# a court's refusal the counsel reports is no denial of the deed: "the court had denied him bail"
_COURT = re.compile(r"\b(?:bail|caution|libération|liberté provisoire|remise en liberté|court|tribunal|juge|judge)\b",
                    re.I)
_SENTENCE = re.compile(r"[^.!?]+[.!?]?")


def _counsel_denied(links: list[Row], ordered: list[Row], text: str, para: dict[int, int]) -> set[int]:
    """Links of a person whose counsel denies for them later in the paragraph."""
    out: set[int] = set()
    for sent in _SENTENCE.finditer(_TITLE.sub(r"\1 ", text)):
        m = _COUNSEL.search(sent.group())
        if m is None or not _UNAWARE.search(sent.group()[m.end():]) or _COURT.search(sent.group()[m.end():]):
            continue
        name, last_idx = (m.group("a") or m.group("b")).split()[-1], _parsed_before(ordered, sent.start())
        if last_idx is None:
            continue
        here = para.get(last_idx)
        out |= {id(r) for r in links if r["actor_id"] and para.get(r["sent_idx"]) == here
                and (r.get("actor_surface") or "").replace("-", " ").split()[-1:] == [name]}
    return out


def same_party(link: Row, denier: Row) -> bool:
    """The link's actor is the one who denies: the same entity, or a person named again by the last word
    of their name ("the businessman Jean-Claude Rakotomalala ... Rakotomalala denied any role")."""
    if link["actor_id"] is None:
        return False
    if link["actor_id"] == denier["entity_id"]:
        return True
    name, last = link.get("actor_surface") or "", denier["surface"]
    # a firm named again without its legal form: "Metales del Sur C.A. ... Metales del Sur denied"
    return (" " in name and " " not in last and last[:1].isupper() and name.replace("-", " ").split()[-1] == last) \
        or (" " in last and name.startswith(last + " ") and name[len(last) + 1:].strip() in config.FIRM_SUFFIXES)


def denied_after(links: list[Row], ordered: list[Row], text: str, mentions: list[Row],
                 para: dict[int, int]) -> list[Row]:
    """Links of a sentence followed, in its paragraph, by a denial of what it claims are disputed. A
    named party's denial disputes its own part, not another's: "Kigali rejette ces accusations" after
    the M23's taxes at Rubaya and the Rwandan army's help leaves the M23's links asserted. A named actor's
    denial leaves the activity with no named doer asserted too ("The pills were made in Shan State and moved
    through Maungdaw. The AA denies any role in the trade."); a denial by nobody named, or by a place
    ("Kigali"), may be of it, and disputes it. A named actor's own denial disputes its links anywhere
    before it in the paragraph."""
    deniers: dict[int, Row | None] = {}
    for s in ordered:
        if s.get("end_char") is None:
            continue
        following, start = _following(text, s["end_char"])
        if denies_previous(s["text"], following):
            denier = _denier(mentions, start, start + len(following))
            deniers[s["sent_idx"]] = denier
    later = _denied_later(links, ordered, mentions, para) | _counsel_denied(links, ordered, text, para) | \
        _referred_denied(links, ordered, text, mentions, para)
    unnamed = {s["sent_idx"] for s in ordered if _unnamed_men(s.get("text") or "")}

    def denied(r: Row) -> bool:
        if r["sent_idx"] not in deniers:
            return False
        who = deniers[r["sent_idx"]]
        if who is None or same_party(r, who):
            return True
        # what nobody named did is the denier's to deny when it is a place ("Kigali rejette") or when unnamed
        # armed men did it ("Soldiers tax coltan at Rubaya. The FARDC denied the allegations.")
        return r["actor_id"] is None and (who["kind"] == "location" or r["sent_idx"] in unnamed)
    return [{**r, "status": "disputed"} if id(r) in later or denied(r) else r for r in links]


# Armed men a named body may answer for: "Soldiers at the checkpoint", "Des militaires", "rebels"; not police or
# customs men, nor a group's own named fighters ("fighters of the FPRC"), nor troops who seized the goods
_UNNAMED_MEN = re.compile(r"\b(?:" + "|".join(sorted(ARMED_PEOPLE - {"policemen", "policiers", "gendarmes", "douaniers"}))
                          + r"|army|military|armée|elements|éléments)\b(?!\s+(?:of|du|des|de|d')\b)", re.I)
_SEIZED = re.compile(r"\b(?:seiz\w*|intercept\w*|arrest\w*|killed|saisi\w*|arrêt\w*|interpell\w*|tués?)\b", re.I)


def _unnamed_men(sentence: str) -> bool:
    return bool(_UNNAMED_MEN.search(sentence)) and not _SEIZED.search(sentence)
