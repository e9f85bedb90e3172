// Lints a repository laid out like Bulwark: .github/workflows/*, workflow-templates/*, actions/*/action.yml
// and actions/*/README.md. Every file is checked even when another has problems; the result lists them all.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkActionInputs, type ResolveActionInputs } from "./action-inputs.js";
import { checkActionMetadata } from "./action-metadata.js";
import { readActionIo, syncActionReadme, type ReadmeContext } from "./action-readme.js";
import { createWorkflowLinter } from "./actionlint.js";
import { checkCallerPermissions } from "./caller-permissions.js";
import { checkCheckoutCredentials } from "./checkout-credentials.js";
import type { LintIssue } from "./lint-issue.js";
import { atMarkdownLines, workflowSnippets } from "./markdown-workflows.js";
import { checkPermissions } from "./permissions.js";
import { checkPinnedActions } from "./pinned-actions.js";
import { checkScriptInjection } from "./script-injection.js";
import { compositeSteps, workflowJobs } from "./workflow-jobs.js";
import { checkTemplateProperties } from "./workflow-template.js";
import { loadYaml } from "./yaml-file.js";

/** How Bulwark's own actions are referenced in workflows and docs until it is published under a real name. */
export const BULWARK_REPOSITORY = "OWNER/REPO";

export interface LintRepositoryOptions {
  /** `owner/repo` whose actions may be referenced by major tag. Default BULWARK_REPOSITORY. */
  repository?: string;
}

export interface RepositoryLint {
  /** Every file that was checked, repository-relative. */
  files: string[];
  issues: LintIssue[];
}

function yamlFilesIn(root: string, dir: string): string[] {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => `${dir}/${name}`);
}

/** Action directories: every folder of actions/ that has an action.yml. */
export function actionNames(root: string): string[] {
  const dir = join(root, "actions");
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, "action.yml")))
    .map((entry) => entry.name)
    .sort();
}

/** Each action's major version, from its package.json (`0.1.0` is major 0). */
export function actionMajors(root: string): Record<string, number> {
  const majors: Record<string, number> = {};
  for (const name of actionNames(root)) {
    const file = join(root, "actions", name, "package.json");
    if (!existsSync(file)) continue;
    const version = (JSON.parse(readFileSync(file, "utf8")) as { version?: string }).version ?? "0.0.0";
    majors[name] = Number(version.split(".")[0]);
  }
  return majors;
}

function readmeContext(root: string, options: LintRepositoryOptions): ReadmeContext {
  return { repository: options.repository ?? BULWARK_REPOSITORY, majors: actionMajors(root) };
}

/** Inputs of this repository's actions, for `./actions/<name>` and `<repository>/actions/<name>@ref`. */
function ownActionInputs(root: string, repository: string): ResolveActionInputs {
  const prefix = `${repository.toLowerCase()}/actions/`;
  return (uses) => {
    const lower = uses.toLowerCase();
    let name: string | undefined;
    if (uses.startsWith("./actions/")) name = uses.slice("./actions/".length).replace(/\/$/, "");
    else if (lower.startsWith(prefix)) name = uses.slice(prefix.length).split("@")[0];
    if (!name || name.includes("/")) return undefined;
    const file = join(root, "actions", name, "action.yml");
    if (!existsSync(file)) return undefined;
    return Object.keys(readActionIo(readFileSync(file, "utf8")).inputs);
  };
}

