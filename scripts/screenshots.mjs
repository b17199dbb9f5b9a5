// Screenshots of the example site for the README: the home page, a ranking
// page and a unit page, each on a desktop (1280 × 900) and a phone
// (390 × 844) screen, as a reader first sees them (no scrolling).
//   node scripts/screenshots.mjs http://127.0.0.1:PORT/ docs/screenshots
// Run by scripts/screenshots.sh, which builds and serves the site. Drives
// Debian's Chromium through playwright-core, like the browser tests.
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [base, out] = process.argv.slice(2);
if (!base || !out) {
  console.error("usage: node scripts/screenshots.mjs http://127.0.0.1:PORT/ OUTDIR");
  process.exit(2);
}
const pages = {
  "trang-chu": "",
  "xep-hang": "xep-hang/2023/so-ban-nganh/",
  "don-vi": "don-vi/ha-tinh/",
};
const screens = {
  "may-tinh": { width: 1280, height: 900 },
  "dien-thoai": { width: 390, height: 844 },
};
const profile = mkdtempSync(join(tmpdir(), "chiso-shots-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHISO_CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars"],
  locale: "vi-VN",
  colorScheme: "light",
});
const page = context.pages()[0] ?? (await context.newPage());
for (const [screen, viewport] of Object.entries(screens)) {
  await page.setViewportSize(viewport);
  for (const [name, path] of Object.entries(pages)) {
    await page.goto(new URL(path, base).href, { waitUntil: "networkidle" });
    const file = join(out, `${name}-${screen}.png`);
    await page.screenshot({ path: file });
    console.log(file);
  }
}
await context.close();
rmSync(profile, { recursive: true, force: true });
