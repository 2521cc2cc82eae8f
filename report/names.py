"""Readable names for taxonomy ids, from the warehouse's dimensions, in the report's language."""

from __future__ import annotations

from dataclasses import dataclass, field

import pycountry

from ocwatch.report.data import WarehouseReader
from ocwatch.report.i18n import country_name, t


def _humanize(key: str | None) -> str:
    return (key or "?").replace("_", " ").capitalize()


@dataclass
class Names:
    lang: str
    markets: dict[str, str] = field(default_factory=dict)
    actor_types: dict[str, str] = field(default_factory=dict)
    commodities: dict[str, str] = field(default_factory=dict)
    commodity_markets: dict[str, str] = field(default_factory=dict)
    admin1: dict[str, str] = field(default_factory=dict)  # place id -> ISO 3166-2 division
    seen_regions: dict[str, str] = field(default_factory=dict)  # division -> name the sources use

    @classmethod
    def load(cls, db: WarehouseReader, lang: str) -> Names:
        names = cls(lang, db.labels("markets", "market", lang),
                     db.labels("actor_types", "actor_type", lang))
        col = f"names_{lang}"
        rows = db.rows(("commodities",), "select * from commodities") or []
        for r in rows:
            # First listed name in the report's language; the id when the column is absent.
            listed = (r.get(col) or r.get("names_en") or "").split(";")[0].strip()
            names.commodities[r["commodity_id"]] = listed or _humanize(r["commodity_id"])
            names.commodity_markets[r["commodity_id"]] = r.get("market") or ""
        for r in db.rows(("places",), "select * from places") or []:
            if r.get("admin1"):
                names.admin1[r["place_id"]] = r["admin1"]
                if str(r["place_id"]).startswith("admin1:"):
                    names.seen_regions[r["admin1"]] = r.get("name") or r["admin1"]
        return names

    def market(self, key: str | None) -> str:
        return self.markets.get(key or "", _humanize(key))

    def actor_type(self, key: str | None) -> str:
        if not key:  # unknown actors ('unknown:<name>') carry no type
            return t(self.lang, "untyped")
        return self.actor_types.get(key, _humanize(key))

    def commodity(self, key: str | None, hs_code: str | None = None) -> str:
        if key:
            return self.commodities.get(key, _humanize(key))
        return f"HS {hs_code}" if hs_code else "?"

    def country(self, iso3: str | None) -> str:
        return country_name(iso3, self.lang)

    def region(self, code: str | None) -> str | None:
        """A first-level division's name: in English as the sources write it ("North Kivu"),
        in French the ISO 3166-2 name ("Nord-Kivu")."""
        if not code:
            return None
        official = pycountry.subdivisions.get(code=code)
        seen = self.seen_regions.get(code)
        if self.lang == "en":
            return seen or (official.name if official else None)
        return official.name if official else seen
