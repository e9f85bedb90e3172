import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from "vitest";
import { commonInputs } from "../inputs/common.js";
import { envInputSource } from "../inputs/sources.js";
import { input } from "../inputs/spec.js";
import { readInputsWithConfig } from "./read-with-config.js";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "bulwark-rwc-"));
  await mkdir(join(root, ".github"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const specs = [
  ...commonInputs,
  input.list("ecosystems", { description: "Ecosystems to check.", default: [] }),
] as const;

describe("readInputsWithConfig", () => {
  it("reads INPUT_ variables over the discovered config and derives the action's section schema", async () => {
    await writeFile(
      join(root, ".github", "bulwark.yml"),
      "defaults:\n  fail-on: critical\n  annotations: false\nosv-scan:\n  ecosystems: [npm, PyPI]\n",
    );
    const { inputs, config, origins } = await readInputsWithConfig(
      specs,
      envInputSource({ "INPUT_FAIL-ON": "low", INPUT_CONFIG: "" }),
      { workspace: root, section: "osv-scan" },
    );
    expectTypeOf(inputs.ecosystems).toEqualTypeOf<string[]>();
    expect(inputs).toMatchObject({ failOn: "low", annotations: false, ecosystems: ["npm", "PyPI"] });
    expect(config.path).toBe(".github/bulwark.yml");
    expect(origins).toMatchObject({ "fail-on": "input", annotations: "config", ecosystems: "config" });
  });

  it("uses the config input to pick the file", async () => {
    await writeFile(join(root, "alt.yml"), "osv-scan:\n  ecosystems: Go\n");
    const { inputs } = await readInputsWithConfig(specs, envInputSource({ INPUT_CONFIG: "alt.yml" }), {
      workspace: root,
      section: "osv-scan",
    });
    expect(inputs.ecosystems).toEqual(["Go"]);
  });

  it("rejects keys another action would accept but this one does not", async () => {
    await writeFile(join(root, ".github", "bulwark.yml"), "secret-scan:\n  ecosystems: [npm]\n");
    await expect(
      readInputsWithConfig(specs, () => undefined, {
        workspace: root,
        section: "secret-scan",
        sectionSchema: {},
      }),
    ).rejects.toThrow('.github/bulwark.yml:2: unknown key "ecosystems" in secret-scan');
  });
});
