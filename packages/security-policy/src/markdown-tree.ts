// SECURITY.md as a Markdown tree (GFM tables included) with source positions, plus the helpers the
// section parsers share.
import type { Heading, Root, RootContent, Table } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { toString } from "mdast-util-to-string";
import { gfmTable } from "micromark-extension-gfm-table";
import { htmlTablesIn } from "./html-tables.js";

export function parseMarkdown(content: string): Root {
  return fromMarkdown(content, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
}

export interface Section {
  heading?: Heading;
  title: string;
  /** Nodes up to the next heading of the same or a higher level. */
  nodes: RootContent[];
}

/** Splits the document into sections at every heading (nested sections repeat their children). */
export function sections(root: Root): Section[] {
  const result: Section[] = [];
  const children = root.children;
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.type !== "heading") continue;
    const nodes: RootContent[] = [];
    for (let j = i + 1; j < children.length; j++) {
      const next = children[j]!;
      if (next.type === "heading" && next.depth <= node.depth) break;
      nodes.push(next);
    }
    result.push({ heading: node, title: toString(node).trim(), nodes });
  }
  return result;
}

export interface TableRow {
  line: number;
  cells: string[];
}

export interface ParsedTable {
  line: number;
  header: string[];
  rows: TableRow[];
}

export function readTable(table: Table): ParsedTable {
  const [head, ...body] = table.children;
  return {
    line: table.position?.start.line ?? 1,
    header: (head?.children ?? []).map((c) => toString(c).trim()),
    rows: body
      .map((row) => ({
        line: row.position?.start.line ?? 1,
        cells: row.children.map((c) => toString(c).trim()),
      }))
      // Empty rows are spacers (reStructuredText grid-table borders rewritten as rows).
      .filter((row) => row.cells.some((c) => c !== "")),
  };
}

export function tablesIn(nodes: readonly RootContent[]): Table[] {
  const found: Table[] = [];
  const visit = (node: RootContent) => {
    if (node.type === "table") found.push(node);
    else if ("children" in node) for (const child of node.children as RootContent[]) visit(child);
  };
  nodes.forEach(visit);
  return found;
}

/** GFM tables and HTML <table> blocks among the nodes, in document order. */
export function parsedTablesIn(nodes: readonly RootContent[], source: string): ParsedTable[] {
  return [...tablesIn(nodes).map(readTable), ...htmlTablesIn(nodes, source)].sort((a, b) => a.line - b.line);
}

export { toString };
