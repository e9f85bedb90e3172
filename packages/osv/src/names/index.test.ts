import { describe, expect, it } from "vitest";
import { normalizePackageName } from "./index.js";

describe("normalizePackageName", () => {
  it("applies PEP 503 to PyPI names", () => {
    expect(normalizePackageName("PyPI", "Friendly-Bard")).toBe("friendly-bard");
    expect(normalizePackageName("PyPI", "FRIENDLY-BARD")).toBe("friendly-bard");
    expect(normalizePackageName("PyPI", "friendly.bard")).toBe("friendly-bard");
    expect(normalizePackageName("PyPI", "friendly_bard")).toBe("friendly-bard");
    expect(normalizePackageName("PyPI", "friendly--bard")).toBe("friendly-bard");
    expect(normalizePackageName("PyPI", "FrIeNdLy-._.-bArD")).toBe("friendly-bard");
  });

  it("lowercases npm names and keeps scopes", () => {
    expect(normalizePackageName("npm", "@Angular/Core")).toBe("@angular/core");
    expect(normalizePackageName("npm", " lodash ")).toBe("lodash");
  });

  it("treats crates.io - and _ as the same name", () => {
    expect(normalizePackageName("crates.io", "serde_json")).toBe(
      normalizePackageName("crates.io", "serde-json"),
    );
    expect(normalizePackageName("crates.io", "Inflector")).toBe("inflector");
  });

  it("lowercases NuGet and Packagist names", () => {
    expect(normalizePackageName("NuGet", "Newtonsoft.Json")).toBe("newtonsoft.json");
    expect(normalizePackageName("Packagist", "Drupal/Core")).toBe("drupal/core");
  });

  it("keeps case-sensitive ecosystems as written", () => {
    expect(normalizePackageName("Maven", "org.apache.logging.log4j : log4j-core")).toBe(
      "org.apache.logging.log4j:log4j-core",
    );
    expect(normalizePackageName("Go", "github.com/BurntSushi/toml")).toBe("github.com/BurntSushi/toml");
    expect(normalizePackageName("RubyGems", "RedCloth")).toBe("RedCloth");
    expect(normalizePackageName("Debian:12", "libssl3")).toBe("libssl3");
    expect(normalizePackageName("Alpine:v3.20", "py3-Pillow")).toBe("py3-Pillow");
  });

  it("normalises SwiftURL repository URLs", () => {
    expect(normalizePackageName("SwiftURL", "https://GitHub.com/apple/swift-nio.git/")).toBe(
      "github.com/apple/swift-nio",
    );
    expect(normalizePackageName("SwiftURL", "github.com/apple/swift-nio")).toBe("github.com/apple/swift-nio");
  });
});
