export * from "./annotations.js";
export * from "./escape-markdown.js";
export * from "./json.js";
export * from "./json-schema.js";
export * from "./markdown.js";
export * from "./order.js";
export * from "./pr-comment.js";
export * from "./sarif.js";
