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
  /** Row length of `next`: a state's offset divided by it is the state's number. */
  private readonly classes: number;
  /** Keyword ids ending in state k (including via failure links): outIds[outStart[k] .. outStart[k + 1]). */
  private readonly outStart: Int32Array;
  private readonly outIds: Int32Array;
  private readonly lengths: number[];
  /** Longest keyword: how far back a state depends on the text. */
  private readonly maxLength: number;
  /** Per keyword id, 1 while a call has found it (cleared before the call returns). */
  private readonly seen: Uint8Array;
  readonly keywordCount: number;

  constructor(keywords: readonly string[]) {
    this.keywordCount = keywords.length;
    this.lengths = keywords.map((k) => k.length);
    this.maxLength = Math.max(0, ...this.lengths);
    this.seen = new Uint8Array(keywords.length);
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
    this.classes = classes;
    this.outStart = new Int32Array(out.length + 1);
    out.forEach((o, s) => (this.outStart[s + 1] = this.outStart[s]! + o.length));
    this.outIds = Int32Array.from(out.flat());
  }

  /**
   * Ids of the keywords that occur in `text` (each once, in no particular order). With `at`, also the
   * start offset of every occurrence of the keywords `at.wanted` flags, in `at.starts[id]` (ascending).
   */
  find(text: string, at?: KeywordPositions): number[] {
    const found: number[] = [];
    const { classOf, next } = this;
    let s = 0;
    for (let i = 0, n = text.length; i < n; i++) {
      s = next[s + classOf[text.charCodeAt(i)]!]!;
      if (s < 0) s = this.hit(s, i, found, at);
    }
    return this.finish(found);
  }

  /**
   * Like find, over UTF-8 (or any ASCII-compatible) bytes; positions are byte offsets. A DFA step waits
   * on the previous one (a dependent table read per byte), so a long buffer is cut into four segments
   * walked side by side: four independent chains the CPU overlaps, about twice the speed of one. Each
   * chain first steps, reporting nothing, through the `maxLength` bytes before its segment, which puts
   * it in the state a walk from the start would have there; so every occurrence is reported once, by
   * the chain whose segment holds its last byte.
   */
  findInBytes(bytes: Uint8Array, at?: KeywordPositions): number[] {
    const found: number[] = [];
    const { classOf, next } = this;
    const n = bytes.length;
    const q = n >> 2;
    let done = 0;
    if (q >= CHAIN_MIN_SEGMENT) {
      const b1 = q;
      const b2 = 2 * q;
      const b3 = 3 * q;
      let s0 = 0;
      let s1 = this.warm(bytes, b1);
      let s2 = this.warm(bytes, b2);
      let s3 = this.warm(bytes, b3);
      for (let i = 0; i < q; i++) {
        s0 = next[s0 + classOf[bytes[i]!]!]!;
        s1 = next[s1 + classOf[bytes[b1 + i]!]!]!;
        s2 = next[s2 + classOf[bytes[b2 + i]!]!]!;
        s3 = next[s3 + classOf[bytes[b3 + i]!]!]!;
        if ((s0 | s1 | s2 | s3) < 0) {
          if (s0 < 0) s0 = this.hit(s0, i, found, at);
          if (s1 < 0) s1 = this.hit(s1, b1 + i, found, at);
          if (s2 < 0) s2 = this.hit(s2, b2 + i, found, at);
          if (s3 < 0) s3 = this.hit(s3, b3 + i, found, at);
        }
      }
      // The chains pushed positions out of order.
      if (at) for (const list of at.starts) list?.sort((a, b) => a - b);
      done = 4 * q;
      // The tail (under 4 bytes) continues the last chain.
      let s = s3;
      for (let i = done; i < n; i++) {
        s = next[s + classOf[bytes[i]!]!]!;
        if (s < 0) s = this.hit(s, i, found, at);
      }
      return this.finish(found);
    }
    let s = 0;
    for (let i = 0; i < n; i++) {
      s = next[s + classOf[bytes[i]!]!]!;
      if (s < 0) s = this.hit(s, i, found, at);
    }
    return this.finish(found);
  }

  /** The state a walk from the start has at `end`, from the `maxLength` bytes before it. */
  private warm(bytes: Uint8Array, end: number): number {
    const { classOf, next } = this;
    let s = 0;
    for (let i = Math.max(0, end - this.maxLength); i < end; i++) {
      s = next[s + classOf[bytes[i]!]!]!;
      if (s < 0) s = -s - 1;
    }
    return s;
  }

  /** Records the keywords ending at `i` (state `negated`, as stored) and returns the plain state. */
  private hit(negated: number, i: number, found: number[], at: KeywordPositions | undefined): number {
    const s = -negated - 1;
    const seen = this.seen;
    const state = (s / this.classes) | 0;
    for (let k = this.outStart[state]!, end = this.outStart[state + 1]!; k < end; k++) {
      const id = this.outIds[k]!;
      if (seen[id] === 0) {
        seen[id] = 1;
        found.push(id);
      }
      if (at?.wanted[id] === 1) (at.starts[id] ??= []).push(i + 1 - this.lengths[id]!);
    }
    return s;
  }

  /** Clears the seen flags for the next call and returns the ids found. */
  private finish(found: number[]): number[] {
    for (const id of found) this.seen[id] = 0;
    return found;
  }
}

/** Below four segments of this many bytes one chain walks the buffer (the chains' warm-up would cost more). */
const CHAIN_MIN_SEGMENT = 256;

/** Where to collect keyword positions: `wanted[id] === 1` for the keywords whose starts are wanted. */
export interface KeywordPositions {
  wanted: Uint8Array;
  starts: (number[] | undefined)[];
}
