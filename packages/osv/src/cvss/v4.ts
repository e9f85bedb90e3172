// CVSS v4.0 score (CVSS v4.0 Specification §8.2): the vector's MacroVector (six equivalence classes)
// gives the score of its highest-severity vector; the score is then lowered by the mean, over the
// classes, of the vector's proportional severity distance from that highest vector times the score gap
// to the next lower MacroVector. Threat and environmental metrics take part when present (E defaults to
// A, CR/IR/AR to H, modified base metrics replace base ones), as the specification defines.
import { splitMetrics } from "./metrics.js";
import { MACROVECTOR_SCORES } from "./v4-macrovector-scores.js";
import { DEPTH, HIGHEST } from "./v4-highest-vectors.js";

const CIA = ["H", "L", "N"];
const MANDATORY: Record<string, readonly string[]> = {
  AV: ["N", "A", "L", "P"],
  AC: ["L", "H"],
  AT: ["N", "P"],
  PR: ["N", "L", "H"],
  UI: ["N", "P", "A"],
  VC: CIA,
  VI: CIA,
  VA: CIA,
  SC: CIA,
  SI: CIA,
  SA: CIA,
};
const OPTIONAL: Record<string, readonly string[]> = {
  E: ["X", "A", "P", "U"],
  CR: ["X", "H", "M", "L"],
  IR: ["X", "H", "M", "L"],
  AR: ["X", "H", "M", "L"],
  MAV: ["X", "N", "A", "L", "P"],
  MAC: ["X", "L", "H"],
  MAT: ["X", "N", "P"],
  MPR: ["X", "N", "L", "H"],
  MUI: ["X", "N", "P", "A"],
  MVC: ["X", "H", "L", "N"],
  MVI: ["X", "H", "L", "N"],
  MVA: ["X", "H", "L", "N"],
  MSC: ["X", "H", "L", "N"],
  MSI: ["X", "S", "H", "L", "N"],
  MSA: ["X", "S", "H", "L", "N"],
  S: ["X", "N", "P"],
  AU: ["X", "N", "Y"],
  R: ["X", "A", "U", "I"],
  V: ["X", "D", "C"],
  RE: ["X", "L", "M", "H"],
  U: ["X", "Clear", "Green", "Amber", "Red"],
};

/** Severity level of each value in 0.1 steps (0 = most severe), per the specification's scoring tables. */
const LEVEL: Record<string, Record<string, number>> = {
  AV: { N: 0.0, A: 0.1, L: 0.2, P: 0.3 },
  PR: { N: 0.0, L: 0.1, H: 0.2 },
  UI: { N: 0.0, P: 0.1, A: 0.2 },
  AC: { L: 0.0, H: 0.1 },
  AT: { N: 0.0, P: 0.1 },
  VC: { H: 0.0, L: 0.1, N: 0.2 },
  VI: { H: 0.0, L: 0.1, N: 0.2 },
  VA: { H: 0.0, L: 0.1, N: 0.2 },
  SC: { H: 0.1, L: 0.2, N: 0.3 },
  SI: { S: 0.0, H: 0.1, L: 0.2, N: 0.3 },
  SA: { S: 0.0, H: 0.1, L: 0.2, N: 0.3 },
  CR: { H: 0.0, M: 0.1, L: 0.2 },
  IR: { H: 0.0, M: 0.1, L: 0.2 },
  AR: { H: 0.0, M: 0.1, L: 0.2 },
};
const DISTANCE_METRICS = ["AV", "PR", "UI", "AC", "AT", "VC", "VI", "VA", "SC", "SI", "SA", "CR", "IR", "AR"];

type Effective = (metric: string) => string;

function effectiveValues(metrics: Map<string, string>): Effective {
  return (metric) => {
    const value = metrics.get(metric) ?? "X";
    if (metric === "E") return value === "X" ? "A" : value;
    if (metric === "CR" || metric === "IR" || metric === "AR") return value === "X" ? "H" : value;
    const modified = metrics.get("M" + metric);
    return modified !== undefined && modified !== "X" ? modified : value;
  };
}

function macroVector(m: Effective): [number, number, number, number, number, number] {
  const av = m("AV");
  const pr = m("PR");
  const ui = m("UI");
  const eq1 =
    av === "N" && pr === "N" && ui === "N"
      ? 0
      : (av === "N" || pr === "N" || ui === "N") && av !== "P"
        ? 1
        : 2;
  const eq2 = m("AC") === "L" && m("AT") === "N" ? 0 : 1;
  const vc = m("VC");
  const vi = m("VI");
  const va = m("VA");
  const eq3 = vc === "H" && vi === "H" ? 0 : vc === "H" || vi === "H" || va === "H" ? 1 : 2;
  const eq4 =
    m("MSI") === "S" || m("MSA") === "S" ? 0 : m("SC") === "H" || m("SI") === "H" || m("SA") === "H" ? 1 : 2;
  const e = m("E");
  const eq5 = e === "A" ? 0 : e === "P" ? 1 : 2;
  const eq6 =
    (m("CR") === "H" && vc === "H") || (m("IR") === "H" && vi === "H") || (m("AR") === "H" && va === "H")
      ? 0
      : 1;
  return [eq1, eq2, eq3, eq4, eq5, eq6];
}

