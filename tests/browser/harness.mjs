// The Chromium harness shared by the browser checks (run.mjs, reader.mjs,
// payloads.mjs): launches Debian's Chromium the one way they all use
// (playwright-core, never a downloaded browser), watches every page for
// problems (console errors, exceptions, failed requests, HTTP errors), runs
// axe-core, and prints checks one line each. It owns no check of a site:
// the scripts that import it decide what to assert.
import { chromium } from "playwright-core";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

/// Chromium headless on a fresh profile (a temporary folder `close` removes),
/// in Vietnamese, with a 15 s default timeout. `viewport` is optional
/// (Playwright's default when left out). Returns the context, its first page
/// and `close`.
export async function launch({ viewport, profile: prefix = "chiso-chromium-" } = {}) {
  const profile = mkdtempSync(join(tmpdir(), prefix));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHISO_CHROMIUM || "/usr/bin/chromium",
      headless: true,
      args: [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
      ],
      ...(viewport ? { viewport } : {}),
      locale: "vi-VN",
    });
  } catch (e) {
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }
  context.setDefaultTimeout(15000);
  const page = context.pages()[0] ?? (await context.newPage());
  async function close() {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  return { context, page, close };
}

/// `path` (with or without a leading slash) as a full URL under `base`.
export function siteUrl(base) {
  return (path) => new URL(path.replace(/^\//, ""), base).href;
}

/// One line per check ("ok  " or "FAIL", then the detail of a failure),
/// labelled `[label]` when a label is given. `exit` prints the summary and
/// ends the process, non-zero if any check failed.
export function reporter(kind, label = "") {
  const failures = [];
  function check(name, ok, detail = "") {
    const line = label ? `[${label}] ${name}` : name;
    console.log(`${ok ? "ok  " : "FAIL"} ${line}${ok || !detail ? "" : `\n     ${detail}`}`);
    if (!ok) failures.push(line);
  }
  function exit(passed = `all ${kind} checks passed`) {
    console.log(failures.length ? `${failures.length} ${kind} check(s) failed` : passed);
    process.exit(failures.length ? 1 : 0);
  }
  return { check, failures, exit };
}

// /favicon.ico is requested by the browser itself, not by any page; a site
// without one is not at fault.
const browserOwn = (u) => new URL(u).pathname === "/favicon.ico";

/// Records, for every page of `context` (open now or later), its console
/// errors, uncaught exceptions, failed requests and HTTP errors. Returns the
/// list, which grows as pages run; `noProblems` checks it is empty.
export function watchProblems(context) {
  const problems = [];
  function watch(page) {
    page.on("console", (m) => {
      if (m.type() === "error" && !browserOwn(m.location().url || page.url() + "x")) {
        problems.push(`${page.url()}: console: ${m.text()} (${m.location().url})`);
      }
    });
    page.on("pageerror", (e) => problems.push(`${page.url()}: exception: ${e.message}`));
    // A request cut short because the test moved on to another page
    // (ERR_ABORTED: the search's second file, fetched after the first) is
    // the test's doing, not the site's.
    page.on("requestfailed", (r) => {
      const error = r.failure()?.errorText;
      if (!browserOwn(r.url()) && error !== "net::ERR_ABORTED") problems.push(`${r.url()}: request failed: ${error}`);
    });
    page.on("response", (r) => {
      if (r.status() >= 400 && !browserOwn(r.url())) problems.push(`${r.url()}: HTTP ${r.status()}`);
    });
  }
  context.on("page", watch);
  for (const page of context.pages()) watch(page);
  return problems;
}

/// The check that nothing went wrong along the way (the first 20 problems
/// as its detail).
export function noProblems(check, problems) {
  const more = problems.length > 20 ? `\n     … ${problems.length} in all` : "";
  check("no console errors, exceptions or failed requests", problems.length === 0,
    problems.slice(0, 20).join("\n     ") + more);
}

// Read on first use: the payload check runs without axe-core installed.
let axeSource;

/// axe-core's serious and critical violations on `page` as it is now
/// (WCAG 2.0/2.1 A and AA, and best practice), the first three nodes of each.
export async function axe(page) {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
    return r.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
  });
}
