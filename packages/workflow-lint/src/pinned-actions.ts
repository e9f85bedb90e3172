// Every action or reusable workflow a workflow runs is pinned to a full commit SHA, so a moved or
// compromised tag cannot change what runs. Exceptions: local paths (`./...`, they are this commit), Docker
// images by digest, and Bulwark's own actions and workflow at a major tag (`OWNER/REPO/...@v1` or
// `@osv-scan/v1`), which is how Bulwark is published and what its release workflow moves.
import type { LintIssue } from "./lint-issue.js";
import type { WorkflowJob, WorkflowStep } from "./workflow-jobs.js";
import type { YamlFile } from "./yaml-file.js";

export interface PinningOptions {
  /** `owner/repo` of this repository: its own actions may use a major-version tag. */
  firstParty?: string;
}

const FULL_SHA = /^[0-9a-f]{40}$/;
const MAJOR_TAG = /^(?:[a-z0-9-]+\/)?v\d+$/;
const DOCKER_DIGEST = /@sha256:[0-9a-f]{64}$/;

/** Why `uses` is not acceptably pinned, or undefined when it is. */
export function unpinnedReason(uses: string, options: PinningOptions = {}): string | undefined {
  if (uses.startsWith("./")) return undefined;
  if (uses.startsWith("docker://"))
    return DOCKER_DIGEST.test(uses) ? undefined : `"${uses}" is a Docker image without a sha256 digest`;
  const at = uses.lastIndexOf("@");
  if (at <= 0) return `"${uses}" names no version: pin it to a full commit SHA`;
  const target = uses.slice(0, at);
  const ref = uses.slice(at + 1);
  if (FULL_SHA.test(ref)) return undefined;
  const [owner, repo] = target.split("/");
  const firstParty = options.firstParty?.toLowerCase();
  if (firstParty && `${owner}/${repo}`.toLowerCase() === firstParty) {
    return MAJOR_TAG.test(ref)
      ? undefined
      : `"${uses}": Bulwark's own actions are referenced by a major tag (v1 or <action>/v1) or a full SHA`;
  }
  return `"${uses}" is pinned to "${ref}", which can move: pin it to a full 40-character commit SHA (keep the tag in a comment)`;
}

export function checkPinnedActions(
  yaml: YamlFile,
  jobs: WorkflowJob[],
  extraSteps: WorkflowStep[],
  options: PinningOptions = {},
): LintIssue[] {
  const uses = [
    ...jobs.flatMap((job) => (job.uses ? [job.uses] : [])),
    ...[...jobs.flatMap((job) => job.steps), ...extraSteps].flatMap((step) => (step.uses ? [step.uses] : [])),
  ];
  return uses.flatMap(({ value, node }) => {
    const reason = unpinnedReason(value, options);
    return reason
      ? [{ file: yaml.file, line: yaml.lineOf(node), rule: "unpinned-action", message: reason }]
      : [];
  });
}
