"""An activity told without its doer, then put on a named actor in the same paragraph.

News and reports often state the crime first and whose it is after: "dismantled a laboratory
outside Cosalá ... Officials attributed the lab to Los Chapitos", "la police a saisi 12 tonnes de
faux médicaments dans un entrepôt d'Adawlato ... Le propriétaire de l'entrepôt, Chukwuma Eze",
"the refineries belong to a cult group known as the Icelanders". The sentence that names the
actor holds no market word, so no parse rule links it; the activity's sentence has no actor, so
its link has none. Read on the words, as such attributions are short and fixed: a named actor right
after a word of ownership, command, organising, attribution or custody (``CUES``) takes the paragraph's
actorless activities stated before it or in its own sentence, when it is the only such actor of
the paragraph and no rule read it as an author, enforcer, investigator or victim; when its sentence
names places or markets, only the activities at those places and of those markets (a network "de
ce type" dismantled at Kayes is not the one at Kéniéba; factories of Captagon are not the cannabis
fields), and only at the activity's site: whose the lab or the warehouse is says nothing of where
its precursors came from. Two candidates leave the activity without its doer rather than guess. Not
a destination ("destined for the 400 Mawozo gang": they are the buyers where the goods arrive, not
at the port they were seized) nor an owner ("a firm owned by X": the firm may be the participant).
"""

from __future__ import annotations

import re
from typing import Any

from ocwatch.nlp import config
from ocwatch.nlp.links.cues import denies_own_part
from ocwatch.nlp.links.goods_words import DRUG_MARKETS
from ocwatch.nlp.links.kinds import reporter, state_side
from ocwatch.nlp.links.steering import WINDOW, steers
from ocwatch.nlp.self_named import HEADS_LAST

Row = dict[str, Any]

CUES = {
    "en": ("belong to", "belongs to", "belonged to", "belonging to", "attributed to", "attributed it to", "attributed the",
           "run by", "led by", "headed by", "controlled by", "guarded by", "operated by",
           "held by", "protected by", "on behalf of", "names the",
           "named the", "owner", "owners", "importer", "distributor", "suspect", "suspects", "dealer",
           "main buyer", "beneficiary", "called itself", "calls itself", "known as", "ringleader",
           "mastermind", "under the protection of", "ordered by", "claimed by", "rented by", "leased by",
           "alleged leader", "accused", "sent by", "shipped by",
           # a part in the shipment: "The consignee, a local firm called X", "identified the consignee as X"
           "consignee", "exporter", "shipper",
           # whose hands did it: "the crews are paid by a Ugandan-owned company, X" (not "working for", which
           # lawyers and a mission's collectors do too: roles.py reads a group's hands by their trade)
           "hired by", "employed by", "paid by", "recruited by", "commissioned by", "at the orders of",
           # the band's head named after its deeds: "The group's leader, Tomas Žemaitis, has been charged"
           # not a network's: NGOs and clinics have networks too
           "group's leader", "gang's leader", "ring's leader", "syndicate's leader", "leader of the group",
           "leader of the gang"),
    "fr": ("appartient à", "appartiennent à", "appartiendrait à", "appartenait à", "appartenant à", "attribué à",
           "attribuée à", "attribués à", "attribuées à", "tenu par", "tenue par", "tenus par", "dirigé par",
           "dirigée par", "dirigés par", "contrôlé par", "contrôlée par", "gardé par", "gardée par",
           "protégé par", "pour le compte de",
           "propriétaire", "importateur", "distributeur", "suspect", "suspects", "principal acheteur",
           "bénéficiaire", "se faisant appeler", "accuse", "accusent", "sous la protection", "commanditaire",
           "cerveau", "appartenaient à", "commandé par", "commandée par", "commandés par",
           "revendiqué par", "revendiquée par", "loué par", "louée par", "chef présumé", "envoyé par",
           "envoyée par", "expédié par", "expédiée par",
           # "Le destinataire, la société X", "L'armateur du navire, un homme d'affaires espagnol, X"
           "destinataire", "exportateur", "expéditeur", "armateur", "transporteur",
           "employés par", "payés par", "recrutés par", "recrutées par", "aux ordres de", "sur ordre de",
           "employé par", "payé par", "recruté par", "recrutée par", "engagé par", "engagés par",
           # not "chef du réseau" ("le chef du réseau des ONG antidrogue"): a band's noun or "présumé"
           "dirigeant présumé", "dirigeante présumée", "chef de la bande", "chef du gang",
           "chef de la filière", "meneur présumé", "gérant présumé", "gérante présumée"),
}
NOT_PARTICIPANTS = frozenset({"author", "enforcer", "investigator", "victim"})


