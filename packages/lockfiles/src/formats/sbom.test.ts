import { describe, expect, it } from "vitest";
import type { PackageRecord } from "../package-record.js";
import { cycloneDxJsonExtractor } from "./cyclonedx-json.js";
import { cycloneDxXmlExtractor } from "./cyclonedx-xml.js";
import { osvPackageOf } from "./purl-ecosystem.js";
import { parsePurl } from "./purl-parse.js";
import { memoryContext, sharedLockfile, sharedLockfiles } from "./shared-lockfiles.js";
import { spdxJsonExtractor } from "./spdx-json.js";
import { spdxTagValueExtractor } from "./spdx-tag-value.js";

const key = (r: { ecosystem: string; name: string; version?: string }) =>
  `${r.ecosystem}|${r.name}|${r.version ?? ""}`;

/** What the document's own purls say, found by a flat scan instead of a walk of its structure. */
function expectedFromPurls(purls: string[]): Set<string> {
  const out = new Set<string>();
  for (const text of purls) {
    const purl = parsePurl(text);
    const osv = purl && osvPackageOf(purl);
    if (osv?.version) out.add(key(osv));
  }
  return out;
}

describe("CycloneDX JSON", () => {
  it("reads every real SBOM and agrees with the document's own component list", async () => {
    const counts: [string, number][] = [];
    for (const f of sharedLockfiles("cyclonedx-json")) {
      expect(cycloneDxJsonExtractor.sniff(f.content)).toBe(true);
      const records = await cycloneDxJsonExtractor.extract(f.content, f.context);
      const doc = JSON.parse(f.content) as { metadata?: { component?: { purl?: string } } };
      const subject = doc.metadata?.component?.purl;
      const purls = [...f.content.matchAll(/"purl"\s*:\s*"([^"]+)"/g)]
        .map((m) => JSON.parse(`"${m[1]}"`) as string)
        .filter((p) => p !== subject);
      expect(new Set(records.filter((r) => r.version).map(key))).toEqual(expectedFromPurls(purls));
      counts.push([f.name, records.length]);
    }
    expect(counts).toEqual([
      ["CycloneDX__bom-examples__SBOM__dropwizard-1.3.15__bom.json", 167],
      ["CycloneDX__bom-examples__SBOM__juice-shop__v11.1.2__bom.json", 840],
      ["CycloneDX__bom-examples__SBOM__keycloak-10.0.2__bom.json", 902],
      ["CycloneDX__bom-examples__SBOM__laravel-7.12.0__bom.1.4.json", 62],
      ["CycloneDX__bom-examples__SBOM__protonmail-webclient-v4-0912dff__bom.json", 883],
      ["chainguard-dev__bom-shelter__in-the-wild__cyclonedx__ghidra-sbom-cdx.json", 58],
      ["chainguard-dev__bom-shelter__in-the-wild__cyclonedx__harp-darwin-amd64.sbom.json", 156],
      ["chainguard-dev__bom-shelter__in-the-wild__cyclonedx__redis-commander-sbom-cdx.json", 479],
    ]);
  });

  it("gives each component's line and maps scoped npm purls", async () => {
    const f = sharedLockfile(
      "cyclonedx-json",
      "CycloneDX__bom-examples__SBOM__juice-shop__v11.1.2__bom.json",
    );
    const records = await cycloneDxJsonExtractor.extract(f.content, f.context);
    const lines = f.content.split("\n");
    for (const r of records.slice(0, 50)) expect(lines[(r.line ?? 0) - 1]).toMatch(/"(bom-ref|purl)"/);
    expect(records.some((r) => r.name.startsWith("@") && r.ecosystem === "npm")).toBe(true);
  });

  it("walks nested components, reads the dependency graph and skips excluded ones", async () => {
    const bom = {
      bomFormat: "CycloneDX",
      specVersion: "1.6",
      metadata: { component: { "bom-ref": "app", name: "app", purl: "pkg:npm/app@1.0.0" } },
      components: [
        {
          "bom-ref": "a",
          name: "a",
          version: "1.0.0",
          purl: "pkg:npm/a@1.0.0",
          components: [{ "bom-ref": "b", name: "b", purl: "pkg:pypi/B_b@2.0" }],
        },
        { "bom-ref": "c", name: "c", purl: "pkg:cargo/c@0.1.0", scope: "excluded" },
        { "bom-ref": "d", name: "d", purl: "pkg:generic/d@1" },
      ],
      dependencies: [
        { ref: "app", dependsOn: ["a"] },
        { ref: "a", dependsOn: ["b"] },
      ],
    };
    const records = await cycloneDxJsonExtractor.extract(
      JSON.stringify(bom, null, 2),
      memoryContext("bom.json"),
    );
    expect(records.map((r) => [r.ecosystem, r.name, r.version, r.direct])).toEqual([
      ["npm", "a", "1.0.0", true],
      ["PyPI", "b-b", "2.0", false],
    ]);
  });

  it("rejects JSON that is not CycloneDX", () => {
    expect(() =>
      cycloneDxJsonExtractor.extract('{"spdxVersion":"SPDX-2.3"}', memoryContext("bom.json")),
    ).toThrow(/bomFormat/);
  });
});

