// What action.yml says besides the inputs, which come from the check definition.
import { renderActionYml } from "@bulwark/core";
import { supportedVersionsCheck } from "@bulwark/supported-versions";

export function actionYml(): string {
  return renderActionYml(supportedVersionsCheck, {
    name: "Bulwark supported-versions",
    branding: { icon: "shield", color: "blue" },
  });
}
