// The checks `bulwark` knows: the same definitions the actions run, in the order `bulwark all` runs them.
import { containerScanCheck } from "@bulwark/container-scan";
import { osvScanCheck } from "@bulwark/osv-scan";
import { sastCheck } from "@bulwark/sast";
import { secretScanCheck } from "@bulwark/secret-scan";
import { supportedVersionsCheck } from "@bulwark/supported-versions";
import type { CliProgram } from "./main.js";
import { CLI_VERSION } from "./version.js";

export const program: CliProgram = {
  version: CLI_VERSION,
  checks: [supportedVersionsCheck, sastCheck, osvScanCheck, secretScanCheck, containerScanCheck],
};
