import { describe, expect, it } from "vitest";
import { ecosystemApplies, exportEcosystem, splitEcosystem } from "./ecosystem.js";

describe("ecosystems and releases", () => {
  it("splits base and release and names the export folder", () => {
    expect(splitEcosystem("Ubuntu:22.04:LTS")).toEqual({ base: "Ubuntu", release: "22.04:LTS" });
    expect(exportEcosystem("Debian:11")).toBe("Debian");
    expect(exportEcosystem("Alpine:v3.18")).toBe("Alpine");
    expect(exportEcosystem("crates.io")).toBe("crates.io");
  });

  it("applies a record to the same release, a bare record to every release", () => {
    expect(ecosystemApplies("Debian:11", "Debian:11")).toBe(true);
    expect(ecosystemApplies("Debian:11", "Debian:12")).toBe(false);
    expect(ecosystemApplies("Debian", "Debian:12")).toBe(true);
    expect(ecosystemApplies("Debian:11", "Debian")).toBe(true);
    expect(ecosystemApplies("Ubuntu:Pro:22.04:LTS", "Ubuntu:22.04:LTS")).toBe(false);
    expect(ecosystemApplies("PyPI", "npm")).toBe(false);
  });

  it("accepts the release spellings scanners produce", () => {
    expect(ecosystemApplies("Alpine:v3.18", "Alpine:3.18")).toBe(true);
    expect(ecosystemApplies("Alpine:v3.18", "Alpine:v3.19")).toBe(false);
    expect(ecosystemApplies("Debian:11", "Debian:bullseye")).toBe(true);
    expect(ecosystemApplies("Debian:12", "debian:Bookworm")).toBe(true);
  });
});
