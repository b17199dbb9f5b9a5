// Ranking tables: a page per index where several indices rank a group in a
// year (the group's page an overview far shorter than one long scroll), a
// sticky header that stays in view while a long table scrolls past, no sort
// buttons on a table of one line, and print: an A4 PDF of the longest table
// repeats the table's header on every page that shows its lines, prints no
// sort arrows, the average row once, and the page's address and build date.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/// The national ranking page of 63 provinces × several indices was one
/// 27,500 px scroll before tables got pages of their own.
const OLD_NATIONAL_HEIGHT = 27500;

const segments = (path) => path.split("/").filter(Boolean);

/// The text of each page of a PDF, whitespace collapsed.
async function pdfPages(bytes) {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 }).promise;
  const texts = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    texts.push(content.items.map((i) => i.str).join(" ").replace(/\s+/g, " "));
  }
  await pdf.destroy();
  return texts;
}

/// The page's ranking tables: each one's header texts, line count, unit
/// names, whether it is sortable and how many sort buttons it has.
function tablesOf(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("table.ranking")].map((t) => ({
      headers: [...t.tHead.rows[0].cells].map((c) => c.textContent.replace(/[↕↑↓]/g, "").trim()),
      rows: t.tBodies[0].rows.length,
      // A line as printed: its rank and unit (a chart also names units).
      lines: [...t.tBodies[0].rows].map((r) => [...r.cells].slice(0, 2).map((c) => c.textContent.trim()).join(" ")),
      sortable: t.classList.contains("sortable"),
      buttons: t.querySelectorAll(".sort-button").length,
      // The average row's label and figure (the summary above the table
      // says them with a colon between).
      average: t.tFoot
        ? [t.tFoot.querySelector("th"), t.tFoot.querySelector("td.average")].map((c) => c?.textContent.trim() ?? "").join(" ")
        : "",
    })),
  );
}

