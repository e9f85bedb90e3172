export * from "./context.js";
export * from "./repository-api.js";
export * from "./rest-client.js";
