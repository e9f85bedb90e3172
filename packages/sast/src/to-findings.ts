// Raw tool results to core Findings: fingerprints from the rule, the path and the normalised source
// text around the finding (never the line number), so unrelated edits above it do not change them.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fingerprint, type Finding } from "@bulwark/core";
import type { RawFinding } from "./analyser.js";

/** Whitespace-insensitive text of a line, so re-indenting does not change a fingerprint. */
export function normaliseLine(text: string | undefined): string {
  return (text ?? "").trim().replace(/\s+/g, " ");
}

export class SourceLines {
  private readonly cache = new Map<string, Promise<string[] | undefined>>();
  constructor(private readonly root: string) {}

  lines(path: string): Promise<string[] | undefined> {
    let hit = this.cache.get(path);
    if (!hit) {
      hit = readFile(join(this.root, path), "utf8").then(
        (text) => text.split(/\r?\n/),
        () => undefined,
      );
      this.cache.set(path, hit);
    }
    return hit;
  }
}

/** The finding's line with its neighbours: the context that identifies it. */
export function lineContext(lines: string[] | undefined, line: number | undefined): string {
  if (!lines || !line) return "";
  return [line - 1, line, line + 1].map((n) => normaliseLine(lines[n - 1])).join("\n");
}

export async function toFindings(raw: readonly RawFinding[], sources: SourceLines): Promise<Finding[]> {
  const seen = new Map<string, number>();
  const out: Finding[] = [];
  for (const r of raw) {
    const context = lineContext(await sources.lines(r.path), r.line);
    const base = fingerprint(r.tool, r.ruleId, r.path, context);
    // The same rule on identical text twice in a file: the occurrence number tells them apart.
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.push({
      tool: r.tool,
      ruleId: r.ruleId,
      title: r.title,
      message: r.message,
      severity: r.severity,
      location: {
        path: r.path,
        ...(r.line ? { startLine: r.line } : {}),
        ...(r.endLine ? { endLine: r.endLine } : {}),
        ...(r.column ? { startColumn: r.column } : {}),
        ...(r.endColumn ? { endColumn: r.endColumn } : {}),
      },
      fingerprint: n === 0 ? base : fingerprint(base, n),
      ...(r.cwes && r.cwes.length > 0 ? { ids: [...r.cwes] } : {}),
      ...(r.helpUri ? { helpUri: r.helpUri } : {}),
      ...(r.remediation ? { remediation: r.remediation } : {}),
      properties: {
        ...(r.properties ?? {}),
        tools: [r.tool],
        ...(r.cwes?.length ? { cwe: [...r.cwes] } : {}),
      },
    });
  }
  return out;
}
