// Chains from a direct dependency down, on the real lockfiles of ../shared/lockfiles, for the formats
// whose files record the graph beyond JavaScript, Cargo and uv (those have their own tests). Manifests
// that would sit beside a lock (pyproject.toml, composer.json, mix.exs) are small ones written here,
// declaring some of the project's real direct dependencies.
import { describe, expect, it } from "vitest";
import type { PackageRecord } from "../package-record.js";
import { composerJsonRoots, composerLockExtractor, composerLockGraph } from "./composer-lock.js";
import { conanLockExtractor } from "./conan-lock.js";
import { cycloneDxJsonExtractor } from "./cyclonedx-json.js";
import { cycloneDxXmlExtractor } from "./cyclonedx-xml.js";
import type { DependencyGraph } from "./dependency-chains.js";
import { gemfileLockExtractor, gemfileLockGraph } from "./gemfile-lock.js";
import { expectObject } from "./json-document.js";
import { mixLockExtractor, mixLockGraph } from "./mix-lock.js";
import { nugetPackagesLockExtractor, nugetPackagesLockGraph } from "./nuget-packages-lock.js";
import { pdmDependencyNames, pdmLockExtractor } from "./pdm-lock.js";
import { poetryDependencyNames, poetryLockExtractor } from "./poetry-lock.js";
import { readPyprojectRoots } from "./pyproject-roots.js";
import { pythonLockGraph } from "./python-lock-graph.js";
import { memoryContext, sharedLockfile, sharedLockfiles, type SharedLockfile } from "./shared-lockfiles.js";
import { parseTomlDocument } from "./toml-document.js";

const chainOf = (records: PackageRecord[], name: string) => records.find((r) => r.name === name)?.parents;

/**
 * Every chain starts at a direct dependency, and is a shortest one: with roots at depth 0 and each
 * chained package at its chain's length, every edge of the graph goes at most one level deeper, and
 * each chain's last step is an edge from a package one level up. Returns how many edges were checked.
 */
function expectShortestChains(
  records: PackageRecord[],
  graph: DependencyGraph,
  nodeOf: (record: PackageRecord) => string = (r) => r.name,
): number {
  const rootNames = new Set(graph.roots.map(graph.nameOf));
  const depth = new Map<string, number>(graph.roots.map((root) => [root, 0]));
  for (const r of records) {
    if (r.direct) expect(r.parents, r.name).toBeUndefined();
    if (!r.parents) continue;
    expect(r.direct, r.name).toBe(false);
    expect(rootNames.has(r.parents[0]!), `${r.name} via ${r.parents[0]}`).toBe(true);
    depth.set(nodeOf(r), r.parents.length);
  }
  const reported = new Set([...records.map(nodeOf), ...graph.roots]);
  let edges = 0;
  for (const [from, tos] of graph.edges) {
    const d = depth.get(from);
    if (d === undefined) continue;
    for (const to of tos) {
      if (!reported.has(to)) continue; // platform requirements, optional and unreported nodes
      expect(depth.get(to), `${from} -> ${to}`).toBeLessThanOrEqual(d + 1);
      edges++;
    }
  }
  for (const r of records) {
    if (!r.parents) continue;
    const parent = r.parents.at(-1)!;
    const steps = [...graph.edges].filter(
      ([from, tos]) =>
        graph.nameOf(from) === parent && depth.get(from) === r.parents!.length - 1 && tos.includes(nodeOf(r)),
    );
    expect(steps.length, `${r.name} under ${parent}`).toBeGreaterThan(0);
  }
  return edges;
}

async function extracted(
  extract: (
    content: string,
    context: SharedLockfile["context"],
  ) => Promise<PackageRecord[]> | PackageRecord[],
  f: SharedLockfile,
  siblings?: Record<string, string>,
): Promise<PackageRecord[]> {
  return extract(f.content, siblings ? memoryContext(`${f.name}`, siblings) : f.context);
}

