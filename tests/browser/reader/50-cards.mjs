// Share cards: every page names an og:image (absolute, under the site's
// base_url) whose file the server sends as image/png and a browser decodes
// as a 1200 × 630 image; pages that share a card share its file.

/// The path of an absolute URL below the site's base, found from the
/// page's own og:url and path (`https://x.example/sub/a/` for `/a/`).
function below(absolute, pageUrl, path) {
  const base = pageUrl.endsWith(path) ? pageUrl.slice(0, pageUrl.length - path.length) : null;
  if (base === null || !absolute.startsWith(base + "/")) return null;
  return absolute.slice(base.length);
}

export default async function ({ page, url, check, pages }) {
  const cards = new Map(); // served path → the first page naming it
  const wrong = [];
  for (const path of pages) {
    await page.goto(url(path));
    const meta = await page.evaluate(() => {
      const get = (key) => document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.content;
      return {
        image: get("og:image"), url: get("og:url"), width: get("og:image:width"),
        height: get("og:image:height"), alt: get("og:image:alt"), twitter: get("twitter:card"),
      };
    });
    const served = meta.image && meta.url ? below(meta.image, meta.url, path) : null;
    if (!served || !/^\/anh-chia-se\/[0-9a-f]{32}\.png$/.test(served)
        || meta.width !== "1200" || meta.height !== "630" || !meta.alt
        || meta.twitter !== "summary_large_image") {
      wrong.push(`${path}: ${JSON.stringify(meta)}`);
      continue;
    }
    if (!cards.has(served)) cards.set(served, path);
  }
  check(`every page names an absolute og:image of 1200 × 630 with its alt text (${pages.length} pages)`,
    pages.length > 0 && wrong.length === 0, wrong.slice(0, 5).join("\n     "));
  check(`pages share cards: ${cards.size} cards for ${pages.length} pages`,
    cards.size > 1 && cards.size < pages.length);

  const bad = [];
  await page.goto(url("/"));
  for (const [served, from] of cards) {
    const response = await page.request.get(url(served));
    const type = response.headers()["content-type"];
    if (response.status() !== 200 || type !== "image/png") {
      bad.push(`${served} (from ${from}): HTTP ${response.status()} ${type}`);
      continue;
    }
    const size = await page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      try { await img.decode(); } catch { return null; }
      return [img.naturalWidth, img.naturalHeight];
    }, url(served));
    if (!size || size[0] !== 1200 || size[1] !== 630) {
      bad.push(`${served} (from ${from}): decoded as ${JSON.stringify(size)}`);
    }
  }
  check(`every card is served as image/png and decodes as 1200 × 630 (${cards.size} cards)`,
    cards.size > 0 && bad.length === 0, bad.slice(0, 5).join("\n     "));
}
