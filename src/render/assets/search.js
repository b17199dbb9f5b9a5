// chiso: offline search. Loads the index written at build time (a JSON file
// named by the form's data-index attribute) and matches the query against
// text folded at build time by crate::vi::fold. The query is folded the same
// way here: lowercase, NFD, strip U+0300–U+036F, đ → d, collapse spaces.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form) return;
  var input = document.getElementById("search-query");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var entries = null;

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/\s+/g, " ").trim().normalize("NFC");
  }

  function search(query) {
    var words = fold(query).split(" ").filter(Boolean);
    if (!words.length) return [];
    var found = [];
    entries.forEach(function (e, i) {
      if (!words.every(function (w) { return e.fx.indexOf(w) !== -1; })) return;
      var inTitle = words.every(function (w) { return e.ft.indexOf(w) !== -1; });
      var starts = e.ft.indexOf(words.join(" ")) === 0;
      found.push({ e: e, score: (starts ? 0 : inTitle ? 1 : 2), i: i });
    });
    found.sort(function (a, b) { return a.score - b.score || a.i - b.i; });
    return found.map(function (f) { return f.e; });
  }

  function show(query) {
    var results = search(query);
    list.textContent = "";
    results.slice(0, 50).forEach(function (e) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = e.url;
      a.textContent = e.title;
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = e.kind;
      li.appendChild(kind);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(a);
      if (e.text) {
        var p = document.createElement("p");
        p.className = "muted";
        p.textContent = e.text;
        li.appendChild(p);
      }
      list.appendChild(li);
    });
    status.textContent = query.trim() === "" ? "" :
      results.length === 0 ? "Không tìm thấy kết quả cho “" + query + "”." :
      "Tìm thấy " + results.length + " kết quả cho “" + query + "”.";
  }

  function run() {
    var query = input.value;
    var url = new URL(window.location.href);
    if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
    window.history.replaceState(null, "", url);
    show(query);
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  input.addEventListener("input", function () { if (entries) run(); });

  status.textContent = "Đang tải chỉ mục…";
  fetch(form.getAttribute("data-index"))
    .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
    .then(function (data) {
      entries = data;
      status.textContent = "";
      var q = new URL(window.location.href).searchParams.get("q");
      if (q) input.value = q;
      if (input.value) show(input.value);
    })
    .catch(function () { status.textContent = "Không tải được chỉ mục tìm kiếm."; });
})();
