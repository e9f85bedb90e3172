// Keyword positions come from the prefilter's pass over a file's UTF-8 bytes; the rules run over the
// decoded string, whose offsets count UTF-16 units. For valid UTF-8 this converts one to the other from
// the runs of non-ASCII characters alone (a regex over the string, far cheaper than a second keyword
// pass): before a byte offset, each character of U+0080..U+07FF took one byte more than its unit,
// U+0800..U+FFFF two more, and a surrogate pair (4 bytes) two more than its two units.
import type { KeywordPositions } from "./aho-corasick.js";

const NON_ASCII = /[^\0-\x7f]+/g;

/**
 * Rewrites `at.starts` from byte offsets in `bytes` to offsets in `text`, its UTF-8 decoding. Only
 * valid for valid UTF-8 (the caller checks), and for offsets of ASCII characters (keyword starts).
 */
export function bytePositionsToUtf16(text: string, at: KeywordPositions): void {
  // After each run: its end as a byte offset, and how many bytes more than units came before that.
  const byteEnds: number[] = [];
  const extras: number[] = [];
  let extra = 0;
  NON_ASCII.lastIndex = 0;
  for (let m = NON_ASCII.exec(text); m !== null; m = NON_ASCII.exec(text)) {
    const run = m[0];
    for (let j = 0; j < run.length; j++) {
      const c = run.charCodeAt(j);
      if (c < 0x800) extra += 1;
      else if (c >= 0xd800 && c <= 0xdbff) {
        extra += 2;
        j++;
      } else extra += 2;
    }
    byteEnds.push(m.index + run.length + extra);
    extras.push(extra);
  }
  if (byteEnds.length === 0) return;
  for (const list of at.starts) {
    if (!list) continue;
    for (let k = 0; k < list.length; k++) {
      const p = list[k]!;
      // The last run ending at or before p.
      let lo = 0;
      let hi = byteEnds.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (byteEnds[mid]! <= p) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      list[k] = found < 0 ? p : p - extras[found]!;
    }
  }
}