# one pattern a language, built once: this runs for every actor mention of every parsed document
_CUE_RE = {lang: re.compile(r"\b(?:" + "|".join(map(re.escape, cues)) + r")\b") for lang, cues in CUES.items()}
_AU = re.compile(r"\b(au|aux)\b")
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-ZÀ-Ý«\"“])|\n")  # not "1.5 tonnes", not "U.S. officials"


# Who drove, sold on or passed the goods, named right after the noun ("The driver, Mahamat Abakar, was
# detained", "Le grossiste présumé, un certain Alhaji Musa Bello, est en fuite"); not a noun further back,
# whose name may be another's ("X, un grossiste d'Abéché, a annoncé le ministère").
_AGENT_RE = re.compile(r"\b(?:driver|wholesaler|trafficker|smuggler|courier|supplier|chauffeur|grossiste|trafiquant"
                       r"|passeur|convoyeur|fournisseur|receleur)s?(?:\s+(?:présumée?s?|alleged|suspected|main|principal"
                       r"|[a-zéèêàç-]+(?:ien|ienne|ais|aise|ain|aine|an|ese|ois|oise)))?\s*,?\s*"
                       r"(?:(?:un|une|a) certaine?\s+|named\s+|nommée?\s+|(?:un|une|a|an)\s+[a-zéèêàç-]+\s+"
                       r"(?:named|called|nommée?|appelée?)\s+)?[«\"“]?\s*$")
# ... not the victim of a killing: "killed the driver, Ali Musa"
_KILLED = re.compile(r"\b(?:kill(?:ed|s)?|shot|murdered|abducted|kidnapped|tué|tuée|abattu|abattue|assassiné|enlevé)"
                     r"\s+(?:the|le|la|l'|un|une|a)\s+\w+\s*,?\s*$")


def _words_before(text: str, start: int) -> str:
    before = text[max(0, start - WINDOW):start]
    ends = [e.end() for e in _SENTENCE_END.finditer(before)]
    before = before[ends[-1] if ends else 0:].lower().replace("’", "'")  # "... led by X. Mr Kuol": no cue
    return _AU.sub("à", before)  # "appartient au clan", "attribuées aux FDLR"


# Whom the goods were consigned to is their importer when it is a firm: "The goods had been consigned to a
# Tirana wholesaler, Kodra Import Sh.p.k.", "devait être livrée à une société d'Aubervilliers, Lumière
# Distribution"; not "a separate shipment of food aid was consigned to UNICEF".
_CONSIGNED_RE = re.compile(r"\b(?:consigned to|être livrée?s? à|consignée?s? à)\b")


_LEGAL_FORMS = frozenset(f.rstrip(".") for f in config.LEGAL_FORMS)


# A firm's name says it is one by its last word ("Ezeoke Global Ventures", "Kodra Import Sh.p.k."), or the
# words after it do (", an importer registered in Onitsha", ", une société de négoce").
_FIRM_WORDS = _LEGAL_FORMS | {w for w, kind in HEADS_LAST.items() if kind == "private_sector_actors"}
_FIRM_AFTER = re.compile(r"^\s*,\s+(?:a|an|une?|la)\s+(?:[\w-]+\s+){0,2}(?:importer|importateur|company|firm|société"
                         r"|entreprise|wholesaler|grossiste|trading house|maison de négoce)\b", re.I)


def firm_name(entity_id: str, surface: str) -> bool:
    """The actor is a firm by its id or by its name's last word ("Ezeoke Global Ventures", "X SARL")."""
    return entity_id.startswith("named:private_sector_actors") or (surface.split() or [""])[-1].rstrip(".") in \
        _FIRM_WORDS


def _firm(m: Row, text: str) -> bool:
    return firm_name(m.get("entity_id") or "", m.get("surface") or "") or bool(
        _FIRM_AFTER.search(text[m["end_char"]: m["end_char"] + 60]))


def _agent_before(before: str) -> bool:
    """The driver, courier or wholesaler named: who carried the goods, whatever else the sentence has
    them say ("Le chauffeur, un Éthiopien nommé Dawit Girma, a déclaré que la cargaison ...").
    ``before``: the name's sentence up to it (_words_before)."""
    return bool(_AGENT_RE.search(before) and not _KILLED.search(before))


def _cue_before(before: str, lang: str) -> bool:
    return bool(_CUE_RE.get(lang, _CUE_RE["en"]).search(before)) or _agent_before(before)


# The goods themselves named again in the attributing sentence: "the cargo belonged to", "la cargaison
# appartenait à", "the load was sent by" (not "the lab", "l'entrepôt")
_GOODS_RE = re.compile(r"\b(?:the|this|la|le|les|cette|ce) (?:cargo|consignment|shipment|load|haul|drugs|weapons|goods|"
                       r"containers|cargaison|chargement|marchandise|marchandises|drogue|cargaisons|armes|conteneurs)\b", re.IGNORECASE)


