// The reader's checks, run by tests/tools/main.rs on each example site:
//   node tests/browser/reader.mjs http://127.0.0.1:PORT/ SITE PAGES.txt
// SITE names the site ("ha-tinh" or "national"); PAGES.txt lists every
// page's URL path, one per line. Launches Debian's Chromium once (through
// playwright-core, never a downloaded browser) and runs every module of
// tests/browser/reader/ in name order. A module exports
//   export default async function ({ page, context, url, check, site, pages, axe, problems }) {}
// and reports through `check(name, ok, detail)`. One line per check; exits
// non-zero if any failed.
import { chromium } from "playwright-core";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const [base, site, list] = process.argv.slice(2);
if (!base || !site || !list) {
  console.error("usage: node tests/browser/reader.mjs http://127.0.0.1:PORT/ SITE PAGES.txt");
  process.exit(2);
}
const pages = readFileSync(list, "utf8").split("\n").filter(Boolean);
const executablePath = process.env.CHISO_CHROMIUM || "/usr/bin/chromium";
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const only = process.env.CHISO_READER_ONLY; // run one module while working on it

const failures = [];
function check(name, ok, detail = "") {
  const label = `[${site}] ${name}`;
  console.log(`${ok ? "ok  " : "FAIL"} ${label}${ok || !detail ? "" : `\n     ${detail}`}`);
  if (!ok) failures.push(label);
}

const profile = mkdtempSync(join(tmpdir(), "chiso-reader-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
  viewport: { width: 1280, height: 800 },
  locale: "vi-VN",
});
context.setDefaultTimeout(15000);

// Console errors, exceptions, failed requests and HTTP errors of every page.
const problems = [];
const browserOwn = (u) => new URL(u).pathname === "/favicon.ico";
function watch(page) {
  page.on("console", (m) => {
    if (m.type() === "error" && !browserOwn(m.location().url || page.url() + "x")) {
      problems.push(`${page.url()}: console: ${m.text()} (${m.location().url})`);
    }
  });
  page.on("pageerror", (e) => problems.push(`${page.url()}: exception: ${e.message}`));
  page.on("requestfailed", (r) => {
    const error = r.failure()?.errorText;
    if (!browserOwn(r.url()) && error !== "net::ERR_ABORTED") problems.push(`${r.url()}: request failed: ${error}`);
  });
  page.on("response", (r) => { if (r.status() >= 400 && !browserOwn(r.url())) problems.push(`${r.url()}: HTTP ${r.status()}`); });
}
context.on("page", watch);
const page = context.pages()[0] ?? (await context.newPage());
if (context.pages()[0] === page) watch(page);
const url = (path) => new URL(path.replace(/^\//, ""), base).href;

/// axe-core's serious and critical violations on the page as it is.
async function axe(p = page) {
  await p.addScriptTag({ content: axeSource });
  return p.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
    return r.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
  });
}

const here = join(dirname(fileURLToPath(import.meta.url)), "reader");
const modules = readdirSync(here).filter((f) => f.endsWith(".mjs") && (!only || f.includes(only))).sort();
for (const file of modules) {
  try {
    const run = (await import(pathToFileURL(join(here, file)).href)).default;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme: "light", media: "screen" });
    await run({ page, context, url, check, site, pages, axe, problems });
  } catch (e) {
    check(`${file} ran to the end`, false, e.stack || String(e));
  }
}
check("no console errors, exceptions or failed requests", problems.length === 0, problems.slice(0, 20).join("\n     "));
await context.close();
rmSync(profile, { recursive: true, force: true });
console.log(failures.length ? `${failures.length} reader check(s) failed` : `all reader checks passed (${modules.length} modules)`);
process.exit(failures.length ? 1 : 0);
