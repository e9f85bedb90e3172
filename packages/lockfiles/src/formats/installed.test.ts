import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { installedNodeModuleExtractor } from "./installed-node-module.js";
import { installedPythonMetadataExtractor } from "./installed-python-metadata.js";
import { memoryContext } from "./shared-lockfiles.js";

// This repository's own installed packages: pnpm's store at <root>/node_modules/.pnpm/<id>/node_modules/<name>.
const store = fileURLToPath(new URL("../../../../node_modules/.pnpm/", import.meta.url));

function installedManifests(limit: number): { path: string; folderName: string }[] {
  const out: { path: string; folderName: string }[] = [];
  for (const id of readdirSync(store)) {
    const modules = `${store}${id}/node_modules/`;
    if (!existsSync(modules)) continue;
    for (const entry of readdirSync(modules)) {
      const names = entry.startsWith("@")
        ? readdirSync(modules + entry).map((n) => `${entry}/${n}`)
        : [entry];
      for (const name of names) {
        const path = `${modules}${name}/package.json`;
        if (existsSync(path)) out.push({ path, folderName: name });
      }
    }
    if (out.length >= limit) break;
  }
  return out;
}

describe("node_modules package.json", () => {
  it("matches only package roots inside node_modules", () => {
    const m = installedNodeModuleExtractor.matches;
    expect(m("node_modules/lodash/package.json")).toBe(true);
    expect(m("app/node_modules/@types/node/package.json")).toBe(true);
    expect(m("node_modules/.pnpm/a@1.0.0/node_modules/a/package.json")).toBe(true);
    expect(m("node_modules/a/node_modules/b/package.json")).toBe(true);
    expect(m("node_modules/a/lib/package.json")).toBe(false);
    expect(m("package.json")).toBe(false);
    expect(m("node_modules/.bin/package.json")).toBe(false);
  });

  it("reads name and version of this repository's installed packages", async () => {
    const manifests = installedManifests(300);
    expect(manifests.length).toBeGreaterThan(100);
    for (const { path, folderName } of manifests) {
      const relative = path.slice(path.indexOf("node_modules/"));
      expect(installedNodeModuleExtractor.matches(relative)).toBe(true);
      const records = await installedNodeModuleExtractor.extract(
        readFileSync(path, "utf8"),
        memoryContext(relative),
      );
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({ name: folderName, ecosystem: "npm", version: expect.any(String) });
      expect(records[0]?.purl).toMatch(/^pkg:npm\//);
    }
  });

  it("gives a scoped purl and the name's line", async () => {
    const json = '{\n  "name": "@scope/pkg",\n  "version": "1.2.3"\n}\n';
    expect(
      await installedNodeModuleExtractor.extract(json, memoryContext("node_modules/@scope/pkg/package.json")),
    ).toEqual([
      {
        name: "@scope/pkg",
        version: "1.2.3",
        ecosystem: "npm",
        purl: "pkg:npm/%40scope/pkg@1.2.3",
        file: "node_modules/@scope/pkg/package.json",
        line: 2,
      },
    ]);
  });
});

describe("Python dist-info METADATA / egg-info PKG-INFO", () => {
  const metadata = `Metadata-Version: 2.1
Name: Flask_SQLAlchemy
Version: 3.1.1
Summary: Add SQLAlchemy support to your Flask application.
Requires-Dist: flask>=2.2.5
Requires-Dist: sqlalchemy>=2.0.16
Description-Content-Type: text/markdown

Name: not-a-header
`;
  it("reads Name (PEP 503 normalised) and Version", async () => {
    const path = "venv/lib/python3.12/site-packages/Flask_SQLAlchemy-3.1.1.dist-info/METADATA";
    expect(installedPythonMetadataExtractor.matches(path)).toBe(true);
    expect(installedPythonMetadataExtractor.matches("x/foo.egg-info/PKG-INFO")).toBe(true);
    expect(installedPythonMetadataExtractor.matches("x/METADATA")).toBe(false);
    expect(await installedPythonMetadataExtractor.extract(metadata, memoryContext(path))).toEqual([
      {
        name: "flask-sqlalchemy",
        version: "3.1.1",
        ecosystem: "PyPI",
        purl: "pkg:pypi/flask-sqlalchemy@3.1.1",
        file: path,
        line: 2,
      },
    ]);
  });

  it("requires Name and Version", () => {
    expect(() =>
      installedPythonMetadataExtractor.extract(
        "Metadata-Version: 2.1\nName: x\n",
        memoryContext("a.dist-info/METADATA"),
      ),
    ).toThrow(expect.objectContaining({ line: 2 }));
  });

  const sitePackages = "/usr/lib/python3/dist-packages/";
  it.skipIf(!existsSync(sitePackages))(
    "reads the metadata of the machine's installed distributions",
    async () => {
      let read = 0;
      for (const dir of readdirSync(sitePackages)) {
        const file = dir.endsWith(".dist-info")
          ? "METADATA"
          : dir.endsWith(".egg-info")
            ? "PKG-INFO"
            : undefined;
        const path = `${sitePackages}${dir}/${file}`;
        if (!file || !existsSync(path)) continue;
        expect(installedPythonMetadataExtractor.matches(path)).toBe(true);
        const [record] = await installedPythonMetadataExtractor.extract(
          readFileSync(path, "utf8"),
          memoryContext(path),
        );
        expect(dir.toLowerCase().replace(/[-_.]+/g, "-")).toContain(record?.name ?? "?");
        read++;
      }
      expect(read).toBeGreaterThan(0);
    },
  );
});
