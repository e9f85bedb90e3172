// Throughput of the second set of format parsers over the real files in ../shared/lockfiles.
// Run: tsx bench/formats-2.ts. Target: every real file parses in well under a second on one core.
import { performance } from "node:perf_hooks";
import type { Extractor } from "../src/extractor.js";
import { cargoLockExtractor } from "../src/formats/cargo-lock.js";
import { composerLockExtractor } from "../src/formats/composer-lock.js";
import { conanLockExtractor } from "../src/formats/conan-lock.js";
import { cycloneDxJsonExtractor } from "../src/formats/cyclonedx-json.js";
import { gemfileLockExtractor } from "../src/formats/gemfile-lock.js";
import { goModExtractor } from "../src/formats/go-mod.js";
import { goSumExtractor } from "../src/formats/go-sum.js";
import { gradleLockfileExtractor } from "../src/formats/gradle-lockfile.js";
import { mavenPomExtractor } from "../src/formats/maven-pom.js";
import { mixLockExtractor } from "../src/formats/mix-lock.js";
import { nugetPackagesLockExtractor } from "../src/formats/nuget-packages-lock.js";
import { pubspecLockExtractor } from "../src/formats/pubspec-lock.js";
import { renvLockExtractor } from "../src/formats/renv-lock.js";
import { sharedLockfiles } from "../src/formats/shared-lockfiles.js";
import { spdxJsonExtractor } from "../src/formats/spdx-json.js";

const suites: [string, Extractor][] = [
  ["cargo-lock", cargoLockExtractor],
  ["go-mod", goModExtractor],
  ["go-sum", goSumExtractor],
  ["gemfile-lock", gemfileLockExtractor],
  ["composer-lock", composerLockExtractor],
  ["pubspec-lock", pubspecLockExtractor],
  ["mix-lock", mixLockExtractor],
  ["renv-lock", renvLockExtractor],
  ["conan-lock", conanLockExtractor],
  ["maven-pom", mavenPomExtractor],
  ["gradle-lockfile", gradleLockfileExtractor],
  ["nuget-packages-lock", nugetPackagesLockExtractor],
  ["cyclonedx-json", cycloneDxJsonExtractor],
  ["spdx-json", spdxJsonExtractor],
  ["spdx-json-container", spdxJsonExtractor],
];

const ROUNDS = 5;
console.log("format                 files      MB  packages   best ms   MB/s  slowest file ms");
for (const [format, extractor] of suites) {
  const files = sharedLockfiles(format);
  const bytes = files.reduce((n, f) => n + f.content.length, 0);
  let best = Infinity;
  let slowest = 0;
  let packages = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    packages = 0;
    for (const f of files) {
      const t = performance.now();
      packages += (await extractor.extract(f.content, f.context)).length;
      slowest = Math.max(slowest, performance.now() - t);
    }
    best = Math.min(best, performance.now() - start);
  }
  const mb = bytes / 1e6;
  console.log(
    `${format.padEnd(22)} ${String(files.length).padStart(5)} ${mb.toFixed(2).padStart(7)} ${String(packages).padStart(9)} ${best.toFixed(1).padStart(9)} ${(mb / (best / 1000)).toFixed(1).padStart(6)} ${slowest.toFixed(1).padStart(16)}`,
  );
}
