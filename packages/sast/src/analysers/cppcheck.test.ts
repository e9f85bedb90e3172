import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { FIXTURE, keys } from "../test-support/fixture.js";
import { cppcheck, cppcheckFindings } from "./cppcheck.js";

describe("cppcheck", () => {
  it("converts exactly what cppcheck reports natively, `cppcheck-suppress` honoured", async () => {
    const exe = cppcheck.locate(process.env)!;
    const out = await cppcheck.run({
      root: FIXTURE,
      files: ["native/copy.c"],
      executable: exe,
      timeoutMs: 60_000,
      env: process.env,
      tempDir: tmpdir(),
    });
    // Native: cppcheck's own text template, same checks.
    const native_ = spawnSync(
      "cppcheck",
      [
        "--enable=warning,portability",
        "--inline-suppr",
        "-q",
        "--template={id} {file}:{line}",
        "native/copy.c",
      ],
      { cwd: FIXTURE, encoding: "utf8" },
    );
    const stderr = native_.stderr;
    const native = stderr
      .split("\n")
      .filter((l) => /^\w+ \S+:\d+$/.test(l))
      .sort();
    expect(native.length).toBe(3);
    expect(keys(out.findings)).toEqual(native);
    expect(out.findings.some((f) => f.line === 34)).toBe(false);
    expect(out.findings.find((f) => f.ruleId === "memleak")).toMatchObject({
      severity: "high",
      cwes: ["CWE-401"],
      line: 24,
    });
  });

  it("turns cppcheck's own failures into problems and refuses a report that is not one", () => {
    const xml = `<?xml version="1.0"?><results version="2"><cppcheck version="2.10"/><errors>
      <error id="syntaxError" severity="error" msg="syntax error" file0="a.c"><location file="a.c" line="3" column="1"/></error>
    </errors></results>`;
    expect(cppcheckFindings(xml)).toEqual({
      findings: [],
      problems: [
        {
          level: "error",
          message: "cppcheck could not analyse a.c: syntax error (syntaxError)",
          path: "a.c",
          line: 3,
        },
      ],
    });
    expect(() => cppcheckFindings("<nothing/>")).toThrow(/did not write an XML report/);
  });
});
