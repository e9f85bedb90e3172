// Grype's JSON report (`grype <image> -o json`): matches[] of { vulnerability: { id, severity, fix:
// { versions, state }, description, dataSource }, relatedVulnerabilities[], artifact: { name, version,
// type, purl, locations[]: { path, layerID } } } as our findings.
import { fingerprint, type Finding } from "@bulwark/core";
import { engineSeverity } from "./engine-severity.js";

interface GrypeMatch {
  vulnerability?: {
    id?: string;
    severity?: string;
    description?: string;
    dataSource?: string;
    fix?: { versions?: string[]; state?: string };
  };
  relatedVulnerabilities?: { id?: string }[];
  artifact?: {
    name?: string;
    version?: string;
    type?: string;
    purl?: string;
    locations?: { path?: string; layerID?: string }[];
  };
}

export function grypeFindings(json: unknown, image: string): Finding[] {
  if (typeof json !== "object" || json === null) throw new Error("Grype output is not a JSON object");
  const matches = (json as { matches?: GrypeMatch[] | null }).matches ?? [];
  const findings: Finding[] = [];
  for (const m of matches) {
    const id = m.vulnerability?.id;
    const name = m.artifact?.name;
    if (!id || !name) continue;
    const version = m.artifact?.version ?? "";
    const fixed = m.vulnerability?.fix?.state === "fixed" ? m.vulnerability.fix.versions?.[0] : undefined;
    const related = (m.relatedVulnerabilities ?? [])
      .map((r) => r.id)
      .filter((r): r is string => !!r && r !== id);
    const remediation = fixed
      ? `Upgrade ${name} to ${fixed} or later.`
      : `No fixed version of ${name} is known yet.`;
    const layer = m.artifact?.locations?.find((l) => l.layerID)?.layerID;
    findings.push({
      tool: "container-scan",
      ruleId: id,
      title: `${name}@${version} in ${image} (${m.artifact?.type ?? "?"}): ${id}`,
      message: [
        `${name}@${version} in image ${image} is affected by ${id}${related.length ? ` (${related.join(", ")})` : ""} (found by Grype).`,
        m.vulnerability?.description,
        remediation,
      ]
        .filter(Boolean)
        .join("\n\n"),
      severity: engineSeverity(m.vulnerability?.severity),
      fingerprint: fingerprint("container-scan", image, m.artifact?.type, name, id),
      ids: [id, ...related],
      aliases: related,
      remediation,
      package: {
        name,
        version,
        ...(m.artifact?.type ? { ecosystem: m.artifact.type } : {}),
        ...(m.artifact?.purl ? { purl: m.artifact.purl } : {}),
      },
      ...(m.vulnerability?.dataSource ? { helpUri: m.vulnerability.dataSource } : {}),
      properties: {
        image,
        engines: ["grype"],
        ...(fixed ? { fixedVersion: fixed } : {}),
        ...(layer ? { layerDiffId: layer } : {}),
      },
    });
  }
  return findings;
}
