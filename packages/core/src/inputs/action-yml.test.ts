import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { actionYmlInputs, checkActionYmlInputs } from "./action-yml.js";
import { commonInputs } from "./common.js";
import { input } from "./spec.js";

const specs = [...commonInputs, input.list("ecosystems", { description: "Ecosystems to check." })] as const;

describe("actionYmlInputs", () => {
  it("states defaults in descriptions and sets real defaults only for non-configurable inputs", () => {
    const inputs = actionYmlInputs(specs, { token: "${{ github.token }}" });
    expect(inputs["fail-on"]).toEqual({
      description:
        "Fail when a new finding is at or above this severity; none never fails on findings. Default: `high`.",
      required: false,
    });
    expect(inputs.token).toMatchObject({ default: "${{ github.token }}" });
    expect(inputs.ignore?.default).toBeUndefined();
    expect(Object.keys(inputs)).toEqual([...commonInputs.map((s) => s.name), "ecosystems"]);
  });

  it("refuses a default for a configurable input", () => {
    expect(() => actionYmlInputs(specs, { "fail-on": "high" })).toThrow('input "fail-on" is configurable');
  });
});

describe("checkActionYmlInputs", () => {
  it("accepts the generated inputs", () => {
    const text = stringify({ name: "x", inputs: actionYmlInputs(specs, { token: "${{ github.token }}" }) });
    expect(checkActionYmlInputs(text, specs)).toEqual([]);
  });

  it("lists every mismatch", () => {
    const inputs: Record<string, unknown> = actionYmlInputs(commonInputs);
    inputs["fail-on"] = { description: "x", default: "high" };
    inputs.extra = { description: "y" };
    expect(checkActionYmlInputs(stringify({ inputs }), specs)).toEqual([
      'input "fail-on" has an action.yml default, which would override the config file',
      'input "ecosystems" is read by the code but missing from action.yml',
      'input "extra" is in action.yml but no spec reads it',
    ]);
  });
});
