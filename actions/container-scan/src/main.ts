// Entry point the runner executes: read the inputs, run, exit with the verdict.
import { run } from "./run.js";

process.exitCode = await run(process.env);
