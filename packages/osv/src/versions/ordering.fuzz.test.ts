// Property-based checks of every ecosystem's version ordering on generated versions (built from each
// scheme's own vocabulary, real bounds from ../shared/osv-db, and arbitrary strings): compareVersions
// never throws, is reflexive and antisymmetric, and is a total preorder (sorting yields a sequence that is
// ordered pairwise, and versions it calls equal are interchangeable against every other).
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { compareVersions, isValidVersion } from "./index.js";
import { readZipRecords } from "../records/read-zip.js";
import { OSV_DB } from "./test-support/osv-zip.js";

/** Fixed seeds keep CI reproducible; FUZZ_SEED explores other runs locally. */
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 10_3001;

interface Grammar {
  ecosystem: string;
  /** Export folder in ../shared/osv-db whose real bounds seed the generator. */
  export?: string;
  separators: string[];
  words: string[];
  prefixes?: string[];
  /**
   * The ordering is only transitive on this grammar's own vocabulary: arbitrary strings and the real
   * bounds are left out of the preorder properties (they still take the never-throws/antisymmetry one).
   */
  closedVocabulary?: boolean;
}

const GRAMMARS: Grammar[] = [
  {
    ecosystem: "npm",
    export: "npm",
    separators: [".", "-", "+", ".", "."],
    words: ["alpha", "beta", "rc", "0", "1", "x", "next", "pre"],
    prefixes: ["", "", "v", "="],
  },
  { ecosystem: "SEMVER", export: "Go", separators: [".", "-", "+"], words: ["alpha", "beta", "rc", "build"] },
  {
    ecosystem: "crates.io",
    export: "crates.io",
    separators: [".", "-", "+"],
    words: ["alpha", "beta", "rc"],
  },
  {
    ecosystem: "NuGet",
    export: "NuGet",
    separators: [".", "-", "+"],
    words: ["Alpha", "alpha", "BETA", "rc", "preview"],
  },
  {
    ecosystem: "PyPI",
    export: "PyPI",
    separators: [".", "-", "_", "!", "+", ""],
    words: [
      "a",
      "b",
      "rc",
      "c",
      "alpha",
      "beta",
      "pre",
      "preview",
      "post",
      "rev",
      "r",
      "dev",
      "local",
      "ubuntu",
    ],
    prefixes: ["", "", "v", " "],
  },
  {
    ecosystem: "Maven",
    export: "Maven",
    separators: [".", "-", "", "."],
    // Maven's own ComparableVersion is not transitive where a qualifier above release ("sp", any unknown
    // one) or a version starting with a qualifier meets numbers (cycles pinned below); this ordering
    // follows Maven, so the preorder properties use real-shaped versions with these qualifiers.
    words: ["alpha", "a", "beta", "b", "milestone", "m", "rc", "cr", "snapshot", "ga", "final", "release"],
    closedVocabulary: true,
  },
  {
    ecosystem: "Debian",
    export: "Debian",
    separators: [".", "-", "+", "~", ":", "."],
    words: ["deb", "u", "ubuntu", "dfsg", "build", "really", "a", "z", "~~"],
  },
  {
    ecosystem: "Ubuntu",
    export: "Ubuntu",
    separators: [".", "-", "+", "~", ":"],
    words: ["ubuntu", "esm", "build"],
  },
  {
    ecosystem: "Alpine",
    export: "Alpine",
    separators: [".", "-r", "_", "-", "."],
    words: ["alpha", "beta", "pre", "rc", "p", "cvs", "svn", "git", "hg", "a", "z"],
  },
  {
    ecosystem: "Red Hat",
    export: "AlmaLinux",
    separators: [".", "-", ":", "~", "^", "_", "+"],
    words: ["el8", "el9_2", "module", "git", "rc", "alma", "a"],
  },
  {
    ecosystem: "RubyGems",
    export: "RubyGems",
    separators: [".", "-", "."],
    words: ["pre", "rc", "beta", "alpha", "a", "java", "x86_64-linux"],
  },
  {
    ecosystem: "Packagist",
    export: "Packagist",
    separators: [".", "-", "+", "_", ""],
    words: ["alpha", "a", "beta", "b", "RC", "rc", "patch", "pl", "p", "dev", "stable"],
    prefixes: ["", "v"],
  },
  { ecosystem: "CRAN", export: "CRAN", separators: [".", "-"], words: ["0", "1"] },
  { ecosystem: "Hackage", export: "Hackage", separators: ["."], words: ["0", "1"] },
  { ecosystem: "Bitnami", export: "Bitnami", separators: [".", "-", "+"], words: ["debian", "r", "rc"] },
  { ecosystem: "Some Unknown Ecosystem", separators: [".", "-", "_", "+"], words: ["a", "b", "rc", "final"] },
];

