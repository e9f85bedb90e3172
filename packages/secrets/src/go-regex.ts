// gitleaks rules are Go (RE2) regular expressions. Most carry over to JavaScript unchanged; this
// translates the differences that occur in practice and refuses the rest with a reason.

export interface TranslatedRegex {
  source: string;
  flags: string;
}

const POSIX_CLASSES: Record<string, string> = {
  alnum: "A-Za-z0-9",
  alpha: "A-Za-z",
  digit: "0-9",
  xdigit: "0-9A-Fa-f",
  upper: "A-Z",
  lower: "a-z",
  space: "\\s",
  word: "\\w",
  punct: "!-\\/:-@\\[-`{-~",
};

/** Translates a Go regex; throws an Error saying what is not supported. */
export function translateGoRegex(go: string): TranslatedRegex {
  let source = go;
  let flags = "";
  // Leading flag groups apply to the whole pattern: (?i), (?s), (?is), (?m)...
  for (let m = /^\(\?([imsU]+)\)/.exec(source); m; m = /^\(\?([imsU]+)\)/.exec(source)) {
    if (m[1]!.includes("U")) throw new Error("the U (ungreedy) flag has no JavaScript equivalent");
    for (const f of m[1]!) if (!flags.includes(f)) flags += f;
    source = source.slice(m[0].length);
  }
  if (/\(\?[imsU-]+[:)]/.test(source))
    throw new Error("inline flag groups inside the pattern are not supported");
  if (/\\[QE]/.test(source)) throw new Error("\\Q...\\E quoting is not supported");
  source = source
    .replace(/\(\?P</g, "(?<")
    .replace(/\\A/g, "^")
    .replace(/\\z/g, "$")
    .replace(/\[:(\^?)([a-z]+):\]/g, (whole, neg: string, name: string) => {
      const cls = POSIX_CLASSES[name];
      if (!cls) throw new Error(`unknown POSIX class [:${name}:]`);
      if (neg) throw new Error(`negated POSIX class [:^${name}:] is not supported`);
      return cls;
    });
  return { source, flags };
}
