// Node and Python versions the project says it runs on: engines, .nvmrc, .node-version, .python-version,
// requires-python, and setup-node / setup-python versions in workflows.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import semver from "semver";
import { parse as parseToml } from "smol-toml";
import { workflowRuntimes, type WorkflowRuntime } from "./workflow-runtimes.js";

export type Runtime = "nodejs" | "python";

export interface DeclaredRuntime {
  runtime: Runtime;
  /** The release cycle endoflife.date names: "18" for Node, "3.9" for Python. */
  cycle: string;
  /** As written, for messages. */
  declared: string;
  file: string;
  line?: number;
  /** True for a range whose lowest cycle this is (engines, requires-python), false for a pin. */
  minimum: boolean;
}

async function read(path: string): Promise<string | undefined> {
  return readFile(path, "utf8").catch(() => undefined);
}

function lineOf(content: string, pattern: RegExp): number | undefined {
  const i = content.split(/\r?\n/).findIndex((l) => pattern.test(l));
  return i === -1 ? undefined : i + 1;
}

/** "18", "v18.17.0", ">=18", "^20.1" -> "18"/"20"; undefined for aliases such as lts/* or node. */
export function nodeCycle(text: string): string | undefined {
  const t = text.trim().replace(/^["']|["']$/g, "");
  if (/^\d+(\.\d+){0,2}$/.test(t.replace(/^v/, ""))) return String(semver.coerce(t)!.major);
  const min = semver.validRange(t) ? semver.minVersion(t) : null;
  return min ? String(min.major) : undefined;
}

/** "3.11.4", "3.9", ">=3.8", "~=3.10", ">=3.8,<4" -> "3.11"/"3.9"/"3.8"/"3.10"/"3.8". */
export function pythonCycle(text: string): string | undefined {
  const t = text.trim().replace(/^["']|["']$/g, "");
  const exact = /^(\d+)\.(\d+)(\.\d+)?$/.exec(t);
  if (exact) return `${exact[1]}.${exact[2]}`;
  // The lowest version a specifier allows is the oldest runtime the project claims to support.
  const lower = /(?:>=|~=|==|>)\s*(\d+)\.(\d+)/.exec(t);
  return lower ? `${lower[1]}.${lower[2]}` : undefined;
}

export async function findDeclaredRuntimes(
  root: string,
): Promise<{ runtimes: DeclaredRuntime[]; errors: string[] }> {
  const runtimes: DeclaredRuntime[] = [];
  const errors: string[] = [];
  const add = (
    runtime: Runtime,
    cycle: string | undefined,
    declared: string,
    file: string,
    line?: number,
  ) => {
    // A range (">=18", ">=3.8,<4") only allows the cycle; a pin (.nvmrc, setup-node) runs on it.
    const minimum = /[<>^~=|*]|\s/.test(declared.trim());
    if (cycle) runtimes.push({ runtime, cycle, declared, file, minimum, ...(line ? { line } : {}) });
  };

  const pkg = await read(join(root, "package.json"));
  if (pkg) {
    try {
      const engines = (JSON.parse(pkg) as { engines?: { node?: unknown } }).engines;
      if (typeof engines?.node === "string") {
        add("nodejs", nodeCycle(engines.node), engines.node, "package.json", lineOf(pkg, /"node"\s*:/));
      }
    } catch (error) {
      errors.push(`package.json: ${(error as Error).message}`);
    }
  }
  for (const file of [".nvmrc", ".node-version"]) {
    const text = (await read(join(root, file)))?.split(/\r?\n/)[0]?.trim();
    if (text) add("nodejs", nodeCycle(text), text, file, 1);
  }
  const pyVersion = (await read(join(root, ".python-version")))?.split(/\r?\n/)[0]?.trim();
  if (pyVersion) add("python", pythonCycle(pyVersion), pyVersion, ".python-version", 1);
  const pyproject = await read(join(root, "pyproject.toml"));
  if (pyproject) {
    try {
      const data = parseToml(pyproject) as { project?: { "requires-python"?: unknown } };
      const requires = data.project?.["requires-python"];
      if (typeof requires === "string") {
        add(
          "python",
          pythonCycle(requires),
          requires,
          "pyproject.toml",
          lineOf(pyproject, /requires-python/),
        );
      }
    } catch (error) {
      errors.push(`pyproject.toml: ${(error as Error).message.split("\n")[0]}`);
    }
  }

  const workflowsDir = join(root, ".github", "workflows");
  const workflows = (await readdir(workflowsDir).catch(() => [] as string[]))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  for (const name of workflows) {
    const text = await read(join(workflowsDir, name));
    if (!text) continue;
    let found: WorkflowRuntime[];
    try {
      found = workflowRuntimes(text);
    } catch (error) {
      errors.push(`.github/workflows/${name}: ${(error as Error).message}`);
      continue;
    }
    for (const { runtime, value, line } of found) {
      const cycle = runtime === "nodejs" ? nodeCycle(value) : pythonCycle(value);
      add(runtime, cycle, value, `.github/workflows/${name}`, line);
    }
  }
  return { runtimes, errors };
}
