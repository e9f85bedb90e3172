export * from "./env-files.js";
export * from "./workflow-commands.js";
export * from "./act.js";
export * from "./action-runner.js";
