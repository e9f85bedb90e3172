// Whether every match of a pattern starts where one of its keywords starts: true when each top-level
// alternative begins (after zero-width `\b`, `^` and lookarounds, inside any groups) with a literal that
// one of the keywords is a prefix of, case-insensitively. Such a rule's regex need run only at the
// keyword positions the prefilter records, not over the whole text (most provider tokens: `ghp_...`,
// `xoxb-...`, `AKIA...`). Anything this reader does not follow answers false, which only costs speed.

/** Characters that stand for themselves when unescaped. */
const PLAIN = /[A-Za-z0-9_\-:/"'=~@#%&,;<>! ]/;
/** Escapes that stand for one literal character. */
const ESCAPED = /[.\-/$+*?()[\]{}|\\^:="'@#%&~!]/;
const QUANTIFIER = /[?*+{]/;

/** Splits `source` at top-level `|` (outside groups and classes). */
function alternatives(source: string): string[] | undefined {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === "\\") i++;
    else if (ch === "[") {
      i = classEnd(source, i);
      if (i < 0) return undefined;
    } else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "|" && depth === 0) {
      out.push(source.slice(start, i));
      start = i + 1;
    }
  }
  out.push(source.slice(start));
  return out;
}

/** Index of the `]` closing the class opened at `open`, or -1. */
function classEnd(source: string, open: number): number {
  for (let i = open + 1; i < source.length; i++) {
    if (source[i] === "\\") i++;
    else if (source[i] === "]" && i > open + 1) return i;
  }
  return -1;
}

/** Index just past the group opened at `open`, or -1. */
function groupEnd(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const ch = source[i];
    if (ch === "\\") i++;
    else if (ch === "[") {
      i = classEnd(source, i);
      if (i < 0) return -1;
    } else if (ch === "(") depth++;
    else if (ch === ")" && --depth === 0) return i + 1;
  }
  return -1;
}

/** A literal every match of an alternative starts with; `open` while the alternative was all literal. */
interface Prefix {
  text: string;
  open: boolean;
}

/** Beyond this many prefixes (alternations multiply) the reader gives up. */
const MAX_PREFIXES = 64;

/** The literal prefixes one of which every match of `source` starts with; undefined when unknown. */
export function leadingLiterals(source: string): string[] | undefined {
  const prefixes = prefixesOf(source);
  if (!prefixes || prefixes.some((p) => p.text.length === 0)) return undefined;
  return prefixes.map((p) => p.text);
}

function prefixesOf(source: string): Prefix[] | undefined {
  const alts = alternatives(source);
  if (!alts) return undefined;
  const out: Prefix[] = [];
  for (const alt of alts) {
    const p = sequencePrefixes(alt);
    if (!p) return undefined;
    out.push(...p);
  }
  return out.length > MAX_PREFIXES ? undefined : out;
}

/** Literal prefixes of one alternative: its literal characters and unquantified groups, in order. */
function sequencePrefixes(alt: string): Prefix[] | undefined {
  let prefixes: Prefix[] = [{ text: "", open: true }];
  const close = () => prefixes.map((p) => ({ text: p.text, open: false }));
  let i = 0;
  while (i < alt.length && prefixes.some((p) => p.open)) {
    const ch = alt[i]!;
    // Zero-width: `\b`, `^`, lookarounds do not consume, so what follows still starts the match.
    if (alt.startsWith("\\b", i)) {
      i += 2;
      continue;
    }
    if (ch === "^") {
      i++;
      continue;
    }
    if (/^\(\?<?[=!]/.test(alt.slice(i, i + 4))) {
      const end = groupEnd(alt, i);
      if (end < 0) return undefined;
      i = end;
      continue;
    }
    if (ch === "(") {
      const end = groupEnd(alt, i);
      if (end < 0) return undefined;
      const optional = optionalAt(alt, end);
      if (optional === 0 && QUANTIFIER.test(alt[end] ?? "")) {
        prefixes = close();
        break;
      }
      const inner = prefixesOf(alt.slice(i, end - 1).replace(/^\((?:\?:|\?<[A-Za-z_]\w*>)?/, ""));
      if (!inner) {
        prefixes = close();
        break;
      }
      const next = extend(prefixes, inner, optional > 0);
      if (!next) {
        prefixes = close();
        break;
      }
      prefixes = next;
      i = end + optional;
      continue;
    }
    let lit: string | undefined;
    let width = 1;
    if (ch === "\\" && ESCAPED.test(alt[i + 1] ?? "")) {
      lit = alt[i + 1]!;
      width = 2;
    } else if (PLAIN.test(ch)) lit = ch;
    const optional = lit === undefined ? 0 : optionalAt(alt, i + width);
    // Any other quantified character is not certain to be there (nor how often); anything else ends
    // the literal.
    if (lit === undefined || (optional === 0 && QUANTIFIER.test(alt[i + width] ?? ""))) {
      prefixes = close();
      break;
    }
    const next = extend(prefixes, [{ text: lit, open: true }], optional > 0);
    if (!next) {
      prefixes = close();
      break;
    }
    prefixes = next;
    i += width + optional;
  }
  return prefixes;
}

/** Length of a `?` or `??` quantifier at `at` (0 when there is none): the item is there or not. */
function optionalAt(alt: string, at: number): number {
  if (alt[at] !== "?") return 0;
  return alt[at + 1] === "?" ? 2 : 1;
}

/** Every open prefix followed by every one of `items` (and, when optional, by none); undefined if too many. */
function extend(prefixes: Prefix[], items: Prefix[], optional: boolean): Prefix[] | undefined {
  const next: Prefix[] = [];
  for (const p of prefixes) {
    if (!p.open) next.push(p);
    else {
      for (const q of items) next.push({ text: p.text + q.text, open: q.open });
      if (optional) next.push(p);
    }
  }
  return next.length > MAX_PREFIXES ? undefined : next;
}

/** True when every match of `pattern` starts where one of `keywords` (lowercase) starts. */
export function startsAtKeyword(pattern: RegExp, keywords: readonly string[]): boolean {
  if (keywords.length === 0) return false;
  const lits = leadingLiterals(pattern.source);
  if (!lits) return false;
  return lits.every((lit) => keywords.some((k) => lit.toLowerCase().startsWith(k.toLowerCase())));
}
