"""Which side a named actor is on, by its reference kind or its name: a body that tells, lists or
sanctions (never a participant), a writer ("the group" never refers back to it), a state side (its
captures are enforcement)."""

from __future__ import annotations

import re
from functools import cache

from ocwatch.nlp.links import lexicon as lx
from ocwatch.reference import taxonomy

_STATE_KINDS = frozenset({"state_force", "state_agency", "peace_operation"})
_STATE_WORDS = frozenset({"army", "police", "troops", "soldiers", "navy", "marines", "military", "gendarmerie",
                          "gendarmes", "customs", "peacekeepers", "armée", "soldats", "militaires", "douane",
                          "douanes", "casques"})

@cache
def actor_kinds() -> dict[str, str]:
    """Each listed actor's kind (armed_group, media, international_org, ...)."""
    return {a.actor_id: a.kind for a in taxonomy.actors()}


def kind_of(row: dict) -> str | None:
    """A mention's reference kind, None for a name no list holds."""
    return actor_kinds().get(row.get("entity_id") or "")


# Bodies that report, investigate or publish: never who "the group" or "ils" refers back to.
WRITER_KINDS = frozenset({"international_org", "ngo", "media"})
# A UN body or a news medium that a clause makes a participant ("The Panel received reports that poachers
# armed with rifles ...") is the story's source: neither trades, whatever the parse says.
_SOURCE_KINDS = frozenset({"international_org", "media"})
# Bodies that list, sanction or monitor, by their name when no list holds them: "the Security Council
# Committee", "le Comité", "OFAC", "the Council of the European Union", "le Groupe d'experts", "Treasury", and
# the governments' offices that publish national designations ("Global Affairs Canada", "the FCDO", "SECO",
# "le ministère de l'Économie", "Bercy").
_SOURCE_NAME = re.compile(r"\b(?:sanctions committee|comité des sanctions|panel of experts|group of experts|"
                          r"groupe d'experts|ofac|office of foreign assets control|security council|"
                          r"conseil de sécurité|council of the european union|conseil de l'union européenne|"
                          r"conseil de l'ue|monitoring team|department of the treasury|u\.s\. treasury|us treasury|"
                          r"trésor américain|treasury department|hm treasury|department of state(?! services)|"
                          r"state department|global affairs canada|affaires mondiales canada|"
                          r"foreign,? commonwealth (?:and|&) development office|"
                          r"office of financial sanctions implementation|state secretariat for economic affairs|"
                          r"secrétariat d'état à l'économie|département fédéral de l'économie|"
                          r"direction générale du trésor|ministère de l'économie|ministre de l'économie)\b"
                          # short names only alone: "Seco Gold Ltd" is a firm
                          r"|^(?:the )?(?:council|conseil|committee|comité|panel|treasury|trésor|fcdo|ofsi|seco|defr|"
                          r"bercy)$",
                          re.I)


def source_body(row: dict) -> bool:
    """A body that tells, lists or sanctions: never a participant nor the antecedent of "the group"."""
    return kind_of(row) in _SOURCE_KINDS or bool(_SOURCE_NAME.search((row.get("surface") or "").replace("’", "'")))


def reporter(row: dict) -> bool:
    """A body that writes, reports, lists or sanctions, by its kind or its name: never a band nor the
    antecedent of "the group"."""
    return kind_of(row) in WRITER_KINDS or source_body(row)


def state_side(row: dict) -> bool:
    """A state force, agency or peace operation, by its reference kind or, for a name no list holds, by
    a word of its name ("the Colombian army", "la police nationale")."""
    if kind_of(row) in _STATE_KINDS:
        return True
    return bool(_STATE_WORDS & set((row.get("surface") or "").lower().split()))


def listed_band(row: dict) -> bool:
    """A band of a reference type: not a body that reports, nor a state's force or office. Who takes a cut
    the parse lost (build.py) and who moves the money named again (named_again.py) is one."""
    return bool(row.get("actor_type")) and not reporter(row) and not state_side(row)


# Bodies whose trade is enforcement, by a word of their name: they seize, arrest and offload what others
# traffic ("the crew of the Coast Guard Cutter offloaded 21,000 pounds of cocaine", "the Directorate General of
# Law Enforcement has named X as a suspect in the illegal logging"); only the cuts they take are theirs.
# Not the police, the gendarmerie, a border guard force nor a national guard: in conflict zones those are often
# parties to the trade ("a unit of the National Police moved cocaine", "la gendarmerie achète des diamants").
_ENFORCEMENT_NAME = re.compile(r"\b(?:customs|douanes?|coast ?guards?|garde-côtes|border (?:force|patrol)|"
                               r"task ?force|law enforcement|anti-?narcotics?|narcotics? control|"
                               r"drug (?:law )?enforcement|crime agency|criminal investigations?|"
                               r"investigation (?:bureau|service)|office central|guardia (?:civil|di finanza))\b", re.I)
# A firm's last word: a legal form, or the trade of a clearing agent ("Speedy Customs Clearing").
_FIRM_LAST = lx.LEGAL_FORMS | {"clearing", "services"}


def enforcement_body(row: dict) -> bool:
    """"Speedy Customs Clearing Ltd" is a firm that clears goods, no enforcer."""
    name = row.get("surface") or ""
    last = (name.split() or [""])[-1].lower()
    return bool(_ENFORCEMENT_NAME.search(name)) and last not in _FIRM_LAST and last.rstrip(".") not in _FIRM_LAST
