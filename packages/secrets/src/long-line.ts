// Minified-file detection: is any line longer than a limit?

// Whether some line is longer than `max`: from the start of a line, the last newline within the next
// `max` characters starts the next window; none there means this line is longer. One search per `max`
// characters rather than one per line (a 64 KiB head has thousands of lines).
export function hasLongLine(text: string, max: number): boolean {
  for (let p = 0; text.length - p > max;) {
    const q = text.lastIndexOf("\n", p + max);
    if (q < p) return true;
    p = q + 1;
  }
  return false;
}

export function hasLongByteLine(bytes: Uint8Array, max: number): boolean {
  for (let p = 0; bytes.length - p > max;) {
    const q = bytes.lastIndexOf(10, p + max);
    if (q < p) return true;
    p = q + 1;
  }
  return false;
}