export async function lintRepository(
  root: string,
  options: LintRepositoryOptions = {},
): Promise<RepositoryLint> {
  const repository = options.repository ?? BULWARK_REPOSITORY;
  const actionlint = await createWorkflowLinter();
  const files: string[] = [];
  const issues: LintIssue[] = [];

  const workflows = [...yamlFilesIn(root, ".github/workflows"), ...yamlFilesIn(root, "workflow-templates")];
  for (const file of workflows) {
    files.push(file);
    const text = readFileSync(join(root, file), "utf8");
    const loaded = loadYaml(file, text);
    if (!loaded.ok) {
      issues.push(...loaded.issues);
      continue;
    }
    const jobs = workflowJobs(loaded.yaml);
    issues.push(
      ...actionlint(file, text),
      ...checkPinnedActions(loaded.yaml, jobs, [], { firstParty: repository }),
      ...checkScriptInjection(loaded.yaml, jobs, []),
      ...checkPermissions(loaded.yaml, jobs),
      ...checkCheckoutCredentials(loaded.yaml, jobs, []),
      ...checkActionInputs(loaded.yaml, jobs, ownActionInputs(root, repository)),
      ...checkCallerPermissions(loaded.yaml, jobs, root, repository),
    );
    if (file.startsWith("workflow-templates/"))
      issues.push(...checkTemplateProperties(file, join(root, file)));
  }

  const context = readmeContext(root, options);
  for (const name of actionNames(root)) {
    const file = `actions/${name}/action.yml`;
    files.push(file);
    const text = readFileSync(join(root, file), "utf8");
    const loaded = loadYaml(file, text);
    if (!loaded.ok) {
      issues.push(...loaded.issues);
      continue;
    }
    const steps = compositeSteps(loaded.yaml);
    issues.push(
      ...checkActionMetadata(loaded.yaml, join(root, "actions", name)),
      ...checkPinnedActions(loaded.yaml, [], steps, { firstParty: repository }),
      ...checkScriptInjection(loaded.yaml, [], steps),
    );

    const readme = `actions/${name}/README.md`;
    files.push(readme);
    const current = existsSync(join(root, readme)) ? readFileSync(join(root, readme), "utf8") : "";
    issues.push(...lintSnippets(readme, current, root, repository));
    if (current !== syncActionReadme(current, readActionIo(text), context))
      issues.push({
        file: readme,
        line: 1,
        rule: "readme-tables",
        message: `the inputs/outputs tables or the pinned major differ from ${file}: run the workflow-lint tests with BULWARK_UPDATE=1`,
      });
  }
  for (const doc of markdownDocs(root)) {
    files.push(doc);
    issues.push(...lintSnippets(doc, readFileSync(join(root, doc), "utf8"), root, repository));
  }
  return { files, issues };
}

/** The workflow snippets of a Markdown file: pinned actions, checkout credentials, script injection,
 * declared permissions (and enough of them for our reusable workflow), inputs of our actions. */
function lintSnippets(file: string, markdown: string, root: string, repository: string): LintIssue[] {
  const { snippets, issues } = workflowSnippets(file, markdown);
  for (const snippet of snippets) {
    const jobs = workflowJobs(snippet.yaml);
    issues.push(
      ...atMarkdownLines(snippet, [
        ...checkPinnedActions(snippet.yaml, jobs, [], { firstParty: repository }),
        ...checkCheckoutCredentials(snippet.yaml, jobs, []),
        ...checkScriptInjection(snippet.yaml, jobs, []),
        ...checkPermissions(snippet.yaml, jobs),
        ...checkActionInputs(snippet.yaml, jobs, ownActionInputs(root, repository)),
        ...checkCallerPermissions(snippet.yaml, jobs, root, repository),
      ]),
    );
  }
  return issues;
}

/** Markdown files outside actions/ whose workflow snippets are checked too. */
const DOCS = ["README.md", "docs"];

function markdownDocs(root: string): string[] {
  const found: string[] = [];
  for (const entry of DOCS) {
    const abs = join(root, entry);
    if (!existsSync(abs)) continue;
    if (entry.endsWith(".md")) found.push(entry);
    else
      found.push(
        ...readdirSync(abs)
          .filter((name) => name.endsWith(".md"))
          .sort()
          .map((name) => `${entry}/${name}`),
      );
  }
  return found;
}

/** Rewrites every action README whose generated parts are stale; returns the files it changed. */
export function updateActionReadmes(root: string, options: LintRepositoryOptions = {}): string[] {
  const context = readmeContext(root, options);
  const changed: string[] = [];
  for (const name of actionNames(root)) {
    const readme = join(root, "actions", name, "README.md");
    const current = existsSync(readme) ? readFileSync(readme, "utf8") : `# Bulwark \`${name}\`\n`;
    const io = readActionIo(readFileSync(join(root, "actions", name, "action.yml"), "utf8"));
    const next = syncActionReadme(current, io, context);
    if (next !== current) {
      writeFileSync(readme, next);
      changed.push(`actions/${name}/README.md`);
    }
  }
  return changed;
}
