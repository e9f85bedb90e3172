import { describe, expect, it } from "vitest";
import { dotnetDepsJsonExtractor } from "./dotnet-deps-json.js";
import { msbuildProjectExtractor } from "./msbuild-project.js";
import { nugetPackagesConfigExtractor } from "./nuget-packages-config.js";
import { nugetPackagesLockExtractor } from "./nuget-packages-lock.js";
import { memoryContext, sharedLockfile, sharedLockfiles } from "./shared-lockfiles.js";

describe("packages.lock.json", () => {
  it("reads the real lockfiles, skipping project references and deduplicating across frameworks", async () => {
    const results = await Promise.all(
      sharedLockfiles("nuget-packages-lock").map(async (f) => {
        const records = await nugetPackagesLockExtractor.extract(f.content, f.context);
        return [f.name, records.length, records.filter((r) => r.direct).length];
      }),
    );
    expect(results).toEqual([
      ["CollapseLauncher__Collapse__CollapseLauncher__packages.lock.json", 63, 32],
      ["bitwarden__server__src__Api__packages.lock.json", 153, 14],
    ]);
  });

  it("points at each package's key", async () => {
    const f = sharedLockfile("nuget-packages-lock", "bitwarden__server__src__Api__packages.lock.json");
    const records = await nugetPackagesLockExtractor.extract(f.content, f.context);
    expect(records[0]).toEqual({
      name: "AspNetCore.HealthChecks.SqlServer",
      version: "8.0.2",
      ecosystem: "NuGet",
      purl: "pkg:nuget/AspNetCore.HealthChecks.SqlServer@8.0.2",
      direct: true,
      file: "nuget-packages-lock/bitwarden__server__src__Api__packages.lock.json",
      line: 5,
    });
    const lines = f.content.split("\n");
    for (const r of records) expect(lines[(r.line ?? 0) - 1]).toContain(`"${r.name}": {`);
  });
});

