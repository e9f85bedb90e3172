export * from "./package-record.js";
export * from "./extractor.js";
