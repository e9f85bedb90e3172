// Disclosure and time-to-patch promises by severity: "| Critical | 7 days | 14 days |" tables and
// sentences such as "critical issues within 30 days".
import type { Root } from "mdast";
import { parsedTablesIn } from "./markdown-tree.js";

export const POLICY_SEVERITIES = ["critical", "high", "medium", "low"] as const;
export type PolicySeverity = (typeof POLICY_SEVERITIES)[number];

export interface TimelineEntry {
  severity: PolicySeverity;
  /** Days to ship a fix. */
  patchDays?: number;
  /** Days until public disclosure. */
  disclosureDays?: number;
  line: number;
}

/** "7 days", "48 hours", "2 weeks", "1 month", "immediate" -> days. */
export function parseDuration(text: string): number | undefined {
  const t = text.toLowerCase();
  if (/\b(immediate(ly)?|asap|same day)\b/.test(t)) return 0;
  const m =
    /(\d+(?:\.\d+)?)[\s-]*(business\s+|working\s+|calendar\s+)?(hours?|hrs?|days?|weeks?|months?)\b/.exec(t);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[3]!;
  if (unit.startsWith("h")) return n / 24;
  if (unit.startsWith("w")) return n * 7;
  if (unit.startsWith("mo")) return n * 30;
  return n;
}

/** A list item that starts with severities: "- **Critical**: ...", "* High/Medium - ...". */
const BULLET =
  /^\s*(?:[-*+]|\d+\.)\s+\**((?:critical|high|medium|moderate|low)(?:\s*(?:\/|,|and|&)\s*(?:critical|high|medium|moderate|low))*)\**\s*(?:severity)?\s*\**\s*[:\-–—]\s*\**\s*(.+)$/i;

function severitiesIn(text: string): PolicySeverity[] {
  const t = text.toLowerCase();
  const found = POLICY_SEVERITIES.filter((s) => new RegExp(`\\b${s}\\b`).test(t));
  if (/\bmoderate\b/.test(t) && !found.includes("medium")) found.push("medium");
  return found;
}

export function findDisclosureTimeline(root: Root, content: string): TimelineEntry[] {
  const bySeverity = new Map<PolicySeverity, TimelineEntry>();
  for (const parsed of parsedTablesIn(root.children, content)) {
    const sevCol = parsed.header.findIndex((h) => /severity|priority|cvss|rating/i.test(h));
    if (sevCol === -1) continue;
    // "Time to fix" beats "Time to first response" when a table has both.
    const column = (pattern: RegExp) => parsed.header.findIndex((h, i) => i !== sevCol && pattern.test(h));
    let patchCol = column(/patch|fix|remediat|resol/i);
    if (patchCol === -1) patchCol = column(/response|sla/i);
    const discCol = parsed.header.findIndex((h, i) => i !== sevCol && /disclos/i.test(h));
    for (const row of parsed.rows) {
      for (const severity of severitiesIn(row.cells[sevCol] ?? "")) {
        const patchDays = patchCol === -1 ? undefined : parseDuration(row.cells[patchCol] ?? "");
        const disclosureDays = discCol === -1 ? undefined : parseDuration(row.cells[discCol] ?? "");
        if (patchDays === undefined && disclosureDays === undefined) continue;
        bySeverity.set(severity, {
          severity,
          line: row.line,
          ...(patchDays !== undefined ? { patchDays } : {}),
          ...(disclosureDays !== undefined ? { disclosureDays } : {}),
        });
      }
    }
  }
  // Then bullets: "- **Critical**: 7 days", "* High - fix within 2 weeks", "- Low: 90-day disclosure".
  const fromBullets = new Map<PolicySeverity, TimelineEntry>();
  content.split(/\r?\n/).forEach((text, index) => {
    const m = BULLET.exec(text);
    if (!m) return;
    const rest = m[2]!;
    const days =
      /^(?:(?:fix(?:ed)?|patch(?:ed)?|resolved?)\s+)?(?:within\s+)?(\d+(?:\.\d+)?[\s-]*(?:business\s+|working\s+)?(?:hours?|days?|weeks?|months?))\b/i.exec(
        rest,
      );
    if (!days) return;
    const value = parseDuration(days[1]!);
    if (value === undefined) return;
    const disclosure = /disclos/i.test(rest) && !/fix|patch|resol/i.test(rest);
    for (const severity of severitiesIn(m[1]!)) {
      if (bySeverity.has(severity)) continue;
      const entry = fromBullets.get(severity) ?? { severity, line: index + 1 };
      if (disclosure) entry.disclosureDays ??= value;
      else entry.patchDays ??= value;
      fromBullets.set(severity, entry);
    }
  });
  for (const [severity, entry] of fromBullets) bySeverity.set(severity, entry);

  // Sentences fill only severities nothing else covered: "Critical issues within 30 days".
  content.split(/\r?\n/).forEach((text, index) => {
    if (!/\b(fix|patch|resolv|resolution|remediat|timeline)/i.test(text)) return;
    const within = /\bwithin\s+(\d+\s*(?:business\s+|working\s+)?(?:hours?|days?|weeks?|months?))/i.exec(
      text,
    );
    if (!within) return;
    for (const severity of severitiesIn(text)) {
      if (bySeverity.has(severity)) continue;
      const patchDays = parseDuration(within[1]!);
      if (patchDays !== undefined) bySeverity.set(severity, { severity, patchDays, line: index + 1 });
    }
  });
  return POLICY_SEVERITIES.flatMap((s) => (bySeverity.has(s) ? [bySeverity.get(s)!] : []));
}
