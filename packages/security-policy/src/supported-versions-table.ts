// The Supported Versions table: which column holds versions, which says supported or not, and
// every row with its line.
import type { List, Root, RootContent } from "mdast";
import { parsedTablesIn, sections, toString, type ParsedTable } from "./markdown-tree.js";
import { parseSupportDate } from "./support-date.js";
import { parseSupportStatus, type SupportStatus } from "./support-status.js";
import { parseVersionSpec, type VersionSpec } from "./version-spec.js";

export interface SupportRow {
  line: number;
  versionText: string;
  spec: VersionSpec;
  status: SupportStatus;
  statusText: string;
  /** Other columns by header, e.g. { "End of support": "2025-06-30" }. */
  extra: Record<string, string>;
  /**
   * End of support (YYYY-MM-DD) from the status cell ("until 2026-01-31") or an end/until/EOL column;
   * whoever knows today's date decides what a date-only status means.
   */
  until?: string;
}

export interface SupportTable {
  /** A Markdown table, or a bullet list such as "- 2.x: supported". */
  form: "table" | "list";
  line: number;
  header: string[];
  rows: SupportRow[];
}

const SECTION_TITLE =
  /support(ed)?\s+(versions?|releases?|branches|series)|(version|release)s?\s+support|versions?\s+(are\s+)?supported|security\s+updates?|maintained\s+(versions|releases|branches)|support\s+(policy|lifecycle|matrix|status|schedule)|end[\s-]of[\s-]life|\beol\b|lts\b|long[\s-]term\s+support/i;
const VERSION_HEADER = /version|release|branch|series|tag|line/i;
const END_HEADER = /end|until|eol|expir|sunset|support/i;
const STATUS_HEADER = /support|status|maintained|security|patch|fix|active|eol/i;

function columns(table: ParsedTable): { version: number; status: number } | undefined {
  // "Release date" names a date column, not the versions.
  const version = table.header.findIndex((h) => VERSION_HEADER.test(h) && !/date|day/i.test(h));
  let status = table.header.findIndex(
    (h, i) => i !== version && STATUS_HEADER.test(h) && !/date|until|end|eol date/i.test(h),
  );
  if (status === -1) status = table.header.findIndex((h, i) => i !== version && STATUS_HEADER.test(h));
  if (version === -1 || status === -1) return undefined;
  return { version, status };
}

/**
 * Under a Supported Versions heading the headers may say nothing ("| | |", "| Release | |"): take the
 * version column by name or first, and the status column whose cells read as statuses.
 */
function columnsByContent(table: ParsedTable): { version: number; status: number } | undefined {
  const named = table.header.findIndex((h) => VERSION_HEADER.test(h) && !/date|day/i.test(h));
  const version = named === -1 ? 0 : named;
  const status = table.header.findIndex(
    (_h, i) =>
      i !== version &&
      table.rows.length > 0 &&
      table.rows.filter((r) => parseSupportStatus(r.cells[i] ?? "") !== "unknown").length * 2 >
        table.rows.length,
  );
  return status === -1 ? undefined : { version, status };
}

function toSupportTable(table: ParsedTable, inSupportSection = false): SupportTable | undefined {
  const cols = columns(table) ?? (inSupportSection ? columnsByContent(table) : undefined);
  if (!cols) return undefined;
  return {
    form: "table",
    line: table.line,
    header: table.header,
    rows: table.rows.map((row) => {
      const versionText = row.cells[cols.version] ?? "";
      const statusText = row.cells[cols.status] ?? "";
      const extra: Record<string, string> = {};
      table.header.forEach((h, i) => {
        if (i !== cols.version && i !== cols.status && row.cells[i])
          extra[h || `column ${i + 1}`] = row.cells[i]!;
      });
      const until =
        parseSupportDate(statusText) ??
        Object.entries(extra)
          .filter(
            ([h, cell]) =>
              (END_HEADER.test(h) && !/release|start|initial|first/i.test(h)) ||
              /\b(until|through|ends?|eol)\b/i.test(cell),
          )
          .map(([, cell]) => parseSupportDate(cell))
          .find((d) => d !== undefined);
      return {
        line: row.line,
        versionText,
        spec: parseVersionSpec(versionText),
        status: parseSupportStatus(statusText),
        statusText,
        extra,
        ...(until ? { until } : {}),
      };
    }),
  };
}

