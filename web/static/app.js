// Renders every Vega-Lite spec the page carries in a <script type="application/json">
// block; no inline script runs (the Content-Security-Policy forbids them).
document.querySelectorAll("div.chart[data-spec]").forEach(function (el) {
  var block = document.getElementById(el.dataset.spec);
  if (!block || typeof vegaEmbed === "undefined") return;
  vegaEmbed(el, JSON.parse(block.textContent), { actions: false, renderer: "svg" })
    .then(function () { el.dataset.rendered = "1"; })
    .catch(function (err) { el.textContent = "chart: " + err; });
});
