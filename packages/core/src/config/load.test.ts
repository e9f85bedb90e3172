import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commonInputs } from "../inputs/common.js";
import { readInputs } from "../inputs/read.js";
import { configSchemaForInputs } from "../inputs/schema.js";
import { flagInputSource } from "../inputs/sources.js";
import { input } from "../inputs/spec.js";
import { ConfigError } from "./errors.js";
import { loadConfig } from "./load.js";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "bulwark-config-"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function writeConfig(text: string, name = ".github/bulwark.yml"): Promise<void> {
  await mkdir(join(root, ".github"), { recursive: true });
  await writeFile(join(root, name), text);
}

async function issuesOf(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ConfigError) return err.message.split("\n");
    throw err;
  }
  throw new Error("expected a ConfigError");
}

const supportedVersionsInputs = [
  input.string("policy-file", { description: "SECURITY.md to read", default: "SECURITY.md" }),
  input.number("max-age-days", { description: "days", integer: true, min: 1 }),
] as const;
const sectionSchema = configSchemaForInputs(supportedVersionsInputs);

const GOOD = `# Bulwark policy for this repository
version: 1
defaults:
  fail-on: medium
  ignore:
    - id: CVE-2021-23337
      package: lodash
      reason: template() never receives user input
      until: 2026-06-30
osv-scan:
  fail-on: high
  ignore:
    - id: GHSA-jfh8-c2jp-5v3q
      path: "services/legacy/**"
      reason: JNDI lookups disabled by flag
supported-versions:
  max-age-days: 400
secret-scan:
`;

describe("loadConfig discovery", () => {
  it("returns empty values when there is no config file", async () => {
    const config = await loadConfig(root, { section: "osv-scan" });
    expect(config.path).toBeUndefined();
    expect(config.values).toEqual({});
  });

  it("finds .github/bulwark.yaml too", async () => {
    await writeConfig("defaults:\n  fail-on: low\n", ".github/bulwark.yaml");
    const config = await loadConfig(root);
    expect(config.path).toBe(".github/bulwark.yaml");
    expect(config.values).toEqual({ "fail-on": "low" });
  });

  it("refuses to guess when both names exist", async () => {
    await writeConfig("defaults: {}\n");
    await writeConfig("defaults: {}\n", ".github/bulwark.yaml");
    expect(await issuesOf(loadConfig(root))).toEqual([
      ".github/bulwark.yml: both .github/bulwark.yml and .github/bulwark.yaml exist; keep one",
    ]);
  });

  it("requires an explicitly named file to exist", async () => {
    expect(await issuesOf(loadConfig(root, { file: "ci/bulwark.yml" }))).toEqual([
      "ci/bulwark.yml: config file not found",
    ]);
  });

  it("reads an explicitly named file", async () => {
    await mkdir(join(root, "ci"));
    await writeFile(join(root, "ci", "policy.yml"), "defaults:\n  report-only: true\n");
    const config = await loadConfig(root, { file: "ci/policy.yml" });
    expect(config.path).toBe("ci/policy.yml");
    expect(config.values).toEqual({ "report-only": true });
  });

  it("treats an empty file as no settings", async () => {
    await writeConfig("# nothing yet\n");
    expect((await loadConfig(root, { section: "sast" })).values).toEqual({});
  });
});

describe("loadConfig merging", () => {
  it("merges the action's section over defaults and joins ignore lists", async () => {
    await writeConfig(GOOD);
    const config = await loadConfig(root, { section: "osv-scan" });
    expect(config.values).toEqual({
      "fail-on": "high",
      ignore: [
        {
          id: "CVE-2021-23337",
          package: "lodash",
          reason: "template() never receives user input",
          until: "2026-06-30",
        },
        { id: "GHSA-jfh8-c2jp-5v3q", path: "services/legacy/**", reason: "JNDI lookups disabled by flag" },
      ],
    });
    expect(config.origin("fail-on")).toBe(".github/bulwark.yml:11");
    expect(config.origin("ignore")).toBe(".github/bulwark.yml:13");
  });

  it("uses defaults for an action with an empty section and registers action keys", async () => {
    await writeConfig(GOOD);
    const secret = await loadConfig(root, { section: "secret-scan" });
    expect(secret.values["fail-on"]).toBe("medium");
    expect(secret.origin("fail-on")).toBe(".github/bulwark.yml:4");

    const sv = await loadConfig(root, { section: "supported-versions", sectionSchema });
    expect(sv.values).toMatchObject({ "fail-on": "medium", "max-age-days": 400 });
  });

  it("feeds readInputs with precedence input > section > defaults > spec default", async () => {
    await writeConfig(GOOD);
    const specs = [...commonInputs, ...supportedVersionsInputs] as const;
    const config = await loadConfig(root, { section: "supported-versions", sectionSchema });
    const v = readInputs(specs, flagInputSource({ "max-age-days": "30" }), config);
    expect(v.maxAgeDays).toBe(30); // explicit input
    expect(v.failOn).toBe("medium"); // config defaults
    expect(v.policyFile).toBe("SECURITY.md"); // spec default
    expect(v.ignore).toHaveLength(1);
    const v2 = readInputs(specs, () => undefined, config);
    expect(v2.maxAgeDays).toBe(400); // config section
  });
});