function versionArbitrary(g: Grammar, real: string[], closed = false): fc.Arbitrary<string> {
  const number = fc.oneof(
    fc.nat({ max: 12 }).map(String),
    fc.constantFrom("0", "00", "007", "10", "2024", "99999999999999999999"),
  );
  const part = fc.oneof(
    { weight: 3, arbitrary: number },
    { weight: 1, arbitrary: fc.constantFrom(...g.words) },
  );
  const built = fc
    .tuple(
      fc.constantFrom(...(g.prefixes ?? [""])),
      part,
      fc.array(fc.tuple(fc.constantFrom(...g.separators), part), { maxLength: 5 }),
    )
    .map(([prefix, first, rest]) => prefix + first + rest.map(([s, p]) => s + p).join(""));
  if (closed) {
    // Real-shaped: numeric release parts, then optional qualifiers each with an optional number
    // (1.2.0, 1.0-alpha-2, 2.0.0.RELEASE, 1.0-rc1, 3.1-beta.1).
    const num = fc.nat({ max: 12 }).map(String);
    // A qualifier after "." ends the version (2.0.0.RELEASE): "3.final.1" against "3-alpha" is one of
    // Maven's cycles. After "-" it may carry a number (rc1, alpha-2).
    const words = g.words.filter((w) => w.length > 1);
    const dashed = fc
      .tuple(
        fc.constantFrom(...words),
        fc.option(fc.tuple(fc.constantFrom("", "-"), num), { nil: undefined }),
      )
      .map(([q, n]) => "-" + q + (n ? n[0] + n[1] : ""));
    const qualifiers = fc.tuple(
      fc.array(dashed, { maxLength: 2 }),
      fc.option(fc.constantFrom(...words), { nil: undefined }),
    );
    return fc
      .tuple(fc.integer({ min: 1, max: 12 }), fc.array(num, { maxLength: 3 }), qualifiers)
      .map(
        ([major, rest, [dashes, last]]) =>
          [String(major), ...rest].join(".") + dashes.join("") + (last ? `.${last}` : ""),
      );
  }
  const options: fc.WeightedArbitrary<string>[] = [
    { weight: 6, arbitrary: built },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  ];
  if (real.length > 0) options.push({ weight: 3, arbitrary: fc.constantFrom(...real) });
  return fc.oneof(...options);
}

/** Distinct real bounds of the first 300 records of the ecosystem's export. */
async function realBounds(folder: string | undefined): Promise<string[]> {
  if (!folder) return [];
  const out = new Set<string>();
  let taken = 0;
  await readZipRecords(
    `${OSV_DB}${folder}/all.zip`,
    (r) => {
      for (const a of r.affected ?? []) {
        for (const v of a.versions ?? []) out.add(v);
        for (const range of a.ranges ?? []) {
          if (range.type === "GIT") continue;
          for (const e of range.events) {
            for (const v of [e.introduced, e.fixed, e.last_affected, e.limit]) if (v && v !== "0") out.add(v);
          }
        }
      }
    },
    { wanted: () => taken++ < 300 },
  );
  return [...out].slice(0, 400);
}

