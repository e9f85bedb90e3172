// Where a piece of text sits in a file: the scanner reports lines in the file's own numbering, which
// for a diff hunk is not 1..n.
export interface TextInput {
  /** Path relative to the scanned root, forward slashes. */
  path: string;
  text: string;
  /** Line number of the first line of `text` (default 1). */
  firstLine?: number;
  /** Explicit line number of each line of `text` (diff hunks: the added lines' numbers). */
  lineNumbers?: readonly number[];
  /** Commit the text comes from (history scans), for commit-prefixed ignore entries. */
  commit?: string;
}

/** Maps string offsets to 1-based line and column, building the line index only when first needed. */
export class LineIndex {
  private starts: number[] | undefined;
  constructor(private readonly input: TextInput) {}

  private lineStarts(): number[] {
    if (!this.starts) {
      const starts = [0];
      const { text } = this.input;
      for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
      this.starts = starts;
    }
    return this.starts;
  }

  /** 0-based index of the line holding `offset`. */
  lineIndexOf(offset: number): number {
    const starts = this.lineStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  lineText(index: number): string {
    const starts = this.lineStarts();
    const end = index + 1 < starts.length ? starts[index + 1]! - 1 : this.input.text.length;
    return this.input.text.slice(starts[index]!, end).replace(/\r$/, "");
  }

  column(offset: number, index: number): number {
    return offset - this.lineStarts()[index]! + 1;
  }

  lineNumber(index: number): number {
    return this.input.lineNumbers?.[index] ?? (this.input.firstLine ?? 1) + index;
  }
}