describe("Gemfile.lock chains", () => {
  it("chains every transitive gem of the real lockfiles to a DEPENDENCIES gem, shortest first", async () => {
    const results = [];
    for (const f of sharedLockfiles("gemfile-lock")) {
      const records = await gemfileLockExtractor.extract(f.content, f.context);
      const edges = expectShortestChains(records, gemfileLockGraph(f.content));
      results.push([
        f.name,
        records.filter((r) => r.parents).length,
        records.filter((r) => !r.direct && !r.parents).length,
        edges > 0,
      ]);
    }
    expect(results).toEqual([
      ["huginn__huginn__Gemfile.lock", 181, 0, true],
      ["lobsters__lobsters__Gemfile.lock", 122, 0, true],
      ["rubygems__rubygems.org__Gemfile.lock", 178, 0, true],
    ]);
  });

  it("names the direct gem a transitive one comes through", async () => {
    const f = sharedLockfile("gemfile-lock", "lobsters__lobsters__Gemfile.lock");
    const records = await gemfileLockExtractor.extract(f.content, f.context);
    // brakeman (direct) depends on racc; sqlite3 (direct) on mini_portile2.
    expect(chainOf(records, "racc")).toEqual(["brakeman"]);
    expect(chainOf(records, "mini_portile2")).toEqual(["sqlite3"]);
    // actionpack-page_caching -> actionpack -> rails-html-sanitizer -> loofah: three steps, and the
    // first direct gem in DEPENDENCIES order among those as close.
    expect(chainOf(records, "loofah")).toEqual([
      "actionpack-page_caching",
      "actionpack",
      "rails-html-sanitizer",
    ]);
    expect(records.find((r) => r.name === "brakeman")).toMatchObject({ direct: true });
    expect(chainOf(records, "brakeman")).toBeUndefined();
  });

  it("goes through PATH gems (the repository's own) without reporting them", async () => {
    const lock = `PATH
  remote: .
  specs:
    mygem (0.1.0)
      rack (>= 2)

GEM
  remote: https://rubygems.org/
  specs:
    rack (3.0.8)

DEPENDENCIES
  mygem!
`;
    const records = await gemfileLockExtractor.extract(lock, memoryContext("Gemfile.lock"));
    expect(records).toEqual([expect.objectContaining({ name: "rack", direct: false, parents: ["mygem"] })]);
  });
});

describe("packages.lock.json chains", () => {
  it("chains every transitive package to a Direct package or project reference", async () => {
    const results = [];
    for (const f of sharedLockfiles("nuget-packages-lock")) {
      const records = await nugetPackagesLockExtractor.extract(f.content, f.context);
      const edges = expectShortestChains(records, nugetPackagesLockGraph(f.content), (r) =>
        r.name.toLowerCase(),
      );
      results.push([f.name, records.filter((r) => r.parents).length, edges > 0]);
      expect(records.filter((r) => !r.direct && !r.parents)).toEqual([]);
    }
    expect(results).toEqual([
      ["CollapseLauncher__Collapse__CollapseLauncher__packages.lock.json", 31, true],
      ["bitwarden__server__src__Api__packages.lock.json", 139, true],
    ]);
  });

  it("names the Direct package or the project reference a package comes through", async () => {
    const f = sharedLockfile("nuget-packages-lock", "bitwarden__server__src__Api__packages.lock.json");
    const records = await nugetPackagesLockExtractor.extract(f.content, f.context);
    // Azure.Messaging.EventGrid (Direct) depends on Azure.Core.
    expect(chainOf(records, "Azure.Core")).toEqual(["Azure.Messaging.EventGrid"]);
    // No Direct package needs Newtonsoft.Json; the project reference `core` does.
    expect(chainOf(records, "Newtonsoft.Json")).toEqual(["core"]);
    expect(chainOf(records, "SQLitePCLRaw.core")).toEqual([
      "infrastructure.entityframework",
      "Microsoft.EntityFrameworkCore.Sqlite",
      "Microsoft.EntityFrameworkCore.Sqlite.Core",
      "Microsoft.Data.Sqlite.Core",
    ]);
  });
});

