import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { walkTreeSync } from "./walk.js";

let root: string;

async function put(rel: string, text = "x\n") {
  await mkdir(dirname(join(root, rel)), { recursive: true });
  await writeFile(join(root, rel), text);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "bulwark-secrets-walk-"));
  execFileSync("git", ["init", "-q", root]);
  await put(".gitignore", "*.log\nbuild/\n");
  await put("src/a.ts");
  await put("src/debug.log");
  await put("build/out.js");
  await put("lib/.gitignore", "generated.ts\n");
  await put("lib/generated.ts");
  await put("lib/kept.ts");
  await put("notes/private.md");
  await put(".git/info/exclude", "notes/\n");
  await symlink(join(root, "src"), join(root, "linked"));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("walkTreeSync", () => {
  it("lists the files git would see: nested .gitignore files and info/exclude honoured, no symlinks", () => {
    const counts: number[] = [];
    const walk = walkTreeSync(root, { onFile: (n) => counts.push(n) });
    const expected = [".gitignore", "lib/.gitignore", "lib/kept.ts", "src/a.ts"];
    expect(walk.files.sort()).toEqual(expected);
    expect(walk.symlinks).toBe(1);
    expect(counts).toEqual([1, 2, 3, 4]);
    // The same without the callback, which must not change what is listed.
    expect(walkTreeSync(root).files.sort()).toEqual(expected);
    expect(walkTreeSync(root, { respectGitignore: false }).files).toContain("lib/generated.ts");
  });
});
