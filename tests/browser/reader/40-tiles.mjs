// Tile-grid maps (data/tiles.*): on the national site, the home page and
// every index page show one map whose squares are visible links to the
// province pages, with accessible names; the map lies inside the viewport at
// 390 px (it scales down), its square labels keep their contrast (axe), in
// light and dark. The Hà Tĩnh site has no layout and shows no map.

export default async function ({ page, url, check, site, pages, axe }) {
  const mapped = pages.filter((p) => p === "/" || /^\/chi-so\/[^/]+\/$/.test(p));
  check(`tiles: the home page and the index pages are found (${mapped.length})`, mapped.length > 1);
  if (site !== "national") {
    const drawn = [];
    for (const path of mapped) {
      await page.goto(url(path));
      if ((await page.locator(".tile-map").count()) > 0) drawn.push(path);
    }
    check("tiles: a site without layouts shows no map", drawn.length === 0, drawn.join(", "));
    return;
  }
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 844 });
    for (const path of mapped) {
      await page.goto(url(path));
      const maps = page.locator("figure.tile-map");
      check(`tiles: one map on ${path} (${width} px)`, (await maps.count()) === 1);
      if ((await maps.count()) !== 1) continue;
      await maps.first().scrollIntoViewIfNeeded();
      const found = await page.evaluate(() => {
        const map = document.querySelector("figure.tile-map");
        const grid = map.querySelector(".tile-grid").getBoundingClientRect();
        const squares = [...map.querySelectorAll("li.tile")];
        const problems = [];
        for (const li of squares) {
          const a = li.querySelector("a[href]");
          const r = li.getBoundingClientRect();
          if (!a) { problems.push(`${li.dataset.unit}: no link`); continue; }
          if (!a.getAttribute("href").startsWith("/don-vi/")) problems.push(`${li.dataset.unit}: ${a.getAttribute("href")}`);
          if (!(a.querySelector(".visually-hidden")?.textContent || "").includes(":")) problems.push(`${li.dataset.unit}: no name in words`);
          if (r.width < 16 || r.height < 16 || Math.abs(r.width - r.height) > 1.5) problems.push(`${li.dataset.unit}: ${r.width}×${r.height}`);
          if (r.left < 0 || r.right > window.innerWidth) problems.push(`${li.dataset.unit}: outside the viewport (${r.left}–${r.right})`);
          const shown = a.querySelector("[aria-hidden=true]");
          const t = shown ? shown.getBoundingClientRect() : { width: Infinity };
          if (t.width > a.getBoundingClientRect().width + 0.5) problems.push(`${li.dataset.unit}: label wider than its square`);
          if (getComputedStyle(a).visibility === "hidden") problems.push(`${li.dataset.unit}: hidden`);
        }
        // No two squares overlap.
        const boxes = squares.map((li) => li.getBoundingClientRect());
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i], b = boxes[j];
            if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) {
              problems.push(`${squares[i].dataset.unit} overlaps ${squares[j].dataset.unit}`);
            }
          }
        }
        const legend = map.querySelectorAll(".tile-legend li").length;
        return { count: squares.length, problems, legend, right: grid.right, left: grid.left };
      });
      check(`tiles: 63 squares on ${path} (${width} px)`, found.count === 63, `${found.count}`);
      check(`tiles: every square a visible, square link inside the viewport on ${path} (${width} px)`,
        found.problems.length === 0, found.problems.slice(0, 10).join("\n     "));
      check(`tiles: the grid lies inside the viewport on ${path} (${width} px)`,
        found.left >= 0 && found.right <= width, `${found.left}–${found.right}`);
      check(`tiles: a legend on ${path}`, found.legend > 0);
    }
  }
  // A square leads to its province's page.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(url("/chi-so/par-index/"));
  const square = page.locator("figure.tile-map li[data-unit='ha-tinh'] a");
  const name = (await square.locator(".visually-hidden").textContent())?.trim();
  // The accessible name is the name in words alone (the abbreviation is
  // hidden from assistive technology).
  const named = await page.locator("figure.tile-map").getByRole("link", { name: name ?? "\u0000", exact: true }).count();
  check("tiles: a square's accessible name is its name in words", named === 1, `${named} links named ${name}`);
  check("tiles: Hà Tĩnh's square is named with its figures", /^Hà Tĩnh: .+%, thứ \d+\/63, Nhóm [A-C]$/.test(name ?? ""), name);
  await square.click();
  await page.waitForURL(/\/don-vi\/ha-tinh\/$/);
  check("tiles: a square leads to its province's page", new URL(page.url()).pathname === "/don-vi/ha-tinh/", page.url());
  // Contrast of the labels, and the rest, with axe on the map alone.
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 844 });
      for (const path of mapped) {
        await page.goto(url(path));
        const found = await axe();
        check(`tiles: axe finds nothing serious on ${path} (${scheme}, ${width} px)`, found.length === 0, found.join("\n     "));
      }
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
}