export default async function ({ page, url, check, site, pages }) {
  const ranking = pages.filter((p) => segments(p)[0] === "xep-hang");
  const groupPages = ranking.filter((p) => segments(p).length === 3);
  const tablePages = ranking.filter((p) => segments(p).length === 4);

  // A page per index: both sites have a group ranked by several indices.
  check(`tables have pages of their own (${tablePages.length})`, tablePages.length > 0);
  const unlinked = [];
  for (const path of tablePages) {
    const overview = `/${segments(path).slice(0, 3).join("/")}/`;
    await page.goto(url(overview));
    const linked = await page.evaluate(
      (href) => [...document.querySelectorAll("main a")].some((a) => new URL(a.href).pathname === href),
      path,
    );
    if (!linked) unlinked.push(`${path} (from ${overview})`);
  }
  check("each table's page is linked from its group's overview", unlinked.length === 0, unlinked.join(", "));

  // Heights: every ranking page is far shorter than the old single page.
  await page.setViewportSize({ width: 1280, height: 800 });
  const heights = [];
  for (const path of ranking) {
    await page.goto(url(path));
    heights.push([path, await page.evaluate(() => document.documentElement.scrollHeight)]);
  }
  const overviews = heights.filter(([p]) => groupPages.includes(p) && tablePages.some((t) => t.startsWith(p)));
  check(`overviews are short (${overviews.map(([p, h]) => `${p}: ${h} px`).join(", ")})`,
    overviews.length > 0 && overviews.every(([, h]) => h < OLD_NATIONAL_HEIGHT / 5));
  const tallest = heights.reduce((a, b) => (b[1] > a[1] ? b : a), ["", 0]);
  check(`no ranking page is a long scroll (tallest ${tallest[0]}: ${tallest[1]} px)`,
    tallest[1] > 0 && tallest[1] < OLD_NATIONAL_HEIGHT / 2);

  // Sort buttons: on tables of several lines, never on a table of one.
  let longest = { path: "", rows: 0, table: null };
  let oneLine = 0;
  let sorted = 0;
  const wrong = [];
  for (const path of ranking) {
    await page.goto(url(path));
    await page.waitForLoadState("load");
    for (const t of await tablesOf(page)) {
      if (t.rows === 1) {
        oneLine += 1;
        if (t.sortable || t.buttons > 0) wrong.push(`${path}: a table of one line has ${t.buttons} sort buttons`);
      } else if (t.sortable) {
        sorted += 1;
        if (t.buttons === 0) wrong.push(`${path}: a sortable table has no sort buttons`);
      }
      if (t.rows > longest.rows && t.sortable) longest = { path, rows: t.rows, table: t };
    }
  }
  if (oneLine === 0) {
    // No table of one line in this site's data: make one from a real page,
    // with the theme's own sort.js.
    await page.goto(url(longest.path));
    const buttons = await page.evaluate(async () => {
      const table = document.querySelector("table.ranking").cloneNode(true);
      table.id = "one-line";
      table.querySelectorAll(".sort-button").forEach((b) => b.replaceWith(...b.childNodes));
      while (table.tBodies[0].rows.length > 1) table.tBodies[0].rows[1].remove();
      document.querySelector("main").append(table);
      const script = document.createElement("script");
      script.src = document.querySelector("script[src*='sort.js']").src + "?again";
      await new Promise((done) => { script.onload = done; document.body.append(script); });
      return document.querySelectorAll("#one-line .sort-button").length;
    });
    oneLine = 1;
    if (buttons > 0) wrong.push(`sort.js gave a table of one line ${buttons} buttons`);
  }
  check(`no sort buttons on tables of one line (${oneLine}), buttons on the others (${sorted})`,
    sorted > 0 && oneLine > 0 && wrong.length === 0, wrong.slice(0, 10).join("\n     "));

  // The tables fit their page: no ranking page scrolls sideways at desktop
  // widths (the 390 px and 200 % checks are in 00-layout), where the table
  // may overflow its box for the header to stick.
  const wide = [];
  for (const width of [1280, 1100, 1000, 961]) {
    await page.setViewportSize({ width, height: 800 });
    for (const path of ranking) {
      await page.goto(url(path));
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scroll > width) wide.push(`${path} at ${width} px (${scroll} px)`);
    }
  }
  check(`no ranking page scrolls sideways at 961–1280 px (${ranking.length} pages)`, wide.length === 0, wide.slice(0, 10).join(", "));
  // One line per row at desktop width, on the national tables of 63
  // provinces (names, badges and changes fit at 1280 px).
  if (site === "national") {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(url(longest.path));
    const heights = await page.$$eval("table.ranking tbody tr", (rows) => rows.map((r) => r.getBoundingClientRect().height));
    const [low, high] = [Math.min(...heights), Math.max(...heights)];
    check(`one line per row at 1280 px (${heights.length} rows, ${Math.round(low)}–${Math.round(high)} px)`,
      heights.length > 0 && high - low <= 2);
  }

  // Sticky header: scrolled to the middle of the longest table, its header
  // is at the top of the window and is what is drawn there.
  check(`a long table to scroll (${longest.path}: ${longest.rows} lines)`, longest.rows >= 10);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(url(longest.path));
  const sticky = await page.evaluate(() => {
    const table = document.querySelector("table.ranking.sortable");
    // A third of the lines scrolled past the top of the window.
    const top = table.getBoundingClientRect().top + window.scrollY;
    window.scrollTo(0, top + table.tHead.offsetHeight + table.tBodies[0].offsetHeight / 3);
    const head = table.tHead.rows[0].cells[1].getBoundingClientRect();
    const drawn = document.elementFromPoint(head.left + 4, head.top + head.height / 2);
    return { top: Math.round(head.top), scrolled: Math.round(window.scrollY), inHead: !!drawn && table.tHead.contains(drawn) };
  });
  check(`the header stays in view while the table scrolls (top ${sticky.top} px after scrolling ${sticky.scrolled} px)`,
    sticky.scrolled > 0 && Math.abs(sticky.top) <= 2 && sticky.inHead);

  // Print: the longest table on A4.
  await page.emulateMedia({ media: "print" });
  const bytes = await page.pdf({ format: "A4" });
  await page.emulateMedia({ media: "screen" });
  const texts = await pdfPages(bytes);
  const t = longest.table;
  const withRows = texts
    .map((text, i) => ({ n: i + 1, text }))
    .filter(({ text }) => t.lines.some((line) => text.includes(line)));
  const missing = withRows.filter(({ text }) => !t.headers.every((h) => text.includes(h)));
  check(`printed on A4, the header (${t.headers.join(" · ")}) is on every page with lines (${withRows.length} of ${texts.length})`,
    withRows.length >= (site === "national" ? 2 : 1) && missing.length === 0,
    missing.map(({ n }) => `page ${n} has lines but not the header`).join("; "));
  const arrows = texts.filter((text) => /[↕↑↓]/.test(text)).length;
  check("the print has no sort arrows", arrows === 0, `${arrows} pages with arrows`);
  if (t.average.trim()) {
    // A chart may label its average line with the same words: those are
    // drawn once each, and the row once more.
    const drawn = await page.$$eval("main svg text", (ts, avg) =>
      ts.filter((t) => t.textContent.replace(/\s+/g, " ").includes(avg.replace(/\s+/g, " "))).length, t.average);
    // No-break spaces (a figure and its unit) may come out of the PDF as
    // plain ones, and a mark (* illustrative) apart from its figure: both
    // sides compared without marks, with their spaces made one.
    const spaced = (x) => x.replace(/[*‡]/g, "").replace(/\s+/g, " ").replace(/ (?=[%,.)]|$)/g, "");
    const times = spaced(texts.join(" ")).split(spaced(t.average)).length - 1;
    check(`the average row (${t.average}) is printed once`, times === 1 + drawn, `${times} times, ${drawn} in charts`);
  }
  // No heading alone at a page's foot: what a page ends with (its footer
  // left out) is never a heading of the page.
  const headings = await page.$$eval("main h1, main h2, main h3", (hs) => hs.map((h) => h.textContent.replace(/\s+/g, " ").trim()));
  const stranded = texts
    .map((text, i) => ({
      n: i + 1,
      end: text.replace(/Ngày dựng \d\d\/\d\d\/\d{4} · trang \d+\/\d+/g, "").replace(/https?:\/\/\S+/g, "").trim(),
    }))
    .filter(({ n, end }) => n < texts.length && headings.some((h) => h && end.endsWith(h)));
  check(`no heading alone at a page's foot (${headings.length} headings)`,
    headings.length > 0 && stranded.length === 0 && texts.every((t) => t.length > 0),
    stranded.map(({ n, end }) => `page ${n} ends with …${end.slice(-80)}`).join("\n     "));
  const address = new URL(url(longest.path)).pathname;
  const footless = texts
    .map((text, i) => ({ n: i + 1, text }))
    .filter(({ text }) => !text.includes(address) || !/Ngày dựng \d\d\/\d\d\/\d{4}/.test(text));
  check("every printed page gives the page's address and the build date (dd/mm/yyyy)", footless.length === 0,
    footless.slice(0, 5).map(({ n, text }) => `page ${n}: …${text.slice(-160)}`).join("\n     "));
}
