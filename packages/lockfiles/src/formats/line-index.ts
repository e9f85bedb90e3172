// Maps character offsets to 1-based line numbers in one pass over the text, so formats parsed by a
// library that reports no positions can still point at the line that declares each package.
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 1-based line holding the character at this offset. */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

/**
 * Finds, in document order, where each declaration appears. Declarations are usually visited in the
 * order the file lists them, so each search starts where the last one ended (linear overall) and only
 * wraps around to the start when the order differs.
 */
export class DeclarationFinder {
  private cursor = 0;
  /** Each miss costs a full scan; after this many the finder stops looking, so lookups stay linear. */
  private missesLeft = 32;
  readonly lines: LineIndex;

  constructor(text: string) {
    this.lines = new LineIndex(text);
  }

  /** Line of the next match of the pattern (a RegExp source), or undefined when it is absent. */
  find(pattern: string, flags = ""): number | undefined {
    if (this.missesLeft <= 0) return undefined;
    const re = new RegExp(pattern, `g${flags}`);
    const text = this.lines.text;
    re.lastIndex = this.cursor;
    let match = re.exec(text);
    if (!match && this.cursor > 0) {
      re.lastIndex = 0;
      match = re.exec(text);
    }
    if (!match) {
      this.missesLeft--;
      return undefined;
    }
    this.cursor = match.index + Math.max(match[0].length, 1);
    return this.lines.lineAt(match.index);
  }

  /** Line of `"key": "value"` in a JSON document. */
  jsonPair(key: string, value: string): number | undefined {
    return this.find(`${escapeRegExp(JSON.stringify(key))}\\s*:\\s*${jsonStringPattern(value)}`);
  }

  /** Line of `"key": {` in a JSON document: a member holding an object. */
  jsonObjectKey(key: string): number | undefined {
    return this.find(`${escapeRegExp(JSON.stringify(key))}\\s*:\\s*\\{`);
  }

  /** Line of `"key":` in a JSON document. */
  jsonKey(key: string): number | undefined {
    return this.find(`${escapeRegExp(JSON.stringify(key))}\\s*:`);
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** A JSON string literal as a pattern, also matching the \\u escapes some writers (Go) use for & < >. */
function jsonStringPattern(value: string): string {
  return escapeRegExp(JSON.stringify(value)).replace(
    /[&<>]/g,
    (c) => `(?:${c}|\\\\u00${c.charCodeAt(0).toString(16)})`,
  );
}
