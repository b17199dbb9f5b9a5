// Visits every page of the built payload site (tests/fixtures/payloads) in
// Debian's Chromium, run by tests/browser.rs:
//   node tests/browser/payloads.mjs http://127.0.0.1:PORT/ PAGES.txt
// PAGES.txt lists the site paths, one a line. Every payload in the site, if
// it ran, would call alert() and set window.__pwned. The check fails on any
// dialog, on any write to window.__pwned, and on any script compiled from a
// source the theme did not ship (through the DevTools protocol, which sees
// inline scripts and event-handler attributes as they are compiled).
import { chromium } from "playwright-core";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [base, list] = process.argv.slice(2);
if (!base || !list) {
  console.error("usage: node tests/browser/payloads.mjs http://127.0.0.1:PORT/ PAGES.txt");
  process.exit(2);
}
const paths = readFileSync(list, "utf8").split("\n").filter(Boolean);
const executablePath = process.env.CHISO_CHROMIUM || "/usr/bin/chromium";
const shipped = new Set(["sort.js", "search.js"].map((f) => new URL(f, base).href));

const profile = mkdtempSync(join(tmpdir(), "chiso-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
  locale: "vi-VN",
});
context.setDefaultTimeout(15000);

const ran = [];
// Runs before any script of the page: a payload that set the flag is caught
// even if it never shows a dialog.
await context.addInitScript(() => {
  Object.defineProperty(window, "__pwned", {
    configurable: false,
    get() { return undefined; },
    set() { window.__chisoPwned = (window.__chisoPwned || 0) + 1; },
  });
});

const page = context.pages()[0] ?? (await context.newPage());
page.on("dialog", (d) => {
  ran.push(`${page.url()}: a ${d.type()} dialog: ${d.message()}`);
  d.dismiss().catch(() => {});
});
const cdp = await context.newCDPSession(page);
const scripts = [];
cdp.on("Debugger.scriptParsed", (e) => scripts.push(e));
await cdp.send("Debugger.enable");

let visited = 0;
try {
  for (const path of paths) {
    const url = new URL(path, base).href;
    scripts.length = 0;
    await page.goto(url, { waitUntil: "load" });
    if (path.includes("?q=")) await page.waitForSelector("#search-results li");
    // Handlers such as onerror fire as the page loads; give late ones a moment.
    await page.waitForTimeout(50);
    const flagged = await page.evaluate(() => window.__chisoPwned || 0);
    if (flagged) ran.push(`${url}: window.__pwned was set ${flagged} time(s)`);
    for (const s of scripts) {
      // Scripts with no URL are the browser's and Playwright's own
      // (evaluate, the init script above); a page's scripts have one.
      if (s.url && !shipped.has(s.url)) {
        ran.push(`${url}: a script the theme did not ship ran from ${s.url} (line ${s.startLine + 1})`);
      }
    }
    visited += 1;
  }
} catch (e) {
  ran.push(`the visit stopped: ${e.stack || e}`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

for (const r of ran) console.log(`FAIL ${r}`);
console.log(`visited ${visited} of ${paths.length} pages`);
if (ran.length === 0 && visited === paths.length && visited > 0) {
  console.log("no payload ran");
  process.exit(0);
}
process.exit(1);
