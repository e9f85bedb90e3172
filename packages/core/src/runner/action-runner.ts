// One object for everything an action says to the runner: outputs, summary, exported variables, masks,
// annotations and the step's result. Files come from `env`; commands go to `write` (stdout by default).
import type { Env } from "../env.js";
import { EnvFiles } from "./env-files.js";
import {
  annotationCommand,
  debugCommand,
  maskCommands,
  workflowCommand,
  type AnnotationCommand,
} from "./workflow-commands.js";

export interface ActionRunnerOptions {
  write?: (text: string) => void;
  /** Where setFailed records the failure; by default process.exitCode, so the step ends red. */
  setExitCode?: (code: number) => void;
}

type Where = Omit<AnnotationCommand, "level" | "message">;

export class ActionRunner {
  readonly files: EnvFiles;
  private readonly write: (text: string) => void;
  private readonly setExitCode: (code: number) => void;
  private failed = false;

  constructor(
    readonly env: Env = process.env,
    options: ActionRunnerOptions = {},
  ) {
    this.files = new EnvFiles(env);
    this.write = options.write ?? ((text) => process.stdout.write(text));
    this.setExitCode = options.setExitCode ?? ((code) => (process.exitCode = code));
  }

  /** 1 once setFailed was called, else 0. */
  get exitCode(): number {
    return this.failed ? 1 : 0;
  }

  log(line: string): void {
    this.write(`${line}\n`);
  }

  setOutput(name: string, value: string): boolean {
    return this.files.setOutput(name, value);
  }

  exportVariable(name: string, value: string): boolean {
    return this.files.exportVariable(name, value);
  }

  appendSummary(markdown: string): boolean {
    return this.files.appendSummary(markdown);
  }

  mask(value: string): void {
    for (const command of maskCommands(value)) this.log(command);
  }

  annotate(annotation: AnnotationCommand): void {
    this.log(annotationCommand(annotation));
  }

  notice(message: string, where: Where = {}): void {
    this.annotate({ level: "notice", message, ...where });
  }

  warning(message: string, where: Where = {}): void {
    this.annotate({ level: "warning", message, ...where });
  }

  error(message: string, where: Where = {}): void {
    this.annotate({ level: "error", message, ...where });
  }

  /** Printed only when the run is re-run with debug logging (the runner hides ::debug:: otherwise). */
  debug(message: string): void {
    this.log(debugCommand(message));
  }

  /** Folds the lines written inside `body` into one collapsible group in the log. */
  async group<T>(title: string, body: () => Promise<T>): Promise<T> {
    this.log(workflowCommand("group", {}, title));
    try {
      return await body();
    } finally {
      this.log("::endgroup::");
    }
  }

  /** Prints the message as an error annotation and marks the step failed (exit code 1). */
  setFailed(message: string, where: Where = {}): void {
    this.error(message, where);
    this.failed = true;
    this.setExitCode(1);
  }
}
