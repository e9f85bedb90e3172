import { describe, expect, it } from "vitest";
import { checkCheckoutCredentials } from "./checkout-credentials.js";
import { checkPermissions } from "./permissions.js";
import { workflowJobs } from "./workflow-jobs.js";
import { loadYaml } from "./yaml-file.js";

function load(lines: string[]) {
  const loaded = loadYaml("w.yml", lines.join("\n"));
  if (!loaded.ok) throw new Error(loaded.issues[0]?.message);
  return { yaml: loaded.yaml, jobs: workflowJobs(loaded.yaml) };
}

const job = (id: string, extra: string[] = []) => [
  `  ${id}:`,
  ...extra,
  "    runs-on: ubuntu-latest",
  "    steps:",
  "      - run: true",
];

describe("checkPermissions", () => {
  it("accepts workflow-level permissions, or permissions on every job", () => {
    const top = load(["on: push", "permissions:", "  contents: read", "jobs:", ...job("a")]);
    expect(checkPermissions(top.yaml, top.jobs)).toEqual([]);
    const perJob = load(["on: push", "jobs:", ...job("a", ["    permissions: {}"])]);
    expect(checkPermissions(perJob.yaml, perJob.jobs)).toEqual([]);
  });

  it("reports a job left with the repository default", () => {
    const { yaml, jobs } = load(["on: push", "jobs:", ...job("a", ["    permissions: {}"]), ...job("b")]);
    const issues = checkPermissions(yaml, jobs);
    expect(issues.map((i) => [i.line, i.message])).toEqual([[8, expect.stringContaining('job "b"')]]);
  });

  it("requires each job of a reusable workflow to declare its own", () => {
    const { yaml, jobs } = load(["on:", "  workflow_call:", "permissions: {}", "jobs:", ...job("scan")]);
    expect(checkPermissions(yaml, jobs)[0]?.message).toMatch(/reusable workflow declares no permissions/);
  });

  it("rejects write-all", () => {
    const { yaml, jobs } = load(["on: push", "permissions: write-all", "jobs:", ...job("a")]);
    expect(checkPermissions(yaml, jobs).map((i) => i.line)).toEqual([2]);
  });
});

describe("checkCheckoutCredentials", () => {
  it("requires persist-credentials: false on actions/checkout", () => {
    const sha = "11bd71901bbe5b1630ceea73d27597364c9af683";
    const { yaml, jobs } = load([
      "on: push",
      "jobs:",
      "  a:",
      "    runs-on: ubuntu-latest",
      "    steps:",
      `      - uses: actions/checkout@${sha}`,
      `      - uses: actions/checkout@${sha}`,
      "        with:",
      "          persist-credentials: false",
    ]);
    expect(checkCheckoutCredentials(yaml, jobs, []).map((i) => i.line)).toEqual([6]);
  });
});
