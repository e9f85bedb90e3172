// JSON with comments and trailing commas (bun.lock): rewritten to plain JSON of the same length and
// line layout, so parse errors and key lines still point at the original text.
export function jsoncToJson(text: string): string {
  const out: string[] = [];
  let last = 0;
  const n = text.length;
  // Index in `text` of the last comma seen outside strings and comments, while only blanks follow it.
  let pendingComma = -1;
  const blank = (from: number, to: number): void => {
    out.push(text.slice(last, from), text.slice(from, to).replace(/[^\n]/g, " "));
    last = to;
  };
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      pendingComma = -1;
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
    } else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      const end = text.indexOf("\n", i);
      const stop = end === -1 ? n : end;
      blank(i, stop);
      i = stop - 1;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const end = text.indexOf("*/", i + 2);
      const stop = end === -1 ? n : end + 2;
      blank(i, stop);
      i = stop - 1;
    } else if (c === 44) {
      pendingComma = i;
    } else if (c === 125 || c === 93) {
      if (pendingComma !== -1) blank(pendingComma, pendingComma + 1);
      pendingComma = -1;
    } else if (c !== 32 && c !== 10 && c !== 13 && c !== 9) {
      pendingComma = -1;
    }
  }
  out.push(text.slice(last));
  return out.join("");
}
