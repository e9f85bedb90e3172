// The reusable workflow, the template and CI's dogfood job cover every action in actions/ (read from the
// directory, so a new action is held to this as soon as it exists).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { actionMajors, actionNames, BULWARK_REPOSITORY } from "./lint-repository.js";
import { workflowJobs } from "./workflow-jobs.js";
import { child, entries, items, scalarString, loadYaml, type YamlFile } from "./yaml-file.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const actions = actionNames(root);
const majors = new Set(Object.values(actionMajors(root)));
const repositoryMajor = [...majors][0];

function load(file: string): YamlFile {
  const loaded = loadYaml(file, readFileSync(join(root, file), "utf8"));
  if (!loaded.ok) throw new Error(loaded.issues.map((i) => i.message).join("; "));
  return loaded.yaml;
}

describe("security.yml", () => {
  const yaml = load(".github/workflows/security.yml");
  const jobs = workflowJobs(yaml);
  const callInputs = Object.fromEntries(
    entries(child(child(child(yaml.doc.contents, "on"), "workflow_call"), "inputs")).map(([name, spec]) => [
      name,
      { type: scalarString(child(spec, "type")), default: scalarString(child(spec, "default")) },
    ]),
  );

  it("the actions share one major, which the workflow's own uses: lines pin", () => {
    expect(majors.size).toBe(1);
  });

  it.each(actions)(
    "%s: a boolean input switches its job, which runs the action at the repository major",
    (name) => {
      expect(callInputs[name]).toEqual({ type: "boolean", default: "true" });
      const job = jobs.find((j) => j.id === name);
      expect(job, `job ${name}`).toBeDefined();
      expect(scalarString(child(job!.node, "if"))).toBe(`inputs.${name}`);
      expect(job!.steps.map((s) => s.uses?.value)).toContain(
        `${BULWARK_REPOSITORY}/actions/${name}@v${repositoryMajor}`,
      );
    },
  );

  it("the summary job waits for every check, whatever their results", () => {
    const summary = jobs.find((j) => j.id === "summary");
    expect(items(child(summary?.node, "needs")).map(scalarString).sort()).toEqual(
      expect.arrayContaining(actions),
    );
    expect(scalarString(child(summary?.node, "if"))).toBe("always()");
  });
});

describe("workflow template and CI", () => {
  it("the template calls the reusable workflow at the repository major", () => {
    const jobs = workflowJobs(load("workflow-templates/security.yml"));
    expect(jobs.map((j) => j.uses?.value)).toEqual([
      `${BULWARK_REPOSITORY}/.github/workflows/security.yml@v${repositoryMajor}`,
    ]);
  });

  it("CI's dogfood job runs every action from the working tree", () => {
    const dogfood = workflowJobs(load(".github/workflows/ci.yml")).find((j) => j.id === "dogfood");
    const used = dogfood?.steps.map((s) => s.uses?.value) ?? [];
    for (const name of actions) expect(used).toContain(`./actions/${name}`);
  });
});
