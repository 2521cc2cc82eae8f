"""Turn the story material into article text: pick a title, a lead, bodies, a quote and a close, fill the slots.

Randomness comes only from the `random.Random` the caller passes, so the
demo is the same on every machine.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

from ocwatch.demo import material

Pool = dict[str, Any]

# theme -> language -> pool, from demo/text/. Crime themes carry signal; daily themes are the
# noise around them. The order is kept here, not taken from file names: the schedule draws by position.
CRIME_THEMES: dict[str, dict[str, Pool]] = {
    t: material.themes("crime")[t]
    for t in ("gold_ituri", "gold_spike", "coltan_rubaya", "wazalendo_rubaya", "haiti_gangs", "mali_fuel",
              "car_ivory", "virunga_charcoal", "agadez_smuggling")}
DAILY_THEMES: dict[str, dict[str, Pool]] = {
    t: material.themes("daily")[t] for t in ("politics", "health", "sport", "agriculture", "weather")}
CONTEXT = material.context()
THEME_COUNTRY = {"gold_ituri": "COD", "gold_spike": "COD", "coltan_rubaya": "COD",
                 "wazalendo_rubaya": "COD", "haiti_gangs": "HTI", "mali_fuel": "MLI",
                 "car_ivory": "CAF", "virunga_charcoal": "COD", "agadez_smuggling": "NER"}

COUNTRY_SLOTS: dict[str, dict[str, dict[str, list[str]]]] = {
    "COD": {"en": {"town": ["Goma", "Bukavu", "Beni", "Butembo", "Uvira", "Bunia"],
                   "region": ["North Kivu", "South Kivu", "Ituri"], "country": ["DR Congo"]},
            "fr": {"town": ["Goma", "Bukavu", "Beni", "Butembo", "Uvira", "Bunia"],
                   "region": ["Nord-Kivu", "Sud-Kivu", "Ituri"], "country": ["RDC"]},
            "team": {"team": ["TP Mazembe", "AS Vita Club", "DC Motema Pembe", "FC Saint-Éloi Lupopo",
                              "OC Bukavu Dawa", "AS Dauphins Noirs"]}},
    "HTI": {"en": {"town": ["Cap-Haïtien", "Jacmel", "Les Cayes", "Gonaïves", "Hinche"],
                   "region": ["the Nord department", "the Sud department", "the Centre department"],
                   "country": ["Haiti"]},
            "team": {"team": ["Violette AC", "Racing CH", "Don Bosco FC", "Arcahaie FC"]}},
    "MLI": {"fr": {"town": ["Bamako", "Ségou", "Sikasso", "Kayes", "Koutiala"],
                   "region": ["Ségou", "Sikasso", "Koulikoro"], "country": ["Mali"]},
            "team": {"team": ["Djoliba AC", "Stade Malien", "AS Real Bamako", "USC Kita"]}},
    "NER": {"en": {"town": ["Niamey", "Zinder", "Maradi", "Tahoua"],
                   "region": ["the Zinder region", "the Maradi region", "the Dosso region"],
                   "country": ["Niger"]},
            "fr": {"town": ["Niamey", "Zinder", "Maradi", "Tahoua"],
                   "region": ["Zinder", "Maradi", "Dosso"], "country": ["Niger"]},
            "team": {"team": ["AS Douanes", "Sahel SC", "Olympic FC", "AS FAN"]}},
    "CAF": {"en": {"town": ["Bangui", "Berbérati", "Bouar", "Bossangoa"],
                   "region": ["Ouham", "Mambéré-Kadéï", "Nana-Mambéré"],
                   "country": ["the Central African Republic"]},
            "fr": {"town": ["Bangui", "Berbérati", "Bouar", "Bossangoa"],
                   "region": ["Ouham", "Mambéré-Kadéï", "Nana-Mambéré"], "country": ["Centrafrique"]},
            "team": {"team": ["DFC8", "Olympic Real de Bangui", "Anges de Fatima", "Tempête Mocaf"]}},
}

WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAYS_FR = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre")


@dataclass(frozen=True)
class Story:
    theme: str
    language: str
    country: str
    title: str
    paragraphs: tuple[str, ...]
    crime: bool


def _slot_values(rng: random.Random, day: dt.date, pool: Pool, country: str, lang: str) -> dict[str, str]:
    # "on Tuesday" in a story published on Wednesday: the event is the day before.
    event = day - dt.timedelta(days=1)
    values = {
        "weekday": WEEKDAYS_EN[event.weekday()], "weekday_fr": WEEKDAYS_FR[event.weekday()],
        "month": MONTHS_EN[day.month - 1], "month_fr": MONTHS_FR[day.month - 1],
        "year": str(day.year + 1), "n": str(rng.randint(3, 48)), "kg": str(rng.randint(4, 36)),
        "n_thousand": f"{rng.randint(2, 60)},{rng.randint(0, 9)}00" if lang == "en"
        else f"{rng.randint(2, 60)} {rng.randint(0, 9)}00",
        "score": f"{rng.randint(1, 3)}-{rng.randint(0, 2)}",
    }
    place_slots = COUNTRY_SLOTS.get(country, {})
    for source in (place_slots.get(lang, {}), place_slots.get("team", {}), pool.get("slots", {})):
        for name, choices in source.items():
            values[name] = rng.choice(choices)
    teams = place_slots.get("team", {}).get("team", ["Club A", "Club B"])
    values["team1"], values["team2"] = rng.sample(teams, 2)
    return values


def _pick(pool: Pool, rng: random.Random, variant: int | None) -> list[str]:
    """Title, lead, bodies, quote, close; a variant picks fixed, non-overlapping items."""
    if variant is None:
        # Titles are written to go with the lead of the same position.
        i = rng.randrange(len(pool["leads"]))
        bodies = rng.sample(pool["bodies"], min(3, len(pool["bodies"])))
        return [pool["titles"][i % len(pool["titles"])], pool["leads"][i], *bodies,
                rng.choice(pool["quotes"]), rng.choice(pool["closes"])]
    n = len(pool["bodies"])
    bodies = [pool["bodies"][(2 * variant) % n], pool["bodies"][(2 * variant + 1) % n]]
    return [pool[key][variant % len(pool[key])] for key in ("titles", "leads")] + bodies + [
        pool[key][variant % len(pool[key])] for key in ("quotes", "closes")]


def compose(theme: str, lang: str, rng: random.Random, day: dt.date, country: str | None = None,
            variant: int | None = None, extra: Pool | None = None) -> Story:
    """One article of a theme; `extra` adds one body paragraph from another pool (context)."""
    crime = theme in CRIME_THEMES
    pool = (CRIME_THEMES if crime else DAILY_THEMES)[theme][lang]
    country = country or THEME_COUNTRY.get(theme, "COD")
    values = _slot_values(rng, day, pool, country, lang)
    parts = _pick(pool, rng, variant)
    if extra is not None:
        values.update({k: rng.choice(v) for k, v in extra.get("slots", {}).items()})
        parts.insert(-2, rng.choice(extra["bodies"]))
    # Bodies and two context lines in a random order: same-topic stories differ like real ones do.
    middle = parts[2:-2] + rng.sample(CONTEXT[country][lang], 2)
    rng.shuffle(middle)
    parts = parts[:2] + middle + parts[-2:]
    title, *paragraphs = (p.format_map(values) for p in parts)
    return Story(theme, lang, country, title, tuple(paragraphs), crime)