describe("composer.lock chains", () => {
  const composerJson = JSON.stringify({
    require: { php: ">=8.2", "laravel/framework": "*", "guzzlehttp/guzzle": "*" },
    "require-dev": { "phpunit/phpunit": "*" },
  });

  it("chains packages to what composer.json requires, through each package's require", async () => {
    const f = sharedLockfile("composer-lock", "koel__koel__composer.lock");
    const records = await extracted(composerLockExtractor.extract, f, { "composer.json": composerJson });
    const graph = composerLockGraph(
      expectObject(JSON.parse(f.content), "composer.lock"),
      composerJsonRoots(composerJson)!,
    );
    expect(expectShortestChains(records, graph)).toBeGreaterThan(100);
    expect(records.filter((r) => r.parents).length).toBe(98);
    expect(chainOf(records, "monolog/monolog")).toEqual(["laravel/framework"]);
    // guzzlehttp/guzzle -> guzzlehttp/psr7 -> psr/http-message
    expect(chainOf(records, "psr/http-message")).toEqual(["guzzlehttp/guzzle", "guzzlehttp/psr7"]);
    expect(chainOf(records, "nikic/php-parser")).toEqual(["phpunit/phpunit", "phpunit/php-code-coverage"]);
    expect(chainOf(records, "nette/utils")).toEqual([
      "laravel/framework",
      "league/commonmark",
      "league/config",
      "nette/schema",
    ]);
  });

  it("has no chains without composer.json (nothing says which packages are direct)", async () => {
    const f = sharedLockfile("composer-lock", "koel__koel__composer.lock");
    const records = await composerLockExtractor.extract(f.content, f.context);
    expect(records.filter((r) => r.parents || r.direct !== undefined)).toEqual([]);
  });
});

describe("poetry.lock and pdm.lock chains", () => {
  it("chains poetry's packages through [package.dependencies] from pyproject.toml's", async () => {
    const pyproject = `[project]
name = "poetry"
dependencies = ["poetry-core", "cleo", "dulwich", "keyring", "requests"]

[dependency-groups]
test = ["pytest"]
`;
    const f = sharedLockfile("poetry-lock", "python-poetry__poetry__poetry.lock");
    const records = await extracted(poetryLockExtractor.extract, f, { "pyproject.toml": pyproject });
    const roots = (await readPyprojectRoots(
      memoryContext("pyproject.toml", { "pyproject.toml": pyproject }),
    ))!;
    const packages = parseTomlDocument(f.content, "poetry.lock").package as unknown[];
    expect(
      expectShortestChains(records, pythonLockGraph(packages, poetryDependencyNames, roots)),
    ).toBeGreaterThan(20);
    expect(records.filter((r) => r.parents).length).toBe(27);
    expect(chainOf(records, "rapidfuzz")).toEqual(["cleo"]);
    expect(chainOf(records, "certifi")).toEqual(["requests"]);
    // dulwich comes before requests among the roots, and depends on urllib3 itself.
    expect(chainOf(records, "urllib3")).toEqual(["dulwich"]);
    expect(chainOf(records, "pycparser")).toEqual(["keyring", "secretstorage", "cryptography", "cffi"]);
    // A dev group's dependencies chain from it too.
    expect(chainOf(records, "pluggy")).toEqual(["pytest"]);
  });

  it("chains pdm's packages through their `dependencies` requirements, extras entries included", async () => {
    const pyproject = `[project]
name = "pdm"
dependencies = ["httpx[socks]", "rich", "unearth", "virtualenv"]
`;
    const f = sharedLockfile("pdm-lock", "pdm-project__pdm__pdm.lock");
    const records = await extracted(pdmLockExtractor.extract, f, { "pyproject.toml": pyproject });
    const roots = (await readPyprojectRoots(
      memoryContext("pyproject.toml", { "pyproject.toml": pyproject }),
    ))!;
    const packages = parseTomlDocument(f.content, "pdm.lock").package as unknown[];
    expect(
      expectShortestChains(records, pythonLockGraph(packages, pdmDependencyNames, roots)),
    ).toBeGreaterThan(10);
    expect(records.filter((r) => r.parents).length).toBe(18);
    expect(chainOf(records, "h11")).toEqual(["httpx", "httpcore"]);
    expect(chainOf(records, "mdurl")).toEqual(["rich", "markdown-it-py"]);
    // socksio is what the `httpx[socks]` entry adds.
    expect(chainOf(records, "socksio")).toEqual(["httpx"]);
    expect(chainOf(records, "packaging")).toEqual(["unearth"]);
  });

  it("has no chains without pyproject.toml", async () => {
    for (const f of [...sharedLockfiles("poetry-lock"), ...sharedLockfiles("pdm-lock")]) {
      const extractor = f.name.endsWith("poetry.lock") ? poetryLockExtractor : pdmLockExtractor;
      const records = await extractor.extract(f.content, f.context);
      expect(records.some((r) => r.parents)).toBe(false);
    }
  });
});

