// Renders the runs of one CLI invocation in the chosen format, with the same reporters as the actions.
import { formatJsonReport, toJsonReport, toMarkdown, toSarif } from "@bulwark/core";
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
    case "json":
      return formatJsonReport(runs.map((r) => toJsonReport(r.scan, r.gate)));
    case "sarif":
      return `${JSON.stringify(toSarif(runs.map((r) => ({ scan: r.scan, gate: r.gate, category: r.check.name }))).log, null, 2)}\n`;
    case "markdown":
      return runs.map((r) => toMarkdown(r.scan, r.gate)).join("\n");
  }
}
