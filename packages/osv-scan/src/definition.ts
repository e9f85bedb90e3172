// The osv-scan check as the action and the CLI see it: its inputs and how they map to the pipeline.
import { isAbsolute, join } from "node:path";
import {
  commonInputs,
  defineCheck,
  input,
  readGitHubContext,
  type CheckContext,
  type ScanProblem,
} from "@bulwark/core";
import { chooseDatabase } from "./choose-database.js";
import { osvDatabaseInputs } from "./database-inputs.js";
import { scanDependencies } from "./scan-dependencies.js";
import { readSlaPolicy } from "./sla.js";

export const osvScanCheck = defineCheck({
  name: "osv-scan",
  description:
    "Fails the build on dependencies with known vulnerabilities (OSV) and says exactly what to upgrade.",
  specs: [
    ...commonInputs,
    input.boolean("recursive", {
      description: "Look for lockfiles in every folder under path, not only at its top level.",
      default: true,
    }),
    input.list("include", {
      description: "Only lockfiles matching these globs (relative to path). Default: every supported file.",
      default: [],
    }),
    input.list("exclude", {
      description: "Leave out lockfiles and folders matching these globs (relative to path).",
      default: [],
    }),
    input.list("lockfiles", {
      description:
        "Exactly these lockfiles (relative to path) instead of discovering them; recursive/include/exclude then do not apply.",
      default: [],
    }),
    input.boolean("include-dev", {
      description: "Also check packages only development needs (dev dependencies).",
      default: true,
    }),
    ...osvDatabaseInputs,
    input.boolean("new-only", {
      description:
        "On pull requests (or with base), fail only on vulnerabilities the change introduces: the base's lockfiles are read from git and scanned too; the ones already there are reported, the ones gone are listed as fixed.",
      default: false,
    }),
    input.boolean("sla", {
      description:
        "Mark vulnerabilities published longer ago than the security policy's (SECURITY.md) time to patch for their severity as SLA breached; needs a disclosure / time-to-patch table in the policy.",
      default: true,
    }),
    input.boolean("fail-on-sla-breach", {
      description: "Fail on any SLA-breached vulnerability, whatever fail-on says about its severity.",
      default: false,
    }),
    input.string("base", {
      description:
        "Git revision to compare with (implies new-only). Default: the pull request's (or merge group's) base commit when new-only is on.",
    }),
  ] as const,
  async run(inputs, context) {
    const cacheDir = inputs.databaseCache
      ? isAbsolute(inputs.databaseCache)
        ? inputs.databaseCache
        : join(context.workspace, inputs.databaseCache)
      : join(context.tempDir, "osv");
    const source = chooseDatabase({
      mode: inputs.database,
      cacheDir,
      apiUrl: inputs.osvApiUrl,
      exportsUrl: inputs.osvDbUrl,
      retry: { attempts: 4 },
    });
    const base = inputs.base ?? (inputs.newOnly ? baseOfEvent(context.env) : undefined);
    const notices: ScanProblem[] = [];
    if (inputs.newOnly && base === undefined) {
      notices.push({
        level: "notice",
        message:
          "new-only has no base to compare with outside pull requests and merge groups (set base): every finding counts",
      });
    }
    const sla = inputs.sla || inputs.failOnSlaBreach ? await readSlaPolicy(context.workspace) : undefined;
    notices.push(...(sla?.problems ?? []));
    if (inputs.failOnSlaBreach && !sla?.policy) {
      notices.push({
        level: "warning",
        message:
          "fail-on-sla-breach is on, but no security policy (SECURITY.md, .github/ or docs/) gives a time to patch by severity: nothing can breach it",
      });
    }
    const result = await scanDependencies({
      root: context.root,
      workspace: context.workspace,
      recursive: inputs.recursive,
      include: inputs.include,
      exclude: inputs.exclude,
      lockfiles: inputs.lockfiles,
      includeDev: inputs.includeDev,
      source,
      progress: context.progress,
      ...(base !== undefined ? { base } : {}),
      ...(sla?.policy ? { sla: sla.policy, failOnSlaBreach: inputs.failOnSlaBreach, now: context.now } : {}),
    });
    result.problems.push(...notices);
    return result;
  },
});

/** The base commit of the pull request or merge group the run is for, if any. */
function baseOfEvent(env: CheckContext["env"]): string | undefined {
  const github = readGitHubContext(env);
  return github.pullRequest?.baseSha ?? github.mergeGroup?.baseSha;
}
