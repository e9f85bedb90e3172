export * from "./finding.js";
