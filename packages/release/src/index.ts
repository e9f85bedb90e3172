export { parseVersion, readActionVersions, type ActionVersion } from "./action-versions.js";
export { planTags, type PlanInput, type TagChange, type TagPlan } from "./plan-tags.js";
export { applyTagPlan, changedSince, headCommit, readTags } from "./git-tags.js";
