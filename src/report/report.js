(function () {
  "use strict";
  var doc = document;
  doc.documentElement.setAttribute("data-enhanced", "");

  // Filter the evidence map's concepts by name or code.
  var filter = doc.querySelector("#evidence-map .filter");
  if (filter) {
    var box = doc.createElement("input");
    box.type = "search";
    box.id = "concept-filter";
    box.placeholder = "Filter concepts by name or code";
    box.setAttribute("aria-label", "Filter concepts by name or code");
    filter.appendChild(box);
    var rows = doc.querySelectorAll("#evidence-map tr.row");
    box.addEventListener("input", function () {
      var query = box.value.trim().toLowerCase();
      for (var i = 0; i < rows.length; i++) {
        var text = rows[i].getAttribute("data-search") || "";
        rows[i].hidden = query !== "" && text.indexOf(query) < 0;
      }
    });
  }

  // Sort the studies table by any column.
  var table = doc.getElementById("studies-table");
  if (table && table.tBodies.length === 1) {
    var body = table.tBodies[0];
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    var key = function (row, column) {
      var cell = row.cells[column];
      if (!cell) { return ""; }
      var sort = cell.getAttribute("data-sort");
      if (sort !== null) { return Number(sort); }
      var text = cell.textContent.trim();
      var number = Number(text.replace(/^S/, ""));
      return text !== "" && !isNaN(number) ? number : text.toLowerCase();
    };
    var sortBy = function (column, head) {
      var descending = head.getAttribute("aria-sort") === "ascending";
      for (var h = 0; h < heads.length; h++) { heads[h].removeAttribute("aria-sort"); }
      head.setAttribute("aria-sort", descending ? "descending" : "ascending");
      var list = Array.prototype.slice.call(body.rows);
      list.sort(function (a, b) {
        var x = key(a, column), y = key(b, column);
        if (typeof x !== typeof y) { x = String(x); y = String(y); }
        var order = x < y ? -1 : x > y ? 1 : 0;
        return descending ? -order : order;
      });
      for (var r = 0; r < list.length; r++) { body.appendChild(list[r]); }
    };
    for (var c = 0; c < heads.length; c++) {
      (function (column, head) {
        var button = doc.createElement("button");
        button.type = "button";
        button.textContent = head.textContent;
        button.title = "Sort by this column";
        head.textContent = "";
        head.appendChild(button);
        button.addEventListener("click", function () { sortBy(column, head); });
      })(c, heads[c]);
    }
  }

  // Timings, when the address asks for them (report.html?timing).
  if (/[?&]timing(&|$)/.test(location.search)) {
    var show = function () {
      var out = {};
      var paints = performance.getEntriesByType("paint");
      for (var p = 0; p < paints.length; p++) { out[paints[p].name] = Math.round(paints[p].startTime); }
      var nav = performance.getEntriesByType("navigation")[0];
      if (nav) {
        out.domContentLoaded = Math.round(nav.domContentLoadedEventEnd);
        out.load = Math.round(nav.loadEventEnd);
      }
      out.nodes = doc.getElementsByTagName("*").length;
      var pre = doc.createElement("pre");
      pre.id = "timing";
      pre.textContent = JSON.stringify(out);
      doc.body.appendChild(pre);
    };
    window.addEventListener("load", function () { setTimeout(show, 0); });
  }
})();
