// Renders every Vega-Lite spec the page carries in a <script type="application/json">
// block; no inline script runs (the Content-Security-Policy forbids them). Runs again
// after htmx swaps part of a page (the week selector, the trends filters).
function renderCharts(root) {
  root.querySelectorAll("div.chart[data-spec]").forEach(function (el) {
    var block = document.getElementById(el.dataset.spec);
    if (!block || typeof vegaEmbed === "undefined" || el.dataset.rendered) return;
    vegaEmbed(el, JSON.parse(block.textContent), { actions: false, renderer: "svg" })
      .then(function () { el.dataset.rendered = "1"; })
      .catch(function (err) { el.textContent = "chart: " + err; });
  });
}
renderCharts(document);
document.body.addEventListener("htmx:afterSettle", function (evt) { renderCharts(evt.target); });
