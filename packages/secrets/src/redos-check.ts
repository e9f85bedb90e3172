// Static ReDoS check with recheck (automata-theoretic and fuzzing analysis of backtracking), through its
// pure-JavaScript backend on this thread: no JVM, no native binary, no worker. Every shipped pattern is
// checked in tests; at run time only user-supplied patterns are, so recheck (3 MB) is loaded on first
// use, and not at all where it is not installed (the action bundle leaves it out): there the structural
// check and the scan's per-file time bound (scan-pool.ts) still hold.
import { createRequire } from "node:module";
import type * as RecheckModule from "recheck";

type Recheck = typeof RecheckModule;

export type RedosStatus = "safe" | "vulnerable" | "unknown" | "unavailable";

export interface RedosVerdict {
  status: RedosStatus;
  /** Complexity summary ("exponential", "2nd degree polynomial") or why the check gave up. */
  detail?: string;
}

let recheck: Recheck | null | undefined;

function loadRecheck(): Recheck | null {
  if (recheck === undefined) {
    process.env["RECHECK_SYNC_BACKEND"] ??= "pure";
    // A computed name: bundlers leave the require alone instead of pulling recheck in.
    const name = ["re", "check"].join("");
    try {
      recheck = createRequire(import.meta.url)(name) as Recheck;
    } catch {
      recheck = null;
    }
  }
  return recheck;
}

export function checkRedos(
  pattern: RegExp,
  timeoutMs = 2000,
  checker: "auto" | "fuzz" | "automaton" = "auto",
): RedosVerdict {
  const lib = loadRecheck();
  if (!lib) return { status: "unavailable", detail: "recheck is not installed" };
  const flags = pattern.flags.replace(/[gyd]/g, "");
  // Attack validation judged by steps, not wall time: a loaded machine must not turn a slow run into a
  // "vulnerable" verdict. The overall timeout still bounds the check (an "unknown" verdict).
  const result = lib.checkSync(pattern.source, flags, {
    timeout: timeoutMs,
    checker,
    attackTimeout: null,
    incubationTimeout: null,
  });
  if (result.status === "vulnerable") {
    const c = result.complexity;
    const detail = c.type === "polynomial" ? `degree ${c.degree} polynomial` : c.type;
    return { status: "vulnerable", detail };
  }
  if (result.status === "unknown") return { status: "unknown", detail: result.error.kind };
  return { status: "safe" };
}
