// Time spent per rule (keyword prefilter plus regex) over real source text, to find slow rules.
// Run with `pnpm --filter @bulwark/secrets bench:rules`.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { KeywordMatcher } from "../src/aho-corasick.js";
import { builtinRules } from "../src/rules/index.js";
import { SecretScanner } from "../src/scanner.js";

const REPO = process.env["BULWARK_REPO"] ?? "/work/main";
const LIMIT = Number(process.env["BENCH_MB"] ?? 20) * 1024 * 1024;

async function collect(dir: string, out: string[], budget: { left: number }): Promise<void> {
  if (budget.left <= 0) return;
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory() && e.name !== ".git") await collect(p, out, budget);
    else if (e.isFile() && /\.(?:[cm]?js|ts)$/.test(e.name) && !e.name.includes(".min.")) {
      const text = await readFile(p, "utf8");
      if (text.length > 1_000_000) continue;
      out.push(text);
      budget.left -= text.length;
    }
    if (budget.left <= 0) return;
  }
}

const texts: string[] = [];
await collect(REPO, texts, { left: LIMIT });
const mb = texts.reduce((n, t) => n + t.length, 0) / 1048576;
console.log(`${texts.length} files, ${mb.toFixed(1)} MiB`);

let t = performance.now();
const lowered = texts.map((x) => x.toLowerCase());
console.log(`toLowerCase: ${(mb / ((performance.now() - t) / 1000)).toFixed(0)} MiB/s`);
const matcher = new KeywordMatcher([...new Set(builtinRules.flatMap((r) => r.keywords))]);
t = performance.now();
for (const x of texts) matcher.find(x);
console.log(`keyword prefilter: ${(mb / ((performance.now() - t) / 1000)).toFixed(0)} MiB/s`);
void lowered;

const rows: [string, number, number][] = [];
for (const rule of builtinRules) {
  const scanner = new SecretScanner({ rules: [rule] });
  const start = performance.now();
  let found = 0;
  for (const text of texts) found += scanner.scanUnchecked({ path: "x.ts", text }).findings.length;
  rows.push([rule.id, performance.now() - start, found]);
}
rows.sort((a, b) => b[1] - a[1]);
for (const [id, ms, found] of rows.slice(0, 25))
  console.log(`${ms.toFixed(0).padStart(6)} ms  ${id} (${found})`);
const all = new SecretScanner();
t = performance.now();
for (const text of texts) all.scanUnchecked({ path: "x.ts", text });
const s = (performance.now() - t) / 1000;
console.log(`all rules: ${(mb / s).toFixed(1)} MiB/s`);
