import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expandExample } from "./examples.js";
import { scanFile } from "./scan-file.js";
import { SecretScanner } from "./scanner.js";

let root: string;
const gh = expandExample("«raw:ghp»_«gh:30»", "scan-file");
const lines = (n: number) => Array.from({ length: n }, (_, i) => `export const v${i} = ${i};`).join("\n");

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "bulwark-secrets-file-"));
  // A bundle whose long line starts past the first 8 KiB, inside the first read.
  await writeFile(join(root, "late-long-line.js"), `${lines(600)}\nvar a="${"x".repeat(5000)}";\n`);
  // A NUL past the first 8 KiB does not make a file binary (git looks at the first 8 KiB too).
  await writeFile(join(root, "late-nul.txt"), `${"a".repeat(9000)}\0\ntoken = "${gh}"\n`);
  await writeFile(join(root, "early-nul.txt"), `ab\0cd\ntoken = "${gh}"\n`);
  // Larger than the first read: the rest is read too.
  await writeFile(join(root, "long.ts"), `${lines(8000)}\nconst token = "${gh}";\n`);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("scanFile", () => {
  it("judges binary and minified files from their first bytes as it would from the whole file", () => {
    const scanner = new SecretScanner();
    const outcome = (path: string) => scanFile(scanner, root, path);
    expect(outcome("late-long-line.js")).toMatchObject({ skipped: "minified", bytes: 0 });
    expect(outcome("early-nul.txt")).toMatchObject({ skipped: "binary", bytes: 0 });
    const late = outcome("late-nul.txt");
    expect(late.skipped).toBeUndefined();
    expect(late.findings.map((f) => f.finding["ruleId"])).toEqual(["github-personal-access-token"]);
    const long = outcome("long.ts");
    expect(long.bytes).toBeGreaterThan(128 * 1024);
    expect(long.findings.map((f) => (f.finding["location"] as { startLine: number }).startLine)).toEqual([
      8001,
    ]);
  });
});
