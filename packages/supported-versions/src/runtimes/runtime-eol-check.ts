// Declared runtimes checked against their end-of-life dates.
import type { Finding, ScanProblem } from "@bulwark/core";
import { policyFinding } from "../checks/policy-finding.js";
import type { DeclaredRuntime } from "./declared-runtimes.js";
import type { EndOfLifeClient } from "./endoflife-client.js";

const LABEL = { nodejs: "Node.js", python: "Python" } as const;
const SOON_DAYS = 90;

export async function checkRuntimes(
  runtimes: readonly DeclaredRuntime[],
  client: EndOfLifeClient,
  now: Date,
): Promise<{ findings: Finding[]; problems: ScanProblem[] }> {
  const findings: Finding[] = [];
  const problems: ScanProblem[] = [];
  for (const product of [...new Set(runtimes.map((r) => r.runtime))]) {
    let data: Awaited<ReturnType<EndOfLifeClient["releases"]>>;
    try {
      data = await client.releases(product);
    } catch (error) {
      problems.push({
        level: "warning",
        message: `${LABEL[product]} end-of-life was not checked: ${(error as Error).message}. Declared: ${runtimes
          .filter((r) => r.runtime === product)
          .map((r) => `${r.declared} (${r.file})`)
          .join(", ")}.`,
      });
      continue;
    }
    if (data.stale) {
      problems.push({
        level: "notice",
        message: `${LABEL[product]} end-of-life data comes from an old cache: endoflife.date could not be reached.`,
      });
    }
    for (const declared of runtimes.filter((r) => r.runtime === product)) {
      const release = data.releases.find((r) => r.name === declared.cycle);
      const location = { path: declared.file, ...(declared.line ? { startLine: declared.line } : {}) };
      if (!release) {
        problems.push({
          level: "notice",
          path: declared.file,
          ...(declared.line ? { line: declared.line } : {}),
          message: `${LABEL[product]} ${declared.cycle} is not a release cycle endoflife.date knows; its end of life was not checked.`,
        });
        continue;
      }
      const eolDate = typeof release.eolFrom === "string" ? release.eolFrom : undefined;
      const eol = release.isEol === true || (eolDate !== undefined && Date.parse(eolDate) <= now.getTime());
      const key = `${product}:${declared.cycle}`;
      if (eol) {
        findings.push(
          policyFinding({
            rule: "runtime-end-of-life",
            // Running on a dead runtime is worse than still allowing one as the lowest of a range.
            severity: declared.minimum ? "medium" : "high",
            title: `${LABEL[product]} ${declared.cycle} is end of life${eolDate ? ` since ${eolDate}` : ""}`,
            message: declared.minimum
              ? `${declared.file} allows ${LABEL[product]} ${declared.declared}; its oldest cycle, ${declared.cycle}, no longer receives security fixes.`
              : `${declared.file} declares ${LABEL[product]} ${declared.declared}; the ${declared.cycle} release cycle no longer receives security fixes.`,
            remediation: declared.minimum
              ? `Raise the minimum to a supported ${LABEL[product]} cycle (see https://endoflife.date/${product}).`
              : `Move to a supported ${LABEL[product]} release (see https://endoflife.date/${product}).`,
            location,
            key,
          }),
        );
      } else if (eolDate && Date.parse(eolDate) - now.getTime() < SOON_DAYS * 86_400_000) {
        findings.push(
          policyFinding({
            rule: "runtime-end-of-life-soon",
            severity: "low",
            title: `${LABEL[product]} ${declared.cycle} reaches end of life on ${eolDate}`,
            message: `${declared.file} declares ${LABEL[product]} ${declared.declared}; its security support ends within ${SOON_DAYS} days.`,
            remediation: `Plan the move to a newer ${LABEL[product]} release.`,
            location,
            key,
          }),
        );
      }
    }
  }
  return { findings, problems };
}
