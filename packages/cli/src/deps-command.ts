// `bulwark deps [path]`: the dependencies osv-scan would match, as people or scripts want to read them.
import { writeFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { discover, type ExtractResult } from "@bulwark/lockfiles";
import { EXIT_GATE_FAILED, EXIT_PASS, type CliIo } from "./io.js";
import { parseArgv, UsageError } from "./parse-argv.js";

const OPTIONS = new Set(["format", "output", "include", "exclude", "quiet", "help"]);

export const DEPS_HELP = [
  "Usage: bulwark deps [path] [--format table|json] [--include GLOB]... [--exclude GLOB]... [--output FILE]",
  "",
  "Lists the packages of every lockfile, manifest and SBOM under path (honouring .gitignore).",
  "Exit codes: 0 every file was read, 1 some file could not be read, 2 usage error.",
  "",
].join("\n");

function table(results: readonly ExtractResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`${r.file} (${r.format}): ${r.packages.length} packages`);
    for (const p of r.packages) {
      const scope = p.scopes?.length ? ` [${p.scopes.join(",")}]` : "";
      const kind = p.direct === undefined ? "" : p.direct ? " direct" : " transitive";
      lines.push(
        `  ${p.ecosystem} ${p.name} ${p.version ?? `(unresolved: ${p.requirement ?? "no version"})`}${kind}${scope}${p.line ? `  :${p.line}` : ""}`,
      );
    }
    for (const e of r.errors) lines.push(`  error: ${e.file}${e.line ? `:${e.line}` : ""}: ${e.message}`);
  }
  const total = results.reduce((n, r) => n + r.packages.length, 0);
  lines.push(`${results.length} files, ${total} packages`);
  return `${lines.join("\n")}\n`;
}

export async function runDeps(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgv(argv, new Set(["quiet", "help"]));
  if (parsed.options.get("help") === "true") {
    io.stdout.write(DEPS_HELP);
    return EXIT_PASS;
  }
  for (const name of parsed.options.keys()) {
    if (!OPTIONS.has(name)) throw new UsageError(`Unknown option --${name}; see bulwark deps --help`);
  }
  if (parsed.extra.length > 0) throw new UsageError(`Unexpected argument "${parsed.extra[0]}"`);
  const format = parsed.options.get("format") ?? "table";
  if (format !== "table" && format !== "json")
    throw new UsageError(`--format must be table or json (got "${format}")`);
  const root = resolve(io.cwd, parsed.path ?? ".");
  const list = (name: string) => parsed.options.get(name)?.split("\n").filter(Boolean);
  const include = list("include");
  const exclude = list("exclude");
  const results = await discover(root, { ...(include ? { include } : {}), ...(exclude ? { exclude } : {}) });
  const text =
    format === "json"
      ? `${JSON.stringify({ root: relative(io.cwd, root) || ".", files: results }, null, 2)}\n`
      : table(results);
  const output = parsed.options.get("output");
  if (output) await writeFile(resolve(io.cwd, output), text);
  else io.stdout.write(text);
  return results.some((r) => r.errors.length > 0) ? EXIT_GATE_FAILED : EXIT_PASS;
}
