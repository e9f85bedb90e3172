// What action.yml says besides the inputs, which come from the check definition.
import { renderActionYml } from "@bulwark/core";
import { osvScanCheck } from "@bulwark/osv-scan";

export function actionYml(): string {
  return renderActionYml(osvScanCheck, {
    name: "Bulwark osv-scan",
    outputs: {
      "vulnerable-packages":
        "JSON array of the vulnerable package versions: { ecosystem, name, version, ids, fixedVersions, files }.",
    },
    branding: { icon: "shield", color: "blue" },
  });
}
