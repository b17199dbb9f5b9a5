// Open data and Vietnamese typography as a reader meets them: the data page
// states a licence and offers, for every table, the CSV, the CSV for Excel
// and the JSON, and every table in one file, each of which downloads; the
// Excel file is `;`-separated with decimal commas. On a 390 px phone no
// figure is split across two lines (a score and its unit, a threshold).

export default async function ({ page, url, check, site, pages }) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(url("/du-lieu/"));
  const licence = await page.locator("p.license").innerText();
  check(`${site}: the data page states a licence`, /Giấy phép sử dụng dữ liệu: .+/.test(licence), licence);
  const links = await page.$$eval("table.data-files a[download]", (as) => as.map((a) => a.getAttribute("href")));
  const excel = links.filter((l) => l.endsWith("-excel.csv"));
  const csv = links.filter((l) => l.endsWith(".csv") && !l.endsWith("-excel.csv"));
  check(`${site}: every table offers a CSV for Excel (${excel.length} tables)`, excel.length > 0 && excel.length === csv.length);
  const all = await page.$$eval("p.all-tables a[download]", (as) => as.map((a) => a.getAttribute("href")));
  check(`${site}: every table in one file, three forms`, all.length === 3, all.join(", "));
  for (const href of [...all, excel[0]]) {
    const response = await page.request.get(url(href));
    check(`${site}: ${href} downloads`, response.ok(), String(response.status()));
    if (href.endsWith("-excel.csv")) {
      const text = (await response.body()).toString("utf8");
      const header = text.split("\r\n")[0];
      check(`${site}: ${href} has a BOM and ; between cells`, text.startsWith("\ufeff") && header.split(";").length > 10, header.slice(0, 80));
      check(`${site}: ${href} writes decimal commas`, /;\d+,\d+;/.test(text));
    }
  }

  // No figure split across lines on a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  const ranking = pages.filter((p) => p.replace(/^\//, "").startsWith("xep-hang/")).slice(0, 6);
  let figures = 0;
  const split = [];
  for (const path of ranking) {
    await page.goto(url(path));
    const found = await page.$$eval("span.score, .average, p.source", (els) =>
      els
        .filter((el) => el.offsetParent !== null && /\d/.test(el.textContent) && !el.matches("p.source"))
        .map((el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          return [el.textContent.trim(), lines.size];
        }));
    figures += found.length;
    for (const [text, lines] of found) if (lines > 1) split.push(`${path}: ${text}`);
  }
  check(`${site}: no score or average splits across lines at 390 px (${figures} figures)`, figures > 0 && split.length === 0, split.slice(0, 10).join("; "));
}
