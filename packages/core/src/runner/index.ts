export * from "./env-files.js";
export * from "./workflow-commands.js";
