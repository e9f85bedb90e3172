// The committed container-scan bundle, run as the runner runs it, on a repository whose Dockerfile built
// an image held by Debian's docker-registry on 127.0.0.1 (real bullseye package versions), matched
// against the real Debian advisories in ../shared/osv-db.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseImageReference, RegistryClient } from "../../packages/containers/src/index.js";
import {
  bullseyeAppLayers,
  bullseyeBaseLayer,
} from "../../packages/containers/src/test-support/bullseye-layers.js";
import { pushImage } from "../../packages/containers/src/test-support/push-image.js";
import {
  startRegistry,
  type RunningRegistry,
} from "../../packages/containers/src/test-support/registry-server.js";
import { runAction } from "./harness/run-action.js";

const action = fileURLToPath(new URL("../../actions/container-scan/", import.meta.url));
const OSV_DB = fileURLToPath(new URL("../../../shared/osv-db/", import.meta.url));

interface JsonFinding {
  ruleId: string;
  status: string;
  severity: string;
  package?: { name: string; version?: string; ecosystem?: string };
  location?: { path: string; startLine?: number };
  remediation?: string;
  properties?: Record<string, unknown>;
}

let registry: RunningRegistry;

beforeAll(async () => {
  registry = await startRegistry();
  const client = new RegistryClient({ dockerConfig: false });
  const base = await bullseyeBaseLayer();
  await pushImage(client, parseImageReference(`${registry.host}/debian`), "11", [base]);
  await pushImage(client, parseImageReference(`${registry.host}/shop/app`), "1.0", [
    base,
    ...(await bullseyeAppLayers()),
  ]);
}, 120_000);

afterAll(async () => {
  await registry?.stop();
});

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "bulwark-e2e-containers-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const offline = () => ({ database: "offline", "osv-db-url": OSV_DB, "database-cache": ".cache/osv" });

