// Files that are not what they claim: unparseable YAML and templates without their properties file.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkTemplateProperties } from "./workflow-template.js";
import { loadYaml } from "./yaml-file.js";

describe("loadYaml", () => {
  it("names the file and line of a syntax error instead of throwing", () => {
    const loaded = loadYaml(".github/workflows/x.yml", "on: push\njobs:\n  a: [unclosed\n");
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      expect(loaded.issues[0]).toMatchObject({ file: ".github/workflows/x.yml", rule: "yaml" });
      expect(loaded.issues[0]?.line).toBeGreaterThanOrEqual(3);
    }
  });

  it("rejects duplicate keys, which the runner would silently resolve", () => {
    const loaded = loadYaml("x.yml", "on: push\non: pull_request\n");
    expect(loaded.ok).toBe(false);
  });
});

describe("checkTemplateProperties", () => {
  it("requires a properties file with a name, a description and categories", () => {
    const dir = mkdtempSync(join(tmpdir(), "workflow-templates-"));
    const template = join(dir, "security.yml");
    writeFileSync(template, "on: push\n");
    expect(checkTemplateProperties("workflow-templates/security.yml", template)[0]?.message).toMatch(
      /security\.properties\.json is missing/,
    );
    writeFileSync(join(dir, "security.properties.json"), '{"name": "S", "categories": "Security"}');
    expect(
      checkTemplateProperties("workflow-templates/security.yml", template).map((i) => i.message),
    ).toEqual(['"description" must be a non-empty string', '"categories" must be a list of strings']);
    writeFileSync(join(dir, "security.properties.json"), "{ nope");
    expect(checkTemplateProperties("workflow-templates/security.yml", template)[0]?.message).toMatch(
      /not valid JSON/,
    );
  });
});
