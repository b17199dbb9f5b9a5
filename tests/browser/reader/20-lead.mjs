// Pages that lead with the news: the home page and unit pages open with
// scorecards (one per index), and the first card's big figure is inside the
// first screen of a 390 × 844 phone; the cards' sparklines have a text
// alternative; the illustrative-data warning is next to the cards or tables
// it qualifies (never a page-wide banner above official headline figures);
// axe finds nothing serious on the cards in light and dark.

/// The unit page the site is known for: Hà Tĩnh on both example sites.
const UNIT = "don-vi/ha-tinh/";

export default async function ({ page, url, check, site, pages, axe }) {
  const unitPages = pages.filter((p) => /^\/?don-vi\/[^/]+\/$/.test(p));
  check("the site has unit pages", unitPages.length > 0, `${pages.length} pages`);
  const targets = ["/", UNIT];
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of targets) {
    await page.goto(url(path));
    const cards = await page.locator("article.scorecard").count();
    check(`${path} opens with scorecards`, cards > 0, `${cards} cards`);
    if (cards === 0) continue;
    const box = await page.locator("article.scorecard .scorecard-figure").first().boundingBox();
    const inside = box && box.y >= 0 && box.x >= 0 && box.y + box.height <= 844 && box.x + box.width <= 390;
    check(`${path}: the first scorecard figure is in the first 390 × 844 screen`, !!inside, JSON.stringify(box));
    // Every card's figures are before any other section of the page.
    const order = await page.evaluate(() => {
      const card = document.querySelector("article.scorecard");
      const table = document.querySelector("main table");
      return !table || !!(card.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    check(`${path}: the cards come before the tables`, order);
    // Sparklines: an image with its text alternative, drawn inside its box.
    const sparks = await page.$$eval("article.scorecard svg.sparkline", (svgs) =>
      svgs.map((s) => ({
        role: s.getAttribute("role"),
        label: s.getAttribute("aria-label") || "",
        title: s.querySelector("title")?.textContent || "",
        inside: [...s.querySelectorAll("polyline, circle")].every((el) => {
          const b = el.getBBox(), v = s.viewBox.baseVal;
          return b.x >= 0 && b.y >= 0 && b.x + b.width <= v.width && b.y + b.height <= v.height;
        }),
      })));
    check(`${path}: the cards have sparklines`, sparks.length > 0, `${sparks.length}`);
    const bad = sparks.filter((s) => s.role !== "img" || !/qua các năm: \d{4}/.test(s.label) || s.label !== s.title || !s.inside);
    check(`${path}: each sparkline is an image with every year in its text alternative, drawn inside it`,
      bad.length === 0, JSON.stringify(bad.slice(0, 2)));
    // The change is said in words beside its arrow.
    const changes = await page.$$eval("article.scorecard .scorecard-change", (ps) => ps.map((p) => p.textContent.trim()));
    const wordless = changes.filter((t) => !/(tăng|giảm|giữ nguyên)/.test(t) || !/^[▲▼=]/.test(t));
    check(`${path}: each change has an arrow and words`, changes.length > 0 && wordless.length === 0, JSON.stringify(changes));
  }

  // The Hà Tĩnh card of PAR Index: 15/63 in 2024, up three places, 89,72%.
  if (site === "ha-tinh") {
    await page.goto(url("/"));
    const par = (await page.locator('article.scorecard[data-index="par-index"]').first().textContent()).replace(/\s+/g, " ");
    check("home: the PAR Index card says 15/63, ▲ tăng 3 bậc, 89,72%, 2024",
      par.includes("15/63") && par.includes("▲ tăng 3 bậc") && par.includes("89,72%") && par.includes("2024"), par);
    // Official headline figures: no page-wide banner above the cards.
    const banner = await page.evaluate(() => {
      const note = document.querySelector("main .illustrative-note");
      const card = document.querySelector("article.scorecard");
      return !!note && !!(note.compareDocumentPosition(card) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    check("home: no illustrative-data banner above Hà Tĩnh's official cards", !banner);
  }

  // Where a page's headline figures are illustrative, its warning follows
  // the cards; elsewhere it sits under the table with the marked scores.
  let warned = 0;
  for (const path of unitPages) {
    await page.goto(url(path));
    const marks = await page.locator("main .illustrative-mark").count();
    if (marks === 0) continue;
    warned++;
    const near = await page.evaluate(() => {
      const notes = [...document.querySelectorAll("main .illustrative-note")];
      const marked = [...document.querySelectorAll("main .illustrative-mark")];
      const after = (a, b) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
      // Marked cards: the warning follows the cards (the page's headline).
      // Otherwise a warning follows every marked figure, none above the
      // official cards.
      const cardsMarked = !!document.querySelector("article.scorecard .illustrative-mark");
      const card = document.querySelector("article.scorecard");
      if (cardsMarked) return notes.some((n) => n.closest("section.headlines"));
      return marked.every((m) => notes.some((n) => after(m, n)))
        && (!card || notes.every((n) => after(card, n)));
    });
    check(`${path}: a warning follows every illustrative figure, none above official cards`, near);
  }
  check("some unit pages show illustrative figures", warned > 0, `${warned}`);

  // The illustrative mark is not drawn in the colour that means "down".
  await page.goto(url(site === "ha-tinh" ? "xep-hang/2023/ubnd-cap-huyen/" : "/"));
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    const colours = await page.evaluate(() => {
      const mark = document.querySelector("main .illustrative-mark");
      const probe = document.createElement("span");
      probe.style.color = "var(--down)";
      document.body.append(probe);
      const down = getComputedStyle(probe).color;
      probe.remove();
      return { mark: mark && getComputedStyle(mark).color, down };
    });
    check(`the illustrative mark is not in the colour of a fall (${scheme})`,
      !!colours.mark && colours.mark !== colours.down, JSON.stringify(colours));
  }

  // axe on the pages that open with cards, light and dark, phone and desktop.
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 844 });
      for (const path of targets) {
        await page.goto(url(path));
        const found = await axe();
        check(`axe: nothing serious on ${path} with its cards (${scheme}, ${width} px)`, found.length === 0, found.join("\n     "));
      }
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
}