describe("loadConfig errors", () => {
  it("names file and line for bad values", async () => {
    await writeConfig(
      [
        "defaults:", // 1
        "  fail-on: hgih", // 2
        "  report-only: yes", // 3
        "osv-scan:", // 4
        "  ignore:", // 5
        "    - id: CVE-2021-44228", // 6
        "      until: 2026-13-01", // 7
        "    - id: CVE-2021-45046", // 8
        "      reason: ''", // 9
        "  fail_on: high", // 10
        "sats:", // 11
        "  fail-on: low", // 12
      ].join("\n"),
    );
    expect(await issuesOf(loadConfig(root, { section: "osv-scan" }))).toEqual([
      '.github/bulwark.yml:2: fail-on must be one of critical, high, medium, low, none (got "hgih")',
      '.github/bulwark.yml:3: report-only must be true or false (got "yes")',
      '.github/bulwark.yml:6: ignore[0] needs "reason"',
      '.github/bulwark.yml:7: ignore[0].until must be a date written YYYY-MM-DD (got "2026-13-01")',
      '.github/bulwark.yml:9: ignore[1].reason must say why the finding is safe to ignore (got "")',
      '.github/bulwark.yml:10: unknown key "fail_on" in osv-scan; expected one of path, fail-on, ignore, baseline, report-only, fail-open, sarif-file, json-file, upload-sarif, comment, annotations',
      '.github/bulwark.yml:11: unknown key "sats" in the config file; expected one of version, defaults, osv-scan, secret-scan, sast, container-scan, supported-versions',
    ]);
  });

  it("checks only common keys in sections of other actions", async () => {
    await writeConfig("sast:\n  rules: [python]\n  fail-on: nope\n");
    expect(await issuesOf(loadConfig(root, { section: "osv-scan" }))).toEqual([
      '.github/bulwark.yml:3: fail-on must be one of critical, high, medium, low, none (got "nope")',
    ]);
    await writeConfig("sast:\n  rules: [python]\n");
    expect((await loadConfig(root, { section: "osv-scan" })).values).toEqual({});
    expect(await issuesOf(loadConfig(root, { section: "sast" }))).toEqual([
      '.github/bulwark.yml:2: unknown key "rules" in sast; expected one of path, fail-on, ignore, baseline, report-only, fail-open, sarif-file, json-file, upload-sarif, comment, annotations',
    ]);
  });

  it("validates registered action keys", async () => {
    await writeConfig(
      "defaults:\n  fail-on: low\nsupported-versions:\n  max-age-days: 0\n  policy-file: [a]\n",
    );
    expect(await issuesOf(loadConfig(root, { section: "supported-versions", sectionSchema }))).toEqual([
      ".github/bulwark.yml:4: max-age-days must be >= 1 (got 0)",
      ".github/bulwark.yml:5: policy-file must be a string (got a list)",
    ]);
  });

  it("reports the shape of wrong sections and versions", async () => {
    await writeConfig("version: 2\ndefaults: [fail-on]\n");
    expect(await issuesOf(loadConfig(root))).toEqual([
      ".github/bulwark.yml:1: version must be 1 (got 2)",
      ".github/bulwark.yml:2: defaults must be a mapping of keys to values or empty (got a list)",
    ]);
    await writeConfig("- just\n- a list\n");
    expect(await issuesOf(loadConfig(root))).toEqual([
      ".github/bulwark.yml:1: the config file must be a mapping of keys to values or empty (got a list)",
    ]);
  });

  it("reports YAML syntax errors with lines", async () => {
    await writeConfig("defaults:\n  fail-on: high\n  fail-on: low\n");
    const issues = await issuesOf(loadConfig(root));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^\.github\/bulwark\.yml:3: invalid YAML: Map keys must be unique/);

    await writeConfig("defaults:\n  ignore: [\n");
    expect((await issuesOf(loadConfig(root)))[0]).toMatch(/^\.github\/bulwark\.yml:\d+: invalid YAML: /);
  });

  it("rejects alias bombs", async () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 0; i < 9; i++) {
      const prev = String.fromCharCode(97 + i);
      const next = String.fromCharCode(98 + i);
      lines.push(`${next}: &${next} [${Array(10).fill(`*${prev}`).join(", ")}]`);
    }
    lines.push("defaults:\n  path: *j");
    await writeConfig(lines.join("\n"));
    const issues = await issuesOf(loadConfig(root));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^\.github\/bulwark\.yml: YAML rejected: .*alias/i);
  });

  it("rejects oversized files before parsing", async () => {
    const text = `defaults:\n  path: "${"x".repeat(300 * 1024)}"\n`;
    await writeConfig(text);
    expect(await issuesOf(loadConfig(root))).toEqual([
      `.github/bulwark.yml: config file is ${Buffer.byteLength(text)} bytes; the limit is ${256 * 1024} bytes`,
    ]);
  });

  it("rejects a directory where the file should be", async () => {
    await mkdir(join(root, ".github", "bulwark.yml"), { recursive: true });
    expect(await issuesOf(loadConfig(root))).toEqual([".github/bulwark.yml: config path is not a file"]);
  });
});