describe("mix.lock chains", () => {
  const mixExs = `defmodule Phoenix.MixProject do
  use Mix.Project

  def project, do: [app: :phoenix, version: "1.8.0", deps: deps()]

  defp deps do
    [
      {:plug, "~> 1.14"},
      {:websock_adapter, "~> 0.5.3"},
      {:bandit, "~> 1.0", optional: true},
      {:ex_doc, "~> 0.29", only: :docs}
    ]
  end

  defp aliases, do: [{:docs, ["docs"]}]
end
`;

  it("reads direct deps from mix.exs and chains the rest through each entry's deps list", async () => {
    const f = sharedLockfile("mix-lock", "phoenixframework__phoenix__mix.lock");
    const records = await extracted(mixLockExtractor.extract, f, { "mix.exs": mixExs });
    expect(records.filter((r) => r.direct).map((r) => r.name)).toEqual([
      "bandit",
      "ex_doc",
      "plug",
      "websock_adapter",
    ]);
    expect(expectShortestChains(records, mixLockGraph(f.content, mixExs))).toBeGreaterThan(5);
    expect(records.filter((r) => r.parents).length).toBe(11);
    expect(chainOf(records, "thousand_island")).toEqual(["bandit"]);
    expect(chainOf(records, "mime")).toEqual(["plug"]);
    expect(chainOf(records, "websock")).toEqual(["websock_adapter"]);
    expect(chainOf(records, "nimble_parsec")).toEqual(["ex_doc", "makeup_elixir"]);
  });

  it("leaves optional dependencies out of the chains and names the Hex package, not the app", async () => {
    const lock = `%{
  "my_app_http": {:hex, :real_http, "1.0.0", "abc", [:mix], [{:tls, "~> 1.0", [hex: :tls, repo: "hexpm", optional: true]}, {:json, "~> 1.0", [hex: :json, repo: "hexpm", optional: false]}], "hexpm", "def"},
  "json": {:hex, :json, "1.4.1", "abc", [:mix], [], "hexpm", "def"},
  "tls": {:hex, :tls, "2.0.0", "abc", [:mix], [], "hexpm", "def"},
}
`;
    const exs = `defmodule App.MixProject do\n  defp deps, do: [{:my_app_http, "~> 1.0"}]\nend\n`;
    const records = await mixLockExtractor.extract(lock, memoryContext("mix.lock", { "mix.exs": exs }));
    expect(records.map((r) => [r.name, r.direct, r.parents])).toEqual([
      ["real_http", true, undefined],
      ["json", false, ["real_http"]],
      ["tls", false, undefined],
    ]);
  });
});

describe("conan.lock chains", () => {
  it("chains Conan 1 graph_lock nodes through their requires", async () => {
    const v1 = JSON.stringify({
      graph_lock: {
        nodes: {
          "0": { ref: "conanfile.txt", requires: ["1", "4"] },
          "1": { ref: "libcurl/8.0.1#abc", requires: ["2"] },
          "2": { ref: "openssl/3.1.0#def", requires: ["3"] },
          "3": { ref: "zlib/1.2.13" },
          "4": { ref: "boost/1.82.0", requires: ["3"] },
        },
      },
      version: "0.4",
    });
    const records = await conanLockExtractor.extract(v1, memoryContext("conan.lock"));
    expect(records.map((r) => [r.name, r.direct, r.parents])).toEqual([
      ["libcurl", true, undefined],
      ["openssl", false, ["libcurl"]],
      ["zlib", false, ["boost"]], // boost -> zlib is shorter than libcurl -> openssl -> zlib
      ["boost", true, undefined],
    ]);
  });

  it("has no chains in Conan 2 locks, which list references without a graph", async () => {
    for (const f of sharedLockfiles("conan-lock")) {
      const records = await conanLockExtractor.extract(f.content, f.context);
      expect(records.some((r) => r.parents)).toBe(false);
    }
  });
});