# the cue's noun is of an NGO ("le dirigeant présumé de l'ONG X"); not "appuyés par l'ONG LAGA, ... un trafiquant, X"
_NGO_BEFORE = re.compile(r"\b(?:de l'|d'une |of the |of an? )(?:ong|ngo|association|fondation|foundation|charity)\b")


_ATTACKED = re.compile(r"\b(?:incendi\w*|attaqu\w*|pillée?s?|saccag\w*|burn(?:ed|t)|torched|attacked|looted|"
                       r"ransacked|set fire)\b", re.I)


def _after_last_actor(sentence: str, m: Row, mentions: list[Row]) -> tuple[str, bool]:
    """The mention's sentence before it (``sentence``), from the end of the sentence's last actor before it, and
    whether there was one."""
    start = m["start_char"] - len(sentence)
    last = max((x["end_char"] for x in mentions if x["kind"] == "actor" and x["sent_idx"] == m["sent_idx"]
                and start <= x["end_char"] <= m["start_char"]), default=None)
    return (sentence, False) if last is None else (sentence[last - start:], True)


def _sentence_of(text: str, m: Row) -> str:
    """The text of the mention's sentence before it."""
    before = text[:m["start_char"]]
    ends = [e.end() for e in _SENTENCE_END.finditer(before)]
    return before[ends[-1] if ends else 0:]


# What a firm named after the deed says of it in the same sentence: it did not know, or it only carried what
# it declared ("said the container had been loaded without its knowledge", "affirme n'avoir commandé que des
# chaises", "told AFP his trucks carried only rice")
_UNAWARE = re.compile(r"\b(?:without (?:its|his|her|their) knowledge|à (?:son|leur) insu|sans (?:sa|leur) connaissance"
                      r"|ignor(?:é|ait|aient|er)|deceived|tromp(?:é|ée|és|ées)|used as a front|unaware|did not know"
                      r"|never ordered|calomnie|coup monté|n'avoir|(?:said|says|told \w+)\b[^.]*\bonly"
                      # cleared, a victim of a rip-on, or the one who alerted the police: no doer
                      r"|cleared|acquitted|innocenté|blanchi|relaxé|victim|victime|alerted|alerté|tipped off"
                      r"|no knowledge"
                      # the goods or the vehicle stolen from it, or the one released for want of evidence
                      r"|(?:had been|was|were|a été|ont été|avait été|avaient été) (?:\w+ )?(?:stolen|volée?s?)"
                      r"|released|relâchée?s?|faute de preuves|for lack of evidence)\b", re.I)


def _rest_of_sentence(text: str, m: Row) -> str:
    end = _SENTENCE_END.search(text, m["end_char"])
    return text[m["end_char"]: end.start() if end else len(text)]


def _no_doer(m: Row) -> bool:
    """A body that reports, aids or enforces is never whose the goods are: "a shipment of food aid was
    consigned to UNICEF", "devait être livré à l'UNICEF"."""
    return reporter(m) or state_side(m)


def _attributed(mentions: list[Row], text: str, lang: str, excluded: set[str]) -> list[Row]:
    """The first actor mention right after a cue in each sentence: those after it are its apposition
    or its own leader ("attributed the lab to Los Chapitos, the Sinaloa Cartel faction led by ..."). Not
    one whose sentence goes on to its denial ("un grossiste, Ibrahim Maïga, l'aurait revendue ; celui-ci
    nie toute implication")."""
    first: dict[int, Row] = {}
    for m in sorted(mentions, key=lambda m: m["start_char"]):
        if not (m["kind"] == "actor" and m.get("entity_id") and m.get("status", "asserted") == "asserted"
                and not _no_doer(m) and m["sent_idx"] not in first):
            continue
        before = _words_before(text, m["start_char"])  # read once: every cue below looks at it
        sentence = _sentence_of(text, m)  # read once: the attack check and the steering cues both look at it
        if _NGO_BEFORE.search(before) or _ATTACKED.search(sentence):
            # "Le dirigeant présumé de l'ONG Jeunesse Propre, Mamadou Ba": an NGO's, or its head; "des miliciens
            # ont incendié un camp appartenant à X": whose property was attacked is a victim
            continue
        cue = _cue_before(before, lang)
        if not cue:  # the steering cues read the sentence back to its last actor: only where no other cue is
            words, after_actor = _after_last_actor(sentence, m, mentions)
            cue = steers(words, lang, after_actor=after_actor)
        if (cue or (_CONSIGNED_RE.search(before) and _firm(m, text))) and (
                m["entity_id"] not in excluded or _agent_before(before)):
            first[m["sent_idx"]] = m
    return [m for m in first.values() if not denies_own_part(rest := _rest_of_sentence(text, m))
            and not _UNAWARE.search(rest)]