function lookup(eqs: number[]): number {
  return MACROVECTOR_SCORES.get(eqs.join("")) ?? Number.NaN;
}

function parseHighest(vector: string): Map<string, string> {
  return new Map(vector.split("/").map((p) => p.split(":") as [string, string]));
}

/** Severity distances from the first highest-severity vector that is at least as severe on every metric. */
function distances(m: Effective, eqs: number[]): Record<string, number> {
  const [eq1, eq2, eq3, eq4, eq5, eq6] = eqs as [number, number, number, number, number, number];
  const candidates: string[] = [];
  for (const a of HIGHEST.eq1[eq1] ?? [])
    for (const b of HIGHEST.eq2[eq2] ?? [])
      for (const c of HIGHEST.eq3eq6[eq3]?.[eq6] ?? [])
        for (const d of HIGHEST.eq4[eq4] ?? [])
          for (const e of HIGHEST.eq5[eq5] ?? []) candidates.push([a, b, c, d, e].join("/"));
  let result: Record<string, number> = {};
  for (const candidate of candidates) {
    const highest = parseHighest(candidate);
    result = {};
    let allNonNegative = true;
    for (const metric of DISTANCE_METRICS) {
      const table = LEVEL[metric] as Record<string, number>;
      const d = (table[m(metric)] as number) - (table[highest.get(metric) as string] as number);
      result[metric] = d;
      if (d < 0) allNonNegative = false;
    }
    // Without a fitting candidate the specification's procedure keeps the last one tried.
    if (allNonNegative) break;
  }
  return result;
}

export function scoreV4(vector: string): number | undefined {
  const v = vector.trim();
  if (!v.startsWith("CVSS:4.0/")) return undefined;
  const metrics = splitMetrics(v.slice("CVSS:4.0/".length));
  if (!metrics) return undefined;
  for (const [key, value] of metrics) {
    const allowed = MANDATORY[key] ?? OPTIONAL[key];
    if (!allowed?.includes(value)) return undefined;
  }
  for (const key of Object.keys(MANDATORY)) if (!metrics.has(key)) return undefined;

  const m = effectiveValues(metrics);
  if (["VC", "VI", "VA", "SC", "SI", "SA"].every((k) => m(k) === "N")) return 0;

  const eqs = macroVector(m);
  const [eq1, eq2, eq3, eq4, eq5, eq6] = eqs;
  const value = lookup(eqs);
  if (Number.isNaN(value)) return undefined;

  const lower1 = lookup([eq1 + 1, eq2, eq3, eq4, eq5, eq6]);
  const lower2 = lookup([eq1, eq2 + 1, eq3, eq4, eq5, eq6]);
  let lower36: number;
  if (eq3 === 0 && eq6 === 0) {
    // Two ways down (00 -> 01 and 00 -> 10): the higher-scoring one counts.
    const left = lookup([eq1, eq2, eq3, eq4, eq5, eq6 + 1]);
    const right = lookup([eq1, eq2, eq3 + 1, eq4, eq5, eq6]);
    lower36 = left > right ? left : right;
  } else if (eq3 === 1 && eq6 === 0) {
    lower36 = lookup([eq1, eq2, eq3, eq4, eq5, eq6 + 1]);
  } else if (eq6 === 1 && eq3 < 2) {
    lower36 = lookup([eq1, eq2, eq3 + 1, eq4, eq5, eq6]);
  } else {
    lower36 = Number.NaN;
  }
  const lower4 = lookup([eq1, eq2, eq3, eq4 + 1, eq5, eq6]);
  const lower5 = lookup([eq1, eq2, eq3, eq4, eq5 + 1, eq6]);

  const d = distances(m, eqs) as Record<string, number> & Record<(typeof DISTANCE_METRICS)[number], number>;
  const dist1 = (d.AV as number) + (d.PR as number) + (d.UI as number);
  const dist2 = (d.AC as number) + (d.AT as number);
  const dist36 =
    (d.VC as number) +
    (d.VI as number) +
    (d.VA as number) +
    (d.CR as number) +
    (d.IR as number) +
    (d.AR as number);
  const dist4 = (d.SC as number) + (d.SI as number) + (d.SA as number);

  const step = 0.1;
  let total = 0;
  let count = 0;
  const add = (lower: number, distance: number, depth: number | undefined): void => {
    const gap = value - lower;
    if (Number.isNaN(gap)) return;
    count++;
    total += gap * (distance / ((depth ?? Number.NaN) * step));
  };
  add(lower1, dist1, DEPTH.eq1[eq1]);
  add(lower2, dist2, DEPTH.eq2[eq2]);
  add(lower36, dist36, DEPTH.eq3eq6[eq3]?.[eq6]);
  add(lower4, dist4, DEPTH.eq4[eq4]);
  // EQ5 exists as a lower class but its proportional distance is always 0.
  if (!Number.isNaN(value - lower5)) count++;

  let score = value - (count === 0 ? 0 : total / count);
  if (score < 0) score = 0;
  if (score > 10) score = 10;
  return Math.round(score * 10) / 10;
}
