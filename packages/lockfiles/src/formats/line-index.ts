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
  /** jsonPair's index: key -> decoded string value -> [start, end) of each `"key": "value"`, in order. */
  private readonly pairs = new Map<string, Map<string, Array<[number, number]>>>();
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

  /**
   * Line of `"key": "value"` in a JSON document. The first lookup of a key indexes every string value
   * it has in one pass, so SBOMs with thousands of references cost one scan per key, misses included.
   */
  jsonPair(key: string, value: string): number | undefined {
    let byValue = this.pairs.get(key);
    if (!byValue) this.pairs.set(key, (byValue = indexPairs(this.lines.text, key)));
    const spans = byValue.get(value);
    if (!spans) return undefined;
    // The first occurrence from the cursor on, else (the order differs) the first one.
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid]![0] < this.cursor) lo = mid + 1;
      else hi = mid;
    }
    const [start, end] = spans[lo] ?? spans[0]!;
    this.cursor = end;
    return this.lines.lineAt(start);
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

/** Every `"key": "<string>"` of a JSON text by decoded value (so any escaping writers use matches). */
function indexPairs(text: string, key: string): Map<string, Array<[number, number]>> {
  const re = new RegExp(`${escapeRegExp(JSON.stringify(key))}\\s*:\\s*"((?:[^"\\\\]|\\\\.)*)"`, "g");
  const out = new Map<string, Array<[number, number]>>();
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const raw = m[1]!;
    let value = raw;
    if (raw.includes("\\")) {
      try {
        value = JSON.parse(`"${raw}"`) as string;
      } catch {
        continue; // not a valid JSON string: nothing declares a value there
      }
    }
    const span: [number, number] = [m.index, m.index + m[0].length];
    const list = out.get(value);
    if (list) list.push(span);
    else out.set(value, [span]);
  }
  return out;
}