describe("CycloneDX JSON chains", () => {
  it("chains components through `dependencies` from what the subject depends on", async () => {
    const results = [];
    for (const f of sharedLockfiles("cyclonedx-json")) {
      const records = await cycloneDxJsonExtractor.extract(f.content, f.context);
      const direct = new Set(records.filter((r) => r.direct).map((r) => r.name));
      for (const r of records.filter((r) => r.parents)) expect(direct.has(r.parents![0]!), r.name).toBe(true);
      results.push([
        f.name,
        records.filter((r) => r.parents).length,
        records.filter((r) => r.direct === false && !r.parents).length,
      ]);
    }
    // Only three of the SBOMs say what their subject depends on; the rest have no direct flags.
    expect(results.filter(([, chained]) => chained !== 0)).toEqual([
      ["CycloneDX__bom-examples__SBOM__laravel-7.12.0__bom.1.4.json", 61, 0],
      ["chainguard-dev__bom-shelter__in-the-wild__cyclonedx__harp-darwin-amd64.sbom.json", 87, 0],
      ["chainguard-dev__bom-shelter__in-the-wild__cyclonedx__redis-commander-sbom-cdx.json", 451, 0],
    ]);
  });

  it("names the direct component a transitive one comes through", async () => {
    const harp = sharedLockfile(
      "cyclonedx-json",
      "chainguard-dev__bom-shelter__in-the-wild__cyclonedx__harp-darwin-amd64.sbom.json",
    );
    const records = await cycloneDxJsonExtractor.extract(harp.content, harp.context);
    // consul/api (direct) -> serf -> go-radix
    expect(chainOf(records, "github.com/armon/go-radix")).toEqual([
      "github.com/hashicorp/consul/api",
      "github.com/hashicorp/serf",
    ]);
    const redis = sharedLockfile(
      "cyclonedx-json",
      "chainguard-dev__bom-shelter__in-the-wild__cyclonedx__redis-commander-sbom-cdx.json",
    );
    const npm = await cycloneDxJsonExtractor.extract(redis.content, redis.context);
    expect(npm.find((r) => r.name === "argparse" && r.version === "1.0.10")?.parents).toEqual([
      "@cyclonedx/bom",
      "@cyclonedx/cyclonedx-npm",
      "xmlbuilder2",
      "js-yaml",
    ]);
  });
});

describe("CycloneDX XML chains", () => {
  it("reads <dependencies> for direct flags and chains, as in JSON", async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bom xmlns="http://cyclonedx.org/schema/bom/1.5" version="1">
  <metadata>
    <component type="application" bom-ref="app"><name>app</name></component>
  </metadata>
  <components>
    <component type="library" bom-ref="pkg:npm/express@4.18.2">
      <name>express</name><version>4.18.2</version><purl>pkg:npm/express@4.18.2</purl>
    </component>
    <component type="library" bom-ref="pkg:npm/body-parser@1.20.1">
      <name>body-parser</name><version>1.20.1</version><purl>pkg:npm/body-parser@1.20.1</purl>
    </component>
    <component type="library" bom-ref="pkg:npm/qs@6.11.0">
      <name>qs</name><version>6.11.0</version><purl>pkg:npm/qs@6.11.0</purl>
    </component>
  </components>
  <dependencies>
    <dependency ref="app"><dependency ref="pkg:npm/express@4.18.2"/></dependency>
    <dependency ref="pkg:npm/express@4.18.2">
      <dependency ref="pkg:npm/body-parser@1.20.1"/>
      <dependency ref="pkg:npm/qs@6.11.0"/>
    </dependency>
    <dependency ref="pkg:npm/body-parser@1.20.1"><dependency ref="pkg:npm/qs@6.11.0"/></dependency>
  </dependencies>
</bom>
`;
    const records = await cycloneDxXmlExtractor.extract(xml, memoryContext("bom.xml"));
    expect(records.map((r) => [r.name, r.direct, r.parents])).toEqual([
      ["express", true, undefined],
      ["body-parser", false, ["express"]],
      ["qs", false, ["express"]], // express -> qs directly, not through body-parser
    ]);
  });
});
