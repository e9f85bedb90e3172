// A Python project's own declarations, read from pyproject.toml (or Pipfile) beside a lockfile to tell
// direct dependencies, and dev ones, when the lockfile does not.
import { parse } from "smol-toml";
import type { ExtractContext } from "../extractor.js";
import { normalizePythonName } from "../purl.js";
import { isObject, objectOf } from "./json-document.js";
import { parseRequirement } from "./pep508.js";

export interface PythonRoots {
  prod: Set<string>;
  dev: Set<string>;
}

async function readToml(context: ExtractContext, name: string): Promise<Record<string, unknown> | undefined> {
  const text = await context.readSibling(name);
  if (text === undefined) return undefined;
  try {
    return parse(text) as Record<string, unknown>;
  } catch {
    return undefined; // a broken manifest only costs the direct flags
  }
}

function addRequirements(into: Set<string>, list: unknown): void {
  if (!Array.isArray(list)) return;
  for (const item of list) {
    if (typeof item !== "string") continue;
    const req = parseRequirement(item);
    if (req) into.add(req.name);
  }
}

function addKeys(into: Set<string>, table: unknown): void {
  for (const key of Object.keys(objectOf(table)))
    if (key.toLowerCase() !== "python") into.add(normalizePythonName(key));
}

export async function readPyprojectRoots(context: ExtractContext): Promise<PythonRoots | undefined> {
  const doc = await readToml(context, "pyproject.toml");
  if (!doc) return undefined;
  const prod = new Set<string>();
  const dev = new Set<string>();
  const project = objectOf(doc.project);
  addRequirements(prod, project.dependencies);
  for (const list of Object.values(objectOf(project["optional-dependencies"]))) addRequirements(prod, list);
  for (const list of Object.values(objectOf(doc["dependency-groups"]))) addRequirements(dev, list);
  const tool = objectOf(doc.tool);
  const poetry = objectOf(tool.poetry);
  addKeys(prod, poetry.dependencies);
  addKeys(dev, poetry["dev-dependencies"]);
  for (const group of Object.values(objectOf(poetry.group)))
    if (isObject(group)) addKeys(dev, group.dependencies);
  for (const list of Object.values(objectOf(objectOf(tool.pdm)["dev-dependencies"])))
    addRequirements(dev, list);
  addRequirements(dev, objectOf(tool.uv)["dev-dependencies"]);
  return { prod, dev };
}

export async function readPipfileRoots(context: ExtractContext): Promise<PythonRoots | undefined> {
  const doc = await readToml(context, "Pipfile");
  if (!doc) return undefined;
  const prod = new Set<string>();
  const dev = new Set<string>();
  addKeys(prod, doc.packages);
  addKeys(dev, doc["dev-packages"]);
  return { prod, dev };
}
