import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { changedLines, parseUnifiedDiff } from "./changed-lines.js";
import { fixtureRepo, git } from "./test-support/fixture.js";

describe("changedLines", () => {
  it("lists added and changed lines from a real history, not deleted ones or deleted files", async () => {
    const dir = fixtureRepo();
    const base = git(dir, "rev-parse", "HEAD").trim();
    writeFileSync(join(dir, "web/render.js"), 'const fs = require("fs");\n// changed\n');
    writeFileSync(join(dir, "new file.py"), "a = 1\nb = 2\n");
    git(dir, "rm", "-q", "scripts/release");
    git(dir, "add", "-A");
    git(dir, "commit", "-qm", "change");
    const changed = await changedLines(dir, base, "HEAD");
    expect([...changed.keys()].sort()).toEqual(["new file.py", "web/render.js"]);
    expect([...changed.get("web/render.js")!]).toEqual([2]);
    expect([...changed.get("new file.py")!]).toEqual([1, 2]);
  });

  it("reads hunk headers without counts and pure deletions", () => {
    const diff = ["+++ b/a.py", "@@ -3 +3 @@", "@@ -9,2 +8,0 @@", "+++ b/b.py", "@@ -0,0 +1,3 @@"].join("\n");
    const changed = parseUnifiedDiff(diff);
    expect([...changed.get("a.py")!]).toEqual([3]);
    expect([...changed.get("b.py")!]).toEqual([1, 2, 3]);
  });
});
