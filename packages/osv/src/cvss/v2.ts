// CVSS v2.0 base score (FIRST, "A Complete Guide to the Common Vulnerability Scoring System Version 2.0",
// §3.2.1). Temporal and environmental metrics, if present, are accepted and ignored.
import { splitMetrics, weightsOf } from "./metrics.js";

const BASE = {
  AV: { L: 0.395, A: 0.646, N: 1.0 },
  AC: { H: 0.35, M: 0.61, L: 0.71 },
  Au: { M: 0.45, S: 0.56, N: 0.704 },
  C: { N: 0, P: 0.275, C: 0.66 },
  I: { N: 0, P: 0.275, C: 0.66 },
  A: { N: 0, P: 0.275, C: 0.66 },
};

const OPTIONAL: Record<string, readonly string[]> = {
  E: ["U", "POC", "F", "H", "ND"],
  RL: ["OF", "TF", "W", "U", "ND"],
  RC: ["UC", "UR", "C", "ND"],
  CDP: ["N", "L", "LM", "MH", "H", "ND"],
  TD: ["N", "L", "M", "H", "ND"],
  CR: ["L", "M", "H", "ND"],
  IR: ["L", "M", "H", "ND"],
  AR: ["L", "M", "H", "ND"],
};

export function scoreV2(vector: string): number | undefined {
  let body = vector.trim();
  if (body.startsWith("(") && body.endsWith(")")) body = body.slice(1, -1);
  if (body.startsWith("CVSS:2.0/")) body = body.slice("CVSS:2.0/".length);
  const metrics = splitMetrics(body);
  if (!metrics) return undefined;
  for (const [key, value] of metrics) {
    if (key in BASE) continue;
    if (!OPTIONAL[key]?.includes(value)) return undefined;
  }
  const w = weightsOf(metrics, BASE);
  if (!w) return undefined;
  const impact = 10.41 * (1 - (1 - w.C) * (1 - w.I) * (1 - w.A));
  const exploitability = 20 * w.AV * w.AC * w.Au;
  const f = impact === 0 ? 0 : 1.176;
  const base = (0.6 * impact + 0.4 * exploitability - 1.5) * f;
  return Math.max(0, Math.round(base * 10) / 10);
}
