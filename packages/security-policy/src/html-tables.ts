// <table> blocks written in HTML inside SECURITY.md, read into the same shape as GFM tables, with the
// line of every row.
import type { RootContent } from "mdast";
import type { ParsedTable } from "./markdown-tree.js";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", nbsp: " ", quot: '"' };

function cellText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, " ")
    .replace(/<[^<>]*>/g, "") // `[^>]*` would rescan a run of "<" from each one
    .replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&(amp|lt|gt|nbsp|quot);/g, (_m, e: string) => ENTITIES[e]!)
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Longer stretches of HTML are not read for tables: the tag patterns below rescan unclosed tags, and a
 * supported-versions table is a few kilobytes. The policy then has no table from it, which the checks
 * report; it never hangs the scan.
 */
const MAX_HTML_LENGTH = 200_000;

/** Tables in one stretch of HTML that starts at `line`. */
export function htmlTables(html: string, line: number): ParsedTable[] {
  if (html.length > MAX_HTML_LENGTH) return [];
  const lineAt = (index: number) => line + (html.slice(0, index).match(/\n/g)?.length ?? 0);
  const tables: ParsedTable[] = [];
  for (const table of html.matchAll(/<table\b[\s\S]*?<\/table>/gi)) {
    const rows = [...table[0].matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi)].map((row) => ({
      line: lineAt(table.index + row.index),
      cells: [...row[1]!.matchAll(/<t([dh])\b[^>]*>([\s\S]*?)<\/t\1>/gi)].map((c) => cellText(c[2]!)),
    }));
    const [head, ...body] = rows;
    if (!head) continue;
    tables.push({
      line: lineAt(table.index),
      header: head.cells,
      rows: body.filter((r) => r.cells.some(Boolean)),
    });
  }
  return tables;
}

/**
 * HTML tables that start in one of the nodes. Read from the source, not the nodes: a blank line inside
 * a <table> ends the HTML block, and indented rows after it parse as code.
 */
export function htmlTablesIn(nodes: readonly RootContent[], source: string): ParsedTable[] {
  const found: ParsedTable[] = [];
  let consumed = -1;
  for (const node of nodes) {
    const start = node.position?.start.offset;
    if (node.type !== "html" || start === undefined || start < consumed) continue;
    const open = node.value.search(/<table\b/i);
    if (open === -1) continue;
    const from = start + open;
    const close = source.slice(from).search(/<\/table>/i);
    if (close === -1) continue;
    consumed = from + close + "</table>".length;
    const line = node.position!.start.line + (node.value.slice(0, open).match(/\n/g)?.length ?? 0);
    found.push(...htmlTables(source.slice(from, consumed), line));
  }
  return found;
}
