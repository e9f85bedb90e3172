import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkActionMetadata } from "./action-metadata.js";
import { loadYaml } from "./yaml-file.js";

function check(lines: string[], files: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), "action-metadata-"));
  for (const file of files) {
    mkdirSync(join(dir, file, ".."), { recursive: true });
    writeFileSync(join(dir, file), "");
  }
  const loaded = loadYaml("actions/x/action.yml", lines.join("\n"));
  if (!loaded.ok) throw new Error(loaded.issues[0]?.message);
  return checkActionMetadata(loaded.yaml, dir).map((i) => `${i.line}: ${i.message}`);
}

describe("checkActionMetadata", () => {
  const good = [
    "name: X",
    "description: Does x.",
    "inputs:",
    "  fail-on:",
    "    description: When to fail.",
    "    required: false",
    "outputs:",
    "  findings:",
    "    description: How many.",
    "runs:",
    "  using: node24",
    "  main: dist/index.js",
    "branding:",
    "  icon: shield",
    "  color: blue",
  ];

  it("accepts a complete node action whose bundle exists", () => {
    expect(check(good, ["dist/index.js"])).toEqual([]);
  });

  it("reports a missing bundle, unknown keys, undescribed inputs and a bad runtime", () => {
    expect(
      check([
        "name: X",
        "descripton: typo",
        "inputs:",
        "  fail-on:",
        "    required: maybe",
        "  bad name:",
        "    description: spaces",
        "outputs:",
        "  findings: {}",
        "runs:",
        "  using: node12",
        "  main: dist/index.js",
        "branding:",
        "  color: pink",
      ]),
    ).toEqual([
      '2: unknown top-level key "descripton"',
      '1: "description" is missing or empty',
      '11: runs.using "node12" is not one of node20, node24, composite, docker',
      '12: runs.main "dist/index.js" does not exist (build the bundle)',
      "4: inputs.fail-on has no description",
      "5: inputs.fail-on.required must be true or false",
      '6: inputs name "bad name" has characters the runner does not allow',
      "9: outputs.findings has no description",
      '14: branding.color "pink" is not one GitHub Marketplace accepts',
    ]);
  });

  it("reports runs.main that was not built", () => {
    expect(check(good)).toEqual(['12: runs.main "dist/index.js" does not exist (build the bundle)']);
  });
});
