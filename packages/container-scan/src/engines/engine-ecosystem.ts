// Package types of Trivy (Result.Type) and Grype (artifact.type) as OSV ecosystem names, so ignores by
// ecosystem and reports read the same whichever engine found a package. Distribution packages take the
// image's own OS ecosystem (`Debian:11`), which only the image knows.
const LANGUAGE: Record<string, string> = {
  npm: "npm",
  yarn: "npm",
  pnpm: "npm",
  "node-pkg": "npm",
  pip: "PyPI",
  pipenv: "PyPI",
  poetry: "PyPI",
  "python-pkg": "PyPI",
  python: "PyPI",
  gomod: "Go",
  gobinary: "Go",
  "go-module": "Go",
  cargo: "crates.io",
  "rust-crate": "crates.io",
  "rust-binary": "crates.io",
  jar: "Maven",
  pom: "Maven",
  gradle: "Maven",
  "java-archive": "Maven",
  bundler: "RubyGems",
  gemspec: "RubyGems",
  gem: "RubyGems",
  composer: "Packagist",
  "php-composer": "Packagist",
  nuget: "NuGet",
  dotnet: "NuGet",
  "dotnet-core": "NuGet",
};

const DISTRIBUTION = new Set([
  "deb",
  "debian",
  "ubuntu",
  "apk",
  "alpine",
  "rpm",
  "redhat",
  "centos",
  "rocky",
  "alma",
  "amazon",
  "fedora",
  "wolfi",
  "chainguard",
]);

/** The OSV ecosystem of an engine's package type; `type` itself when it has none. */
export function engineEcosystem(
  type: string | undefined,
  osEcosystem: string | undefined,
): string | undefined {
  if (!type) return undefined;
  const key = type.toLowerCase();
  if (DISTRIBUTION.has(key)) return osEcosystem ?? type;
  return LANGUAGE[key] ?? type;
}
