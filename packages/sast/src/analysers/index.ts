// Every analyser adapter, in the order results are listed.
import type { Analyser } from "../analyser.js";
import { bandit } from "./bandit.js";
import { cppcheck } from "./cppcheck.js";
import { eslint } from "./eslint.js";
import { flawfinder } from "./flawfinder.js";
import { gosec } from "./gosec.js";
import { semgrep } from "./semgrep.js";
import { shellcheck } from "./shellcheck.js";

export const ANALYSERS: readonly Analyser[] = [
  bandit,
  eslint,
  shellcheck,
  cppcheck,
  flawfinder,
  gosec,
  semgrep,
];
export const ANALYSER_NAMES = ANALYSERS.map((a) => a.name);
