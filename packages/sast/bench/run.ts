// Wall time of a full scan against the analysers' own times run alone, on real published source.
//   pnpm --filter @bulwark/sast bench            (downloads the source into a temp dir)
//   BULWARK_SAST_BENCH_SRC=/some/tree pnpm ... bench   (an existing tree instead)
// For each analyser: its own time (the tool itself, same arguments and file batches as the adapter, no
// Bulwark around it), then the scan with only that analyser (the wrapper's overhead), then the full scan
// (all analysers in parallel, default and unbounded concurrency).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { CPPCHECK_ARGS } from "../src/analysers/cppcheck.js";
import { eslintScript, securityConfigSource } from "../src/analysers/eslint.js";
import { ANALYSERS } from "../src/analysers/index.js";
import { fileBatches, scanSast } from "../src/scan-sast.js";
import { detectSources, type Language } from "../src/languages.js";
import { downloadSourceTree } from "./source-tree.js";

const BATCH = 400;
const work = mkdtempSync(join(tmpdir(), "bulwark-sast-bench-"));
const root = process.env.BULWARK_SAST_BENCH_SRC ?? downloadSourceTree(work);
const eslintConfig = join(work, "eslint.config.mjs");
writeFileSync(eslintConfig, securityConfigSource());

/** The command line each adapter runs, for one batch. */
function nativeCommand(tool: string, exe: string, files: string[]): [string, string[]] {
  switch (tool) {
    case "bandit":
      return [exe, ["-f", "json", "-q", "--", ...files]];
    case "eslint":
      return [
        process.execPath,
        [eslintScript()!, "--config", eslintConfig, "--format", "json", "--no-warn-ignored", "--", ...files],
      ];
    case "shellcheck":
      return [exe, ["-f", "json1", "--", ...files]];
    case "cppcheck":
      return [exe, [...CPPCHECK_ARGS, `--output-file=${join(work, "cppcheck.xml")}`, ...files]];
    case "flawfinder":
      return [exe, ["--sarif", ...files]];
    default:
      throw new Error(`no native command for ${tool}`);
  }
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(2);
}

async function timed<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
}

const detected = await detectSources(root);
const counts = [...detected.files].map(([l, f]) => `${l} ${f.length}`).join(", ");
console.log(`source: ${root}\nfiles: ${counts}\ncpus: ${availableParallelism()}\n`);

const rows: { tool: string; files: number; own: number; wrapped: number; findings: number }[] = [];
for (const analyser of ANALYSERS) {
  const langs = analyser.languages === "any" ? [] : analyser.languages;
  const files = langs.flatMap((l: Language) => detected.files.get(l) ?? []).sort();
  const exe = analyser.locate(process.env);
  if (files.length === 0 || !exe || analyser.takesFiles === false) continue;
  const [own] = await timed(() => {
    for (const batch of fileBatches(files, BATCH)) {
      const [command, args] = nativeCommand(analyser.name, exe, batch);
      const r = spawnSync(command, args, { cwd: root, maxBuffer: 1 << 30 });
      if (r.error) throw r.error;
    }
  });
  const [wrapped, result] = await timed(() => scanSast({ root, tools: [analyser.name], batchSize: BATCH }));
  rows.push({ tool: analyser.name, files: files.length, own, wrapped, findings: result.findings.length });
  console.log(`${analyser.name}: own ${seconds(own)} s, through scanSast ${seconds(wrapped)} s`);
}

const [parallel, full] = await timed(() => scanSast({ root, batchSize: BATCH }));
const [unbounded] = await timed(() => scanSast({ root, batchSize: BATCH, concurrency: rows.length }));
const sum = rows.reduce((s, r) => s + r.own, 0);
const slowest = rows.reduce((a, b) => (b.own > a.own ? b : a));
const overhead = slowest.wrapped - slowest.own;

console.log("\n| Analyser | Files | Findings | Own time (s) | Through scanSast alone (s) | Overhead (s) |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
for (const r of rows) {
  console.log(
    `| ${r.tool} | ${r.files} | ${r.findings} | ${seconds(r.own)} | ${seconds(r.wrapped)} | ${seconds(r.wrapped - r.own)} |`,
  );
}
console.log(`\nsum of own times: ${seconds(sum)} s; slowest (${slowest.tool}): ${seconds(slowest.own)} s`);
console.log(
  `full scan, concurrency ${Math.min(4, availableParallelism())} (default): ${seconds(parallel)} s; ` +
    `concurrency ${rows.length}: ${seconds(unbounded)} s; ${full.findings.length} findings`,
);
console.log(
  `wrapper overhead on the slowest analyser: ${seconds(overhead)} s = ${((100 * overhead) / slowest.own).toFixed(1)}% (target < 5%)`,
);
const position = (t: number) => ((t - slowest.own) / (sum - slowest.own)).toFixed(2);
console.log(
  `full scan between max (0) and sum (1): default ${position(parallel)}, unbounded ${position(unbounded)}`,
);
rmSync(work, { recursive: true, force: true });
