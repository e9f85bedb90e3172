// Real git repositories in temp dirs, built with the git CLI.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export class GitRepo {
  readonly dir: string;

  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), "bulwark-sv-"));
    this.git("init", "-q", "-b", "main");
    this.git("config", "user.email", "dev@example.test");
    this.git("config", "user.name", "Dev");
    this.git("config", "commit.gpgsign", "false");
    this.git("config", "tag.gpgsign", "false");
  }

  git(...args: string[]): string {
    return execFileSync("git", args, {
      cwd: this.dir,
      encoding: "utf8",
      env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null" },
    });
  }

  write(files: Record<string, string>): this {
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(dirname(join(this.dir, name)), { recursive: true });
      writeFileSync(join(this.dir, name), content);
    }
    return this;
  }

  commit(message = "change"): this {
    this.git("add", "-A");
    this.git("commit", "-q", "--allow-empty", "-m", message);
    return this;
  }

  /** Annotated when a message is given, lightweight otherwise. */
  tag(name: string, message?: string): this {
    if (message) this.git("tag", "-a", name, "-m", message);
    else this.git("tag", name);
    return this;
  }

  tags(...names: string[]): this {
    for (const name of names) this.commit(`release ${name}`).tag(name);
    return this;
  }
}

export function policy(rows: string[], extra = "Report vulnerabilities to security@acme.dev.\n"): string {
  return [
    "# Security Policy",
    "",
    "## Supported Versions",
    "",
    "| Version | Supported |",
    "| ------- | --------- |",
    ...rows,
    "",
    "## Reporting",
    "",
    extra,
  ].join("\n");
}
