// The job summary: one row per image (counts by severity, base image, fixable findings), then the
// findings themselves, most severe first, with the layer that brought each package.
import { escapeMarkdownCell, SEVERITIES, type Finding } from "@bulwark/core";
import { shortDigest } from "@bulwark/containers";
import type { ScannedImage } from "./scan-containers.js";

export interface ImageRow {
  image: string;
  digest?: string;
  os?: string;
  baseImage?: string;
  packages: number;
  critical: number;
  high: number;
  medium: number;
  low: number;
  fixable: number;
  /** Set when the image could not be scanned. */
  error?: string;
}

export function imageRow(image: ScannedImage): ImageRow {
  const count = (s: string) => image.findings.filter((f) => f.severity === s).length;
  const inventory = image.inventory;
  return {
    image: image.request.spec,
    ...(inventory?.manifestDigest ? { digest: inventory.manifestDigest } : {}),
    ...(inventory?.os?.prettyName ? { os: inventory.os.prettyName } : {}),
    ...(image.baseImage ? { baseImage: image.baseImage } : {}),
    packages: inventory?.packages.length ?? 0,
    critical: count("critical"),
    high: count("high"),
    medium: count("medium"),
    // Informational findings are counted with the low ones: the table has no column for them.
    low: count("low") + count("info"),
    fixable: image.findings.filter((f) => typeof f.properties?.fixedVersion === "string").length,
    ...(image.error ? { error: image.error } : {}),
  };
}

const MAX_FINDING_ROWS = 200;

export function imagesSummary(rows: readonly ImageRow[], findings: readonly Finding[]): string {
  const cell = (s: string | undefined) => (s ? escapeMarkdownCell(s) : "");
  const lines = [
    "### Images",
    "",
    "| Image | OS | Base image | Packages | Critical | High | Medium | Low | Fixable |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const r of rows) {
    if (r.error) {
      lines.push(`| ${cell(r.image)} | not scanned: ${cell(r.error)} | | | | | | | |`);
      continue;
    }
    lines.push(
      `| ${cell(r.image)} | ${cell(r.os)} | ${cell(r.baseImage)} | ${r.packages} | ${r.critical} | ${r.high} | ${r.medium} | ${r.low} | ${r.fixable} |`,
    );
  }
  if (findings.length > 0) {
    const rank = (f: Finding) => SEVERITIES.indexOf(f.severity);
    const sorted = [...findings].sort(
      (a, b) =>
        rank(a) - rank(b) ||
        String(a.properties?.image).localeCompare(String(b.properties?.image)) ||
        (a.package?.name ?? "").localeCompare(b.package?.name ?? "") ||
        a.ruleId.localeCompare(b.ruleId),
    );
    // Which engine found what, when more than the built-in one ran.
    const byEngine = findings.some((f) => Array.isArray(f.properties?.engines));
    lines.push(
      "",
      `| Severity | Image | Package | Version | Vulnerability | Fix | Layer |${byEngine ? " Found by |" : ""}`,
      `| --- | --- | --- | --- | --- | --- | --- |${byEngine ? " --- |" : ""}`,
    );
    for (const f of sorted.slice(0, MAX_FINDING_ROWS)) {
      const p = f.properties ?? {};
      const binaries = Array.isArray(p.binaryPackages) ? (p.binaryPackages as string[]) : [];
      const name =
        binaries.length && binaries.join(", ") !== f.package?.name
          ? `${f.package?.name} (${binaries.join(", ")})`
          : f.package?.name;
      const layer =
        typeof p.layerIndex === "number"
          ? `${p.layerIndex + 1}${typeof p.layerDigest === "string" ? ` ${shortDigest(p.layerDigest)}` : ""}${p.fromBaseImage === true ? ", base image" : ""}`
          : "";
      lines.push(
        `| ${f.severity} | ${cell(String(p.image ?? ""))} | ${cell(name)} | ${cell(f.package?.version)} | ${cell(f.ruleId)} | ${typeof p.fixedVersion === "string" ? cell(p.fixedVersion) : "No fix available"} | ${cell(layer)} |${byEngine ? ` ${cell(Array.isArray(p.engines) ? (p.engines as string[]).join(", ") : "builtin")} |` : ""}`,
      );
    }
    if (sorted.length > MAX_FINDING_ROWS) {
      lines.push("", `${sorted.length - MAX_FINDING_ROWS} more findings are in the JSON and SARIF reports.`);
    }
  }
  return `${lines.join("\n")}\n`;
}
