// Differential check against @actions/core, the runner protocol's reference implementation: our commands
// must be byte-identical to what it prints, and what it writes to GITHUB_OUTPUT / GITHUB_ENV must read back
// the same way ours does. @actions/core reads process.env, so these tests set and restore it.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as actionsCore from "@actions/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { EnvFiles } from "./env-files.js";
import { annotationCommand, maskCommand } from "./workflow-commands.js";

const TRICKY = ["plain", "100% sure", "a:b,c", "line1\nline2\r\nline3", "%0A literal", "::error::inside", ""];

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

function printedBy(fn: () => void): string {
  const chunks: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  fn();
  vi.restoreAllMocks();
  return chunks.join("").replace(/\n$/, "");
}

describe("workflow commands match @actions/core", () => {
  it.each(TRICKY.filter(Boolean))("annotations and masks of %j", (text) => {
    const where = {
      title: text,
      file: `src/${text}.ts`,
      startLine: 4,
      endLine: 4,
      startColumn: 2,
      endColumn: 9,
    };
    for (const level of ["error", "warning", "notice"] as const) {
      expect(annotationCommand({ level, message: text, ...where })).toBe(
        printedBy(() => actionsCore[level](text, where)),
      );
    }
    expect(annotationCommand({ level: "warning", message: text })).toBe(
      printedBy(() => actionsCore.warning(text)),
    );
    expect(maskCommand(text)).toBe(printedBy(() => actionsCore.setSecret(text)));
  });
});

describe("env files read the same whichever side wrote them", () => {
  it("GITHUB_OUTPUT and GITHUB_ENV", () => {
    const dir = mkdtempSync(join(tmpdir(), "bulwark-compat-"));
    const ours = { GITHUB_OUTPUT: join(dir, "ours-out"), GITHUB_ENV: join(dir, "ours-env") };
    const theirs = { GITHUB_OUTPUT: join(dir, "theirs-out"), GITHUB_ENV: join(dir, "theirs-env") };
    for (const f of [...Object.values(ours), ...Object.values(theirs)]) writeFileSync(f, "");
    vi.stubEnv("GITHUB_OUTPUT", theirs.GITHUB_OUTPUT);
    vi.stubEnv("GITHUB_ENV", theirs.GITHUB_ENV);
    const files = new EnvFiles(ours);
    TRICKY.forEach((value, i) => {
      files.setOutput(`out-${i}`, value);
      files.exportVariable(`VAR_${i}`, value);
      actionsCore.setOutput(`out-${i}`, value);
      printedBy(() => actionsCore.exportVariable(`VAR_${i}`, value));
    });
    // Same shape: one `name<<ghadelimiter_<uuid>` block per value; only the random delimiters differ.
    const normalise = (file: string) =>
      readFileSync(file, "utf8").replace(/ghadelimiter_[0-9a-f-]{36}/g, "D");
    // exportVariable also sets the variable in this process; take those back out.
    TRICKY.forEach((_, i) => delete process.env[`VAR_${i}`]);
    expect(normalise(ours.GITHUB_OUTPUT).split("<<D\n")).toHaveLength(TRICKY.length + 1);
    expect(normalise(ours.GITHUB_OUTPUT)).toBe(normalise(theirs.GITHUB_OUTPUT));
    expect(normalise(ours.GITHUB_ENV)).toBe(normalise(theirs.GITHUB_ENV));
  });
});
