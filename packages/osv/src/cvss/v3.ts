// CVSS v3.0 and v3.1 base score (FIRST CVSS v3.1 Specification §7.1 and Appendix A; v3.0 §8.1).
// Temporal and environmental metrics, if present, are checked for well-formedness and otherwise ignored.
import { splitMetrics, weightsOf } from "./metrics.js";

const BASE = {
  AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
  AC: { L: 0.77, H: 0.44 },
  UI: { N: 0.85, R: 0.62 },
  C: { H: 0.56, L: 0.22, N: 0 },
  I: { H: 0.56, L: 0.22, N: 0 },
  A: { H: 0.56, L: 0.22, N: 0 },
};
const PR_UNCHANGED: Record<string, number> = { N: 0.85, L: 0.62, H: 0.27 };
const PR_CHANGED: Record<string, number> = { N: 0.85, L: 0.68, H: 0.5 };

const OPTIONAL: Record<string, readonly string[]> = {
  E: ["X", "U", "P", "F", "H"],
  RL: ["X", "O", "T", "W", "U"],
  RC: ["X", "U", "R", "C"],
  CR: ["X", "L", "M", "H"],
  IR: ["X", "L", "M", "H"],
  AR: ["X", "L", "M", "H"],
  MAV: ["X", "N", "A", "L", "P"],
  MAC: ["X", "L", "H"],
  MPR: ["X", "N", "L", "H"],
  MUI: ["X", "N", "R"],
  MS: ["X", "U", "C"],
  MC: ["X", "N", "L", "H"],
  MI: ["X", "N", "L", "H"],
  MA: ["X", "N", "L", "H"],
};

/** v3.1 Appendix A: rounds up to one decimal, working in integers to avoid float artefacts. */
function roundUp31(x: number): number {
  const i = Math.round(x * 100000);
  return i % 10000 === 0 ? i / 100000 : (Math.floor(i / 10000) + 1) / 10;
}

/** v3.0 §8.1: "the smallest number, specified to one decimal place, that is equal to or higher than its input". */
function roundUp30(x: number): number {
  return Math.ceil(x * 10) / 10;
}

export function scoreV3(vector: string): { version: "3.0" | "3.1"; score: number } | undefined {
  const v = vector.trim();
  let version: "3.0" | "3.1";
  if (v.startsWith("CVSS:3.1/")) version = "3.1";
  else if (v.startsWith("CVSS:3.0/")) version = "3.0";
  else return undefined;
  const metrics = splitMetrics(v.slice("CVSS:3.x/".length));
  if (!metrics) return undefined;
  for (const [key, value] of metrics) {
    if (key in BASE || key === "PR" || key === "S") continue;
    if (!OPTIONAL[key]?.includes(value)) return undefined;
  }
  const w = weightsOf(metrics, BASE);
  const scope = metrics.get("S");
  if (!w || (scope !== "U" && scope !== "C")) return undefined;
  const changed = scope === "C";
  const pr = (changed ? PR_CHANGED : PR_UNCHANGED)[metrics.get("PR") ?? ""];
  if (pr === undefined) return undefined;
  const iss = 1 - (1 - w.C) * (1 - w.I) * (1 - w.A);
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
  const exploitability = 8.22 * w.AV * w.AC * pr * w.UI;
  const roundUp = version === "3.1" ? roundUp31 : roundUp30;
  if (impact <= 0) return { version, score: 0 };
  const raw = changed ? 1.08 * (impact + exploitability) : impact + exploitability;
  return { version, score: roundUp(Math.min(raw, 10)) };
}
