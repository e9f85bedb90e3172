// Node and Python versions in GitHub workflows: `node-version` / `python-version` (setup-node,
// setup-python) and matrix axes named node / python, in flow or block lists, with their lines.
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Node,
  type Pair,
} from "yaml";

export interface WorkflowRuntime {
  runtime: "nodejs" | "python";
  value: string;
  line: number;
}

/** Keys that name a runtime version anywhere (step inputs, env). */
const VERSION_KEY = /^(node|python)[-_]version$/;
/** Keys that name a runtime version as a matrix axis. */
const MATRIX_KEY = /^(node|nodejs|node[-_]version|python|py|python[-_]version)$/;

function runtimeOf(key: string): "nodejs" | "python" {
  return key.startsWith("node") ? "nodejs" : "python";
}

/** Throws "<message>" with the line when the YAML does not parse. */
export function workflowRuntimes(text: string): WorkflowRuntime[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    throw new Error(`line ${error.linePos?.[0]?.line ?? "?"}: ${error.message.split("\n")[0]}`);
  }
  const found: WorkflowRuntime[] = [];
  const take = (runtime: "nodejs" | "python", node: unknown) => {
    const items = isSeq(node) ? node.items : [node];
    for (const item of items) {
      if (!isScalar(item) || item.value === null || item.value === undefined) continue;
      // The source text, not the parsed value: unquoted 3.10 is the number 3.1 to YAML.
      const raw = item.range ? text.slice(item.range[0], item.range[1]) : String(item.value);
      const value = raw.trim().replace(/^(["'])(.*)\1$/, "$2");
      // Expressions are resolved from the matrix, which is read on its own.
      if (!value || value.includes("${{")) continue;
      found.push({ runtime, value, line: lineCounter.linePos(item.range?.[0] ?? 0).line });
    }
  };
  visit(doc, {
    Pair(_key, pair: Pair, path) {
      if (!isScalar(pair.key)) return;
      const key = String(pair.key.value).toLowerCase();
      if (VERSION_KEY.test(key)) {
        take(runtimeOf(key), pair.value);
        return;
      }
      if (MATRIX_KEY.test(key) && insideMatrix(path)) take(runtimeOf(key), pair.value);
    },
  });
  return found;
}

/** True when an ancestor pair is `matrix:` (its axes, or its include/exclude entries). */
function insideMatrix(path: readonly unknown[]): boolean {
  return path.some(
    (node) =>
      isPair(node) && isScalar(node.key) && String(node.key.value) === "matrix" && isMap(node.value as Node),
  );
}
