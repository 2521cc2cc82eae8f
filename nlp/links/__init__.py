"""Links from the dependency parse: who takes part in which market where, and whether the text asserts it.

status.py reads assertion cues (negation and the verbs of ending in negation.py, hypothesis, history in
past.py and duration.py, denial), roles.py
tells participants from victims, enforcers, investigators and authors (with
clauses.py for the clauses hung on an actor's name, sources.py for "according
to X", kinds.py for the bodies that tell, list or enforce), places.py
and arrest.py find the place of the activity (side_clauses.py: in a clause beside the activity's own, on
the goods or the doer's ground; activity_places.py chooses among them
and falls back on the paragraph or the document), coref.py follows "the group" / "ils"
back within a paragraph (band_nouns.py: the nouns a band is named with; named_again.py: goods and
victims named again, goods_pronouns.py: by a pronoun alone; custody.py: who an arrest holds; concerned.py:
"l'intéressé"), attribution.py
gives an activity told without its doer to the actor a later sentence attributes it to (steering.py:
who is said to organise, steer or pay for the trade), select.py
chooses the sentences to parse, cover.py sets aside the goods a load was hidden in, build.py ties them into
link rows, one parsed.py sentence at a time.
Word lists live in lexicon.py.
"""

from ocwatch.nlp.links.build import build_links
from ocwatch.nlp.links.select import one_sentence_parser, relevant_sentences

__all__ = ["build_links", "one_sentence_parser", "relevant_sentences"]
