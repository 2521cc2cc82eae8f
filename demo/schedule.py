"""Who publishes what, when: the demo's 26 weeks of articles, decided by one seeded random generator.

The signals are put in on purpose and kept steady elsewhere: gold in Ituri at
one or two stories a week then a spike in the last week, the M23 and coltan
at Rubaya every week, Wazalendo at Rubaya only in the last week.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz

from ocwatch.demo.outlets import BY_ID, SPIKE_WEEK_INDEX, WEEKS, WIRE, WIRE_ORIGIN, week_start
from ocwatch.demo.stories import CRIME_THEMES, Story, compose

SEED = 20261116
TZ = {"kivu-monitor": 2, "grands-lacs-info": 2, "afrique-hebdo": 0, "global-crime-dispatch": -5,
      "continental-wire": 0}
# (outlet, theme, variant) of the spike week's independent gold stories: five outlets, no wire copies.
SPIKE = (("kivu-monitor", "gold_spike", 0), ("kivu-monitor", "gold_spike", 1),
         ("global-crime-dispatch", "gold_spike", 2), ("global-crime-dispatch", "gold_spike", 3),
         ("grands-lacs-info", "gold_spike", 0), ("grands-lacs-info", "gold_spike", 1),
         ("afrique-hebdo", "gold_spike", 2))
NEW_LINK = (("kivu-monitor", "wazalendo_rubaya", 0), ("grands-lacs-info", "wazalendo_rubaya", 0),
            ("global-crime-dispatch", "wazalendo_rubaya", 1))
GOLD_OUTLETS = ("kivu-monitor", "grands-lacs-info", "global-crime-dispatch")
# Independent stories stay well below the near-duplicate threshold of the crawler (~80).
MAX_SIMILARITY = 65.0
MAX_TRIES = 25
BROKEN_WEEK = 10  # one kivu-monitor story of this week answers 500


@dataclass(frozen=True)
class Article:
    id: int
    outlet: str
    path: str
    published: dt.datetime
    story: Story
    author: str
    section: str
    week: int
    wire_of: int | None = None  # id of the article this wire copy reproduces
    broken: bool = False  # listed in the feed but answers 500

    @property
    def language(self) -> str:
        return self.story.language


def slugify(text: str, limit: int = 60) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:limit].rstrip("-")


def _path(outlet: str, when: dt.datetime, slug: str, art_id: int) -> str:
    d = when.date()
    return {
        "kivu-monitor": f"/{d:%Y/%m/%d}/{slug}-{art_id}.html",
        "grands-lacs-info": f"/actualite/{slug}-{art_id}.html",
        "afrique-hebdo": f"/articles/{d:%Y/%m}/{slug}-{art_id}.html",
        "global-crime-dispatch": f"/news/{slug}-{art_id}.html",
        "continental-wire": f"/stories/{d:%Y%m%d}-{slug}-{art_id}.html",
    }[outlet]


def _week_plan(w: int, rng: random.Random) -> list[tuple[str, str, int | None, str | None]]:
    """(outlet, theme, variant, country) of every original story in week w."""
    plan: list[tuple[str, str, int | None, str | None]] = []
    if w == SPIKE_WEEK_INDEX:
        plan += [(o, t, v, None) for o, t, v in SPIKE + NEW_LINK]
    else:
        for i in range(rng.choice((1, 1, 2))):
            plan.append((GOLD_OUTLETS[(w + i) % 3], "gold_ituri", None, None))
    plan.append(("kivu-monitor" if w % 2 else "grands-lacs-info", "coltan_rubaya", None, None))
    if w % 2 == 0:
        plan.append(("global-crime-dispatch", "haiti_gangs", None, None))
    else:
        plan.append(("afrique-hebdo", "mali_fuel", None, None))
    if w % 3 == 0:
        plan.append((("afrique-hebdo", "global-crime-dispatch")[w % 2], "car_ivory", None, None))
    if w % 3 == 1:
        plan.append((("kivu-monitor", "grands-lacs-info")[w % 2], "virunga_charcoal", None, None))
    if w % 4 == 2:
        plan.append((("afrique-hebdo", "global-crime-dispatch")[w % 8 // 4], "agadez_smuggling", None, None))
    daily = ("politics", "health", "sport", "agriculture", "weather")
    for outlet in ("kivu-monitor", "kivu-monitor", "grands-lacs-info", "grands-lacs-info", "afrique-hebdo"):
        country = "COD" if outlet != "afrique-hebdo" else ("MLI", "NER", "CAF")[w % 3]
        plan.append((outlet, rng.choice(daily), None, country))
    if w % 2 == 0:
        plan.append(("global-crime-dispatch", rng.choice(daily), None, ("HTI", "CAF", "NER")[w % 3]))
    return plan


def _when(outlet: str, w: int, rng: random.Random, last_day: int) -> dt.datetime:
    # Local hours 7..17 keep every story inside its ISO week in UTC, whatever the outlet's zone.
    day = week_start(w) + dt.timedelta(days=rng.randint(0, last_day))
    tz = dt.timezone(dt.timedelta(hours=TZ[outlet]))
    return dt.datetime(day.year, day.month, day.day, rng.randint(7, 17), rng.choice((0, 15, 30, 45)), tzinfo=tz)


def _distinct_story(theme: str, lang: str, rng: random.Random, when: dt.datetime, country: str | None,
                    variant: int | None, seen: list[str]) -> Story:
    """Compose until the story is no near-copy of an earlier one (only wire copies may be)."""
    extra = CRIME_THEMES["gold_ituri"][lang] if theme == "gold_spike" else None
    best: tuple[float, Story] | None = None
    for _ in range(MAX_TRIES):
        story = compose(theme, lang, rng, when.date(), country=country, variant=variant, extra=extra)
        text = " ".join(story.paragraphs)
        score = max((fuzz.ratio(text, other) for other in seen), default=0.0)
        if best is None or score < best[0]:
            best = (score, story)
        if score < MAX_SIMILARITY:
            break
    assert best is not None
    seen.append(" ".join(best[1].paragraphs))
    return best[1]


def _original(art_id: int, w: int, item: tuple, rng: random.Random, seen: dict[str, list[str]]) -> Article:
    outlet_id, theme, variant, country = item
    outlet = BY_ID[outlet_id]
    when = _when(outlet_id, w, rng, 5 if theme == "gold_spike" else 6)
    story = _distinct_story(theme, outlet.language, rng, when, country, variant,
                            seen.setdefault(f"{theme}/{outlet.language}", []))
    section = outlet.sections[2] if story.crime else outlet.sections[rng.randrange(len(outlet.sections))]
    if not story.crime and section == outlet.sections[2]:
        section = outlet.sections[0]
    path = _path(outlet_id, when, slugify(story.title), art_id)
    return Article(art_id, outlet_id, path, when, story, rng.choice(outlet.bylines), section, w)


def _wire_copy(art_id: int, original: Article, rng: random.Random) -> Article:
    """A wire copy: the same text with a dateline and the last line trimmed (a near duplicate)."""
    when = (original.published + dt.timedelta(hours=rng.randint(3, 9))).astimezone(dt.UTC)
    if when.date() >= week_start(original.week + 1):  # keep the copy in its original's week
        when = original.published.astimezone(dt.UTC) + dt.timedelta(minutes=30)
    first, *rest = original.story.paragraphs
    dateline = f"GOMA, {when:%d %b} (Continental Wire) - "
    story = replace(original.story, paragraphs=(dateline + first, *rest[:-1]))
    path = _path(WIRE.id, when, slugify(story.title), art_id)
    return Article(art_id, WIRE.id, path, when, story, WIRE.bylines[0], "Wire", original.week,
                   wire_of=original.id)


@lru_cache(maxsize=1)
def build_articles() -> tuple[Article, ...]:
    """Every article of the demo, originals and wire copies, sorted by publication time."""
    rng = random.Random(SEED)
    articles: list[Article] = []
    seen: dict[str, list[str]] = {}
    for w in range(WEEKS):
        week = [_original(len(articles) + i, w, item, rng, seen) for i, item in enumerate(_week_plan(w, rng))]
        articles += week
        origin = [a for a in week if a.outlet == WIRE_ORIGIN and a.story.crime == bool(w % 2)]
        picks = [a for a in origin if a.story.theme == "gold_spike"] or origin[:1]
        articles += [_wire_copy(len(articles) + i, a, rng) for i, a in enumerate(picks)]
        if w == BROKEN_WEEK:
            idx = next(i for i, a in enumerate(articles) if a.week == w and a.outlet == WIRE_ORIGIN
                       and not a.story.crime and a.wire_of is None
                       and all(c.wire_of != a.id for c in articles))
            articles[idx] = replace(articles[idx], broken=True)
    return tuple(sorted(articles, key=lambda a: (a.published.astimezone(dt.UTC), a.id)))
