// Layout and accessibility on every kind of page: no page scrolls sideways
// on a 390 px phone or at 1280 px × 200 % zoom (a 640 CSS px viewport), and
// axe-core finds nothing serious at 1280 px and 390 px, light and dark.

/// One page of each kind: the first path segment and the depth.
export function kinds(pages) {
  const seen = new Map();
  for (const path of pages) {
    const parts = path.split("/").filter(Boolean);
    const key = `${parts[0] ?? ""}/${parts.length}`;
    if (!seen.has(key)) seen.set(key, path);
  }
  return [...seen.values()];
}

export default async function ({ page, url, check, pages, axe }) {
  for (const [width, zoom] of [[390, 1], [640, 2]]) {
    await page.setViewportSize({ width, height: 844 });
    const wide = [];
    for (const path of pages) {
      await page.goto(url(path));
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scroll > width) wide.push(`${path} (${scroll}px)`);
    }
    check(`no page scrolls sideways at ${width * zoom} px × ${zoom * 100} % (${pages.length} pages)`,
      wide.length === 0, wide.slice(0, 15).join(", "));
  }
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 844 });
      for (const path of kinds(pages)) {
        await page.goto(url(path));
        const found = await axe();
        check(`axe: nothing serious on ${path} (${scheme}, ${width} px)`, found.length === 0, found.join("\n     "));
      }
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
}
