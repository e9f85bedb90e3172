import { describe, expect, it } from "vitest";
import { ExtractorError } from "../extractor.js";
import { cargoLockExtractor } from "./cargo-lock.js";
import { memoryContext, sharedLockfile, sharedLockfiles } from "./shared-lockfiles.js";

describe("Cargo.lock", () => {
  it("reads every registry and git crate of the real lockfiles, skipping workspace members", async () => {
    const counts = Object.fromEntries(
      await Promise.all(
        sharedLockfiles("cargo-lock").map(async (f) => [
          f.name,
          (await cargoLockExtractor.extract(f.content, f.context)).length,
        ]),
      ),
    );
    expect(counts).toEqual({
      "BurntSushi__ripgrep__Cargo.lock": 52,
      "helix-editor__helix__Cargo.lock": 323,
      "nushell__nushell__Cargo.lock": 991,
    });
  });

  it("gives name, version, purl, the [[package]] line, and direct from workspace members", async () => {
    const f = sharedLockfile("cargo-lock", "BurntSushi__ripgrep__Cargo.lock");
    const records = await cargoLockExtractor.extract(f.content, f.context);
    expect(records[0]).toEqual({
      name: "aho-corasick",
      version: "1.1.5",
      ecosystem: "crates.io",
      purl: "pkg:cargo/aho-corasick@1.1.5",
      direct: true,
      file: "cargo-lock/BurntSushi__ripgrep__Cargo.lock",
      line: 5,
    });
    expect(records.find((r) => r.name === "anyhow")?.direct).toBe(true);
    expect(records.find((r) => r.name === "derive_arbitrary")?.direct).toBe(false);
    const lines = f.content.split("\n");
    for (const r of records) expect(lines[(r.line ?? 0) - 1]).toBe("[[package]]");
  });

  it("says through which direct dependency a transitive crate comes (shortest chain)", async () => {
    const f = sharedLockfile("cargo-lock", "helix-editor__helix__Cargo.lock");
    const records = await cargoLockExtractor.extract(f.content, f.context);
    // helix-lsp and helix-dap depend on sonic-rs, which needs faststr, which needs rkyv.
    expect(records.find((r) => r.name === "rkyv")).toMatchObject({
      direct: false,
      parents: ["sonic-rs", "faststr"],
    });
    expect(records.find((r) => r.name === "rkyv_derive")?.parents).toEqual(["sonic-rs", "faststr", "rkyv"]);
    expect(records.find((r) => r.name === "smartstring")?.parents).toBeUndefined();
    expect(records.filter((r) => r.direct === false).every((r) => (r.parents?.length ?? 0) > 0)).toBe(true);
  });

  it("keeps the commit of git crates", async () => {
    const f = sharedLockfile("cargo-lock", "nushell__nushell__Cargo.lock");
    const git = (await cargoLockExtractor.extract(f.content, f.context)).filter((r) => r.commit);
    expect(git).toHaveLength(1);
    expect(git[0]?.commit).toMatch(/^[0-9a-f]{40}$/);
  });

  it("reads version 1 lockfiles with (source) in dependency entries", async () => {
    const v1 = `[[package]]
name = "app"
version = "0.1.0"
dependencies = [
 "serde 1.0.100 (registry+https://github.com/rust-lang/crates.io-index)",
]

[[package]]
name = "serde"
version = "1.0.100"
source = "registry+https://github.com/rust-lang/crates.io-index"

[metadata]
"checksum serde 1.0.100 (registry+https://github.com/rust-lang/crates.io-index)" = "abc"
`;
    const records = await cargoLockExtractor.extract(v1, memoryContext("Cargo.lock"));
    expect(records).toMatchObject([{ name: "serde", version: "1.0.100", direct: true, line: 8 }]);
  });

  it("reports TOML faults with their line", () => {
    const run = () =>
      cargoLockExtractor.extract('[[package]]\nname = "a"\nversion = \n', memoryContext("Cargo.lock"));
    expect(run).toThrow(ExtractorError);
    try {
      run();
    } catch (e) {
      expect((e as ExtractorError).line).toBe(3);
    }
  });
});
