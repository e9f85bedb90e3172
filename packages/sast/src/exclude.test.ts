import { describe, expect, it } from "vitest";
import { excludeMatcher } from "./exclude.js";

describe("excludeMatcher", () => {
  it("skips vendored, built, minified and generated code by default, at any depth", () => {
    const excluded = excludeMatcher();
    for (const path of [
      "node_modules/left-pad/index.js",
      "actions/sast/dist/index.js",
      "packages/web/build/app.js",
      "vendor/github.com/x/y.go",
      "third_party/zlib/inflate.c",
      "static/jquery.min.js",
      "api/service.pb.go",
      "proto/service_pb2.py",
      ".venv/lib/python3.12/site-packages/yaml/__init__.py",
    ]) {
      expect(excluded(path), path).toBe(true);
    }
    for (const path of [
      "src/index.ts",
      "app/server.py",
      "scripts/build.sh",
      "lib/distance.js",
      "builder/x.c",
    ]) {
      expect(excluded(path), path).toBe(false);
    }
    expect(excluded("dist", true)).toBe(true);
    expect(excluded("dist")).toBe(false);
  });

  it("adds the user's patterns after the defaults; a negation brings a default back", () => {
    const excluded = excludeMatcher(["legacy/", "src/**/*.generated.ts", "!dist/", "# a comment", " "]);
    expect(excluded("legacy/old.py")).toBe(true);
    expect(excluded("src/api/client.generated.ts")).toBe(true);
    expect(excluded("src/api/client.ts")).toBe(false);
    expect(excluded("dist/index.js")).toBe(false);
    expect(excluded("node_modules/a/index.js")).toBe(true);
  });

  it("never excludes the root itself or paths outside it", () => {
    const excluded = excludeMatcher(["*"]);
    expect(excluded("")).toBe(false);
    expect(excluded("../elsewhere/a.py")).toBe(false);
    expect(excluded("a.py")).toBe(true);
  });
});
