// The benchmarks' working tree: real third-party source (this repository and its node_modules, every
// file type, binaries and minified files included as a real checkout has them), copied into a temp dir
// with "node_modules" renamed so the default path allowlist does not skip it, plus one planted,
// format-valid fake secret per built-in rule (its first true-positive example) under planted/.
import { copyFile, mkdir, readdir, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { expandExample } from "../src/examples.js";
import { builtinRules } from "../src/rules/index.js";

export const REPO = process.env["BULWARK_REPO"] ?? "/work/main";

async function* files(dir: string, skip: readonly string[]): AsyncGenerator<string> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory() && !skip.includes(e.name)) yield* files(p, skip);
    else if (e.isFile()) yield p;
  }
}

export interface Corpus {
  files: number;
  bytes: number;
  /** Planted file path (relative) -> rule id. */
  planted: Map<string, string>;
}

async function* sources(): AsyncGenerator<[string, string]> {
  // Third-party code first (pnpm's store: real packages, each once), then this repository's own files.
  const store = join(REPO, "node_modules", ".pnpm");
  for await (const f of files(store, [".cache"])) yield [store, f];
  for await (const f of files(REPO, [".git", ".cache", "node_modules"])) yield [REPO, f];
}

/** Copies up to `maxBytes` of real files (those `only` matches, default all) into `out`, then plants. */
export async function buildCorpus(out: string, maxBytes: number, only?: RegExp): Promise<Corpus> {
  let bytes = 0;
  let count = 0;
  for await (const [from, file] of sources()) {
    if (only && !only.test(file)) continue;
    const size = (await stat(file)).size;
    if (bytes + size > maxBytes) continue;
    const dest = join(out, relative(from, file).replace(/node_modules/g, "nm"));
    await mkdir(dirname(dest), { recursive: true });
    await copyFile(file, dest);
    bytes += size;
    count++;
  }
  const planted = new Map<string, string>();
  for (const rule of builtinRules) {
    const rel = join("planted", rule.id, rule.examples.path ?? "config/app.env");
    const text = `${expandExample(rule.examples.tp[0]!, `bench-${rule.id}`)}\n`;
    await mkdir(dirname(join(out, rel)), { recursive: true });
    await writeFile(join(out, rel), text);
    planted.set(rel, rule.id);
    bytes += text.length;
    count++;
  }
  return { files: count, bytes, planted };
}

export const mib = (bytes: number): string => (bytes / 1048576).toFixed(1);

/** A corpus buildCorpus made earlier in `dir` (BENCH_TREE), described the same way. */
export async function describeCorpus(dir: string): Promise<Corpus> {
  let bytes = 0;
  let count = 0;
  for await (const f of files(dir, [])) {
    bytes += (await stat(f)).size;
    count++;
  }
  const planted = new Map<string, string>();
  for (const rule of builtinRules)
    planted.set(join("planted", rule.id, rule.examples.path ?? "config/app.env"), rule.id);
  return { files: count, bytes, planted };
}
