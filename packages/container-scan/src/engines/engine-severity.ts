// Severity words of Trivy and Grype in our scale.
import type { Severity } from "@bulwark/core";

export function engineSeverity(value: unknown): Severity {
  switch (String(value ?? "").toLowerCase()) {
    case "critical":
      return "critical";
    case "high":
      return "high";
    case "medium":
      return "medium";
    case "low":
    case "negligible":
      return "low";
    default:
      return "medium";
  }
}