# "One such group, headed by X, reportedly stores cocaine near Azua", "including one led by X", "l'un de ces
# réseaux, dirigé par X": one of the many the paragraph spoke of, whose part is what its own sentence says, not
# the whole market the paragraph surveyed before it. Where its own sentence tells no deed of the market ("Among
# them was one run by X", "The lab, one of the largest, belonged to X"), the deed before is the one it names.
_INSTANCE = re.compile(r"^\W*(?:one such|one of (?:these|those|them)|among them|for (?:example|instance)"
                       r"|l['’]une? (?:de|d['’]entre) (?:ces|eux|elles)|une? de ces|parmi (?:eux|elles|ces)|par exemple)\b"
                       r"|\b(?:including one|such as)\W+(?:\w+\W+){0,8}$", re.I)
_DRUGS = re.compile(r"\b(?:stupéfiants|drogues?|drugs?|narcotics?|narcotrafic)\b", re.I)


def _same_person(m: Row, other: Row) -> bool:
    """"Gabriel Deng Kuol ... Mr Kuol": a name's last word named again is the same person."""
    words = other["surface"].split()
    return m["surface"] != other["surface"] and len(words) > 1 and m["surface"] == words[-1]


def attributed_actors(links: list[Row], mentions: list[Row], text: str, para: dict[int, int],
                      lang: str) -> list[Row]:
    """Copies of the paragraph's actorless asserted links with the one actor the paragraph attributes
    its activity to (method ``attributed/<place method>``); the actorless rows are left to
    drop_lost_actor."""
    excluded = {r["actor_id"] for r in links if r["actor_id"] and r.get("role") in NOT_PARTICIPANTS}
    by_para: dict[int, dict[str, Row]] = {}
    for m in _attributed(mentions, text, lang, excluded):
        found = by_para.setdefault(para.get(m["sent_idx"], -1), {})
        if not any(_same_person(m, other) for other in found.values()):
            found.setdefault(m["entity_id"], m)
    first_actor = {m["sent_idx"]: m["start_char"] for ms in by_para.values() for m in ms.values()}
    places: dict[int, set[str]] = {}
    markets: dict[int, set[str]] = {}
    goods = {m["sent_idx"] for m in mentions if m["kind"] == "actor" and _GOODS_RE.search(_sentence_of(text, m))}
    for m in mentions:
        # the places a sentence names before its actor are where that actor is said to act ("à Kayes un
        # réseau de ce type dirigé par ..."); those after are its own doings ("whose members ship ...")
        if m["kind"] == "location" and m["start_char"] < first_actor.get(m["sent_idx"], -1):
            places.setdefault(m["sent_idx"], set()).add(m["entity_id"])
        elif m["kind"] == "commodity" and m.get("market"):
            markets.setdefault(m["sent_idx"], set()).add(m["market"])
    # "mis en examen pour trafic de stupéfiants": drugs, whichever the paragraph named before
    drugs = {m["sent_idx"] for m in mentions if m["kind"] == "actor" and _DRUGS.search(_rest_of_sentence(text, m))}
    # the cue opens the actor's sentence, or comes just before its name ("including one led by X")
    instances = {m["sent_idx"] for ms in by_para.values() for m in ms.values()
                 if _INSTANCE.search(_sentence_of(text, m))}
    deeds = {(x["sent_idx"], x["market"]) for x in links}  # a sentence's own deed of a market
    out = []
    for r in links:
        found = by_para.get(para.get(r["sent_idx"], -2), {})
        if r["actor_id"] or r["status"] != "asserted" or len(found) != 1:
            continue
        (actor,) = found.values()
        here, its_markets = places.get(actor["sent_idx"]), markets.get(actor["sent_idx"])
        same = actor["sent_idx"] == r["sent_idx"]  # in one sentence only when it names one market
        # whose the cargo is says where it came from and went too, wherever the sentence saying so was
        # spoken ("Selon le parquet de Rouen, la cargaison appartenait à X"); whose the lab is does not
        cargo = actor["sent_idx"] in goods
        one_of_many = actor["sent_idx"] in instances and (actor["sent_idx"], r["market"]) in deeds
        if (actor["sent_idx"] >= r["sent_idx"] and (same or not one_of_many)
                and (cargo or r.get("place_role") in ("site", None))
                and not (same and len(its_markets or ()) > 1)
                and (cargo or not here or r["place_id"] in here) and (not its_markets or r["market"] in its_markets
                                                                     or (not same and actor["sent_idx"] in drugs
                                                                         and r["market"] in DRUG_MARKETS))):
            place_method = r["method"].split("/", 1)[-1]
            out.append({**r, "actor_id": actor["entity_id"], "actor_surface": actor["surface"],
                        "role": "participant", "method": f"attributed/{place_method}"})
    return out
