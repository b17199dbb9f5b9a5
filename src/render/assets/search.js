// chiso: offline search. Loads the index written at build time (a JSON file
// named by the form's data-index attribute), then the articles' words (the
// file beside it, toan-van.json), and matches the query against text folded
// at build time by crate::vi::fold. The query is folded the same way here:
// lowercase, NFD, strip U+0300–U+036F, đ → d, collapse spaces.
//
// A query word matches an entry when the entry's text contains it; failing
// that, when it is a known abbreviation whose words the text contains
// ("ubnd" → "uy ban nhan dan"), or the initials of consecutive words of the
// title ("khcn" → Khoa học và Công nghệ, "tp hcm" → Thành phố Hồ Chí
// Minh). A year in the query ("Hà Tĩnh 2022") picks the unit's line of
// that year.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form) return;
  var input = document.getElementById("search-query");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var entries = null;
  var fullText = null;

  // Abbreviations as written in Vietnamese administration, folded.
  var ABBREVIATIONS = {
    ubnd: "uy ban nhan dan", hdnd: "hoi dong nhan dan", tp: "thanh pho",
    tx: "thi xa", tt: "thi tran", cchc: "cai cach hanh chinh",
    tthc: "thu tuc hanh chinh", khcn: "khoa hoc va cong nghe",
    tnmt: "tai nguyen va moi truong", gtvt: "giao thong van tai",
    gddt: "giao duc va dao tao", ldtbxh: "lao dong thuong binh va xa hoi",
    vhttdl: "van hoa the thao va du lich", nnptnt: "nong nghiep va phat trien nong thon",
    kh: "ke hoach", dt: "dau tu", tw: "trung uong", hcm: "ho chi minh"
  };
  // Words left out of initials: "Khoa học và Công nghệ" is "KHCN".
  var SKIPPED = { va: true };

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/\s+/g, " ").trim().normalize("NFC");
  }

  // The first letters of the title's words, "và" left out.
  function initials(e) {
    if (e.initials === undefined) {
      e.initials = e.ft.split(/[^a-z0-9]+/).filter(function (w) {
        return w && !SKIPPED[w];
      }).map(function (w) { return w[0]; }).join("");
    }
    return e.initials;
  }

  function wordMatches(e, w, text) {
    if (text.indexOf(w) !== -1) return true;
    var expanded = ABBREVIATIONS[w];
    if (expanded && text.indexOf(expanded) !== -1) return true;
    return w.length >= 2 && /^[a-z]+$/.test(w) && initials(e).indexOf(w) !== -1;
  }

  function search(query) {
    var words = fold(query).split(" ").filter(Boolean);
    var years = words.filter(function (w) { return /^(19|20)\d\d$/.test(w); });
    var rest = words.filter(function (w) { return years.indexOf(w) === -1; });
    if (!words.length) return [];
    var found = [];
    var firstArticle = entries.length - (fullText ? fullText.length : 0);
    entries.forEach(function (e, i) {
      var text = e.fx;
      if (fullText && i >= firstArticle) text = text + " " + fullText[i - firstArticle];
      var line = null;
      var needed = words;
      if (e.y && years.length) {
        // A unit, asked for a year: the year picks its line.
        line = e.y.filter(function (y) { return String(y[0]) === years[0]; })[0];
        if (!line) return;
        needed = rest;
      }
      if (!needed.every(function (w) { return wordMatches(e, w, text); })) return;
      var inTitle = needed.every(function (w) { return wordMatches(e, w, e.ft); });
      var starts = needed.length > 0 && e.ft.indexOf(needed.join(" ")) === 0;
      found.push({ e: e, line: line, score: (starts ? 0 : inTitle ? 1 : 2), i: i });
    });
    found.sort(function (a, b) { return a.score - b.score || a.i - b.i; });
    return found;
  }

  function show(query) {
    var results = search(query);
    list.textContent = "";
    results.slice(0, 50).forEach(function (f) {
      var e = f.e;
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = f.line ? e.url + "#nam-" + f.line[0] : e.url;
      a.textContent = f.line ? e.title + " năm " + f.line[0] : e.title;
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = e.kind;
      li.appendChild(kind);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(a);
      var said = f.line ? f.line[1] : e.text;
      if (said) {
        var p = document.createElement("p");
        p.className = "muted";
        p.textContent = said;
        li.appendChild(p);
      }
      list.appendChild(li);
    });
    status.textContent = query.trim() === "" ? "" :
      results.length === 0 ? "Không tìm thấy kết quả cho “" + query + "”." :
      "Tìm thấy " + results.length + " kết quả cho “" + query + "”.";
  }

  function run() {
    // Before the index has come, the query waits: it is shown on arrival.
    if (!entries) return;
    var query = input.value;
    var url = new URL(window.location.href);
    if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
    window.history.replaceState(null, "", url);
    show(query);
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  input.addEventListener("input", function () { if (entries) run(); });

  function load(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    });
  }

  var indexUrl = form.getAttribute("data-index");
  status.textContent = "Đang tải chỉ mục…";
  load(indexUrl)
    .then(function (data) {
      entries = data;
      status.textContent = "";
      var q = new URL(window.location.href).searchParams.get("q");
      if (q) input.value = q;
      if (input.value) show(input.value);
      // The articles' words come second: the first results need not wait.
      return load(indexUrl.replace(/chi-muc\.json$/, "toan-van.json")).then(function (words) {
        if (Array.isArray(words) && words.length <= entries.length) {
          fullText = words;
          if (input.value) show(input.value);
        }
      }, function () { /* titles, summaries and tags still match */ });
    })
    .catch(function () { status.textContent = "Không tải được chỉ mục tìm kiếm."; });
})();
