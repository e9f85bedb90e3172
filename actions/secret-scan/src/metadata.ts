// What action.yml says besides the inputs, which come from the check definition.
import { renderActionYml } from "@bulwark/core";
import { secretScanCheck } from "@bulwark/secret-scan";

export function actionYml(): string {
  return renderActionYml(secretScanCheck, {
    name: "Bulwark secret-scan",
    branding: { icon: "lock", color: "red" },
  });
}
