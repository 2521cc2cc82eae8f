"""The wire dateline that opens a story: where it was filed, never an actor or an activity's place.

"CULIACÁN, Mexico, 22 Jan (Reuters) - ", "ROME, 6 March - ", "MAE SOT, Thailand, 9 February - ",
"N'DJAMENA, 3 avril – "; the French press writes the town in title case before a long dash:
"Kismayo – ", "Boulogne-sur-Mer – ". One reading for the actor component (a dateline's town
tagged ORG is no actor), the masking before the parse (the dateline is cut) and the place rules.
"""

from __future__ import annotations

import re

# A title-case opener is no town when it is an article or a preposition ("En Ituri, la CODECO – ...",
# "Selon Global Witness – ..."); what follows the town's commas is a country, a date or an agency,
# each opening on a capital or a digit, never a clause ("la CODECO").
_NOT_TOWN = r"(?!(?:Les|Le|La|The|Des|Un|Une|An?|En|Au|Aux|Dans|Selon|Pour|Sur|Par|Depuis|Après|Avec|In|At|On|For|From|According|After|Since|With)\b)"
DATELINE = re.compile(
    r"(?:[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’. -]{2,}"
    r"|" + _NOT_TOWN + r"[A-ZÀ-ÖØ-Þ][\w'’.-]+(?: [A-ZÀ-ÖØ-Þ][\w'’.-]+){0,2}"
    r"(?=[^\n]{0,60}?\s[–—]\s))"
    r"(?:,\s*[A-ZÀ-ÖØ-Þ0-9][^,\n–—-]{0,29}){0,3}(?:\s*\([^)\n]{1,25}\))?\s+[-–—]\s+")


def dateline_end(text: str, start: int = 0) -> int:
    """Where the text after a dateline opening ``text`` at ``start`` begins; ``start`` when it has none."""
    m = DATELINE.match(text, start)
    return m.end() if m else start
