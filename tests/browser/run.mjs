// Browser checks of the built example site, run by tests/tools/main.rs:
//   node tests/browser/run.mjs http://127.0.0.1:PORT/
// Drives Debian's Chromium (launched by harness.mjs) on a 360 px wide
// viewport: sorting a ranking table by clicking its headers, the offline
// search, no console errors, and axe-core with no serious or critical
// violations (light and dark colour schemes).
// Prints one line per check and exits non-zero if any failed.
import { axe, launch, noProblems, reporter, siteUrl, watchProblems } from "./harness.mjs";

const base = process.argv[2];
if (!base) {
  console.error("usage: node tests/browser/run.mjs http://127.0.0.1:PORT/");
  process.exit(2);
}
const { check, exit } = reporter("browser");
const { context, page, close } = await launch({ viewport: { width: 360, height: 740 } });
// Every page opened records its console errors, uncaught exceptions and
// failed requests.
const problems = watchProblems(context);
const url = siteUrl(base);

async function columnTexts(selector, column) {
  return page.$$eval(`${selector} tbody tr`, (rows, c) => rows.map((r) => r.cells[c].textContent.trim()), column);
}
const number = (text) => Number(text.replace(/[^\d,]/g, "").replace(",", "."));

try {
  // 1. Sorting a ranking table.
  await page.goto(url("xep-hang/2023/so-ban-nganh/"));
  const table = "table.ranking.sortable";
  await page.waitForSelector(`${table}.is-sortable`);
  const headers = await page.$$eval(`${table} thead th`, (ths) => ths.map((th) => th.textContent.trim()));
  const unitColumn = headers.findIndex((h) => h.startsWith("Đơn vị"));
  const valueColumn = headers.findIndex((h) => h.startsWith("Chỉ số CCHC"));
  const rankBefore = await columnTexts(table, 0);
  // A rank computed from illustrative scores ends in its mark (4*).
  const rankNumber = (r) => Number(r.replace(/[*‡]+$/, ""));
  check("the table starts ordered by rank", rankBefore.every((r, i) => i === 0 || rankNumber(r) >= rankNumber(rankBefore[i - 1])), rankBefore.join(" "));

  await page.click(`${table} thead th:nth-child(${unitColumn + 1}) button`);
  const names = await columnTexts(table, unitColumn);
  const collator = new Intl.Collator("vi");
  const expected = [...names].sort(collator.compare);
  check("clicking “Đơn vị” sorts names in Vietnamese order", JSON.stringify(names) === JSON.stringify(expected),
    `${names.join(" | ")}`);
  const aria = await page.$eval(`${table} thead th:nth-child(${unitColumn + 1})`, (th) => th.getAttribute("aria-sort"));
  check("the sorted header says aria-sort=ascending", aria === "ascending", String(aria));
  const others = await page.$$eval(`${table} thead th[aria-sort]`, (ths) => ths.length);
  check("only one header has aria-sort", others === 1, String(others));

  await page.click(`${table} thead th:nth-child(${valueColumn + 1}) button`);
  let values = (await columnTexts(table, valueColumn)).map(number);
  check("clicking the score sorts highest first", values.every((v, i) => i === 0 || v <= values[i - 1]), values.join(" "));
  await page.click(`${table} thead th:nth-child(${valueColumn + 1}) button`);
  values = (await columnTexts(table, valueColumn)).map(number);
  check("clicking it again sorts lowest first", values.every((v, i) => i === 0 || v >= values[i - 1]), values.join(" "));
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  check("the page is not wider than a 360 px screen (tables scroll inside)", width <= 360, `${width}px`);

  // 2. Search, typed without diacritics.
  await page.goto(url("tim-kiem/"));
  await page.fill("#search-query", "so khoa hoc");
  await page.press("#search-query", "Enter");
  await page.waitForSelector("#search-results li");
  const results = await page.$$eval("#search-results li a", (as) => as.map((a) => a.textContent));
  check("“so khoa hoc” finds Sở Khoa học và Công nghệ", results.includes("Sở Khoa học và Công nghệ"), results.join(" | "));
  const boxes = await page.$$eval("input[type=search]", (inputs) => inputs.length);
  check("the search page has one search box", boxes === 1, `${boxes} boxes`);
  await page.goto(url("?"));
  await page.fill("#site-search-q", "ha tinh");
  await Promise.all([page.waitForURL(/tim-kiem/), page.press("#site-search-q", "Enter")]);
  await page.waitForSelector("#search-results li");
  const fromHeader = await page.$$eval("#search-results li a", (as) => as.map((a) => a.textContent));
  check("the header form searches “ha tinh” and finds Hà Tĩnh", fromHeader.includes("Hà Tĩnh"), fromHeader.join(" | "));

  // Questions readers ask: an index and a year, a unit and a year, an
  // abbreviation, a word deep in an article's text.
  async function searchFor(query) {
    await page.goto(url("tim-kiem/?q=" + encodeURIComponent(query)));
    await page.waitForSelector("#search-results li");
    return page.$$eval("#search-results li", (lis) => lis.map((li) => ({
      title: li.querySelector("a").textContent,
      href: li.querySelector("a").getAttribute("href"),
      text: (li.querySelector("p") || { textContent: "" }).textContent,
    })));
  }
  let asked = await searchFor("PAR Index 2023");
  check("“PAR Index 2023” finds the 2023 table first", asked[0].title.startsWith("PAR Index 2023") && asked[0].href.includes("2023"), JSON.stringify(asked[0]));
  asked = await searchFor("Hà Tĩnh 2022");
  check("“Hà Tĩnh 2022” finds the unit's 2022 line", asked[0].title === "Hà Tĩnh năm 2022" && asked[0].href.endsWith("/don-vi/ha-tinh/#nam-2022") && asked[0].text.includes("85,95%") && asked[0].text.includes("28/63"), JSON.stringify(asked[0]));
  asked = await searchFor("khcn");
  check("“khcn” finds Sở Khoa học và Công nghệ", asked.some((r) => r.title === "Sở Khoa học và Công nghệ"), asked.map((r) => r.title).join(" | "));
  asked = await searchFor("ubnd can loc");
  check("“ubnd can loc” finds UBND huyện Can Lộc", asked.some((r) => r.title.includes("Can Lộc")), asked.map((r) => r.title).join(" | "));
  await page.goto(url("tim-kiem/?q=" + encodeURIComponent("trái chiều")));
  await page.waitForFunction(() => document.querySelectorAll("#search-results li").length > 0, null, { timeout: 5000 }).catch(() => {});
  const deep = await page.$$eval("#search-results li a", (as) => as.map((a) => a.textContent));
  check("a word deep in an article's text finds the article", deep.some((t) => t.startsWith("PAR Index 2024")), deep.join(" | "));

  // 3. No page scrolls sideways on a 390 px phone or at 1280 px × 200 %
  // zoom (a 640 CSS px viewport): wide tables scroll inside their own box.
  const everyKind = ["", "xep-hang/2023/so-ban-nganh/", "don-vi/so-khoa-hoc-va-cong-nghe/",
    "tin-tuc/chi-so-cchc-nam-2023/", "tin-tuc/", "tim-kiem/?q=ha+tinh", "chi-so/par-index/",
    "du-lieu/", "nam/2023/", "the/"];
  for (const [width, scale] of [[390, 1], [640, 2]]) {
    await page.setViewportSize({ width, height: 844 });
    for (const path of everyKind) {
      await page.goto(url(path));
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      check(`/${path} does not scroll sideways at ${width * scale} px × ${scale * 100} %`, wide <= width, `${wide}px`);
    }
  }
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(url(""));
  const skip = await page.$eval(".skip-link", (a) => a.textContent.trim());
  check("the skip link reads “Chuyển đến nội dung chính”", skip === "Chuyển đến nội dung chính", skip);

  // 4. axe-core on the main kinds of page, light and dark.
  const pages = ["", "xep-hang/2023/so-ban-nganh/", "don-vi/so-khoa-hoc-va-cong-nghe/",
    "tin-tuc/chi-so-cchc-nam-2023/", "tim-kiem/?q=ha+tinh", "chi-so/par-index/", "du-lieu/"];
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of pages) {
      await page.goto(url(path));
      if (path.startsWith("tim-kiem")) await page.waitForSelector("#search-results li");
      const found = await axe(page);
      check(`axe: no serious or critical violations on /${path} (${scheme})`, found.length === 0, found.join("\n     "));
    }
  }
  await page.emulateMedia({ colorScheme: "light" });

  // 5. Nothing went wrong along the way.
  noProblems(check, problems);
} catch (e) {
  check("the browser checks ran to the end", false, e.stack || String(e));
} finally {
  await close();
}
exit();
