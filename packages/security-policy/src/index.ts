export * from "./disclosure-timeline.js";
export * from "./find-policy.js";
export * from "./parse-policy.js";
export * from "./promised-checks.js";
export * from "./reporting-channels.js";
export * from "./support-status.js";
export * from "./supported-versions-table.js";
export * from "./version-spec.js";
