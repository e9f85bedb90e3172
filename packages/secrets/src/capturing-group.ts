// Which group of a rule's match is the secret by default: the first capturing group, if there is one.

/**
 * Whether the pattern has a capturing group: an unescaped `(` outside a class, not `(?:`, `(?=`, `(?!`,
 * `(?<=`, `(?<!`. Read from the source: the old way, compiling and running a copy of every rule's regex,
 * cost each worker thread ~12 ms at start-up.
 */
export function hasCapturingGroup(source: string): boolean {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === "\\") i++;
    else if (inClass) inClass = ch !== "]";
    else if (ch === "[") inClass = true;
    else if (ch === "(") {
      if (source[i + 1] !== "?") return true;
      if (source[i + 2] === "<" && source[i + 3] !== "=" && source[i + 3] !== "!") return true;
    }
  }
  return false;
}
