// OSV records of the wrong shape: real records from ../shared/osv-db with any value replaced by any
// other JSON value. parseOsvRecord either rejects the record with an error naming its source, or the
// record goes through everything that reads records (index, candidates, range evaluation, matching,
// grouping, severity, findings) without a raw exception.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { matchPackages } from "../matching/match-packages.js";
import { matchToFinding } from "../matching/to-finding.js";
import { isAffected } from "../matching/is-affected.js";
import { exportZip } from "../test-support/shared-data.js";
import { OsvIndex } from "./osv-index.js";
import type { OsvRecord, PackageQuery } from "./osv-record.js";
import { packageKey } from "./package-key.js";
import { parseOsvRecord } from "./parse-record.js";
import { readZipRecords } from "./read-zip.js";
import type { VulnerabilitySource } from "../sources/vulnerability-source.js";

/** Fixed seeds keep CI reproducible; FUZZ_SEED explores other runs locally. */
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 10_5001;

/** A few real records of every kind of range (SEMVER, ECOSYSTEM, GIT, versions lists, severities). */
const EXPORTS = ["npm", "PyPI", "Go", "crates.io", "Maven", "Debian", "Alpine", "GIT", "Ubuntu", "RubyGems"];

function replaceAt(value: unknown, choices: number[], replacement: unknown): unknown {
  if (choices.length === 0 || value === null || typeof value !== "object") return replacement;
  const [choice = 0, ...rest] = choices;
  if (Array.isArray(value)) {
    if (value.length === 0) return replacement;
    const copy = [...value];
    const i = choice % copy.length;
    copy[i] = replaceAt(copy[i], rest, replacement);
    return copy;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return replacement;
  const key = keys[choice % keys.length] ?? "";
  return { ...value, [key]: replaceAt((value as Record<string, unknown>)[key], rest, replacement) };
}

/** Queries naming every package of the original record, at versions taken from its events. */
function queriesFor(record: OsvRecord): PackageQuery[] {
  const out: PackageQuery[] = [];
  for (const a of record.affected ?? []) {
    const pkg = a.package;
    const versions = new Set<string>(["0.0.1", "1.0.0"]);
    for (const r of a.ranges ?? [])
      for (const e of r.events) for (const v of Object.values(e)) versions.add(v);
    for (const v of a.versions ?? []) versions.add(v);
    if (pkg)
      for (const version of [...versions].slice(0, 6))
        out.push({ ecosystem: pkg.ecosystem, name: pkg.name, version });
    for (const r of a.ranges ?? [])
      if (r.type === "GIT" && r.repo) {
        for (const e of r.events)
          for (const commit of Object.values(e)) out.push({ ecosystem: "GIT", name: r.repo, commit });
      }
  }
  return out.slice(0, 20);
}

/** Everything downstream of parsing, over one record. */
async function exercise(record: OsvRecord, queries: PackageQuery[]): Promise<void> {
  const index = new OsvIndex();
  index.add(record);
  for (const q of queries) isAffected(record, q);
  const source: VulnerabilitySource = {
    name: "index",
    query: async (packages) => ({
      candidates: new Map(packages.map((p) => [packageKey(p), index.candidates(p)])),
      problems: [],
    }),
    records: async () => new Map(),
  };
  const result = await matchPackages(queries, source);
  for (const m of result.matches) {
    const finding = matchToFinding(m, { path: "package-lock.json" });
    expect(typeof finding.title).toBe("string");
  }
}

const RAW = /Cannot read propert|is not a function|is not iterable|undefined \(reading|of null|of undefined/;

let seeds: OsvRecord[] = [];
beforeAll(async () => {
  for (const eco of EXPORTS) {
    let taken = 0;
    await readZipRecords(exportZip(eco), (r) => seeds.push(r), { wanted: () => taken++ < 3 });
  }
  seeds = seeds.filter((r) => (r.affected ?? []).length > 0);
});

describe("OSV records of the wrong shape", () => {
  it("the real seeds go through cleanly", async () => {
    expect(seeds.length).toBeGreaterThan(20);
    for (const r of seeds) await exercise(parseOsvRecord(JSON.stringify(r), `${r.id}.json`), queriesFor(r));
  });

  it("any value replaced by any other: rejected naming the source, or read without a raw exception", async () => {
    const replacement = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom(
        null,
        [],
        {},
        "",
        0,
        -1,
        true,
        [null],
        [{}],
        { introduced: 1 },
        { fixed: null },
        "__proto__",
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 10_000 }),
        fc.array(fc.nat({ max: 1000 }), { maxLength: 7 }),
        replacement,
        async (which, choices, value) => {
          const original = seeds[which % seeds.length]!;
          const text = JSON.stringify(replaceAt(original, choices, value));
          const source = `all.zip!${original.id}.json`;
          let record: OsvRecord;
          try {
            record = parseOsvRecord(text, source);
          } catch (error) {
            expect((error as Error).message.startsWith(`${source}: `)).toBe(true);
            return;
          }
          try {
            await exercise(record, queriesFor(original));
          } catch (error) {
            const message = (error as Error).message;
            if (RAW.test(message) || error instanceof TypeError) {
              throw new Error(`accepted record breaks matching: ${message}\n${text.slice(0, 600)}`, {
                cause: error,
              });
            }
            throw error;
          }
        },
      ),
      { numRuns: 400, seed: SEED },
    );
  });

  it("arbitrary text is rejected naming the source", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 100 }), fc.json()), (text) => {
        try {
          const r = parseOsvRecord(text, "x.json");
          expect(typeof r.id).toBe("string");
        } catch (error) {
          expect((error as Error).message.startsWith("x.json: ")).toBe(true);
        }
      }),
      { numRuns: 300, seed: 10_5002 },
    );
  });
});
