import { describe, expect, it } from "vitest";
import { checkActionInputs } from "./action-inputs.js";
import { workflowJobs } from "./workflow-jobs.js";
import { loadYaml } from "./yaml-file.js";

describe("checkActionInputs", () => {
  it("reports with: keys our own actions do not declare, and leaves other actions alone", () => {
    const loaded = loadYaml(
      "w.yml",
      [
        "on: push",
        "jobs:",
        "  a:",
        "    runs-on: ubuntu-latest",
        "    steps:",
        "      - uses: ./actions/osv-scan",
        "        with:",
        "          fail-on: high",
        "          fial-on: low",
        "      - uses: someone/else@0123456789abcdef0123456789abcdef01234567",
        "        with:",
        "          anything: 1",
      ].join("\n"),
    );
    if (!loaded.ok) throw new Error("fixture does not parse");
    const resolve = (uses: string) => (uses === "./actions/osv-scan" ? ["fail-on", "path"] : undefined);
    const issues = checkActionInputs(loaded.yaml, workflowJobs(loaded.yaml), resolve);
    expect(issues.map((i) => [i.line, i.message])).toEqual([
      [9, '"fial-on" is not an input of ./actions/osv-scan (its action.yml declares: fail-on, path)'],
    ]);
  });
});
