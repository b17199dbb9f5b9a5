// Visits every page of the built payload site (tests/fixtures/payloads) in
// Debian's Chromium (launched by harness.mjs), run by tests/tools/main.rs:
//   node tests/browser/payloads.mjs http://127.0.0.1:PORT/ PAGES.txt
// PAGES.txt lists the site paths, one a line. Every payload in the site, if
// it ran, would call alert() and set window.__pwned. The check fails on any
// dialog, on any write to window.__pwned, and on any script compiled from a
// source the theme did not ship (through the DevTools protocol, which sees
// inline scripts and event-handler attributes as they are compiled).
import { readFileSync } from "node:fs";
import { launch, reporter, siteUrl } from "./harness.mjs";

const [base, list] = process.argv.slice(2);
if (!base || !list) {
  console.error("usage: node tests/browser/payloads.mjs http://127.0.0.1:PORT/ PAGES.txt");
  process.exit(2);
}
const paths = readFileSync(list, "utf8").split("\n").filter(Boolean);
const url = siteUrl(base);
const shipped = new Set(["sort.js", "search.js"].map(url));

const { check, exit } = reporter("payload");
const { context, page, close } = await launch();

// Runs before any script of the page: a payload that set the flag is caught
// even if it never shows a dialog.
await context.addInitScript(() => {
  Object.defineProperty(window, "__pwned", {
    configurable: false,
    get() { return undefined; },
    set() { window.__chisoPwned = (window.__chisoPwned || 0) + 1; },
  });
});

// What ran, on any page, until the browser closed.
const ran = [];
page.on("dialog", (d) => {
  ran.push(`${page.url()}: a ${d.type()} dialog: ${d.message()}`);
  d.dismiss().catch(() => {});
});
const cdp = await context.newCDPSession(page);
const scripts = [];
cdp.on("Debugger.scriptParsed", (e) => scripts.push(e));
await cdp.send("Debugger.enable");

// The watchers themselves, so that the check cannot pass by seeing nothing:
// pages where the trap on window.__pwned was missing, and pages where the
// DevTools protocol reported a script the theme ships.
const untrapped = [];
let sawShipped = 0;
let visited = 0;
try {
  for (const path of paths) {
    const at = url(path);
    scripts.length = 0;
    await page.goto(at, { waitUntil: "load" });
    if (path.includes("?q=")) await page.waitForSelector("#search-results li");
    // Handlers such as onerror fire as the page loads; give late ones a moment.
    await page.waitForTimeout(50);
    const { flagged, trapped } = await page.evaluate(() => ({
      flagged: window.__chisoPwned || 0,
      trapped: typeof Object.getOwnPropertyDescriptor(window, "__pwned")?.set === "function",
    }));
    if (flagged) ran.push(`${at}: window.__pwned was set ${flagged} time(s)`);
    if (!trapped) untrapped.push(path);
    if (scripts.some((s) => shipped.has(s.url))) sawShipped += 1;
    for (const s of scripts) {
      // Scripts with no URL are the browser's and Playwright's own
      // (evaluate, the init script above); a page's scripts have one.
      if (s.url && !shipped.has(s.url)) {
        ran.push(`${at}: a script the theme did not ship ran from ${s.url} (line ${s.startLine + 1})`);
      }
    }
    visited += 1;
  }
} catch (e) {
  check("the visit ran to the end", false, e.stack || String(e));
} finally {
  await close();
}

console.log(`visited ${visited} of ${paths.length} pages`);
check("every page was visited", visited === paths.length && visited > 0, `${visited} of ${paths.length}`);
check("window.__pwned was trapped on every page", untrapped.length === 0, untrapped.join(", "));
check(`the DevTools protocol saw the theme's scripts (on ${sawShipped} pages)`, sawShipped > 0);
check("no dialog, no write to window.__pwned, no script the theme did not ship", ran.length === 0, ran.join("\n     "));
exit("no payload ran");
