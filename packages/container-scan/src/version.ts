// The engine's name and version as reports and SARIF carry them.
export const TOOL = "container-scan";
export const ENGINE_VERSION = "0.1.0";
