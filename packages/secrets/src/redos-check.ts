// Static ReDoS check with recheck (automata-theoretic and fuzzing analysis of backtracking). We use its
// pure-JavaScript backend in this thread: no JVM, no native binary, no worker, so it works offline and
// inside a bundled action. Used on every shipped pattern (in tests) and on user-supplied patterns (at
// config load: a pattern found vulnerable is refused, so it can never stall a scan).
import { checkSync } from "recheck";

export type RedosStatus = "safe" | "vulnerable" | "unknown";

export interface RedosVerdict {
  status: RedosStatus;
  /** Complexity summary ("exponential", "2nd degree polynomial") or why the check gave up. */
  detail?: string;
}

export function checkRedos(
  pattern: RegExp,
  timeoutMs = 2000,
  checker: "auto" | "fuzz" | "automaton" = "auto",
): RedosVerdict {
  process.env["RECHECK_SYNC_BACKEND"] ??= "pure";
  const flags = pattern.flags.replace(/[gyd]/g, "");
  const result = checkSync(pattern.source, flags, { timeout: timeoutMs, checker });
  if (result.status === "vulnerable") {
    const c = result.complexity;
    const detail = c.type === "polynomial" ? `degree ${c.degree} polynomial` : c.type;
    return { status: "vulnerable", detail };
  }
  if (result.status === "unknown") return { status: "unknown", detail: result.error.kind };
  return { status: "safe" };
}
