import { execFileSync } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exportZip } from "../test-support/shared-data.js";
import type { ZipReadProblem } from "./read-zip.js";
import { readZipRecords } from "./read-zip.js";
import { ZipDirectory } from "./zip-directory.js";

describe("readZipRecords", () => {
  it("reads every record of a real export", async () => {
    const ids: string[] = [];
    await readZipRecords(exportZip("Debian"), (r) => ids.push(r.id));
    expect(ids.length).toBe(410);
    expect(ids).toContain("DSA-4956-1");
  });

  it("reports bad entries by file and entry, and goes on with the rest", async () => {
    const dir = await mkdtemp(join(tmpdir(), "osv-zip-"));
    await writeFile(
      join(dir, "GOOD-1.json"),
      JSON.stringify({ id: "GOOD-1", modified: "2024-01-01T00:00:00Z" }),
    );
    await writeFile(join(dir, "BAD-1.json"), "{ not json");
    await writeFile(join(dir, "BAD-2.json"), JSON.stringify({ id: "BAD-2" }));
    // Stored (-0) and deflated entries both occur in the wild.
    execFileSync("zip", ["-q", "-0", "all.zip", "BAD-1.json"], { cwd: dir });
    execFileSync("zip", ["-q", "all.zip", "GOOD-1.json", "BAD-2.json"], { cwd: dir });
    const ids: string[] = [];
    const problems: ZipReadProblem[] = [];
    await readZipRecords(join(dir, "all.zip"), (r) => ids.push(r.id), { onProblem: (p) => problems.push(p) });
    expect(ids).toEqual(["GOOD-1"]);
    expect(problems.map((p) => p.path.replace(dir, ""))).toEqual([
      "/all.zip!BAD-1.json",
      "/all.zip!BAD-2.json",
    ]);
    expect(problems[0]!.message).toMatch(/not valid JSON/);
    expect(problems[1]!.message).toMatch(/has no "modified"/);
  });

  it("rejects a file that is not a zip, naming it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "osv-zip-"));
    await writeFile(join(dir, "all.zip"), "<Error><Code>AccessDenied</Code></Error>");
    await expect(readZipRecords(join(dir, "all.zip"), () => undefined)).rejects.toThrow(
      /all\.zip: not a zip file/,
    );
  });

  it("reads a zip64 archive (more than 65,535 entries)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "osv-zip-"));
    // Python's zipfile switches to zip64 end records past 65,535 entries, as big exports do.
    execFileSync("python3", [
      "-c",
      [
        "import zipfile, sys",
        "z = zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_STORED)",
        'for i in range(70000): z.writestr(f\'R-{i}.json\', \'{"id": "R-%d", "modified": "2024-01-01T00:00:00Z"}\' % i)',
        "z.close()",
      ].join("\n"),
      join(dir, "all.zip"),
    ]);
    const zip = await ZipDirectory.open(join(dir, "all.zip"));
    expect(zip.entries.length).toBe(70000);
    await zip.close();
    let n = 0;
    let last = "";
    await readZipRecords(join(dir, "all.zip"), (r) => {
      n++;
      last = r.id;
    });
    expect(n).toBe(70000);
    expect(last).toBe("R-69999");
  });
});
