"""Forty-eighth session: a place named only to locate the one before it ("around Pont-Sondé, in the Artibonite
department") is not where a later sentence that names no place of its own happens, whether or not the first
sentence was parsed. Each text is a variant of a construction that failed on the development parts, not the
paragraph it failed in."""

from __future__ import annotations

import pytest

from tests.support.links_read import counted as _counted
from tests.support.links_read import has_link as _has

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "lang", "container"), [
    ("Gran Grif has occupied the farms around Pont-Sondé, in the Artibonite department, for a year. Its men kidnap "
     "travellers on the road for ransom.", "en", "Artibonite department"),
    ("Depuis un an, Gran Grif occupe les champs autour de Pont-Sondé, dans le département de l'Artibonite. Ses "
     "hommes enlèvent des voyageurs contre rançon.", "fr", "département de l'Artibonite"),
    ("Gran Grif has occupied the farms around Pont-Sondé (Artibonite department) for a year. Its men kidnap "
     "travellers on the road for ransom.", "en", "Artibonite department"),
])
def test_a_later_sentence_happens_at_the_place_located_not_at_its_locator(text: str, lang: str,
                                                                         container: str) -> None:
    keys = _counted(text, lang)
    assert _has(keys, "Gran Grif", "extortion_and_protection_racketeering", "Pont-Sondé")
    assert not any(k[2] == container for k in keys)


def test_a_place_named_alone_stays_where_a_later_sentence_happens() -> None:
    keys = _counted("Gran Grif has occupied the Artibonite department for a year. Its men kidnap travellers on "
                    "the road for ransom.")
    assert _has(keys, "Gran Grif", "extortion_and_protection_racketeering", "Artibonite department")
