// The checks `bulwark` knows: the same definitions the actions run.
import type { CliProgram } from "./main.js";

export const program: CliProgram = {
  version: "0.1.0",
  checks: [],
};
