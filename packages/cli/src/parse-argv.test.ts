import { describe, expect, it } from "vitest";
import { parseArgv, UsageError } from "./parse-argv.js";

const booleans = new Set(["report-only", "help"]);

describe("parseArgv", () => {
  it("reads a command, a path and options in both spellings", () => {
    const parsed = parseArgv(["osv-scan", "repo", "--fail-on", "critical", "--format=json"], booleans);
    expect(parsed.command).toBe("osv-scan");
    expect(parsed.path).toBe("repo");
    expect(Object.fromEntries(parsed.options)).toEqual({ "fail-on": "critical", format: "json" });
  });

  it("treats booleans as flags, with --no- and explicit values", () => {
    expect(Object.fromEntries(parseArgv(["x", "--report-only"], booleans).options)).toEqual({
      "report-only": "true",
    });
    expect(parseArgv(["x", "--no-report-only"], booleans).options.get("report-only")).toBe("false");
    expect(parseArgv(["x", "--report-only", "false", "."], booleans).options.get("report-only")).toBe(
      "false",
    );
  });

  it("accumulates repeated options as a newline list", () => {
    const parsed = parseArgv(["x", "--exclude", "a/**", "--exclude", "b/**"], booleans);
    expect(parsed.options.get("exclude")).toBe("a/**\nb/**");
  });

  it("rejects an option without its value", () => {
    expect(() => parseArgv(["x", "--fail-on"], booleans)).toThrow(UsageError);
    expect(() => parseArgv(["x", "--fail-on", "--format", "json"], booleans)).toThrow(
      "Option --fail-on needs a value",
    );
  });

  it("keeps words after the path for the caller to reject", () => {
    expect(parseArgv(["x", ".", "extra"], booleans).extra).toEqual(["extra"]);
  });
});