describe.each(GRAMMARS)("$ecosystem ordering", (grammar) => {
  let versions: fc.Arbitrary<string>;
  /** What the preorder properties draw from. */
  let ordered: fc.Arbitrary<string>;
  const cmp = (a: string, b: string): number => compareVersions(grammar.ecosystem, a, b);

  beforeAll(async () => {
    versions = versionArbitrary(grammar, await realBounds(grammar.export));
    ordered = grammar.closedVocabulary ? versionArbitrary(grammar, [], true) : versions;
  });

  it("never throws, is reflexive and antisymmetric", () => {
    fc.assert(
      fc.property(versions, versions, (a, b) => {
        expect(cmp(a, a)).toBe(0);
        const ab = cmp(a, b);
        expect([-1, 0, 1]).toContain(ab);
        expect(cmp(b, a)).toBe(ab === 0 ? 0 : -ab);
        expect(typeof isValidVersion(grammar.ecosystem, a)).toBe("boolean");
      }),
      { numRuns: 400, seed: SEED },
    );
  });

  it("is a total preorder: sorted lists are ordered pairwise, equal versions are interchangeable", () => {
    fc.assert(
      fc.property(fc.array(ordered, { minLength: 3, maxLength: 9 }), (list) => {
        const sorted = [...list].sort(cmp);
        for (let i = 0; i < sorted.length; i++) {
          for (let j = i + 1; j < sorted.length; j++) {
            const a = sorted[i]!;
            const b = sorted[j]!;
            if (cmp(a, b) > 0) throw new Error(`sorted ${JSON.stringify(sorted)} yet ${a} > ${b}`);
          }
        }
        for (const a of list) {
          for (const b of list) {
            if (cmp(a, b) !== 0) continue;
            for (const c of list) {
              if (cmp(a, c) !== cmp(b, c)) {
                throw new Error(`${a} == ${b} but against ${c}: ${cmp(a, c)} vs ${cmp(b, c)}`);
              }
            }
          }
        }
      }),
      { numRuns: 300, seed: SEED + 1 },
    );
  });

  it("is transitive on generated triples", () => {
    fc.assert(
      fc.property(ordered, ordered, ordered, (a, b, c) => {
        if (cmp(a, b) <= 0 && cmp(b, c) <= 0) {
          if (cmp(a, c) > 0) throw new Error(`${a} <= ${b} <= ${c} but ${a} > ${c}`);
        }
      }),
      { numRuns: 600, seed: SEED + 2 },
    );
  });
});

describe("Maven as Maven defines it", () => {
  const cmp = (a: string, b: string): number => compareVersions("Maven", a, b);

  it("a list compares with padding by all its items, not its first (1-0.1 > 1)", () => {
    expect(cmp("1-0.1", "1")).toBe(1);
    expect(cmp("ga-0.1", "release")).toBe(1);
    expect(cmp("1-0.0", "1")).toBe(0);
  });

  it("keeps ComparableVersion's cycle among unknown qualifiers and numbers", () => {
    // 0.alpha > b (number beats string), b > 0 (unknown qualifiers sort after release), 0 > 0.alpha
    // (alpha before release): Maven itself orders these in a cycle, so this ordering does too; "sp"
    // (after release) does the same.
    expect([cmp("0.alpha", "b"), cmp("b", "0"), cmp("0", "0.alpha")]).toEqual([1, 1, 1]);
    expect([cmp("0.alpha", "sp"), cmp("sp", "0"), cmp("0", "0.alpha")]).toEqual([1, 1, 1]);
    expect([cmp("0.alpha", "release.1"), cmp("release.1", "0"), cmp("0", "0.alpha")]).toEqual([1, 1, 1]);
    expect([cmp("3.final.1", "3"), cmp("3", "3-alpha"), cmp("3-alpha", "3.final.1")]).toEqual([1, 1, 1]);
  });
});
