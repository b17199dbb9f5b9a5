// Charts, on a sample of the unit, index and ranking pages of each site:
// every <text> of every chart lies inside its SVG's viewBox and no two
// text boxes intersect (getBBox, with the fonts the browser really uses,
// at 1280 px and on a 390 px phone), and every figure a chart prints is the
// figure its table prints: a score chart's value (data-year) is the year's
// score cell, a rank chart's label the rank cell, a ranking chart's figure
// (data-unit) its unit's line and its average (data-average) the table's
// average, a components chart's "score/max" the components' table.

/// Up to `n` paths spread over the list (the first and last included).
function spread(list, n) {
  if (list.length <= n) return list;
  const out = [];
  for (let i = 0; i < n; i++) out.push(list[Math.round((i * (list.length - 1)) / (n - 1))]);
  return [...new Set(out)];
}

/// Run in the page: the charts, their text boxes' problems, and the
/// figures compared with the tables.
function inspect() {
  const out = { charts: 0, texts: 0, bad: [], compared: 0, mismatched: [] };
  const clean = (s) => (s || "").replace(/\s+/g, " ").trim();
  const name = (svg) => svg.getAttribute("aria-labelledby")?.split(" ")[0] ?? svg.getAttribute("class");
  const eps = 0.5; // a hair for anti-aliasing and coordinates written to a tenth
  for (const svg of document.querySelectorAll("svg.chart")) {
    out.charts++;
    const vb = svg.viewBox.baseVal;
    const boxes = [];
    for (const t of svg.querySelectorAll("text")) {
      const b = t.getBBox();
      if (b.width === 0 && b.height === 0) continue;
      out.texts++;
      const label = clean(t.textContent);
      if (b.x < vb.x - eps || b.y < vb.y - eps || b.x + b.width > vb.x + vb.width + eps || b.y + b.height > vb.y + vb.height + eps) {
        out.bad.push(`${name(svg)}: "${label}" outside the viewBox (${b.x.toFixed(1)},${b.y.toFixed(1)} ${b.width.toFixed(1)}×${b.height.toFixed(1)} in ${vb.width}×${vb.height})`);
      }
      for (const [o, other] of boxes) {
        const overlap = b.x < o.x + o.width - eps && o.x < b.x + b.width - eps && b.y < o.y + o.height - eps && o.y < b.y + b.height - eps;
        if (overlap) out.bad.push(`${name(svg)}: "${label}" overlaps "${other}"`);
      }
      boxes.push([b, label]);
    }
  }
  const compare = (what, chart, table) => {
    out.compared++;
    if (chart !== table) out.mismatched.push(`${what}: chart "${chart}", table "${table}"`);
  };
  // A figure's marks as its table cell gives them (* illustrative, ‡
  // disputed), in the order a chart label ends with them.
  const cellMarks = (cell) => (cell?.querySelector(".illustrative-mark") ? "*" : "") + (cell?.querySelector(".disputed-mark") ? "‡" : "");
  // A rank's marks: its cell's own, not those of the regional ranks under it.
  const rankMarks = (cell) => (cell?.querySelector(":scope > .illustrative-mark") ? "*" : "") + (cell?.querySelector(":scope > .disputed-mark") ? "‡" : "");
  // Score and rank over the years: the table after the pair of charts.
  for (const pair of document.querySelectorAll(".chart-pair")) {
    let next = pair.nextElementSibling;
    while (next && !next.querySelector("table.history")) next = next.nextElementSibling;
    const table = next?.querySelector("table.history");
    if (!table) continue;
    for (const [css, cell] of [["svg.chart-history text.value[data-year]", ".score"], ["svg.chart-rank text.value[data-year]", ".rank .rank, td.rank"]]) {
      for (const t of pair.querySelectorAll(css)) {
        const year = t.getAttribute("data-year");
        const rows = [...table.querySelectorAll(`tr[data-year="${year}"]`)];
        // A figure with the marks of its cell, as the chart's label ends.
        const cells = rows.map((r) => clean(r.querySelector(cell)?.firstChild?.textContent ?? r.querySelector(cell)?.textContent)
          + (cell === ".score" ? cellMarks(r.querySelector(cell)?.closest("td")) : rankMarks(r.querySelector("td.rank"))));
        const label = clean(t.textContent);
        compare(`${table.dataset.index} ${year}`, label, cells.includes(label) ? label : cells.join(" | "));
      }
    }
  }
  // A ranking: its figures are its units' lines; its average the table's.
  for (const svg of document.querySelectorAll("svg.chart-ranking")) {
    const section = svg.closest("section") ?? document;
    const table = section.querySelector("table.ranking");
    if (!table) continue;
    for (const t of svg.querySelectorAll(".value[data-unit]")) {
      const unit = t.getAttribute("data-unit");
      const row = [...table.querySelectorAll("tbody tr")].find((tr) => [...tr.querySelectorAll("a, th, td")].some((c) => clean(c.textContent) === unit));
      const label = clean(t.textContent);
      const score = clean(row?.querySelector(".score")?.textContent ?? row?.querySelector("td.value")?.textContent)
        + cellMarks(row?.querySelector("td.value"));
      compare(unit, label, score);
    }
    for (const t of svg.querySelectorAll("[data-average]")) {
      const foot = clean(table.querySelector("tfoot .average")?.textContent ?? table.querySelector("tfoot")?.textContent);
      const label = clean(t.textContent);
      compare("average", label, foot.includes(label) ? label : foot);
    }
  }
  // Components: each top-level line's score/max, in order.
  for (const svg of document.querySelectorAll("svg.chart-components")) {
    let next = svg.closest("figure")?.nextElementSibling;
    while (next && !next.querySelector("table.components")) next = next.nextElementSibling;
    const rows = [...(next?.querySelectorAll("table.components tr.level-0") ?? [])];
    const labels = [...svg.querySelectorAll("text.value")].map((t) => clean(t.textContent));
    const withMax = rows.map((r) => [...r.querySelectorAll("td")].map((c) => clean(c.textContent))).filter((c) => c[1] && c[1] !== "—");
    labels.forEach((label, i) => {
      const cells = withMax[i];
      compare(`component ${i + 1}`, label, cells ? `${cells[0]}/${cells[1]}` : "(no line)");
    });
  }
  return out;
}

