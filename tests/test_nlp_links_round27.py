"""Twenty-seventh session: sanctions designations (two development parts, UN committees' and national
notices, written by two helpers). Each sentence is a variant of a construction that failed on them, not
the paragraph it failed in."""

from __future__ import annotations

import pytest

from ocwatch.nlp.links.mask import masked
from tests.support.links_read import counted as _counted

pytestmark = pytest.mark.slow

COCAINE = "cocaine_trade"


def _actors(text: str, lang: str) -> set[str | None]:
    return {k[0] for k in _counted(text, lang)}


# "which according to Europol ships ...": with no commas round the source, the small English model
# read "group ships" as one noun and the clause had no verb.
@pytest.mark.parametrize("text", [
    "Treasury designated the Viper Tide cartel, which according to Europol ships cocaine from Guayaquil "
    "to Antwerp in banana containers.",
    "Treasury designated the Viper Tide cartel, which, according to Europol, ships cocaine from Guayaquil "
    "to Antwerp in banana containers.",
])
def test_an_attribution_inside_a_relative_clause_leaves_the_clause_its_verb(text: str) -> None:
    assert ("Viper Tide", COCAINE, "Antwerp") in _counted(text, "en")


def test_the_commas_put_round_a_bare_attribution_keep_every_mention_on_its_words() -> None:
    text = "The Viper Tide cartel, which according to Europol ships cocaine, was listed."
    names = [("Viper Tide", "actor"), ("Europol", "actor"), ("cocaine", "commodity")]
    mentions = [{"start_char": text.index(n), "end_char": text.index(n) + len(n), "kind": k} for n, k in names]
    out, offsets = masked({"text": text, "start_char": 0}, mentions, "en")
    assert "which, according to group, ships" in out
    assert [out[slice(*offsets[id(m)])] for m in mentions] == ["group", "group", "cocaine"]


# "le clan, basé à Durrës, importe": the French model hung the verb under the participle set off by
# commas, and the noun stayed the root with no verb of its own.
def test_a_participle_set_off_by_commas_leaves_the_french_subject_its_verb() -> None:
    text = ("Selon l'OFAC, le clan Kelmendi, basé à Shkodër, importe de l'héroïne acheminée par la Turquie, "
            "puis la redistribue vers l'Italie par les ferries.")
    assert ("Kelmendi", "heroin_trade", "Italie") in _counted(text, "fr")
