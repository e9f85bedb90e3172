import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConfigError } from "../config/errors.js";
import { fingerprint } from "../fingerprint.js";
import { formatBaseline, readBaseline, writeBaseline } from "./baseline.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "bulwark-baseline-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("baseline file", () => {
  it("round-trips sorted, de-duplicated fingerprints", async () => {
    const fps = [fingerprint("b"), fingerprint("a"), fingerprint("b")];
    const file = join(dir, "nested", ".bulwark-baseline.json");
    await writeBaseline(file, fps);
    const text = await readFile(file, "utf8");
    expect(JSON.parse(text)).toEqual({ version: 1, fingerprints: [...new Set(fps)].sort() });
    expect(text.endsWith("\n")).toBe(true);
    expect(await readBaseline(file)).toEqual(new Set(fps));
  });

  it("formats an empty baseline", () => {
    expect(formatBaseline([])).toBe('{\n  "version": 1,\n  "fingerprints": []\n}\n');
  });

  it("names the file when it is missing", async () => {
    const file = join(dir, "missing.json");
    await expect(readBaseline(file)).rejects.toThrow(`${file}: baseline: file not found`);
    await expect(readBaseline(file)).rejects.toBeInstanceOf(ConfigError);
  });

  it.each([
    ["{ not json", "baseline is not valid JSON"],
    ["[]", "baseline must be a JSON object"],
    ['{"version": 2, "fingerprints": []}', "baseline version 2 is not supported (expected 1)"],
    ['{"version": 1}', 'baseline "fingerprints" must be an array of strings'],
    ['{"version": 1, "fingerprints": ["ab", 3]}', "baseline fingerprints[1] must be a non-empty string"],
  ])("rejects %s", async (text, message) => {
    const file = join(dir, "b.json");
    await writeFile(file, text);
    await expect(readBaseline(file)).rejects.toThrow(`${file}: ${message}`);
  });

  it("names the file when it cannot write", async () => {
    await writeFile(join(dir, "blocker"), "");
    const file = join(dir, "blocker", "b.json");
    await expect(writeBaseline(file, [])).rejects.toThrow(`${file}: cannot write baseline`);
  });
});