export default async function ({ page, url, check, site, pages }) {
  const kinds = {
    unit: pages.filter((p) => /^\/?don-vi\/[^/]+\/$/.test(p)),
    index: pages.filter((p) => /^\/?chi-so\/[^/]+\/$/.test(p)),
    // A table's page (a group's page when one index ranks it, else each
    // index's own page under it); a group's overview draws no chart.
    ranking: pages.filter((p) => /^\/?xep-hang\/\d+\/[^/]+\/([^/]+\/)?$/.test(p)
      && !pages.some((q) => q !== p && q.startsWith(p))),
  };
  // The national site has no home unit: its index pages draw no history.
  const expected = { unit: true, index: site === "ha-tinh", ranking: true };
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 844 });
    for (const [kind, list] of Object.entries(kinds)) {
      // The Hà Tĩnh unit and the home page's neighbours are where most charts are.
      // Every table page (a site has a few dozen at most, and partial
      // tables draw no chart); a spread of the others.
      const sample = kind === "ranking" ? list : spread(list, width === 1280 ? 8 : 4);
      if (kind === "unit" && list.some((p) => p.includes("/ha-tinh/")) && !sample.some((p) => p.includes("/ha-tinh/"))) {
        sample.push(list.find((p) => p.includes("/ha-tinh/")));
      }
      let charts = 0, texts = 0, compared = 0;
      const bad = [], mismatched = [];
      for (const path of sample) {
        await page.goto(url(path));
        const r = await page.evaluate(inspect);
        charts += r.charts; texts += r.texts; compared += r.compared;
        bad.push(...r.bad.map((b) => `${path} ${b}`));
        mismatched.push(...r.mismatched.map((m) => `${path} ${m}`));
      }
      if (expected[kind]) {
        check(`${kind} pages have charts (${charts} charts, ${texts} labels on ${sample.length} pages, ${width} px)`, charts > 0 && texts > 0);
        check(`chart figures equal the tables' on ${kind} pages (${compared} compared, ${width} px)`, compared > 0 && mismatched.length === 0, mismatched.slice(0, 12).join("\n     "));
      }
      check(`every chart label inside its SVG, none overlapping, on ${kind} pages (${width} px)`, bad.length === 0, bad.slice(0, 12).join("\n     "));
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}
