// A check is one capability (supported-versions, osv-scan, ...) described once and run by two adapters:
// the GitHub Action (inputs from INPUT_* variables) and the CLI (inputs from flags).
import type { ActionSection } from "./config/load.js";
import type { InputValues } from "./inputs/read.js";
import type { AnyInputSpec } from "./inputs/spec.js";
import type { ScanResult } from "./report.js";

/** A release as the hosting service lists it (GitHub releases). */
export interface HostedRelease {
  tagName: string;
  name?: string;
  draft: boolean;
  prerelease: boolean;
  publishedAt?: string;
}

/** Read-only calls to the hosting service that an engine may use; absent when running locally. */
export interface HostingApi {
  listReleases?(): Promise<HostedRelease[]>;
}

export interface CheckContext {
  /** Absolute path of the workspace (repository root). */
  workspace: string;
  /** Absolute path being scanned: the workspace joined with the `path` input. */
  root: string;
  /** One clock per run, so expiry and age checks agree with each other. */
  now: Date;
  env: Readonly<Record<string, string | undefined>>;
  /** Progress for long work: the runner log in Actions, stderr in the CLI. */
  progress(message: string): void;
  hosting?: HostingApi;
  /** Writable scratch directory (RUNNER_TEMP or the OS temp dir). */
  tempDir: string;
}

export interface CheckDefinition<S extends readonly AnyInputSpec[] = readonly AnyInputSpec[]> {
  /** Also the config-file section and the CLI command. */
  name: ActionSection;
  /** One line for help texts. */
  description: string;
  /** All inputs, common ones included, in action.yml order. */
  specs: S;
  run(inputs: InputValues<S>, context: CheckContext): Promise<ScanResult>;
}

/** Keeps the specs' literal types when declaring a check. */
export function defineCheck<const S extends readonly AnyInputSpec[]>(
  check: CheckDefinition<S>,
): CheckDefinition<S> {
  return check;
}