describe("CycloneDX XML", () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bom xmlns="http://cyclonedx.org/schema/bom/1.5" serialNumber="urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79" version="1">
  <metadata>
    <component type="application" bom-ref="app">
      <name>app</name>
      <purl>pkg:maven/org.example/app@1.0</purl>
    </component>
  </metadata>
  <components>
    <!-- <component><purl>pkg:npm/commented@1</purl></component> -->
    <component type="library" bom-ref="pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1">
      <group>org.apache.logging.log4j</group>
      <name>log4j-core</name>
      <version>2.14.1</version>
      <purl>pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1</purl>
      <components>
        <component type="library">
          <name>openssl</name>
          <version>3.0.11-1</version>
          <purl>pkg:deb/debian/openssl@3.0.11-1?distro=debian-12</purl>
        </component>
      </components>
    </component>
    <component type="library">
      <name>lodash</name>
      <version>4.17.20</version>
      <scope>optional</scope>
      <purl>pkg:npm/lodash@4.17.20</purl>
    </component>
  </components>
</bom>
`;
  it("reads components recursively with their lines", async () => {
    expect(cycloneDxXmlExtractor.sniff(xml)).toBe(true);
    const records = await cycloneDxXmlExtractor.extract(xml, memoryContext("bom.xml"));
    expect(records.map((r) => [r.ecosystem, r.name, r.version, r.line, r.scopes])).toEqual([
      ["Maven", "org.apache.logging.log4j:log4j-core", "2.14.1", 11, undefined],
      ["Debian:12", "openssl", "3.0.11-1", 17, undefined],
      ["npm", "lodash", "4.17.20", 24, ["optional"]],
    ]);
  });

  it("skips tool components in 1.5 metadata when counting component lines", async () => {
    const v15 = `<?xml version="1.0"?>
<bom xmlns="http://cyclonedx.org/schema/bom/1.5" version="1">
  <metadata>
    <tools>
      <components>
        <component type="application"><name>cdxgen</name><purl>pkg:npm/%40cyclonedx/cdxgen@10.0.0</purl></component>
      </components>
    </tools>
  </metadata>
  <components>
    <component type="library"><name>a</name><purl>pkg:cargo/a@1.0.0</purl></component>
  </components>
</bom>
`;
    expect(await cycloneDxXmlExtractor.extract(v15, memoryContext("x.cdx.xml"))).toEqual([
      expect.objectContaining({ ecosystem: "crates.io", name: "a", version: "1.0.0", line: 11 }),
    ]);
  });

  it("names the line of malformed XML", () => {
    expect(() =>
      cycloneDxXmlExtractor.extract("<bom>\n<components>\n</bom>", memoryContext("bom.xml")),
    ).toThrow(expect.objectContaining({ name: "ExtractorError", line: expect.any(Number) }));
  });
});

function spdxPurls(content: string): string[] {
  const doc = JSON.parse(content) as {
    packages?: {
      externalRefs?: { referenceCategory: string; referenceType: string; referenceLocator: string }[];
    }[];
  };
  return (doc.packages ?? []).flatMap((p) =>
    (p.externalRefs ?? []).filter((r) => r.referenceType === "purl").map((r) => r.referenceLocator),
  );
}

describe("SPDX JSON", () => {
  it("reads every real SBOM, including container images, and agrees with its package list", async () => {
    const counts: [string, number, string[]][] = [];
    for (const format of ["spdx-json", "spdx-json-container"]) {
      for (const f of sharedLockfiles(format)) {
        expect(spdxJsonExtractor.sniff(f.content)).toBe(true);
        const records: PackageRecord[] = await spdxJsonExtractor.extract(f.content, f.context);
        expect(new Set(records.filter((r) => r.version).map(key))).toEqual(
          expectedFromPurls(spdxPurls(f.content)),
        );
        counts.push([
          f.name.replace(/^.*?__(spdx__|data__)/, "").slice(0, 40),
          records.length,
          [...new Set(records.map((r) => r.ecosystem))].sort(),
        ]);
      }
    }
    expect(counts).toEqual([
      ["chronicle-sbom.spdx.json", 263, ["Go"]],
      ["constellation-spdx.json", 375, ["Go"]],
      ["flux_0.26.3_sbom.spdx.json", 189, ["Go"]],
      ["grype-sbom.spdx.json", 352, ["Go", "Maven", "PyPI", "RubyGems"]],
      ["julia.spdx.json", 0, []],
      ["powershell.spdx.json", 330, ["npm"]],
      ["spdx-syft-redhat_ubi8-minimal-sha256_5d2", 103, ["Red Hat"]],
      ["spdx-syft-ubuntu_nginx-sha256_48df91637b", 103, ["Maven", "Ubuntu:22.10"]],
      ["spdx-trivy-bitnami_kibana-sha256_8fea4e8", 1095, ["Debian:11", "Go", "npm"]],
      ["spdx-trivy-grafana_grafana-image-rendere", 977, ["Alpine:v3.16", "npm"]],
      ["spdx-trivy-grafana_loki-sha256_262d91088", 218, ["Alpine:v3.16", "Go"]],
      ["spdx-trivy-kasmweb_centos-7-desktop-sha2", 1, ["npm"]],
      ["spdx-trivy-kasmweb_gimp-sha256_4050824ec", 1183, ["Ubuntu:20.04:LTS"]],
      ["spdx-trivy-mariadb_maxscale-sha256_65cda", 224, ["PyPI", "Rocky Linux:8"]],
    ]);
  });

  it("points at each package's SPDXID line", async () => {
    const f = sharedLockfile(
      "spdx-json",
      "chainguard-dev__bom-shelter__in-the-wild__spdx__flux_0.26.3_sbom.spdx.json",
    );
    const records = await spdxJsonExtractor.extract(f.content, f.context);
    const lines = f.content.split("\n");
    for (const r of records) expect(lines[(r.line ?? 0) - 1]).toContain('"SPDXID"');
  });
});

describe("SPDX tag-value", () => {
  const tv = `SPDXVersion: SPDX-2.3
DataLicense: CC0-1.0
SPDXID: SPDXRef-DOCUMENT
DocumentName: example
DocumentComment: <text>spans
several lines: PackageName: not-a-package
</text>

PackageName: openssl
SPDXID: SPDXRef-Package-openssl
PackageVersion: 3.0.11-1
ExternalRef: SECURITY cpe23Type cpe:2.3:a:openssl:openssl:3.0.11:*:*:*:*:*:*:*
ExternalRef: PACKAGE-MANAGER purl pkg:deb/debian/openssl@3.0.11-1?distro=debian-12

PackageName: express
SPDXID: SPDXRef-Package-express
PackageVersion: 4.18.2
ExternalRef: PACKAGE_MANAGER purl pkg:npm/express

PackageName: no-purl
SPDXID: SPDXRef-Package-x
PackageVersion: 1.0
`;
  it("reads packages through their PACKAGE-MANAGER purls", async () => {
    expect(spdxTagValueExtractor.sniff(tv)).toBe(true);
    expect(await spdxTagValueExtractor.extract(tv, memoryContext("sbom.spdx"))).toEqual([
      expect.objectContaining({ ecosystem: "Debian:12", name: "openssl", version: "3.0.11-1", line: 9 }),
      expect.objectContaining({ ecosystem: "npm", name: "express", version: "4.18.2", line: 15 }),
    ]);
  });

  it("names the line of a malformed tag and of an unclosed <text>", () => {
    expect(() =>
      spdxTagValueExtractor.extract("SPDXVersion: SPDX-2.3\nbroken line\n", memoryContext("a.spdx")),
    ).toThrow(expect.objectContaining({ line: 2 }));
    expect(() =>
      spdxTagValueExtractor.extract("SPDXVersion: SPDX-2.3\nA: <text>x\ny\n", memoryContext("a.spdx")),
    ).toThrow(expect.objectContaining({ line: 2 }));
  });
});
