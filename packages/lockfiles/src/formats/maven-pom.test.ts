import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diskContext } from "./disk-context.js";
import { mavenPomExtractor } from "./maven-pom.js";
import { memoryContext, sharedLockfile, sharedLockfilesDir } from "./shared-lockfiles.js";

// The Jenkins multi-module layout rebuilt from the real files: root (parent of bom and core), bom, core.
let repo: string;
beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), "bulwark-pom-"));
  const src = `${sharedLockfilesDir}maven-pom/`;
  mkdirSync(join(repo, "core"));
  mkdirSync(join(repo, "bom"));
  copyFileSync(`${src}jenkinsci__jenkins__pom.xml`, join(repo, "pom.xml"));
  copyFileSync(`${src}jenkinsci__jenkins__core__pom.xml`, join(repo, "core/pom.xml"));
  copyFileSync(`${src}jenkinsci__jenkins__bom__pom.xml`, join(repo, "bom/pom.xml"));
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const extractIn = (relative: string) =>
  mavenPomExtractor.extract(
    readFileSync(join(repo, relative), "utf8"),
    diskContext(join(repo, relative), relative),
  );

describe("pom.xml", () => {
  it("resolves core's versions through the in-repo parent's properties and the in-repo BOM", async () => {
    const records = await extractIn("core/pom.xml");
    expect(records).toHaveLength(59);
    expect(records.filter((r) => r.version)).toHaveLength(47);
    // ${project.version} from the parent chain: <revision>2.579</revision><changelist>-SNAPSHOT</changelist>
    expect(records[0]).toEqual({
      name: "org.jenkins-ci.main:cli",
      version: "2.579-SNAPSHOT",
      purl: "pkg:maven/org.jenkins-ci.main/cli@2.579-SNAPSHOT",
      ecosystem: "Maven",
      direct: true,
      scopes: ["prod"],
      file: "core/pom.xml",
      line: 70,
    });
    // args4j has no version in core: jenkins-bom (a module of the parent) manages it.
    expect(records.find((r) => r.name === "args4j:args4j")).toMatchObject({ version: "2.37", line: 79 });
    // Defined only in the remote jenkins parent: unresolved, with the raw requirement.
    expect(records.find((r) => r.name === "com.github.spotbugs:spotbugs-annotations")).toMatchObject({
      requirement: "${spotbugs-annotations.version}",
    });
    expect(
      records.find((r) => r.name === "com.github.spotbugs:spotbugs-annotations")?.version,
    ).toBeUndefined();
    const lines = readFileSync(join(repo, "core/pom.xml"), "utf8").split("\n");
    for (const r of records) expect(lines[(r.line ?? 0) - 1]?.trim()).toBe("<dependency>");
  });

  it("reports a BOM's managed versions and nothing for an aggregator without dependencies", async () => {
    const bom = await extractIn("bom/pom.xml");
    expect(bom).toHaveLength(50);
    expect(bom.filter((r) => r.version)).toHaveLength(49);
    expect(await extractIn("pom.xml")).toEqual([]);
  });

  it("marks test scope dev and leaves versions managed by a remote parent unresolved", async () => {
    const f = sharedLockfile("maven-pom", "spring-projects__spring-petclinic__pom.xml");
    const records = await mavenPomExtractor.extract(f.content, f.context);
    expect(records).toHaveLength(24);
    expect(records.filter((r) => r.version).map((r) => r.name)).toEqual([
      "org.webjars:webjars-locator-lite",
      "org.webjars.npm:bootstrap",
      "org.webjars.npm:font-awesome",
    ]);
    expect(
      records.find((r) => r.name === "org.springframework.boot:spring-boot-starter-cache"),
    ).toMatchObject({
      requirement:
        "no version in this repository (parent org.springframework.boot:spring-boot-starter-parent:4.0.3)",
      scopes: ["prod"],
    });
    expect(records.filter((r) => r.scopes?.includes("dev")).length).toBeGreaterThan(0);
  });

  it("applies dependencyManagement, parent properties, ranges and a parent at a custom relativePath", async () => {
    const parent = `<project><groupId>g</groupId><artifactId>parent</artifactId><version>1.0</version>
  <properties><lib.version>2.5.1</lib.version></properties>
  <dependencyManagement><dependencies>
    <dependency><groupId>org.x</groupId><artifactId>managed</artifactId><version>\${lib.version}</version><scope>test</scope></dependency>
  </dependencies></dependencyManagement>
</project>`;
    const child = `<?xml version="1.0"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <parent><groupId>g</groupId><artifactId>parent</artifactId><version>1.0</version><relativePath>../build/parent.xml</relativePath></parent>
  <artifactId>child</artifactId>
  <dependencies>
    <dependency><groupId>org.x</groupId><artifactId>managed</artifactId></dependency>
    <!-- <dependency><groupId>commented</groupId><artifactId>out</artifactId></dependency> -->
    <dependency>
      <groupId>\${project.groupId}</groupId><artifactId>sibling</artifactId><version>\${project.version}</version>
    </dependency>
    <dependency><groupId>org.y</groupId><artifactId>ranged</artifactId><version>[1.0,2.0)</version></dependency>
    <dependency><groupId>org.y</groupId><artifactId>hard</artifactId><version>[1.5]</version><optional>true</optional></dependency>
  </dependencies>
</project>`;
    const records = await mavenPomExtractor.extract(
      child,
      memoryContext("app/pom.xml", { "../build/parent.xml": parent }),
    );
    expect(records.map((r) => [r.name, r.version ?? r.requirement, r.scopes, r.line])).toEqual([
      ["org.x:managed", "2.5.1", ["dev"], 6],
      ["g:sibling", "1.0", ["prod"], 8],
      ["org.y:ranged", "[1.0,2.0)", ["prod"], 11],
      ["org.y:hard", "1.5", ["prod", "optional"], 12],
    ]);
  });

  it("names the line of malformed XML", async () => {
    await expect(
      mavenPomExtractor.extract("<project>\n<dependencies>\n</project>\n", memoryContext("pom.xml")),
    ).rejects.toMatchObject({ name: "ExtractorError", line: expect.any(Number) });
  });
});
