"""A token Matcher that skips a document lacking the words its patterns require.

The market component runs several Matchers of long gapped patterns (tolls, smuggling,
laundering, exploitation, counterfeits) over every document that passed the gate; each
walks all its tokens. A pattern cannot match a document unless, for each of its required
tokens that names words ("toll", "passeurs", "blanchi"), one of those words is in it. The
document's words are read once, as an array of hashes; a document that meets the
requirements of no pattern is not walked. A pattern with no such token (only shapes,
numbers or optional words) makes the Matcher walk every document.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import LOWER
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

Match = tuple[int, int, int]
Pattern = list[dict[str, Any]]
# a token that may be left out, or must not be there, requires no word
_OPTIONAL_OPS = frozenset({"?", "*", "!"})


def _words_of(spec: dict[str, Any]) -> frozenset[str] | None:
    """The lower-case words a required token spec must be, when it names them (LOWER, ORTH or TEXT)."""
    if spec.get("OP") in _OPTIONAL_OPS or str(spec.get("OP", "")).startswith(("{0", "{,")):
        return None
    for attr in ("LOWER", "ORTH", "TEXT"):
        value = spec.get(attr)
        if isinstance(value, str):
            return frozenset({value.lower()})
        if isinstance(value, dict) and set(value) == {"IN"}:
            return frozenset(v.lower() for v in value["IN"])
    return None


def requirements(pattern: Pattern) -> tuple[frozenset[str], ...]:
    """For each required token of ``pattern`` that names words, the words it may be."""
    return tuple(s for s in map(_words_of, pattern) if s)


class AnchoredMatcher:
    """A spaCy Matcher (same ``add`` and call) that does not walk a document its patterns cannot match."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab
        self.matcher = Matcher(vocab)
        # per pattern, the hash sets each of which the document must meet; None: walk every document
        self.needs: set[tuple[frozenset[int], ...]] | None = set()
        self.greedy: dict[str, str | None] = {}  # each key's filter, which the Matcher does not give back

    def add(self, key: str, patterns: list[Pattern], **kwargs: Any) -> None:
        self.matcher.add(key, patterns, **kwargs)
        self.greedy[key] = kwargs.get("greedy")
        for pattern in patterns:
            needed = requirements(pattern)
            if not needed or self.needs is None:
                self.needs = None
            else:
                self.needs.add(tuple(frozenset(self.vocab.strings.add(w) for w in s) for s in needed))

    def could_match(self, doc: Doc) -> bool:
        if self.needs is None:
            return True
        words = set(doc.to_array(LOWER).tolist())
        return any(all(not s.isdisjoint(words) for s in needed) for needed in self.needs)

    def __call__(self, doc: Doc) -> list[Match]:
        return self.matcher(doc) if self.could_match(doc) else []

    def __len__(self) -> int:
        return len(self.matcher)
