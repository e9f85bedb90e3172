// .NET SDK-style projects (*.csproj, *.fsproj, *.vbproj): <PackageReference Include Version> with the
// version as attribute or child element. Under central package management the version comes from
// the nearest Directory.Packages.props up the directory chain (<PackageVersion Include Version>),
// unless the reference sets VersionOverride. $(Properties) resolve from the project and that file.
// PrivateAssets="all" marks build-only packages (analyzers, tooling): reported as dev.
import { ExtractorError, type ExtractContext, type Extractor } from "../extractor.js";
import type { DependencyScope, PackageRecord } from "../package-record.js";
import { arrayOf, isObject, objectOf } from "./json-document.js";
import { purlString } from "./purl-string.js";
import { elementLines, parseXmlDocument, xmlText } from "./xml-document.js";

const MAX_LEVELS = 16;

function attributeOrChild(o: Record<string, unknown>, name: string): string | undefined {
  const value = xmlText(o[`@${name}`]) ?? xmlText(o[name]);
  return value?.trim() || undefined;
}

function collectProperties(project: Record<string, unknown>, into: Map<string, string>): void {
  for (const group of arrayOf(project.PropertyGroup)) {
    for (const [key, value] of Object.entries(objectOf(group))) {
      const text = xmlText(value);
      if (!key.startsWith("@") && text !== undefined && !into.has(key)) into.set(key, text.trim());
    }
  }
}

function expand(value: string, properties: Map<string, string>): string {
  let out = value;
  for (let i = 0; i < 10 && out.includes("$("); i++) {
    const next = out.replace(/\$\(([\w.-]+)\)/g, (whole, key: string) => properties.get(key) ?? whole);
    if (next === out) break;
    out = next;
  }
  return out;
}

/** Central versions from the nearest Directory.Packages.props (and the ones it imports above it). */
async function centralVersions(
  context: ExtractContext,
  properties: Map<string, string>,
): Promise<Map<string, string>> {
  const versions = new Map<string, string>();
  let prefix = "";
  for (let level = 0; level < MAX_LEVELS; level++, prefix += "../") {
    const content = await context.readSibling(`${prefix}Directory.Packages.props`);
    if (content === undefined) continue;
    let doc: Record<string, unknown>;
    try {
      doc = parseXmlDocument(content, "Directory.Packages.props", {
        arrays: ["ItemGroup", "PropertyGroup", "PackageVersion", "Import"],
        attributes: true,
      });
    } catch {
      break; // that file's own fault; the project's own versions still count
    }
    const project = objectOf(doc.Project);
    collectProperties(project, properties);
    for (const group of arrayOf(project.ItemGroup)) {
      for (const item of arrayOf(objectOf(group).PackageVersion)) {
        const o = objectOf(item);
        const name = attributeOrChild(o, "Include");
        const version = attributeOrChild(o, "Version");
        if (name && version && !versions.has(name.toLowerCase())) versions.set(name.toLowerCase(), version);
      }
    }
    const importsParent = arrayOf(project.Import).some((i) =>
      /Directory\.Packages\.props/i.test(xmlText(objectOf(i)["@Project"]) ?? ""),
    );
    if (!importsParent) break;
  }
  return versions;
}

function exactNuGetVersion(version: string): string | undefined {
  if (version.includes("$(") || version.includes("*")) return undefined;
  const hard = /^\[\s*([^,\]\s]+)\s*\]$/.exec(version);
  if (hard) return hard[1];
  return /[[\](),]/.test(version) ? undefined : version; // a bare version is NuGet's minimum, restored exactly when available
}

export const msbuildProjectExtractor: Extractor = {
  name: "csproj",
  matches: (path) => /\.(cs|fs|vb)proj$/i.test(path),
  async extract(content, context) {
    const what = context.relativePath.split("/").pop() ?? "project";
    const doc = parseXmlDocument(content, what, {
      arrays: ["ItemGroup", "PropertyGroup", "PackageReference"],
      attributes: true,
    });
    const project = doc.Project;
    if (!isObject(project)) throw new ExtractorError(`${what}: no <Project> element`, 1);
    const properties = new Map<string, string>();
    collectProperties(project, properties);
    const central = await centralVersions(context, properties);
    const lines = elementLines(content, ["Project/ItemGroup/PackageReference"]).get(
      "Project/ItemGroup/PackageReference",
    );
    const records: PackageRecord[] = [];
    let index = 0;
    for (const group of arrayOf(project.ItemGroup)) {
      for (const ref of arrayOf(objectOf(group).PackageReference)) {
        const line = lines?.[index++];
        const o = objectOf(ref);
        const include = attributeOrChild(o, "Include");
        if (!include) {
          if (attributeOrChild(o, "Update") || attributeOrChild(o, "Remove")) continue; // edits an item defined elsewhere
          throw new ExtractorError(`${what}: PackageReference without Include`, line);
        }
        const name = expand(include, properties);
        const written =
          attributeOrChild(o, "VersionOverride") ??
          attributeOrChild(o, "Version") ??
          central.get(name.toLowerCase());
        const requested = written === undefined ? undefined : expand(written, properties);
        const version = requested === undefined ? undefined : exactNuGetVersion(requested);
        const scopes: DependencyScope[] = [
          attributeOrChild(o, "PrivateAssets")?.toLowerCase() === "all" ? "dev" : "prod",
        ];
        const record: PackageRecord = {
          name,
          ecosystem: "NuGet",
          direct: true,
          scopes,
          file: context.relativePath,
          line,
        };
        if (version) {
          record.version = version;
          record.purl = purlString({ type: "nuget", name, version });
        } else record.requirement = requested ?? "no version (Directory.Packages.props not found)";
        records.push(record);
      }
    }
    return records;
  },
};
