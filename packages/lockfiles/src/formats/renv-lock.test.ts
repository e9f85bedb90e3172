import { describe, expect, it } from "vitest";
import { renvLockExtractor } from "./renv-lock.js";
import { memoryContext, sharedLockfile, sharedLockfiles } from "./shared-lockfiles.js";

describe("renv.lock", () => {
  it("reads every package of the real lockfiles as CRAN", async () => {
    const results = await Promise.all(
      sharedLockfiles("renv-lock").map(async (f) => {
        const records = await renvLockExtractor.extract(f.content, f.context);
        return [f.name, records.length, new Set(records.map((r) => r.ecosystem))];
      }),
    );
    expect(results).toEqual([
      ["quarto-dev__quarto-cli__tests__renv.lock", 146, new Set(["CRAN"])],
      ["quarto-dev__quarto-web__renv.lock", 165, new Set(["CRAN"])],
    ]);
  });

  it("finds each package's line and maps Bioconductor, skipping GitHub installs", async () => {
    const f = sharedLockfile("renv-lock", "quarto-dev__quarto-web__renv.lock");
    const records = await renvLockExtractor.extract(f.content, f.context);
    const lines = f.content.split("\n");
    for (const r of records) expect(lines[(r.line ?? 0) - 1]).toContain(`"${r.name}": {`);
    const lock = JSON.stringify(
      {
        Packages: {
          Biobase: { Package: "Biobase", Version: "2.62.0", Source: "Bioconductor" },
          gh: { Package: "gh", Version: "1.0.0", Source: "GitHub" },
        },
      },
      null,
      2,
    );
    expect(await renvLockExtractor.extract(lock, memoryContext("renv.lock"))).toEqual([
      expect.objectContaining({ name: "Biobase", ecosystem: "Bioconductor", line: 3 }),
    ]);
  });
});
