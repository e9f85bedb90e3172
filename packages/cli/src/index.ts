export { main, type CliProgram } from "./main.js";
export type { CliIo } from "./io.js";
export { EXIT_GATE_FAILED, EXIT_PASS, EXIT_USAGE } from "./io.js";
