// The parts of a workflow the rules look at: its jobs, each job's steps, and a composite action's steps.
import type { Node } from "yaml";
import { child, entries, items, scalarString, type YamlFile } from "./yaml-file.js";

export interface WorkflowStep {
  node: unknown;
  uses?: { value: string; node: Node };
  run?: { value: string; node: Node };
  with: Array<[string, Node | undefined]>;
}

export interface WorkflowJob {
  id: string;
  node: Node | undefined;
  keyNode: unknown;
  /** A job that calls a reusable workflow (`jobs.<id>.uses`). */
  uses?: { value: string; node: Node };
  steps: WorkflowStep[];
}

function stringAt(map: unknown, key: string): { value: string; node: Node } | undefined {
  const node = child(map, key);
  const value = scalarString(node);
  return node && value !== undefined ? { value, node } : undefined;
}

function readStep(node: unknown): WorkflowStep {
  const uses = stringAt(node, "uses");
  const run = stringAt(node, "run");
  return {
    node,
    ...(uses ? { uses } : {}),
    ...(run ? { run } : {}),
    with: entries(child(node, "with")).map(([key, value]) => [key, value]),
  };
}

export function workflowJobs(yaml: YamlFile): WorkflowJob[] {
  return entries(child(yaml.doc.contents, "jobs")).map(([id, node, keyNode]) => {
    const uses = stringAt(node, "uses");
    return {
      id,
      node,
      keyNode,
      ...(uses ? { uses } : {}),
      steps: items(child(node, "steps")).map(readStep),
    };
  });
}

/** The steps of a composite action.yml (`runs.steps`); none for node and docker actions. */
export function compositeSteps(yaml: YamlFile): WorkflowStep[] {
  return items(child(child(yaml.doc.contents, "runs"), "steps")).map(readStep);
}
