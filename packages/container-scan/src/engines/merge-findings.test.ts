import type { Finding } from "@bulwark/core";
import { describe, expect, it } from "vitest";
import { mergeEngineFindings } from "./merge-findings.js";

function finding(ruleId: string, name: string, extra: Partial<Finding> = {}, properties = {}): Finding {
  return {
    tool: "container-scan",
    ruleId,
    title: ruleId,
    message: ruleId,
    severity: "medium",
    fingerprint: `${name}/${ruleId}`,
    package: { name, version: "1" },
    ...extra,
    properties,
  };
}

describe("mergeEngineFindings", () => {
  it("one finding per package and identifier: DSA related CVEs, binary names and aliases all meet", () => {
    const builtin = [
      finding(
        "DSA-5103-1",
        "openssl",
        {},
        { binaryPackages: ["libssl1.1", "openssl"], related: ["CVE-2022-0778"] },
      ),
      finding("CVE-2021-23337", "lodash", { aliases: ["GHSA-35jh-r3h4-6jhm"] }),
    ];
    const trivy = [
      finding("CVE-2022-0778", "libssl1.1", {}, { engines: ["trivy"] }),
      finding("CVE-2022-0778", "openssl", {}, { engines: ["trivy"] }),
      finding("CVE-2023-28322", "curl", {}, { engines: ["trivy"] }),
    ];
    const grype = [
      finding("GHSA-35jh-r3h4-6jhm", "lodash", { aliases: ["CVE-2021-23337"] }, { engines: ["grype"] }),
      finding("CVE-2023-28322", "curl", {}, { engines: ["grype"] }),
      // Same id, other package: not the same finding.
      finding("CVE-2022-0778", "libssl3", {}, { engines: ["grype"] }),
    ];
    const merged = mergeEngineFindings([builtin, trivy, grype]);
    expect(
      merged.map((f) => `${f.package?.name} ${f.ruleId} ${(f.properties?.engines as string[]).join("+")}`),
    ).toEqual([
      "openssl DSA-5103-1 builtin+trivy",
      "lodash CVE-2021-23337 builtin+grype",
      "curl CVE-2023-28322 trivy+grype",
      "libssl3 CVE-2022-0778 grype",
    ]);
    // The first engine's finding is kept as it was, engines aside.
    expect(merged[0]!.properties?.binaryPackages).toEqual(["libssl1.1", "openssl"]);
    expect(builtin[0]!.properties?.engines).toBeUndefined();
  });
});
