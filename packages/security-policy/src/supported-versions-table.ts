// The Supported Versions table: which column holds versions, which says supported or not, and
// every row with its line.
import type { Root } from "mdast";
import { readTable, sections, tablesIn, type ParsedTable } from "./markdown-tree.js";
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
}

export interface SupportTable {
  line: number;
  header: string[];
  rows: SupportRow[];
}

const SECTION_TITLE =
  /support(ed)?\s+(versions?|releases?)|version\s+support|versions?\s+supported|supported\s+branches|security\s+updates?\s+policy|maintained\s+versions/i;
const VERSION_HEADER = /version|release|branch|series|tag|line/i;
const STATUS_HEADER = /support|status|maintained|security|patch|fix|active|eol/i;

function columns(table: ParsedTable): { version: number; status: number } | undefined {
  const version = table.header.findIndex((h) => VERSION_HEADER.test(h));
  let status = table.header.findIndex(
    (h, i) => i !== version && STATUS_HEADER.test(h) && !/date|until|end|eol date/i.test(h),
  );
  if (status === -1) status = table.header.findIndex((h, i) => i !== version && STATUS_HEADER.test(h));
  if (version === -1 || status === -1) return undefined;
  return { version, status };
}

function toSupportTable(table: ParsedTable): SupportTable | undefined {
  const cols = columns(table);
  if (!cols) return undefined;
  return {
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
      return {
        line: row.line,
        versionText,
        spec: parseVersionSpec(versionText),
        status: parseSupportStatus(statusText),
        statusText,
        extra,
      };
    }),
  };
}

/** The table under a "Supported Versions" heading, else the first table shaped like one. */
export function findSupportTable(root: Root): SupportTable | undefined {
  for (const section of sections(root)) {
    if (!SECTION_TITLE.test(section.title)) continue;
    for (const table of tablesIn(section.nodes)) {
      const parsed = toSupportTable(readTable(table));
      if (parsed) return parsed;
    }
  }
  for (const table of tablesIn(root.children)) {
    const parsed = readTable(table);
    if (parsed.header.some((h) => /severity/i.test(h))) continue;
    const support = toSupportTable(parsed);
    if (support) return support;
  }
  return undefined;
}
