// Rules marked anchoredAtKeywords run only at the keyword positions the prefilter found; this holds them
// to exactly what a whole-text scan finds, over every rule's examples and over real source files.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { expandExample } from "./examples.js";
import { builtinRules } from "./rules/index.js";
import { SecretScanner } from "./scanner.js";

const anchored = new SecretScanner({ testPaths: { mode: "keep" } });
const whole = new SecretScanner({ testPaths: { mode: "keep" }, anchoring: false });

function summary(s: SecretScanner, path: string, text: string, bytes: boolean) {
  const r = bytes ? s.scanBytes(path, Buffer.from(text)) : s.scanUnchecked({ path, text });
  return r.findings.map((f) => [f.ruleId, f.location?.startLine, f.location?.startColumn, f.fingerprint]);
}

function* sourceFiles(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory() && e.name !== "node_modules" && e.name !== "dist")
      yield* sourceFiles(join(dir, e.name));
    else if (e.isFile() && /\.(?:ts|md|json)$/.test(e.name)) yield join(dir, e.name);
  }
}

describe("keyword-anchored rules", () => {
  it("find exactly what a whole-text scan finds in every rule's examples, alone and run together", () => {
    const texts: [string, string][] = builtinRules.flatMap((r) =>
      [...r.examples.tp, ...r.examples.fp].map(
        (t) =>
          [r.examples.path ?? "config/app.env", expandExample(t, `anchored-${r.id}`)] as [string, string],
      ),
    );
    let found = 0;
    for (const [path, text] of texts) {
      const expected = summary(whole, path, text, false);
      found += expected.length;
      expect(summary(anchored, path, text, false), text).toEqual(expected);
      expect(summary(anchored, path, text, true), text).toEqual(expected);
    }
    const all = texts.map(([, t]) => t).join("\n");
    for (const path of ["src/settings.ts", "config/app.env", "deploy/values.yaml"])
      expect(summary(anchored, path, all, true)).toEqual(summary(whole, path, all, false));
    expect(found).toBeGreaterThan(200);
  });

  it("find exactly what a whole-text scan finds in this repository's sources and docs", () => {
    const root = fileURLToPath(new URL("../../", import.meta.url));
    let files = 0;
    for (const file of sourceFiles(root)) {
      const text = readFileSync(file, "utf8");
      const path = file.slice(root.length);
      expect(summary(anchored, path, text, true), path).toEqual(summary(whole, path, text, false));
      files++;
    }
    expect(files).toBeGreaterThan(100);
  });
});
