// Runs one check the way the action does, minus the GitHub writes: inputs over config, engine, gate.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import {
  evaluateGate,
  gatePolicyFromInputs,
  readInputsWithConfig,
  type CheckDefinition,
  type GateResult,
  type InputSource,
  type ScanResult,
} from "@bulwark/core";

export interface CheckRun {
  check: CheckDefinition;
  scan: ScanResult;
  gate: GateResult;
  /** The sarif-file / json-file inputs, resolved against the workspace, when given. */
  sarifFile?: string;
  jsonFile?: string;
}

export interface RunCheckOptions {
  workspace: string;
  source: InputSource;
  env: Readonly<Record<string, string | undefined>>;
  progress(message: string): void;
  now?: Date;
}

export async function runCheck(check: CheckDefinition, options: RunCheckOptions): Promise<CheckRun> {
  const { inputs } = await readInputsWithConfig(check.specs, options.source, {
    workspace: options.workspace,
    section: check.name,
  });
  const common = inputs as {
    path: string;
    sarifFile?: string;
    jsonFile?: string;
  } & Parameters<typeof gatePolicyFromInputs>[0];
  const now = options.now ?? new Date();
  const scan = await check.run(inputs, {
    workspace: options.workspace,
    root: resolve(options.workspace, common.path),
    now,
    env: options.env,
    progress: options.progress,
    tempDir: mkdtempSync(join(tmpdir(), "bulwark-")),
  });
  const policy = await gatePolicyFromInputs(common, { baseDir: options.workspace });
  const gate = evaluateGate(scan, policy, now);
  return {
    check,
    scan,
    gate,
    ...(common.sarifFile ? { sarifFile: resolve(options.workspace, common.sarifFile) } : {}),
    ...(common.jsonFile ? { jsonFile: resolve(options.workspace, common.jsonFile) } : {}),
  };
}
