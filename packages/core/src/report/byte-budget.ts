// Keeps generated text under a size limit by dropping whole lines and saying how many were dropped.

export function byteLength(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/**
 * The longest prefix of `lines` that, with the note for what is left out, fits in `budget` bytes
 * (each line counts its newline). Returns the kept lines with the note appended when some were dropped.
 */
export function fitLines(
  lines: readonly string[],
  budget: number,
  note: (omitted: number) => string,
): { lines: string[]; omitted: number } {
  let total = 0;
  for (const l of lines) total += byteLength(l) + 1;
  if (total <= budget) return { lines: [...lines], omitted: 0 };
  // The note's length depends on the number left out; the widest possible note bounds it.
  const reserve = byteLength(note(lines.length)) + 1;
  const kept: string[] = [];
  let used = 0;
  for (const l of lines) {
    const size = byteLength(l) + 1;
    if (used + size + reserve > budget) break;
    kept.push(l);
    used += size;
  }
  const omitted = lines.length - kept.length;
  return { lines: [...kept, note(omitted)], omitted };
}

/** A last guard: cuts text to at most `limit` UTF-8 bytes at a line boundary where one is near. */
export function clipBytes(text: string, limit: number): string {
  if (byteLength(text) <= limit) return text;
  const bytes = Buffer.from(text, "utf8").subarray(0, Math.max(0, limit));
  // Drop a partial trailing character, then back off to the last newline.
  let cut = new TextDecoder("utf-8", { fatal: false }).decode(bytes).replace(/\uFFFD$/, "");
  const nl = cut.lastIndexOf("\n");
  if (nl > 0) cut = cut.slice(0, nl + 1);
  return cut;
}
