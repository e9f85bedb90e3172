// `bulwark <check> [path] [--<input> value]...`: the local adapter over the same engines as the actions.
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { ConfigError, InputValueError, type CheckDefinition } from "@bulwark/core";
import { runDeps } from "./deps-command.js";
import { formatRuns } from "./format-runs.js";
import { checkHelp, generalHelp } from "./help.js";
import { EXIT_GATE_FAILED, EXIT_PASS, EXIT_USAGE, type CliIo } from "./io.js";
import { isOutputFormat, OUTPUT_FORMATS, type OutputFormat } from "./output-format.js";
import { parseArgv, UsageError } from "./parse-argv.js";
import { runCheck, type CheckRun } from "./run-check.js";

/** Options the CLI itself takes; everything else must be an input of the chosen check. */
const CLI_OPTIONS = new Set(["format", "output", "quiet", "help", "version"]);
const CLI_BOOLEANS = ["quiet", "help", "version"];

export interface CliProgram {
  version: string;
  checks: readonly CheckDefinition[];
}

export async function main(argv: readonly string[], io: CliIo, program: CliProgram): Promise<number> {
  try {
    return await dispatch(argv, io, program);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof InputValueError) {
      io.stderr.write(`bulwark: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

async function dispatch(argv: readonly string[], io: CliIo, program: CliProgram): Promise<number> {
  if (argv[0] === "deps") return runDeps(argv, io);
  const selected = argv[0] === "all" ? [...program.checks] : program.checks.filter((c) => c.name === argv[0]);
  const booleans = new Set(CLI_BOOLEANS);
  for (const check of selected)
    for (const spec of check.specs) if (spec.kind === "boolean") booleans.add(spec.name);
  const parsed = parseArgv(argv, booleans);

  if (parsed.options.get("version") === "true") {
    io.stdout.write(`bulwark ${program.version}\n`);
    return EXIT_PASS;
  }
  if (parsed.command === undefined || parsed.command === "help") {
    io.stdout.write(generalHelp(program.checks));
    return parsed.command === undefined && parsed.options.get("help") !== "true" ? EXIT_USAGE : EXIT_PASS;
  }
  if (selected.length === 0) {
    throw new UsageError(
      `Unknown check "${parsed.command}"; expected one of ${[...program.checks.map((c) => c.name), "all"].join(", ")}`,
    );
  }
  if (parsed.options.get("help") === "true") {
    io.stdout.write(selected.length === 1 ? checkHelp(selected[0]!) : generalHelp(program.checks));
    return EXIT_PASS;
  }
  if (parsed.extra.length > 0) throw new UsageError(`Unexpected argument "${parsed.extra[0]}"`);

  const format = parsed.options.get("format") ?? "table";
  if (!isOutputFormat(format)) {
    throw new UsageError(`--format must be one of ${OUTPUT_FORMATS.join(", ")} (got "${format}")`);
  }
  // Every remaining option must be an input of at least one selected check.
  const known = new Set(selected.flatMap((c) => c.specs.map((s) => s.name)));
  for (const name of parsed.options.keys()) {
    if (!CLI_OPTIONS.has(name) && !known.has(name)) {
      throw new UsageError(`Unknown option --${name}; see bulwark ${parsed.command} --help`);
    }
  }

  const workspace = resolve(io.cwd, parsed.path ?? ".");
  const quiet = parsed.options.get("quiet") === "true";
  const progress = (message: string) => {
    if (!quiet) io.stderr.write(`${message}\n`);
  };
  const runs: CheckRun[] = [];
  for (const check of selected) {
    progress(`bulwark: running ${check.name} on ${workspace}`);
    // In `all`, an input only goes to the checks that have it.
    const names = new Set(check.specs.map((s) => s.name));
    const source = (name: string) => (names.has(name) ? parsed.options.get(name) : undefined);
    runs.push(await runCheck(check, { workspace, source, env: io.env, progress }));
  }

  for (const run of runs) {
    if (run.sarifFile) await writeFile(run.sarifFile, formatRuns("sarif", [run], io));
    if (run.jsonFile) await writeFile(run.jsonFile, formatRuns("json", [run], io));
  }
  const report = formatRuns(format as OutputFormat, runs, io);
  const output = parsed.options.get("output");
  if (output) {
    await writeFile(resolve(io.cwd, output), report);
    progress(`bulwark: wrote ${format} report to ${output}`);
  } else {
    io.stdout.write(report);
  }
  return runs.some((r) => r.gate.failed) ? EXIT_GATE_FAILED : EXIT_PASS;
}
