// Converts world-atlas's Natural Earth 1:50m TopoJSON into the GeoJSON the map
// loads (static/geo/countries.geojson), coordinates rounded to 0.01° (about 1 km)
// to keep the file small. Run by `make web-vendor` (node, at build time only).
import { readFileSync, writeFileSync } from "node:fs";
import { feature } from "topojson-client";

const topo = JSON.parse(readFileSync("node_modules/world-atlas/countries-50m.json", "utf8"));
const round = (c) => (typeof c[0] === "number" ? [Math.round(c[0] * 100) / 100, Math.round(c[1] * 100) / 100] : c.map(round));
const geo = feature(topo, topo.objects.countries);
for (const f of geo.features) f.geometry.coordinates = round(f.geometry.coordinates);
writeFileSync(process.argv[2], JSON.stringify(geo));
