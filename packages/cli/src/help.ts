// Help texts generated from the same input specs the action.yml files are checked against.
import type { CheckDefinition } from "@bulwark/core";
import { OUTPUT_FORMATS } from "./output-format.js";

export function generalHelp(checks: readonly CheckDefinition[]): string {
  const width = Math.max(...checks.map((c) => c.name.length), "all".length) + 2;
  return [
    "Usage: bulwark <check> [path] [--<input> value]...",
    "       bulwark all [path] [--<input> value]...",
    "",
    "Checks:",
    ...checks.map((c) => `  ${c.name.padEnd(width)}${c.description}`),
    `  ${"all".padEnd(width)}Run every check above.`,
    `  ${"deps".padEnd(width)}List the dependencies of every lockfile, manifest and SBOM.`,
    "",
    "Options for every command:",
    `  --format <${OUTPUT_FORMATS.join("|")}>  Output format (default: table)`,
    "  --output <file>          Write the report to a file instead of stdout",
    "  --quiet                  No progress on stderr",
    "  --help                   Show the inputs of a check: bulwark <check> --help",
    "",
    "Exit codes: 0 pass, 1 the gate failed, 2 usage or configuration error.",
    "",
  ].join("\n");
}

export function checkHelp(check: CheckDefinition): string {
  const lines = [
    `Usage: bulwark ${check.name} [path] [--<input> value]...`,
    "",
    check.description,
    "",
    "Inputs:",
  ];
  for (const spec of check.specs) {
    const value = spec.kind === "boolean" ? "" : spec.values ? ` <${spec.values.join("|")}>` : " <value>";
    const fallback =
      spec.default === undefined || (Array.isArray(spec.default) && spec.default.length === 0)
        ? ""
        : ` (default: ${String(spec.default)})`;
    lines.push(`  --${spec.name}${value}`);
    lines.push(`      ${spec.description}${fallback}`);
  }
  lines.push("");
  return lines.join("\n");
}
