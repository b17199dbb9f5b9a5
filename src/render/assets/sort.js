// chiso: sortable tables, as progressive enhancement. Without JavaScript a
// `table.sortable` is complete and ordered by rank; with it, each column
// header becomes a button that sorts the rows by that column.
//
// Every sortable cell carries `data-sort`, computed at build time: a raw
// number for figures, and for names the unit's place in Vietnamese
// alphabetical order as chiso computes it (crate::vi::compare), so the browser
// orders names exactly as the rest of the site does. Cells without
// `data-sort` fall back to their text with Intl.Collator('vi'). Empty keys
// (a missing figure) always sort last.
(function () {
  "use strict";
  var collator = new Intl.Collator("vi", { numeric: true, sensitivity: "base" });

  function key(row, column) {
    var cell = row.cells[column];
    if (!cell) return { empty: true };
    var raw = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
    if (raw === "" || raw === "—") return { empty: true };
    var n = Number(raw);
    return isNaN(n) ? { text: raw } : { num: n };
  }

  function compare(a, b) {
    if (a.empty || b.empty) return (a.empty ? 1 : 0) - (b.empty ? 1 : 0);
    if ("num" in a && "num" in b) return a.num - b.num;
    return collator.compare(String(a.text !== undefined ? a.text : a.num), String(b.text !== undefined ? b.text : b.num));
  }

  function sortBy(table, headers, column, ascending) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows).map(function (row, i) {
      return { row: row, key: key(row, column), i: i };
    });
    rows.sort(function (x, y) {
      var c = compare(x.key, y.key);
      if (x.key.empty || y.key.empty) return c || x.i - y.i;
      return (ascending ? c : -c) || x.i - y.i;
    });
    rows.forEach(function (r) { body.appendChild(r.row); });
    headers.forEach(function (th, i) {
      if (i === column) th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      else th.removeAttribute("aria-sort");
    });
  }

  function enhance(table) {
    var head = table.tHead && table.tHead.rows[0];
    // One line has no order to change: no buttons.
    if (!head || !table.tBodies[0] || table.tBodies[0].rows.length < 2) return;
    var headers = Array.prototype.slice.call(head.cells);
    headers.forEach(function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        // First click: ascending, except figures where bigger is news
        // (scores), which start from the top; then toggle.
        var current = th.getAttribute("aria-sort");
        var ascending = current ? current !== "ascending" : !th.hasAttribute("data-sort-descending");
        sortBy(table, headers, column, ascending);
      });
    });
    table.classList.add("is-sortable");
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), enhance);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