/** Where a list item's version ends and its status begins: "2.x: yes", "2.x - supported", "2.x (EOL)". */
const ITEM_SEPARATOR = /\s*(?::(?![a-z_]+:)|=>|→|->|—|–|\s-\s|\|)\s*/gu;
const ITEM_PAREN = /^(.+?)\s*\((.+)\)\s*\.?$/;
/** A marker at either end: "✅ 2.x", "2.x ❌", ":x: 1.x". */
const ITEM_MARKER =
  /^(:[a-z_]+:|[✅✔✓☑❌✗✘✖⛔🚫]\uFE0F?)\s*(.+)$|^(.+?)\s*(:[a-z_]+:|[✅✔✓☑❌✗✘✖⛔🚫]\uFE0F?)$/u;

/** Longer list items are prose, not "version: status" rows; the item patterns backtrack over long text. */
const MAX_ITEM_LENGTH = 500;

function listItemRow(text: string, line: number): SupportRow | undefined {
  if (text.length > MAX_ITEM_LENGTH) return undefined;
  const candidates: [string, string][] = [];
  const marker = ITEM_MARKER.exec(text);
  if (marker) candidates.push(marker[1] ? [marker[2]!, marker[1]] : [marker[3]!, marker[4]!]);
  // Last separator first: in "2.0 - 2.3 – end of life" the first " - " is part of the range.
  for (const m of [...text.matchAll(ITEM_SEPARATOR)].reverse()) {
    candidates.push([text.slice(0, m.index), text.slice(m.index + m[0].length)]);
  }
  const paren = ITEM_PAREN.exec(text);
  if (paren) candidates.push([paren[1]!, paren[2]!]);
  for (const [versionText, statusText] of candidates) {
    const spec = parseVersionSpec(versionText.trim());
    const status = parseSupportStatus(statusText);
    if (spec.kind !== "unparsed" && status !== "unknown") {
      return {
        line,
        versionText: versionText.trim(),
        spec,
        status,
        statusText: statusText.trim(),
        extra: {},
      };
    }
  }
  return undefined;
}

function listToSupportTable(list: List): SupportTable | undefined {
  const rows = list.children.flatMap((item) => {
    const row = listItemRow(toString(item).replace(/\s+/g, " ").trim(), item.position?.start.line ?? 1);
    return row ? [row] : [];
  });
  if (rows.length === 0) return undefined;
  return { form: "list", line: list.position?.start.line ?? 1, header: ["Version", "Supported"], rows };
}

function listsIn(nodes: readonly RootContent[]): List[] {
  return nodes.filter((n): n is List => n.type === "list");
}

/**
 * The table under a "Supported Versions" heading (or a bullet list there), else the first table
 * anywhere shaped like one.
 */
export function findSupportTable(root: Root, source: string): SupportTable | undefined {
  const supportSections = sections(root).filter((s) => SECTION_TITLE.test(s.title));
  for (const section of supportSections) {
    for (const table of parsedTablesIn(section.nodes, source)) {
      const parsed = toSupportTable(table, true);
      if (parsed) return parsed;
    }
  }
  for (const section of supportSections) {
    for (const list of listsIn(section.nodes)) {
      const parsed = listToSupportTable(list);
      if (parsed) return parsed;
    }
  }
  for (const parsed of parsedTablesIn(root.children, source)) {
    if (parsed.header.some((h) => /severity/i.test(h))) continue;
    const support = toSupportTable(parsed);
    if (support) return support;
  }
  return undefined;
}
