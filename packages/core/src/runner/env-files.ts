// The runner's file protocol: GITHUB_OUTPUT, GITHUB_ENV and GITHUB_STEP_SUMMARY.
import { randomUUID } from "node:crypto";
import { appendFileSync } from "node:fs";
import type { Env } from "../env.js";

/** `name<<DELIM\nvalue\nDELIM` survives any value; the delimiter must not occur inside it. */
export function fileCommand(name: string, value: string): string {
  if (!name || /[\r\n=]|<</.test(name))
    throw new Error(`Invalid output or variable name ${JSON.stringify(name)}`);
  let delimiter = `ghadelimiter_${randomUUID()}`;
  while (value.includes(delimiter)) delimiter = `ghadelimiter_${randomUUID()}`;
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}

export class EnvFiles {
  constructor(private readonly env: Env) {}

  /** False when the runner gave no GITHUB_OUTPUT (a plain shell, or act without it). */
  setOutput(name: string, value: string): boolean {
    return this.append("GITHUB_OUTPUT", fileCommand(name, value));
  }

  /** Sets a variable for the job's later steps (not this process). */
  exportVariable(name: string, value: string): boolean {
    return this.append("GITHUB_ENV", fileCommand(name, value));
  }

  appendSummary(markdown: string): boolean {
    return this.append("GITHUB_STEP_SUMMARY", markdown.endsWith("\n") ? markdown : `${markdown}\n`);
  }

  private append(variable: "GITHUB_OUTPUT" | "GITHUB_ENV" | "GITHUB_STEP_SUMMARY", text: string): boolean {
    const file = this.env[variable];
    if (!file) return false;
    try {
      appendFileSync(file, text, "utf8");
    } catch (error) {
      throw new Error(
        `Cannot write ${variable} (${file}): ${(error as NodeJS.ErrnoException).code ?? error}`,
      );
    }
    return true;
  }
}
