// What every analyser adapter provides: which languages it covers, how to find it, how to run it.
import type { Finding, ScanProblem, Severity } from "@bulwark/core";
import type { Language } from "./languages.js";

/** A finding as an adapter reads it from the tool, before fingerprints and dedupe. */
export interface RawFinding {
  tool: string;
  ruleId: string;
  title: string;
  message: string;
  severity: Severity;
  path: string;
  line?: number;
  endLine?: number;
  column?: number;
  endColumn?: number;
  /** "CWE-79" style. */
  cwes?: string[];
  helpUri?: string;
  remediation?: string;
  properties?: Record<string, unknown>;
}

export interface AnalyserContext {
  root: string;
  /** Files of the analyser's languages, relative to root. */
  files: string[];
  /** Absolute path of the executable (or of the script run by node, for ESLint). */
  executable: string;
  timeoutMs: number;
  tempDir: string;
  /** Rule sets the user named for analysers that take them (Semgrep `--config` values). */
  rulesets?: readonly string[];
  env: NodeJS.ProcessEnv;
}

export interface AnalyserOutput {
  findings: RawFinding[];
  problems: ScanProblem[];
}

export interface Analyser {
  name: string;
  languages: readonly Language[] | "any";
  /** The Debian/Ubuntu package that provides the tool, for `installMissing`. */
  aptPackage?: string;
  /** How to install the tool, for the message when it is missing. */
  install?: string;
  /** The tool's home page, for SARIF's driver.informationUri. */
  informationUri?: string;
  /** Optional analysers (gosec, semgrep) are run only when installed; a notice says when they are not. */
  optional: boolean;
  /** True for C/C++ analysers that do not read clang-tidy's `// NOLINT` themselves: we apply it. */
  nolint?: boolean;
  /** False for tools that find their own inputs (gosec reads packages): they run once, not per batch. */
  takesFiles?: boolean;
  /** Absolute path of the tool, or undefined when it is not installed. */
  locate(env: NodeJS.ProcessEnv): string | undefined;
  version(executable: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string>;
  run(context: AnalyserContext): Promise<AnalyserOutput>;
}

export type { Finding };

/** Raised by an adapter when the tool failed; the message carries the stderr tail. */
export class ToolFailure extends Error {}
