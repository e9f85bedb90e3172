// One pass over the text finds which keywords occur, case-insensitively, without lowercasing a copy.
// The automaton is a full DFA over a reduced alphabet: characters that appear in no keyword all map to
// class 0, so the transition table stays small. A transition into a state where keywords end is stored
// negated, so the inner loop is two array reads and a sign test per character. Keywords are ASCII, so the
// same automaton runs over UTF-8 bytes (a file not yet decoded) and over strings.

export class KeywordMatcher {
  /** Character class by UTF-16 code unit (bytes use the first 256 entries). */
  private readonly classOf: Uint8Array;
  /** Row offset (state * classes) of the next state; stored as -(offset + 1) when keywords end there. */
  private readonly next: Int32Array;
  /** By state row offset: the keyword ids ending there (including via failure links). */
  private readonly outputs: number[][];
  private readonly lengths: number[];
  readonly keywordCount: number;

  constructor(keywords: readonly string[]) {
    this.keywordCount = keywords.length;
    this.lengths = keywords.map((k) => k.length);
    this.classOf = new Uint8Array(65536);
    let classes = 1;
    for (const kw of keywords) {
      for (const ch of kw.toLowerCase()) {
        const code = ch.charCodeAt(0);
        if (code > 0x7f) throw new Error(`keyword "${kw}" is not ASCII`);
        if (this.classOf[code] === 0) {
          if (classes >= 255) throw new Error("too many distinct keyword characters");
          this.classOf[code] = classes;
          const upper = ch.toUpperCase();
          if (upper.length === 1 && upper !== ch) this.classOf[upper.charCodeAt(0)] = classes;
          classes++;
        }
      }
    }
    // Build the trie.
    const trie: number[][] = [new Array<number>(classes).fill(-1)];
    const out: number[][] = [[]];
    keywords.forEach((kw, id) => {
      let s = 0;
      for (const ch of kw.toLowerCase()) {
        const c = this.classOf[ch.charCodeAt(0)]!;
        if (trie[s]![c] === -1) {
          trie.push(new Array<number>(classes).fill(-1));
          out.push([]);
          trie[s]![c] = trie.length - 1;
        }
        s = trie[s]![c]!;
      }
      out[s]!.push(id);
    });
    // Breadth-first: fill failure transitions so every state has a move for every class.
    const fail = new Int32Array(trie.length);
    const queue: number[] = [];
    for (let c = 0; c < classes; c++) {
      const t = trie[0]![c]!;
      if (t === -1) trie[0]![c] = 0;
      else {
        fail[t] = 0;
        queue.push(t);
      }
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi]!;
      out[s] = out[s]!.concat(out[fail[s]!]!);
      for (let c = 0; c < classes; c++) {
        const t = trie[s]![c]!;
        if (t === -1) trie[s]![c] = trie[fail[s]!]![c]!;
        else {
          fail[t] = trie[fail[s]!]![c]!;
          queue.push(t);
        }
      }
    }
    this.next = new Int32Array(trie.length * classes);
    trie.forEach((row, s) =>
      row.forEach((t, c) => {
        const offset = t * classes;
        this.next[s * classes + c] = out[t]!.length > 0 ? -(offset + 1) : offset;
      }),
    );
    this.outputs = [];
    out.forEach((o, s) => {
      if (o.length > 0) this.outputs[s * classes] = o;
    });
  }

  /**
   * Ids of the keywords that occur in `text` (each once). With `at`, also the start offset of every
   * occurrence of the keywords `at.wanted` flags, in `at.starts[id]` (ascending).
   */
  find(text: string, at?: KeywordPositions): Set<number> {
    const found = new Set<number>();
    const { classOf, next, outputs, keywordCount } = this;
    let s = 0;
    for (let i = 0, n = text.length; i < n; i++) {
      s = next[s + classOf[text.charCodeAt(i)]!]!;
      if (s < 0) {
        s = -s - 1;
        for (const id of outputs[s]!) {
          found.add(id);
          if (at?.wanted[id] === 1) (at.starts[id] ??= []).push(i + 1 - this.lengths[id]!);
        }
        if (found.size === keywordCount && !at) break;
      }
    }
    return found;
  }

  /** Like find, over UTF-8 (or any ASCII-compatible) bytes; positions are byte offsets. */
  findInBytes(bytes: Uint8Array, at?: KeywordPositions): Set<number> {
    const found = new Set<number>();
    const { classOf, next, outputs, keywordCount } = this;
    let s = 0;
    for (let i = 0, n = bytes.length; i < n; i++) {
      s = next[s + classOf[bytes[i]!]!]!;
      if (s < 0) {
        s = -s - 1;
        for (const id of outputs[s]!) {
          found.add(id);
          if (at?.wanted[id] === 1) (at.starts[id] ??= []).push(i + 1 - this.lengths[id]!);
        }
        if (found.size === keywordCount && !at) break;
      }
    }
    return found;
  }
}

/** Where to collect keyword positions: `wanted[id] === 1` for the keywords whose starts are wanted. */
export interface KeywordPositions {
  wanted: Uint8Array;
  starts: (number[] | undefined)[];
}
