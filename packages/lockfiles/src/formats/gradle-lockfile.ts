// Gradle dependency lockfiles (gradle.lockfile, buildscript-gradle.lockfile, and the older
// per-configuration gradle/dependency-locks/*.lockfile): `group:artifact:version=configurations`.
// A dependency only in test configurations is dev.
import { ExtractorError, type Extractor } from "../extractor.js";
import type { PackageRecord } from "../package-record.js";
import { purlString } from "./purl-string.js";

const isTestConfiguration = (configuration: string) => /test/i.test(configuration);

export const gradleLockfileExtractor: Extractor = {
  name: "gradle.lockfile",
  matches: (path) => {
    const base = path.split("/").pop() ?? "";
    return (
      base === "gradle.lockfile" ||
      base === "buildscript-gradle.lockfile" ||
      /(^|\/)dependency-locks\/[^/]+\.lockfile$/.test(path)
    );
  },
  extract(content, context) {
    const records: PackageRecord[] = [];
    content.split("\n").forEach((raw, i) => {
      const text = raw.trim();
      if (text === "" || text.startsWith("#")) return;
      const [coordinates = "", configurations] = text.split("=", 2);
      if (coordinates === "empty") return;
      const parts = coordinates.split(":");
      if (parts.length < 3 || parts.some((p) => p === ""))
        throw new ExtractorError(
          "gradle.lockfile: each line must read `group:artifact:version=configurations`",
          i + 1,
        );
      const [group = "", artifact = "", version = ""] = parts;
      const configs = configurations ? configurations.split(",").filter(Boolean) : [];
      const dev = configs.length > 0 && configs.every(isTestConfiguration);
      records.push({
        name: `${group}:${artifact}`,
        version,
        ecosystem: "Maven",
        purl: purlString({ type: "maven", namespace: group, name: artifact, version }),
        scopes: [dev ? "dev" : "prod"],
        file: context.relativePath,
        line: i + 1,
      });
    });
    return records;
  },
};
