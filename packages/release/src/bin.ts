#!/usr/bin/env node
// bulwark-release-tags [--root DIR] [--push REMOTE] [--dry-run]
// Prints the tag plan for HEAD, makes the tags, and pushes them to REMOTE when given.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { readActionVersions } from "./action-versions.js";
import { applyTagPlan, changedSince, headCommit, readTags } from "./git-tags.js";
import { planTags } from "./plan-tags.js";

const { values } = parseArgs({
  options: {
    root: { type: "string", default: "." },
    push: { type: "string" },
    "dry-run": { type: "boolean", default: false },
  },
});
const root = resolve(values.root);
const plan = planTags({
  head: headCommit(root),
  actions: readActionVersions(root),
  tags: readTags(root),
  changedSince: (commit, path) => changedSince(root, commit, path),
});
for (const { tag, commit } of plan.create) console.log(`create ${tag} -> ${commit}`);
for (const { tag, commit, from } of plan.move) console.log(`move   ${tag} ${from} -> ${commit}`);
for (const note of plan.notes) console.log(`note: ${note}`);
if (plan.create.length + plan.move.length === 0) console.log("nothing to tag");
if (!values["dry-run"]) applyTagPlan(root, plan, values.push);
