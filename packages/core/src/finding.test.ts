import { describe, expect, it } from "vitest";
import { SEVERITIES } from "./finding.js";

describe("SEVERITIES", () => {
  it("lists severities from most to least severe", () => {
    expect(SEVERITIES).toEqual(["critical", "high", "medium", "low", "info"]);
  });
});
