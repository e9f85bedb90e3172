// SECURITY.md as a Markdown tree (GFM tables included) with source positions, plus the helpers the
// section parsers share.
import type { Heading, Root, RootContent, Table } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { toString } from "mdast-util-to-string";
import { gfmTable } from "micromark-extension-gfm-table";
import { htmlTablesIn } from "./html-tables.js";

/**
 * Indentation deeper than this is cut back to it before parsing: micromark's cost grows with the cube of
 * list nesting (2,000 nested items take minutes), and no real policy nests deeper. Lines stay where they
 * are, so every reported line number holds.
 */
const MAX_INDENT = 64;
const DEEP_INDENT = new RegExp(`^[ \\t]{${MAX_INDENT + 1},}`, "gm");

/**
 * Emphasis and link brackets cost micromark quadratic time in their number (50,000 `*_` pairs take
 * minutes). Real policies have a few hundred; past this many they are read as plain text, which the
 * table and timeline readers handle (they strip the markers themselves).
 */
const MAX_INLINE_MARKERS = 10_000;
const NO_INLINE_MARKUP = {
  disable: { null: ["attention", "labelStartImage", "labelStartLink", "labelEnd"] },
};

export function parseMarkdown(content: string): Root {
  const text = content.replace(DEEP_INDENT, " ".repeat(MAX_INDENT));
  const plain = countMarkers(text) > MAX_INLINE_MARKERS;
  return fromMarkdown(text, {
    extensions: plain ? [gfmTable(), NO_INLINE_MARKUP] : [gfmTable()],
    mdastExtensions: [gfmTableFromMarkdown()],
  });
}

function countMarkers(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 42 || c === 95 || c === 91 || c === 93) n++; // * _ [ ]
  }
  return n;
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
