// What action.yml says besides the inputs, which come from the check definition.
import { renderActionYml } from "@bulwark/core";
import { sastCheck } from "@bulwark/sast";

export function actionYml(): string {
  return renderActionYml(sastCheck, {
    name: "Bulwark sast",
    branding: { icon: "shield", color: "blue" },
  });
}
