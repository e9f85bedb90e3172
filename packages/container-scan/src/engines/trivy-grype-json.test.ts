// Trivy's and Grype's documented JSON reports (hand-written fixtures of a bullseye image with openssl,
// curl, expat and an npm lockfile) as our findings.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { grypeFindings } from "./grype-json.js";
import { trivyFindings } from "./trivy-json.js";

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8")) as unknown;

describe("trivyFindings", () => {
  it("turns every vulnerability of every result into a finding, secrets results aside", () => {
    const findings = trivyFindings(fixture("trivy-bullseye-app.json"), "shop/app:1.0");
    expect(findings.map((f) => `${f.package?.name}@${f.package?.version} ${f.ruleId} ${f.severity}`)).toEqual(
      [
        "libssl1.1@1.1.1k-1 CVE-2022-0778 high",
        "openssl@1.1.1k-1 CVE-2022-0778 high",
        "curl@7.74.0-1.3+deb11u3 CVE-2023-23916 medium",
        "libcurl4@7.74.0-1.3+deb11u3 CVE-2023-23916 medium",
        "curl@7.74.0-1.3+deb11u3 CVE-2023-28322 low",
        "lodash@4.17.20 CVE-2021-23337 high",
      ],
    );
    const openssl = findings[1]!;
    expect(openssl).toMatchObject({
      tool: "container-scan",
      remediation: "Upgrade openssl to 1.1.1k-1+deb11u2 or later.",
      helpUri: "https://avd.aquasec.com/nvd/cve-2022-0778",
      package: { ecosystem: "debian", purl: "pkg:deb/debian/openssl@1.1.1k-1?arch=amd64&distro=debian-11.1" },
      properties: {
        image: "shop/app:1.0",
        engines: ["trivy"],
        fixedVersion: "1.1.1k-1+deb11u2",
        layerDigest: `sha256:${"1a".repeat(32)}`,
        layerDiffId: `sha256:${"b0".repeat(32)}`,
        target: "shop/app:1.0 (debian 11.1)",
      },
    });
    expect(openssl.message).toContain("found by Trivy");
    const unfixed = findings[4]!;
    expect(unfixed.remediation).toBe("No fixed version of curl is known yet.");
    expect(unfixed.properties?.fixedVersion).toBeUndefined();
    expect(findings[5]!.package?.ecosystem).toBe("npm");
    // Same package and id in two images: different findings; same image twice: the same fingerprint.
    const again = trivyFindings(fixture("trivy-bullseye-app.json"), "shop/app:1.0");
    const other = trivyFindings(fixture("trivy-bullseye-app.json"), "shop/other:1.0");
    expect(again.map((f) => f.fingerprint)).toEqual(findings.map((f) => f.fingerprint));
    expect(other[0]!.fingerprint).not.toBe(findings[0]!.fingerprint);
  });

  it("a report without results is no findings; output that is not a report is an error", () => {
    expect(trivyFindings({ SchemaVersion: 2, ArtifactName: "x", Results: null }, "x")).toEqual([]);
    expect(() => trivyFindings("FATAL image scan error", "x")).toThrow(/not a JSON object/);
  });
});

describe("grypeFindings", () => {
  it("turns matches into findings with fix state, related CVEs and the layer's diff id", () => {
    const findings = grypeFindings(fixture("grype-bullseye-app.json"), "shop/app:1.0");
    expect(findings.map((f) => `${f.package?.name}@${f.package?.version} ${f.ruleId} ${f.severity}`)).toEqual(
      [
        "libssl1.1@1.1.1k-1 CVE-2022-0778 high",
        "libssl1.1@1.1.1k-1 CVE-2007-6755 low",
        "libexpat1@2.2.10-2 CVE-2022-25235 critical",
        "lodash@4.17.20 GHSA-35jh-r3h4-6jhm high",
      ],
    );
    expect(findings[0]).toMatchObject({
      remediation: "Upgrade libssl1.1 to 1.1.1k-1+deb11u2 or later.",
      package: { ecosystem: "deb" },
      properties: {
        engines: ["grype"],
        fixedVersion: "1.1.1k-1+deb11u2",
        layerDiffId: `sha256:${"b0".repeat(32)}`,
      },
    });
    // not-fixed: no fixed version, whatever versions says.
    expect(findings[1]!.properties?.fixedVersion).toBeUndefined();
    expect(findings[3]).toMatchObject({
      ids: ["GHSA-35jh-r3h4-6jhm", "CVE-2021-23337"],
      aliases: ["CVE-2021-23337"],
      helpUri: "https://github.com/advisories/GHSA-35jh-r3h4-6jhm",
    });
    expect(findings[3]!.message).toContain("Command Injection in lodash");
  });

  it("no matches is no findings; output that is not a report is an error", () => {
    expect(grypeFindings({ matches: [] }, "x")).toEqual([]);
    expect(() => grypeFindings(null, "x")).toThrow(/not a JSON object/);
  });
});
