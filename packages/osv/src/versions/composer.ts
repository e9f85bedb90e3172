// Packagist ordering: Composer normalises a version (leading `v` dropped, numeric part padded to four
// components, `x` wildcards of `1.2.x-dev` read as 9999999, stability names expanded) and then orders
// it as PHP's version_compare does: numbers numerically; stability words by rank
// dev < alpha = a < beta = b < RC < (number) < patch = pl = p;
// when one version runs out, a remaining number makes the other newer and a remaining word is
// compared with the rank of a number (so 1.0.0.0-beta < 1.0.0.0 < 1.0.0.0-patch1).
// Branch names (`dev-main`) and words Composer does not know are not versions here.
import type { VersionScheme } from "./scheme.js";
import { compareDigits, isDigitCode, isLetterCode, stripLeadingZeros } from "./digits.js";

/** Numbers are digit strings; words are their rank. */
export type ComposerToken = string | number;

const NUMBER_RANK = 4;
/** The stability words Composer's version parser accepts, with PHP version_compare's ranks. */
const FORMS: Record<string, number> = { dev: 0, alpha: 1, a: 1, beta: 2, b: 2, rc: 3, patch: 5, pl: 5, p: 5 };

function formRank(word: string): number | undefined {
  return Object.hasOwn(FORMS, word) ? FORMS[word] : undefined;
}

export function parseComposer(input: string): ComposerToken[] | undefined {
  let s = input.trim().toLowerCase();
  if (s.startsWith("v")) s = s.slice(1);
  if (s.length === 0 || !isDigitCode(s.charCodeAt(0))) return undefined;
  // Numeric head: up to four dot-separated components (x/* wildcards allowed for -dev branches).
  let i = 0;
  const head: string[] = [];
  while (head.length < 4) {
    let end = i;
    while (end < s.length && isDigitCode(s.charCodeAt(end))) end++;
    if (end === i && (s[i] === "x" || s[i] === "*") && head.length > 0) end = i + 1;
    if (end === i) break;
    const part = s.slice(i, end);
    head.push(part === "x" || part === "*" ? "9999999" : stripLeadingZeros(part));
    i = end;
    if (
      s[i] === "." &&
      i + 1 < s.length &&
      (isDigitCode(s.charCodeAt(i + 1)) || s[i + 1] === "x" || s[i + 1] === "*")
    )
      i++;
    else break;
  }
  while (head.length < 4) head.push("0");
  const tokens: ComposerToken[] = [...head];
  // Suffix: words and numbers separated by . - _ + or by letter/digit transitions.
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 46 || c === 45 || c === 95 || c === 43) {
      i++;
      continue;
    }
    let end = i + 1;
    if (isDigitCode(c)) {
      while (end < s.length && isDigitCode(s.charCodeAt(end))) end++;
      tokens.push(stripLeadingZeros(s.slice(i, end)));
    } else if (isLetterCode(c)) {
      while (end < s.length && isLetterCode(s.charCodeAt(end))) end++;
      const word = s.slice(i, end);
      if (word !== "stable") {
        const rank = formRank(word);
        if (rank === undefined) return undefined;
        tokens.push(rank);
      }
    } else {
      return undefined;
    }
    i = end;
  }
  return tokens;
}

function rankOf(t: ComposerToken): number {
  return typeof t === "string" ? NUMBER_RANK : t;
}

export function compareComposer(a: ComposerToken[], b: ComposerToken[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] as ComposerToken;
    const y = b[i] as ComposerToken;
    const c = typeof x === "string" && typeof y === "string" ? compareDigits(x, y) : rankOf(x) - rankOf(y);
    if (c !== 0) return c;
  }
  if (a.length === b.length) return 0;
  if (a.length > b.length) {
    const rest = a[n] as ComposerToken;
    return typeof rest === "string" ? 1 : rest - NUMBER_RANK || 1;
  }
  const rest = b[n] as ComposerToken;
  return typeof rest === "string" ? -1 : NUMBER_RANK - rest || -1;
}

export const composerScheme: VersionScheme<ComposerToken[]> = {
  name: "Composer",
  parse: parseComposer,
  compare: compareComposer,
};
