// reStructuredText tables (simple "=====  =====" and grid "+----+----+") rewritten as GFM pipe tables
// line for line, so SECURITY.rst / SECURITY.txt go through the same Markdown reader with true line numbers.
const SIMPLE_BORDER = /^\s*=+(\s+=+)+\s*$/;
const GRID_BORDER = /^\s*\+([-=]+\+)+\s*$/;

/** Column spans [start, end) from a simple-table border such as "=======  =========". */
function spans(border: string): [number, number][] {
  return [...border.matchAll(/=+/g)].map((m) => [m.index, m.index + m[0].length]);
}

function pipeRow(cells: string[]): string {
  return `| ${cells.map((c) => c.trim().replace(/\|/g, "\\|")).join(" | ")} |`;
}

function simpleTable(lines: string[], start: number): number {
  const cols = spans(lines[start]!);
  // Cells run to the next column's start; the last one to the end of the line.
  const cut = (line: string) =>
    cols.map(([from], i) => line.slice(from, i + 1 < cols.length ? cols[i + 1]![0] : undefined));
  let i = start + 1;
  const borders: number[] = [start];
  while (i < lines.length && lines[i]!.trim() !== "") {
    if (SIMPLE_BORDER.test(lines[i]!)) borders.push(i);
    i++;
  }
  // Needs a header border; the last border closes the table.
  if (borders.length < 3) return start + 1;
  const [top, headerEnd] = borders as [number, number];
  const end = borders[borders.length - 1]!;
  lines[top] = "";
  for (let j = top + 1; j < end; j++) {
    if (j === headerEnd) lines[j] = pipeRow(cols.map(() => "---"));
    else if (SIMPLE_BORDER.test(lines[j]!)) lines[j] = pipeRow(cols.map(() => ""));
    else lines[j] = pipeRow(cut(lines[j]!));
  }
  lines[end] = "";
  return end + 1;
}

function gridTable(lines: string[], start: number): number {
  let end = start + 1;
  while (end < lines.length && /^\s*[|+]/.test(lines[end]!)) end++;
  const width = lines[start]!.trim().split("+").length - 2;
  const header = lines.slice(start + 1, end).findIndex((l) => /^\s*\+(=+\+)+\s*$/.test(l));
  lines[start] = "";
  for (let j = start + 1; j < end; j++) {
    const line = lines[j]!;
    if (GRID_BORDER.test(line)) {
      const isLast = j === end - 1;
      lines[j] = isLast
        ? ""
        : header !== -1 && j === start + 1 + header
          ? pipeRow(Array.from({ length: width }, () => "---"))
          : pipeRow(Array.from({ length: width }, () => ""));
    }
  }
  // Without a header separator the first row is the header: GFM needs a delimiter row after it.
  if (header === -1 && end - start > 2) {
    lines[start] = lines[start + 1]!;
    lines[start + 1] = pipeRow(Array.from({ length: width }, () => "---"));
  }
  return end;
}

export function rstTablesToMarkdown(content: string): string {
  const newline = content.includes("\r\n") ? "\r\n" : "\n";
  const lines = content.split(/\r?\n/);
  let i = 0;
  while (i < lines.length) {
    if (SIMPLE_BORDER.test(lines[i]!)) i = simpleTable(lines, i);
    else if (GRID_BORDER.test(lines[i]!)) i = gridTable(lines, i);
    else i++;
  }
  return lines.join(newline);
}
