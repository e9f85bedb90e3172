// The reusable workflow's one script, the combined summary, run with bash and jq as the runner runs it
// (`bash -e`), on `needs` contexts shaped as GitHub gives them: results, and the outputs each check wrote.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { workflowJobs } from "./workflow-jobs.js";
import { loadYaml } from "./yaml-file.js";

const file = fileURLToPath(new URL("../../../.github/workflows/security.yml", import.meta.url));
const loaded = loadYaml(".github/workflows/security.yml", readFileSync(file, "utf8"));
if (!loaded.ok) throw new Error("security.yml does not parse");
const script = workflowJobs(loaded.yaml)
  .find((job) => job.id === "summary")
  ?.steps.find((step) => step.run)?.run?.value;

type Needs = Record<string, { result: string; outputs: Record<string, string> }>;

function runSummary(needs: Needs) {
  const dir = mkdtempSync(join(tmpdir(), "security-summary-"));
  const summary = join(dir, "summary");
  const output = join(dir, "output");
  writeFileSync(summary, "");
  writeFileSync(output, "");
  const result = spawnSync("bash", ["--noprofile", "--norc", "-e", "-o", "pipefail", "-c", script!], {
    env: {
      PATH: process.env.PATH,
      NEEDS: JSON.stringify(needs),
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_OUTPUT: output,
    },
    encoding: "utf8",
  });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    summary: readFileSync(summary, "utf8"),
    output: readFileSync(output, "utf8"),
  };
}

const passed = (findings: string) => ({
  result: "success",
  outputs: { findings, "new-findings": "0", "not-checked": "0", failed: "false" },
});

describe("security.yml summary job", () => {
  it("has a script", () => {
    expect(script).toBeTruthy();
  });

  it("tabulates every check and passes when none failed (skipped checks shown as such)", () => {
    const run = runSummary({
      "supported-versions": passed("0"),
      "osv-scan": passed("3"),
      "secret-scan": passed("0"),
      sast: passed("12"),
      "container-scan": { result: "skipped", outputs: {} },
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.output).toBe("failed=false\n");
    expect(run.summary).toContain("| osv-scan | success | 3 | 0 | 0 |");
    expect(run.summary).toContain("| container-scan | skipped | - | - | - |");
  });

  it("fails, with an error annotation, when a check failed or was cancelled", () => {
    for (const result of ["failure", "cancelled"]) {
      const run = runSummary({
        "osv-scan": passed("0"),
        sast: {
          result,
          outputs: result === "failure" ? { findings: "4", "new-findings": "2", failed: "true" } : {},
        },
      });
      expect(run.status).toBe(1);
      expect(run.output).toBe("failed=true\n");
      expect(run.stdout).toContain("::error::At least one Bulwark check failed");
      expect(run.summary).toContain(`| sast | ${result} |`);
    }
  });

  it("shows a check that passed with parts not checked (fail-open)", () => {
    const run = runSummary({
      "osv-scan": { result: "success", outputs: { findings: "0", "new-findings": "0", "not-checked": "1" } },
    });
    expect(run.status).toBe(0);
    expect(run.summary).toContain("| osv-scan | success | 0 | 0 | 1 |");
  });

  it("prints a hostile output value as table text, never runs it", () => {
    rmSync("/tmp/pwned-by-summary", { force: true });
    const run = runSummary({
      sast: { result: "success", outputs: { findings: "$(touch /tmp/pwned-by-summary)`id`" } },
    });
    expect(run.status).toBe(0);
    expect(run.summary).toContain("$(touch /tmp/pwned-by-summary)`id`");
    expect(existsSync("/tmp/pwned-by-summary")).toBe(false);
  });
});
