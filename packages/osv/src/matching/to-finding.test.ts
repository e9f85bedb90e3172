import { describe, expect, it } from "vitest";
import { OfflineSource } from "../sources/offline-source.js";
import { OSV_DB_DIR } from "../test-support/shared-data.js";
import { matchPackages } from "./match-packages.js";
import { matchToFinding } from "./to-finding.js";

describe("matchToFinding", () => {
  const source = new OfflineSource({ base: OSV_DB_DIR });

  it("turns a real match into a finding with a version-independent fingerprint", async () => {
    const { matches } = await matchPackages(
      [
        { ecosystem: "npm", name: "lodash", version: "4.17.15" },
        { ecosystem: "npm", name: "lodash", version: "4.17.19" },
      ],
      source,
    );
    const [a, b] = matches.map((m) => matchToFinding(m, { path: "package-lock.json" }));
    expect(a).toMatchObject({
      tool: "osv-scan",
      ruleId: "CVE-2021-23337",
      severity: "high",
      score: 7.2,
      ids: ["CVE-2021-23337", "GHSA-35jh-r3h4-6jhm"],
      aliases: ["GHSA-35jh-r3h4-6jhm"],
      remediation: "Upgrade lodash to 4.17.21 or later.",
      package: { name: "lodash", ecosystem: "npm", version: "4.17.15" },
      location: { path: "package-lock.json" },
      helpUri: "https://osv.dev/vulnerability/GHSA-35jh-r3h4-6jhm",
    });
    expect(a!.title).toBe("lodash@4.17.15 (npm): Command Injection in lodash");
    expect(a!.properties).toMatchObject({ published: "2021-05-06T16:05:51Z", fixedVersion: "4.17.21" });
    expect(a!.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(b!.fingerprint).toBe(a!.fingerprint);
    expect(matchToFinding(matches[0]!, { path: "other/package-lock.json" }).fingerprint).not.toBe(
      a!.fingerprint,
    );
  });

  it("rates malicious-package reports critical and advises removal", async () => {
    const { matches } = await matchPackages(
      [{ ecosystem: "PyPI", name: "ascii2text", version: "1.0" }],
      source,
    );
    expect(matches).toHaveLength(1);
    // The report carries a GHSA alias, which names the group.
    expect(matches[0]!.ids).toEqual(["MAL-2022-7421"]);
    expect(matches[0]!.severity).toBeUndefined();
    const f = matchToFinding(matches[0]!);
    expect(f.severity).toBe("critical");
    expect(f.remediation).toBe("Remove ascii2text: it is reported as malicious.");
    expect(f.properties).toMatchObject({ severityUnknown: true });
  });
});
