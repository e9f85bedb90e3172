import { describe, expect, it } from "vitest";
import { parseSupportStatus } from "./support-status.js";

describe("parseSupportStatus", () => {
  it.each([
    ":white_check_mark:",
    ":heavy_check_mark:",
    "✅",
    "✔️",
    "✓",
    "Yes",
    "supported",
    "Security fixes only",
    "LTS",
    "✅ until 2026-12-31",
  ])("%s means supported", (cell) => expect(parseSupportStatus(cell)).toBe("supported"));

  it.each([
    ":x:",
    "❌",
    "✗",
    "No",
    "unsupported",
    "Not supported",
    "EOL",
    "End of life",
    "end-of-life",
    "No longer supported",
  ])("%s means unsupported", (cell) => expect(parseSupportStatus(cell)).toBe("unsupported"));

  it("says unknown for empty or unrelated text", () => {
    expect(parseSupportStatus("")).toBe("unknown");
    expect(parseSupportStatus("2024-01-01")).toBe("unknown");
  });
});
