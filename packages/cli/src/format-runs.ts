// Renders the runs of one CLI invocation in the chosen format.
import type { CliIo } from "./io.js";
import type { OutputFormat } from "./output-format.js";
import { renderTable } from "./render-table.js";
import type { CheckRun } from "./run-check.js";

export function formatRuns(format: OutputFormat, runs: readonly CheckRun[], io: CliIo): string {
  switch (format) {
    case "table": {
      const color = Boolean(io.stdout.isTTY) && io.env.NO_COLOR === undefined;
      const width = io.stdout.columns ?? 100;
      return runs.map((r) => renderTable(r.scan, r.gate, { color, width })).join("\n");
    }
    default:
      return `${JSON.stringify(
        runs.map((r) => ({
          tool: r.scan.tool,
          failed: r.gate.failed,
          reasons: r.gate.reasons,
          findings: r.gate.findings,
        })),
        null,
        2,
      )}\n`;
  }
}
