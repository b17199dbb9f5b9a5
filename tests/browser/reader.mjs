// The reader's checks, run by tests/tools/main.rs on each example site:
//   node tests/browser/reader.mjs http://127.0.0.1:PORT/ SITE PAGES.txt
// SITE names the site ("ha-tinh" or "national"); PAGES.txt lists every
// page's URL path, one per line. Launches Debian's Chromium once (through
// harness.mjs) and runs every module of tests/browser/reader/ in name order.
// A module exports
//   export default async function ({ page, context, url, check, site, pages, axe, problems }) {}
// and reports through `check(name, ok, detail)`. One line per check; exits
// non-zero if any failed.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { axe as axeOn, launch, noProblems, reporter, siteUrl, watchProblems } from "./harness.mjs";

const [base, site, list] = process.argv.slice(2);
if (!base || !site || !list) {
  console.error("usage: node tests/browser/reader.mjs http://127.0.0.1:PORT/ SITE PAGES.txt");
  process.exit(2);
}
const pages = readFileSync(list, "utf8").split("\n").filter(Boolean);
const only = process.env.CHISO_READER_ONLY; // run one module while working on it

const { check, exit } = reporter("reader", site);
const { context, page, close } = await launch({ viewport: { width: 1280, height: 800 }, profile: "chiso-reader-" });
// Console errors, exceptions, failed requests and HTTP errors of every page.
const problems = watchProblems(context);
const url = siteUrl(base);
/// axe-core's serious and critical violations on the page as it is.
const axe = (p = page) => axeOn(p);

const here = join(dirname(fileURLToPath(import.meta.url)), "reader");
const modules = readdirSync(here).filter((f) => f.endsWith(".mjs") && (!only || f.includes(only))).sort();
check(`pages to visit (${pages.length})`, pages.length > 0, list);
check(`modules to run (${modules.length})`, modules.length > 0, only ? `none matches CHISO_READER_ONLY=${only}` : here);
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
noProblems(check, problems);
await close();
exit(`all reader checks passed (${modules.length} modules)`);
