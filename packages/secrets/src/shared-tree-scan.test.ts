import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expandExample } from "./examples.js";
import { scanFile, type FileOutcome } from "./scan-file.js";
import { SecretScanner } from "./scanner.js";
import { TreeWorkers } from "./shared-tree-scan.js";
import { buildWorkerScript } from "./test-support/build-worker.js";

let root: string;
let workerScript: string;
const files: string[] = [];
const gh = expandExample("«raw:ghp»_«gh:30»", "shared-tree");

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "bulwark-secrets-shared-"));
  workerScript = await buildWorkerScript();
  await mkdir(join(root, "src"));
  for (let i = 0; i < 120; i++) {
    const file = `src/m${String(i).padStart(3, "0")}.ts`;
    await writeFile(join(root, file), i % 10 === 0 ? `const token = "${gh}";\n` : `export const n = ${i};\n`);
    files.push(file);
  }
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("TreeWorkers", () => {
  it("lets this thread and a worker claim batches as they get to them, and returns outcomes in file order", async () => {
    const scanner = new SecretScanner();
    const local = (file: string): FileOutcome => {
      // Slow on this thread, so the worker starts and takes batches too.
      const until = performance.now() + 10;
      while (performance.now() < until);
      return { ...scanFile(scanner, root, file), skipped: undefined, problem: undefined, bytes: -1 };
    };
    const tree = new TreeWorkers({ root, init: {}, script: workerScript, workers: 1 });
    let outcomes: FileOutcome[];
    try {
      outcomes = await tree.scan(files, 2, local);
    } finally {
      await tree.close();
    }
    expect(outcomes.map((o) => o.path)).toEqual(files);
    // bytes -1 marks what this thread scanned; the worker reports real sizes.
    const here = outcomes.filter((o) => o.bytes === -1).length;
    expect(here).toBeGreaterThan(0);
    expect(here).toBeLessThan(files.length);
    expect(outcomes.flatMap((o) => o.findings.map(() => o.path))).toEqual(
      files.filter((_, i) => i % 10 === 0),
    );
  });

  it("passes on a failure of this thread's own scanning, leaving nothing unhandled behind", async () => {
    const tree = new TreeWorkers({ root, init: {}, script: workerScript, workers: 1 });
    try {
      await expect(
        tree.scan(files, 4, () => {
          throw new Error("disk on fire");
        }),
      ).rejects.toThrow("disk on fire");
    } finally {
      await tree.close();
    }
  });

  it("finishes with every outcome when this thread is done before the worker has started (it is not waited for)", async () => {
    const scanner = new SecretScanner();
    const tree = new TreeWorkers({ root, init: {}, script: workerScript, workers: 1 });
    try {
      // Started just now: this thread finishes 120 small files before the worker has loaded.
      const outcomes = await tree.scan(files, 60, (file) => scanFile(scanner, root, file));
      expect(outcomes.map((o) => o.path)).toEqual(files);
      expect(outcomes.filter((o) => o.findings.length > 0)).toHaveLength(12);
    } finally {
      await tree.close();
    }
  });
});
