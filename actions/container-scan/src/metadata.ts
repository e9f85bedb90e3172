// What action.yml says besides the inputs, which come from the check definition.
import { renderActionYml } from "@bulwark/core";
import { containerScanCheck } from "@bulwark/container-scan";

export function actionYml(): string {
  return renderActionYml(containerScanCheck, {
    name: "Bulwark container-scan",
    outputs: {
      images:
        "JSON array, one entry per image: { image, digest, os, baseImage, packages, critical, high, medium, low, fixable, error }.",
      sboms: "JSON array of the SBOMs written with sbom-dir: { image, file }.",
    },
    branding: { icon: "package", color: "blue" },
  });
}
