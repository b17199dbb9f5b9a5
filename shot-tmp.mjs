import { chromium } from "playwright-core";
const [root, out, ...paths] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu"] });
const p = await b.newPage({ viewport: { width: 1280, height: 900 } });
let n = 0;
for (const path of paths) {
  await p.goto(root + path);
  const svgs = await p.$$("svg.chart");
  for (const s of svgs) { await s.screenshot({ path: `${out}/${n++}.png` }); }
  console.log(path, svgs.length);
}
await b.close();
