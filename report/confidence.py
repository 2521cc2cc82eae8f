"""How far a finding can be believed, in the words of the Admiralty (NATO) credibility scale.

The rule reads two things the warehouse counts for every claim: how many
independent sources carry it (distinct sources after a wire copy is counted
for its original's source) and the best reliability grade (A-F) among them.
docs/REPORT.md ("Confidence") holds the same table.

    independent sources:   1    2    3+
    best grade A           3    2    1
    best grade B           3    2    2
    best grade C           4    3    2
    best grade D or E      4    4    3
    best grade F, none     6    6    6    (no source at all: 6)

"Confirmed" is the word a leader may act on: it needs a completely reliable
(A) source that two other independent sources bear out.

5 (improbable) is never given: it means the claim contradicts other
information, which a count of sources cannot see; an analyst can.
"""

from __future__ import annotations

from ocwatch.report.i18n import counted, t

GRADES = ("A", "B", "C", "D", "E", "F")
CREDIBILITY = {
    "en": {1: "confirmed by other independent sources", 2: "probably true", 3: "possibly true",
           4: "doubtful", 5: "improbable", 6: "cannot be judged"},
    "fr": {1: "confirmé par d'autres sources indépendantes", 2: "probablement vrai", 3: "possiblement vrai",
           4: "douteux", 5: "improbable", 6: "impossible à évaluer"},
}
# rows: grade tier; columns: 1, 2, 3 or more independent sources
_TABLE = {"A": (3, 2, 1), "B": (3, 2, 2), "C": (4, 3, 2), "DE": (4, 4, 3)}


def best_grade(grades: str | None) -> str | None:
    """The best Admiralty grade in 'B,C,A' (A is best); None when no grade is known."""
    known = [g.strip().upper() for g in (grades or "").split(",") if g.strip().upper() in GRADES]
    return min(known) if known else None


def credibility(independent_sources: int, grades: str | None) -> int:
    """Admiralty credibility 1-6 from the number of independent sources and their grades."""
    best = best_grade(grades)
    if independent_sources < 1 or best is None or best == "F":
        return 6
    tier = next(k for k in _TABLE if best in k)
    return _TABLE[tier][min(independent_sources, 3) - 1]


def confidence_text(lang: str, independent_sources: int, grades: str | None) -> str:
    """'Confidence: probably true (2) — 3 independent sources, best grade B'."""
    level = credibility(independent_sources, grades)
    return t(lang, "confidence", judgement=CREDIBILITY[lang][level], level=level,
             sources=counted(lang, "count_sources", independent_sources),
             grade=best_grade(grades) or "?")
