// One issue found by two analysers (same file, same line, a CWE in common) becomes one finding that
// names both; the more severe one's text leads.
import { compareSeverity, type Finding } from "@bulwark/core";

function cwes(f: Finding): string[] {
  return (f.ids ?? []).filter((id) => id.startsWith("CWE-"));
}

export function mergeDuplicates(findings: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  const byLine = new Map<string, Finding[]>();
  for (const f of findings) {
    const line = f.location?.startLine;
    if (!f.location || line === undefined || cwes(f).length === 0) {
      out.push(f);
      continue;
    }
    const key = `${f.location.path}\0${line}`;
    const group = byLine.get(key) ?? [];
    const twin = group.findIndex((g) => {
      const tools = (g.properties?.tools as string[] | undefined) ?? [g.tool];
      return !tools.includes(f.tool) && cwes(g).some((c) => cwes(f).includes(c));
    });
    if (twin === -1) {
      group.push(f);
      byLine.set(key, group);
      out.push(f);
      continue;
    }
    const g = group[twin]!;
    const lead = compareSeverity(f.severity, g.severity) > 0 ? f : g;
    const other = lead === f ? g : f;
    const tools = [...((g.properties?.tools as string[] | undefined) ?? [g.tool]), f.tool].sort();
    const merged: Finding = {
      ...lead,
      message: `${lead.message}\n\nAlso reported by ${other.tool} (${other.ruleId}): ${other.title}`,
      ids: [...new Set([...(lead.ids ?? []), ...(other.ids ?? [])])].sort(),
      properties: {
        ...lead.properties,
        tools,
        alsoReportedAs: [{ tool: other.tool, ruleId: other.ruleId, fingerprint: other.fingerprint }],
        cwe: [...new Set([...cwes(lead), ...cwes(other)])].sort(),
      },
    };
    group[twin] = merged;
    out[out.indexOf(g)] = merged;
  }
  return out;
}
