// The runner's file protocol: GITHUB_OUTPUT, GITHUB_ENV and GITHUB_STEP_SUMMARY.
import { randomUUID } from "node:crypto";
import { appendFileSync } from "node:fs";
import type { Env } from "../env.js";

/** `name<<DELIM\nvalue\nDELIM` survives any value; the delimiter must not occur inside it. */
function keyValue(name: string, value: string): string {
  let delimiter = `ghadelimiter_${randomUUID()}`;
  while (value.includes(delimiter)) delimiter = `ghadelimiter_${randomUUID()}`;
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}

export class EnvFiles {
  constructor(private readonly env: Env) {}

  /** False when the runner gave no GITHUB_OUTPUT (e.g. an old runner or a plain shell). */
  setOutput(name: string, value: string): boolean {
    const file = this.env.GITHUB_OUTPUT;
    if (!file) return false;
    appendFileSync(file, keyValue(name, value), "utf8");
    return true;
  }

  exportVariable(name: string, value: string): boolean {
    const file = this.env.GITHUB_ENV;
    if (!file) return false;
    appendFileSync(file, keyValue(name, value), "utf8");
    return true;
  }

  appendSummary(markdown: string): boolean {
    const file = this.env.GITHUB_STEP_SUMMARY;
    if (!file) return false;
    appendFileSync(file, markdown.endsWith("\n") ? markdown : `${markdown}\n`, "utf8");
    return true;
  }
}
