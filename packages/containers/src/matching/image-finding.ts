// Findings for one image: one per (vulnerability, source package) with the binary packages it covers,
// naming the image, the layer and history instruction that introduced the package, and whether the
// layer belongs to the base image.
import { fingerprint, type Finding, type Location } from "@bulwark/core";
import { matchToFinding, packageKey, type PackageMatch } from "@bulwark/osv";
import type { ImagePackage, LayerInfo } from "../inventory/image-package.js";
import type { ImageInventory } from "../scan-image.js";
import type { InventoryMatches } from "./match-inventories.js";
import { matchable } from "./match-inventories.js";
import { packageQuery } from "./package-query.js";

export const CONTAINER_TOOL = "container-scan";

export interface ImageFindingContext {
  /** How the image is named in reports (the reference or path as given). */
  image: string;
  inventory: ImageInventory;
  /** Number of leading layers that come from the base image; undefined when the base is unknown. */
  baseLayers?: number;
  /** The base image's reference, when known. */
  baseImage?: string;
  /** Where a finding points, given the layer that introduced its package (e.g. a Dockerfile line). */
  locate?(layer: LayerInfo, fromBase: boolean | undefined): Location | undefined;
  /** Finding.tool; default "container-scan". */
  tool?: string;
}

export interface ImageFindingsResult {
  findings: Finding[];
  /** Packages the database could not decide (e.g. an unparsable version), as "name@version: reason". */
  unresolved: string[];
}

/** Shortened digest for messages: "sha256:0123456789ab". */
export function shortDigest(digest: string): string {
  const [algorithm, hex] = digest.split(":");
  return hex ? `${algorithm}:${hex.slice(0, 12)}` : digest;
}

export function imageFindings(context: ImageFindingContext, matched: InventoryMatches): ImageFindingsResult {
  const tool = context.tool ?? CONTAINER_TOOL;
  const groups = new Map<string, { match: PackageMatch; packages: ImagePackage[] }>();
  const unresolved = new Set<string>();
  for (const p of context.inventory.packages) {
    if (!matchable(p)) continue;
    const key = packageKey(packageQuery(p));
    const u = matched.unresolved.get(key);
    if (u) unresolved.add(`${u.package.name}@${u.package.version ?? "?"}: ${u.reason}`);
    for (const match of matched.matches.get(key) ?? []) {
      const id = `${key}\u0000${match.id}`;
      const group = groups.get(id) ?? { match, packages: [] };
      group.packages.push(p);
      groups.set(id, group);
    }
  }
  const findings = [...groups.values()].map(({ match, packages }) => finding(context, tool, match, packages));
  return { findings, unresolved: [...unresolved].sort() };
}

function finding(
  context: ImageFindingContext,
  tool: string,
  match: PackageMatch,
  packages: ImagePackage[],
): Finding {
  // The earliest layer that brought any of the binaries is the one to change (or the base to update).
  const first = packages.reduce((a, b) => (b.layer.index < a.layer.index ? b : a));
  const layer = first.layer;
  const fromBase = context.baseLayers === undefined ? undefined : layer.index < context.baseLayers;
  const query = match.package;
  const binaries = [...new Set(packages.map((p) => p.name))].sort();
  const isSource = binaries.length !== 1 || binaries[0] !== query.name;
  const base = matchToFinding(match, { tool });
  const what = isSource
    ? `${binaries.join(", ")} (source package ${query.name} ${query.version ?? ""})`.replace(/ \)$/, ")")
    : `${query.name}@${query.version ?? "?"}`;
  const introduced = [
    `Introduced by layer ${layer.index + 1} (${shortDigest(layer.digest)})`,
    layer.createdBy ? ` created by \`${oneLine(layer.createdBy)}\`` : "",
    fromBase === true
      ? `, part of the base image${context.baseImage ? ` ${context.baseImage}` : ""}`
      : fromBase === false
        ? ", added on top of the base image"
        : "",
    ".",
  ].join("");
  const remediation =
    match.fixedVersion !== undefined
      ? fromBase
        ? `Update the base image${context.baseImage ? ` ${context.baseImage}` : ""} to one with ${query.name} ${match.fixedVersion} or later (or upgrade it in the image).`
        : `Upgrade ${query.name} to ${match.fixedVersion} or later in the image.`
      : `No fixed version of ${query.name} is known yet.`;
  const location = context.locate?.(layer, fromBase);
  // Distribution advisories (DSAs) list the CVEs they fix as `related`: other engines report those.
  const related = [...new Set(match.records.flatMap((r) => r.related ?? []))].sort();
  const f: Finding = {
    ...base,
    // Ignores by CVE then reach the DSA that fixes it.
    ...(related.length ? { ids: [...new Set([...(base.ids ?? [base.ruleId]), ...related])] } : {}),
    title: `${what} in ${context.image} (${query.ecosystem}): ${match.summary ?? match.id}`,
    message: [
      `${what} in image ${context.image} is affected by ${match.id}${match.aliases.length > 0 ? ` (${match.aliases.join(", ")})` : ""}.`,
      match.summary,
      introduced,
      remediation,
    ]
      .filter(Boolean)
      .join("\n\n"),
    remediation,
    fingerprint: fingerprint(tool, context.image, query.ecosystem, query.name, match.id),
    package: {
      name: query.name,
      ecosystem: query.ecosystem,
      ...(query.version !== undefined ? { version: query.version } : {}),
      ...(!isSource && first.purl ? { purl: first.purl } : {}),
    },
    properties: {
      ...base.properties,
      image: context.image,
      ...(context.inventory.manifestDigest ? { imageDigest: context.inventory.manifestDigest } : {}),
      layerIndex: layer.index,
      layerDigest: layer.digest,
      ...(layer.createdBy ? { createdBy: layer.createdBy } : {}),
      ...(fromBase !== undefined ? { fromBaseImage: fromBase } : {}),
      ...(context.baseImage ? { baseImage: context.baseImage } : {}),
      binaryPackages: binaries,
      ...(related.length ? { related } : {}),
      packageSource: first.source,
      file: first.file,
    },
  };
  if (fromBase) f.labels = ["base-image"];
  if (location) f.location = location;
  else delete f.location;
  return f;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 200 ? `${flat.slice(0, 197)}...` : flat;
}
