// Trivy's JSON report (`trivy image --format json`): Results[] each with Target, Type and
// Vulnerabilities[] (VulnerabilityID, PkgName, InstalledVersion, FixedVersion, Severity, Title,
// PrimaryURL, Layer.Digest/DiffID) as our findings.
import { fingerprint, type Finding } from "@bulwark/core";
import { engineSeverity } from "./engine-severity.js";

interface TrivyVulnerability {
  VulnerabilityID?: string;
  PkgName?: string;
  PkgID?: string;
  InstalledVersion?: string;
  FixedVersion?: string;
  Severity?: string;
  Title?: string;
  Description?: string;
  PrimaryURL?: string;
  Layer?: { Digest?: string; DiffID?: string };
  PkgIdentifier?: { PURL?: string };
}

interface TrivyReport {
  Results?: { Target?: string; Type?: string; Vulnerabilities?: TrivyVulnerability[] | null }[] | null;
}

export function trivyFindings(json: unknown, image: string): Finding[] {
  if (typeof json !== "object" || json === null) throw new Error("Trivy output is not a JSON object");
  const report = json as TrivyReport;
  const findings: Finding[] = [];
  for (const result of report.Results ?? []) {
    for (const v of result.Vulnerabilities ?? []) {
      if (!v.VulnerabilityID || !v.PkgName) continue;
      const fixed = v.FixedVersion?.split(",")[0]?.trim() || undefined;
      const remediation = fixed
        ? `Upgrade ${v.PkgName} to ${fixed} or later.`
        : `No fixed version of ${v.PkgName} is known yet.`;
      const version = v.InstalledVersion ?? "";
      findings.push({
        tool: "container-scan",
        ruleId: v.VulnerabilityID,
        title: `${v.PkgName}@${version} in ${image} (${result.Type ?? "?"}): ${v.Title ?? v.VulnerabilityID}`,
        message: [
          `${v.PkgName}@${version} in image ${image} is affected by ${v.VulnerabilityID} (found by Trivy in ${result.Target ?? "the image"}).`,
          v.Title,
          remediation,
        ]
          .filter(Boolean)
          .join("\n\n"),
        severity: engineSeverity(v.Severity),
        fingerprint: fingerprint("container-scan", image, result.Type, v.PkgName, v.VulnerabilityID),
        ids: [v.VulnerabilityID],
        remediation,
        package: {
          name: v.PkgName,
          version,
          ...(result.Type ? { ecosystem: result.Type } : {}),
          ...(v.PkgIdentifier?.PURL ? { purl: v.PkgIdentifier.PURL } : {}),
        },
        ...(v.PrimaryURL ? { helpUri: v.PrimaryURL } : {}),
        properties: {
          image,
          engines: ["trivy"],
          ...(fixed ? { fixedVersion: fixed } : {}),
          ...(v.Layer?.Digest ? { layerDigest: v.Layer.Digest } : {}),
          ...(v.Layer?.DiffID ? { layerDiffId: v.Layer.DiffID } : {}),
          ...(result.Target ? { target: result.Target } : {}),
        },
      });
    }
  }
  return findings;
}
