import { describe, expect, it } from "vitest";
import { checkScriptInjection, untrustedExpressions } from "./script-injection.js";
import { workflowJobs } from "./workflow-jobs.js";
import { loadYaml } from "./yaml-file.js";

function lint(text: string) {
  const loaded = loadYaml("w.yml", text);
  if (!loaded.ok) throw new Error(loaded.issues[0]?.message);
  return checkScriptInjection(loaded.yaml, workflowJobs(loaded.yaml), []);
}

describe("untrustedExpressions", () => {
  it("flags event payload, head ref, inputs and step/job outputs", () => {
    const found = (s: string) => untrustedExpressions(s).map((f) => f.expression);
    expect(found('echo "${{ github.event.pull_request.title }}"')).toEqual([
      "${{ github.event.pull_request.title }}",
    ]);
    expect(found("git checkout ${{ github.head_ref }}")).toHaveLength(1);
    expect(found("echo ${{ inputs.name }} ${{ inputs['other'] }}")).toHaveLength(2);
    expect(found("echo ${{ steps.meta.outputs.tags }}")).toHaveLength(1);
    expect(found("echo ${{ needs.build.outputs.version }}")).toHaveLength(1);
    expect(found("echo '${{ toJSON(github.event) }}'")).toHaveLength(1);
    expect(found("echo ${{ github['event'].issue.body }}")).toHaveLength(1);
  });

  it("leaves values the workflow itself controls", () => {
    expect(
      untrustedExpressions("echo ${{ github.event_name }} ${{ github.sha }} ${{ runner.temp }}"),
    ).toEqual([]);
    expect(untrustedExpressions("echo ${{ matrix.node }} ${{ env.DAY }} ${{ 'inputs.x' }}")).toEqual([]);
    expect(untrustedExpressions('echo "$TITLE"')).toEqual([]);
  });
});

describe("checkScriptInjection", () => {
  it("reports the script line of each interpolation, in block and plain scalars", () => {
    const issues = lint(
      [
        "on: pull_request",
        "jobs:",
        "  a:",
        "    runs-on: ubuntu-latest",
        "    steps:",
        "      - run: |",
        "          echo start",
        '          echo "${{ github.event.pull_request.title }}"',
        "      - run: echo ${{ inputs.version }}",
        "      - env:",
        "          TITLE: ${{ github.event.pull_request.title }}",
        '        run: echo "$TITLE"',
      ].join("\n"),
    );
    expect(issues.map((i) => i.line)).toEqual([8, 9]);
    expect(issues[0]?.message).toMatch(/pass it through env:/);
  });

  it("checks actions/github-script's script input too", () => {
    const issues = lint(
      [
        "on: issues",
        "jobs:",
        "  a:",
        "    runs-on: ubuntu-latest",
        "    steps:",
        "      - uses: actions/github-script@60a0d83039c74a4aee543508d2ffcb1c3799cdea",
        "        with:",
        "          script: console.log('${{ github.event.issue.title }}')",
      ].join("\n"),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toContain("github-script");
  });
});
