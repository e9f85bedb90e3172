// The reusable workflow, the template and CI's dogfood job cover every action in actions/ (read from the
// directory, so a new action is held to this as soon as it exists).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readActionIo } from "./action-readme.js";
import { actionMajors, actionNames, BULWARK_REPOSITORY } from "./lint-repository.js";
import { grantedScopes } from "./token-permissions.js";
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

  // Least privilege, derived from what each action can do (its action.yml): read the code; comment only
  // if it has a comment input; upload SARIF only if it has upload-sarif; read ghcr.io packages only if it
  // pulls images with the token (a registry input). The workflow itself grants nothing.
  it.each(actions)("%s: its job asks for exactly the scopes its action uses", (name) => {
    const inputs = Object.keys(
      readActionIo(readFileSync(join(root, "actions", name, "action.yml"), "utf8")).inputs,
    );
    const expected: Record<string, string> = { contents: "read" };
    if (inputs.includes("registry")) expected.packages = "read";
    if (inputs.includes("comment")) expected["pull-requests"] = "write";
    if (inputs.includes("upload-sarif")) expected["security-events"] = "write";
    const job = jobs.find((j) => j.id === name);
    expect(Object.fromEntries(grantedScopes(child(job?.node, "permissions")) ?? [])).toEqual(expected);
  });

  it("grants nothing at the workflow level, and nothing to the summary job", () => {
    expect(grantedScopes(child(yaml.doc.contents, "permissions"))?.size).toBe(0);
    const summary = jobs.find((j) => j.id === "summary");
    expect(grantedScopes(child(summary?.node, "permissions"))?.size).toBe(0);
  });

  it.each(actions)("%s: its job passes the caller's common inputs on to the action", (name) => {
    const job = jobs.find((j) => j.id === name)!;
    const step = job.steps.find((s) => s.uses?.value.includes(`/actions/${name}@`))!;
    const passed = Object.fromEntries(step.with.map(([key, node]) => [key, scalarString(node)]));
    for (const input of ["path", "config", "fail-on", "comment"])
      expect(passed[input], input).toBe(`\${{ inputs.${input} }}`);
    const inputs = readActionIo(readFileSync(join(root, "actions", name, "action.yml"), "utf8")).inputs;
    if ("upload-sarif" in inputs) expect(passed["upload-sarif"]).toBe("${{ inputs.upload-sarif }}");
  });

  // Every check that reads the OSV database keeps its offline exports with actions/cache.
  const databaseActions = actions.filter(
    (name) =>
      "database-cache" in
      readActionIo(readFileSync(join(root, "actions", name, "action.yml"), "utf8")).inputs,
  );
  it("has checks that read the OSV database", () => {
    expect(databaseActions).toEqual(expect.arrayContaining(["container-scan", "osv-scan"]));
  });
  it.each(databaseActions)(
    "%s: caches the OSV database with actions/cache, where the action is told",
    (name) => {
      const job = jobs.find((j) => j.id === name)!;
      const cache = job.steps.find((s) => s.uses?.value.startsWith("actions/cache@"));
      const cachePath = scalarString(cache?.with.find(([key]) => key === "path")?.[1]);
      const scan = job.steps.find((s) => s.uses?.value.includes(`/actions/${name}@`));
      const given = Object.fromEntries(scan?.with.map(([key, node]) => [key, scalarString(node)]) ?? []);
      expect(cachePath).toMatch(/^\$\{\{ runner\.temp \}\}\//); // outside the checkout the checks scan
      expect(given["database-cache"]).toBe(cachePath);
      expect(given.database).toBe("${{ inputs.osv-database }}");
      // The cache step comes first, so the scan finds the day's (or yesterday's) exports.
      expect(job.steps.indexOf(cache!)).toBeLessThan(job.steps.indexOf(scan!));
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

  it("the template runs on pull requests, pushes to the default branch, the merge queue and weekly", () => {
    const on = child(load("workflow-templates/security.yml").doc.contents, "on");
    expect(entries(on).map(([event]) => event)).toEqual(["pull_request", "push", "merge_group", "schedule"]);
    expect(items(child(child(on, "push"), "branches")).map(scalarString)).toEqual(["$default-branch"]);
    const cron = scalarString(child(items(child(on, "schedule"))[0], "cron"));
    expect(cron?.split(" ")).toHaveLength(5);
    expect(cron?.split(" ")[4]).toMatch(/^\d$/); // one day of the week
  });

  it("the template grants what every job of the reusable workflow asks for, and no more", () => {
    const granted = grantedScopes(child(load("workflow-templates/security.yml").doc.contents, "permissions"));
    const wanted = new Map<string, string>();
    for (const job of workflowJobs(load(".github/workflows/security.yml")))
      for (const [scope, level] of grantedScopes(child(job.node, "permissions")) ?? [])
        if (wanted.get(scope) !== "write") wanted.set(scope, level);
    expect(Object.fromEntries(granted ?? [])).toEqual(Object.fromEntries(wanted));
  });

  it("CI's dogfood job runs every action from the working tree", () => {
    const dogfood = workflowJobs(load(".github/workflows/ci.yml")).find((j) => j.id === "dogfood");
    const used = dogfood?.steps.map((s) => s.uses?.value) ?? [];
    for (const name of actions) expect(used).toContain(`./actions/${name}`);
  });
});
