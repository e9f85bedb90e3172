// Every regular expression shipped in the engines and core (not tests) is collected from the sources
// with the TypeScript parser (regex literals, and `new RegExp("...")` / `RegExp("...")` with a literal
// pattern) and analysed by recheck for super-linear backtracking. The secrets package checks its own
// rules (redos.test.ts) and is left to it. An exponential verdict fails. A quadratic one is listed with
// the reviewed reason its input keeps it cheap (REVIEWED), or printed for review: whether recheck proves
// a quadratic pattern within its budget depends on the machine's load, so that verdict cannot gate a
// test; the parsers' fuzz tests (pathological shapes with time bounds) gate quadratic behaviour instead.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { createRequire } from "node:module";

// recheck is the secrets package's dependency; its pure-JavaScript backend runs on this thread.
process.env["RECHECK_SYNC_BACKEND"] ??= "pure";
const recheck = createRequire(new URL("../../packages/secrets/package.json", import.meta.url))("recheck") as {
  checkSync(
    source: string,
    flags: string,
    params: { checker: "automaton"; timeout: number },
  ): { status: "safe" | "vulnerable" | "unknown"; complexity?: { type: string; degree?: number } };
};

/**
 * recheck's automaton checker, 3 s per pattern (untimed, a few patterns run for many minutes). It gives
 * "unknown" past that, past its size limits, or on constructs it does not model (lookarounds,
 * backreferences).
 */
function checkRedos(pattern: RegExp): { status: string; detail?: string } {
  const result = recheck.checkSync(pattern.source, pattern.flags.replace(/[gyd]/g, ""), {
    checker: "automaton",
    timeout: 3000,
  });
  if (result.status !== "vulnerable") return { status: result.status };
  const c = result.complexity!;
  return { status: "vulnerable", detail: c.type === "polynomial" ? `degree ${c.degree} polynomial` : c.type };
}

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PACKAGES = [
  "core",
  "security-policy",
  "supported-versions",
  "lockfiles",
  "osv",
  "osv-scan",
  "sast",
  "secret-scan",
  "cli",
  "workflow-lint",
];

/**
 * Patterns recheck calls quadratic that were reviewed: why their input keeps them cheap. A new file using
 * one of them is covered only if the same reason holds there.
 */
const SPEC_CELL = "a supported-versions cell, at most 500 characters (MAX_SPEC_LENGTH)";
const LIST_ITEM = "a list item of at most 500 characters (MAX_ITEM_LENGTH)";
const HTML = "an HTML stretch of at most 200,000 characters (MAX_HTML_LENGTH)";
const REVIEWED: [RegExp, string][] = [
  [/<table\b[\s\S]*?<\/table>/gi, HTML],
  [/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi, HTML],
  [
    /\/+$/,
    "trailing slashes off a URL or path from inputs, config or records: quadratic only in a run of slashes that does not end it",
  ],
  [/\n*$/, "our own comment text, capped at 65,536 bytes"],
  [/\brel="?([^";]*\s)?next(\s[^";]*)?"?/, "one Link header from the GitHub API"],
  [/\[([^\]]*)\]\([^)]*\)/g, SPEC_CELL],
  [/\(.*?\)/g, SPEC_CELL],
  [/(\d[\w.*]*)\s*\+$/, SPEC_CELL],
  [/\s*(?:–|—|\bto\b|\bthrough\b)\s*/gi, SPEC_CELL],
  [/^(\d[\w.*]*)\s*(and|&)?\s*(up|above|newer|later)$/i, SPEC_CELL],
  [/^(.+?)\s*\((.+)\)\s*\.?$/, LIST_ITEM],
  [/^(:[a-z_]+:|[✅✔✓☑❌✗✘✖⛔🚫]\uFE0F?)\s*(.+)$|^(.+?)\s*(:[a-z_]+:|[✅✔✓☑❌✗✘✖⛔🚫]\uFE0F?)$/u, LIST_ITEM],
  [/--.*$/, "one line of a cabal freeze file: `.` fails only at a line separator inside the line"],
  [/^(?:[\w-]+:)*(?:any\.|setup\.)?([A-Za-z0-9][\w-]*)\s*(.*)$/, "one constraint of a cabal freeze file"],
  [/\$\{([^}]+)\}/g, "a pom.xml text node: quadratic only in `${` left unclosed"],
  [/(\d+(?:\.\d+)*)$/, "a purl distro qualifier"],
  [/[#?].*$/, "a requirements.txt URL: `.` fails only at a line separator"],
  [
    /\s--?[a-z][\w-]*(=\S*|\s+\S+)?.*$/i,
    "one requirements.txt line: quadratic only in option-like words on it",
  ],
  [/(-\d[^-]*)?(\.tar\.gz|\.zip|-py\d.*\.whl|\.whl)$/, "the last path segment of a requirements.txt URL"],
  [/\s*:\s*/g, "a Maven package name (group:artifact)"],
  [/\t.*$/, "one line of git diff output"],
  [/(\d+\.\d+(?:\.\d+)?)/, "an analyser's --version output"],
  [/ b\/(.*)$/, "one `diff --git` header line"],
  [/\s*\n\s*/g, "an action.yml description (our own files)"],
  [/^([\s\S]*?)\s*Default: ([\s\S]+?)\.?\s*$/, "an input description from our own action.yml"],
  [/\$\{\{([\s\S]*?)\}\}/g, "a workflow's run: script: quadratic only in `${{` left unclosed"],
];

function reviewed(source: string, flags: string): string | undefined {
  return REVIEWED.find(([re]) => re.source === source && re.flags === flags)?.[1];
}

interface ShippedRegex {
  file: string;
  line: number;
  source: string;
  flags: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory())
      return name === "test-support" || name === "node_modules" ? [] : sourceFiles(p);
    return /\.ts$/.test(name) && !/\.(test|fuzz|bench)\.ts$|\.d\.ts$/.test(name) ? [p] : [];
  });
}

