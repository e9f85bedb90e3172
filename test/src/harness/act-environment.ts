// What a job's steps see under nektos/act, and a small real repository to run them on. The variable list
// follows act's runner (ACT=true, its GITHUB_* and RUNNER_* values, no token unless the user passes one
// with -s GITHUB_TOKEN=...); the service URLs point at a local server so that any call at all is seen.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { LOCKFILES_DIR } from "../../../packages/osv/src/test-support/shared-data.js";

/** juice-shop 11.1.2's CycloneDX SBOM: lodash 4.17.19, vulnerable (GHSA-35jh-r3h4-6jhm). */
const JUICE_SHOP = "cyclonedx-json/CycloneDX__bom-examples__SBOM__juice-shop__v11.1.2__bom.json";

export interface ActRepo {
  dir: string;
  base: string;
  head: string;
  /** The AWS access key id the pull request commit plants (random, format-valid, never real). */
  planted: string;
}

function awsKeyId(): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  return `AKIA${Array.from(randomBytes(16), (b) => alphabet[b % alphabet.length]).join("")}`;
}

/** A real repository: a policy, a released tag, an SBOM with a vulnerable package, a shell script with a
 * quoting bug, then a pull request commit that adds another unquoted expansion and a credential. */
export function makeActRepo(): ActRepo {
  const dir = mkdtempSync(join(tmpdir(), "bulwark-e2e-act-"));
  const git = (...args: string[]) =>
    execFileSync("git", args, {
      cwd: dir,
      env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" },
      stdio: "pipe",
    })
      .toString()
      .trim();
  const write = (name: string, text: string) => {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  };
  git("init", "-q", "-b", "main");
  git("config", "user.email", "dev@example.test");
  git("config", "user.name", "Dev");
  write(
    "SECURITY.md",
    "# Security\n\n## Supported Versions\n\n| Version | Supported |\n| --- | --- |\n| 1.x | ✅ |\n\nReport to security@example.test.\n",
  );
  mkdirSync(join(dir, "web"));
  copyFileSync(join(LOCKFILES_DIR, JUICE_SHOP), join(dir, "web/bom.json"));
  write("scripts/deploy.sh", "#!/bin/sh\ncd $1\nrm -rf $TARGET/build\n");
  git("add", "-A");
  git("commit", "-q", "-m", "release 1.0.0");
  git("tag", "v1.0.0");
  const base = git("rev-parse", "HEAD");
  const planted = awsKeyId();
  write("scripts/deploy.sh", "#!/bin/sh\ncd $1\nrm -rf $TARGET/build\ncp -r build $DEST\n");
  write("deploy/aws.env", `AWS_REGION=eu-west-1\nAWS_ACCESS_KEY_ID=${planted}\n`);
  git("checkout", "-q", "-b", "deploy");
  git("add", "-A");
  git("commit", "-q", "-m", "deploy: copy the build");
  return { dir, base, head: git("rev-parse", "HEAD"), planted };
}

/** The payload `act pull_request -e pr-event.json` reads, as docs/act.md shows it. */
export function pullRequestEvent(repo: ActRepo) {
  return {
    action: "synchronize",
    number: 7,
    pull_request: {
      number: 7,
      base: { ref: "main", sha: repo.base, repo: { full_name: "octo/app" } },
      head: { ref: "deploy", sha: repo.head, repo: { full_name: "octo/app" } },
    },
    repository: { full_name: "octo/app", default_branch: "main" },
  };
}

export interface ActEnvironmentOptions {
  /** Local server standing in for api.github.com, the cache server and the runtime service. */
  serviceUrl: string;
  eventName: "pull_request" | "push";
  /** act reads it from the `origin` remote; empty when there is none. Default octo/app. */
  repository?: string;
  /** The value of -s GITHUB_TOKEN=...; empty (act's default) when not given. */
  token?: string;
}

/** The variables act sets for a step of `bulwark security`'s job (GITHUB_WORKSPACE, GITHUB_EVENT_PATH and
 * the GITHUB_* files come from the runner harness). */
export function actEnvironment(repo: ActRepo, options: ActEnvironmentOptions): Record<string, string> {
  const repository = options.repository ?? "octo/app";
  const service = options.serviceUrl.replace(/\/$/, "");
  const pullRequest = options.eventName === "pull_request";
  return {
    ACT: "true",
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_ACTOR: "nektos/act",
    GITHUB_WORKFLOW: "bulwark security",
    GITHUB_RUN_ID: "1",
    GITHUB_RUN_NUMBER: "1",
    GITHUB_RUN_ATTEMPT: "1",
    GITHUB_JOB: "check",
    GITHUB_ACTION: "2",
    GITHUB_ACTION_REPOSITORY: "",
    GITHUB_ACTION_REF: "",
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: repository.split("/")[0] ?? "",
    GITHUB_SHA: repo.head,
    // act takes the ref from the local checkout, not from the event.
    GITHUB_REF: "refs/heads/deploy",
    GITHUB_REF_NAME: "deploy",
    GITHUB_REF_TYPE: "branch",
    GITHUB_BASE_REF: pullRequest ? "main" : "",
    GITHUB_HEAD_REF: pullRequest ? "deploy" : "",
    GITHUB_RETENTION_DAYS: "0",
    RUNNER_PERFLOG: "/dev/null",
    RUNNER_TRACKING_ID: "",
    RUNNER_OS: "Linux",
    RUNNER_ARCH: "X64",
    RUNNER_TOOL_CACHE: "/opt/hostedtoolcache",
    ImageOS: "ubuntu20",
    GITHUB_TOKEN: options.token ?? "",
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_API_URL: service,
    GITHUB_GRAPHQL_URL: `${service}/graphql`,
    // act's own cache server and artifact runtime: an action that used them would show up as requests.
    ACTIONS_CACHE_URL: `${service}/act-cache/`,
    ACTIONS_RUNTIME_URL: `${service}/act-runtime/`,
    ACTIONS_RUNTIME_TOKEN: "token",
  };
}
