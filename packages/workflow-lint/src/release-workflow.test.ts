// The release workflow's order and guarantees: bundles rebuilt and compared before anything is tagged,
// tags before publishing, npm packages published with provenance. The comparison script runs with bash on
// a real git repository, as the runner runs it.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { grantedScopes } from "./token-permissions.js";
import { workflowJobs } from "./workflow-jobs.js";
import { child, entries, items, loadYaml, scalarString } from "./yaml-file.js";

const file = fileURLToPath(new URL("../../../.github/workflows/release.yml", import.meta.url));
const loaded = loadYaml(".github/workflows/release.yml", readFileSync(file, "utf8"));
if (!loaded.ok) throw new Error("release.yml does not parse");
const yaml = loaded.yaml;
const jobs = workflowJobs(yaml);
const job = (id: string) => {
  const found = jobs.find((j) => j.id === id);
  if (!found) throw new Error(`release.yml has no job ${id}`);
  return found;
};
const needs = (id: string) => {
  const node = child(job(id).node, "needs");
  return scalarString(node) !== undefined ? [scalarString(node)] : items(node).map(scalarString);
};
const scopes = (id: string) => Object.fromEntries(grantedScopes(child(job(id).node, "permissions")) ?? []);

describe("release.yml", () => {
  it("runs on pushes to main, one release at a time, never cancelled halfway", () => {
    const on = child(yaml.doc.contents, "on");
    expect(items(child(child(on, "push"), "branches")).map(scalarString)).toEqual(["main"]);
    const concurrency = child(yaml.doc.contents, "concurrency");
    expect(scalarString(child(concurrency, "cancel-in-progress"))).toBe("false");
  });

  it("rebuilds the bundles, then tags, then publishes", () => {
    const runs = job("bundles").steps.flatMap((s) => (s.run ? [s.run.value] : []));
    expect(runs.some((r) => /\bpnpm build\b/.test(r))).toBe(true);
    expect(needs("tag")).toEqual(["bundles"]);
    expect(needs("publish")).toEqual(["tag"]);
  });

  it("gives each job only its scopes: read to compare, contents: write to tag, id-token: write to publish", () => {
    expect(grantedScopes(child(yaml.doc.contents, "permissions"))?.size).toBe(0);
    expect(scopes("bundles")).toEqual({ contents: "read" });
    expect(scopes("tag")).toEqual({ contents: "write" });
    expect(scopes("publish")).toEqual({ contents: "read", "id-token": "write" });
  });

  it("publishes the npm packages with provenance", () => {
    const publish = job("publish").steps.find((s) => s.run && /\bpublish\b/.test(s.run.value));
    expect(publish?.run?.value).toContain("--access public");
    const env = Object.fromEntries(
      entries(child(publish?.node, "env")).map(([name, value]) => [name, scalarString(value)]),
    );
    expect(env.NPM_CONFIG_PROVENANCE).toBe("true");
  });

  it("tags with packages/release, pushing to origin", () => {
    const runs = job("tag").steps.flatMap((s) => (s.run ? [s.run.value] : []));
    expect(runs.join("\n")).toContain("node packages/release/dist/bin.js --push origin");
  });

  describe("the bundle comparison", () => {
    const script = job("bundles").steps.find((s) => s.run?.value.includes("git status"))!.run!.value;
    const git = (dir: string, ...args: string[]) =>
      execFileSync("git", args, {
        cwd: dir,
        env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" },
        stdio: "pipe",
      });
    function repoWithBundle(): string {
      const dir = mkdtempSync(join(tmpdir(), "release-bundles-"));
      git(dir, "init", "-q", "-b", "main");
      git(dir, "config", "user.email", "rel@example.test");
      git(dir, "config", "user.name", "Release");
      mkdirSync(join(dir, "actions/sast/dist"), { recursive: true });
      writeFileSync(join(dir, "actions/sast/dist/index.js"), "console.log(1);\n");
      git(dir, "add", "-A");
      git(dir, "commit", "-q", "-m", "bundle");
      return dir;
    }
    const run = (dir: string) =>
      spawnSync("bash", ["--noprofile", "--norc", "-e", "-o", "pipefail", "-c", script], {
        cwd: dir,
        encoding: "utf8",
      });

    it("passes when the rebuilt bundles equal the committed ones", () => {
      expect(run(repoWithBundle()).status).toBe(0);
    });

    it("fails, naming the files, when a bundle changed or a new one appeared", () => {
      const changed = repoWithBundle();
      writeFileSync(join(changed, "actions/sast/dist/index.js"), "console.log(2);\n");
      const result = run(changed);
      expect(result.status).toBe(1);
      expect(result.stdout).toContain("actions/sast/dist/index.js");
      expect(result.stdout).toContain("::error::The rebuilt bundles differ");

      const added = repoWithBundle();
      writeFileSync(join(added, "actions/sast/dist/extra.js"), "\n");
      expect(run(added).status).toBe(1);
    });
  });
});
