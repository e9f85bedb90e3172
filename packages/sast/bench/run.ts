// Wall time of a full scan against the analysers' own times run alone, on real published source.
//   pnpm --filter @bulwark/sast bench            (downloads the source into a temp dir)
//   BULWARK_SAST_BENCH_SRC=/some/tree pnpm ... bench   (an existing tree instead)
// For each analyser: its own time (the tool itself, same arguments and file batches as the adapter, no
// Bulwark around it), then the scan with only that analyser (the wrapper's overhead), then the full scan
// (all analysers in parallel, default and unbounded concurrency). Each is run BENCH_REPS times (default 1)
// and the fastest kept, since a shared machine only ever adds time. The wrapper's own CPU time (this
// process; the tools run in children) is reported too: unlike wall time, other load does not inflate it.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { CPPCHECK_ARGS } from "../src/analysers/cppcheck.js";
import { eslintScript, securityConfigSource } from "../src/analysers/eslint.js";
import { ANALYSERS } from "../src/analysers/index.js";
import { fileBatches, scanSast } from "../src/scan-sast.js";
import { detectSources, type Language } from "../src/languages.js";
import { downloadSourceTree } from "./source-tree.js";

const BATCH = 400;
const REPS = Math.max(1, Number(process.env.BENCH_REPS ?? 1));
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

const TIME = "/usr/bin/time";
const timeFile = join(work, "time.txt");

/** Runs one native command; returns its CPU time in ms (user + system, from GNU time) or NaN. */
function runNative(command: string, args: string[]): number {
  const measured = existsSync(TIME);
  const r = measured
    ? spawnSync(TIME, ["-f", "%U %S", "-o", timeFile, command, ...args], { cwd: root, maxBuffer: 1 << 30 })
    : spawnSync(command, args, { cwd: root, maxBuffer: 1 << 30 });
  if (r.error) throw r.error;
  if (!measured) return Number.NaN;
  const [user, system] = readFileSync(timeFile, "utf8").trim().split("\n").at(-1)!.split(" ").map(Number);
  return ((user ?? Number.NaN) + (system ?? Number.NaN)) * 1000;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(2);
}

/** Fastest wall time over REPS runs, with this process's CPU time in that run and its value. */
async function timed<T>(fn: () => Promise<T> | T): Promise<[number, T, number]> {
  let best: [number, T, number] | undefined;
  for (let i = 0; i < REPS; i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const value = await fn();
    const wall = performance.now() - start;
    const used = process.cpuUsage(cpu);
    if (!best || wall < best[0]) best = [wall, value, (used.user + used.system) / 1000];
  }
  return best!;
}

const detected = await detectSources(root);
const counts = [...detected.files].map(([l, f]) => `${l} ${f.length}`).join(", ");
console.log(
  `source: ${root}\nfiles: ${counts}\ncpus: ${availableParallelism()}, runs per measure: ${REPS}\n`,
);

const rows: {
  tool: string;
  files: number;
  own: number;
  ownCpu: number;
  wrapped: number;
  wrapperCpu: number;
  findings: number;
}[] = [];
for (const analyser of ANALYSERS) {
  const langs = analyser.languages === "any" ? [] : analyser.languages;
  const files = langs.flatMap((l: Language) => detected.files.get(l) ?? []).sort();
  const exe = analyser.locate(process.env);
  if (files.length === 0 || !exe || analyser.takesFiles === false) continue;
  let ownCpu = 0;
  const [own] = await timed(() => {
    ownCpu = 0;
    for (const batch of fileBatches(files, BATCH)) {
      const [command, args] = nativeCommand(analyser.name, exe, batch);
      ownCpu += runNative(command, args);
    }
  });
  const [wrapped, result, wrapperCpu] = await timed(() =>
    scanSast({ root, tools: [analyser.name], batchSize: BATCH }),
  );
  rows.push({
    tool: analyser.name,
    files: files.length,
    own,
    ownCpu,
    wrapped,
    wrapperCpu,
    findings: result.findings.length,
  });
  console.log(
    `${analyser.name}: own ${seconds(own)} s (CPU ${seconds(ownCpu)} s), through scanSast ${seconds(wrapped)} s (wrapper CPU ${seconds(wrapperCpu)} s)`,
  );
}

const [parallel, full, parallelCpu] = await timed(() => scanSast({ root, batchSize: BATCH }));
const [unbounded, , unboundedCpu] = await timed(() =>
  scanSast({ root, batchSize: BATCH, concurrency: rows.length }),
);
const sum = rows.reduce((s, r) => s + r.own, 0);
const slowest = rows.reduce((a, b) => (b.own > a.own ? b : a));
const overhead = slowest.wrapped - slowest.own;

console.log(
  "\n| Analyser | Files | Findings | Own wall (s) | Own CPU (s) | Through scanSast alone, wall (s) | Difference (s) | Wrapper CPU (s) |",
);
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const r of rows) {
  console.log(
    `| ${r.tool} | ${r.files} | ${r.findings} | ${seconds(r.own)} | ${seconds(r.ownCpu)} | ${seconds(r.wrapped)} | ${seconds(r.wrapped - r.own)} | ${seconds(r.wrapperCpu)} |`,
  );
}
console.log(`\nsum of own times: ${seconds(sum)} s; slowest (${slowest.tool}): ${seconds(slowest.own)} s`);
console.log(
  `full scan, concurrency ${Math.min(4, availableParallelism())} (default): ${seconds(parallel)} s; ` +
    `concurrency ${rows.length}: ${seconds(unbounded)} s; ${full.findings.length} findings; ` +
    `wrapper CPU ${seconds(parallelCpu)} s / ${seconds(unboundedCpu)} s`,
);
console.log(
  `load average at the end: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
const pct = (x: number) => `${((100 * x) / slowest.own).toFixed(1)}%`;
console.log(
  `wrapper overhead on the slowest analyser (target < 5% of its ${seconds(slowest.own)} s): ` +
    `wall ${seconds(overhead)} s = ${pct(overhead)}, wrapper CPU ${seconds(slowest.wrapperCpu)} s = ${pct(slowest.wrapperCpu)}; ` +
    `whole scan's wrapper CPU ${seconds(parallelCpu)} s = ${pct(parallelCpu)} ` +
    `(${((100 * parallelCpu) / rows.reduce((s, r) => s + r.ownCpu, 0)).toFixed(1)}% of the analysers' CPU)`,
);
const position = (t: number) => ((t - slowest.own) / (sum - slowest.own)).toFixed(2);
console.log(
  `full scan between max (0) and sum (1): default ${position(parallel)}, unbounded ${position(unbounded)}`,
);
rmSync(work, { recursive: true, force: true });
