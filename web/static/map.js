// The map: countries shaded by score, first-level divisions by documents (boundaries shipped in static/geo, no tile
// server), places as points. Names go in with textContent, never as HTML.
(function () {
  var el = document.getElementById("map");
  var block = document.getElementById("map-data");
  if (!el || !block || typeof L === "undefined") return;
  var data = JSON.parse(block.textContent);
  var map = L.map(el, { attributionControl: true }).setView([2, 20], 4);
  map.attributionControl.addAttribution("Boundaries: Natural Earth (public domain)");
  var scores = Object.values(data.countries).map(function (c) { return c.score || 0; });
  var max = Math.max.apply(null, scores.concat([1]));
  function shade(v) {
    if (!v) return "#f4f4f4";
    var a = 0.15 + 0.85 * (v / max);
    return "rgba(200, 40, 20, " + a.toFixed(2) + ")";
  }
  function label(text) { var span = document.createElement("span"); span.textContent = text; return span; }
  fetch("/static/geo/countries.geojson").then(function (r) { return r.json(); }).then(function (geo) {
    L.geoJSON(geo, {
      style: function (f) {
        var c = data.countries[f.id];
        return { color: "#666", weight: 0.6, fillOpacity: 1, fillColor: shade(c && c.score) };
      },
      onEachFeature: function (f, layer) {
        var c = data.countries[f.id];
        layer.bindTooltip(label(f.properties.name + (c ? ": " + c.score.toFixed(2) + " (" + c.documents + ")" : "")));
        if (c) layer.on("click", function () {
          window.location = "/trends?market=" + encodeURIComponent(data.market) + "&country=" + encodeURIComponent(c.country_iso3);
        });
      }
    }).addTo(map);
    return fetch("/map/admin1.json" + window.location.search).then(function (r) { return r.json(); });
  }).then(function (admin1) {
    var most = Math.max.apply(null, admin1.features.map(function (f) { return f.properties.documents; }).concat([1]));
    L.geoJSON(admin1, {
      style: function (f) {
        var a = 0.2 + 0.8 * (f.properties.documents / most);
        return { color: "#333", weight: 0.8, fillOpacity: 1, fillColor: "rgba(120, 20, 120, " + a.toFixed(2) + ")" };
      },
      onEachFeature: function (f, layer) {
        layer.bindTooltip(label(f.properties.name + " (" + f.properties.id + "): " + f.properties.documents));
        layer.on("click", function () { window.location = "/place?id=" + encodeURIComponent("admin1:" + f.properties.id); });
      }
    }).addTo(map);
    data.places.forEach(function (p) {
      var m = L.circleMarker([p.lat, p.lon], { radius: 3 + Math.min(10, Math.sqrt(p.documents)), color: "#036", weight: 1, fillOpacity: 0.7 });
      m.bindTooltip(label(p.name + " (" + p.kind + "): " + p.documents));
      m.on("click", function () { window.location = "/place?id=" + encodeURIComponent(p.place_id); });
      m.addTo(map);
    });
    el.dataset.rendered = "1";
  });
})();