function regexesIn(file: string): ShippedRegex[] {
  const text = readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: ShippedRegex[] = [];
  const at = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const rel = relative(ROOT, file);
  const visit = (node: ts.Node) => {
    if (ts.isRegularExpressionLiteral(node)) {
      const literal = node.text;
      const end = literal.lastIndexOf("/");
      found.push({ file: rel, line: at(node), source: literal.slice(1, end), flags: literal.slice(end + 1) });
    } else if (
      (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === "RegExp" &&
      node.arguments?.[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      const flags =
        node.arguments[1] && ts.isStringLiteralLike(node.arguments[1]) ? node.arguments[1].text : "";
      found.push({ file: rel, line: at(node), source: node.arguments[0].text, flags });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const shipped = PACKAGES.flatMap((p) => sourceFiles(join(ROOT, "packages", p, "src")).flatMap(regexesIn));

describe("shipped regular expressions", () => {
  it("are collected from every engine", () => {
    const perPackage = new Map<string, number>();
    for (const r of shipped) {
      const pkg = r.file.split("/")[1]!;
      perPackage.set(pkg, (perPackage.get(pkg) ?? 0) + 1);
    }
    // A collector that silently finds nothing would pass everything.
    for (const p of ["core", "security-policy", "lockfiles", "osv", "sast"])
      expect(perPackage.get(p) ?? 0, p).toBeGreaterThan(5);
  });

  it("the check finds what it must", () => {
    expect(checkRedos(/^(a+)+$/).status).toBe("vulnerable");
    // A quadratic pattern security-policy shipped once (trimming a URL's trailing punctuation).
    expect(checkRedos(/[.,;:!?]+$/)).toEqual({
      status: "vulnerable",
      detail: "degree 2 polynomial",
    });
  });

  it("every reviewed pattern is still shipped (the list stays current)", () => {
    for (const [re] of REVIEWED)
      expect(
        shipped.some((r) => r.source === re.source && r.flags === re.flags),
        String(re),
      ).toBe(true);
  });

  it("none backtracks exponentially (recheck); quadratic ones are listed for review", () => {
    const vulnerable: string[] = [];
    const unreviewed: string[] = [];
    const unique = new Map<string, ShippedRegex>();
    for (const r of shipped) unique.set(`${r.file}\u0000/${r.source}/${r.flags}`, r);
    for (const r of unique.values()) {
      let pattern: RegExp;
      try {
        pattern = new RegExp(r.source, r.flags);
      } catch {
        continue; // not valid on its own (e.g. a fragment joined into a larger pattern elsewhere)
      }
      const verdict = checkRedos(pattern);
      if (verdict.status !== "vulnerable") continue;
      const where = `${r.file}:${r.line}: /${r.source}/${r.flags} (${verdict.detail})`;
      if (verdict.detail !== "degree 2 polynomial") vulnerable.push(where);
      else if (!reviewed(r.source, r.flags)) unreviewed.push(where);
    }
    if (unreviewed.length > 0)
      console.warn(`Quadratic patterns without a reviewed reason:\n${unreviewed.join("\n")}`);
    expect(vulnerable).toEqual([]);
  }, 600_000);
});
