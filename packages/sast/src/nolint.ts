// `// NOLINT` for the C/C++ analysers, as clang-tidy users write it: cppcheck and Flawfinder do not read it
// themselves, so C code already annotated for clang-tidy would otherwise be reported again.
//   `// NOLINT` or `// NOLINT(names)` on the finding's line, `// NOLINTNEXTLINE[(names)]` on the line above,
//   `// NOLINTBEGIN[(names)]` ... `// NOLINTEND[(names)]` around it.
// Names are globs (`*` matches anything) compared with the rule id, the tool name and `<tool>-<rule id>`.
import type { RawFinding } from "./analyser.js";
import type { SourceLines } from "./to-findings.js";

const MARKER = /\bNOLINT(NEXTLINE|BEGIN|END)?\b(?:\(([^)]*)\))?/g;

interface Marker {
  kind: "" | "NEXTLINE" | "BEGIN" | "END";
  /** Undefined: every check. */
  names?: string[];
}

function markers(line: string | undefined): Marker[] {
  if (!line || !line.includes("NOLINT")) return [];
  const comment = line.search(/\/\/|\/\*/);
  if (comment === -1) return [];
  const out: Marker[] = [];
  for (const m of line.slice(comment).matchAll(MARKER)) {
    const names = m[2]
      ?.split(",")
      .map((n) => n.trim())
      .filter((n) => n !== "");
    out.push({ kind: (m[1] ?? "") as Marker["kind"], ...(names && names.length > 0 ? { names } : {}) });
  }
  return out;
}

function globMatches(glob: string, value: string): boolean {
  const pattern = glob.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
  return new RegExp(`^${pattern}$`, "i").test(value);
}

function covers(marker: Marker, f: RawFinding): boolean {
  if (!marker.names) return true;
  const candidates = [f.ruleId, f.tool, `${f.tool}-${f.ruleId}`];
  return marker.names.some((g) => candidates.some((c) => globMatches(g, c)));
}

/** Whether the source suppresses `f` with a NOLINT comment; lines are the file's, 1-based via index + 1. */
export function suppressedByNolint(lines: readonly string[], f: RawFinding): boolean {
  if (!f.line) return false;
  const at = f.line - 1;
  if (markers(lines[at]).some((m) => m.kind === "" && covers(m, f))) return true;
  if (markers(lines[at - 1]).some((m) => m.kind === "NEXTLINE" && covers(m, f))) return true;
  // Open NOLINTBEGIN blocks above the line that cover the finding.
  let open = 0;
  for (let i = 0; i < at; i++) {
    for (const m of markers(lines[i])) {
      if (!covers(m, f)) continue;
      if (m.kind === "BEGIN") open++;
      else if (m.kind === "END" && open > 0) open--;
    }
  }
  return open > 0;
}

/** `raw` without the findings a NOLINT comment suppresses. */
export async function dropNolint(raw: readonly RawFinding[], sources: SourceLines): Promise<RawFinding[]> {
  const kept: RawFinding[] = [];
  for (const f of raw) {
    const lines = await sources.lines(f.path);
    if (!lines || !suppressedByNolint(lines, f)) kept.push(f);
  }
  return kept;
}
