import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exportZip } from "../test-support/shared-data.js";
import { OsvIndex } from "./osv-index.js";
import type { PackageQuery } from "./osv-record.js";
import { readZipRecords } from "./read-zip.js";

/** Every package the export names, at a version its records mention, plus one name no record has. */
async function everyPackage(zip: string): Promise<PackageQuery[]> {
  const out = new Map<string, PackageQuery>();
  await readZipRecords(zip, (record) => {
    for (const a of record.affected ?? []) {
      if (!a.package) continue;
      const version =
        a.versions?.[0] ??
        a.ranges?.[0]?.events.find((e) => e.introduced && e.introduced !== "0")?.introduced;
      out.set(`${a.package.ecosystem}/${a.package.name}`, {
        ecosystem: a.package.ecosystem,
        name: a.package.name,
        ...(version ? { version } : {}),
      });
    }
  });
  return [...out.values(), { ecosystem: "crates.io", name: "no-such-crate-anywhere", version: "1.0.0" }];
}

const ids = (index: OsvIndex, queries: readonly PackageQuery[]) =>
  queries.map((q) =>
    index
      .candidates(q)
      .map((r) => r.id)
      .sort()
      .join(","),
  );

describe("OsvIndex.openZip with a key file", () => {
  it("answers exactly like a full load, reading only the records asked about on later runs", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bulwark-osv-keys-"));
    const zip = join(dir, "all.zip");
    copyFileSync(exportZip("crates.io"), zip);
    const keyFile = join(dir, "keys", "crates.io.json");
    const queries = await everyPackage(zip);
    const full = await OsvIndex.fromZip(zip);
    const expected = ids(full, queries);
    expect(expected.filter(Boolean).length).toBeGreaterThan(500);

    const first = await OsvIndex.openZip(zip, keyFile);
    expect(first.size).toBe(full.size); // no key file yet: read whole
    expect(ids(first, queries)).toEqual(expected);
    expect(JSON.parse(readFileSync(keyFile, "utf8")).keys["crates.io\u0000rkyv"]).toEqual(
      expect.arrayContaining(["RUSTSEC-2026-0233.json"]),
    );

    const later = await OsvIndex.openZip(zip, keyFile);
    expect(later.size).toBe(0);
    const rkyv = [{ ecosystem: "crates.io", name: "rkyv", version: "0.8.16" }];
    await later.prepare(rkyv);
    expect(later.size).toBeLessThan(10);
    expect(ids(later, rkyv)).toEqual(ids(full, rkyv));
    await later.prepare(queries);
    expect(ids(later, queries)).toEqual(expected);
    expect(later.size).toBe(full.size);
    // Full records still come from the zip.
    const [one] = (await later.fullRecords(["RUSTSEC-2026-0233"])).values();
    expect(one?.details).toBeTypeOf("string");
  });

  it("reads the zip whole again when the key file belongs to another copy or is damaged", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bulwark-osv-keys-"));
    const zip = join(dir, "all.zip");
    copyFileSync(exportZip("crates.io"), zip);
    const keyFile = join(dir, "crates.io.json");
    await OsvIndex.openZip(zip, keyFile);
    expect((await OsvIndex.openZip(zip, keyFile)).size).toBe(0);
    utimesSync(zip, new Date(), new Date(Date.now() + 5000));
    expect((await OsvIndex.openZip(zip, keyFile)).size).toBeGreaterThan(1000);
    expect((await OsvIndex.openZip(zip, keyFile)).size).toBe(0);
    writeFileSync(keyFile, '{"version":1,"zip":');
    expect((await OsvIndex.openZip(zip, keyFile)).size).toBeGreaterThan(1000);
  });

  it("keeps the entries that failed to read, so every run reports them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bulwark-osv-keys-"));
    const one = JSON.stringify({
      id: "RUSTSEC-2026-0233",
      modified: "2026-05-11T12:00:00Z",
      affected: [{ package: { ecosystem: "crates.io", name: "rkyv" }, versions: ["0.8.16"] }],
    });
    writeFileSync(join(dir, "RUSTSEC-2026-0233.json"), one);
    writeFileSync(join(dir, "BROKEN-1.json"), "{ not json");
    execFileSync("zip", ["-q", "-X", join(dir, "all.zip"), "RUSTSEC-2026-0233.json", "BROKEN-1.json"], {
      cwd: dir,
    });
    const keyFile = join(dir, "keys.json");
    const first = await OsvIndex.openZip(join(dir, "all.zip"), keyFile);
    const later = await OsvIndex.openZip(join(dir, "all.zip"), keyFile);
    expect(first.problems.map((p) => p.path)).toEqual([`${join(dir, "all.zip")}!BROKEN-1.json`]);
    expect(later.problems).toEqual(first.problems);
  });
});
