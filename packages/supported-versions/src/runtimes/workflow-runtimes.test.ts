import { describe, expect, it } from "vitest";
import { workflowRuntimes } from "./workflow-runtimes.js";

describe("workflowRuntimes", () => {
  it("reads setup-node / setup-python inputs and matrix axes in every list form", () => {
    const text = [
      "on: push", //  1
      "jobs:", //  2
      "  test:", //  3
      "    strategy:", //  4
      "      matrix:", //  5
      "        node: [18, '20']", //  6
      "        python-version:", //  7
      "          - '3.9'", //  8
      "          - 3.10", //  9
      "        include:", // 10
      "          - node: 16", // 11
      "    steps:", // 12
      "      - uses: actions/setup-node@v4", // 13
      "        with:", // 14
      "          node-version: ${{ matrix.node }}", // 15
      "      - uses: actions/setup-python@v5", // 16
      "        with:", // 17
      '          python-version: "3.8"', // 18
      "      - run: echo node 14", // 19
      "    env:", // 20
      "      NODE: 14", // 21
    ].join("\n");
    expect(workflowRuntimes(text)).toEqual([
      { runtime: "nodejs", value: "18", line: 6 },
      { runtime: "nodejs", value: "20", line: 6 },
      { runtime: "python", value: "3.9", line: 8 },
      { runtime: "python", value: "3.10", line: 9 },
      { runtime: "nodejs", value: "16", line: 11 },
      { runtime: "python", value: "3.8", line: 18 },
    ]);
  });

  it("names the line of YAML it cannot parse", () => {
    expect(() => workflowRuntimes("jobs:\n  a: [1, 2\n")).toThrow(/^line \d+: /);
  });
});
