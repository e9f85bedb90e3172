export * from "./finding.js";
export * from "./report.js";
export * from "./severity.js";
export * from "./fingerprint.js";
export * from "./config/errors.js";
export * from "./policy/ignore.js";
export * from "./policy/baseline.js";
export * from "./policy/gate.js";
