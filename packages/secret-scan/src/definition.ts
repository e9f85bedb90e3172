// The secret-scan check as the action and the CLI see it: which commits or files to read, and the engine.
import {
  commonInputs,
  defineCheck,
  input,
  readGitHubContext,
  type ScanProblem,
  type ScanResult,
} from "@bulwark/core";
import { loadRepoSettings, scanDirectory, toScanResult, TOOL, type TestPathMode } from "@bulwark/secrets";
import { secretsConfigInputs } from "./config-inputs.js";
import { ensureRange } from "./ensure-commits.js";
import { hasCommit } from "./git.js";
import { scanHistory } from "./scan-history.js";
import { chooseTarget, newBranchTarget, type ScanMode, type ScanTarget } from "./scan-target.js";
import { ENGINE_VERSION } from "./version.js";

export const secretScanCheck = defineCheck({
  name: "secret-scan",
  description:
    "Finds leaked credentials in the working tree, in a pull request's or push's commits, or in history.",
  specs: [
    ...commonInputs,
    input.choice("scan", {
      values: ["auto", "tree", "history", "diff"],
      description:
        "What to read: auto (a pull request's commits base..head, a push's commits before..after, else the working tree), tree (the files as checked out), history (every commit reachable from HEAD), diff (like auto, but an error outside pull_request/push).",
      default: "auto",
    }),
    input.string("history-range", {
      description: 'Scan exactly these commits (git revision range, e.g. "v1.0.0..HEAD"); overrides scan.',
    }),
    input.choice("test-paths", {
      values: ["lower", "skip", "keep"],
      description:
        "Secrets in test paths (test/, __tests__/, fixtures/, *.test.*...): lower (report at low severity), skip (do not scan them), keep (like any file).",
      default: "lower",
    }),
    input.list("test-path-globs", {
      description: "Globs that count as test paths instead of the built-in list.",
      default: [],
    }),
    input.number("max-file-mib", {
      description:
        "Files (and a commit's added lines in one file) larger than this many MiB are not scanned; a notice names them.",
      min: 0.001,
      default: 10,
    }),
    input.number("max-line-length", {
      description:
        "Matches on longer lines are dropped, and a .js/.css/.json/.svg/.html file with such a line counts as minified and is skipped.",
      integer: true,
      min: 80,
      default: 4000,
    }),
    ...secretsConfigInputs,
  ] as const,
  async run(inputs, context): Promise<ScanResult> {
    const settings = await loadRepoSettings(context.root, {
      config: { rules: inputs.rules, allowlists: inputs.allowlists, disabledRules: inputs.disabledRules },
    });
    const options = {
      ...settings.options,
      maxBytes: Math.round(inputs.maxFileMib * 1024 * 1024),
      maxLineLength: inputs.maxLineLength,
      testPaths: {
        mode: inputs.testPaths as TestPathMode,
        ...(inputs.testPathGlobs.length > 0 ? { globs: inputs.testPathGlobs } : {}),
      },
    };
    const github = readGitHubContext(context.env);
    let target: ScanTarget = await chooseTarget(
      inputs.scan as ScanMode,
      inputs.historyRange,
      github,
      context.root,
    );
    const notices: ScanProblem[] = [];
    context.progress(`secret-scan: ${target.reason}`);
    if (target.kind === "history" && target.base && target.head) {
      const ensured = await ensureRange(context.root, target.base, target.head);
      if (!ensured.ok && target.push && (await hasCommit(context.root, target.head))) {
        // A force push can leave `before` unreachable (gone from the remote too): scan what the pushed
        // branch has that no other remote branch has, rather than fail or pass.
        const why = `the push's previous head ${target.base.slice(0, 12)} is not available (${ensured.message})`;
        notices.push({ level: "notice", message: `${why}; scanned as a new branch instead.` });
        target = await newBranchTarget(context.root, target.push, "force push");
        context.progress(`secret-scan: ${target.reason}`);
      } else if (!ensured.ok) {
        return {
          tool: TOOL,
          toolVersion: ENGINE_VERSION,
          findings: [],
          problems: [
            ...settings.problems,
            { level: "error", message: `Cannot scan ${target.reason}: ${ensured.message}.` },
          ],
        };
      }
      if (ensured.ok && ensured.fetched)
        context.progress("secret-scan: fetched the missing history from the remote");
    }
    if (target.kind === "nothing") {
      return {
        tool: TOOL,
        toolVersion: ENGINE_VERSION,
        findings: [],
        problems: [{ level: "notice", message: `Nothing to scan: ${target.reason}.` }],
      };
    }
    if (target.kind === "tree") {
      // On worker threads when the tree is large (the action bundle registers itself as the worker script).
      const result = await scanDirectory(context.root, options);
      return {
        ...toScanResult(
          { ...result, problems: [...settings.problems, ...notices, ...result.problems] },
          ENGINE_VERSION,
        ),
        secretsForMasking: result.secretsForMasking,
      };
    }
    const result = await scanHistory(context.root, target.revisions, options);
    const { durationMs: _d, ...stats } = result.stats;
    return {
      tool: TOOL,
      toolVersion: ENGINE_VERSION,
      findings: result.findings,
      problems: [...settings.problems, ...notices, ...result.problems],
      stats: { ...stats },
      secretsForMasking: result.secretsForMasking,
    };
  },
});
