// A git repository with a job token and real-looking secrets planted where scanners read and quote:
// a .env file, Python and shell sources the analysers flag, credentials in a lockfile's registry URL, a
// broken lockfile whose error names the line, a SECURITY.md. Values are fresh each run, format-valid and
// never real. Tagged v1.0.0 so supported-versions has a release to compare with.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

function random(alphabet: string, n: number): string {
  return Array.from(randomBytes(n), (b) => alphabet[b % alphabet.length]).join("");
}
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const UPPER32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

// Fresh every run: format-valid, never real.
export const TOKEN = `ghs_${random(ALNUM, 36)}`;
export const SECRETS = {
  aws: `AKIA${random(UPPER32, 16)}`,
  stripe: `sk_live_${random(ALNUM, 32)}`,
  githubPat: `ghp_${random(ALNUM, 36)}`,
  npm: `npm_${random(ALNUM, 36)}`,
  slack: `xoxb-${random("0123456789", 12)}-${random("0123456789", 12)}-${random(ALNUM, 24)}`,
};

export function plantedRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), "bulwark-e2e-discipline-"));
  const files: Record<string, string> = {
    ".env": `PORT=8080\nAWS_ACCESS_KEY_ID=${SECRETS.aws}\nSLACK_BOT_TOKEN=${SECRETS.slack}\n`,
    // bandit flags a hard-coded password and quotes the line.
    "app/settings.py": `import os\n\npassword = "${SECRETS.stripe}"\nGITHUB = "${SECRETS.githubPat}"\n`,
    // shellcheck flags the unquoted variable on the line that holds the token.
    "scripts/deploy.sh": `#!/bin/sh\ncurl -H "Authorization: token ${SECRETS.githubPat}" $URL\n`,
    // A registry URL with credentials in it, as private registries leave them in lockfiles.
    "package-lock.json": JSON.stringify(
      {
        name: "app",
        version: "1.0.0",
        lockfileVersion: 3,
        requires: true,
        packages: {
          "": { name: "app", version: "1.0.0", dependencies: { lodash: "4.17.19" } },
          "node_modules/lodash": {
            version: "4.17.19",
            resolved: `https://ci:${SECRETS.npm}@registry.example.com/lodash/-/lodash-4.17.19.tgz`,
            integrity:
              "sha512-JNvd8XER9GQX0v2qJgsaN/mzFCNA5BRe/j8JN9d+tWyGLSodKQHKFicdwNYzWwI3wjRnaKPsGj1XkBjx/F96DQ==",
          },
        },
      },
      null,
      2,
    ),
    // A lockfile that does not parse, with a secret on the line the error is about.
    "tools/yarn.lock": `# yarn lockfile v1\n\n"left-pad@^1.0.0:\n  resolved "https://u:${SECRETS.npm}@r.example.com/x.tgz" {{{\n`,
    "SECURITY.md": [
      "# Security",
      "",
      "## Supported Versions",
      "",
      "| Version | Supported |",
      "| --- | --- |",
      "| 1.x | ✅ |",
      "",
      `Report to security@acme.dev (Slack bot for triage: ${SECRETS.slack}).`,
      "",
    ].join("\n"),
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const git = (...args: string[]) =>
    execFileSync("git", args, {
      cwd: dir,
      env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" },
      stdio: "pipe",
    });
  git("init", "-q", "-b", "main");
  git("config", "user.email", "dev@example.test");
  git("config", "user.name", "Dev");
  git("add", "-A");
  git("commit", "-q", "-m", "init");
  git("tag", "v1.0.0");
  return dir;
}
