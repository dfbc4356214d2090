/* Draws the Plotly figures of a page. Each figure is a JSON block,
   <script type="application/json" data-target="ID">, written by the server with tojson;
   its strings are already entity-escaped for Plotly, and no page data is ever evaluated as code. */
"use strict";
(function () {
  var CONFIG = {displaylogo: false, responsive: true, modeBarButtonsToRemove: ["lasso2d", "select2d"]};

  function isLocalPath(url) {
    return typeof url === "string" && url.charAt(0) === "/" && url.charAt(1) !== "/";
  }

  function draw(block) {
    var target = document.getElementById(block.dataset.target);
    if (!target || !window.Plotly) return;
    var figure = JSON.parse(block.textContent);
    Plotly.newPlot(target, figure.data, figure.layout, CONFIG);
    if (figure.links) {
      target.on("plotly_click", function (event) {
        var url = event.points.length ? event.points[0].customdata : null;
        if (isLocalPath(url)) window.location.assign(url);
      });
    }
  }

  document.querySelectorAll('script[type="application/json"][data-target]').forEach(draw);
})();
