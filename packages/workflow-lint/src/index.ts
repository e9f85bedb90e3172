export { formatIssue, type LintIssue } from "./lint-issue.js";
export { loadYaml, type YamlFile } from "./yaml-file.js";
export { workflowJobs, compositeSteps, type WorkflowJob, type WorkflowStep } from "./workflow-jobs.js";
export { unpinnedReason, checkPinnedActions, type PinningOptions } from "./pinned-actions.js";
export { untrustedExpressions, checkScriptInjection } from "./script-injection.js";
export { checkPermissions } from "./permissions.js";
export { checkCallerPermissions, ownWorkflowFile } from "./caller-permissions.js";
export { grantedScopes, levelOf, TOKEN_SCOPES, type AccessLevel } from "./token-permissions.js";
export { checkCheckoutCredentials } from "./checkout-credentials.js";
export { checkActionInputs, type ResolveActionInputs } from "./action-inputs.js";
export { checkActionMetadata } from "./action-metadata.js";
export { checkTemplateProperties } from "./workflow-template.js";
export { createWorkflowLinter, type WorkflowLinter } from "./actionlint.js";
export {
  readActionIo,
  renderInputsTable,
  renderOutputsTable,
  syncActionReadme,
  type ActionIo,
  type ReadmeContext,
} from "./action-readme.js";
export {
  BULWARK_REPOSITORY,
  actionMajors,
  actionNames,
  lintRepository,
  updateActionReadmes,
  type LintRepositoryOptions,
  type RepositoryLint,
} from "./lint-repository.js";
