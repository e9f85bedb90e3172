// Values people commit as stand-ins for real credentials. Matching any of these drops a candidate.

const WORDS = [
  "example",
  "xxxx",
  "changeme",
  "change_me",
  "change-me",
  "your_",
  "your-",
  "yourapi",
  "yourkey",
  "yoursecret",
  "yourtoken",
  "_here",
  "-here",
  "placeholder",
  "dummy",
  "redacted",
  "replace",
  "insert",
  "sample",
  "todo",
  "fixme",
  "notreal",
  "not_real",
  "not-a-real",
  "secret123",
  "password123",
  "qwerty",
  "****",
  "....",
  "…",
];

/**
 * Template variables and interpolations: `${VAR}`, `{{ var }}`, `<token>`, `%(name)s`, `$(cmd)`, `#{x}`,
 * and this package's own example slots (`«a:40»`).
 */
const TEMPLATE = /\$\{|\{\{|\}\}|<[^>]*>|%\([a-z_]+\)|\$\(|#\{|^\$[A-Za-z_]|^%[A-Za-z_]+%$|«/i;

function longestSequentialRun(s: string): number {
  let best = 1;
  let run = 1;
  for (let i = 1; i < s.length; i++) {
    const d = s.charCodeAt(i) - s.charCodeAt(i - 1);
    run = d === 1 || d === -1 ? run + 1 : 1;
    if (run > best) best = run;
  }
  return best;
}

function distinctChars(s: string): number {
  return new Set(s).size;
}

/** Why `secret` looks like a placeholder, or undefined when it does not. */
export function placeholderReason(secret: string): string | undefined {
  const lower = secret.toLowerCase();
  for (const w of WORDS) if (lower.includes(w)) return `contains "${w}"`;
  if (TEMPLATE.test(secret)) return "template variable";
  // Strip separators so "aaaa-aaaa" counts as all the same character.
  const core = secret.replace(/[-_.:/+=]/g, "");
  if (core.length >= 6 && distinctChars(core) <= 3) return "repeated characters";
  if (longestSequentialRun(core) >= 6) return "sequential run";
  return undefined;
}
