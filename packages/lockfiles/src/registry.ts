// Every supported format, in the order extractFile tries them: the first whose matches() accepts a path
// handles it. Append new formats here (one import, one array entry).
import type { Extractor } from "./extractor.js";
import { cabalFreezeExtractor } from "./formats/cabal-freeze.js";
import { cargoLockExtractor } from "./formats/cargo-lock.js";
import { composerLockExtractor } from "./formats/composer-lock.js";
import { conanLockExtractor } from "./formats/conan-lock.js";
import { dotnetDepsJsonExtractor } from "./formats/dotnet-deps-json.js";
import { gemfileLockExtractor } from "./formats/gemfile-lock.js";
import { goModExtractor } from "./formats/go-mod.js";
import { goSumExtractor } from "./formats/go-sum.js";
import { gradleLockfileExtractor } from "./formats/gradle-lockfile.js";
import { gradleVerificationMetadataExtractor } from "./formats/gradle-verification-metadata.js";
import { mavenPomExtractor } from "./formats/maven-pom.js";
import { mixLockExtractor } from "./formats/mix-lock.js";
import { msbuildProjectExtractor } from "./formats/msbuild-project.js";
import { nugetPackagesConfigExtractor } from "./formats/nuget-packages-config.js";
import { nugetPackagesLockExtractor } from "./formats/nuget-packages-lock.js";
import { packageResolvedExtractor } from "./formats/package-resolved.js";
import { pubspecLockExtractor } from "./formats/pubspec-lock.js";
import { renvLockExtractor } from "./formats/renv-lock.js";
import { stackYamlLockExtractor } from "./formats/stack-yaml-lock.js";
import { packageLockExtractor } from "./formats/package-lock.js";
import { yarnLockExtractor } from "./formats/yarn-lock.js";
import { pnpmLockExtractor } from "./formats/pnpm-lock.js";
import { bunLockExtractor } from "./formats/bun-lock.js";
import { requirementsTxtExtractor } from "./formats/requirements-txt.js";
import { pipfileLockExtractor } from "./formats/pipfile-lock.js";
import { poetryLockExtractor } from "./formats/poetry-lock.js";
import { uvLockExtractor } from "./formats/uv-lock.js";
import { pdmLockExtractor } from "./formats/pdm-lock.js";
import { pylockTomlExtractor } from "./formats/pylock-toml.js";
import { cycloneDxJsonExtractor } from "./formats/cyclonedx-json.js";
import { cycloneDxXmlExtractor } from "./formats/cyclonedx-xml.js";
import { spdxJsonExtractor } from "./formats/spdx-json.js";
import { spdxTagValueExtractor } from "./formats/spdx-tag-value.js";
import { installedNodeModuleExtractor } from "./formats/installed-node-module.js";
import { installedPythonMetadataExtractor } from "./formats/installed-python-metadata.js";

export const extractors: readonly Extractor[] = [
  packageLockExtractor,
  yarnLockExtractor,
  pnpmLockExtractor,
  bunLockExtractor,
  requirementsTxtExtractor,
  pipfileLockExtractor,
  poetryLockExtractor,
  uvLockExtractor,
  pdmLockExtractor,
  pylockTomlExtractor,
  cargoLockExtractor,
  goModExtractor,
  goSumExtractor,
  gemfileLockExtractor,
  composerLockExtractor,
  pubspecLockExtractor,
  mixLockExtractor,
  renvLockExtractor,
  conanLockExtractor,
  packageResolvedExtractor,
  cabalFreezeExtractor,
  stackYamlLockExtractor,
  mavenPomExtractor,
  gradleLockfileExtractor,
  gradleVerificationMetadataExtractor,
  nugetPackagesLockExtractor,
  nugetPackagesConfigExtractor,
  msbuildProjectExtractor,
  dotnetDepsJsonExtractor,
  cycloneDxJsonExtractor,
  cycloneDxXmlExtractor,
  spdxJsonExtractor,
  spdxTagValueExtractor,
  installedNodeModuleExtractor,
  installedPythonMetadataExtractor,
];
