import { describe, expect, it } from "vitest";
import { parseNewPath, streamAddedLines, type PatchEvent } from "./patch-stream.js";
import { makeRepo } from "./test-support/git-repo.js";

async function collect(dir: string, revisions: string[], maxBytes = 1 << 20): Promise<PatchEvent[]> {
  const out: PatchEvent[] = [];
  for await (const e of streamAddedLines(dir, revisions, { maxBytes })) out.push(e);
  return out;
}

describe("streamAddedLines", () => {
  it("yields each file's added lines with new-file line numbers, oldest commit first", async () => {
    const repo = makeRepo();
    const one = repo.commit("one", { "a.txt": "1\n2\n3\n4\n" });
    const two = repo.commit("two", {
      "a.txt": "1\nTWO\n3\n4\nfive\n",
      "b.txt": "carriage\rreturn\r\nline\n",
    });
    const added = (await collect(repo.dir, ["HEAD"])).filter((e) => e.kind === "added");
    expect(added.map((e) => [e.commit.sha, e.path, e.text, e.lineNumbers])).toEqual([
      [one, "a.txt", "1\n2\n3\n4", [1, 2, 3, 4]],
      [two, "a.txt", "TWO\nfive", [2, 5]],
      [two, "b.txt", "carriage\rreturn\r\nline", [1, 2]],
    ]);
  });

  it("skips binary files and files whose added lines exceed maxBytes, naming them", async () => {
    const repo = makeRepo();
    repo.commit("one", {
      "big.txt": "x".repeat(200) + "\n",
      "bin.dat": Buffer.from([0, 1, 0, 2]),
      "ok.txt": "ok\n",
    });
    const events = await collect(repo.dir, ["HEAD"], 100);
    expect(
      events.filter((e) => e.kind !== "commit").map((e) => [e.kind, e.path, "reason" in e ? e.reason : ""]),
    ).toEqual([
      ["skipped", "big.txt", "too-large"],
      ["skipped", "bin.dat", "binary"],
      ["added", "ok.txt", ""],
    ]);
  });
});

describe("parseNewPath", () => {
  it("reads plain, tab-terminated and C-quoted names", () => {
    expect(parseNewPath("b/src/a.ts")).toBe("src/a.ts");
    expect(parseNewPath("b/my file.txt\t")).toBe("my file.txt");
    expect(parseNewPath('"b/caf\\303\\251\\tx.txt"')).toBe("café\tx.txt");
    expect(parseNewPath("/dev/null")).toBeUndefined();
  });
});
