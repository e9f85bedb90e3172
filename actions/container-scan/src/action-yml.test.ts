import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { checkActionYmlInputs } from "@bulwark/core";
import { containerScanCheck } from "@bulwark/container-scan";
import { describe, expect, it } from "vitest";
import { actionYml } from "./metadata.js";

const file = fileURLToPath(new URL("../action.yml", import.meta.url));

describe("action.yml", () => {
  it("is generated from the check definition", () => {
    if (process.env.BULWARK_UPDATE === "1") writeFileSync(file, actionYml());
    expect(readFileSync(file, "utf8")).toBe(actionYml());
  });

  it("declares exactly the inputs the code reads, without defaults that would override the config file", () => {
    expect(checkActionYmlInputs(readFileSync(file, "utf8"), containerScanCheck.specs)).toEqual([]);
  });
});
