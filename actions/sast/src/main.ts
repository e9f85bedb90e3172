// Entry point the runner executes: read the inputs, run, exit with the verdict. The bundle also carries
// ESLint and starts itself again with ESLINT_HOST_FLAG to lint in a child process.
import "./cjs-globals.js";
import { fileURLToPath } from "node:url";
import { ESLINT_HOST_FLAG, eslintHostMain, registerEslintHost } from "@bulwark/sast";
import { run } from "./run.js";

if (process.argv[2] === ESLINT_HOST_FLAG) {
  process.exitCode = await eslintHostMain(process.argv.slice(3));
} else {
  registerEslintHost(fileURLToPath(import.meta.url));
  process.exitCode = await run(process.env);
}