describe("container-scan action", () => {
  it("scans the image and its Dockerfile's base from the registry, annotating the Dockerfile lines", async () => {
    const app = `${registry.host}/shop/app:1.0`;
    const base = `${registry.host}/debian:11`;
    const ws = repo({
      Dockerfile: [
        "# syntax=docker/dockerfile:1",
        "ARG REGISTRY=registry.invalid",
        "FROM ${REGISTRY}/debian:11",
        "RUN apt-get install -y curl libexpat1",
        "WORKDIR /usr/src/app",
        "RUN apt-get install --only-upgrade -y zlib1g && npm ci",
        "",
      ].join("\n"),
    });
    const run = await runAction(action, {
      workspace: ws,
      inputs: {
        ...offline(),
        images: `${app}=Dockerfile`,
        // Overrides the ARG default in FROM, as docker build --build-arg does.
        "build-args": `REGISTRY=${registry.host}`,
        "json-file": "out/containers.json",
        "sbom-dir": "out/sbom",
      },
    });
    expect(run.stderr).toBe("");
    // lodash's CVE-2021-23337 is high: the default fail-on fails the job.
    expect(run.exitCode).toBe(1);
    expect(run.outputs.failed).toBe("true");

    // Base-image packages annotate the FROM line, the rest the RUN that installed them (the runner shows
    // ten annotations per level: the JSON report below has every location).
    const at = (line: number, text: string) =>
      run.annotations.find((a) => a.file === "Dockerfile" && a.line === line && a.title?.includes(text));
    expect(at(6, "lodash@4.17.20")).toMatchObject({ level: "error", endLine: 6 });
    expect(at(6, "lodash@4.17.20")?.message).toContain(
      "Fix: Upgrade lodash to 4.17.21 or later in the image.",
    );
    expect(at(3, `openssl 1.1.1k-1) in ${app}`)?.message).toContain(`Fix: Update the base image ${base}`);
    expect(run.annotations.filter((a) => a.file && a.file !== "Dockerfile")).toEqual([]);

    const rows = JSON.parse(run.outputs.images!) as Record<string, unknown>[];
    expect(rows).toEqual([
      expect.objectContaining({
        image: app,
        baseImage: base,
        packages: 10,
        high: 1,
        medium: 14,
        fixable: 15,
      }),
      expect.objectContaining({ image: base, packages: 6, high: 0, medium: 9, fixable: 9 }),
    ]);
    expect(run.summary).toContain(
      `| ${app} | Debian GNU/Linux 11 (bullseye) | ${base} | 10 | 0 | 1 | 14 | 0 | 15 |`,
    );
    expect(run.summary).toMatch(
      /\| medium \| [^|]+\/shop\/app:1\.0 \| curl \(curl, libcurl4\) \| 7\.74\.0-1\.3\+deb11u3 \| DSA-5365-1 \| 7\.74\.0-1\.3\+deb11u7 \| 2 sha256:\w+ \|/,
    );

    const report = JSON.parse(readFileSync(join(ws, "out/containers.json"), "utf8")) as {
      findings: JsonFinding[];
    };
    const find = (image: string, id: string) =>
      report.findings.find((f) => f.properties?.image === image && f.ruleId === id);
    expect(find(app, "DSA-5365-1")).toMatchObject({
      status: "new",
      package: { name: "curl", version: "7.74.0-1.3+deb11u3", ecosystem: "Debian:11" },
      location: { path: "Dockerfile", startLine: 4 },
      properties: {
        fixedVersion: "7.74.0-1.3+deb11u7",
        binaryPackages: ["curl", "libcurl4"],
        fromBaseImage: false,
      },
    });
    expect(find(app, "DSA-5103-1")).toMatchObject({
      package: { name: "openssl", version: "1.1.1k-1" },
      location: { path: "Dockerfile", startLine: 3 },
      properties: {
        fixedVersion: "1.1.1k-1+deb11u2",
        related: ["CVE-2021-4160", "CVE-2022-0778"],
        fromBaseImage: true,
      },
    });
    expect(find(base, "DSA-5218-1")).toMatchObject({
      package: { name: "zlib", version: "1:1.2.11.dfsg-2" },
      properties: { fixedVersion: "1:1.2.11.dfsg-2+deb11u2", binaryPackages: ["zlib1g"] },
    });
    // zlib was upgraded in the app's last layer: no zlib finding there.
    expect(report.findings.some((f) => f.properties?.image === app && f.package?.name === "zlib")).toBe(
      false,
    );

    // A CycloneDX SBOM per image under the workspace, listed in the sboms output.
    const sboms = JSON.parse(run.outputs.sboms!) as { image: string; file: string }[];
    expect(sboms.map((s) => s.image)).toEqual([app, base]);
    const bom = JSON.parse(readFileSync(sboms[0]!.file, "utf8")) as {
      specVersion: string;
      components: { name: string; purl?: string }[];
    };
    expect(sboms[0]!.file.startsWith(join(ws, "out/sbom/"))).toBe(true);
    expect(bom.specVersion).toBe("1.6");
    expect(bom.components.find((c) => c.name === "lodash")?.purl).toBe("pkg:npm/lodash@4.17.20");

    // SARIF: one run per image, each with its own category.
    const sarif = JSON.parse(readFileSync(run.outputs["sarif-file"]!, "utf8")) as {
      runs: { automationDetails?: { id?: string }; results: unknown[]; tool: { driver: { name: string } } }[];
    };
    expect(sarif.runs.map((r) => [r.tool.driver.name, r.automationDetails?.id, r.results.length])).toEqual([
      ["container-scan", `container-scan/${app}/`, 15],
      ["container-scan", `container-scan/${base}/`, 9],
    ]);
  }, 180_000);

  it("an ignore by CVE reaches the advisory; a requested engine that is not installed fails the check", async () => {
    const app = `${registry.host}/shop/app:1.0`;
    const ws = repo({ "README.md": "images come from the registry only\n" });
    const ignore = [
      "- id: CVE-2021-23337",
      "  package: lodash",
      "  reason: the app never calls template() with user input",
      "- id: CVE-2023-23916",
      "  reason: curl is only used against our own endpoints",
    ].join("\n");
    const passing = await runAction(action, {
      workspace: ws,
      inputs: { ...offline(), images: app, ignore, "json-file": "out/report.json" },
    });
    expect(passing.exitCode).toBe(0);
    expect(passing.outputs.failed).toBe("false");
    const report = JSON.parse(readFileSync(join(ws, "out/report.json"), "utf8")) as {
      findings: JsonFinding[];
    };
    // DSA-5365-1 is the Debian advisory that fixes CVE-2023-23916: the ignore by CVE reaches it.
    expect(
      report.findings
        .filter((f) => f.status === "ignored")
        .map((f) => f.ruleId)
        .sort(),
    ).toEqual(["CVE-2021-23337", "DSA-5365-1"]);

    const trivy = await runAction(action, {
      workspace: ws,
      inputs: { ...offline(), images: app, ignore, engine: "trivy" },
      env: { PATH: "/usr/bin:/bin" },
    });
    expect(trivy.exitCode).toBe(1);
    expect(trivy.outputs.failed).toBe("true");
    expect(trivy.summary).toMatch(/engine trivy: trivy is not installed on this runner \(not on PATH\)/);
    // The built-in findings are still reported in its place.
    expect(trivy.outputs.findings).toBe(passing.outputs.findings);
  }, 180_000);

  it("an unreachable registry fails the check with the image named, not a pass", async () => {
    const ws = repo({ "README.md": "no container files here\n" });
    const run = await runAction(action, {
      workspace: ws,
      inputs: { ...offline(), images: "127.0.0.1:9/shop/app:1.0", "fail-on": "critical" },
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.failed).toBe("true");
    const error = run.annotations.find((a) => a.level === "error");
    expect(error?.message).toMatch(/127\.0\.0\.1:9\/shop\/app:1\.0 could not be scanned/);
    const rows = JSON.parse(run.outputs.images!) as { image: string; error?: string }[];
    expect(rows).toEqual([
      expect.objectContaining({ image: "127.0.0.1:9/shop/app:1.0", error: expect.any(String) }),
    ]);
    expect(run.summary).toContain("| 127.0.0.1:9/shop/app:1.0 | not scanned: ");
  }, 180_000);
});