describe("packages.config", () => {
  it("reads packages with development dependencies as dev", async () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<packages>
  <package id="Newtonsoft.Json" version="12.0.1" targetFramework="net472" />
  <package id="StyleCop.Analyzers" version="1.1.118" targetFramework="net472" developmentDependency="true" />
</packages>
`;
    expect(await nugetPackagesConfigExtractor.extract(xml, memoryContext("packages.config"))).toEqual([
      {
        name: "Newtonsoft.Json",
        version: "12.0.1",
        ecosystem: "NuGet",
        purl: "pkg:nuget/Newtonsoft.Json@12.0.1",
        direct: true,
        scopes: ["prod"],
        file: "packages.config",
        line: 3,
      },
      expect.objectContaining({ name: "StyleCop.Analyzers", scopes: ["dev"], line: 4 }),
    ]);
  });
});

describe("csproj / fsproj / vbproj", () => {
  const csproj = `<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net8.0</TargetFramework>
    <SerilogVersion>3.1.1</SerilogVersion>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Serilog" Version="$(SerilogVersion)" />
    <PackageReference Include="Newtonsoft.Json">
      <Version>13.0.3</Version>
    </PackageReference>
    <PackageReference Include="Microsoft.Extensions.Http" />
    <PackageReference Include="Polly" VersionOverride="8.2.0" />
    <PackageReference Include="StyleCop.Analyzers" Version="1.2.0-beta.556" PrivateAssets="all" />
    <PackageReference Include="Floating" Version="1.*" />
    <PackageReference Update="Something.Else" Version="2.0.0" />
  </ItemGroup>
</Project>
`;
  const central = `<Project>
  <PropertyGroup>
    <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <PackageVersion Include="Microsoft.Extensions.Http" Version="8.0.0" />
    <PackageVersion Include="Polly" Version="8.0.0" />
  </ItemGroup>
</Project>
`;

  it("reads PackageReference versions from attributes, elements, properties and Directory.Packages.props", async () => {
    const records = await msbuildProjectExtractor.extract(
      csproj,
      memoryContext("src/App/App.csproj", { "../../Directory.Packages.props": central }),
    );
    expect(records.map((r) => [r.name, r.version ?? r.requirement, r.scopes, r.line])).toEqual([
      ["Serilog", "3.1.1", ["prod"], 7],
      ["Newtonsoft.Json", "13.0.3", ["prod"], 8],
      ["Microsoft.Extensions.Http", "8.0.0", ["prod"], 11],
      ["Polly", "8.2.0", ["prod"], 12],
      ["StyleCop.Analyzers", "1.2.0-beta.556", ["dev"], 13],
      ["Floating", "1.*", ["prod"], 14],
    ]);
    expect(records[0]).toMatchObject({ ecosystem: "NuGet", direct: true, purl: "pkg:nuget/Serilog@3.1.1" });
  });

  it("leaves centrally managed versions unresolved when no Directory.Packages.props exists", async () => {
    const records = await msbuildProjectExtractor.extract(csproj, memoryContext("App.fsproj"));
    expect(records.find((r) => r.name === "Microsoft.Extensions.Http")).toMatchObject({
      requirement: "no version (Directory.Packages.props not found)",
    });
    expect(msbuildProjectExtractor.matches("a/B.vbproj")).toBe(true);
  });
});

describe("deps.json", () => {
  it("reads package libraries and skips projects", async () => {
    const deps = `{
  "runtimeTarget": { "name": ".NETCoreApp,Version=v8.0", "signature": "" },
  "targets": {
    ".NETCoreApp,Version=v8.0": {
      "App/1.0.0": { "dependencies": { "Newtonsoft.Json": "13.0.3" } },
      "Newtonsoft.Json/13.0.3": { "runtime": { "lib/net6.0/Newtonsoft.Json.dll": {} } }
    }
  },
  "libraries": {
    "App/1.0.0": { "type": "project", "serviceable": false, "sha512": "" },
    "Newtonsoft.Json/13.0.3": {
      "type": "package",
      "serviceable": true,
      "sha512": "sha512-abc",
      "path": "newtonsoft.json/13.0.3"
    }
  }
}
`;
    expect(await dotnetDepsJsonExtractor.extract(deps, memoryContext("bin/App.deps.json"))).toEqual([
      {
        name: "Newtonsoft.Json",
        version: "13.0.3",
        ecosystem: "NuGet",
        purl: "pkg:nuget/Newtonsoft.Json@13.0.3",
        direct: true,
        file: "bin/App.deps.json",
        line: 11,
      },
    ]);
  });

  it("marks the app's dependencies direct and chains the rest, through project references too", async () => {
    const deps = JSON.stringify({
      runtimeTarget: { name: ".NETCoreApp,Version=v8.0" },
      targets: {
        ".NETCoreApp,Version=v8.0": {
          "App/1.0.0": { dependencies: { "Serilog.AspNetCore": "8.0.0", "Core.Lib": "1.0.0" } },
          "Core.Lib/1.0.0": { dependencies: { "Newtonsoft.Json": "13.0.3" } },
          "Serilog.AspNetCore/8.0.0": { dependencies: { Serilog: "3.1.1" } },
          "Serilog/3.1.1": {},
          "Newtonsoft.Json/13.0.3": {},
        },
      },
      libraries: {
        "App/1.0.0": { type: "project" },
        "Core.Lib/1.0.0": { type: "project" },
        "Serilog.AspNetCore/8.0.0": { type: "package" },
        "Serilog/3.1.1": { type: "package" },
        "Newtonsoft.Json/13.0.3": { type: "package" },
      },
    });
    const records = await dotnetDepsJsonExtractor.extract(deps, memoryContext("App.deps.json"));
    expect(records.map((r) => [r.name, r.direct, r.parents])).toEqual([
      ["Serilog.AspNetCore", true, undefined],
      ["Serilog", false, ["Serilog.AspNetCore"]],
      ["Newtonsoft.Json", false, ["Core.Lib"]],
    ]);
  });
});
