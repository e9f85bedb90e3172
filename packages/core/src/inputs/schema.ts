// JSON schema of a config-file section holding the given inputs, so config keys and inputs never drift.
import type { JsonSchema } from "../config/schema-check.js";
import type { AnyInputSpec } from "./spec.js";

/** `{ type: "object", properties: { "<input-name>": <its schema> }, additionalProperties: false }`
 * for every configurable input. Pass it as `sectionSchema` to loadConfig for action-specific inputs. */
export function configSchemaForInputs(specs: readonly AnyInputSpec[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const spec of specs) if (spec.configurable) properties[spec.name] = spec.schema;
  return { type: "object", properties, additionalProperties: false };
}
